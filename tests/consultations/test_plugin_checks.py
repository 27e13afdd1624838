"""The system checks tell a host what the apps need: a missing app, a layout the pages cannot reach."""

import subprocess
import sys
from pathlib import Path

from consultations.plugins import check_base_template, check_requirements

ROOT = Path(__file__).resolve().parents[2]


def test_the_site_installs_everything_the_apps_need():
    assert check_requirements() == []


def test_a_host_without_an_app_a_plugin_requires_is_told_which_at_start_up():
    result = subprocess.run(
        [sys.executable, "manage.py", "check", "--settings=tests.plugin_hosts.without_councils"],
        cwd=ROOT, capture_output=True, text=True, timeout=120,
    )
    assert result.returncode != 0
    assert "participation.E001" in result.stderr
    assert "participation.proposals needs 'participation.councils', which is not in INSTALLED_APPS." in result.stderr
    assert "Add 'participation.councils' to INSTALLED_APPS" in result.stderr


def test_a_named_layout_without_the_context_processor_is_a_warning(settings):
    settings.PARTICIPATION = {**settings.PARTICIPATION, "BASE_TEMPLATE": "ville/page.html"}
    assert check_base_template() == []  # the site has the context processor
    settings.TEMPLATES = [
        {**engine, "OPTIONS": {**engine["OPTIONS"], "context_processors": ["django.template.context_processors.request"]}}
        for engine in settings.TEMPLATES
    ]
    [warning] = check_base_template()
    assert warning.id == "participation.W001" and "'ville/page.html'" in warning.msg
