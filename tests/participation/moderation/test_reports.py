"""Reports: one per person and item, never one's own, and past the threshold the item is hidden."""

import re

import pytest
from django.core import mail
from django.urls import reverse

from consultations.refusals import Refused
from participation.moderation import services
from participation.moderation.models import Action, ActionKind, CaseStatus, Report, Source
from tests.factories import UserFactory

from .helpers import KINDS, case_of, kind_key, make_item, report_by_many, status_of

pytestmark = pytest.mark.django_db


def post_report(client, obj, reason="spam", note=""):
    return client.post(
        "/api/reports/", {"kind": kind_key(obj), "object_id": obj.pk, "reason": reason, "note": note}, format="json"
    )


def test_a_report_opens_a_case_the_item_stays_visible(citizen, api_for):
    proposal = make_item("proposal")
    response = post_report(api_for(citizen), proposal, "abuse", "Insulte envers une voisine")
    assert response.status_code == 201
    assert response.json()["kind"] == "proposal" and response.json()["object_id"] == proposal.pk
    case = case_of(proposal)
    assert case.status == CaseStatus.REPORTED and case.report_count == 1
    assert case.author_id == proposal.author_id
    assert proposal.title in case.excerpt
    [report] = case.reports.all()
    assert (report.reporter, report.reason, report.note) == (citizen, "abuse", "Insulte envers une voisine")
    assert status_of(proposal) == "visible"


def test_one_report_per_person_and_item(citizen, api_for):
    comment = make_item("comment")
    client = api_for(citizen)
    assert post_report(client, comment).status_code == 201
    again = post_report(client, comment, "abuse")
    assert again.status_code == 409 and again.json()["code"] == "already_reported"
    assert Report.objects.count() == 1 and case_of(comment).report_count == 1


def test_the_same_person_twice_does_not_reach_the_threshold(citizen, settings):
    settings.PARTICIPATION = {**settings.PARTICIPATION, "MODERATION_REPORT_THRESHOLD": 2}
    proposal = make_item("proposal")
    services.report(citizen, "proposal", proposal.pk, "spam")
    # At once, the same report is a double submit, answered with the first; later, or another, a refusal.
    assert services.report(citizen, "proposal", proposal.pk, "spam").report_count == 1
    with pytest.raises(Refused):
        services.report(citizen, "proposal", proposal.pk, "abuse")
    assert status_of(proposal) == "visible"
    assert case_of(proposal).status == CaseStatus.REPORTED


def test_nobody_reports_their_own_content(citizen, api_for, client_for):
    proposal = make_item("proposal", author=citizen)
    response = post_report(api_for(citizen), proposal)
    assert response.status_code == 409 and response.json()["code"] == "own_content"
    page = client_for(citizen).post(reverse("moderation:report", args=["proposal", proposal.pk]), {"reason": "spam"})
    assert page.status_code == 200 and page.context["form"].non_field_errors()
    assert not Report.objects.exists()


@pytest.mark.parametrize(("kind", "object_id"), [("recette", 1), ("proposal", 424242), ("comment", 424242)])
def test_an_unknown_kind_or_id_is_a_404(kind, object_id, citizen, api_for, client_for):
    response = api_for(citizen).post("/api/reports/", {"kind": kind, "object_id": object_id, "reason": "spam"}, format="json")
    assert response.status_code == 404
    assert response.json()["code"] in ("not_found", "unknown_kind")
    assert client_for(citizen).get(reverse("moderation:report", args=[kind, object_id])).status_code == 404
    assert client_for(citizen).post(reverse("moderation:report", args=[kind, object_id]), {"reason": "spam"}).status_code == 404


def test_the_note_has_a_length_limit(citizen, api_for, client_for):
    proposal = make_item("proposal")
    response = post_report(api_for(citizen), proposal, note="x" * 1001)
    assert response.status_code == 400 and "note" in response.json()["errors"]
    page = client_for(citizen).post(
        reverse("moderation:report", args=["proposal", proposal.pk]), {"reason": "spam", "note": "x" * 1001}
    )
    assert page.status_code == 200 and page.context["form"].errors["note"]
    with pytest.raises(Refused) as refused:
        services.report(citizen, "proposal", proposal.pk, "spam", "x" * 1001)
    assert refused.value.code == "too_long"
    assert not Report.objects.exists()
    assert post_report(api_for(citizen), proposal, note="x" * 1000).status_code == 201


def test_a_reason_is_required(citizen, api_for):
    proposal = make_item("proposal")
    response = post_report(api_for(citizen), proposal, reason="je n'aime pas")
    assert response.status_code == 400
    with pytest.raises(Refused) as refused:
        services.report(citizen, "proposal", proposal.pk, "")
    assert refused.value.code == "invalid_reason"


