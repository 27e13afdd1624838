"""Whole numbers from a URL, a query string, a form or a JSON body, parsed one way everywhere.

``str.isdigit()`` accepts "²" (which ``int()`` refuses) and ``int()`` accepts "٣", " 7", "1_000" and
5,000-digit numbers that no column holds: an id or a count is ASCII digits, in range, or it is refused.
"""

import re

from django.utils.translation import gettext as _

from .refusals import Refused

# The largest value of a 64-bit integer column (BigAutoField, PositiveBigIntegerField...).
BIGINT_MAX = 2**63 - 1
_WHOLE_NUMBER = re.compile(r"-?[0-9]{1,19}")


def parse_int(raw, minimum=0, maximum=BIGINT_MAX):
    """The number ``raw`` writes in ASCII digits (an int passes as is) within the bounds, else None."""
    if isinstance(raw, bool):
        return None
    if isinstance(raw, int):
        value = raw
    elif isinstance(raw, str) and _WHOLE_NUMBER.fullmatch(raw):
        value = int(raw)
    else:
        return None
    return value if minimum <= value <= maximum else None


def parse_id(raw):
    """A primary key: a positive 64-bit integer, else None (the caller answers "not found")."""
    return parse_int(raw, minimum=1)


def int_param(raw, name, default=None, minimum=0, maximum=BIGINT_MAX):
    """A whole-number parameter: its default when absent, else a 400 in French when malformed."""
    if raw is None:
        return default
    value = parse_int(raw, minimum, maximum)
    if value is None:
        if maximum == BIGINT_MAX:
            message = _("“%(name)s” must be a whole number.") if minimum == 0 else _(
                "“%(name)s” must be a whole number from %(minimum)s."
            )
        else:
            message = _("“%(name)s” must be a whole number from %(minimum)s to %(maximum)s.")
        raise Refused(message % {"name": name, "minimum": minimum, "maximum": maximum}, "invalid", 400)
    return value
