"""The site's answer to "is this a citizen?", plugged into the apps through PARTICIPATION."""

from allauth.account.models import EmailAddress


def has_verified_email(user):
    if not user.is_authenticated or not user.is_active:
        return False
    cached = getattr(user, "_has_verified_email", None)
    if cached is None:
        cached = EmailAddress.objects.filter(user=user, verified=True).exists()
        user._has_verified_email = cached
    return cached
