"""Councils over the API, as on the pages: asking for one, joining, managing members, verification."""

import pytest

from participation.councils.models import Council, CouncilStatus, Membership, MembershipRole, MembershipState
from tests.conftest import ROLES
from tests.factories import UserFactory

from .factories import CouncilFactory, MembershipFactory, member_of

pytestmark = pytest.mark.django_db


def _visitor_status():
    """401 where the host authenticates by token (it names a scheme), 403 on a session-only host."""
    from rest_framework.settings import api_settings

    first = api_settings.DEFAULT_AUTHENTICATION_CLASSES[0]()
    return 401 if first.authenticate_header(None) else 403


VISITOR = _visitor_status()


def requested_council(manager):
    council = CouncilFactory(status=CouncilStatus.REQUESTED, verified_at=None)
    member_of(council, manager, MembershipRole.MANAGER)
    return council


def test_a_citizen_asks_for_a_council_and_manages_it_before_verification(citizen, api_for):
    client = api_for(citizen)
    response = client.post("/api/councils/", {"name": "Conseil citoyen des Clos", "description": "Le quartier"}, format="json")
    assert response.status_code == 201
    data = response.json()
    assert (data["name"], data["status"]) == ("Conseil citoyen des Clos", CouncilStatus.REQUESTED)
    # Not listed yet, but its manager finds it, as on its page; others don't.
    assert client.get("/api/councils/").json()["count"] == 0
    assert client.get(f"/api/councils/{data['slug']}/").status_code == 200
    assert api_for(UserFactory()).get(f"/api/councils/{data['slug']}/").status_code == 404
    [membership] = client.get(f"/api/councils/{data['slug']}/members/").json()
    assert (membership["role"], membership["state"]) == (MembershipRole.MANAGER, MembershipState.ACCEPTED)
    duplicate = client.post("/api/councils/", {"name": "conseil citoyen des clos"}, format="json")
    assert duplicate.status_code == 409 and duplicate.json()["code"] == "duplicate"


@pytest.mark.parametrize("payload", [{}, {"name": "   "}, {"name": "x" * 161}])
def test_an_invalid_request_says_which_field_is_wrong(citizen, api_for, payload):
    response = api_for(citizen).post("/api/councils/", payload, format="json")
    assert response.status_code == 400 and response.json()["code"] == "invalid"
    assert list(response.json()["errors"]) == ["name"]
    assert response.json()["detail"].startswith("name : ")
    assert not Council.objects.exists()


def test_an_unknown_territory_is_a_404_with_a_reason(citizen, api_for):
    from tests.factories import TerritoryFactory

    TerritoryFactory(slug="chartres", kind="commune")
    response = api_for(citizen).post("/api/councils/", {"name": "Conseil", "neighbourhood": "chartres"}, format="json")
    assert response.status_code == 404 and response.json()["code"] == "not_found"
    assert not Council.objects.exists()
    created = api_for(citizen).post("/api/councils/", {"name": "Conseil", "commune": "chartres"}, format="json")
    assert created.status_code == 201 and created.json()["commune"] == "chartres"


@pytest.mark.parametrize("role", ROLES)
def test_asking_for_a_council_role_by_role(role, user_for_role, api_for):
    response = api_for(user_for_role(role)).post("/api/councils/", {"name": f"Conseil {role}"}, format="json")
    assert response.status_code == (VISITOR if role == "visitor" else 201)


def test_an_unverified_account_cannot_ask_for_a_council(api_for):
    response = api_for(UserFactory(verified=False)).post("/api/councils/", {"name": "Conseil"}, format="json")
    assert response.status_code == 403 and response.json()["detail"]


