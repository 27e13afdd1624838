#!/usr/bin/env python
"""The example host's manage.py: ``make example`` (from the repository's root) migrates, seeds and serves it."""

import os
import sys
from pathlib import Path

if __name__ == "__main__":
    # The suite's apps come from the repository (installed with `pip install -e .` in a real host).
    sys.path.insert(0, str(Path(__file__).resolve().parents[2]))
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "ville.settings")
    from django.core.management import execute_from_command_line

    execute_from_command_line(sys.argv)
