from datetime import timedelta

import pytest
from django.contrib.auth.models import AnonymousUser
from django.core import mail
from django.urls import reverse
from django.utils import timezone
from rest_framework.test import APIClient

from consultations.models import Visibility
from participation.comments import services
from participation.comments.models import Comment
from consultations.refusals import Refused
from participation.proposals.models import Proposal
from tests.conftest import ROLES
from tests.factories import ConsultationFactory, EventFactory, UserFactory
from tests.participation.councils.factories import CouncilFactory, member_of
from tests.participation.proposals.factories import ProposalFactory


def comment_count(proposal):
    return Proposal.objects.get(pk=proposal.pk).comment_count


def test_comments_thread_and_count_on_a_proposal(citizen, db):
    proposal = ProposalFactory()
    first = services.add_comment(citizen, proposal, "Très bonne idée", position="for")
    reply = services.add_comment(UserFactory(), proposal, "Je ne suis pas d’accord", parent=first, position="against")
    assert reply.depth == 1
    assert comment_count(proposal) == 2
    [root] = services.thread_for(proposal)
    assert root == first and root.children == [reply]


def test_the_depth_is_bounded(citizen, settings, db):
    settings.PARTICIPATION = {**settings.PARTICIPATION, "COMMENT_MAX_DEPTH": 2}
    proposal = ProposalFactory()
    parent = services.add_comment(citizen, proposal, "Niveau 0")
    for level in (1, 2):
        parent = services.add_comment(citizen, proposal, f"Niveau {level}", parent=parent)
    with pytest.raises(Refused) as refused:
        services.add_comment(citizen, proposal, "Trop profond", parent=parent)
    assert refused.value.message == "Cette discussion ne peut pas aller plus loin : répondez plus haut."


@pytest.mark.parametrize(
    ("body", "message"),
    [("   ", "Le commentaire est vide."), ("x" * 5001, "Le commentaire est trop long : 5000 caractères au maximum.")],
)
def test_empty_and_too_long_comments_are_refused(citizen, body, message, db):
    with pytest.raises(Refused) as refused:
        services.add_comment(citizen, ProposalFactory(), body)
    assert refused.value.message == message


def test_a_position_only_on_proposals(citizen, db):
    consultation = ConsultationFactory()
    services.add_comment(citizen, consultation, "Merci pour cette consultation")
    with pytest.raises(Refused) as refused:
        services.add_comment(citizen, consultation, "Pour", position="for")
    assert refused.value.code == "invalid_position"


def test_comments_on_events_and_consultations(citizen, client_for, db):
    event = EventFactory()
    comment = services.add_comment(citizen, event, "Y aura-t-il un replay ?")
    assert comment.target == event
    private = ConsultationFactory(visibility=Visibility.DRAFT)
    with pytest.raises(Refused) as refused:
        services.add_comment(citizen, private, "Bonjour")
    assert refused.value.message == "Les commentaires sont fermés ici."


def test_a_withdrawn_proposal_takes_no_comment(citizen, db):
    proposal = ProposalFactory(state="withdrawn", withdrawal_reason="Doublon")
    with pytest.raises(Refused):
        services.add_comment(citizen, proposal, "Dommage")


def test_edit_for_a_short_while(citizen, time_machine, db):
    comment = services.add_comment(citizen, ProposalFactory(), "Premier jet")
    services.edit_comment(citizen, comment, "Version corrigée")
    assert Comment.objects.get(pk=comment.pk).edited_at is not None
    time_machine.move_to(timezone.now() + timedelta(minutes=16))
    with pytest.raises(Refused) as refused:
        services.edit_comment(citizen, comment, "Trop tard")
    assert refused.value.message == "Un commentaire ne peut être modifié que pendant les 15 minutes qui suivent sa publication."


def test_only_the_author_edits(citizen, db):
    comment = services.add_comment(UserFactory(), ProposalFactory(), "À moi")
    with pytest.raises(Refused) as refused:
        services.edit_comment(citizen, comment, "Pris")
    assert refused.value.status == 403


