"""Demo people shared by the apps' demo data, on any user model (the site's or Django's own)."""

from django.apps import apps
from django.contrib.auth import get_user_model

DEMO_DOMAIN = "demo.lapartcitoyenne.fr"
DEMO_RESIDENT_PASSWORD = "participer-ensemble"


def demo_resident(local_part, display_name=None, password=DEMO_RESIDENT_PASSWORD):
    """A demo account with a verified email (through allauth when the host uses it). Idempotent.

    ``password=None`` makes an account nobody can log in to (people who only appear in figures).
    """
    User = get_user_model()
    email = f"{local_part}@{DEMO_DOMAIN}"
    field_names = {field.name for field in User._meta.get_fields()}
    defaults = {"email": email}
    if "display_name" in field_names:
        defaults["display_name"] = display_name or local_part
    elif "first_name" in field_names:
        defaults["first_name"] = display_name or local_part
    lookup = {User.USERNAME_FIELD: email if User.USERNAME_FIELD == "email" else local_part}
    user, created = User.objects.get_or_create(**lookup, defaults=defaults)
    if created:
        user.set_password(password) if password else user.set_unusable_password()
        user.save(update_fields=["password"])
    if apps.is_installed("allauth.account"):
        EmailAddress = apps.get_model("account", "EmailAddress")
        EmailAddress.objects.get_or_create(user=user, email=email, defaults={"verified": True, "primary": True})
    return user
