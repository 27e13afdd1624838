"""Every email that carries user text, with the XSS corpus in it.

The emails are plain text: a payload must read exactly as it was written (neither run nor turned
into HTML entities a reader would see), and no HTML alternative may carry it unsanitised.
"""

import pytest
from django.core import mail
from django.urls import reverse
from django.utils import timezone

from consultations import emails as registration_emails
from consultations import follow_emails
from consultations.models import EventSession, Follow, Registration
from participation.proposals.forms import AnswerForm

from . import poison
from .html_safety import executable_markup
from .xss_corpus import BASE_VECTORS, PAYLOADS

pytestmark = pytest.mark.django_db


def one_line(text):
    return " ".join(text.split())


def check_mail(message, subject=(), body=()):
    """``subject`` and ``body``: texts the message must show exactly as written."""
    assert message.content_subtype == "plain"
    for content, mimetype in getattr(message, "alternatives", []):
        if mimetype == "text/html":
            assert executable_markup(content) == [], message.subject
    assert not [a for a in message.attachments if getattr(a, "mimetype", "") == "text/html"]
    missing = [value[:40] for value in subject if one_line(value) not in message.subject]
    missing += [value[:40] for value in body if value not in message.body]
    assert not missing, f"{message.subject!r} does not show {missing} as written"


def test_official_answer_emails(client_for, staff, world, django_capture_on_commit_callbacks):
    """Staff answer each proposal with a part of the corpus; its author is told by email."""
    state = AnswerForm().fields["state"].choices[0][0]
    chunks = poison.chunks(PAYLOADS, poison.CHUNKS)
    for n, proposal in enumerate(world.objects["proposals"]):
        mail.outbox.clear()
        text = "\n\n".join(chunks[n])
        with django_capture_on_commit_callbacks(execute=True):
            response = client_for(staff).post(reverse("proposals:answer", args=[proposal.pk]), {"state": state, "text": text})
        assert response.status_code == 302
        assert len(mail.outbox) == 1
        check_mail(mail.outbox[0], subject=[world.plain[f"proposal-title-{n}"]], body=[text])
    assert sum(len(chunk) for chunk in chunks) == len(PAYLOADS)


def test_reply_emails(client_for, world, django_capture_on_commit_callbacks):
    """Replies with the corpus, by people whose names are payloads, on proposals whose titles are."""
    # Within the comment form's 5,000 characters.
    bodies = ["\n\n".join(chunk) for chunk in poison.chunks(PAYLOADS, 2 * poison.CHUNKS)]
    for n, body in enumerate(bodies):
        proposal = world.objects["proposals"][n % poison.CHUNKS]
        parent = world.objects["comments"][2 * (n % poison.CHUNKS)]
        replier = world.objects["commenters"][9 - n % poison.CHUNKS]
        mail.outbox.clear()
        with django_capture_on_commit_callbacks(execute=True):
            response = client_for(replier).post(
                reverse("comments:add", args=["proposals.proposal", proposal.pk]),
                {"body": body, "parent": parent.pk, "notify_replies": "on"},
            )
        assert response.status_code == 302
        assert [m.to for m in mail.outbox] == [[parent.author.email]]
        name = world.plain[f"commenter-{9 - n % poison.CHUNKS}"]
        check_mail(mail.outbox[0], subject=[name], body=[name, world.plain[f"proposal-title-{n % poison.CHUNKS}"], body])
    assert sum(len(body.split("\n\n")) for body in bodies) == len(PAYLOADS)


@pytest.mark.parametrize("kind", ["confirmed", "waiting", "promoted"])
def test_registration_emails(world, kind):
    event = world.objects["room"].event
    EventSession.objects.filter(event=event).update(
        is_online=False, place=world.line("place", BASE_VECTORS[4], 250), city=world.line("city", BASE_VECTORS[5], 120)
    )
    person = world.objects["speakers"][0]
    registration = Registration.objects.create(event=event, user=person, status="confirmed" if kind != "waiting" else "waiting")
    mail.outbox.clear()
    registration_emails.send_registration_message(registration.pk, kind)
    assert len(mail.outbox) == 1
    check_mail(mail.outbox[0], subject=[world.plain["live-event"]], body=[world.plain["live-event"], world.plain["place"], world.plain["city"]])


def test_consultation_news_emails(world):
    consultation = world.objects["consultation"]
    Follow.objects.create(consultation=consultation, user=world.objects["members"][0], email_notifications=True)
    mail.outbox.clear()
    assert follow_emails.send_step_opened(world.objects["step"].pk) == 1
    assert follow_emails.send_synthesis_published(consultation.pk) == 1
    step_opened, synthesis = mail.outbox
    title, step = world.plain["consultation-title"], world.plain["step-title"]
    check_mail(step_opened, subject=[title, step], body=[title, step])
    check_mail(synthesis, subject=[title], body=[title])
    assert consultation.synthesis_published_at <= timezone.now()


def test_a_subject_reads_as_written(client_for, staff, django_capture_on_commit_callbacks):
    """Subjects are plain text too: no HTML entities for a French apostrophe or quotes."""
    from tests.participation.proposals.factories import ProposalFactory

    proposal = ProposalFactory(title="Des bancs à l'ombre & un « vrai » kiosque <enfin>")
    with django_capture_on_commit_callbacks(execute=True):
        client_for(staff).post(reverse("proposals:answer", args=[proposal.pk]),
                               {"state": AnswerForm().fields["state"].choices[0][0], "text": "D'accord."})
    assert mail.outbox[0].subject == "Réponse officielle à « Des bancs à l'ombre & un « vrai » kiosque <enfin> »"
