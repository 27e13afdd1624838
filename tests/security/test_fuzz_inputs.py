"""Every URL pattern, fed integers a careless parser chokes on, never answers a 5xx.

The patterns come from the URL resolver, so a new route is fuzzed without being listed here. Each path
parameter and each parameter its view reads (or its page's form holds) gets, one at a time, each
hostile value (non-ASCII digits, a 5,000-digit number, a number past the 64-bit columns, a negative
one), by GET and by POST (the page's form filled in, or a JSON body), as a visitor and as a signed-in
citizen; every route also gets a JSON body nested 100,000 deep. Exhaustive, so deterministic; about
17,000 requests, a few minutes.
"""

import inspect
import re
import sys
from datetime import timedelta
from html.parser import HTMLParser
from itertools import product

import pytest
from django.test import Client
from django.urls import URLPattern, URLResolver, get_resolver, reverse
from django.utils import timezone

from consultations.models import Step, StepKind
from participation.comments.services import add_comment
from participation.moderation import services as moderation
from participation.surveys.models import Choice, Question, QuestionKind, Questionnaire
from tests.factories import ConsultationFactory, EventFactory, UserFactory
from tests.participation.councils.factories import CouncilFactory, MembershipFactory
from tests.participation.live.factories import MessageFactory, QuestionFactory, RoomFactory
from tests.participation.proposals.factories import ProposalFactory

pytestmark = pytest.mark.django_db

HOSTILE = ["²", "٣", "9" * 5000, str(2**63), "-1"]
NESTED_JSON = "[" * 100_000 + "]" * 100_000
# A GET or POST parameter read by name in the code: request.GET.get("after"), query_params["seed"]...
READ_PARAMETER = re.compile(
    r"""(?:(?:GET|POST|query_params|data)(?:\.get(?:list)?\(|\[)|OpenApiParameter\()\s*["'](\w+)["']"""
)
GROUP = re.compile(r"\(\?P<(\w+)>")
CONVERTER = re.compile(r"<(?:(\w+):)?(\w+)>")
# The admin is staff only and Django's own: a visitor or a citizen is sent to the login page.
SKIPPED_PREFIXES = ("admin/",)


def _regex_route(regex):
    """A URL template from a regex pattern: each named group becomes ``{name}``."""
    out, index = [], 0
    regex = regex.lstrip("^")
    while index < len(regex):
        match = GROUP.match(regex, index)
        if match:
            depth, index = 1, match.end()
            while depth:
                depth += {"(": 1, ")": -1}.get(regex[index], 0)
                index += 1 if regex[index] != "\\" else 2
            out.append("{" + match.group(1) + "}")
            continue
        char = regex[index]
        if char == "\\":
            out.append(regex[index + 1])
            index += 2
            continue
        if char not in "$?":
            out.append(char)
        index += 1
    return "".join(out)


def _template(pattern):
    text = str(pattern.pattern)
    if text.startswith("^") or "(?P<" in text:
        return _regex_route(text)
    return CONVERTER.sub(lambda m: "{" + m.group(2) + "}", text)


def routes(patterns=None, prefix=""):
    """(URL template, view) for every pattern, format-suffix variants apart (the same views)."""
    for pattern in get_resolver().url_patterns if patterns is None else patterns:
        template = prefix + _template(pattern)
        if isinstance(pattern, URLResolver):
            yield from routes(pattern.url_patterns, template)
        elif isinstance(pattern, URLPattern) and "{format}" not in template and not template.startswith(SKIPPED_PREFIXES):
            yield template, pattern.callback


def parameters_read_by(view):
    """The parameter names the view's module reads, and its filter set's and form's fields."""
    view_class = getattr(view, "cls", None) or getattr(view, "view_class", None)
    module = sys.modules[(view_class or view).__module__]
    try:
        names = set(READ_PARAMETER.findall(inspect.getsource(module)))
    except (OSError, TypeError):
        names = set()
    filterset = getattr(view_class, "filterset_class", None)
    if filterset is not None:
        names |= set(filterset.base_filters)
    names.add("page")
    return sorted(names)