def test_deleting_leaves_a_marker_that_keeps_the_thread(citizen, client_for, db):
    proposal = ProposalFactory()
    parent = services.add_comment(citizen, proposal, "Message à supprimer")
    services.add_comment(UserFactory(), proposal, "Une réponse qui reste", parent=parent)
    response = client_for(citizen).post(reverse("comments:delete", args=[parent.pk]), follow=True)
    page = response.content.decode()
    assert "Commentaire supprimé" in page
    assert "Message à supprimer" not in page
    assert "Une réponse qui reste" in page
    assert comment_count(proposal) == 1
    with pytest.raises(Refused):
        services.delete_comment(citizen, Comment.objects.get(pk=parent.pk))


def test_a_moderator_deletes_someone_elses_comment(moderator, citizen, db):
    comment = services.add_comment(citizen, ProposalFactory(), "Hors sujet")
    services.delete_comment(moderator, comment)
    with pytest.raises(Refused):
        services.delete_comment(UserFactory(), services.add_comment(citizen, ProposalFactory(), "Autre"))


def test_a_reply_emails_the_parent_author_who_can_turn_it_off(citizen, client_for, django_capture_on_commit_callbacks, db):
    proposal = ProposalFactory(title="Des bancs")
    parent = services.add_comment(citizen, proposal, "Où les mettre ?")
    with django_capture_on_commit_callbacks(execute=True):
        services.add_comment(UserFactory(display_name="Karim"), proposal, "Près de l’école", parent=parent)
    assert [m.to for m in mail.outbox] == [[citizen.email]]
    assert mail.outbox[0].subject == "Karim a répondu à votre commentaire"
    assert "Près de l’école" in mail.outbox[0].body
    client_for(citizen).post(reverse("comments:notifications", args=[parent.pk]))
    with django_capture_on_commit_callbacks(execute=True):
        services.add_comment(UserFactory(), proposal, "Et près du parc", parent=parent)
    assert len(mail.outbox) == 1


def test_no_email_when_replying_to_oneself(citizen, django_capture_on_commit_callbacks, db):
    proposal = ProposalFactory()
    parent = services.add_comment(citizen, proposal, "Question")
    with django_capture_on_commit_callbacks(execute=True):
        services.add_comment(citizen, proposal, "Précision", parent=parent)
    assert mail.outbox == []


def test_a_council_member_comments_on_behalf_of_the_council(council_member, client_for, db):
    council = CouncilFactory(name="Conseil citoyen de Tours – Le Sanitas")
    member_of(council, council_member)
    proposal = ProposalFactory()
    client_for(council_member).post(
        reverse("comments:add", args=["proposals.proposal", proposal.pk]),
        {"body": "Le conseil soutient l’idée", "council": council.pk, "position": "for"},
    )
    comment = Comment.objects.get()
    assert comment.council == council
    page = client_for(None).get(proposal.get_absolute_url()).content.decode()
    assert "Conseil citoyen de Tours – Le Sanitas" in page and council_member.public_name in page
    with pytest.raises(Refused) as refused:
        services.add_comment(UserFactory(), proposal, "Au nom du conseil", council=council)
    assert refused.value.message == "Vous n’êtes pas membre de ce conseil."


def test_the_page_form_posts_and_shows_errors(citizen, client_for, db):
    proposal = ProposalFactory()
    url = reverse("comments:add", args=["proposals.proposal", proposal.pk])
    response = client_for(citizen).post(url, {"body": "Bravo !"}, follow=True)
    assert "Votre commentaire est publié." in response.content.decode()
    response = client_for(citizen).post(url, {"body": "Réponse", "parent": Comment.objects.get().pk, "notify_replies": "on"}, follow=True)
    assert Comment.objects.filter(depth=1).count() == 1


