"""The frame staff set up: consultations and their steps, events, themes, territories.

Installable on its own: it imports nothing from ``participation`` nor from the site. Its settings
live under ``PARTICIPATION`` and are read through :func:`consultations.conf.get_setting`.
"""
