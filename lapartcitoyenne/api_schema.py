"""drf-spectacular hook: every error answer of every operation documented, in the one shape it has.

DRF answers 400 (validation, bad filter), 401/403 (authentication, permission), 404 (unknown object
or page), 405, 406, 415 and 429 (throttling) on any endpoint; the schema says so, so that clients
and schemathesis know what to expect. Every 4xx answer, whether an endpoint documents it or not,
is the ``Refusal`` of ``consultations.api_errors``: ``detail`` and ``code``, and ``errors`` by field
for invalid input (``code`` ``"invalid"``).
"""

from rest_framework.pagination import PageNumberPagination

REFUSAL_COMPONENT = {
    "type": "object",
    "description": (
        "Every error answer: a French `detail` and a stable `code`; for invalid input (`code` "
        "`invalid`), `errors` gives every message by field, nested fields dotted (`cases.0`)."
    ),
    "properties": {
        "detail": {"type": "string"},
        "code": {"type": "string"},
        "errors": {
            "type": "object",
            "additionalProperties": {"type": "array", "items": {"type": "string"}},
        },
    },
    "required": ["detail", "code"],
    "additionalProperties": False,
}
ERROR_DESCRIPTIONS = {
    "400": "Invalid input",
    "401": "Authentication required",
    "403": "Not allowed",
    "404": "Not found",
    "405": "Method not allowed",
    "406": "Not acceptable",
    "415": "Unsupported media type",
    "429": "Too many requests",
}
REFUSAL_CONTENT = {"application/json": {"schema": {"$ref": "#/components/schemas/Refusal"}}}


def add_error_responses(result, generator, request, public):
    result.setdefault("components", {}).setdefault("schemas", {})["Refusal"] = REFUSAL_COMPONENT
    for path in result.get("paths", {}).values():
        for operation in path.values():
            responses = operation.setdefault("responses", {})
            for status, description in ERROR_DESCRIPTIONS.items():
                responses.setdefault(status, {"description": description})
            for status, response in responses.items():
                if status.startswith("4"):
                    response["content"] = REFUSAL_CONTENT
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