class FormFields(HTMLParser):
    """The fields of the page's POST forms that post to ``action``, with a plausible value each."""

    def __init__(self, action):
        super().__init__()
        self.action, self.inside, self.fields, self.select = action, False, {}, None

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "form":
            self.inside = (attrs.get("method") or "").lower() == "post" and attrs.get("action", "") in ("", self.action)
        elif not self.inside or not attrs.get("name") or attrs["name"] == "csrfmiddlewaretoken":
            return
        elif tag == "input" and attrs.get("type") not in ("submit", "file"):
            if attrs.get("type") in ("checkbox", "radio") and attrs["name"] in self.fields:
                return
            self.fields[attrs["name"]] = attrs.get("value") or ("2030-01-01" if attrs.get("type") == "date" else "Un texte")
        elif tag == "textarea":
            self.fields[attrs["name"]] = "Un texte assez long pour passer."
        elif tag == "select":
            self.select = attrs["name"]
        elif tag == "option" and self.select and attrs.get("value") and self.select not in self.fields:
            self.fields[self.select] = attrs["value"]

    def handle_endtag(self, tag):
        if tag == "form":
            self.inside = False
        elif tag == "select":
            self.select = None


def form_fields(client, url):
    response = client.get(url)
    if response.status_code != 200 or "text/html" not in response.get("Content-Type", ""):
        return {}
    parser = FormFields(url)
    parser.feed(response.content.decode())
    return parser.fields


def build_world():
    now = timezone.now()
    citizen = UserFactory(display_name="Awa")
    consultation = ConsultationFactory(slug="fuzz", tools=["proposals", "comments", "surveys"])
    Step.objects.create(
        consultation=consultation, kind=StepKind.PROPOSALS, title="Propositions", position=1,
        starts_at=now - timedelta(days=1), ends_at=now + timedelta(days=10),
    )
    council = CouncilFactory(slug="conseil-fuzz")
    MembershipFactory(council=council, user=citizen)
    proposal = ProposalFactory(consultation=consultation, author=citizen, support_threshold=None)
    initiative = ProposalFactory(author=citizen)
    comment = add_comment(citizen, proposal, "Oui, et à l’ombre.")
    event = EventFactory(slug="salon-fuzz")
    room = RoomFactory(event=event)
    MessageFactory(room=room)
    QuestionFactory(room=room)
    survey_consultation = ConsultationFactory(slug="questionnaire-fuzz", tools=["surveys"])
    step = Step.objects.create(
        consultation=survey_consultation, kind=StepKind.QUESTIONNAIRE, title="Questionnaire", position=1,
        starts_at=now - timedelta(days=1), ends_at=now + timedelta(days=10),
    )
    questionnaire = Questionnaire.objects.create(step=step, title="Votre avis", results_published_at=now)
    for position, kind in enumerate([QuestionKind.SINGLE_CHOICE, QuestionKind.MULTIPLE_CHOICE, QuestionKind.SCALE, QuestionKind.RANKING], 1):
        question = Question.objects.create(questionnaire=questionnaire, position=position, kind=kind, required=False, label=f"Q{position}")
        if kind != QuestionKind.SCALE:
            for n in range(3):
                Choice.objects.create(question=question, position=n, label=f"Choix {n}")
    reporter = UserFactory()
    moderation.report(reporter, "comment", comment.pk, "spam")
    return citizen, {
        "slug": [event.slug, consultation.slug, council.slug],
        "consultation": [consultation.slug],
        "pk": [proposal.pk, initiative.pk, comment.pk, questionnaire.pk, 1],
        "object_id": [proposal.pk, comment.pk],
        "user_id": [citizen.pk],
        "label": ["proposals.proposal", "proposal"],
        "kind": ["comment", "proposal"],
        "dataset": ["proposals", "events"],
        "fmt": ["csv", "json"],
        "name": ["summary"],
        "action": ["accepter"],
        "token": ["jeton"],
        "key": ["cle"],
        "uidb36": ["1"],
    }


