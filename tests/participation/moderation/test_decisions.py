"""Each decision, through the page and the API, logged with actor, action, item, reason and source."""

import pytest
from django.core import mail
from django.urls import reverse

from participation.moderation import services
from participation.moderation.models import Action, ActionKind, Case, CaseStatus, Source

from .helpers import case_of, make_item, reported_case, status_of

pytestmark = pytest.mark.django_db


def last_action():
    return Action.objects.order_by("-pk").first()


def decide_on_page(client, case, decision, reason=""):
    return client.post(reverse("moderation:decide", args=[case.pk]), {"decision": decision, "reason": reason})


def decide_by_api(client, case, decision, reason=""):
    return client.post(f"/api/moderation/cases/{case.pk}/decision/", {"decision": decision, "reason": reason}, format="json")


@pytest.mark.parametrize("channel", ["page", "api"])
def test_hide_needs_a_reason_and_emails_it(channel, moderator, client_for, api_for, django_capture_on_commit_callbacks):
    comment = make_item("comment")
    case = reported_case(comment)
    if channel == "page":
        client, decide, source = client_for(moderator), decide_on_page, Source.QUEUE
    else:
        client, decide, source = api_for(moderator), decide_by_api, Source.API
    refused = decide(client, case, "hide", "   ")
    if channel == "api":
        assert refused.status_code == 400 and refused.json()["code"] == "reason_required"
    assert status_of(comment) == "visible" and not Action.objects.exists()
    with django_capture_on_commit_callbacks(execute=True):
        response = decide(client, case, "hide", "Propos injurieux envers un voisin")
    assert response.status_code == (302 if channel == "page" else 200)
    if channel == "api":
        assert response.json()["status"] == "hidden"
    assert status_of(comment) == "hidden"
    case.refresh_from_db()
    assert (case.status, case.decided_by, case.decision_reason) == (
        CaseStatus.HIDDEN, moderator, "Propos injurieux envers un voisin"
    )
    line = last_action()
    assert (line.actor, line.action, line.kind, line.object_id, line.case, line.reason, line.source, line.target_user) == (
        moderator, ActionKind.HIDE, "comment", comment.pk, case, "Propos injurieux envers un voisin", source, comment.author
    )
    [email] = mail.outbox
    assert email.to == [comment.author.email]
    assert "Propos injurieux envers un voisin" in email.body
    assert reverse("moderation:review", args=[case.pk]) in email.body


@pytest.mark.parametrize("channel", ["page", "api"])
def test_restore_hidden_content(channel, moderator, client_for, api_for, django_capture_on_commit_callbacks):
    proposal = make_item("proposal")
    case = reported_case(proposal, 3)
    assert status_of(proposal) == "hidden"
    mail.outbox.clear()
    client = client_for(moderator) if channel == "page" else api_for(moderator)
    with django_capture_on_commit_callbacks(execute=True):
        (decide_on_page if channel == "page" else decide_by_api)(client, case, "restore", "Rien d'abusif")
    assert status_of(proposal) == "visible"
    assert case_of(proposal).status == CaseStatus.KEPT
    line = last_action()
    assert (line.action, line.reason, line.source, line.actor) == (
        ActionKind.RESTORE, "Rien d'abusif", Source.QUEUE if channel == "page" else Source.API, moderator
    )
    [email] = mail.outbox
    assert email.to == [proposal.author.email]


@pytest.mark.parametrize("channel", ["page", "api"])
def test_dismiss_the_reports_keeps_the_content_visible(channel, staff, client_for, api_for):
    council = make_item("council")
    case = reported_case(council, 2)
    client = client_for(staff) if channel == "page" else api_for(staff)
    (decide_on_page if channel == "page" else decide_by_api)(client, case, "dismiss")
    assert status_of(council) == "visible"
    assert case_of(council).status == CaseStatus.KEPT
    assert last_action().action == ActionKind.DISMISS and last_action().actor == staff
    assert not mail.outbox
    assert client_for(staff).get(reverse("moderation:queue")).context["page"].paginator.count == 0


@pytest.mark.parametrize("channel", ["page", "api"])
def test_approve_waiting_content(channel, moderator, client_for, api_for, citizen):
    from participation.proposals import services as proposal_services
    from tests.factories import ConsultationFactory, StepFactory

    consultation = ConsultationFactory(tools=["proposals"], premoderated=True)
    StepFactory(consultation=consultation)
    proposal = proposal_services.create_proposal(citizen, consultation=consultation, title="Un jardin", body="Partagé")
    case = case_of(proposal)
    assert case.status == CaseStatus.AWAITING_APPROVAL
    client = client_for(moderator) if channel == "page" else api_for(moderator)
    (decide_on_page if channel == "page" else decide_by_api)(client, case, "approve")
    assert status_of(proposal) == "visible"
    assert last_action().action == ActionKind.APPROVE


def test_decisions_on_a_case_that_does_not_exist(moderator, api_for, client_for):
    assert api_for(moderator).post("/api/moderation/cases/424242/decision/", {"decision": "dismiss"}, format="json").status_code == 404
    assert client_for(moderator).post(reverse("moderation:decide", args=[424242]), {"decision": "dismiss"}).status_code == 404
    response = api_for(moderator).post(f"/api/moderation/cases/{reported_case(make_item('proposal')).pk}/decision/",
                                       {"decision": "delete"}, format="json")
    assert response.status_code == 400


