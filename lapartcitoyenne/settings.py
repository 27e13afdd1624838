"""Settings of the La Part Citoyenne site.

Everything that differs between a laptop and production comes from environment variables.
Without any, the site runs in its embedded mode: SQLite, the in-memory channel layer, the
immediate task backend, e-mails written to files under var/mail/. ``DJANGO_ENV=production`` turns on the
production checks and refuses to start without ``SECRET_KEY``.
"""

import os
from datetime import timedelta
from pathlib import Path

import dj_database_url
from django.core.exceptions import ImproperlyConfigured
from django.utils.translation import gettext_lazy as _

BASE_DIR = Path(__file__).resolve().parent.parent


def env(name, default=None):
    return os.environ.get(name, default)


def env_bool(name, default=False):
    value = os.environ.get(name)
    if value is None:
        return default
    return value.strip().lower() in {"1", "true", "yes", "on"}


def env_list(name, default=""):
    return [item.strip() for item in env(name, default).split(",") if item.strip()]


PRODUCTION = env("DJANGO_ENV", "development") == "production"
DEBUG = env_bool("DEBUG", not PRODUCTION)

SECRET_KEY = env("SECRET_KEY")
if not SECRET_KEY:
    if PRODUCTION:
        raise ImproperlyConfigured("SECRET_KEY must be set when DJANGO_ENV=production.")
    SECRET_KEY = "django-insecure-embedded-mode-only-never-use-in-production"

ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", "" if PRODUCTION else "127.0.0.1,localhost,testserver")
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS")
# A French page in the site's layout instead of Django's English one (lapartcitoyenne.errors).
CSRF_FAILURE_VIEW = "lapartcitoyenne.errors.csrf_failure"
SITE_URL = env("SITE_URL", "http://127.0.0.1:8000")

# Our apps come first: where two catalogues translate the same string (admin's "Filter" is
# "Filtre"), the first app wins, and our wording must.
INSTALLED_APPS = [
    "daphne",
    "lapartcitoyenne.accounts",
    "lapartcitoyenne",
    "consultations",
    "participation.councils",
    "participation.comments",
    "participation.proposals",
    "participation.surveys",
    "participation.live",
    "participation.moderation",
    "participation.budgets",
    "participation.exports",
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.humanize",
    "channels",
    "rest_framework",
    "rest_framework.authtoken",
    "drf_spectacular",
    "drf_spectacular_sidecar",
    "django_filters",
    "django_htmx",
    "rules.apps.AutodiscoverRulesConfig",
    "allauth",
    "allauth.account",
    "allauth.mfa",
    # After consultations, whose db_worker command (with a heartbeat) replaces the package's own.
    "django_tasks_db",
]

MIDDLEWARE = [
    # Outermost: the one log line per request times everything below it.
    "lapartcitoyenne.request_log.RequestLogMiddleware",
    "django.middleware.security.SecurityMiddleware",
    "lapartcitoyenne.ratelimit.RetryAfterMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "lapartcitoyenne.locale_middleware.FrenchFirstLocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    # After authentication, so that it sees who the page was for (consultations.http).
    "consultations.http.PrivateCacheMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "django.middleware.csp.ContentSecurityPolicyMiddleware",
    "allauth.account.middleware.AccountMiddleware",
    "django_htmx.middleware.HtmxMiddleware",
    "lapartcitoyenne.accounts.middleware.StaffTwoFactorMiddleware",
    "lapartcitoyenne.ratelimit.WriteRateLimitMiddleware",
    "participation.moderation.middleware.BlockedPostingMiddleware",
]

# WhiteNoise serves static files from any server process (daphne in the live-room tests and the
# benchmarks, the WSGI server in production): collected files in production, the apps' in development.
MIDDLEWARE.insert(2, "whitenoise.middleware.WhiteNoiseMiddleware")
# Pages leave compressed in production, whatever the proxy does (nginx passes a gzipped answer
# through; docs/weight.md). After WhiteNoise, which serves its own pre-compressed static files.
# Django's GZipMiddleware pads each answer with random bytes against BREACH-style guessing.
COMPRESS_PAGES = env_bool("COMPRESS_PAGES", PRODUCTION)
if COMPRESS_PAGES:
    MIDDLEWARE.insert(3, "django.middleware.gzip.GZipMiddleware")

ROOT_URLCONF = "lapartcitoyenne.urls"
WSGI_APPLICATION = "lapartcitoyenne.wsgi.application"
ASGI_APPLICATION = "lapartcitoyenne.asgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.template.context_processors.csp",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "consultations.context_processors.participation",
            ],
        },
    },
]

