"""A host's own answer to "is this a citizen?" (PARTICIPATION["VERIFIED_EMAIL_CHECK"]), without allauth."""

UNVERIFIED_GROUP = "unverified-email"


def has_verified_email(user):
    if not user.is_authenticated or not user.is_active:
        return False
    if not hasattr(user, "_has_verified_email"):  # asked several times per page: once per request
        user._has_verified_email = not user.groups.filter(name=UNVERIFIED_GROUP).exists()
    return user._has_verified_email


def is_superuser(user):
    """A host whose moderators are its superusers (PARTICIPATION["MODERATOR_CHECK"])."""
    return user.is_superuser
