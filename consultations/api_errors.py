"""One shape for every error the API answers: ``{"detail": ..., "code": ...}`` with a 4xx status.

Invalid input is no exception: ``code`` is ``"invalid"``, ``detail`` says the first thing wrong in
French, and ``errors`` lists every message by field (nested fields dotted: ``"cases.0"``). A
:class:`~consultations.refusals.Refused` that a service raises becomes its answer, so API views
need no ``try``. Set ``REST_FRAMEWORK["EXCEPTION_HANDLER"] = "consultations.api_errors.exception_handler"``.
"""

from django.utils.translation import gettext as _
from rest_framework.exceptions import ValidationError
from rest_framework.views import exception_handler as drf_exception_handler

from .refusals import Refused, refused_response

NON_FIELD = "non_field_errors"


def exception_handler(exc, context):
    if isinstance(exc, Refused):
        return refused_response(exc)
    response = drf_exception_handler(exc, context)
    if response is None:
        return None
    if isinstance(exc, ValidationError):
        response.data = _as_refusal(exc.detail) or invalid_input(exc.detail)
    elif isinstance(response.data, dict) and "detail" in response.data:
        detail = response.data["detail"]
        response.data.setdefault("code", getattr(detail, "code", None) or getattr(exc, "default_code", "error"))
    return response


def _as_refusal(detail):
    """A ValidationError raised already shaped as a refusal ({"detail", "code"}) keeps its words."""
    if isinstance(detail, dict) and set(detail) == {"detail", "code"}:
        first = {key: value[0] if isinstance(value, list) else value for key, value in detail.items()}
        return {"detail": str(first["detail"]), "code": str(first["code"])}
    return None


def invalid_input(detail):
    errors = {}
    for field, message in _messages(detail, ""):
        errors.setdefault(field, []).append(message)
    if not errors:
        return {"detail": str(ValidationError.default_detail), "code": "invalid", "errors": {}}
    field, messages = next(iter(errors.items()))
    first = messages[0] if field == NON_FIELD else _("%(field)s: %(message)s") % {"field": field, "message": messages[0]}
    return {"detail": first, "code": "invalid", "errors": errors}


def _messages(detail, prefix):
    """(field, message) pairs of DRF's nested error structure, depth first, in the payload's order."""
    if isinstance(detail, dict):
        for key, value in detail.items():
            yield from _messages(value, f"{prefix}.{key}" if prefix else str(key))
    elif isinstance(detail, (list, tuple)):
        for index, item in enumerate(detail):
            if isinstance(item, (dict, list, tuple)):
                yield from _messages(item, f"{prefix}.{index}" if prefix else str(index))
            else:
                yield prefix or NON_FIELD, str(item)
    else:
        yield prefix or NON_FIELD, str(detail)
