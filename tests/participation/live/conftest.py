import pytest
from django.core.cache import cache

from participation.live import dbthreads

from .factories import RoomFactory


@pytest.fixture(scope="session", autouse=True)
def _live_threads_let_the_test_database_go(django_db_setup):
    """The rooms' pool threads keep a connection each: closed before the test database is dropped."""
    yield
    dbthreads.close_connections()


@pytest.fixture(autouse=True)
def _live_settings(settings):
    settings.PARTICIPATION = {
        **settings.PARTICIPATION,
        "LIVE": {"PRESENCE_INTERVAL": 0.05, "RATE_COUNT": 5, "RATE_SECONDS": 10, "MAX_LENGTH": 500},
    }
    settings.CHANNEL_LAYERS = {"default": {"BACKEND": "participation.live.layers.InMemoryChannelLayer"}}
    # Presence counts live in the cache: a private one, so that clearing it touches no shared Redis.
    settings.CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache", "LOCATION": "live-tests"}}
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def room(db, facilitator):
    room = RoomFactory()
    room.event.facilitators.add(facilitator)
    return room
