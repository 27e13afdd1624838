"""The mixed crowd's people, for locust (run by bench/crowd.py: ``python -m bench crowd``).

- Visitors browse anonymously: home, proposal list, search, proposal pages, consultations, events,
  the programme, the site's pages. From 127.0.0.1 (reading is not rate limited).
- Citizens sign in once, then support proposals, comment on them, answer the questionnaire and read
  between writes. Each from an address of its own in 127.0.0.0/8, as residents come from their own
  connections: the per-address write and sign-in limits see a crowd, not one machine.
- A few clients ask for the hello-world view under the same load: the floor beside every page.

Every request is also recorded here (kind, milliseconds, failed or not, when) and every write the
site confirmed (its success message on the page it redirected to), one file per process under
``CROWD_OUT``: bench/crowd.py computes the figures and counts the writes in the database.
"""

import itertools
import json
import os
import random
import time
import uuid
from pathlib import Path

from locust import FastHttpUser, HttpUser, between, events, task
from requests.adapters import HTTPAdapter

SEED = json.loads(Path(os.environ["CROWD_SEED"]).read_text())
OUT = Path(os.environ["CROWD_OUT"])
RUN = os.environ.get("CROWD_RUN", uuid.uuid4().hex[:8])
# How many of each (fixed counts: locust's weights would share the users out by ratio instead).
VISITORS = int(os.environ.get("CROWD_VISITORS", "250"))
CITIZENS = int(os.environ.get("CROWD_CITIZENS", "40"))
HELLO_USERS = int(os.environ.get("CROWD_HELLO_USERS", "4"))
# Every citizen from 127.0.0.1, as a room of people behind one venue's Wi-Fi (BENCH_CROWD_ONE_ADDRESS=1).
ONE_ADDRESS = os.environ.get("CROWD_ONE_ADDRESS") == "1"
SUPPORTED = "Merci pour votre soutien."
COMMENTED = ("Votre commentaire est publié.", "Votre commentaire est enregistré")
ANSWERED = "Merci, vos réponses sont enregistrées."

_requests = []
_writes = open(OUT / f"writes-{os.getpid()}.jsonl", "a", buffering=1)


@events.request.add_listener
def _record(request_type, name, response_time, exception, start_time=None, response=None, **kwargs):
    _requests.append((name, request_type, round(response_time, 2), str(exception)[:200] if exception else None,
                      start_time or time.time(), _cached(response)))


def _cached(response):
    """« hit » or « miss » when the site's page cache answered or stored the page (consultations.page_cache)."""
    try:
        return response.headers.get("X-Page-Cache")
    except AttributeError:
        return None


@events.quitting.add_listener
def _dump(**kwargs):
    (OUT / f"requests-{os.getpid()}.json").write_text(json.dumps(_requests))


def _claim(kind):
    """A number no other user of any locust process holds: an exclusive file per number."""
    for number in itertools.count():
        try:
            os.close(os.open(OUT / f"claim-{kind}-{number}", os.O_CREAT | os.O_EXCL))
            return number
        except FileExistsError:
            continue


def wrote(kind, **fields):
    _writes.write(json.dumps({"kind": kind, **fields}) + "\n")


def browse(client):
    """One page a visitor or a citizen reads, named by its kind."""
    choice = random.random()
    if choice < 0.15:
        return client.get("/", name="home")
    if choice < 0.35:
        page = random.choice(["", "?page=2", "?order=supports"])
        return client.get(f"/propositions/{page}", name="proposal list")
    if choice < 0.45:
        return client.get(f"/propositions/?q={random.choice(SEED['search_words'])}", name="search")
    if choice < 0.70:
        return client.get(f"/propositions/{random.choice(SEED['proposals'])}/", name="proposal detail")
    if choice < 0.80:
        return client.get(f"/consultations/{random.choice(SEED['consultations'])}/", name="consultation")
    if choice < 0.92:
        if random.random() < 0.3:
            return client.get("/programme/", name="event")
        return client.get(f"/evenements/{random.choice(SEED['events'])}/", name="event")
    page = random.choice(["/consultations/", "/accessibilite/", "/mentions-legales/", "/plan-du-site/"])
    return client.get(page, name="pages")


