"""Demo people shared by the apps' demo data, on any user model (the site's or Django's own)."""

import functools

from django.apps import apps
from django.contrib.auth import get_user_model
from django.contrib.auth.hashers import make_password

DEMO_DOMAIN = "demo.lapartcitoyenne.fr"
DEMO_RESIDENT_PASSWORD = "participer-ensemble"


@functools.cache
def _password_hash(password):
    """Hashed once per load: each hash costs the hasher's full work factor, dozens of accounts share it."""
    return make_password(password)


def demo_resident(local_part, display_name=None, password=DEMO_RESIDENT_PASSWORD):
    """A demo account with a verified email (through allauth when the host uses it). Idempotent.

    ``password=None`` makes an account nobody can log in to (people who only appear in figures).
    """
    User = get_user_model()
    email = f"{local_part}@{DEMO_DOMAIN}"
    field_names = {field.name for field in User._meta.get_fields()}
    defaults = {"email": email}
    # Without a name, the host's own rule names the account (never the e-mail's local part).
    if display_name and "display_name" in field_names:
        defaults["display_name"] = display_name
    elif display_name and "first_name" in field_names:
        defaults["first_name"] = display_name
    lookup = {User.USERNAME_FIELD: email if User.USERNAME_FIELD == "email" else local_part}
    user, created = User.objects.get_or_create(**lookup, defaults=defaults)
    if created:
        user.password = _password_hash(password) if password else make_password(None)
        user.save(update_fields=["password"])
    if apps.is_installed("allauth.account"):
        EmailAddress = apps.get_model("account", "EmailAddress")
        EmailAddress.objects.get_or_create(user=user, email=email, defaults={"verified": True, "primary": True})
    return user
