"""One visibility rule for proposals: a draft or private consultation hides its proposals as it
hides itself, the moderation holds pending and hidden ones; role by role, surface by surface."""

import pytest
from django.core import mail
from django.urls import reverse

from consultations.models import StepKind, Visibility
from consultations.refusals import Refused
from participation.proposals import services
from participation.proposals.emails import send_answer_messages
from participation.proposals.models import Follow, ProposalState

from ...factories import ConsultationFactory, StepFactory, UserFactory
from ..councils.factories import CouncilFactory
from .factories import ProposalFactory

ROLES = ["visitor", "citizen", "council_member", "facilitator", "moderator", "staff", "member", "author"]
KINDS = ["draft", "private", "pending", "hidden"]
MODERATING = {"moderator", "staff"}


def opens_page(role, kind):
    """Who reaches the proposal's page (a hidden one: a marker for all, the text for moderators)."""
    return {
        "draft": role == "staff",
        "private": role in ("staff", "member"),
        "pending": role in ("staff", "moderator", "author"),
        "hidden": True,
    }[kind]


def reads(role, kind):
    """Who reads the proposal itself: may follow it, and is e-mailed its answer."""
    return {
        "draft": role == "staff",
        "private": role in ("staff", "member"),
        "pending": role in ("staff", "moderator", "author"),
        "hidden": role in MODERATING,
    }[kind]


def lists(role, kind):
    """Lists hold only published content the person may see."""
    return {"draft": role == "staff", "private": role in ("staff", "member")}.get(kind, False)


@pytest.fixture
def world(db):
    author, member = UserFactory(display_name="Autrice"), UserFactory(display_name="Membre")
    council = CouncilFactory()
    draft = ConsultationFactory(visibility=Visibility.DRAFT, tools=["proposals"])
    private = ConsultationFactory(visibility=Visibility.PRIVATE, tools=["proposals"])
    private.members.add(member)
    public = ConsultationFactory(tools=["proposals"])
    for consultation in (draft, private, public):
        StepFactory(consultation=consultation, kind=StepKind.SUPPORTS)

    def make(title, consultation, **extra):
        return ProposalFactory(
            title=title, consultation=consultation, support_threshold=None, author=author, council=council, **extra
        )

    proposals = {
        "draft": make("Secret du brouillon", draft),
        "private": make("Secret du privé", private),
        "pending": make("Secret en attente", public, moderation_status="pending"),
        "hidden": make("Secret masqué", public, moderation_status="hidden"),
        "public": make("Bancs publics pour tous", public),
        "initiative": ProposalFactory(title="Initiative citoyenne ouverte", consultation=None, council=council),
    }
    return {"proposals": proposals, "author": author, "member": member, "council": council, "public": public}


@pytest.fixture
def person(request, world, user_for_role):
    def make(role):
        if role == "author":
            return world["author"]
        if role == "member":
            return world["member"]
        return user_for_role(role)

    return make


@pytest.mark.parametrize("role", ROLES)
def test_list_page_api_list_and_search(role, world, person, client_for, api_for):
    user = person(role)
    page = client_for(user).get(reverse("proposals:list")).content.decode()
    api = api_for(user).get("/api/proposals/", {"page_size": 100}).json()
    api_titles = {item["title"] for item in api["results"]}
    searched = client_for(user).get(reverse("proposals:list"), {"q": "Secret"}).content.decode()
    for kind in KINDS:
        title = world["proposals"][kind].title
        assert (title in page) is lists(role, kind), (kind, "page")
        assert (title in api_titles) is lists(role, kind), (kind, "api")
        assert (title in searched) is lists(role, kind), (kind, "search")
    assert "Bancs publics pour tous" in page and "Bancs publics pour tous" in api_titles


@pytest.mark.parametrize("role", ROLES)
@pytest.mark.parametrize("kind", KINDS)
def test_detail_page_and_api(role, kind, world, person, client_for, api_for):
    user, proposal = person(role), world["proposals"][kind]
    page = client_for(user).get(proposal.get_absolute_url())
    api = api_for(user).get(f"/api/proposals/{proposal.pk}/")
    expected = 200 if opens_page(role, kind) else 404
    assert (page.status_code, api.status_code) == (expected, expected)
    if expected == 200:
        assert (proposal.title in page.content.decode()) is (kind != "hidden" or role in MODERATING)


@pytest.mark.parametrize("role", ROLES)
def test_consultation_and_council_pages_list_only_what_the_person_sees(role, world, person, client_for):
    user = person(role)
    council_page = client_for(user).get(world["council"].get_absolute_url()).content.decode()
    for kind in KINDS:
        assert (world["proposals"][kind].title in council_page) is lists(role, kind), kind
    for kind in ("draft", "private"):
        consultation = world["proposals"][kind].consultation
        page = client_for(user).get(consultation.get_absolute_url())
        assert (page.status_code == 200) is lists(role, kind)
        if page.status_code == 200:
            assert world["proposals"][kind].title in page.content.decode()