def test_a_decided_case_keeps_its_address_and_can_be_decided_again(moderator, api_for):
    """The queue lists what is left to handle; a decided case is still found at its own address."""
    client = api_for(moderator)
    case = reported_case(make_item("comment"))
    assert decide_by_api(client, case, "dismiss").status_code == 200
    assert client.get("/api/moderation/cases/").json()["count"] == 0
    detail = client.get(f"/api/moderation/cases/{case.pk}/")
    assert detail.status_code == 200 and detail.json()["status"] == CaseStatus.KEPT
    # A filter of the list does not hide the case either.
    assert client.get(f"/api/moderation/cases/{case.pk}/", {"status": CaseStatus.HIDDEN}).status_code == 200
    again = decide_by_api(client, case, "hide", "Finalement injurieux")
    assert again.status_code == 200 and again.json()["status"] == CaseStatus.HIDDEN


def test_the_page_returns_to_the_queue_only_on_this_site(moderator, client_for):
    case = reported_case(make_item("proposal"))
    client = client_for(moderator)
    back = client.post(reverse("moderation:decide", args=[case.pk]), {"decision": "dismiss", "next": "/moderation/?kind=proposal"})
    assert back["Location"] == "/moderation/?kind=proposal"
    for target in ("//evil.example/", "https://evil.example/", "/\\evil.example/", "javascript:alert(1)"):
        response = client.post(reverse("moderation:decide", args=[case.pk]), {"decision": "dismiss", "next": target})
        assert response["Location"] == case.get_absolute_url(), target


# Bulk decisions: all or nothing.


def three_cases():
    items = [make_item("comment") for _ in range(3)]
    return items, [reported_case(item) for item in items]


def test_bulk_hide_on_the_page(moderator, client_for, django_capture_on_commit_callbacks):
    items, cases = three_cases()
    with django_capture_on_commit_callbacks(execute=True):
        response = client_for(moderator).post(
            reverse("moderation:bulk"), {"cases": [c.pk for c in cases], "decision": "hide", "reason": "Spam en série"},
            follow=True,
        )
    assert response.status_code == 200
    assert [status_of(item) for item in items] == ["hidden"] * 3
    assert Action.objects.filter(action=ActionKind.HIDE, reason="Spam en série", source=Source.QUEUE).count() == 3
    assert len(mail.outbox) == 3


def test_bulk_by_api(moderator, api_for):
    items, cases = three_cases()
    response = api_for(moderator).post(
        "/api/moderation/cases/bulk/", {"cases": [c.pk for c in cases], "decision": "dismiss"}, format="json"
    )
    assert response.status_code == 200 and response.json() == {"decided": 3}
    assert set(Case.objects.values_list("status", flat=True)) == {CaseStatus.KEPT}
    assert Action.objects.filter(action=ActionKind.DISMISS, source=Source.API).count() == 3


@pytest.mark.parametrize("channel", ["page", "api"])
def test_bulk_hide_without_a_reason_changes_nothing(channel, moderator, client_for, api_for):
    items, cases = three_cases()
    ids = [c.pk for c in cases]
    if channel == "page":
        client_for(moderator).post(reverse("moderation:bulk"), {"cases": ids, "decision": "hide", "reason": ""})
    else:
        response = api_for(moderator).post("/api/moderation/cases/bulk/", {"cases": ids, "decision": "hide"}, format="json")
        assert response.status_code == 400 and response.json()["code"] == "reason_required"
    assert [status_of(item) for item in items] == ["visible"] * 3
    assert set(Case.objects.values_list("status", flat=True)) == {CaseStatus.REPORTED}
    assert not Action.objects.exists()


@pytest.mark.parametrize("channel", ["page", "api"])
def test_bulk_with_one_unknown_case_changes_nothing(channel, moderator, client_for, api_for):
    items, cases = three_cases()
    ids = [c.pk for c in cases] + [424242]
    if channel == "page":
        client_for(moderator).post(reverse("moderation:bulk"), {"cases": ids, "decision": "hide", "reason": "Spam"})
    else:
        response = api_for(moderator).post(
            "/api/moderation/cases/bulk/", {"cases": ids, "decision": "hide", "reason": "Spam"}, format="json"
        )
        assert response.status_code in (400, 404)
        assert response.json()["code"] == "not_found"
    assert [status_of(item) for item in items] == ["visible"] * 3
    assert not Action.objects.exists()


def test_bulk_with_nothing_selected(moderator, api_for, client_for):
    response = api_for(moderator).post("/api/moderation/cases/bulk/", {"cases": [], "decision": "dismiss"}, format="json")
    assert response.status_code == 400
    page = client_for(moderator).post(reverse("moderation:bulk"), {"decision": "dismiss"})
    assert page.status_code == 302


def test_the_case_page_shows_reports_and_history(moderator, client_for):
    comment = make_item("comment", body="Texte signalé pour la page")
    case = reported_case(comment, 2)
    services.hide(moderator, case, "Hors charte")
    page = client_for(moderator).get(case.get_absolute_url())
    assert page.status_code == 200
    assert "Texte signalé pour la page" in page.text
    assert len(page.context["reports"]) == 2
    assert [line.action for line in page.context["history"]] == [ActionKind.HIDE]
    assert "Hors charte" in page.text


def test_a_decision_on_content_that_no_longer_exists_is_refused(moderator, api_for, client_for):
    answer = make_item("answer")
    case = reported_case(answer)
    answer.delete()  # a questionnaire's answers are replaced when their author answers again
    response = decide_by_api(api_for(moderator), case, "hide", "Spam")
    assert response.status_code == 404 and response.json()["code"] == "not_found"
    page = decide_on_page(client_for(moderator), case, "dismiss")
    assert page.status_code == 302
    case.refresh_from_db()
    assert case.status == CaseStatus.REPORTED and not Action.objects.exists()
