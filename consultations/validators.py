from django.core.validators import RegexValidator
from django.utils.translation import gettext_lazy as _

# At least one visible character. The pattern reaches the API schema, so it is written to mean the
# same in Python and in ECMAScript: both count these control and separator characters as blank.
NOT_BLANK = RegexValidator(r"[^\s\x1c-\x1f\x85]", _("This field cannot be blank."))
