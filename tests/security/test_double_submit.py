"""A double submit (a double click, a resend after a slow answer) is answered with the first: the
same comment, proposal or report from the same person within seconds is saved once."""

import threading
from datetime import timedelta

import pytest
from django.db import close_old_connections, connection
from django.urls import reverse
from django.utils import timezone

from participation.comments import services as comments
from participation.comments.models import Comment
from participation.moderation.models import Report
from participation.proposals.models import Proposal
from tests.factories import UserFactory
from tests.participation.proposals.factories import ProposalFactory

pytestmark = pytest.mark.django_db


def test_the_same_comment_posted_twice_is_saved_once(client_for, api_for, citizen):
    proposal = ProposalFactory(support_threshold=300)
    url = reverse("comments:add", args=["proposals.proposal", proposal.pk])
    client = client_for(citizen)
    assert client.post(url, {"body": "Oui, des bancs !"}).status_code == 302
    assert client.post(url, {"body": "Oui, des bancs !"}).status_code == 302
    api = api_for(citizen)
    body = {"target": "proposals.proposal", "object_id": proposal.pk, "body": "Oui, des bancs !"}
    first, second = api.post("/api/comments/", body, format="json"), api.post("/api/comments/", body, format="json")
    assert first.status_code == second.status_code == 201
    assert first.json()["id"] == second.json()["id"]
    assert Comment.objects.count() == 1
    proposal.refresh_from_db()
    assert proposal.comment_count == 1


def test_other_content_another_person_or_later_is_a_new_comment(citizen, time_machine):
    proposal = ProposalFactory(support_threshold=300)
    first = comments.add_comment(citizen, proposal, "Oui.")
    assert comments.add_comment(citizen, proposal, "Oui, et à l’ombre.") != first
    assert comments.add_comment(UserFactory(), proposal, "Oui.") != first
    assert comments.add_comment(citizen, proposal, "Oui.", parent=first) != first
    time_machine.move_to(timezone.now() + timedelta(seconds=11))
    assert comments.add_comment(citizen, proposal, "Oui.") != first
    assert Comment.objects.count() == 5


def test_the_same_proposal_sent_twice_is_saved_once(api_for, citizen):
    api = api_for(citizen)
    body = {"title": "Des bancs place du marché", "body": "À l’ombre, pour les personnes âgées."}
    first, second = api.post("/api/proposals/", body, format="json"), api.post("/api/proposals/", body, format="json")
    assert first.status_code == second.status_code == 201, first.content
    assert first.json()["id"] == second.json()["id"]
    assert Proposal.objects.count() == 1


def test_the_same_report_sent_twice_is_answered_with_the_first(api_for, citizen, time_machine):
    comment = comments.add_comment(UserFactory(), ProposalFactory(support_threshold=300), "Hors sujet.")
    api = api_for(citizen)
    body = {"kind": "comment", "object_id": comment.pk, "reason": "spam"}
    first, second = api.post("/api/reports/", body, format="json"), api.post("/api/reports/", body, format="json")
    assert first.status_code == second.status_code == 201, (first.content, second.content)
    assert Report.objects.count() == 1
    time_machine.move_to(timezone.now() + timedelta(seconds=11))
    assert api.post("/api/reports/", body, format="json").json()["code"] == "already_reported"


@pytest.mark.django_db(transaction=True)
@pytest.mark.skipif(connection.vendor != "postgresql", reason="needs PostgreSQL's row locks and real concurrency")
def test_fifty_identical_comments_at_once_make_one():
    author = UserFactory()
    proposal = ProposalFactory(support_threshold=300)
    barrier = threading.Barrier(50)
    saved, errors = [], []

    def post():
        try:
            barrier.wait()
            saved.append(comments.add_comment(author, proposal, "Oui, des bancs !").pk)
        except Exception as error:  # noqa: BLE001 - reported below
            errors.append(error)
        finally:
            close_old_connections()
            connection.close()

    threads = [threading.Thread(target=post) for _ in range(50)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)
    assert not errors
    assert len(saved) == 50 and len(set(saved)) == 1
    assert Comment.objects.count() == 1
    proposal.refresh_from_db()
    assert proposal.comment_count == 1
