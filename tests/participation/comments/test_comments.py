"""Comments on the frame's content (events, consultations): threads, edits, deletion, e-mails, roles, API."""

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
from tests.conftest import ROLES
from tests.factories import ConsultationFactory, EventFactory, UserFactory


def test_the_depth_is_bounded(citizen, settings, db):
    settings.PARTICIPATION = {**settings.PARTICIPATION, "COMMENT_MAX_DEPTH": 2}
    event = EventFactory()
    parent = services.add_comment(citizen, event, "Niveau 0")
    for level in (1, 2):
        parent = services.add_comment(citizen, event, f"Niveau {level}", parent=parent)
    with pytest.raises(Refused) as refused:
        services.add_comment(citizen, event, "Trop profond", parent=parent)
    assert refused.value.message == "Cette discussion ne peut pas aller plus loin : répondez plus haut."


@pytest.mark.parametrize(
    ("body", "message"),
    [("   ", "Le commentaire est vide."), ("x" * 5001, "Le commentaire est trop long : 5000 caractères au maximum.")],
)
def test_empty_and_too_long_comments_are_refused(citizen, body, message, db):
    with pytest.raises(Refused) as refused:
        services.add_comment(citizen, EventFactory(), body)
    assert refused.value.message == message


def test_a_position_only_on_proposals(citizen, db):
    from consultations.models import StepKind
    from tests.factories import StepFactory

    consultation = ConsultationFactory(tools=["comments"])  # its discussion open now
    StepFactory(consultation=consultation, kind=StepKind.INFORMATION)
    services.add_comment(citizen, consultation, "Merci pour cette consultation")
    with pytest.raises(Refused) as refused:
        services.add_comment(citizen, consultation, "Pour", position="for")
    assert refused.value.code == "invalid_position"


def test_comments_on_events_and_consultations(citizen, client_for, db):
    event = EventFactory()
    comment = services.add_comment(citizen, event, "Y aura-t-il un replay ?")
    assert comment.target == event
    draft = ConsultationFactory(visibility=Visibility.DRAFT)
    with pytest.raises(Refused) as refused:
        services.add_comment(citizen, draft, "Bonjour")
    assert refused.value.code == "not_found"  # what one may not see does not exist for them


def test_edit_for_a_short_while(citizen, time_machine, db):
    comment = services.add_comment(citizen, EventFactory(), "Premier jet")
    services.edit_comment(citizen, comment, "Version corrigée")
    assert Comment.objects.get(pk=comment.pk).edited_at is not None
    time_machine.move_to(timezone.now() + timedelta(minutes=16))
    with pytest.raises(Refused) as refused:
        services.edit_comment(citizen, comment, "Trop tard")
    assert refused.value.message == "Un commentaire ne peut être modifié que pendant les 15 minutes qui suivent sa publication."


def test_only_the_author_edits(citizen, db):
    comment = services.add_comment(UserFactory(), EventFactory(), "À moi")
    with pytest.raises(Refused) as refused:
        services.edit_comment(citizen, comment, "Pris")
    assert refused.value.status == 403


def test_deleting_leaves_a_marker_that_keeps_the_thread(citizen, client_for, db):
    event = EventFactory()
    parent = services.add_comment(citizen, event, "Message à supprimer")
    services.add_comment(UserFactory(), event, "Une réponse qui reste", parent=parent)
    response = client_for(citizen).post(reverse("comments:delete", args=[parent.pk]), follow=True)
    page = response.content.decode()
    assert "Commentaire supprimé" in page
    assert "Message à supprimer" not in page
    assert "Une réponse qui reste" in page
    with pytest.raises(Refused):
        services.delete_comment(citizen, Comment.objects.get(pk=parent.pk))


def test_a_moderator_deletes_someone_elses_comment(moderator, citizen, db):
    comment = services.add_comment(citizen, EventFactory(), "Hors sujet")
    services.delete_comment(moderator, comment)
    with pytest.raises(Refused):
        services.delete_comment(UserFactory(), services.add_comment(citizen, EventFactory(), "Autre"))


def test_a_reply_emails_the_parent_author_who_can_turn_it_off(citizen, client_for, django_capture_on_commit_callbacks, db):
    event = EventFactory(title="Des bancs")
    parent = services.add_comment(citizen, event, "Où les mettre ?")
    with django_capture_on_commit_callbacks(execute=True):
        services.add_comment(UserFactory(display_name="Karim"), event, "Près de l’école", parent=parent)
    assert [m.to for m in mail.outbox] == [[citizen.email]]
    assert mail.outbox[0].subject == "Karim a répondu à votre commentaire"
    assert "Près de l’école" in mail.outbox[0].body
    client_for(citizen).post(reverse("comments:notifications", args=[parent.pk]))
    with django_capture_on_commit_callbacks(execute=True):
        services.add_comment(UserFactory(), event, "Et près du parc", parent=parent)
    assert len(mail.outbox) == 1


