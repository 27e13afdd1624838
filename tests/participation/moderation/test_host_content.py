"""Moderation of a host's own content: the queue, decisions, blocks and the log work through the
frame's contract alone, for a kind no plugin of the suite declares (tests/plugin_hosts/notes).

Run by the moderation plugin's host (``make test-plugins``); the site does not install the notes app.
"""

import pytest
from django.conf import settings
from django.shortcuts import resolve_url
from django.urls import reverse

from consultations.moderation import ModerationStatus, posting_refusal
from consultations.refusals import Refused
from participation.moderation import services
from participation.moderation.models import Action, ActionKind, Case, CaseStatus
from tests.conftest import ROLES
from tests.factories import UserFactory

pytestmark = [pytest.mark.needs_apps("tests.plugin_hosts.notes"), pytest.mark.django_db]

MODERATES = {"moderator", "staff"}


@pytest.fixture
def note_of():
    from tests.plugin_hosts.notes.models import Note

    def make(author=None, body="Une note du site hôte"):
        return Note.objects.create(author=author or UserFactory(), body=body)

    return make


def fresh(note):
    note.refresh_from_db()
    return note


def test_a_citizen_reports_a_note_once_and_never_their_own(citizen, note_of):
    note = note_of()
    case = services.report(citizen, "note", note.pk, "spam", "Publicité")
    assert case.status == CaseStatus.REPORTED and case.report_count == 1
    with pytest.raises(Refused) as again:
        services.report(citizen, "note", note.pk, "spam")
    assert again.value.message == "Vous avez déjà signalé ce contenu."
    with pytest.raises(Refused) as own:
        services.report(citizen, "note", note_of(author=citizen).pk, "spam")
    assert own.value.code == "own_content"


def test_three_reports_hide_the_note_until_a_moderator_restores_it(note_of, moderator):
    note = note_of()
    for _ in range(3):
        case = services.report(UserFactory(), "note", note.pk, "abuse")
    assert case.status == CaseStatus.AUTO_HIDDEN and fresh(note).moderation_status == ModerationStatus.HIDDEN
    services.keep(moderator, case, "Rien de grave")
    assert fresh(note).moderation_status == ModerationStatus.VISIBLE
    assert list(Action.objects.order_by("pk").values_list("action", flat=True)) == [ActionKind.AUTO_HIDE, ActionKind.RESTORE]


def test_a_moderator_hides_with_a_reason_that_is_logged(citizen, note_of, moderator):
    note = note_of()
    case = services.report(citizen, "note", note.pk, "off_topic")
    with pytest.raises(Refused) as no_reason:
        services.hide(moderator, case, "  ")
    assert no_reason.value.message == "Indiquez pourquoi : ce motif est envoyé à l’auteur·rice."
    services.hide(moderator, case, "Hors sujet")
    assert fresh(note).is_hidden
    action = Action.objects.get()
    assert (action.actor, action.action, action.reason) == (moderator, ActionKind.HIDE, "Hors sujet")


def test_a_blocked_person_may_not_post_until_the_block_is_lifted(citizen, moderator, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        record = services.block(moderator, citizen, "Insultes répétées", days=7)
    assert "vous ne pouvez pas publier" in posting_refusal(type(citizen).objects.get(pk=citizen.pk))
    with django_capture_on_commit_callbacks(execute=True):
        services.lift(moderator, record, "Excuses présentées")
    assert posting_refusal(type(citizen).objects.get(pk=citizen.pk)) is None


@pytest.mark.parametrize("role", ROLES)
def test_the_queue_is_for_moderators_and_staff(role, user_for_role, client_for, note_of):
    services.report(UserFactory(), "note", note_of().pk, "spam")
    response = client_for(user_for_role(role)).get(reverse("moderation:queue"))
    if role == "visitor":
        assert response.status_code == 302 and response["Location"].startswith(resolve_url(settings.LOGIN_URL))
    else:
        assert response.status_code == (200 if role in MODERATES else 403)


def test_the_report_page_extends_the_hosts_layout(citizen, client_for, note_of):
    note = note_of(body="Une note à signaler")
    page = client_for(citizen).get(reverse("moderation:report", args=["note", note.pk])).content.decode()
    assert "Portail de la ville hôte" in page and "Une note à signaler" in page


@pytest.mark.parametrize("size", [2, 12])
def test_the_queue_does_a_constant_number_of_queries(size, moderator, client_for, note_of, django_assert_max_num_queries):
    for _ in range(size):
        services.report(UserFactory(), "note", note_of().pk, "spam")
    client = client_for(moderator)
    with django_assert_max_num_queries(12):
        response = client.get(reverse("moderation:queue"))
    assert response.status_code == 200 and Case.objects.count() == size