def fill(template, values):
    return "/" + template.format(**values)


def valid_values(client, template, pools):
    """The first combination of known values under which the route exists (else the first)."""
    names = re.findall(r"\{(\w+)\}", template)
    combos = list(product(*(pools.get(name, ["1"]) for name in names)))
    for combo in combos:
        values = dict(zip(names, map(str, combo)))
        if client.get(fill(template, values)).status_code != 404:
            return values
    return dict(zip(names, map(str, combos[0])))


@pytest.fixture
def fuzz_settings(settings, monkeypatch):
    """No rate limit nor throttle: they would answer 429 before the code under test runs."""
    from rest_framework.throttling import SimpleRateThrottle

    settings.RATELIMIT_ENABLE = False
    monkeypatch.setattr(SimpleRateThrottle, "allow_request", lambda self, request, view: True)


def test_no_route_answers_a_5xx_to_hostile_integers(fuzz_settings):
    citizen, pools = build_world()
    visitor, signed_in = Client(raise_request_exception=False), Client(raise_request_exception=False)
    signed_in.force_login(citizen)
    failures, requests = [], 0

    def send(client, method, url, **kwargs):
        nonlocal requests
        requests += 1
        response = getattr(client, method)(url, **kwargs)
        if response.status_code >= 500:
            failures.append(f"{method.upper()} {url[:120]} ({'citizen' if client is signed_in else 'visitor'}) → {response.status_code}")

    for template, view in routes():
        # Some routes sign out or change the account: each route starts signed in again.
        signed_in.force_login(citizen)
        values = valid_values(signed_in, template, pools)
        url = fill(template, values)
        api = template.startswith("api/")
        form = {} if api else form_fields(signed_in, url)
        names = sorted(set(parameters_read_by(view)) | set(form))
        reads = signed_in.get(url).status_code != 405
        for client in (visitor, signed_in):
            for bad in HOSTILE:
                for path_name in values:
                    bad_url = fill(template, {**values, path_name: bad})
                    send(client, "get", bad_url)
                    send(client, "post", bad_url, data=form)
                    if api:
                        send(client, "patch", bad_url, data={}, content_type="application/json")
                        send(client, "delete", bad_url)
                for name in names:
                    if reads:
                        send(client, "get", url, data={name: bad})
                    send(client, "post", f"{url}?{name}={bad}", data={**form, name: bad})
                # A serializer checks every field it is given: one body holds them all.
                if api:
                    send(client, "post", url, data={name: bad for name in names}, content_type="application/json")
            send(client, "post", url, data=NESTED_JSON, content_type="application/json")
            if api:
                send(client, "patch", url, data=NESTED_JSON, content_type="application/json")
    assert requests > 1000
    assert not failures, f"{len(failures)} of {requests} requests answered 5xx:\n" + "\n".join(failures[:60])


@pytest.mark.parametrize("bad", HOSTILE)
def test_a_moderator_sending_hostile_case_ids_gets_an_answer(fuzz_settings, client_for, api_for, moderator, bad):
    """Moderation's bulk decision reads a list of ids: none of them may crash it."""
    page = client_for(moderator).post(reverse("moderation:bulk"), {"cases": [bad, "1"], "decision": "keep", "reason": "Rien à redire."})
    assert page.status_code == 302
    api = api_for(moderator).post("/api/moderation/cases/bulk/", {"cases": [bad], "decision": "keep"}, format="json")
    assert api.status_code in (400, 404, 409), api.content
    assert api_for(moderator).get(f"/api/moderation/cases/{bad}/").status_code == 404
