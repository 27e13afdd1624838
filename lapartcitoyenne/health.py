"""``/sante/`` (and ``/healthz``): is every part the site needs up? For the proxy and the monitoring.

200 ``{"status": "ok", "checks": {...}}`` when all is well, 503 ``{"status": "down", "down": [...]}``
naming each part that is not: the database (a query), Redis when REDIS_URL is set (a PING; the site
goes on without it, but live rooms across processes and rate limits do not), and the task worker when
tasks go through one (its heartbeat younger than WORKER_STALE_SECONDS). Nothing personal, no cache.
"""

from datetime import timedelta

from django.conf import settings
from django.db import connection
from django.http import JsonResponse
from django.utils import timezone
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_safe

from consultations.conf import get_setting
from consultations.worker import latest_beat

REDIS_TIMEOUT = 0.5


def check_database():
    with connection.cursor() as cursor:
        cursor.execute("SELECT 1")
        cursor.fetchone()
    return "ok"


def check_redis():
    url = getattr(settings, "REDIS_URL", None)
    if not url:
        return "not configured"
    import redis

    client = redis.Redis.from_url(url, socket_connect_timeout=REDIS_TIMEOUT, socket_timeout=REDIS_TIMEOUT)
    try:
        client.ping()
    finally:
        client.close()
    return "ok"


def uses_worker():
    from django.tasks import task_backends

    return getattr(task_backends["default"], "supports_defer", False)


def check_worker():
    if not uses_worker():
        return "not used"
    beat = latest_beat()
    if beat is None:
        raise RuntimeError("no worker has ever started")
    silence = timezone.now() - beat
    if silence > timedelta(seconds=get_setting("WORKER_STALE_SECONDS")):
        raise RuntimeError(f"no heartbeat for {int(silence.total_seconds())} s")
    return "ok"


CHECKS = {"database": check_database, "redis": check_redis, "worker": check_worker}


def run_checks():
    results, down = {}, []
    for name, check in CHECKS.items():
        if name == "worker" and "database" in down and uses_worker():
            results[name] = "unknown (database down)"
            down.append(name)
            continue
        try:
            results[name] = check()
        except Exception as error:
            results[name] = f"down: {type(error).__name__}: {error}"[:300]
            down.append(name)
    return results, down


@never_cache
@require_safe
def health(request):
    results, down = run_checks()
    body = {"status": "down" if down else "ok", "checks": results}
    if down:
        body["down"] = down
    return JsonResponse(body, status=503 if down else 200)
