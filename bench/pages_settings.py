"""The site as production serves it to a browser, for ``python -m bench pages``: collected static
files compressed by WhiteNoise (CompressedManifestStaticFilesStorage), pages gzipped, DEBUG off."""

from pathlib import Path

from lapartcitoyenne.settings import *  # noqa: F403
from lapartcitoyenne.settings import BASE_DIR, MIDDLEWARE, STORAGES

DEBUG = False
ALLOWED_HOSTS = ["127.0.0.1", "localhost"]
PAGES_DIR = Path(BASE_DIR) / "var" / "bench" / "pages"
PAGES_DIR.mkdir(parents=True, exist_ok=True)
DATABASES = {"default": {"ENGINE": "django.db.backends.sqlite3", "NAME": PAGES_DIR / "pages.sqlite3"}}
STATIC_ROOT = PAGES_DIR / "static"
MEDIA_ROOT = PAGES_DIR / "media"
STORAGES = {**STORAGES, "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"}}
WHITENOISE_USE_FINDERS = False
WHITENOISE_AUTOREFRESH = False
if "django.middleware.gzip.GZipMiddleware" not in MIDDLEWARE:
    MIDDLEWARE = [*MIDDLEWARE[:2], "django.middleware.gzip.GZipMiddleware", *MIDDLEWARE[2:]]
MAILERS = {"default": {"BACKEND": "django.core.mail.backends.locmem.EmailBackend"}}
LOGGING = {"version": 1, "disable_existing_loggers": True, "root": {"level": "ERROR", "handlers": []}}