DATABASES = {
    "default": dj_database_url.parse(
        env("DATABASE_URL", f"sqlite:///{BASE_DIR / 'db.sqlite3'}"), conn_max_age=0
    )
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.postgresql":
    # The pool holds a connection per thread that works at once: Channels' thread, the live rooms'
    # write and read threads (participation.live.dbthreads), the HTTP views' threads.
    _pool_size = int(env("DATABASE_POOL_SIZE", "12"))
    DATABASES["default"].setdefault("OPTIONS", {})["pool"] = (
        {"min_size": 2, "max_size": _pool_size} if env_bool("DATABASE_POOL", True) else False
    )
elif DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # WAL and a busy timeout let the ASGI server's threads write without "database is locked".
    DATABASES["default"]["OPTIONS"] = {
        "transaction_mode": "IMMEDIATE",
        "timeout": 20,
        "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;",
    }
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

REDIS_URL = env("REDIS_URL")
# Live rooms fan a message out once per process, not once per client: Redis pub/sub delivers at
# most once, and the rooms replay any gap from the database (participation.live).
if REDIS_URL:
    CHANNEL_LAYERS = {
        "default": {
            "BACKEND": "channels_redis.pubsub.RedisPubSubChannelLayer",
            "CONFIG": {"hosts": [REDIS_URL]},
        }
    }
    # Fails open (lapartcitoyenne.cache): with Redis down, pages and writes go on without rate limits.
    CACHES = {
        "default": {
            "BACKEND": "lapartcitoyenne.cache.FailOpenRedisCache",
            "LOCATION": REDIS_URL,
            "OPTIONS": {"socket_connect_timeout": 0.5, "socket_timeout": 0.5},
        }
    }
else:
    # A room's process joins its group once while anyone is in the room (participation.live.fanout), so
    # the membership must outlive Channels' one-day default expiry.
    CHANNEL_LAYERS = {
        "default": {
            "BACKEND": "participation.live.layers.InMemoryChannelLayer",
            "CONFIG": {"group_expiry": 365 * 24 * 3600},
        }
    }
    CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}

# Embedded mode: each task runs at once, inside the request that enqueued it. Production: tasks are
# rows in the database, run by `manage.py db_worker` (docs/operations.md).
TASKS_BACKENDS = {
    "immediate": "django.tasks.backends.immediate.ImmediateBackend",
    "database": "django_tasks_db.DatabaseBackend",
}
_tasks_backend = env("TASKS_BACKEND", "database" if PRODUCTION else "immediate")
TASKS = {"default": {"BACKEND": TASKS_BACKENDS.get(_tasks_backend, _tasks_backend)}}

AUTH_USER_MODEL = "accounts.User"
AUTHENTICATION_BACKENDS = [
    "rules.permissions.ObjectPermissionBackend",
    "django.contrib.auth.backends.ModelBackend",
    "allauth.account.auth_backends.AuthenticationBackend",
]
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
LOGIN_URL = "account_login"
LOGIN_REDIRECT_URL = "home"

# allauth: log in by email, verified email mandatory, its rate limits kept on. Sign-up also asks for
# the public name and the neighbourhood (accounts.forms.SignupForm); after the e-mailed link the
# person is signed in and back on the page they signed up from (accounts.adapter).
ACCOUNT_LOGIN_METHODS = {"email"}
ACCOUNT_SIGNUP_FIELDS = ["email*", "password1*", "password2*"]
ACCOUNT_FORMS = {"signup": "lapartcitoyenne.accounts.forms.SignupForm"}
ACCOUNT_ADAPTER = "lapartcitoyenne.accounts.adapter.AccountAdapter"
ACCOUNT_USER_DISPLAY = "consultations.identity.public_name"
ACCOUNT_USER_MODEL_USERNAME_FIELD = None
ACCOUNT_EMAIL_VERIFICATION = "mandatory"
ACCOUNT_EMAIL_VERIFICATION_BY_CODE_ENABLED = False
ACCOUNT_CHANGE_EMAIL = True
ACCOUNT_UNIQUE_EMAIL = True
ACCOUNT_LOGIN_ON_EMAIL_CONFIRMATION = True
ACCOUNT_CONFIRM_EMAIL_ON_GET = False
ACCOUNT_LOGOUT_ON_PASSWORD_CHANGE = False
ACCOUNT_EMAIL_SUBJECT_PREFIX = "[La Part Citoyenne] "
ACCOUNT_DEFAULT_HTTP_PROTOCOL = "https" if PRODUCTION else "http"
ACCOUNT_RATE_LIMITS = {
    "login": "30/m/ip",
    "login_failed": "10/m/ip,5/5m/key",
    "signup": "20/m/ip",
    "confirm_email": "1/3m/key",
    "reset_password": "20/m/ip,5/m/key",
    "change_password": "5/m/user",
    "manage_email": "10/m/user",
}
MFA_SUPPORTED_TYPES = ["totp", "recovery_codes"]
MFA_TOTP_ISSUER = "La Part Citoyenne"
# Roles (groups) that must confirm a TOTP device before any page or API call; is_staff always does.
TWO_FACTOR_REQUIRED_GROUPS = ["moderator"]
# A personal API token stops working this long after it was created; « My account » renews it.
API_TOKEN_MAX_AGE = timedelta(days=int(os.environ.get("API_TOKEN_MAX_AGE_DAYS", "90")))

