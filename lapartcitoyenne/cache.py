"""The shared cache, failing open: with Redis unreachable the site keeps serving pages and saving writes.

What lives in the cache is a shortcut or a counter, never the only copy of anything: rate-limit and
throttle counters (django-ratelimit, DRF, allauth), and a block lookup that falls back to the database.
So when Redis does not answer, it behaves as an empty cache that keeps nothing: a read is a miss, a
write is dropped, and requests go on without rate limits (RATELIMIT_FAIL_OPEN) — one warning in the log per outage, not one per call. After a failure
Redis is left alone for ``RETRY_SECONDS``, so that a dead server does not add a timeout to every call.

django-redis's IGNORE_EXCEPTIONS mode would do the same but answers ``None`` where a default was asked
for, which DRF's throttles do not survive (``len(None)``).
"""

import logging
import time
from functools import wraps

from django.core.cache.backends.redis import RedisCache
from redis.exceptions import RedisError

logger = logging.getLogger("lapartcitoyenne.cache")
RETRY_SECONDS = 5


def _failing_open(fallback):
    """Run the cache call, or answer ``fallback(*args, **kwargs)`` while Redis is unreachable."""

    def decorate(method):
        @wraps(method)
        def wrapper(self, *args, **kwargs):
            if time.monotonic() < self._unreachable_until:
                return fallback(*args, **kwargs)
            try:
                result = method(self, *args, **kwargs)
            except RedisError as error:
                if not self._unreachable_until:
                    logger.warning("Redis is unreachable (%s): the cache and rate limits are off until it answers.", error)
                self._unreachable_until = time.monotonic() + RETRY_SECONDS
                return fallback(*args, **kwargs)
            if self._unreachable_until:
                self._unreachable_until = 0.0
                logger.warning("Redis answers again: the cache and rate limits are back.")
            return result

        return wrapper

    return decorate


def _missing_key(*args, **kwargs):
    raise ValueError("Redis is unreachable.")


def _default(key, default=None, *args, **kwargs):
    return default


class FailOpenRedisCache(RedisCache):
    _unreachable_until = 0.0

    get = _failing_open(_default)(RedisCache.get)
    get_many = _failing_open(lambda *args, **kwargs: {})(RedisCache.get_many)
    has_key = _failing_open(lambda *args, **kwargs: False)(RedisCache.has_key)
    # "Added", as into an empty cache: allauth takes its rate-limit lock with add() and would
    # otherwise wait, then refuse the sign-in.
    add = _failing_open(lambda *args, **kwargs: True)(RedisCache.add)
    set = _failing_open(lambda *args, **kwargs: None)(RedisCache.set)
    set_many = _failing_open(lambda data, *args, **kwargs: list(data))(RedisCache.set_many)
    touch = _failing_open(lambda *args, **kwargs: False)(RedisCache.touch)
    delete = _failing_open(lambda *args, **kwargs: False)(RedisCache.delete)
    delete_many = _failing_open(lambda *args, **kwargs: None)(RedisCache.delete_many)
    # As for a key that is not there: counters (django-ratelimit) treat it as "could not count".
    incr = _failing_open(_missing_key)(RedisCache.incr)
    clear = _failing_open(lambda *args, **kwargs: False)(RedisCache.clear)
