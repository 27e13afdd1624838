"""Who must use two-factor authentication, and whether they have confirmed it.

Staff run the site and see personal data; moderators hide content and block people. Both roles
(``TWO_FACTOR_REQUIRED_GROUPS`` in settings; ``is_staff`` always) must confirm a TOTP device before
anything else, on the pages (the middleware) and in the API (the token authentication).
"""

from allauth.mfa.models import Authenticator
from django.conf import settings

from consultations.rules import group_names


def requires_two_factor(user):
    if not getattr(user, "is_authenticated", False):
        return False
    if user.is_staff or user.is_superuser:
        return True
    # The groups memo the role predicates share: no extra query on a page that checks a role anyway.
    return not group_names(user).isdisjoint(getattr(settings, "TWO_FACTOR_REQUIRED_GROUPS", ()))


def lacks_required_two_factor(user):
    """A role that needs TOTP, and no confirmed TOTP device (allauth saves one only once confirmed)."""
    return requires_two_factor(user) and not Authenticator.objects.filter(
        user=user, type=Authenticator.Type.TOTP
    ).exists()
