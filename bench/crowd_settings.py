"""The site's production settings for the crowd (bench/crowd.py), with the hello-world view added."""

from lapartcitoyenne.settings import *  # noqa: F403

ROOT_URLCONF = "bench.crowd_urls"
