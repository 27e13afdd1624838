"""The roles of DESIGN.md, stored as Django groups so that staff assign them in the admin.

Citizen is not a group: any active account with a verified email is a citizen. Council
membership lives with the councils; the groups below are the roles granted by staff.
"""

from django.utils.translation import gettext_lazy as _

FACILITATOR = "facilitator"
MODERATOR = "moderator"
STAFF = "staff"
COUNCIL_MEMBER = "council_member"

ROLE_LABELS = {
    COUNCIL_MEMBER: _("Council member"),
    FACILITATOR: _("Facilitator"),
    MODERATOR: _("Moderator"),
    STAFF: _("Staff"),
}