EXPECTED_ADD = {"visitor": False, "citizen": True, "council_member": True, "facilitator": True, "moderator": True, "staff": True}
EXPECTED_DELETE_OTHERS = {"visitor": False, "citizen": False, "council_member": False, "facilitator": False, "moderator": True, "staff": True}


@pytest.mark.parametrize("role", ROLES)
def test_role_matrix(role, user_for_role, db):
    user = user_for_role(role) or AnonymousUser()
    proposal = ProposalFactory()
    someone_elses = services.add_comment(UserFactory(), proposal, "Un avis")
    assert user.has_perm("comments.add_comment", proposal) is EXPECTED_ADD[role]
    assert user.has_perm("comments.change_comment", someone_elses) is False
    assert user.has_perm("comments.delete_comment", someone_elses) is EXPECTED_DELETE_OTHERS[role]
    if user.is_authenticated:
        own = services.add_comment(user, proposal, "Le mien")
        assert user.has_perm("comments.change_comment", own)
        assert user.has_perm("comments.delete_comment", own)


def test_api_thread_add_edit_delete(citizen, db):
    proposal = ProposalFactory()
    client = APIClient()
    client.force_authenticate(citizen)
    response = client.post(
        "/api/comments/", {"target": "proposals.proposal", "object_id": proposal.pk, "body": "Bonne idée", "position": "for"}, format="json"
    )
    assert response.status_code == 201
    comment_id = response.json()["id"]
    response = client.post(
        "/api/comments/", {"target": "proposals.proposal", "object_id": proposal.pk, "body": ""}, format="json"
    )
    assert response.status_code == 400 and response.json() == {
        "detail": "body : Ce champ ne peut être vide.", "code": "invalid", "errors": {"body": ["Ce champ ne peut être vide."]}
    }
    assert client.patch(f"/api/comments/{comment_id}/", {"body": "Très bonne idée"}, format="json").json()["body"] == "Très bonne idée"
    deleted = client.delete(f"/api/comments/{comment_id}/").json()
    assert deleted["deleted"] is True and deleted["body"] == "" and deleted["author"] is None
    thread = APIClient().get("/api/comments/", {"target": "proposals.proposal", "object_id": proposal.pk}).json()
    assert thread["count"] == 1 and thread["results"][0]["deleted"] is True


def test_api_refuses_unknown_targets(citizen, db):
    client = APIClient()
    client.force_authenticate(citizen)
    response = client.get("/api/comments/", {"target": "accounts.user", "object_id": citizen.pk})
    assert response.status_code == 400 and response.json()["code"] == "not_commentable"
    response = client.get("/api/comments/", {"target": "proposals.proposal", "object_id": 424242})
    assert response.status_code == 404
    response = client.patch("/api/comments/424242/", {"body": "x"}, format="json")
    assert response.status_code == 404


@pytest.mark.parametrize("size", [2, 12])
def test_the_thread_endpoint_does_a_constant_number_of_queries(size, django_assert_max_num_queries, db):
    proposal = ProposalFactory()
    council = CouncilFactory()
    for n in range(size):
        author = UserFactory()
        member_of(council, author)
        parent = services.add_comment(author, proposal, f"Commentaire {n}", council=council)
        services.add_comment(UserFactory(), proposal, f"Réponse {n}", parent=parent)
    with django_assert_max_num_queries(4):
        response = APIClient().get("/api/comments/", {"target": "proposals.proposal", "object_id": proposal.pk})
    assert response.json()["count"] == 2 * size


def test_the_comments_tool_shows_the_thread_of_an_event(citizen, rf, db):
    from django.template.loader import render_to_string

    from consultations.registry import registry

    event = EventFactory()
    services.add_comment(citizen, event, "Le replay sera-t-il en ligne ?")
    request = rf.get("/")
    request.user = citizen
    html = render_to_string(registry.get("comments").event_template, {"event": event}, request=request)
    assert "Le replay sera-t-il en ligne ?" in html and "Ajouter un commentaire" in html
