"""Every kind of e-mail the site sends, parsed as a mail client reads it.

Each kind is triggered the way the site does it, then its bytes are parsed with the ``email``
package: notifications carry a one-click unsubscribe valid per RFC 8058 (an absolute ``https``
or site URL in angle brackets, ASCII, not an RFC 2047 encoded-word, with
``List-Unsubscribe-Post: List-Unsubscribe=One-Click``) that works by a bare POST without login;
every link is absolute to the site; the text is French; no HTML entity shows in plain text.

A new e-mail template (``*/email/*_subject.txt``) fails ``test_every_email_template_is_checked``
until a trigger below sends it.
"""

import email
import email.policy
import re
from datetime import timedelta
from pathlib import Path

import pytest
from django.conf import settings
from django.core import mail
from django.test import Client
from django.test.signals import template_rendered
from django.urls import reverse
from django.utils import timezone

from consultations import follow_emails
from consultations import services as consultation_services
from consultations.models import Follow, StepKind
from participation.comments import services as comment_services
from participation.comments.models import Comment
from participation.moderation import services as moderation_services
from participation.proposals import services as proposal_services
from participation.proposals.models import Unsubscription
from tests.factories import ConsultationFactory, EventFactory, StepFactory, UserFactory
from tests.participation.moderation.helpers import make_item, reported_case
from tests.participation.proposals.factories import ProposalFactory, support

pytestmark = pytest.mark.django_db

SITE = "https://participer.example.fr"
ROOT = Path(settings.BASE_DIR)
ENTITIES = re.compile(r"&(#x?[0-9a-f]+|amp|lt|gt|quot|apos|nbsp);", re.IGNORECASE)
URLS = re.compile(r"(?:https?://|www\.)[^\s<>\"»]+|(?<![\w/])/[a-z0-9-]+/[^\s<>\"»]*", re.IGNORECASE)
# Words that only an untranslated English sentence would carry.
ENGLISH = re.compile(r"\b(the|you|your|this|has|been|with|please|click|here|hello|sent|receive)\b", re.IGNORECASE)


@pytest.fixture(autouse=True)
def _site(settings):
    settings.PARTICIPATION = {**settings.PARTICIPATION, "SITE_URL": SITE}
    settings.ACCOUNT_DEFAULT_HTTP_PROTOCOL = "https"  # as in production (settings.py)
    settings.ALLOWED_HOSTS = ["participer.example.fr", "testserver"]


@pytest.fixture
def rendered():
    names = []

    def listen(sender, template, **kwargs):
        names.append(template.name)

    template_rendered.connect(listen)
    yield names
    template_rendered.disconnect(listen)


def https_client(user=None):
    client = Client(HTTP_HOST="participer.example.fr", HTTP_ACCEPT_LANGUAGE="fr", secure=True)
    if user is not None:
        client.force_login(user)
    return client


# Each trigger sends one kind; it returns the recipient whose message is checked, and, for a
# notification, how to see that the unsubscribe stopped it.


def registration(kind):
    def trigger(staff):
        event = EventFactory(capacity=1, waiting_list=True)
        first, second = UserFactory(), UserFactory()
        consultation_services.register(event, first)
        consultation_services.register(event, second)
        if kind == "promoted":
            consultation_services.cancel_registration(event, first)
        return {"confirmed": first, "waiting": second, "promoted": second}[kind], None

    return trigger


def event_change(kind):
    """A registrant told that the event moved or was cancelled (consultations/signals.py)."""

    def trigger(staff):
        event = EventFactory(capacity=5)
        person = UserFactory()
        consultation_services.register(event, person)
        if kind == "cancelled":
            event.status = "cancelled"
            event.save()
        else:
            session = event.sessions.get()
            session.place = "Salle des fêtes"
            session.save()
        return person, None

    return trigger


def step_opened(staff):
    consultation = ConsultationFactory(title="Cadre de vie aux Clos")
    step = StepFactory(consultation=consultation, kind=StepKind.PROPOSALS)
    member = UserFactory()
    membership, _created = consultation_services.follow(consultation, member)
    follow_emails.send_step_opened(step.pk)
    return member, lambda: not Follow.objects.get(pk=membership.pk).email_notifications


def synthesis_published(staff):
    consultation = ConsultationFactory(title="Évaluation du contrat de ville", synthesis="Merci à toutes et tous.")
    member = UserFactory()
    membership, _created = consultation_services.follow(consultation, member)
    consultation_services.publish_synthesis(consultation)
    return member, lambda: not Follow.objects.get(pk=membership.pk).email_notifications


def comment_reply(staff):
    proposal = ProposalFactory(title="Des bancs à l'ombre & un kiosque")
    author = UserFactory()
    parent = comment_services.add_comment(author, proposal, "Bonne idée, et pour les aînés ?")
    comment_services.add_comment(UserFactory(display_name="Léa"), proposal, "Oui, près de l'école.", parent=parent)
    return author, lambda: not Comment.objects.get(pk=parent.pk).notify_replies


