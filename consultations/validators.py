from django.core.validators import RegexValidator
from django.utils.translation import gettext_lazy as _

# At least one visible character. The pattern reaches the API schema, so it is written to mean the
# same in Python and in ECMAScript: both count these control and separator characters as blank.
NOT_BLANK = RegexValidator(r"[^\s\x1c-\x1f\x85]", _("This field cannot be blank."))

# One line of text, with something visible on it: no control character (C0, DEL, C1) nor Unicode
# line or paragraph separator. A title or a name with a line break would add lines to the plain-text
# e-mails that quote it. Written as what the text may hold, anchored with \A and \Z, so that the API
# schema's pattern says the same as the server (an empty value of a blank field never reaches it).
_ONE_LINE_CHAR = r"[^\x00-\x1f\x7f-\x9f\u2028\u2029]"
SINGLE_LINE = RegexValidator(
    rf"\A{_ONE_LINE_CHAR}*[^\s\x00-\x1f\x7f-\x9f\u2028\u2029]{_ONE_LINE_CHAR}*\Z",
    _("Write this on one line, without line breaks or control characters."),
    code="single_line",
)
