"""What each comment of a thread shows, now written once a comment in Python (comments_tags.for_display):
the reply link, the author's public name, the date in French, the position, the state, and the
report link offered to everyone but the comment's author."""

import re

import pytest
from django.urls import reverse
from django.utils import timezone
from django.utils.formats import date_format

from tests.factories import UserFactory
from tests.participation.comments.factories import comment
from tests.participation.proposals.factories import ProposalFactory

pytestmark = [pytest.mark.django_db, pytest.mark.needs_apps("participation.proposals", "participation.moderation")]


def item(html, pk):
    return re.search(rf'<li class="comment" id="commentaire-{pk}".*?</li>', html, re.S).group(0)


def test_each_comment_shows_its_line_and_the_report_link_of_others(client_for):
    author, reader = UserFactory(display_name="Awa <b>"), UserFactory(display_name="Bruno")
    proposal = ProposalFactory()
    first = comment(proposal, author, "Premier avis", position="for")
    reply = comment(proposal, reader, "Ma réponse", parent=first, edited_at=timezone.now())
    html = client_for(reader).get(proposal.get_absolute_url(), HTTP_ACCEPT_LANGUAGE="fr").content.decode()

    shown = item(html, first.pk)
    assert "<strong>Awa &lt;b&gt;</strong>" in shown
    local = timezone.localtime(first.created_at)
    assert f'<time datetime="{local.isoformat()}">{date_format(local, "DATETIME_FORMAT")}</time>' in shown
    assert '<span class="tag">Pour</span>' in shown
    report = reverse("moderation:report", args=["comment", first.pk])
    assert f'<p class="report-link"><a href="{report}" rel="nofollow">Signaler<span class="visually-hidden"> ' in shown

    own = item(html, reply.pk)
    assert f'<a href="#commentaire-{first.pk}" class="in-reply-to">En réponse</a>' in own
    assert "· modifié" in own
    assert "report-link" not in own  # one does not report oneself
    assert reverse("comments:edit", args=[reply.pk]) in own

    anonymous = client_for(None).get(proposal.get_absolute_url(), HTTP_ACCEPT_LANGUAGE="fr").content.decode()
    assert reverse("moderation:report", args=["comment", reply.pk]) in item(anonymous, reply.pk)
