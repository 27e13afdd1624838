"""The API's JSON parser: a body nested too deep is a 400 ``{detail, code}``, never a crash.

Python's JSON decoder recurses once per level and gives up with a RecursionError past about a
thousand; DRF's parser only expects ValueError. No body of this API nests more than a few levels.
"""

from django.utils.translation import gettext_lazy as _
from rest_framework.exceptions import ParseError
from rest_framework.parsers import JSONParser

MAX_DEPTH = 32
TOO_DEEP = _("The JSON body is nested too deep (at most %(depth)d levels).")


def _deeper_than(data, limit):
    pending = [(data, 1)]
    while pending:
        value, depth = pending.pop()
        if isinstance(value, (list, dict)):
            if depth > limit:
                return True
            items = value.values() if isinstance(value, dict) else value
            pending.extend((item, depth + 1) for item in items)
    return False


class BoundedJSONParser(JSONParser):
    def parse(self, stream, media_type=None, parser_context=None):
        try:
            data = super().parse(stream, media_type, parser_context)
        except RecursionError:
            data = None
            too_deep = True
        else:
            too_deep = _deeper_than(data, MAX_DEPTH)
        if too_deep:
            raise ParseError(str(TOO_DEEP) % {"depth": MAX_DEPTH}, code="too_deep")
        return data
