"""Every API endpoint that returns user text, with the XSS corpus in every field.

JSON must carry the text exactly as written (clients escape it for their own output), be served as
JSON that no browser sniffs into HTML, and any HTML it offers (the live rooms' ``html``) must stay
within the render path's allow-list. The browsable API, which turns the same data into an HTML
page, must leave nothing executable.
"""

import json

import pytest
from django.urls import reverse

from . import poison
from .html_safety import fragment_problems, inspect_page
from .xss_corpus import PAYLOADS

pytestmark = pytest.mark.django_db


def strings_and_html(data, strings=None, html=None):
    """Every string value of a JSON document, and those of the fields that carry HTML."""
    strings = [] if strings is None else strings
    html = [] if html is None else html
    if isinstance(data, dict):
        for key, value in data.items():
            if isinstance(value, str) and (key == "html" or key.endswith("_html")):
                html.append(value)
            strings_and_html(value, strings, html)
    elif isinstance(data, list):
        for value in data:
            strings_and_html(value, strings, html)
    elif isinstance(data, str):
        strings.append(data)
    return strings, html


def get_json(client, url, expected=(), html_count=0):
    """The document at ``url``; ``expected``: values it must carry unchanged."""
    response = client.get(url, HTTP_ACCEPT="application/json")
    assert response.status_code == 200, url
    assert response["Content-Type"].startswith("application/json")
    assert response["X-Content-Type-Options"] == "nosniff"
    data = json.loads(response.content)
    strings, html = strings_and_html(data)
    missing = [value[:40] for value in expected if value not in strings]
    assert not missing, f"{url} does not carry {missing}"
    assert len(html) >= html_count
    for fragment in html:
        assert not fragment_problems(fragment), f"{url}: {fragment_problems(fragment)[:3]}"
    return data


def get_browsable(client, url, labels=()):
    """The browsable API's HTML page for the same endpoint."""
    response = client.get(url, HTTP_ACCEPT="text/html")
    assert response.status_code == 200, url
    assert response["Content-Type"].startswith("text/html")
    problems, text = inspect_page(response.content.decode())
    assert not problems, f"{url}: {problems[:5]}"
    assert all(label in text for label in labels), url


def test_consultation_api(client, world):
    url = reverse("consultation-detail", args=[world.objects["consultation"].slug])
    get_json(client, url, [world.plain[k] for k in ("consultation-title", "consultation-summary", "step-title", "document-title")]
             + [world.markdown[k] for k in ("consultation-body", "consultation-synthesis", "step-description")])
    get_json(client, reverse("consultation-list"), [world.plain["consultation-title"], world.plain["consultation-summary"]])
    get_browsable(client, url, ["consultation-title", "consultation-body"])


def test_proposal_api(client, world):
    proposals = world.objects["proposals"] + world.objects["withdrawn"]
    for n, proposal in enumerate(world.objects["proposals"]):
        url = reverse("proposal-detail", args=[proposal.pk])
        get_json(client, url, [world.plain[f"proposal-title-{n}"], world.plain[f"author-{n}"],
                               world.markdown[f"proposal-body-{n}"], world.markdown[f"proposal-answer-{n}"]])
    for n, proposal in enumerate(world.objects["withdrawn"]):
        get_json(client, reverse("proposal-detail", args=[proposal.pk]), [world.plain[f"withdrawal-{n}"]])
    listing = get_json(client, reverse("proposal-list"), [world.plain[f"proposal-title-{n}"] for n in range(poison.CHUNKS)])
    assert listing["count"] == len(proposals)
    get_browsable(client, reverse("proposal-detail", args=[proposals[0].pk]), ["proposal-title-0", "proposal-body-0"])
    get_browsable(client, reverse("proposal-list"), ["proposal-title-0"])


def test_comment_api(client, world):
    for n, proposal in enumerate(world.objects["proposals"]):
        url = reverse("comment-list") + f"?target=proposals.proposal&object_id={proposal.pk}"
        get_json(client, url, [world.markdown[f"comment-{n}"], world.markdown[f"reply-{n}"],
                               world.plain[f"commenter-{n}"], world.plain[f"commenter-{n + 1}"]])
    get_browsable(client, url, ["comment-6", "reply-6"])


def test_council_api(client, world):
    for n, council in enumerate(world.objects["councils"]):
        get_json(client, reverse("council-detail", args=[council.slug]),
                 [world.plain[f"council-name-{n}"], world.markdown[f"council-description-{n}"], world.plain[f"member-{n}"]])
    get_json(client, reverse("council-list"), [world.plain[f"council-name-{n}"] for n in range(len(poison.SAMPLE))])
    get_browsable(client, reverse("council-detail", args=[world.objects["councils"][0].slug]), ["council-name-0"])


def test_questionnaire_api(client, client_for, world):
    questionnaire = world.objects["questionnaire"]
    labels = ["questionnaire-title", "short-label", "short-help", "long-label", "long-help", "single-label",
              "scale-label", "scale-min", "scale-max"] + [f"choice-{n}" for n in range(4)]
    get_json(client, reverse("questionnaire-detail", args=[questionnaire.pk]),
             [world.plain[label] for label in labels] + [world.markdown["questionnaire-intro"]])
    respondents = range(len(poison.SAMPLE))
    get_json(client, reverse("questionnaire-results", args=[questionnaire.pk]),
             [world.plain[f"long-answer-{n}"] for n in respondents] + [world.plain[f"short-answer-{n}"] for n in respondents])
    respondent = client_for(world.objects["respondents"][0])
    get_json(respondent, reverse("questionnaire-my-answers", args=[questionnaire.pk]),
             [world.plain["long-answer-0"], world.plain["short-answer-0"]])
    get_browsable(client, reverse("questionnaire-results", args=[questionnaire.pk]), ["long-answer-0"])


def test_live_api_history(client, world):
    """The HTTP history sends the websocket's frames: text as written, ``html`` through the render path."""
    room = world.objects["room"]
    slug = room.event.slug
    bodies = [m.body for m in world.objects["messages"]] + [q.body for q in world.objects["questions"]]
    speakers = [world.plain[f"speaker-{n}"] for n in range(len(poison.SAMPLE))]
    frames = get_json(client, reverse("live-room-events", args=[slug]), bodies + speakers, html_count=len(bodies))
    assert len(frames) == len(bodies)
    get_json(client, reverse("live-room-questions", args=[slug]),
             [q.body for q in world.objects["questions"]], html_count=len(world.objects["questions"]))
    get_json(client, reverse("live-room-detail", args=[slug]))
    get_browsable(client, reverse("live-room-events", args=[slug]), ["speaker-0"])
    assert sum(len(body.split("\n\n")) for body in bodies) == 2 * len(PAYLOADS)


def test_event_api(client, world):
    get_json(client, reverse("event-detail", args=[world.objects["room"].event.slug]), [world.plain["live-event"]])
