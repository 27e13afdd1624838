"""Every page that shows user text, with the XSS corpus in every field: nothing executable survives.

Each page is parsed (see html_safety.py) for scripts, event handlers and script URLs; and each
field is looked for in the page, so that a page that stopped showing a field fails here rather
than passing without testing anything. One-line fields must read exactly as written (escaped, not
stripped); Markdown fields are found by the label at their start.
"""

import pytest
from django.urls import reverse

from participation.proposals.models import ProposalState

from . import poison
from .html_safety import inspect_page, squeeze
from .xss_corpus import BASE_VECTORS, PAYLOADS

pytestmark = pytest.mark.django_db


def check_page(client, url, world, plain=(), markdown=(), method="get", data=None):
    response = getattr(client, method)(url, data or {})
    assert response.status_code == 200, url
    assert response["Content-Type"].startswith("text/html")
    html = response.content.decode()
    problems, text = inspect_page(html)
    assert not problems, f"{url}: {problems[:5]}"
    flat = squeeze(text)
    missing = [label for label in plain if squeeze(world.plain[label]) not in flat]
    missing += [label for label in markdown if label not in text]
    assert not missing, f"{url} does not show {missing}"
    return html


def test_consultation_pages(client, world):
    consultation = world.objects["consultation"]
    check_page(client, reverse("consultations:consultation_list"), world,
               plain=["consultation-title", "consultation-summary"])
    check_page(
        client, consultation.get_absolute_url(), world,
        plain=["consultation-title", "consultation-summary", "step-title", "document-title", "commenter-9",
               "information-title"] + [f"proposal-title-{n}" for n in range(poison.CHUNKS)],
        markdown=["consultation-body", "consultation-synthesis", "step-description", "consultation-comment"],
    )
    assert world.payloads_in("consultation-") + world.payloads_in("step-") >= len(PAYLOADS)
    survey = world.objects["questionnaire"].step.consultation
    check_page(client, survey.get_absolute_url(), world,
               plain=["survey-consultation", "questionnaire-step", "questionnaire-title"])


def test_proposal_list_and_detail_pages(client, world):
    check_page(client, reverse("proposals:list"), world,
               plain=[f"proposal-title-{n}" for n in range(poison.CHUNKS)] + [f"author-{n}" for n in range(poison.CHUNKS)])
    for n, proposal in enumerate(world.objects["proposals"]):
        council = [f"council-name-{n}"] if proposal.council_id else []
        check_page(
            client, proposal.get_absolute_url(), world,
            plain=[f"proposal-title-{n}", f"author-{n}", f"commenter-{n}", f"commenter-{n + 1}"] + council,
            markdown=[f"proposal-body-{n}", f"proposal-answer-{n}", f"comment-{n}", f"reply-{n}"],
        )
    for n, proposal in enumerate(world.objects["withdrawn"]):
        assert proposal.state == ProposalState.WITHDRAWN
        check_page(client, proposal.get_absolute_url(), world, plain=[f"withdrawn-title-{n}", f"withdrawal-{n}"])
    assert world.payloads_in("withdrawal-") == len(PAYLOADS)
    assert world.payloads_in("proposal-body") == world.payloads_in("proposal-answer") == world.payloads_in("comment-") == len(PAYLOADS)


def test_proposal_pages_seen_by_their_author(client_for, world):
    author = world.objects["authors"][0]
    proposal = world.objects["proposals"][0]
    check_page(client_for(author), proposal.get_absolute_url(), world, plain=["proposal-title-0", "author-0"])
    check_page(client_for(author), reverse("my_data"), world, plain=["author-0"])


