"""Settings of the export engine, read from ``settings.PARTICIPATION`` with these defaults."""

from pathlib import Path

from django.conf import settings

DEFAULTS = {
    # Where finished export files are kept: outside MEDIA_ROOT, since they may hold personal data.
    "EXPORTS_ROOT": None,
    # How long a download link (and its file) lives, in seconds.
    "EXPORTS_LINK_MAX_AGE": 24 * 60 * 60,
    # Rows fetched per database round trip while streaming.
    "EXPORTS_CHUNK_SIZE": 2000,
    # Datasets declaring "fields" are read as plain values, and on PostgreSQL written by COPY
    # (participation.exports.fields). Off: every dataset through its row function (a benchmark's "before").
    "EXPORTS_FAST_PATHS": True,
}


def get(name):
    return getattr(settings, "PARTICIPATION", {}).get(name, DEFAULTS[name])


def exports_root():
    return Path(get("EXPORTS_ROOT") or Path(settings.MEDIA_ROOT).parent / "private-exports")
