"""What a client sends, checked before anything acts on it: the frame, each of its fields, ``?after=``.

Anything a client controls can be hostile: ``"²".isdigit()`` is true and ``int("²")`` fails,
``int()`` refuses 5,000 digits, ``json.loads`` accepts ``Infinity`` and lone surrogates (which
no socket nor database can encode) and recurses on a 100,000-deep array. Each check here raises
``BadFrame``, which the consumer answers with an error frame; nothing else reaches the services.
"""

import json
import re
import uuid

from django.utils.translation import gettext as _

# The largest id or sequence number a database column takes (a signed 64-bit integer).
MAX_ID = 2**63 - 1
ASCII_DIGITS = re.compile(r"[0-9]{1,19}")
MAX_REF_LENGTH = 100


class BadFrame(Exception):
    def __init__(self, detail, code="bad_frame"):
        super().__init__(detail)
        self.code = code
        self.detail = str(detail)


def _refuse_constant(name):
    raise ValueError(name)


def decode(text, max_length):
    """The frame as a dict, or ``BadFrame``: too long, not JSON (``NaN``, ``Infinity`` included), nested
    deeper than the parser recurses, not an object."""
    if text is None:
        raise BadFrame(_("This frame is not a JSON object."))
    if len(text) > max_length:
        raise BadFrame(_("This frame is too large."), code="too_large")
    try:
        frame = json.loads(text, parse_constant=_refuse_constant)
    except (ValueError, RecursionError):
        frame = None
    if not isinstance(frame, dict):
        raise BadFrame(_("This frame is not a JSON object."))
    return frame


def query_after(scope):
    """``?after=<seq>`` of the connection: ASCII digits in range, else ``BadFrame``; None when absent."""
    query = scope.get("query_string", b"").decode("latin-1")
    values = [part[len("after="):] for part in query.split("&") if part.startswith("after=")]
    if not values:
        return None
    if ASCII_DIGITS.fullmatch(values[-1]) is None:
        raise BadFrame(_("“%(name)s” must be a whole number.") % {"name": "after"})
    return whole_number("after", int(values[-1]))


def whole_number(name, value, minimum=0, maximum=MAX_ID):
    """A JSON integer (not a boolean, not a float) between ``minimum`` and ``maximum``."""
    if isinstance(value, bool) or not isinstance(value, int) or not minimum <= value <= maximum:
        raise BadFrame(_("“%(name)s” must be a whole number.") % {"name": name})
    return value


def identifier(name, value):
    return whole_number(name, value, minimum=1)


def optional_identifier(name, value):
    return None if value is None else identifier(name, value)


def text(name, value):
    """A string a database and a socket can hold: no lone surrogate, no NUL. Absent is empty."""
    if value is None:
        return ""
    if not isinstance(value, str) or "\x00" in value or not _encodable(value):
        raise BadFrame(_("“%(name)s” must be text without control characters.") % {"name": name})
    return value


MAX_LIST_LENGTH = 20


def _short_list(name, value):
    if not isinstance(value, list) or len(value) > MAX_LIST_LENGTH:
        raise BadFrame(_("“%(name)s” must be a list of at most %(count)s items.") % {"name": name, "count": MAX_LIST_LENGTH})
    return value


def identifiers(name, value):
    """A short list of ids (the choices of a poll answer)."""
    return [identifier(name, item) for item in _short_list(name, value)]


def texts(name, value):
    """A short list of texts (the choices of a new poll)."""
    return [text(name, item) for item in _short_list(name, value)]


def flag(name, value):
    if not isinstance(value, bool):
        raise BadFrame(_("“%(name)s” must be true or false.") % {"name": name})
    return value


def client_key(name, value):
    """The idempotency key of a send: a UUID made by the client, or None (older clients)."""
    if value is None:
        return None
    try:
        return uuid.UUID(text(name, value))
    except (AttributeError, ValueError):
        raise BadFrame(_("“%(name)s” must be a UUID.") % {"name": name}) from None


def ref(value):
    """The client's reference echoed in the answer; anything unusable is dropped, not refused."""
    if isinstance(value, bool):
        return None
    if isinstance(value, int) and abs(value) <= MAX_ID:
        return value
    if isinstance(value, str) and len(value) <= MAX_REF_LENGTH and _encodable(value):
        return value
    return None


def fields(frame, spec):
    """The fields of ``frame`` named in ``spec`` ({name: check}), checked; absent ones are left out."""
    return {name: check(name, frame[name]) for name, check in spec.items() if name in frame}


def _encodable(value):
    try:
        value.encode("utf-8")
    except UnicodeEncodeError:
        return False
    return True
