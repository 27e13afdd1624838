"""« Mes données » and account deletion across every app, and the moderation's retention rules."""

import io
import json
from datetime import timedelta
from pathlib import Path

import pytest
import time_machine
from django.core import mail
from django.core.files.base import ContentFile
from django.core.files.storage import FileSystemStorage
from django.core.management import call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from consultations import services as consultation_services
from consultations.models import Follow as ConsultationFollow
from lapartcitoyenne.accounts.privacy import collect_user_data, delete_account
from participation.comments import services as comment_services
from participation.comments.models import Comment
from participation.councils.models import CouncilStatus, Membership, MembershipRole, MembershipState
from participation.exports.models import ExportJob, ExportLog
from participation.live.models import QuestionVote, Sanction, SanctionKind
from participation.moderation import services as moderation
from participation.moderation.models import Action, ActionKind, Block, Case, Report
from participation.proposals.models import Follow as ProposalFollow, Support
from participation.surveys.services import submit_answers

from ..factories import ConsultationFactory, EventFactory, UserFactory
from ..participation.councils.factories import CouncilFactory, MembershipFactory, member_of
from ..participation.live.factories import MessageFactory, QuestionFactory
from ..participation.proposals.factories import ProposalFactory, support
from ..participation.surveys.fixtures import make_questionnaire, valid_raw

pytestmark = pytest.mark.django_db

PASSWORD = "mot-de-passe-solide-42"


@pytest.fixture
def person(db):
    return UserFactory(display_name="Awa Traoré")


def give_items(person, n=1, tag="A"):
    """n items of every kind in every app, with texts the person would recognise."""
    others = UserFactory()
    for i in range(n):
        event = EventFactory(title=f"Forum des quartiers {tag}{i}")
        consultation_services.register(event, person)
        consultation = ConsultationFactory(title=f"Avenir du centre-ville {tag}{i}")
        ConsultationFollow.objects.create(consultation=consultation, user=person)

        own = ProposalFactory(
            author=person,
            title=f"Un jardin partagé rue Victor Hugo {tag}{i}",
            body=f"Planter des arbres fruitiers {tag}{i}.",
        )
        theirs = ProposalFactory(author=others, title=f"Une piste cyclable vers la gare {tag}{i}")
        support(theirs, person)
        ProposalFollow.objects.create(proposal=theirs, user=person)
        comment_services.add_comment(person, theirs, f"Oui, avec des arceaux pour les vélos {tag}{i}.")

        member_of(CouncilFactory(name=f"Conseil citoyen des Clos {tag}{i}"), person)
        MembershipFactory(
            council=CouncilFactory(name=f"Conseil citoyen de la Madeleine {tag}{i}"), user=person,
            state=MembershipState.REQUESTED, accepted_at=None,
        )
        CouncilFactory(
            name=f"Conseil citoyen de Beaulieu {tag}{i}", requested_by=person,
            status=CouncilStatus.REQUESTED, verified_at=None,
        )

        questionnaire, q, choices = make_questionnaire()
        submit_answers(questionnaire, person, valid_raw(q, choices))

        message = MessageFactory(author=person, body=f"Bonjour depuis Saint-Chéron {tag}{i}")
        QuestionFactory(author=person, room=message.room, body=f"Quand ouvre la maison de quartier {tag}{i} ?")
        asked = QuestionFactory(room=message.room, body=f"Qui finance le projet {tag}{i} ?")
        QuestionVote.objects.create(question=asked, user=person)
        Sanction.objects.create(
            room=message.room, user=person, kind=SanctionKind.MUTE, until=timezone.now() + timedelta(minutes=5),
            reason=f"Messages répétés {tag}{i}",
        )

        moderation.report(person, "proposal", theirs.pk, "spam", note=f"Publicité déguisée {tag}{i}")
        Block.objects.create(
            user=person, reason=f"Propos insultants {tag}{i}", created_at=timezone.now() - timedelta(days=30),
            until=timezone.now() - timedelta(days=20), lifted_at=timezone.now() - timedelta(days=25),
        )
    return own, theirs


