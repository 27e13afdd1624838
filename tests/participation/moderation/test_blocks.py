"""Blocks: the person's content is hidden, they are told why, and they can post nowhere until it ends."""

from datetime import timedelta

import pytest
from django.core import mail
from django.core.cache import cache
from django.urls import reverse
from django.utils import timezone

from consultations.models import Registration, StepKind
from consultations.moderation import posting_refusal
from participation.comments.models import Comment
from participation.councils.models import Council
from consultations.refusals import Refused
from participation.moderation import services
from participation.moderation.models import Action, ActionKind, Block, CaseStatus, Report, Source
from participation.proposals.models import Proposal, Support
from participation.surveys.models import Response
from tests.factories import EventFactory, UserFactory
from tests.participation.proposals.factories import ProposalFactory, consultation_with_step
from tests.participation.surveys.fixtures import make_questionnaire, valid_post, valid_raw

from .helpers import case_of, make_item, status_of

pytestmark = pytest.mark.django_db


def fresh(user):
    """The person as a new request would load them (no memo of an earlier block lookup)."""
    return type(user).objects.get(pk=user.pk)


@pytest.mark.parametrize(("channel", "days"), [("page", 7), ("page", None), ("api", 30), ("api", None)])
def test_block_for_a_while_or_for_good(channel, days, citizen, moderator, client_for, api_for,
                                       django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        if channel == "page":
            response = client_for(moderator).post(
                reverse("moderation:block", args=[citizen.pk]), {"duration": "" if days is None else str(days), "reason": "Insultes répétées"}
            )
            assert response.status_code == 302 and response["Location"] == reverse("moderation:blocks")
        else:
            response = api_for(moderator).post(
                "/api/moderation/blocks/", {"user": citizen.pk, "days": days, "reason": "Insultes répétées"}, format="json"
            )
            assert response.status_code == 201
            assert response.json()["in_force"] is True and response.json()["user"] == citizen.pk
    record = Block.objects.get(user=citizen)
    assert record.created_by == moderator and record.reason == "Insultes répétées"
    if days is None:
        assert record.until is None
    else:
        assert abs(record.until - (timezone.now() + timedelta(days=days))) < timedelta(minutes=1)
    line = Action.objects.get(action=ActionKind.BLOCK)
    assert (line.actor, line.target_user, line.reason, line.source) == (
        moderator, citizen, "Insultes répétées", Source.QUEUE if channel == "page" else Source.API
    )
    [email] = mail.outbox
    assert email.to == [citizen.email]
    assert "Insultes répétées" in email.body
    assert posting_refusal(fresh(citizen))


def test_the_persons_content_is_hidden(citizen, moderator):
    proposal = make_item("proposal", author=citizen)
    comment = make_item("comment", author=citizen)
    pending = make_item("proposal", author=citizen, moderation_status="pending")
    message = make_item("live_message", author=citizen)
    council = make_item("council", author=citizen)
    answer = make_item("answer", author=citizen)
    someone_else = make_item("comment")
    services.block(moderator, citizen, "Spam", days=7)
    for item in (proposal, comment, pending, message, council, answer):
        assert status_of(item) == "hidden", item
        case = case_of(item)
        assert case.status == CaseStatus.HIDDEN and case.decision_reason == "Spam" and case.decided_by == moderator
    assert status_of(someone_else) == "visible"
    assert Action.objects.filter(action=ActionKind.HIDE, target_user=citizen, reason="Spam").count() == 6
    # The author may ask for a review of each item.
    assert citizen.has_perm("moderation.request_review", case_of(comment))


def test_block_refusals(moderator, citizen, api_for):
    client = api_for(moderator)
    response = client.post("/api/moderation/blocks/", {"user": citizen.pk, "reason": " "}, format="json")
    assert response.status_code == 400
    response = client.post("/api/moderation/blocks/", {"user": citizen.pk, "days": 400, "reason": "Spam"}, format="json")
    assert response.status_code == 400 and response.json()["code"] == "invalid_duration"
    response = client.post("/api/moderation/blocks/", {"user": 424242, "reason": "Spam"}, format="json")
    assert response.status_code == 404 and response.json()["code"] == "not_found"
    with pytest.raises(Refused) as refused:
        services.block(moderator, citizen, "   ")
    assert refused.value.code == "reason_required"
    assert not Block.objects.exists()


def test_a_new_block_replaces_the_previous_one(moderator, citizen):
    first = services.block(moderator, citizen, "Une semaine", days=7)
    second = services.block(moderator, citizen, "Pour de bon")
    first.refresh_from_db()
    assert first.lifted_at is not None and second.lifted_at is None
    assert list(Block.objects.in_force()) == [second]


# Blocked everywhere, pages and API alike.


@pytest.fixture
def blocked(citizen, moderator):
    services.block(moderator, citizen, "Spam répété", days=7)
    return fresh(citizen)


@pytest.fixture
def places(db):
    """Somewhere to post each kind of contribution."""
    consultation = consultation_with_step(StepKind.PROPOSALS)
    supports = consultation_with_step(StepKind.SUPPORTS)
    questionnaire, q, choices = make_questionnaire()
    return {
        "consultation": consultation,
        "proposal": ProposalFactory(consultation=supports, support_threshold=None),
        "event": EventFactory(),
        "questionnaire": questionnaire, "q": q, "choices": choices,
    }


def nothing_was_posted(person):
    assert not Proposal.objects.filter(author=person).exists()
    assert not Comment.objects.filter(author=person).exists()
    assert not Support.objects.filter(user=person).exists()
    assert not Registration.objects.filter(user=person).exists()
    assert not Response.objects.filter(user=person).exists()
    assert not Council.objects.filter(requested_by=person).exists()
    assert not Report.objects.filter(reporter=person).exists()


PAGE_WRITES = {
    "proposal": lambda p: (reverse("proposals:create_in", args=[p["consultation"].slug]), {"title": "Un banc", "body": "Ici"}),
    "comment": lambda p: (reverse("comments:add", args=["proposals.proposal", p["proposal"].pk]), {"body": "Bonjour"}),
    "support": lambda p: (reverse("proposals:support", args=[p["proposal"].pk]), {}),
    "registration": lambda p: (reverse("consultations:register", args=[p["event"].slug]), {}),
    "answer": lambda p: (reverse("surveys:questionnaire", args=[p["questionnaire"].pk]), valid_post(p["q"], p["choices"])),
    "council": lambda p: (reverse("councils:request"), {"name": "Conseil des Tilleuls", "description": "Quartier"}),
    "report": lambda p: (reverse("moderation:report", args=["proposal", p["proposal"].pk]), {"reason": "spam"}),
}


# Each refusal says what the person tried: a registration is not a publication.
REFUSED_ACTION = {
    "proposal": "publier", "comment": "publier", "support": "soutenir des propositions",
    "registration": "vous inscrire aux rendez-vous", "answer": "répondre aux questionnaires",
    "council": "rejoindre ou créer des conseils citoyens", "report": "signaler des contenus",
}


def says_what_was_refused(text, write):
    assert "Votre compte est bloqué par la modération jusqu’au " in text
    assert f"d’ici là, vous ne pouvez pas {REFUSED_ACTION[write]}." in text


@pytest.mark.parametrize("write", sorted(PAGE_WRITES))
def test_a_blocked_person_cannot_post_on_the_pages(write, blocked, places, client_for):
    url, data = PAGE_WRITES[write](places)
    response = client_for(blocked).post(url, data)
    assert response.status_code == 403
    says_what_was_refused(response.text, write)
    nothing_was_posted(blocked)


@pytest.mark.parametrize("write", sorted(PAGE_WRITES))
def test_the_same_writes_work_for_a_citizen(write, citizen, places, client_for):
    """The control: each write above succeeds when the person is not blocked."""
    url, data = PAGE_WRITES[write](places)
    response = client_for(citizen).post(url, data)
    assert response.status_code in (200, 302)
    with pytest.raises(AssertionError):
        nothing_was_posted(citizen)


def api_writes(p):
    return {
        "proposal": ("/api/proposals/", {"title": "Un banc", "body": "Ici", "consultation": p["consultation"].slug}),
        "comment": ("/api/comments/", {"target": "proposals.proposal", "object_id": p["proposal"].pk, "body": "Bonjour"}),
        "support": (f"/api/proposals/{p['proposal'].pk}/support/", {}),
        "registration": (f"/api/events/{p['event'].slug}/register/", {}),
        "answer": (f"/api/questionnaires/{p['questionnaire'].pk}/answer/",
                   {"answers": [{"question": k, "value": v} for k, v in valid_raw(p["q"], p["choices"]).items()]}),
        "report": ("/api/reports/", {"kind": "proposal", "object_id": p["proposal"].pk, "reason": "spam"}),
    }


API_WRITES = ["proposal", "comment", "support", "registration", "answer", "report"]


@pytest.mark.parametrize("auth", ["token", "session"])
@pytest.mark.parametrize("write", API_WRITES)
def test_a_blocked_person_cannot_post_through_the_api(write, auth, blocked, places, api_for, client_for):
    url, data = api_writes(places)[write]
    if auth == "token":  # the middleware does not see token authentication: the services refuse
        response = api_for(blocked).post(url, data, format="json")
    else:
        response = client_for(blocked).post(url, data, content_type="application/json")
    assert response.status_code == 403, response.content
    assert response.json()["code"] == "blocked"
    says_what_was_refused(response.json()["detail"], write)
    nothing_was_posted(blocked)


@pytest.mark.parametrize("write", API_WRITES)
def test_the_same_api_writes_work_for_a_citizen(write, citizen, places, api_for):
    url, data = api_writes(places)[write]
    response = api_for(citizen).post(url, data, format="json")
    assert response.status_code in (200, 201), response.content


def test_a_blocked_person_keeps_their_account_pages(blocked, client_for):
    client = client_for(blocked)
    assert client.get(reverse("profile")).status_code == 200
    response = client.post(reverse("profile"), {"display_name": "Nouveau nom"})
    assert response.status_code == 302
    assert fresh(blocked).display_name == "Nouveau nom"
    assert client.get(reverse("my_data")).status_code == 200
    assert client.get(reverse("my_data"), {"format": "json"}).status_code == 200
    response = client.post(reverse("delete_account"), {"password": "mot-de-passe-solide-42", "confirm": "on"})
    assert response.status_code == 302
    assert not type(blocked).objects.filter(pk=blocked.pk, email=blocked.email).exists()


def test_a_blocked_person_may_still_ask_for_a_review(citizen, moderator, client_for, api_for):
    first = make_item("comment", author=citizen)
    second = make_item("comment", author=citizen)
    services.block(moderator, citizen, "Spam", days=7)
    person = fresh(citizen)
    page = client_for(person).post(reverse("moderation:review", args=[case_of(first).pk]), {"note": "Ce n'était pas du spam"})
    assert page.status_code == 302
    assert case_of(first).status == CaseStatus.REVIEW_REQUESTED
    response = client_for(person).post(
        f"/api/moderation/my-cases/{case_of(second).pk}/review/", {"note": "Pas du spam"}, content_type="application/json"
    )
    assert response.status_code == 200, response.content
    assert case_of(second).status == CaseStatus.REVIEW_REQUESTED


# The end of a block.


@pytest.mark.parametrize("channel", ["page", "api"])
def test_lifting_restores_the_ability_to_post(channel, blocked, moderator, client_for, api_for, places,
                                             django_capture_on_commit_callbacks):
    record = Block.objects.get(user=blocked)
    with django_capture_on_commit_callbacks(execute=True):
        if channel == "page":
            response = client_for(moderator).post(reverse("moderation:lift", args=[record.pk]), {"reason": "Erreur"})
            assert response.status_code == 302
        else:
            response = api_for(moderator).post(f"/api/moderation/blocks/{record.pk}/lift/", {"reason": "Erreur"}, format="json")
            assert response.status_code == 200 and response.json()["in_force"] is False
    record.refresh_from_db()
    assert record.lifted_by == moderator and record.lifted_at is not None
    line = Action.objects.get(action=ActionKind.UNBLOCK)
    assert (line.actor, line.target_user, line.reason) == (moderator, blocked, "Erreur")
    person = fresh(blocked)
    assert posting_refusal(person) is None
    url, data = PAGE_WRITES["comment"](places)
    assert client_for(person).post(url, data).status_code == 302
    assert Comment.objects.filter(author=person).exists()
    again = api_for(moderator).post(f"/api/moderation/blocks/{record.pk}/lift/", {}, format="json")
    assert again.status_code == 409 and again.json()["code"] == "already_lifted"


def test_lifting_is_for_moderators(blocked, client_for):
    record = Block.objects.get(user=blocked)
    other = UserFactory()
    assert client_for(other).post(reverse("moderation:lift", args=[record.pk])).status_code == 403
    assert Block.objects.get(pk=record.pk).lifted_at is None


def test_an_expired_block_no_longer_blocks(citizen, moderator, time_machine, places, client_for):
    services.block(moderator, citizen, "Un jour", days=1)
    assert posting_refusal(fresh(citizen))
    time_machine.move_to(timezone.now() + timedelta(days=1, minutes=1))
    person = fresh(citizen)
    assert posting_refusal(person) is None
    url, data = PAGE_WRITES["comment"](places)
    assert client_for(person).post(url, data).status_code == 302
    assert Comment.objects.filter(author=person).exists()


def test_an_expired_block_remembered_in_the_cache_does_not_block(citizen, moderator, time_machine):
    services.block(moderator, citizen, "Un jour", days=1)
    assert posting_refusal(fresh(citizen))  # now in the cache
    assert cache.get(services._block_cache_key(citizen.pk)) not in (None, services._NOT_BLOCKED)
    time_machine.move_to(timezone.now() + timedelta(days=1, seconds=1), tick=False)
    assert posting_refusal(fresh(citizen)) is None


def test_the_cache_does_not_hide_a_new_block(citizen, moderator, django_capture_on_commit_callbacks):
    assert posting_refusal(fresh(citizen)) is None  # "not blocked" is now in the shared cache
    with django_capture_on_commit_callbacks(execute=True):
        services.block(moderator, citizen, "Spam", days=7)
        # Another process read the state the transaction was leaving, before it committed.
        cache.set(services._block_cache_key(citizen.pk), services._NOT_BLOCKED, services.BLOCK_CACHE_SECONDS)
    assert posting_refusal(fresh(citizen))


def test_the_cache_does_not_outlive_a_lifted_block(citizen, moderator, django_capture_on_commit_callbacks):
    record = services.block(moderator, citizen, "Spam", days=7)
    assert posting_refusal(fresh(citizen))  # "blocked" is now in the shared cache
    with django_capture_on_commit_callbacks(execute=True):
        services.lift(moderator, record)
    assert posting_refusal(fresh(citizen)) is None


def test_the_block_page_and_list(blocked, moderator, client_for):
    page = client_for(moderator).get(reverse("moderation:blocks"))
    assert page.status_code == 200
    assert [record.user for record in page.context["page"].object_list] == [blocked]
    assert "Spam répété" in page.text
    assert reverse("moderation:lift", args=[Block.objects.get().pk]) in page.text
    data = client_for(moderator).get("/api/moderation/blocks/").json()
    assert [row["user"] for row in data["results"]] == [blocked.pk]


def test_blocking_hides_comments_whose_thread_was_deleted(citizen, moderator):
    """Deleting a proposal or an event in the admin leaves its comments; a block still reaches them."""
    orphan = make_item("comment", author=citizen)
    Proposal.objects.filter(pk=orphan.object_id).delete()
    services.block(moderator, citizen, "Insultes répétées", days=7)
    assert status_of(orphan) == "hidden"
    assert case_of(orphan).url == ""


def test_a_blocked_person_may_still_leave(blocked, places, client_for):
    """Cancelling a registration frees a seat; leaving harms nobody."""
    event = places["event"]
    Registration.objects.create(event=event, user=blocked, status="confirmed")
    response = client_for(blocked).post(reverse("consultations:cancel", args=[event.slug]))
    assert response.status_code == 302
    assert Registration.objects.get(event=event, user=blocked).status == "cancelled"
