"""Comments follow what they hang under: a proposal of a draft or private consultation, a pending
proposal, a draft or private consultation. Role by role, in pages, API, reports and e-mails."""

import pytest
from django.core import mail
from django.urls import reverse

from consultations.models import Visibility
from consultations.refusals import Refused
from participation.comments import services
from participation.comments.emails import send_reply_message
from participation.comments.models import Comment
from tests.conftest import ROLES
from tests.factories import ConsultationFactory, UserFactory
from tests.participation.proposals.factories import ProposalFactory

ROLES = [*ROLES, "member"]
TARGETS = ["draft_proposal", "private_proposal", "pending_proposal", "draft_consultation", "private_consultation"]


def sees(role, target):
    if target.startswith("draft"):
        return role == "staff"
    if target.startswith("private"):
        return role in ("staff", "member")
    return role in ("staff", "moderator")  # pending: its author and the moderators


def _comment(target, body):
    """A comment saved as it stood when its target was public (no check: the state changed since)."""
    from django.contrib.contenttypes.models import ContentType

    return Comment.objects.create(
        content_type=ContentType.objects.get_for_model(target), object_id=target.pk,
        author=UserFactory(), body=body,
    )


@pytest.fixture
def world(db):
    member = UserFactory(display_name="Membre")
    draft = ConsultationFactory(visibility=Visibility.DRAFT)
    private = ConsultationFactory(visibility=Visibility.PRIVATE)
    private.members.add(member)
    public = ConsultationFactory()
    targets = {
        "draft_proposal": ProposalFactory(consultation=draft, support_threshold=None),
        "private_proposal": ProposalFactory(consultation=private, support_threshold=None),
        "pending_proposal": ProposalFactory(consultation=public, support_threshold=None, moderation_status="pending"),
        "draft_consultation": draft,
        "private_consultation": private,
    }
    comments = {key: _comment(target, f"Commentaire secret sur {key}") for key, target in targets.items()}
    return {"member": member, "targets": targets, "comments": comments}


@pytest.fixture
def person(world, user_for_role):
    return lambda role: world["member"] if role == "member" else user_for_role(role)


def _label(target):
    return target._meta.label_lower


@pytest.mark.parametrize("role", ROLES)
@pytest.mark.parametrize("target", TARGETS)
def test_the_thread_in_the_api(role, target, world, person, api_for):
    obj = world["targets"][target]
    response = api_for(person(role)).get("/api/comments/", {"target": _label(obj), "object_id": obj.pk})
    if sees(role, target):
        assert response.status_code == 200
        assert world["comments"][target].body in response.content.decode()
    else:
        assert response.status_code == 404
        assert response.json()["code"] == "not_found"


@pytest.mark.parametrize("role", [r for r in ROLES if r != "visitor"])
@pytest.mark.parametrize("target", ["draft_proposal", "private_proposal", "draft_consultation"])
def test_commenting_requires_seeing(role, target, world, person, api_for):
    obj = world["targets"][target]
    response = api_for(person(role)).post(
        "/api/comments/", {"target": _label(obj), "object_id": obj.pk, "body": "Bonjour"}, format="json"
    )
    # Once seen, the target's own rule applies (a draft consultation takes no comment, even from staff).
    assert (response.status_code == 404) is not sees(role, target)
    if not sees(role, target):
        assert response.json() == {"detail": "Ce contenu n’existe pas.", "code": "not_found"}


def test_the_comment_page_form_refuses_what_one_cannot_see(world, client_for):
    proposal = world["targets"]["draft_proposal"]
    before = Comment.objects.count()
    client_for(UserFactory()).post(reverse("comments:add", args=["proposals.proposal", proposal.pk]), {"body": "Oh"})
    assert Comment.objects.count() == before


@pytest.mark.parametrize("target", TARGETS)
def test_reporting_a_comment_requires_seeing_it(target, world, api_for):
    comment = world["comments"][target]
    payload = {"kind": "comment", "object_id": comment.pk, "reason": "spam"}
    assert api_for(UserFactory()).post("/api/reports/", payload, format="json").status_code == 404
    if target.startswith("private"):
        assert api_for(world["member"]).post("/api/reports/", payload, format="json").status_code == 201


def test_a_reply_email_only_reaches_a_parent_author_who_still_sees_it(world, django_capture_on_commit_callbacks):
    consultation = ConsultationFactory()
    proposal = ProposalFactory(consultation=consultation, support_threshold=None)
    parent = services.add_comment(UserFactory(), proposal, "Premier avis")
    reply = services.add_comment(UserFactory(), proposal, "Réponse", parent=parent)
    consultation.visibility = Visibility.DRAFT
    consultation.save()
    mail.outbox.clear()
    send_reply_message(reply.pk)
    assert mail.outbox == []
    consultation.visibility = Visibility.PUBLIC
    consultation.save()
    send_reply_message(reply.pk)
    assert [message.to for message in mail.outbox] == [[parent.author.email]]


def test_a_pending_reply_is_not_emailed(world):
    consultation = ConsultationFactory(premoderated=True)
    proposal = ProposalFactory(consultation=consultation, support_threshold=None)
    parent = _comment(proposal, "Premier avis")
    reply = services.add_comment(UserFactory(), proposal, "Réponse en attente", parent=parent)
    assert reply.is_pending
    mail.outbox.clear()
    send_reply_message(reply.pk)
    assert mail.outbox == []


def test_a_service_call_is_refused_too(world):
    with pytest.raises(Refused) as refused:
        services.add_comment(UserFactory(), world["targets"]["private_proposal"], "Bonjour")
    assert refused.value.code == "not_found"
