"""The schema is the truth: every error answer of every operation is the documented Refusal."""

import jsonschema
import pytest
from drf_spectacular.generators import SchemaGenerator
from rest_framework.throttling import SimpleRateThrottle

from tests.factories import UserFactory

pytestmark = pytest.mark.django_db


@pytest.fixture(scope="module")
def openapi():
    return SchemaGenerator().get_schema(request=None, public=True)


def refusal_validator(openapi):
    return jsonschema.Draft7Validator(openapi["components"]["schemas"]["Refusal"])


def test_every_error_answer_of_every_operation_is_a_refusal(openapi):
    operations = [(path, method, op) for path, ops in openapi["paths"].items() for method, op in ops.items()]
    assert len(operations) > 50
    for path, method, operation in operations:
        errors = {status: response for status, response in operation["responses"].items() if status.startswith("4")}
        assert {"400", "401", "403", "404", "429"} <= set(errors), (method, path)
        for status, response in errors.items():
            schema = response["content"]["application/json"]["schema"]
            assert schema == {"$ref": "#/components/schemas/Refusal"}, (method, path, status)


@pytest.mark.parametrize(
    "url, role",
    [("/api/reports/", "citizen"), ("/api/moderation/blocks/", "moderator"), ("/api/moderation/cases/bulk/", "moderator")],
)
def test_an_empty_post_is_a_refusal_naming_every_missing_field(url, role, openapi, user_for_role, api_for):
    response = api_for(user_for_role(role)).post(url, {}, format="json")
    assert response.status_code == 400
    body = response.json()
    refusal_validator(openapi).validate(body)
    assert body["code"] == "invalid"
    field = next(iter(body["errors"]))
    assert body["detail"] == f"{field} : Ce champ est obligatoire."


def test_nested_errors_are_dotted(moderator, api_for, openapi):
    response = api_for(moderator).post(
        "/api/moderation/cases/bulk/", {"decision": "dismiss", "cases": [3, "trois"]}, format="json"
    )
    assert response.status_code == 400
    refusal_validator(openapi).validate(response.json())
    assert list(response.json()["errors"]) == ["cases.1"]


def test_a_malformed_body_and_other_errors_are_refusals_too(citizen, api_for, openapi):
    client = api_for(citizen)
    validate = refusal_validator(openapi).validate
    malformed = client.post("/api/reports/", "{", content_type="application/json")
    assert malformed.status_code == 400 and malformed.json()["code"] == "parse_error"
    not_allowed = client.put("/api/reports/", {}, format="json")
    assert not_allowed.status_code == 405
    forbidden = client.get("/api/moderation/cases/")
    assert forbidden.status_code == 403
    unknown = client.get("/api/nulle-part/")
    assert unknown.status_code == 404
    for response in (malformed, not_allowed, forbidden, unknown):
        validate(response.json())


def test_throttled_is_a_refusal(openapi, api_for, monkeypatch):
    monkeypatch.setattr(SimpleRateThrottle, "THROTTLE_RATES", {"anon": "1/minute", "user": "1/minute", "write": "1/minute"})
    client = api_for(UserFactory())
    client.get("/api/events/")
    response = client.get("/api/events/")
    assert response.status_code == 429
    refusal_validator(openapi).validate(response.json())
    assert response.json()["code"] == "throttled"


@pytest.mark.parametrize("body", [0, 1.5, True, ["texte"], {"texte": 1}])
def test_a_text_field_takes_text_only(body, citizen, api_for, openapi):
    response = api_for(citizen).post("/api/proposals/", {"title": "Des bancs", "body": body}, format="json")
    assert response.status_code == 400
    refusal_validator(openapi).validate(response.json())
    assert response.json()["errors"] == {"body": ["Saisissez du texte, pas un nombre ni une autre valeur."]}
