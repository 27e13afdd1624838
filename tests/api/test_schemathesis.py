"""schemathesis over the whole OpenAPI schema: no 5xx, and every response matches the schema.

Deterministic, so that it is green or red for a reason: a fixed seed and example budget
(derandomised), and every generated case starts from the same state — it runs in a savepoint rolled
back after it, with an empty cache (rate-limit counters), so no case sees what an earlier one wrote
or is throttled because earlier ones were fast.
"""

from contextlib import contextmanager
from datetime import timedelta

import pytest
import schemathesis
from django.core import signals
from django.core.cache import cache
from django.core.wsgi import get_wsgi_application
from django.db import close_old_connections, transaction
from django.utils import timezone
from hypothesis import HealthCheck, settings
from rest_framework.authtoken.models import Token
from schemathesis.specs.openapi.checks import ignored_auth, positive_data_acceptance

from ..factories import EventFactory, EventResourceFactory, PartnerFactory, UserFactory

SEED = 20261201
MAX_EXAMPLES = 40
SETTINGS = settings(
    max_examples=MAX_EXAMPLES, deadline=None, derandomize=True, database=None,
    suppress_health_check=list(HealthCheck),
)


@contextmanager
def connection_kept():
    """Requests run inside the test's transaction: keep Django from closing (or, outside a database
    test, even touching) that connection between requests, as its own test client does."""
    signals.request_started.disconnect(close_old_connections)
    signals.request_finished.disconnect(close_old_connections)
    try:
        yield
    finally:
        signals.request_started.connect(close_old_connections)
        signals.request_finished.connect(close_old_connections)


@pytest.fixture(scope="session")
def loaded_schema():
    """Generated and parsed once for every operation: it needs no database."""
    with connection_kept():
        schema = schemathesis.openapi.from_wsgi("/api/schema/", get_wsgi_application())
    schema.config.seed = SEED
    # Django's forms rightly refuse NUL characters with a 400; the schema's strings can't say so.
    schema.config.generation.update(allow_x00=False)
    return schema


@pytest.fixture
def api_data(db):
    start = timezone.now() + timedelta(days=3)
    event = EventFactory(slug="journee-conseils-citoyens", capacity=2, sessions=[(start, start + timedelta(hours=3), "Chartres")])
    event.partners.add(PartnerFactory(name="DREETS Centre-Val de Loire"))
    EventResourceFactory(event=EventFactory(sessions=[(start - timedelta(days=30), start - timedelta(days=30, hours=-2), None)]))
    return event


@pytest.fixture
def api_schema(api_data, loaded_schema):
    with connection_kept():
        yield loaded_schema


@pytest.fixture
def citizen_token(api_data):
    return Token.objects.create(user=UserFactory(email="schemathesis@example.org")).key


@contextmanager
def fresh_state():
    """The fixtures' state for one case: what the case writes is rolled back after it."""
    cache.clear()
    with transaction.atomic():
        yield
        transaction.set_rollback(True)


schema = schemathesis.pytest.from_fixture("api_schema")

# Lists whose filters name rows (a theme, territory, city, consultation or council): one that names
# nothing is refused with a 400 like an unknown choice (consultations.filters.KnownValueFilter), and no
# schema can list which rows exist. Every other check, the 400's shape included, still applies.
FILTERS_NAMING_ROWS = {"/api/events/", "/api/consultations/", "/api/proposals/", "/api/questionnaires/"}


# Writes with a condition between fields that OpenAPI cannot state: a proposal's image needs its
# description (image_alt), a PDF does not; the 400 says so. Every other check still applies.
CONDITIONAL_WRITES = {("POST", "/api/proposals/")}


def _excluded_checks(case):
    if case.method == "GET" and case.path in FILTERS_NAMING_ROWS or (case.method, case.path) in CONDITIONAL_WRITES:
        return [positive_data_acceptance]
    return []


@schema.parametrize()
@SETTINGS
def test_api_as_a_visitor(case):
    with fresh_state():
        case.call_and_validate(excluded_checks=_excluded_checks(case))


@schema.parametrize()
@SETTINGS
def test_api_as_a_signed_in_citizen(case, citizen_token):
    # ignored_auth is left out here: it swaps the credentials, which our fixed header would undo.
    with fresh_state():
        case.call_and_validate(
            headers={"Authorization": f"Token {citizen_token}"}, excluded_checks=[ignored_auth, *_excluded_checks(case)]
        )
