"""The site's settings for the live room's write bench: the rate limits lifted, every other check kept.

All the bench's senders are citizens on 127.0.0.1: the per-address limit (60 actions per 10 s) and
the per-person one (5 per 10 s) would refuse the loads it measures. The checks still run, and read
the database as in production; only their thresholds are out of reach.
"""

from lapartcitoyenne.settings import *  # noqa: F403
from lapartcitoyenne.settings import PARTICIPATION

PARTICIPATION = {
    **PARTICIPATION,
    "LIVE": {**PARTICIPATION["LIVE"], "RATE_COUNT": 1_000_000, "IP_RATE_COUNT": 1_000_000},
}