def test_the_report_page_shows_the_text_and_thanks(citizen, client_for):
    comment = make_item("comment", body="Texte à signaler, **gras**")
    client = client_for(citizen)
    url = reverse("moderation:report", args=["comment", comment.pk])
    page = client.get(url)
    assert page.status_code == 200 and "Texte à signaler" in page.text
    response = client.post(url, {"reason": "off_topic", "note": "Hors sujet"}, follow=True)
    assert response.redirect_chain[-1][0].endswith(f"#commentaire-{comment.pk}")
    assert Report.objects.get().reason == "off_topic"


@pytest.mark.parametrize("status", ["pending", "hidden"])
def test_the_report_page_does_not_reveal_content_others_cannot_read(status, citizen, client_for, api_for):
    proposal = make_item("proposal", moderation_status=status, title="Titre secret", body="Texte secret")
    url = reverse("moderation:report", args=["proposal", proposal.pk])
    page = client_for(citizen).get(url)
    assert page.status_code == 404
    assert "Texte secret" not in page.text
    assert client_for(citizen).post(url, {"reason": "spam"}).status_code == 404
    assert post_report(api_for(citizen), proposal).status_code == 404
    assert not Report.objects.exists()


@pytest.mark.parametrize("kind", KINDS)
def test_past_the_threshold_the_item_is_hidden_until_reviewed(kind, django_capture_on_commit_callbacks):
    obj = make_item(kind)
    author = obj.author if hasattr(obj, "author") else (obj.requested_by if kind == "council" else obj.response.user)
    *first, last = [UserFactory() for _ in range(3)]
    for reporter in first:
        services.report(reporter, kind, obj.pk, "abuse")
    assert status_of(obj) == "visible"
    assert case_of(obj).status == CaseStatus.REPORTED
    with django_capture_on_commit_callbacks(execute=True):
        services.report(last, kind, obj.pk, "spam")
    assert status_of(obj) == "hidden"
    case = case_of(obj)
    assert case.status == CaseStatus.AUTO_HIDDEN and case.report_count == 3
    [line] = Action.objects.filter(case=case)
    assert (line.action, line.source, line.actor, line.target_user) == (ActionKind.AUTO_HIDE, Source.SYSTEM, None, author)
    assert (line.kind, line.object_id) == (kind, obj.pk)
    [email] = mail.outbox
    assert email.to == [author.email]
    review = reverse("moderation:review", args=[case.pk])
    assert re.search(rf"https?://\S+{re.escape(review)}", email.body)
    assert case.excerpt.splitlines()[0] in email.body


def test_the_threshold_is_a_setting(settings):
    settings.PARTICIPATION = {**settings.PARTICIPATION, "MODERATION_REPORT_THRESHOLD": 5}
    comment = make_item("comment")
    report_by_many(comment, 4)
    assert status_of(comment) == "visible"
    report_by_many(comment, 1)
    assert status_of(comment) == "hidden"


def test_content_kept_by_a_moderator_is_not_hidden_again_automatically(moderator):
    comment = make_item("comment")
    report_by_many(comment, 1)
    services.keep(moderator, case_of(comment))
    report_by_many(comment, 3)
    case = case_of(comment)
    assert case.status == CaseStatus.REPORTED and case.report_count == 4  # back in the queue
    assert status_of(comment) == "visible"


def test_content_in_a_private_consultation_cannot_be_read_through_the_report_page(client_for):
    from tests.factories import ConsultationFactory
    from tests.participation.proposals.factories import ProposalFactory

    private = ConsultationFactory(visibility="private")
    proposal = ProposalFactory(consultation=private, title="Réservé aux membres", support_threshold=None)
    outsider = UserFactory()
    page = client_for(outsider).get(f"/moderation/signaler/proposal/{proposal.pk}/")
    assert page.status_code == 404
    private.members.add(outsider)
    page = client_for(outsider).get(f"/moderation/signaler/proposal/{proposal.pk}/")
    assert page.status_code == 200 and "Réservé aux membres" in page.content.decode()


def test_free_text_is_reported_only_once_the_results_are_published(client_for):
    from participation.surveys.models import Answer, Response
    from tests.participation.surveys.fixtures import make_questionnaire

    questionnaire, q, _choices = make_questionnaire()
    response = Response.objects.create(questionnaire=questionnaire, user=UserFactory())
    answer = Answer.objects.create(response=response, question=q["long"], text="Réponse encore privée")
    reader = client_for(UserFactory())
    assert reader.get(f"/moderation/signaler/answer/{answer.pk}/").status_code == 404
    questionnaire.results_published_at = questionnaire.step.starts_at
    questionnaire.save(update_fields=["results_published_at"])
    assert "Réponse encore privée" in reader.get(f"/moderation/signaler/answer/{answer.pk}/").content.decode()