def test_every_app_appears_in_the_download_and_on_the_page(client, person, moderator):
    own, theirs = give_items(person)
    hidden = ProposalFactory(author=person, title="Des toilettes publiques au parc")
    case = moderation.report(UserFactory(), "proposal", hidden.pk, "abuse")
    moderation.hide(moderator, case, "Hors charte : propos agressifs")
    moderation.request_review(person, case, "Je demande un réexamen, le ton était courtois")
    client.force_login(person)

    data = json.loads(client.get(reverse("my_data"), {"format": "json"}).content)

    assert data["consultations"]["registrations"][0]["event"] == "Forum des quartiers A0"
    assert data["consultations"]["followed_consultations"][0]["consultation"] == "Avenir du centre-ville A0"
    proposal = data["proposals"]["proposals"][0]
    assert (proposal["title"], proposal["body"], proposal["url"]) == (
        "Un jardin partagé rue Victor Hugo A0", "Planter des arbres fruitiers A0.", own.get_absolute_url()
    )
    assert data["proposals"]["supports"][0]["proposal"] == "Une piste cyclable vers la gare A0"
    assert data["proposals"]["followed_proposals"][0]["proposal_url"] == theirs.get_absolute_url()
    comment = data["comments"]["comments"][0]
    assert comment["body"] == "Oui, avec des arceaux pour les vélos A0."
    assert comment["on"] == "Une piste cyclable vers la gare A0"
    # The comment's permanent link, which opens its thread at the page where it shows.
    assert client.get(comment["url"])["Location"].startswith(theirs.get_absolute_url())
    assert comment["email_me_on_replies"] is True
    councils = data["councils"]
    assert {(m["council"], m["role"], m["state"]) for m in councils["memberships"]} >= {
        ("Conseil citoyen des Clos A0", "Membre", "Acceptée"),
    }
    assert "Conseil citoyen de la Madeleine A0" in {m["council"] for m in councils["memberships"]}
    assert councils["councils_requested"][0]["council"] == "Conseil citoyen de Beaulieu A0"
    answers = data["surveys"]["answers"]
    assert {"question": "Votre quartier", "text": "La Source"}.items() <= answers[0].items()
    assert {(a["question"], a["number"]) for a in answers} >= {("Votre satisfaction", 4)}
    ranking = [(a["choice"], a["rank"]) for a in answers if a["question"] == "Classez les thèmes"]
    assert ranking == [("Transports", 1), ("Logement", 2), ("Emploi", 3)]
    assert {a["choice"] for a in answers if a["question"] == "Vos priorités"} == {"Emploi", "Éducation"}
    assert data["surveys"]["responses"][0]["questionnaire"] == "Votre avis sur le quartier"
    live = data["live"]
    assert live["messages"][0]["body"] == "Bonjour depuis Saint-Chéron A0"
    assert live["questions"][0]["body"] == "Quand ouvre la maison de quartier A0 ?"
    assert live["question_votes"][0]["question"] == "Qui finance le projet A0 ?"
    assert live["sanctions"][0]["reason"] == "Messages répétés A0"
    reports = data["moderation"]["reports_made"]
    assert (reports[0]["note"], reports[0]["url"]) == ("Publicité déguisée A0", theirs.get_absolute_url())
    assert data["moderation"]["blocks"][0]["reason"] == "Propos insultants A0"
    mine = data["moderation"]["moderation_of_my_content"][0]
    assert "Des toilettes publiques au parc" in mine["text"]
    assert mine["decision_reason"] == "Hors charte : propos agressifs"
    assert mine["review_request"] == "Je demande un réexamen, le ton était courtois"
    assert data["exports"] == {"export_jobs": [], "personal_data_exports": []}
    # Nobody else is named: not who reported the person's content, not who decided.
    assert moderator.email not in json.dumps(data) and moderator.display_name not in json.dumps(data)

    page = client.get(reverse("my_data")).text
    for text in [
        "Forum des quartiers A0", "Avenir du centre-ville A0", "Un jardin partagé rue Victor Hugo A0",
        "Planter des arbres fruitiers A0.", "Une piste cyclable vers la gare A0",
        "Oui, avec des arceaux pour les vélos A0.", "Conseil citoyen des Clos A0",
        "Conseil citoyen de la Madeleine A0", "Conseil citoyen de Beaulieu A0", "Votre avis sur le quartier",
        "Plus de jardins partagés.", "Transports", "Bonjour depuis Saint-Chéron A0",
        "Quand ouvre la maison de quartier A0 ?", "Qui finance le projet A0 ?", "Messages répétés A0",
        "Publicité déguisée A0", "Propos insultants A0", "Hors charte : propos agressifs",
        "Je demande un réexamen, le ton était courtois",
    ]:
        assert text in page, text


