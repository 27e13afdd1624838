"""One log line per request: method, path, status and duration (logger ``lapartcitoyenne.requests``).

On in production (LOGGING in settings; ``LOG_REQUESTS=1`` elsewhere), as JSON, one object per line,
for a log collector; the query string is left out (it may carry a token). For a streamed response the
duration is the time to its first byte, and ``streaming`` says so.
"""

import logging
import time

from asgiref.sync import iscoroutinefunction, markcoroutinefunction

logger = logging.getLogger("lapartcitoyenne.requests")


class RequestLogMiddleware:
    sync_capable = True
    async_capable = True

    def __init__(self, get_response):
        self.get_response = get_response
        self.is_async = iscoroutinefunction(get_response)
        if self.is_async:
            markcoroutinefunction(self)

    def __call__(self, request):
        if self.is_async:
            return self._acall(request)
        started = time.perf_counter()
        response = self.get_response(request)
        log_request(request, response, started)
        return response

    async def _acall(self, request):
        started = time.perf_counter()
        response = await self.get_response(request)
        log_request(request, response, started)
        return response


def log_request(request, response, started):
    if not logger.isEnabledFor(logging.INFO):
        return
    fields = {
        "method": request.method,
        "path": request.path,
        "status": response.status_code,
        "duration_ms": round((time.perf_counter() - started) * 1000, 1),
    }
    if response.streaming:
        fields["streaming"] = True
    logger.info(" ".join(f"{key}={value}" for key, value in fields.items()), extra={"fields": fields})