@pytest.mark.parametrize("role", [*ROLES, "manager"])
def test_members_are_handled_by_managers_and_staff(role, user_for_role, api_for):
    manager = UserFactory()
    council = CouncilFactory()
    member_of(council, manager, MembershipRole.MANAGER)
    request = MembershipFactory(council=council, state=MembershipState.REQUESTED, accepted_at=None)
    user = manager if role == "manager" else user_for_role(role)
    client = api_for(user)
    listed = client.get(f"/api/councils/{council.slug}/members/")
    accepted = client.post(f"/api/councils/{council.slug}/members/{request.pk}/accept/")
    request.refresh_from_db()
    if role in ("manager", "staff"):
        assert listed.status_code == 200 and len(listed.json()) == 2
        assert accepted.status_code == 200 and accepted.json()["state"] == MembershipState.ACCEPTED
        assert request.state == MembershipState.ACCEPTED
        assert client.delete(f"/api/councils/{council.slug}/members/{request.pk}/").status_code == 204
        assert not Membership.objects.filter(pk=request.pk).exists()
    else:
        expected = VISITOR if role == "visitor" else 403
        assert (listed.status_code, accepted.status_code) == (expected, expected)
        assert request.state == MembershipState.REQUESTED
        if role != "visitor":
            assert accepted.json() == {"detail": "Seul·es les responsables du conseil peuvent le faire.", "code": "not_manager"}


def test_membership_refusals(citizen, api_for):
    council = CouncilFactory()
    own = member_of(council, citizen, MembershipRole.MANAGER)
    client = api_for(citizen)
    assert client.post(f"/api/councils/{council.slug}/members/{own.pk}/accept/").json()["code"] == "duplicate"
    last = client.delete(f"/api/councils/{council.slug}/members/{own.pk}/")
    assert last.status_code == 409 and last.json()["code"] == "last_manager"
    for missing in ("424242", "abc", "²"):
        response = client.post(f"/api/councils/{council.slug}/members/{missing}/accept/")
        assert response.status_code == 404 and response.json()["code"] == "not_found"
    # A membership of another council is not found through this one.
    other = MembershipFactory(state=MembershipState.REQUESTED, accepted_at=None)
    assert client.post(f"/api/councils/{council.slug}/members/{other.pk}/accept/").status_code == 404


def test_a_member_leaves_a_council(citizen, api_for):
    council = CouncilFactory()
    member_of(council, UserFactory(), MembershipRole.MANAGER)
    mine = member_of(council, citizen)
    assert api_for(citizen).delete(f"/api/councils/{council.slug}/members/{mine.pk}/").status_code == 204


@pytest.mark.parametrize("role", ROLES)
def test_only_staff_verify_a_council(role, user_for_role, api_for):
    council = CouncilFactory(status=CouncilStatus.REQUESTED, verified_at=None)
    member = member_of(council, UserFactory(), MembershipRole.MANAGER)
    user = user_for_role(role)
    response = api_for(user).post(f"/api/councils/{council.slug}/verification/", {"decision": "approve"}, format="json")
    council.refresh_from_db()
    if role == "staff":
        assert response.status_code == 200 and response.json()["status"] == CouncilStatus.VERIFIED
        assert council.is_verified and member.user.groups.filter(name="council_member").exists()
    else:
        # Others don't even find a council that is not verified yet.
        assert response.status_code == (VISITOR if user is None else 404)
        assert council.status == CouncilStatus.REQUESTED


def test_staff_reject_a_council_and_a_verified_one_refuses_others(staff, citizen, api_for):
    council = requested_council(UserFactory())
    response = api_for(staff).post(f"/api/councils/{council.slug}/verification/", {"decision": "reject"}, format="json")
    assert response.json()["status"] == CouncilStatus.REJECTED
    verified = CouncilFactory()
    refused = api_for(citizen).post(f"/api/councils/{verified.slug}/verification/", {"decision": "reject"}, format="json")
    assert refused.status_code == 403 and refused.json()["code"] == "forbidden"
    bad = api_for(staff).post(f"/api/councils/{verified.slug}/verification/", {"decision": "maybe"}, format="json")
    assert bad.status_code == 400 and "decision" in bad.json()["errors"]


def test_the_members_list_does_not_grow_in_queries(staff, api_for, django_assert_max_num_queries):
    council = CouncilFactory()
    client = api_for(staff)
    for size in (2, 12):
        for _ in range(size):
            MembershipFactory(council=council)
        with django_assert_max_num_queries(6):
            assert client.get(f"/api/councils/{council.slug}/members/").status_code == 200