def proposal_answer(staff):
    proposal = ProposalFactory(title="Des bancs à l'ombre")
    proposal_services.answer_proposal(staff, proposal, state="accepted", text="La ville installe les bancs d'ici l'été.")
    return proposal.author, lambda: Unsubscription.objects.filter(proposal=proposal, user=proposal.author).exists()


def budget_project_update(staff):
    from datetime import date

    from participation.budgets import services as budget_services
    from participation.budgets.models import ProjectFollow
    from tests.participation.budgets.fixtures import make_budget

    _budget, _envelopes, projects = make_budget()
    follower = UserFactory()
    budget_services.follow_project(projects["jardin"], follower)
    budget_services.post_update(
        projects["jardin"], staff, date=date(2027, 3, 1), text="Les bacs & les outils sont là.", progress="in_progress",
        percent_done=40,
    )
    return follower, lambda: not ProjectFollow.objects.filter(user=follower).exists()


def initiative_threshold(recipient):
    def trigger(staff):
        initiative = ProposalFactory(consultation=None, support_threshold=2, title="Un jardin partagé")
        support(initiative, UserFactory())
        proposal_services.cast_support(UserFactory(), initiative)
        person = staff if recipient == "staff" else initiative.author
        return person, lambda: Unsubscription.objects.filter(proposal=initiative, user=person).exists()

    return trigger


def initiative_closed(staff):
    initiative = ProposalFactory(
        consultation=None, title="Un jardin partagé", collection_ends_at=timezone.now() - timedelta(minutes=1)
    )
    proposal_services.close_due_initiatives()
    author = initiative.author
    return author, lambda: Unsubscription.objects.filter(proposal=initiative, user=author).exists()


def moderation(kind):
    def trigger(staff):
        moderator = UserFactory(roles=["moderator"])
        comment = make_item("comment", body="Un commentaire d'un voisin")
        case = reported_case(comment)
        if kind == "blocked":
            moderation_services.block(moderator, comment.author, "Insultes répétées", days=7)
        else:
            moderation_services.hide(moderator, case, "Propos injurieux envers un voisin")
            if kind == "restored":
                mail.outbox.clear()
                moderation_services.keep(moderator, case, "Finalement acceptable")
        return comment.author, None

    return trigger


def live_hidden(staff):
    from participation.live import services as live_services
    from tests.participation.live.factories import MessageFactory, RoomFactory

    room = RoomFactory()
    facilitator = UserFactory(roles=["facilitator"])
    room.event.facilitators.add(facilitator)
    message = MessageFactory(room=room, body="Achetez mes tomates !")
    live_services.moderate_message(room.pk, facilitator, message.pk, approve=False, reason="spam", note="Pas de vente")
    return message.author, None


def signup(staff):
    https_client().post(reverse("account_signup"), {
        "display_name": "Nouvelle", "email": "nouvelle@example.fr",
        "password1": "un mot de passe solide 42", "password2": "un mot de passe solide 42",
    })
    return UserFactory.build(email="nouvelle@example.fr"), None


def email_confirmation(staff):
    person = UserFactory()
    https_client(person).post(reverse("account_email"), {"action_add": "", "email": "autre@example.fr"})
    return UserFactory.build(email="autre@example.fr"), None


def account_already_exists(staff):
    person = UserFactory()
    https_client().post(reverse("account_signup"), {
        "display_name": "Quelqu'un", "email": person.email,
        "password1": "un mot de passe solide 42", "password2": "un mot de passe solide 42",
    })
    return person, None


def password_reset(staff):
    person = UserFactory()
    https_client().post(reverse("account_reset_password"), {"email": person.email})
    return person, None


def unknown_account(staff):
    https_client().post(reverse("account_reset_password"), {"email": "personne@example.fr"})
    return UserFactory.build(email="personne@example.fr"), None


