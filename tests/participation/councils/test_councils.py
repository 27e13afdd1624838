import pytest
from django.apps import apps
from django.contrib.auth.models import AnonymousUser
from django.urls import reverse
from rest_framework.test import APIClient

from participation.councils import services
from participation.councils.models import Council, CouncilStatus, Membership, MembershipRole
from consultations.refusals import Refused
from tests.conftest import ROLES
from tests.factories import TerritoryFactory, UserFactory

from .factories import CouncilFactory, member_of


def in_group(user):
    return user.groups.filter(name="council_member").exists()


def test_from_request_to_verified_council_with_members(citizen, staff, client_for, db):
    commune = TerritoryFactory(name="Chartres", kind="commune")
    qpv = TerritoryFactory(name="Les Clos", kind="qpv")
    response = client_for(citizen).post(
        reverse("councils:request"),
        {"name": "Conseil citoyen de Chartres – Les Clos", "commune": commune.pk, "neighbourhood": qpv.pk, "description": "Nous"},
        follow=True,
    )
    assert "l’équipe va vérifier le conseil" in response.content.decode()
    council = Council.objects.get()
    assert council.status == CouncilStatus.REQUESTED
    assert client_for(None).get(council.get_absolute_url()).status_code == 404
    client_for(staff).post(reverse("councils:verify", args=[council.slug]), {"decision": "approve"})
    council.refresh_from_db()
    assert council.is_verified and in_group(citizen)

    newcomer = UserFactory(display_name="Fatou")
    client_for(newcomer).post(reverse("councils:join", args=[council.slug]), {"show_on_page": "on"})
    membership = Membership.objects.get(user=newcomer)
    assert not membership.is_accepted and not in_group(newcomer)
    client_for(citizen).post(reverse("councils:membership", args=[council.slug, membership.pk, "accept"]))
    assert in_group(newcomer)
    page = client_for(None).get(council.get_absolute_url()).content.decode()
    assert "Fatou" in page and "Awa" in page


def test_members_who_chose_not_to_appear_are_hidden(db, client_for):
    council = CouncilFactory()
    member_of(council, UserFactory(display_name="Discrète")).__class__.objects.filter(council=council).update(show_on_page=False)
    member_of(council, UserFactory(display_name="Visible"))
    page = client_for(None).get(council.get_absolute_url()).content.decode()
    assert "Visible" in page and "Discrète" not in page


@pytest.mark.needs_apps("participation.proposals")
def test_the_council_page_lists_its_proposals(db, client_for):
    from tests.participation.proposals.factories import ProposalFactory

    council = CouncilFactory()
    ProposalFactory(council=council, title="Un marché le samedi")
    assert "Un marché le samedi" in client_for(None).get(council.get_absolute_url()).content.decode()


def test_only_managers_accept_members(citizen, db):
    council = CouncilFactory()
    member = member_of(council, UserFactory())
    pending = Membership.objects.create(council=council, user=UserFactory())
    with pytest.raises(Refused) as refused:
        services.accept_member(member.user, pending)
    assert refused.value.message == "Seul·es les responsables du conseil peuvent le faire."


def test_a_council_keeps_at_least_one_manager(db):
    council = CouncilFactory()
    manager = member_of(council, UserFactory(), role=MembershipRole.MANAGER)
    with pytest.raises(Refused) as refused:
        services.remove_member(manager.user, manager)
    assert refused.value.message == "Un conseil a besoin d’au moins un·e responsable."


def test_removal_takes_the_group_away(db):
    council = CouncilFactory()
    manager = member_of(council, UserFactory(), role=MembershipRole.MANAGER)
    pending = services.request_membership(UserFactory(), council)
    services.accept_member(manager.user, pending)
    assert in_group(pending.user)
    services.remove_member(manager.user, pending)
    assert not in_group(pending.user)


def test_duplicate_requests_and_names_are_refused(citizen, db):
    council = CouncilFactory(name="Conseil des Chamards")
    services.request_membership(citizen, council)
    with pytest.raises(Refused) as refused:
        services.request_membership(citizen, council)
    assert refused.value.message == "Vous avez déjà demandé à rejoindre ce conseil."
    with pytest.raises(Refused) as refused:
        services.request_council(citizen, name="conseil des chamards")
    assert refused.value.message == "Un conseil porte déjà ce nom."
    with pytest.raises(Refused) as refused:
        services.request_council(citizen, name="  ")
    assert refused.value.code == "empty"


EXPECTED = {
    # role: (request a council, join a verified council, verify, manage members of someone else's council)
    "visitor": (False, False, False, False),
    "citizen": (True, True, False, False),
    "council_member": (True, True, False, False),
    "facilitator": (True, True, False, False),
    "moderator": (True, True, False, False),
    "staff": (True, True, True, True),
}


@pytest.mark.parametrize("role", ROLES)
def test_role_matrix(role, user_for_role, db):
    user = user_for_role(role) or AnonymousUser()
    council = CouncilFactory()
    request, join, verify, manage = EXPECTED[role]
    assert user.has_perm("councils.request_council") is request
    assert user.has_perm("councils.join_council", council) is join
    assert user.has_perm("councils.verify_council", council) is verify
    assert user.has_perm("councils.manage_members", council) is manage
    assert user.has_perm("councils.act_for_council", council) is False


def test_members_act_for_their_council_and_managers_manage_it(db):
    council = CouncilFactory()
    member = member_of(council, UserFactory()).user
    manager = member_of(council, UserFactory(), role=MembershipRole.MANAGER).user
    assert member.has_perm("councils.act_for_council", council)
    assert not member.has_perm("councils.manage_members", council)
    assert manager.has_perm("councils.manage_members", council)


def test_api_list_detail_and_join(citizen, db):
    council = CouncilFactory(slug="les-clos")
    member_of(council, UserFactory(display_name="Karim"))
    CouncilFactory(status=CouncilStatus.REQUESTED, verified_at=None)
    data = APIClient().get("/api/councils/").json()
    assert [c["slug"] for c in data["results"]] == ["les-clos"]
    detail = APIClient().get("/api/councils/les-clos/").json()
    assert detail["members"] == [{"name": "Karim", "role": "member"}]
    client = APIClient()
    client.force_authenticate(citizen)
    response = client.post("/api/councils/les-clos/join/", {"show_on_page": False}, format="json")
    assert response.status_code == 201 and response.json()["state"] == "requested"
    response = client.post("/api/councils/les-clos/join/", {}, format="json")
    assert response.status_code == 409
    assert response.json() == {"detail": "Vous avez déjà demandé à rejoindre ce conseil.", "code": "duplicate"}


@pytest.mark.parametrize("size", [2, 12])
def test_lists_do_a_constant_number_of_queries(size, client_for, django_assert_max_num_queries, db):
    for _ in range(size):
        CouncilFactory(commune=TerritoryFactory(), neighbourhood=TerritoryFactory())
    with django_assert_max_num_queries(2):
        assert APIClient().get("/api/councils/").json()["count"] == size
    with django_assert_max_num_queries(5):
        client_for(None).get(reverse("councils:list"))


@pytest.mark.parametrize("size", [2, 12])
def test_the_council_page_does_a_constant_number_of_queries(size, client_for, django_assert_max_num_queries, db):
    """With its proposals where the proposals app is installed."""
    council = CouncilFactory()
    for _ in range(size):
        member_of(council, UserFactory())
        if apps.is_installed("participation.proposals"):
            from tests.participation.proposals.factories import ProposalFactory

            ProposalFactory(council=council)
    with django_assert_max_num_queries(6):
        client_for(None).get(council.get_absolute_url())