class Visitor(FastHttpUser):
    fixed_count = VISITORS
    wait_time = between(0.5, 1.5)

    @task
    def read(self):
        browse(self.client)


class HelloWorld(FastHttpUser):
    """The floor: the same servers, the same proxy, the same load, a view that does nothing."""

    fixed_count = HELLO_USERS
    wait_time = between(0.5, 1.5)

    @task
    def hello(self):
        self.client.get("/bench/hello/", name="hello-world view")


class SourceAddress(HTTPAdapter):
    """Connections from one loopback address of the 127.0.0.0/8 range (Linux routes all of it to lo)."""

    def __init__(self, address, **kwargs):
        self.address = address
        super().__init__(**kwargs)

    def init_poolmanager(self, *args, **kwargs):
        kwargs["source_address"] = (self.address, 0)
        super().init_poolmanager(*args, **kwargs)


class Citizen(HttpUser):
    fixed_count = CITIZENS
    wait_time = between(1, 3)

    def on_start(self):
        number = _claim("citizen")
        if number >= len(SEED["citizens"]):
            raise RuntimeError("more citizens than accounts: raise BENCH_CROWD_CITIZENS")
        self.email = SEED["citizens"][number]
        if not ONE_ADDRESS:
            self.client.mount("http://", SourceAddress(f"127.1.{number // 250}.{number % 250 + 1}"))
        # Proposals in an order of this citizen's own: each supported once.
        self.to_support = random.sample(SEED["crowd_proposals"], len(SEED["crowd_proposals"]))
        self.answered = False
        self.client.get("/compte/login/", name="sign-in page")
        self.post("/compte/login/", {"login": self.email, "password": SEED["password"]}, "sign-in (write)",
                  lambda response: "sessionid" in self.client.cookies)

    def post(self, path, data, name, succeeded):
        """A form post with its CSRF token, the redirect followed; a failure unless ``succeeded``."""
        data = {"csrfmiddlewaretoken": self.client.cookies.get("csrftoken", ""), **data}
        with self.client.post(path, data=data, name=name, catch_response=True,
                              headers={"Referer": self.host + path}) as response:
            if response.status_code == 200 and succeeded(response):
                response.success()
                return True
            response.failure(f"{response.status_code}: no confirmation on {response.url}")
            return False

    @task(4)
    def read(self):
        browse(self.client)

    @task(2)
    def support(self):
        if not self.to_support:
            return
        proposal = self.to_support.pop()
        self.client.get(f"/propositions/{proposal}/", name="proposal detail")
        if self.post(f"/propositions/{proposal}/soutien/", {}, "support (write)", lambda r: SUPPORTED in r.text):
            wrote("support", user=self.email, proposal=proposal)

    @task(1)
    def comment(self):
        proposal = random.choice(SEED["crowd_proposals"])
        body = f"Je soutiens cette idée pour le quartier, foule {RUN} {uuid.uuid4().hex}."
        if self.post(f"/commentaires/proposals.proposal/{proposal}/", {"body": body, "position": "for"},
                     "comment (write)", lambda r: any(text in r.text for text in COMMENTED)):
            wrote("comment", user=self.email, proposal=proposal, body=body)

    @task(1)
    def answer(self):
        if self.answered:
            return browse(self.client)
        survey = SEED["questionnaire"]
        path = f"/questionnaires/{survey['pk']}/"
        self.client.get(path, name="questionnaire page")
        data = {survey["choice_field"]: random.choice(survey["choices"]), survey["text_field"]: "Les Clos"}
        if self.post(path, data, "answer (write)", lambda r: ANSWERED in r.text):
            wrote("answer", user=self.email, questionnaire=survey["pk"])
        self.answered = True
