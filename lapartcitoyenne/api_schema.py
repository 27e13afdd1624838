"""drf-spectacular hook: document the error answers every endpoint can give.

DRF answers 400 (validation, bad filter), 401/403 (authentication, permission), 404 (unknown object
or page) and 429 (throttling) on any endpoint; the schema says so, so that clients and schemathesis
know what to expect. Responses an endpoint documents itself are kept.
"""

from django.http import JsonResponse
from django.utils.translation import gettext as _
from django.views.defaults import page_not_found
from rest_framework.pagination import PageNumberPagination
from rest_framework.views import exception_handler as drf_exception_handler

ERROR_COMPONENT = {
    "type": "object",
    "description": "An error: `detail` (and `code`) for refusals, or field names with their messages.",
    "properties": {"detail": {"type": "string"}, "code": {"type": "string"}},
    "additionalProperties": True,
}
ERROR_DESCRIPTIONS = {
    "400": "Invalid input",
    "401": "Authentication required",
    "403": "Not allowed",
    "404": "Not found",
    "405": "Method not allowed",
    "429": "Too many requests",
}


def add_error_responses(result, generator, request, public):
    result.setdefault("components", {}).setdefault("schemas", {})["Error"] = ERROR_COMPONENT
    reference = {"$ref": "#/components/schemas/Error"}
    for path in result.get("paths", {}).values():
        for operation in path.values():
            responses = operation.setdefault("responses", {})
            for status, description in ERROR_DESCRIPTIONS.items():
                responses.setdefault(
                    status,
                    {"description": description, "content": {"application/json": {"schema": reference}}},
                )
    return result


class StrictPageNumberPagination(PageNumberPagination):
    """An empty or malformed ``page`` is a 404, as the schema's integer type says, not page 1."""

    def get_page_number(self, request, paginator):
        number = request.query_params.get(self.page_query_param)
        if number is None:
            return 1
        if number in self.last_page_strings:
            return paginator.num_pages
        return number


def exception_handler(exc, context):
    """DRF's answer, with a stable ``code`` beside every ``detail`` (not_found, throttled...)."""
    response = drf_exception_handler(exc, context)
    if response is not None and isinstance(response.data, dict) and "detail" in response.data:
        detail = response.data["detail"]
        response.data.setdefault("code", getattr(detail, "code", None) or getattr(exc, "default_code", "error"))
    return response


def api_not_found(request, exception=None):
    """A URL under /api/ that matches no route answers JSON, like the rest of the API."""
    if request.path.startswith("/api/"):
        return JsonResponse({"detail": _("Not found."), "code": "not_found"}, status=404)
    return page_not_found(request, exception)