def test_proposal_preview_shows_the_corpus_inert(client_for, world):
    """The preview renders what was just typed, before anything is stored."""
    consultation = world.objects["consultation"]
    world.plain["typed-title"] = "typed-title " + BASE_VECTORS[0]
    world.markdown["typed-body"] = "typed-body\n\n" + "\n\n".join(PAYLOADS)
    check_page(
        client_for(world.objects["authors"][0]), reverse("proposals:create_in", args=[consultation.slug]), world,
        plain=["typed-title"], markdown=["typed-body"], method="post",
        data={"title": world.plain["typed-title"], "body": world.markdown["typed-body"], "preview": "1"},
    )


def test_comment_edit_page(client_for, world):
    first = world.objects["comments"][0]
    html = check_page(client_for(first.author), reverse("comments:edit", args=[first.pk]), world)
    assert "comment-0" in html  # the comment is in the form, as the text of its textarea


def test_council_pages(client, client_for, staff, world):
    check_page(client, reverse("councils:list"), world, plain=[f"council-name-{n}" for n in range(len(poison.SAMPLE))])
    for n, council in enumerate(world.objects["councils"]):
        check_page(client, council.get_absolute_url(), world,
                   plain=[f"council-name-{n}", f"member-{n}"], markdown=[f"council-description-{n}"])
    # Staff see the verification and membership forms too.
    check_page(client_for(staff), world.objects["councils"][1].get_absolute_url(), world,
               plain=["council-name-1", "member-1", "proposal-title-1"])
    assert world.payloads_in("council-description") == len(PAYLOADS)


def test_questionnaire_and_published_results(client, client_for, world):
    questionnaire = world.objects["questionnaire"]
    labels = ["questionnaire-title", "short-label", "long-label", "single-label", "scale-label"]
    check_page(
        client_for(world.objects["respondents"][0]), questionnaire.get_absolute_url(), world,
        plain=labels + ["short-help", "long-help", "scale-min", "scale-max", "choice-0", "choice-3", "long-answer-0"],
        markdown=["questionnaire-intro"],
    )
    check_page(
        client, questionnaire.get_results_url(), world,
        plain=labels + [f"choice-{n}" for n in range(4)] + [f"long-answer-{n}" for n in range(len(poison.SAMPLE))]
        + [f"short-answer-{n}" for n in range(len(poison.SAMPLE))],
    )
    assert world.payloads_in("long-answer-") == len(PAYLOADS)


def test_live_room_pages(client, client_for, facilitator, world):
    room = world.objects["room"]
    room.event.facilitators.add(facilitator)
    slug = room.event.slug
    speakers = [f"speaker-{n}" for n in range(len(poison.SAMPLE))]
    world.plain["pinned"] = room.pinned_question.body
    world.plain["projected"] = room.projected_question.body
    check_page(client, reverse("live:room", args=[slug]), world, plain=["live-event", "pinned"] + speakers)
    html = check_page(client_for(facilitator), reverse("live:room", args=[slug]), world, plain=["live-event"] + speakers)
    assert html.count('class="live-item"') == len(world.objects["messages"]) + len(world.objects["questions"])
    check_page(client, reverse("live:transcript", args=[slug]), world, plain=["live-event"] + speakers)
    check_page(client, reverse("live:projection", args=[slug]), world, plain=["live-event", "projected", "speaker-1"])
    check_page(client, room.event.get_absolute_url(), world, plain=["live-event", "speaker-0"], markdown=["event-comment"])
    assert sum(len(m.body.split("\n\n")) for m in world.objects["messages"]) == len(PAYLOADS)


def test_staff_pages(client_for, world):
    from allauth.mfa.totp.internal.auth import TOTP

    from ..factories import UserFactory

    admin = UserFactory(is_staff=True, is_superuser=True)
    TOTP.activate(admin, "JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP")
    client = client_for(admin)
    check_page(client, reverse("staff:statistics"), world)
    for model in ["proposals/proposal", "comments/comment", "councils/council", "live/message", "live/question", "surveys/question"]:
        check_page(client, f"/admin/{model}/", world)
    proposal = world.objects["proposals"][0]
    check_page(client, f"/admin/proposals/proposal/{proposal.pk}/change/", world)