@pytest.mark.parametrize("role", [r for r in ROLES if r != "visitor"])
@pytest.mark.parametrize("kind", KINDS)
def test_following_requires_reading_the_proposal(role, kind, world, person, client_for):
    user, proposal = person(role), world["proposals"][kind]
    Follow.objects.filter(proposal=proposal, user=user).delete()
    response = client_for(user).post(reverse("proposals:follow", args=[proposal.pk]), {"action": "follow"})
    assert Follow.objects.filter(proposal=proposal, user=user).exists() is reads(role, kind)
    assert response.status_code == (302 if reads(role, kind) else 404)


@pytest.mark.parametrize("role", [r for r in ROLES if r not in ("visitor", "author")])
@pytest.mark.parametrize("kind", ["draft", "private"])
def test_supporting_requires_seeing_the_consultation(role, kind, world, person, api_for, client_for):
    user, proposal = person(role), world["proposals"][kind]
    response = api_for(user).post(f"/api/proposals/{proposal.pk}/support/", {}, format="json")
    if reads(role, kind):
        assert response.status_code == 201
    else:
        assert response.status_code == 404
        assert response.json() == {"detail": "Cette proposition n’existe pas.", "code": "not_found"}
    page = client_for(user).post(reverse("proposals:support", args=[proposal.pk]), {"action": "add"})
    assert page.status_code == (302 if reads(role, kind) else 404)
    with pytest.raises(Refused) as refused:
        services.cast_support(UserFactory(), world["proposals"][kind])
    assert refused.value.code == "not_found"


@pytest.mark.needs_apps("participation.moderation")
@pytest.mark.parametrize("kind", ["draft", "private"])
def test_reporting_requires_seeing_it(kind, world, api_for):
    proposal = world["proposals"][kind]
    payload = {"kind": "proposal", "object_id": proposal.pk, "reason": "spam"}
    assert api_for(UserFactory()).post("/api/reports/", payload, format="json").status_code == 404
    if kind == "private":
        assert api_for(world["member"]).post("/api/reports/", payload, format="json").status_code == 201


def _answer(proposal):
    mail.outbox.clear()
    proposal.state, proposal.answer = ProposalState.ACCEPTED, "La mairie répond."
    proposal.save()
    send_answer_messages(proposal.pk)
    return {message.to[0] for message in mail.outbox}


@pytest.mark.parametrize("kind", KINDS)
def test_the_answer_reaches_only_followers_who_still_read_it(kind, world, moderator, staff):
    """Followed while it was readable; the consultation or the moderation closed it since."""
    proposal = world["proposals"][kind]
    outsider = UserFactory()
    for user in (outsider, world["member"], moderator, staff):
        Follow.objects.get_or_create(proposal=proposal, user=user)
    people = {"author": world["author"], "citizen": outsider, "member": world["member"],
              "moderator": moderator, "staff": staff}
    expected = {user.email for role, user in people.items() if reads(role, kind)}
    assert _answer(proposal) == expected


def test_a_proposal_made_private_after_being_followed_answers_members_only(world):
    proposal, follower = world["proposals"]["public"], UserFactory()
    services.follow(follower, proposal)
    assert follower.email in _answer(proposal)
    consultation = world["public"]
    consultation.visibility = Visibility.PRIVATE
    consultation.save()
    assert follower.email not in _answer(proposal)
    consultation.members.add(follower)
    assert follower.email in _answer(proposal)


@pytest.mark.needs_apps("participation.exports")
def test_open_data_leaves_out_what_is_not_public(world, client):
    draft = world["proposals"]["draft"].consultation
    assert client.get(reverse("exports:open_data_consultation", args=[draft.slug])).status_code == 404
    public = world["public"]
    data = client.get(reverse("exports:open_data_file", args=[public.slug, "proposals", "csv"]))
    body = b"".join(data.streaming_content).decode()
    assert "Bancs publics pour tous" in body
    assert "Secret" not in body


@pytest.mark.parametrize("size", [2, 8])
def test_the_list_keeps_a_constant_number_of_queries(size, world, client_for, django_assert_max_num_queries):
    client = client_for(world["member"])
    for _ in range(size):
        ProposalFactory(consultation=world["proposals"]["private"].consultation, support_threshold=None)
    with django_assert_max_num_queries(12):  # as the plain list: the rule is a filter, not a query per row
        assert client.get(reverse("proposals:list")).status_code == 200
