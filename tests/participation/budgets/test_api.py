"""The budgets API: read for everyone, vote for citizens, review and results for staff; French refusals."""

import pytest
from rest_framework.test import APIClient

from participation.budgets.models import Ballot

from .fixtures import feasible

pytestmark = pytest.mark.django_db


def api(user=None):
    client = APIClient()
    if user is not None:
        client.force_authenticate(user)
    return client


def test_everyone_reads_budgets_and_projects(budget):
    budget_, (source, _clos), _p = budget()
    listing = api().get("/api/budgets/")
    assert listing.status_code == 200
    [item] = listing.json()["results"]
    assert [e["name"] for e in item["envelopes"]] == ["La Source", "Les Clos"]
    projects = api().get("/api/budget-projects/", {"envelope": source.pk, "feasibility": "feasible"}).json()["results"]
    assert [p["title"] for p in projects] == ["Bancs et ombrières", "Fresque participative", "Jardin partagé"]


def test_a_citizen_casts_then_replaces_a_ballot(budget, person):
    _budget, (source, _clos), p = budget()
    client = api(person())
    url = f"/api/budget-envelopes/{source.pk}/ballot/"
    first = client.post(url, {"projects": [p["jardin"].pk]}, format="json")
    assert first.status_code == 201 and first.json()["total_cents"] == 400_000
    second = client.post(url, {"projects": [p["bancs"].pk, p["jardin"].pk]}, format="json")
    assert second.status_code == 200 and second.json()["projects"] == sorted([p["bancs"].pk, p["jardin"].pk])
    assert client.get(url).json()["total_cents"] == 700_000 and Ballot.objects.count() == 1


def test_refusals_are_french_4xx_with_a_code(budget, person):
    budget_, (source, _clos), p = budget()
    url = f"/api/budget-envelopes/{source.pk}/ballot/"
    visitor = api().post(url, {"projects": [p["jardin"].pk]}, format="json")
    assert visitor.status_code in (401, 403) and visitor.json()["code"] == "not_authenticated"
    over = api(person()).post(url, {"projects": [p["jardin"].pk, p["bancs"].pk, p["fresque"].pk]}, format="json")
    assert over.status_code == 400 and over.json()["code"] == "invalid_selection"
    assert "plus que les 10\u00a0000\u00a0€" in over.json()["detail"]
    malformed = api(person()).post(url, {"projects": "tout"}, format="json")
    assert malformed.status_code == 400 and malformed.json()["code"] == "invalid"
    results = api().get(f"/api/budgets/{budget_.pk}/results/")
    assert results.status_code == 404 and results.json()["code"] == "not_published"
    review = api(person()).post(f"/api/budget-projects/{p['jardin'].pk}/review/", {"feasible": False, "reason": "Non"}, format="json")
    assert review.status_code == 403 and review.json()["code"] == "forbidden"


def test_a_code_votes_once_through_the_api_whatever_the_channel(budget, person):
    budget_, (source, _clos), p = budget()
    staff = person("staff")
    codes = api(staff).post(f"/api/budgets/{budget_.pk}/codes/", {"envelope": source.pk, "count": 2}, format="json")
    assert codes.status_code == 201
    first, second = codes.json()["codes"]
    online = api().post(f"/api/budget-envelopes/{source.pk}/code-ballot/", {"code": first, "projects": [p["jardin"].pk]}, format="json")
    assert online.status_code == 201 and online.json()["channel"] == "online"
    paper = f"/api/budget-envelopes/{source.pk}/paper-ballot/"
    again = api(staff).post(paper, {"code": first, "projects": [p["bancs"].pk]}, format="json")
    assert again.status_code == 409 and again.json()["code"] == "code_used"
    citizen = api(person()).post(paper, {"code": second, "projects": [p["bancs"].pk]}, format="json")
    assert citizen.status_code == 403
    assert api(staff).post(paper, {"code": second, "projects": [p["bancs"].pk]}, format="json").json()["channel"] == "paper"


def test_staff_count_decide_and_publish(budget, person):
    budget_, (source, _clos), p = budget(vote_open=False)
    staff = api(person("staff"))
    assert api(person()).post(f"/api/budgets/{budget_.pk}/count/").status_code == 403
    assert staff.post(f"/api/budgets/{budget_.pk}/publish/").json()["code"] == "not_counted"
    assert staff.post(f"/api/budgets/{budget_.pk}/count/").status_code == 200
    no_reason = staff.post(f"/api/budgets/{budget_.pk}/decide/", {"project": p["fresque"].pk, "winner": True}, format="json")
    assert no_reason.status_code == 400 and no_reason.json()["code"] == "invalid"
    decided = staff.post(
        f"/api/budgets/{budget_.pk}/decide/",
        {"project": p["fresque"].pk, "winner": True, "reason": "Vote du conseil citoyen"}, format="json",
    )
    assert decided.status_code == 200
    assert staff.post(f"/api/budgets/{budget_.pk}/method/", {"official_method": "greedy"}, format="json").json()["official_method"] == "greedy"
    assert staff.post(f"/api/budgets/{budget_.pk}/publish/").status_code == 200
    envelopes = api().get(f"/api/budgets/{budget_.pk}/results/").json()
    fresque = next(x for x in envelopes[0]["projects"] if x["title"] == "Fresque participative")
    assert fresque["winner"] is True and fresque["decision_reason"] == "Vote du conseil citoyen"


@pytest.mark.parametrize("url", ["/api/budgets/", "/api/budget-projects/", "results"])
def test_api_lists_do_a_constant_number_of_queries(budget, person, django_assert_max_num_queries, url):
    budget_, (source, _clos), _p = budget()
    budget_.results_published_at = budget_.counted_at = budget_.step.starts_at
    budget_.save()
    if url == "results":
        url = f"/api/budgets/{budget_.pk}/results/"
    client = api(person())
    client.get(url)
    with django_assert_max_num_queries(12) as small:
        client.get(url)
    for number in range(25):
        feasible(source, f"Projet {number}", 1000 + number)
        budget()
    with django_assert_max_num_queries(len(small.captured_queries)):
        assert client.get(url).status_code == 200




@pytest.mark.parametrize("query", [{"feasibility": "peut-etre"}, {"envelope": "abc"}, {"budget": "0"}])
def test_a_malformed_filter_is_a_french_400(budget, query):
    budget()
    response = api().get("/api/budget-projects/", query)
    assert response.status_code == 400 and response.json()["code"] == "invalid"
