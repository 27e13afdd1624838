"""One accessor for the apps' settings: ``PARTICIPATION = {...}`` in the host site overrides these."""

from django.conf import settings
from django.utils.module_loading import import_string

DEFAULTS = {
    "SITE_NAME": "La Part Citoyenne",
    "SITE_URL": "http://127.0.0.1:8000",
    # Dotted path to a function(user) -> bool: is this an account with a verified email?
    "VERIFIED_EMAIL_CHECK": "consultations.identity.active_user",
    # Dotted path to a function(user) -> str: the one name a person appears under (never an e-mail).
    "PUBLIC_NAME": "consultations.identity.default_public_name",
    # The host's page layout that every template of the apps extends (blocks: docs/integrate.md).
    "BASE_TEMPLATE": "base.html",
    # The host's sign-up page: a URL name or a path; no link where it does not resolve.
    "SIGNUP_URL": "account_signup",
    # The group that carries the moderator role (staff is Django's is_staff flag, not a group).
    "MODERATOR_GROUP": "moderator",
    # Or a dotted path to the host's own function(user) -> bool deciding who moderates (then the group is ignored).
    "MODERATOR_CHECK": None,
    "PROGRAMME_PAGE_SIZE": 20,
    # Page form posts (propose, comment, support, join...) per person and minute, all apps together.
    "WRITES_PER_MINUTE": 30,
    # The same content from the same person within this many seconds is a double submit: the first
    # one saved answers it (consultations.duplicates).
    "DUPLICATE_SUBMIT_SECONDS": 10,
    # Background tasks (consultations.background): attempts in all, and the wait before the first retry
    # (doubled at each one).
    "TASK_ATTEMPTS": 3,
    "TASK_BACKOFF_SECONDS": 30,
    # A worker beats this often; one silent for WORKER_STALE_SECONDS is taken for dead: its running
    # tasks are failed and retried, and the health page says the worker is down.
    "WORKER_HEARTBEAT_SECONDS": 5,
    "WORKER_STALE_SECONDS": 30,
    # An event's image (consultations.images); a proposal's attachment has its own limit.
    "IMAGE_MAX_BYTES": 5 * 1024 * 1024,
    # Where a session's video may come from (consultations.streams): YouTube and Vimeo always; these
    # PeerTube instances (embedded), BigBlueButton and Jitsi servers (a link to join). The host's CSP
    # frame-src must list consultations.streams.frame_sources().
    "STREAMS": {"PEERTUBE_HOSTS": [], "BBB_HOSTS": [], "JITSI_HOSTS": ["meet.jit.si"]},
}


def get_setting(name):
    overrides = getattr(settings, "PARTICIPATION", {})
    if name in overrides:
        return overrides[name]
    return DEFAULTS[name]


def verified_email_check():
    return import_string(get_setting("VERIFIED_EMAIL_CHECK"))