@pytest.mark.parametrize("fmt", ["json", "page"])
def test_the_download_costs_the_same_number_of_queries_for_more_items(client, django_assert_max_num_queries, fmt):
    small, large = UserFactory(), UserFactory()
    give_items(small, n=1, tag="S")
    give_items(large, n=4, tag="L")
    params = {"format": "json"} if fmt == "json" else {}
    client.force_login(small)
    with CaptureQueriesContext(connection) as baseline:
        assert client.get(reverse("my_data"), params).status_code == 200
    client.force_login(large)
    with django_assert_max_num_queries(len(baseline)):
        response = client.get(reverse("my_data"), params)
    assert "Propos insultants L3" in response.content.decode()
    assert response.content.decode().count("Un jardin partagé rue Victor Hugo L") == 4


def _delete(client, person, django_capture_on_commit_callbacks):
    client.force_login(person)
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(reverse("delete_account"), {"password": PASSWORD, "confirm": "on"}, follow=True)
    assert "Votre compte a été supprimé" in response.text
    person.refresh_from_db()


def test_deletion_keeps_contributions_and_counts_and_stops_emails(client, person, django_capture_on_commit_callbacks):
    own, theirs = give_items(person)
    comment = Comment.objects.get(author=person)
    replier = UserFactory()

    _delete(client, person, django_capture_on_commit_callbacks)

    # Contributions stay, no longer signed with the person's name.
    own.refresh_from_db()
    assert own.author == person
    page = client.get(own.get_absolute_url()).text
    assert "Un jardin partagé rue Victor Hugo A0" in page
    assert "Awa Traoré" not in page
    thread = client.get(theirs.get_absolute_url()).text
    assert "Oui, avec des arceaux pour les vélos A0." in thread
    assert "Awa Traoré" not in thread
    # Supports stay counted, exactly.
    theirs.refresh_from_db()
    assert theirs.support_count == 1 == Support.objects.filter(proposal=theirs).count()
    # Follows go: no news to the anonymised address.
    assert not ProposalFollow.objects.filter(user=person).exists()
    assert not ConsultationFollow.objects.filter(user=person).exists()
    # A reply to the person's comment emails nobody.
    comment.refresh_from_db()
    assert comment.notify_replies is False
    neighbour = UserFactory()
    control = comment_services.add_comment(neighbour, theirs, "Et des bancs aussi.")
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        comment_services.add_comment(replier, theirs, "Tout à fait d'accord.", parent=comment)
        comment_services.add_comment(replier, theirs, "Bonne idée.", parent=control)
    assert [message.to for message in mail.outbox] == [[neighbour.email]]
    # Councils: the pending request is withdrawn, the membership ends.
    assert not Membership.objects.filter(user=person).exists()
    # Reports stay, so the case's counts stay exact.
    assert Report.objects.filter(reporter=person).count() == 1


def test_a_last_manager_hands_over_to_the_longest_standing_member(client, person, django_capture_on_commit_callbacks):
    council = CouncilFactory()
    member_of(council, person, role=MembershipRole.MANAGER)
    first = member_of(council, UserFactory())
    member_of(council, UserFactory())
    alone = CouncilFactory()
    member_of(alone, person, role=MembershipRole.MANAGER)

    _delete(client, person, django_capture_on_commit_callbacks)

    first.refresh_from_db()
    assert first.role == MembershipRole.MANAGER
    assert not council.memberships.filter(user=person).exists()
    assert council.memberships.filter(role=MembershipRole.MANAGER).count() == 1
    # No one to hand over to: the council keeps a manager (staff manage it), off the public page.
    kept = alone.memberships.get()
    assert kept.user == person and kept.role == MembershipRole.MANAGER and not kept.show_on_page


