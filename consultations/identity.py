"""How the apps see the host's people: who counts as a citizen, and the one name shown for them.

Both answers are the host's to give, through ``PARTICIPATION["VERIFIED_EMAIL_CHECK"]`` and
``PARTICIPATION["PUBLIC_NAME"]`` (dotted paths to functions of a user); these are the defaults.
"""

from functools import lru_cache

from django.utils.module_loading import import_string
from django.utils.translation import gettext as _

from .conf import get_setting


def active_user(user):
    """Default citizen check for sites without email verification: any active account."""
    return bool(user.is_authenticated and user.is_active)


def default_public_name(user):
    """The user model's own ``public_name`` if it has one, else the full name, else the username.

    A username that is an e-mail address is never shown: the person appears as « Participant·e ».
    """
    own = getattr(user, "public_name", None)
    if own:
        return str(own)
    full_name = user.get_full_name().strip() if hasattr(user, "get_full_name") else ""
    if full_name:
        return full_name
    username = user.get_username() if hasattr(user, "get_username") else ""
    if username and "@" not in username:
        return username
    return _("Participant")


def public_name(user):
    """The one name under which a person appears on every page, export and e-mail ("" for nobody)."""
    if user is None:
        return ""
    return str(_name_function(get_setting("PUBLIC_NAME"))(user))


@lru_cache(maxsize=8)
def _name_function(path):
    # Keyed by the path, so that a changed setting (tests) finds its own function; a list page
    # asks it once per row, and import_string() each time was a tenth of a comment's cost.
    return import_string(path)
