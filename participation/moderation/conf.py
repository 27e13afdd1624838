"""Settings of the moderation app, read from ``PARTICIPATION`` with these defaults."""

from django.conf import settings

DEFAULTS = {
    # Distinct reports after which an item is hidden until a moderator reviews it.
    "MODERATION_REPORT_THRESHOLD": 3,
    "MODERATION_PAGE_SIZE": 25,
    "MODERATION_LOG_PAGE_SIZE": 50,
    # Longest temporary block, in days; longer means "for good".
    "MODERATION_MAX_BLOCK_DAYS": 365,
    # Where a blocked person may still write: their account, their data, the language switch.
    "MODERATION_BLOCK_EXEMPT_PATHS": ["/compte/", "/i18n/", "/confidentialite/"],
    "MODERATION_API_PREFIX": "/api/",
}


def get_setting(name):
    return getattr(settings, "PARTICIPATION", {}).get(name, DEFAULTS[name])
