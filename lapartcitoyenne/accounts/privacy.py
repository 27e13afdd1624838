"""GDPR: a person's data download, account deletion and the retention rules.

Each installed app may provide a ``privacy`` module with any of:

- ``user_data(user) -> dict``: what the app holds about the person, JSON-serialisable;
- ``DATA_LABELS``: each key of that dict named for the readable page (``pgettext_lazy("personal data", ...)``);
- ``forget_user(user)``: called in the deletion transaction, before the account is anonymised
  (e.g. cancel upcoming registrations);
- ``apply_retention(now) -> dict``: delete or anonymise what is past its retention period,
  returning counts by label.

The account itself is never deleted: its row is anonymised, so contributions stay, signed
"Compte supprimé", and counts (supports, registrations) stay exact.
"""

import re
from datetime import datetime
from importlib import import_module

from allauth.account.models import EmailAddress
from allauth.mfa.models import Authenticator
from django.apps import apps
from django.contrib.sessions.models import Session
from django.db import transaction
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import pgettext, pgettext_lazy
from rest_framework.authtoken.models import Token

from consultations.privacy import delete_counted

from .models import DELETED_ACCOUNT_DOMAIN
from .roles import role_names
from consultations import page_cache

ISO_MOMENT = re.compile(r"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}")


def privacy_modules():
    for config in apps.get_app_configs():
        name = f"{config.name}.privacy"
        try:
            module = import_module(name)
        except ModuleNotFoundError as error:
            if error.name == name:
                continue
            raise
        yield config, module


# The readable "Mes données" page names each key of the download in the person's language.
DATA_LABELS = {
    "account": pgettext_lazy("personal data", "Account"),
    "date_joined": pgettext_lazy("personal data", "Account created on"),
    "display_name": pgettext_lazy("personal data", "Display name"),
    "email": pgettext_lazy("personal data", "Email address"),
    "email_addresses": pgettext_lazy("personal data", "Email addresses"),
    "last_login": pgettext_lazy("personal data", "Last login"),
    "primary": pgettext_lazy("personal data", "Primary"),
    "roles": pgettext_lazy("personal data", "Roles"),
    "territory": pgettext_lazy("personal data", "Neighbourhood or territory"),
    "verified": pgettext_lazy("personal data", "Verified"),
}


def collect_user_data(user):
    data = {
        "account": {
            "email": user.email,
            "display_name": user.display_name,
            "territory": str(user.territory) if user.territory_id else None,
            "date_joined": user.date_joined.isoformat(),
            "last_login": user.last_login.isoformat() if user.last_login else None,
            "email_addresses": [
                {"email": address.email, "verified": address.verified, "primary": address.primary}
                for address in EmailAddress.objects.filter(user=user)
            ],
            "roles": role_names(user),
        }
    }
    for config, module in privacy_modules():
        if hasattr(module, "user_data") and module.__name__ != __name__:
            data[config.label] = module.user_data(user)
    return data


def _anonymise_account(user):
    user.email = f"compte-supprime-{user.pk}@{DELETED_ACCOUNT_DOMAIN}"
    user.display_name = ""
    user.territory = None
    user.is_active = False
    user.is_staff = False
    user.is_superuser = False
    user.set_unusable_password()
    user.save()
    user.groups.clear()
    user.user_permissions.clear()
    EmailAddress.objects.filter(user=user).delete()
    Authenticator.objects.filter(user=user).delete()
    Token.objects.filter(user=user).delete()
    # No need to hunt the person's sessions: the unusable password changes the session hash, so
    # Django refuses them all on their next request, and apply_retention deletes them on expiry.


@transaction.atomic
def delete_account(user):
    """Anonymise the account; each app first forgets what it must (upcoming registrations...)."""
    for _config, module in privacy_modules():
        if hasattr(module, "forget_user") and module.__name__ != __name__:
            module.forget_user(user)
    _anonymise_account(user)
    page_cache.invalidate()  # their name leaves every page at once


UNVERIFIED_ACCOUNT_RETENTION_DAYS = 30
INACTIVE_ACCOUNT_RETENTION_DAYS = 3 * 365


def apply_retention(now=None):
    """The site's own rules, then each app's; returns counts by label for the command to print."""
    from datetime import timedelta

    from django.contrib.auth import get_user_model

    now = now or timezone.now()
    User = get_user_model()
    report = {}
    never_verified = User.objects.filter(
        is_active=True,
        is_staff=False,
        date_joined__lt=now - timedelta(days=UNVERIFIED_ACCOUNT_RETENTION_DAYS),
    ).exclude(emailaddress__verified=True)
    report["unverified accounts deleted"] = delete_counted(never_verified)
    inactive = User.objects.filter(
        is_active=True,
        is_staff=False,
        last_login__lt=now - timedelta(days=INACTIVE_ACCOUNT_RETENTION_DAYS),
    )
    count = 0
    for user in inactive.iterator():
        delete_account(user)
        count += 1
    report["inactive accounts anonymised"] = count
    report["expired sessions deleted"] = delete_counted(Session.objects.filter(expire_date__lt=now))
    for config, module in privacy_modules():
        if hasattr(module, "apply_retention") and module.__name__ != __name__:
            report.update(module.apply_retention(now))
    if any(report.values()):
        page_cache.invalidate()
    return report


def _labels():
    labels = {}
    for _config, module in privacy_modules():
        labels.update(getattr(module, "DATA_LABELS", {}))
    return labels


def _section_title(key, labels):
    if key in labels:
        return labels[key]
    config = apps.app_configs.get(key)  # a section per app, named by its label
    return config.verbose_name if config else key


def _readable(value):
    """A value as a French reader expects it: yes / no, dates in the local format, "—" for nothing."""
    if value is None or value == "" or value == []:
        return "—"
    if isinstance(value, bool):
        return pgettext("personal data", "yes") if value else pgettext("personal data", "no")
    if isinstance(value, str) and ISO_MOMENT.match(value):
        moment = datetime.fromisoformat(value)
        return date_format(timezone.localtime(moment) if timezone.is_aware(moment) else moment, "DATETIME_FORMAT")
    if isinstance(value, list):
        return ", ".join(str(_readable(item)) for item in value)
    return value


def readable_sections(data):
    """Shape collected data for a page: per section, plain fields then one table per list."""
    labels = _labels()
    sections = []
    for section, content in data.items():
        fields, tables = [], []
        for key, value in content.items():
            label = labels.get(key, key)
            if isinstance(value, list) and value and all(isinstance(row, dict) for row in value):
                keys = list(value[0].keys())
                headers = [labels.get(header, header) for header in keys]
                tables.append({
                    "title": label,
                    "headers": headers,
                    # Each cell with its column's name: on a phone the rows stack, labelled cell by cell.
                    "rows": [list(zip(headers, [_readable(row.get(key)) for key in keys])) for row in value],
                })
            else:
                fields.append((label, _readable(value)))
        sections.append({"title": _section_title(section, labels), "fields": fields, "tables": tables})
    return sections
