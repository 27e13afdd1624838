"""Settings of a city's own Django site that adds two tools of La Part Citoyenne: live rooms for its
webinars and questionnaires. Nothing here comes from the La Part Citoyenne site (docs/integrate.md).
"""

import os
from pathlib import Path

BASE_DIR = Path(__file__).resolve().parent.parent

SECRET_KEY = os.environ.get("SECRET_KEY", "example-host-only-never-in-production")
DEBUG = os.environ.get("DEBUG", "1") == "1"
ALLOWED_HOSTS = ["127.0.0.1", "localhost"]

INSTALLED_APPS = [
    "daphne",  # runserver speaks ASGI, so the live rooms' websockets work in development
    # The suite's apps before django.contrib: where two catalogues translate a word, theirs wins.
    "consultations",
    "participation.surveys",
    "participation.live",
    "ville",
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "rest_framework",
    "django_filters",
    "rules.apps.AutodiscoverRulesConfig",
]
MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "django_htmx.middleware.HtmxMiddleware",
]
ROOT_URLCONF = "ville.urls"
ASGI_APPLICATION = "ville.asgi.application"
TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [],
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
]
DATABASES = {
    "default": {
        "ENGINE": "django.db.backends.sqlite3",
        "NAME": os.environ.get("EXAMPLE_DATABASE", str(BASE_DIR / "example.sqlite3")),
        "OPTIONS": {"transaction_mode": "IMMEDIATE", "timeout": 20},
    }
}
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# Django's own User and its login page: no allauth, no custom user model.
AUTHENTICATION_BACKENDS = ["rules.permissions.ObjectPermissionBackend", "django.contrib.auth.backends.ModelBackend"]
LOGIN_URL = "login"
LOGIN_REDIRECT_URL = "home"

# One process: the in-memory layer. Several processes share rooms through channels_redis instead.
CHANNEL_LAYERS = {
    "default": {"BACKEND": "participation.live.layers.InMemoryChannelLayer", "CONFIG": {"group_expiry": 365 * 24 * 3600}}
}
TASKS = {"default": {"BACKEND": "django.tasks.backends.immediate.ImmediateBackend"}}
MAILERS = {"default": {"BACKEND": "django.core.mail.backends.console.EmailBackend"}}

LANGUAGE_CODE = "fr"
TIME_ZONE = "Europe/Paris"
USE_I18N = True
USE_TZ = True
STATIC_URL = "/static/"

REST_FRAMEWORK = {
    "DEFAULT_AUTHENTICATION_CLASSES": ["rest_framework.authentication.SessionAuthentication"],
    # Every API error as {detail, code}, and list filters that leave detail routes alone.
    "EXCEPTION_HANDLER": "consultations.api_errors.exception_handler",
    "DEFAULT_FILTER_BACKENDS": ["consultations.api_filters.ListFilterBackend"],
    "DEFAULT_THROTTLE_RATES": {"write": "60/minute"},
}

PARTICIPATION = {
    "SITE_NAME": "Ville de Vierzon",
    "SITE_URL": "http://127.0.0.1:8001",
    "BASE_TEMPLATE": "ville/page.html",
    # The city has no e-mail verification: any active account takes part (the default check), and
    # people appear under their first name (the default public name reads get_full_name()).
}
