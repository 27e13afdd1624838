"""Settings of the live rooms, overridable in ``PARTICIPATION = {"LIVE": {...}}``."""

from django.conf import settings

DEFAULTS = {
    # Longest message or question, in characters.
    "MAX_LENGTH": 500,
    # At most RATE_COUNT messages and questions per person within RATE_SECONDS, whatever the slow mode.
    "RATE_COUNT": 5,
    "RATE_SECONDS": 10,
    # At most IP_RATE_COUNT actions from one IP address within RATE_SECONDS: generous, since a whole
    # room of a community centre may share one address, but a script with many accounts is stopped.
    "IP_RATE_COUNT": 60,
    # Events sent at most in one replay frame batch, and by the HTTP history.
    "REPLAY_LIMIT": 500,
    # Seconds between two presence broadcasts of a room in one process.
    "PRESENCE_INTERVAL": 1.0,
}


def live_setting(name):
    overrides = getattr(settings, "PARTICIPATION", {}).get("LIVE", {})
    return overrides.get(name, DEFAULTS[name])