# Django 6.1 mailers. EMAIL_BACKEND picks the backend: file (default in the embedded mode), console, smtp.
EMAIL_BACKENDS = {
    "console": ("django.core.mail.backends.console.EmailBackend", {}),
    "file": (
        "django.core.mail.backends.filebased.EmailBackend",
        {"file_path": env("EMAIL_FILE_PATH", str(BASE_DIR / "var" / "mail"))},
    ),
    "smtp": (
        "django.core.mail.backends.smtp.EmailBackend",
        {
            "host": env("EMAIL_HOST", "localhost"),
            "port": int(env("EMAIL_PORT", "25")),
            "username": env("EMAIL_HOST_USER", ""),
            "password": env("EMAIL_HOST_PASSWORD", ""),
            "use_tls": env_bool("EMAIL_USE_TLS"),
            "use_ssl": env_bool("EMAIL_USE_SSL"),
        },
    ),
}
# The embedded mode writes each e-mail to a file under var/mail/ (make run says where), not to the console.
_email_backend, _email_options = EMAIL_BACKENDS[env("EMAIL_BACKEND", "smtp" if PRODUCTION else "file")]
MAILERS = {"default": {"BACKEND": _email_backend, "OPTIONS": _email_options}}
DEFAULT_FROM_EMAIL = env("DEFAULT_FROM_EMAIL", "La Part Citoyenne <ne-pas-repondre@lapartcitoyenne.fr>")
SERVER_EMAIL = DEFAULT_FROM_EMAIL

LANGUAGE_CODE = "fr"
LANGUAGES = [("fr", _("French")), ("en", _("English"))]
LOCALE_PATHS = [BASE_DIR / "lapartcitoyenne" / "locale"]
TIME_ZONE = "Europe/Paris"
USE_I18N = True
USE_TZ = True

STATIC_URL = "/static/"
STATIC_ROOT = env("STATIC_ROOT", str(BASE_DIR / "var" / "static")) if PRODUCTION else None
MEDIA_URL = "/media/"
MEDIA_ROOT = Path(env("MEDIA_ROOT", str(BASE_DIR / "var" / "media")))
WHITENOISE_USE_FINDERS = not PRODUCTION
WHITENOISE_AUTOREFRESH = not PRODUCTION
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {
        "BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"
        if PRODUCTION
        else "django.contrib.staticfiles.storage.StaticFilesStorage"
    },
}
if env("STORAGE_BACKEND", "filesystem") == "s3":
    from .storage_settings import s3_storages

    STORAGES.update(s3_storages(os.environ))

# The API: DRF and its OpenAPI schema (lapartcitoyenne.api_settings).
from .api_settings import REST_FRAMEWORK, SPECTACULAR_SETTINGS  # noqa: E402, F401

# Writes through pages and the API (lapartcitoyenne.ratelimit), per signed-in person and per IP.
WRITE_RATE_PER_USER = env("WRITE_RATE_PER_USER", "60/m")
WRITE_RATE_PER_IP = env("WRITE_RATE_PER_IP", "300/m")
# The contact form (lapartcitoyenne.contact): where it writes when staff set no address in the admin
# (site settings), and how many messages one address or person may send.
CONTACT_EMAIL = env("CONTACT_EMAIL", "")
CONTACT_RATE = env("CONTACT_RATE", "5/h")
# Behind a proxy, the client's address is in a header the proxy sets (e.g. HTTP_X_REAL_IP).
RATELIMIT_IP_META_KEY = env("RATELIMIT_IP_META_KEY") or None
# allauth's own limits (logins 30/m per address, sign-ups, resets) read that header too: without it,
# behind nginx every visitor is 127.0.0.1 and the 31st sign-in of a minute was refused site-wide.
ALLAUTH_TRUSTED_CLIENT_IP_HEADER = (
    RATELIMIT_IP_META_KEY.removeprefix("HTTP_").replace("_", "-") if (RATELIMIT_IP_META_KEY or "").startswith("HTTP_") else None
)
# A cache that cannot count (Redis unreachable) lets the request through rather than refusing it.
RATELIMIT_FAIL_OPEN = True
# Anonymous visitors' pages served from the cache for this many seconds (consultations.page_cache):
# they may show counts and new comments that old; moderation, deletions and staff edits take effect at
# once. Off (0) in development and the tests, so that a change shows on the next page.
PAGE_CACHE_SECONDS = int(env("PAGE_CACHE_SECONDS", "5" if PRODUCTION else "0"))

