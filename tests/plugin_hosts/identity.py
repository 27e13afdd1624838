"""A host's own answer to "is this a citizen?" (PARTICIPATION["VERIFIED_EMAIL_CHECK"]), without allauth."""

UNVERIFIED_GROUP = "unverified-email"


def has_verified_email(user):
    return bool(user.is_authenticated and user.is_active and not user.groups.filter(name=UNVERIFIED_GROUP).exists())
