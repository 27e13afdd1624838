"""A foreign host for one plugin: the frame, that plugin and only what it declares, on Django's own User.

Each module of this package is the settings of one host (``tests.plugin_hosts.comments``...); the
installed apps are read from the plugin's ``AppConfig.requires``, so a plugin that starts to need
another without declaring it fails its host's tests. Its pages extend the host's own layout
(``tests/plugin_templates/host/layout.html``), not the site's. ``make test-plugins`` runs them all.
"""

from importlib import import_module
from pathlib import Path

from django.apps import AppConfig

TESTS_DIR = Path(__file__).resolve().parent.parent
DJANGO_APPS = [
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
]
# The Django app a requirement names, where it is installed through another config.
APP_ENTRIES = {"rules": "rules.apps.AutodiscoverRulesConfig"}


def app_config_class(name):
    """The AppConfig of an app of the suite, read without setting Django up."""
    module = import_module(f"{name}.apps")
    return next(
        value
        for value in vars(module).values()
        if isinstance(value, type) and issubclass(value, AppConfig) and getattr(value, "name", None) == name
    )


def with_requirements(name, seen=None):
    """The app and everything it requires, dependencies first."""
    seen = [] if seen is None else seen
    if name in seen or name in DJANGO_APPS:
        return seen
    if name.startswith(("consultations", "participation.")):
        for required in app_config_class(name).requires:
            with_requirements(required, seen)
    seen.append(name)
    return seen


def settings_for(plugin):
    apps = [APP_ENTRIES.get(name, name) for name in with_requirements(plugin)]
    return {
        "PLUGIN": plugin,
        # The suite's apps first, as the site lists them: where two catalogues translate the same
        # word ("Email"), the first app wins, and the suite's wording must.
        "INSTALLED_APPS": [name for name in apps if name not in DJANGO_APPS] + DJANGO_APPS,
        **COMMON,
    }


COMMON = {
    "SECRET_KEY": "plugin-tests-only",
    "DEBUG": False,
    "ALLOWED_HOSTS": ["testserver", "127.0.0.1", "localhost"],
    "MIDDLEWARE": [
        "django.contrib.sessions.middleware.SessionMiddleware",
        "django.middleware.common.CommonMiddleware",
        "django.middleware.csrf.CsrfViewMiddleware",
        "django.contrib.auth.middleware.AuthenticationMiddleware",
        "django.contrib.messages.middleware.MessageMiddleware",
        "django_htmx.middleware.HtmxMiddleware",
    ],
    "ROOT_URLCONF": "tests.plugin_hosts.urls",
    "ASGI_APPLICATION": "tests.plugin_hosts.asgi.application",
    "TEMPLATES": [
        {
            "BACKEND": "django.template.backends.django.DjangoTemplates",
            "DIRS": [TESTS_DIR / "plugin_templates"],
            "APP_DIRS": True,
            "OPTIONS": {
                "context_processors": [
                    "django.template.context_processors.request",
                    "django.contrib.auth.context_processors.auth",
                    "django.contrib.messages.context_processors.messages",
                    "consultations.context_processors.participation",
                ],
            },
        },
    ],
    "DATABASES": {"default": {"ENGINE": "django.db.backends.sqlite3", "NAME": ":memory:"}},
    "DEFAULT_AUTO_FIELD": "django.db.models.BigAutoField",
    "AUTH_USER_MODEL": "auth.User",
    "AUTHENTICATION_BACKENDS": [
        "rules.permissions.ObjectPermissionBackend",
        "django.contrib.auth.backends.ModelBackend",
    ],
    "LOGIN_URL": "/connexion/",
    "PASSWORD_HASHERS": ["django.contrib.auth.hashers.MD5PasswordHasher"],
    "MAILERS": {"default": {"BACKEND": "django.core.mail.backends.locmem.EmailBackend"}},
    "TASKS": {"default": {"BACKEND": "django.tasks.backends.immediate.ImmediateBackend"}},
    "CACHES": {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}},
    "CHANNEL_LAYERS": {"default": {"BACKEND": "participation.live.layers.InMemoryChannelLayer"}},
    "LANGUAGE_CODE": "fr",
    "TIME_ZONE": "Europe/Paris",
    "USE_I18N": True,
    "USE_TZ": True,
    "STATIC_URL": "/static/",
    "MEDIA_URL": "/media/",
    "REST_FRAMEWORK": {
        "DEFAULT_AUTHENTICATION_CLASSES": ["rest_framework.authentication.SessionAuthentication"],
        "DEFAULT_FILTER_BACKENDS": ["consultations.api_filters.ListFilterBackend"],
        "EXCEPTION_HANDLER": "consultations.api_errors.exception_handler",
        "DEFAULT_PAGINATION_CLASS": "rest_framework.pagination.PageNumberPagination",
        "PAGE_SIZE": 20,
        "DEFAULT_THROTTLE_RATES": {"write": "1000/minute"},
    },
    "PARTICIPATION": {
        "SITE_URL": "http://testserver",
        "BASE_TEMPLATE": "host/layout.html",
        "VERIFIED_EMAIL_CHECK": "tests.plugin_hosts.identity.has_verified_email",
    },
}
