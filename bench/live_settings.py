"""The site's settings for the live room's write bench: the rate limits lifted, every other check kept.

All the bench's senders are citizens on 127.0.0.1: the per-address limit (60 actions per 10 s) and
the per-person one (5 per 10 s) would refuse the loads it measures. The checks still run, and read
the database as in production; only their thresholds are out of reach.
"""

import os

from lapartcitoyenne.settings import *  # noqa: F403
from lapartcitoyenne.settings import PARTICIPATION

# BENCH_READ_THREADS / BENCH_WRITE_THREADS try other sizes of the rooms' thread pools.
_threads = {
    name: int(os.environ[f"BENCH_{name}"]) for name in ("READ_THREADS", "WRITE_THREADS") if f"BENCH_{name}" in os.environ
}
PARTICIPATION = {
    **PARTICIPATION,
    "LIVE": {**PARTICIPATION["LIVE"], "RATE_COUNT": 1_000_000, "IP_RATE_COUNT": 1_000_000, **_threads},
}