# kind: (trigger, the subject template it sends, is it a notification?)
KINDS = {
    "registration confirmed": (registration("confirmed"), "consultations/email/registration_confirmed_subject.txt", False),
    "registration waiting": (registration("waiting"), "consultations/email/registration_waiting_subject.txt", False),
    "registration promoted": (registration("promoted"), "consultations/email/registration_promoted_subject.txt", False),
    "event changed": (event_change("changed"), "consultations/email/registration_changed_subject.txt", False),
    "event cancelled": (event_change("cancelled"), "consultations/email/registration_cancelled_subject.txt", False),
    "step opened": (step_opened, "consultations/email/step_opened_subject.txt", True),
    "synthesis published": (synthesis_published, "consultations/email/synthesis_published_subject.txt", True),
    "comment reply": (comment_reply, "comments/email/reply_subject.txt", True),
    "official answer": (proposal_answer, "proposals/email/answer_subject.txt", True),
    "initiative threshold (author)": (
        initiative_threshold("author"), "proposals/email/initiative_threshold_reached_subject.txt", True
    ),
    "initiative threshold (staff)": (
        initiative_threshold("staff"), "proposals/email/initiative_threshold_reached_subject.txt", True
    ),
    "initiative collection ended": (initiative_closed, "proposals/email/initiative_collection_ended_subject.txt", True),
    "budget project update": (budget_project_update, "budgets/email/update_subject.txt", True),
    "content hidden": (moderation("hidden"), "moderation/email/hidden_subject.txt", False),
    "content restored": (moderation("restored"), "moderation/email/restored_subject.txt", False),
    "account blocked": (moderation("blocked"), "moderation/email/blocked_subject.txt", False),
    "live message hidden": (live_hidden, "live/email/hidden_subject.txt", False),
    "sign-up confirmation": (signup, "account/email/email_confirmation_signup_subject.txt", False),
    "address confirmation": (email_confirmation, "account/email/email_confirmation_subject.txt", False),
    "account already exists": (account_already_exists, "account/email/account_already_exists_subject.txt", False),
    "password reset": (password_reset, "account/email/password_reset_key_subject.txt", False),
    "unknown account": (unknown_account, "account/email/unknown_account_subject.txt", False),
}


def parsed(message):
    return email.message_from_bytes(message.message().as_bytes(), policy=email.policy.default)


def plain_text(parsed_message):
    part = parsed_message.get_body(preferencelist=("plain",))
    return part.get_content()


@pytest.mark.parametrize("kind", KINDS)
def test_every_kind_of_email(kind, staff, rendered, django_capture_on_commit_callbacks):
    trigger, subject_template, is_notification = KINDS[kind]
    with django_capture_on_commit_callbacks(execute=True):
        recipient, stopped = trigger(staff)
    assert subject_template in rendered
    # The last one: a promotion comes after a waiting-list e-mail, a restore after a hide.
    messages = [m for m in mail.outbox if m.to == [recipient.email]]
    assert messages, [m.subject for m in mail.outbox]
    message = parsed(messages[-1])
    subject, body = str(message["Subject"]), plain_text(message)

    assert not ENTITIES.search(subject) and not ENTITIES.search(body), (subject, body)
    links = URLS.findall(body)
    assert links, body
    for link in links:
        assert link.startswith(SITE + "/"), f"{link} is not an absolute link to the site"
    words = ENGLISH.findall(URLS.sub(" ", f"{subject}\n{body}"))
    assert not words, f"English in {subject!r}: {words}"
    # Written for people: the site's name, not its host's ("Bonjour, c'est 127.0.0.1:8101"), and no
    # offer to contact anyone (the site gives no contact in an e-mail).
    assert "La Part Citoyenne" in f"{subject}\n{body}"
    assert "participer.example.fr" not in URLS.sub(" ", body) and "testserver" not in body, body
    assert "contact" not in body.lower(), body

    raw_headers = messages[-1].message().as_bytes().split(b"\n\n", 1)[0].decode("ascii")
    if not is_notification:
        assert message["List-Unsubscribe"] is None
        return
    unsubscribe = message["List-Unsubscribe"]
    assert re.fullmatch(r"<https://[\x21-\x7e]+>", str(unsubscribe)), unsubscribe
    assert "=?" not in raw_headers.split("List-Unsubscribe:", 1)[1].split("\n", 1)[0]
    assert str(message["List-Unsubscribe-Post"]) == "List-Unsubscribe=One-Click"
    url = str(unsubscribe)[1:-1]
    assert url.startswith(SITE + "/")
    assert url in body  # the reader of the text has the same way out
    # What a mail client does (RFC 8058): a bare POST, no cookie, no CSRF token.
    response = Client(enforce_csrf_checks=True).post(
        url.removeprefix(SITE), {"List-Unsubscribe": "One-Click"}, headers={"accept-language": "fr"}
    )
    assert response.status_code == 200
    assert "Vous ne recevrez plus de courriels" in response.text
    assert stopped()


def test_every_email_template_is_checked():
    ours = {
        f"{path.parent.parent.name}/email/{path.name}"
        for base in ("consultations", "participation", "lapartcitoyenne", "templates")
        for path in (ROOT / base).rglob("email/*_subject.txt")
    }
    checked = {template for _trigger, template, _notification in KINDS.values()}
    assert ours - checked == set(), "an e-mail no trigger sends: add it to KINDS"


def test_an_account_email_greets_its_account_not_whoever_asked(citizen):
    """Signed in as Awa, asking a new password for an address nobody has: that address is not told « Awa »."""
    https_client(citizen).post(reverse("account_reset_password"), {"email": "inconnue@example.fr"})
    (message,) = [m for m in mail.outbox if m.to == ["inconnue@example.fr"]]
    assert message.body.startswith("Bonjour,") and "Awa" not in message.body
    https_client().post(reverse("account_reset_password"), {"email": citizen.email})
    assert mail.outbox[-1].body.startswith("Bonjour Awa,")
