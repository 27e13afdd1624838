"""The roles of DESIGN.md, and where each one is decided (one place each).

- visitor: not signed in;
- citizen: an active account with a verified email that the moderation has not blocked
  (``consultations.rules.is_citizen``);
- council member: an accepted member of a verified council (``councils.rules.is_council_member``);
  the ``council_member`` group follows, for the admin's filters;
- facilitator: listed among an event's facilitators, for that event only
  (``consultations.rules.is_event_facilitator``); the ``facilitator`` group lets staff find them;
- moderator: the ``moderator`` group (``consultations.rules.is_moderator``);
- staff: Django's ``is_staff`` flag (``consultations.rules.is_staff_member``), which also opens the
  admin and requires TOTP. There is no staff group (migration 0004 turned its members into staff).
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


def role_names(user):
    """The person's roles granted by staff: their groups, and ``staff`` for the flag."""
    names = set(user.groups.values_list("name", flat=True))
    if user.is_staff:
        names.add(STAFF)
    return sorted(names)
