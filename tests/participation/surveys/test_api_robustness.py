"""Odd inputs get a 4xx, never a 5xx (NUL bytes matter on PostgreSQL: run make test-postgres)."""

import pytest

from tests.participation.surveys.fixtures import make_questionnaire, make_user
pytestmark = pytest.mark.django_db

BODIES = [None, "", "null", "[]", '{"answers": null}', '{"answers": [{"question": 1e30, "value": 1}]}',
          '{"answers": [{"question": -1, "value": {"a": [1]}}]}', '{"answers": [{"question": 99999999999999999999, "value": 1}]}']

def test_odd_inputs_never_crash(client_as):
    questionnaire, q, choices = make_questionnaire()
    client = client_as(make_user())
    for body in BODIES:
        r = client.post(f"/api/questionnaires/{questionnaire.pk}/answer/", body or "", content_type="application/json")
        assert r.status_code < 500, (body, r.status_code)
    for value in [None, 1.5, "\x00", ["\x00"], [1e308], {"x": 1}, [[1]], "9"*40, -10**20]:
        for key in q:
            r = client.post(f"/api/questionnaires/{questionnaire.pk}/answer/",
                            {"answers": [{"question": q[key].pk, "value": value}]}, content_type="application/json")
            assert r.status_code < 500, (key, value, r.status_code)
    for url in ["/api/questionnaires/abc/", "/api/questionnaires/?consultation=%00", "/api/consultations/?theme=%00",
                "/api/consultations/?period=zzz&territory=x", "/api/consultations/zz%00/", "/consultations/?period=open&theme=%00",
                "/desabonnement/abc/", "/questionnaires/999/resultats/"]:
        assert client.get(url).status_code < 500, url