def test_no_email_when_replying_to_oneself(citizen, django_capture_on_commit_callbacks, db):
    event = EventFactory()
    parent = services.add_comment(citizen, event, "Question")
    with django_capture_on_commit_callbacks(execute=True):
        services.add_comment(citizen, event, "Précision", parent=parent)
    assert mail.outbox == []


def test_the_page_form_posts_and_shows_errors(citizen, client_for, db):
    event = EventFactory()
    url = reverse("comments:add", args=["consultations.event", event.pk])
    response = client_for(citizen).post(url, {"body": "Bravo !"}, follow=True)
    assert "Votre commentaire est publié." in response.content.decode()
    response = client_for(citizen).post(url, {"body": "Réponse", "parent": Comment.objects.get().pk, "notify_replies": "on"}, follow=True)
    assert Comment.objects.filter(depth=1).count() == 1


EXPECTED_ADD = {"visitor": False, "citizen": True, "council_member": True, "facilitator": True, "moderator": True, "staff": True}
EXPECTED_DELETE_OTHERS = {"visitor": False, "citizen": False, "council_member": False, "facilitator": False, "moderator": True, "staff": True}


@pytest.mark.parametrize("role", ROLES)
def test_role_matrix(role, user_for_role, db):
    user = user_for_role(role) or AnonymousUser()
    event = EventFactory()
    someone_elses = services.add_comment(UserFactory(), event, "Un avis")
    assert user.has_perm("comments.add_comment", event) is EXPECTED_ADD[role]
    assert user.has_perm("comments.change_comment", someone_elses) is False
    assert user.has_perm("comments.delete_comment", someone_elses) is EXPECTED_DELETE_OTHERS[role]
    if user.is_authenticated:
        own = services.add_comment(user, event, "Le mien")
        assert user.has_perm("comments.change_comment", own)
        assert user.has_perm("comments.delete_comment", own)


def test_api_thread_add_edit_delete(citizen, db):
    event = EventFactory()
    client = APIClient()
    client.force_authenticate(citizen)
    response = client.post(
        "/api/comments/", {"target": "consultations.event", "object_id": event.pk, "body": "Bonne idée"}, format="json"
    )
    assert response.status_code == 201
    comment_id = response.json()["id"]
    response = client.post(
        "/api/comments/", {"target": "consultations.event", "object_id": event.pk, "body": ""}, format="json"
    )
    assert response.status_code == 400 and response.json() == {
        "detail": "body : Ce champ ne peut être vide.", "code": "invalid", "errors": {"body": ["Ce champ ne peut être vide."]}
    }
    assert client.patch(f"/api/comments/{comment_id}/", {"body": "Très bonne idée"}, format="json").json()["body"] == "Très bonne idée"
    deleted = client.delete(f"/api/comments/{comment_id}/").json()
    assert deleted["deleted"] is True and deleted["body"] == "" and deleted["author"] is None
    thread = APIClient().get("/api/comments/", {"target": "consultations.event", "object_id": event.pk}).json()
    assert thread["count"] == 1 and thread["results"][0]["deleted"] is True


def test_api_refuses_unknown_targets(citizen, db):
    client = APIClient()
    client.force_authenticate(citizen)
    response = client.get("/api/comments/", {"target": "accounts.user", "object_id": citizen.pk})
    assert response.status_code == 400 and response.json()["code"] == "not_commentable"
    response = client.get("/api/comments/", {"target": "consultations.event", "object_id": 424242})
    assert response.status_code == 404
    response = client.patch("/api/comments/424242/", {"body": "x"}, format="json")
    assert response.status_code == 404


@pytest.mark.parametrize("size", [2, 12])
def test_the_thread_endpoint_does_a_constant_number_of_queries(size, django_assert_max_num_queries, db):
    event = EventFactory()
    for n in range(size):
        parent = services.add_comment(UserFactory(), event, f"Commentaire {n}")
        services.add_comment(UserFactory(), event, f"Réponse {n}", parent=parent)
    with django_assert_max_num_queries(4):
        response = APIClient().get("/api/comments/", {"target": "consultations.event", "object_id": event.pk})
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