# Where an event session's video may come from (consultations.streams): YouTube and Vimeo always,
# and these PeerTube instances (embedded), BigBlueButton and Jitsi servers (a link to join).
STREAMS = {
    "PEERTUBE_HOSTS": env_list("STREAM_PEERTUBE_HOSTS", ""),
    "BBB_HOSTS": env_list("STREAM_BBB_HOSTS", ""),
    "JITSI_HOSTS": env_list("STREAM_JITSI_HOSTS", "meet.jit.si"),
}

# Content-Security-Policy without inline scripts (Django 6's built-in CSP).
from django.utils.csp import CSP  # noqa: E402

SECURE_CSP = {
    "default-src": [CSP.SELF],
    "script-src": [CSP.SELF, CSP.NONCE],
    "style-src": [CSP.SELF],
    "img-src": [CSP.SELF, "data:"],
    "connect-src": [CSP.SELF, "ws:", "wss:"] if not PRODUCTION else [CSP.SELF, "wss:"],
    # Only the players of the allowed video providers (consultations.streams.frame_sources()).
    "frame-src": [
        "https://www.youtube-nocookie.com",
        "https://player.vimeo.com",
        *(f"https://{host}" for host in sorted(STREAMS["PEERTUBE_HOSTS"])),
    ],
    "frame-ancestors": [CSP.NONE],
    "form-action": [CSP.SELF],
    "base-uri": [CSP.SELF],
    "object-src": [CSP.NONE],
}
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"
SESSION_COOKIE_HTTPONLY = True

if PRODUCTION:
    SECURE_SSL_REDIRECT = env_bool("SECURE_SSL_REDIRECT", True)
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
    # Probes call the health page over plain HTTP on the loopback.
    SECURE_REDIRECT_EXEMPT = [r"^sante/$", r"^healthz$"]
    SECURE_HSTS_SECONDS = int(env("SECURE_HSTS_SECONDS", str(60 * 60 * 24 * 365)))
    SECURE_HSTS_INCLUDE_SUBDOMAINS = True
    SECURE_HSTS_PRELOAD = True
    # Off only where the proxy itself is plain HTTP on loopback (the topology test, docs/deploy.md).
    SESSION_COOKIE_SECURE = CSRF_COOKIE_SECURE = env_bool("SECURE_COOKIES", True)

# Production logs go to standard error as JSON, one line per event (LOG_FORMAT=text for people): one
# line per request (lapartcitoyenne.request_log), the tasks' retries and failures, the worker's news.
# The embedded mode stays quiet (make run prints the address and the demo accounts): LOG_LEVEL=INFO
# shows everything there.
_info_loggers = ["consultations.tasks", "consultations.worker", "django_tasks_db", "django.tasks"] if PRODUCTION else []
if PRODUCTION or env_bool("LOG_REQUESTS"):
    _info_loggers.append("lapartcitoyenne.requests")
LOG_LEVEL = env("LOG_LEVEL", "WARNING")
LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "formatters": {
        "json": {"()": "lapartcitoyenne.log_format.JsonFormatter"},
        "text": {"format": "%(asctime)s %(levelname)s %(name)s %(message)s"},
    },
    "handlers": {
        "console": {"class": "logging.StreamHandler", "formatter": env("LOG_FORMAT", "json" if PRODUCTION else "text")}
    },
    "root": {"handlers": ["console"], "level": LOG_LEVEL},
    "loggers": {
        # Django's default config gives "django" a console handler of its own: with the root's, every
        # line came out twice. One handler (the root's), one level for all.
        "django": {"handlers": [], "level": LOG_LEVEL, "propagate": True},
        # The development server's access line already says "404": not a second "Not Found" line.
        **({} if PRODUCTION else {"django.request": {"handlers": [], "level": "ERROR", "propagate": True}}),
        **{name: {"level": "INFO"} for name in _info_loggers},
    },
}

# Settings of the pluggable apps, read through consultations.conf.get_setting().
PARTICIPATION = {
    "SITE_NAME": "La Part Citoyenne",
    "SITE_URL": SITE_URL,
    "VERIFIED_EMAIL_CHECK": "lapartcitoyenne.accounts.identity.has_verified_email",
    "STREAMS": STREAMS,
    # Websockets one IP address may keep open per server process (200 by default; the bench's
    # thousand clients all come from 127.0.0.1).
    "LIVE": {"MAX_CONNECTIONS_PER_ADDRESS": int(env("LIVE_MAX_CONNECTIONS_PER_ADDRESS", "200"))},
}

# Django's templates, with the select boxes of the filter forms written in Python (same markup).
FORM_RENDERER = "lapartcitoyenne.form_renderer.FormRenderer"
