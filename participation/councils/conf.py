"""Settings of the councils app, read from ``PARTICIPATION`` with these defaults."""

from django.conf import settings

DEFAULTS = {
    # The group given to accepted council members, for the role matrix of the site.
    "COUNCIL_MEMBER_GROUP": "council_member",
    "COUNCILS_PAGE_SIZE": 20,
}


def get_setting(name):
    return getattr(settings, "PARTICIPATION", {}).get(name, DEFAULTS[name])
