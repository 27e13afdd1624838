"""What each app of the suite needs beside it, and the system checks that tell a host what is missing.

An app declares ``requires`` on its ``AppConfig``: the apps (the frame, another plugin, a library's
Django app) it imports or whose models it points to. Everything else between plugins is optional
cooperation through the registry, the moderation contract or signals (docs/integrate.md).
"""

from django.apps import apps
from django.conf import settings
from django.core import checks
from django.core.exceptions import ImproperlyConfigured
from django.urls import NoReverseMatch, reverse

from .conf import DEFAULTS, get_setting

CONTEXT_PROCESSOR = "consultations.context_processors.participation"


def optional_reverse(name, *args):
    """The address of a page of an app that may not be installed (the admin, exports...), or ""."""
    try:
        return reverse(name, args=args)
    except NoReverseMatch:
        return ""


def requirements(app_config):
    return tuple(getattr(app_config, "requires", ()))


def suite_apps():
    """The installed apps that declare what they need: the frame and its plugins."""
    return [config for config in apps.get_app_configs() if hasattr(config, "requires")]


@checks.register()
def check_requirements(app_configs=None, **kwargs):
    errors = []
    for config in suite_apps():
        for name in requirements(config):
            if not apps.is_installed(name):
                errors.append(
                    checks.Error(
                        f"{config.name} needs {name!r}, which is not in INSTALLED_APPS.",
                        hint=f"Add {name!r} to INSTALLED_APPS (see docs/integrate.md), or remove {config.name!r}.",
                        obj=config.name,
                        id="participation.E001",
                    )
                )
    return errors


def refuse_missing_requirements():
    """At start-up (the frame's ready()): a missing app would otherwise surface as an obscure import
    error from the URLconf, before the system checks get a chance to speak."""
    errors = check_requirements()
    if errors:
        raise ImproperlyConfigured("\n".join(f"({error.id}) {error.msg} HINT: {error.hint}" for error in errors))


@checks.register(checks.Tags.templates)
def check_base_template(app_configs=None, **kwargs):
    """A host that names its layout but forgot the context processor would silently get base.html."""
    if get_setting("BASE_TEMPLATE") == DEFAULTS["BASE_TEMPLATE"]:
        return []
    processors = [
        name
        for engine in settings.TEMPLATES
        if engine["BACKEND"] == "django.template.backends.django.DjangoTemplates"
        for name in engine.get("OPTIONS", {}).get("context_processors", [])
    ]
    if CONTEXT_PROCESSOR in processors:
        return []
    return [
        checks.Warning(
            f"PARTICIPATION['BASE_TEMPLATE'] is {get_setting('BASE_TEMPLATE')!r}, but the apps' pages extend "
            f"{DEFAULTS['BASE_TEMPLATE']!r}: {CONTEXT_PROCESSOR!r} is missing from the template context processors.",
            hint=f"Add {CONTEXT_PROCESSOR!r} to TEMPLATES[...]['OPTIONS']['context_processors'].",
            id="participation.W001",
        )
    ]
