"""One accessor for the apps' settings: ``PARTICIPATION = {...}`` in the host site overrides these."""

from django.conf import settings
from django.utils.module_loading import import_string

DEFAULTS = {
    "SITE_NAME": "La Part Citoyenne",
    "SITE_URL": "http://127.0.0.1:8000",
    # Dotted path to a function(user) -> bool: is this an account with a verified email?
    "VERIFIED_EMAIL_CHECK": "consultations.identity.active_user",
    # The group that carries the moderator role (staff is Django's is_staff flag, not a group).
    "MODERATOR_GROUP": "moderator",
    "PROGRAMME_PAGE_SIZE": 20,
    # Page form posts (propose, comment, support, join...) per person and minute, all apps together.
    "WRITES_PER_MINUTE": 30,
}


def get_setting(name):
    overrides = getattr(settings, "PARTICIPATION", {})
    if name in overrides:
        return overrides[name]
    return DEFAULTS[name]


def verified_email_check():
    return import_string(get_setting("VERIFIED_EMAIL_CHECK"))