def test_contributions_are_signed_compte_supprime(client, person, django_capture_on_commit_callbacks):
    proposal = ProposalFactory(author=person, title="Des bancs à la gare")
    _delete(client, person, django_capture_on_commit_callbacks)
    page = client.get(proposal.get_absolute_url()).text
    assert "Compte supprimé" in page, [line for line in page.splitlines() if "Par " in line]


def test_retention_deletes_old_reports_log_lines_and_blocks_only(moderator):
    reporters = [UserFactory() for _ in range(2)]
    now = timezone.now()
    with time_machine.travel(now - timedelta(days=400), tick=False):
        old_content = ProposalFactory()
        old_case = None
        for reporter in reporters:
            old_case = moderation.report(reporter, "proposal", old_content.pk, "spam")
        moderation.keep(moderator, old_case, "Rien à redire")
    with time_machine.travel(now - timedelta(days=4 * 365), tick=False):
        ancient = Action.objects.create(action=ActionKind.UNBLOCK, reason="Levée ancienne")
        ended_long_ago = Block.objects.create(
            user=UserFactory(), reason="Spam", until=timezone.now() + timedelta(days=7)
        )
    with time_machine.travel(now - timedelta(days=100), tick=False):
        recent_content = ProposalFactory()
        recent_case = moderation.report(reporters[0], "proposal", recent_content.pk, "abuse")
        moderation.hide(moderator, recent_case, "Insulte")
    open_case = moderation.report(reporters[1], "proposal", ProposalFactory().pk, "off_topic")
    recently_ended = Block.objects.create(
        user=UserFactory(), reason="Spam", created_at=now - timedelta(days=30), until=now - timedelta(days=1)
    )
    for_good = Block.objects.create(user=UserFactory(), reason="Spam", created_at=now - timedelta(days=5 * 365))

    call_command("apply_retention", stdout=io.StringIO())

    assert not Report.objects.filter(case=old_case).exists()
    old_case.refresh_from_db()
    assert old_case.report_count == 2
    assert Report.objects.filter(case=recent_case).count() == 1
    assert Report.objects.filter(case=open_case).count() == 1
    assert not Action.objects.filter(pk=ancient.pk).exists()
    # The decisions of 400 and 100 days ago stay in the log.
    assert Action.objects.filter(case=old_case).exists() and Action.objects.filter(case=recent_case).exists()
    assert not Block.objects.filter(pk=ended_long_ago.pk).exists()
    assert set(Block.objects.values_list("pk", flat=True)) >= {recently_ended.pk, for_good.pk}
    assert Case.objects.filter(pk=old_case.pk).exists()


def test_privacy_page_gives_the_moderation_durations(client):
    page = client.get(reverse("privacy")).text
    durations = ["Un an après la décision de modération", "Trois ans", "trois ans après sa fin"]
    for text in ["Signalements", "Journal de modération", "Blocages", *durations]:
        assert text in page, text


def test_a_staff_members_exports_appear_in_their_data(staff):
    ExportLog.objects.create(user=staff, user_email=staff.email, dataset="registrations", format="csv", row_count=12)
    data = collect_user_data(staff)
    assert data["exports"]["personal_data_exports"][0]["rows"] == 12


def test_a_deleted_staff_members_export_files_go_and_the_log_stays(
    staff, monkeypatch, tmp_path, django_capture_on_commit_callbacks
):
    # The private storage is built once, at import: the test's files go to a temporary directory.
    monkeypatch.setattr(ExportJob._meta.get_field("file"), "storage", FileSystemStorage(location=tmp_path))
    log = ExportLog.objects.create(user=staff, user_email=staff.email, dataset="registrations", format="csv")
    job = ExportJob(
        dataset="registrations", format="csv", requested_by=staff, log=log, status=ExportJob.Status.DONE,
        expires_at=timezone.now() + timedelta(hours=1),
    )
    job.file.save("inscrits.csv", ContentFile(b"nom,email\n"), save=False)
    job.save()
    path = job.file.path
    assert path.startswith(str(tmp_path))

    with django_capture_on_commit_callbacks(execute=True):
        delete_account(staff)

    assert not ExportJob.objects.filter(pk=job.pk).exists()
    assert not Path(path).exists()
    log.refresh_from_db()
    assert log.user == staff and log.user_email != staff.email
