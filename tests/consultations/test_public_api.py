"""The public API carries a version, and the changelog says which release brought it."""

import re
import tomllib
from pathlib import Path

from consultations.registry import API_VERSION as PLUGIN_API
from participation.exports.registry import API_VERSION as DATASET_API

ROOT = Path(__file__).resolve().parents[2]


def test_the_latest_changelog_entry_is_this_package_and_its_api_versions():
    package = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]["version"]
    latest = re.search(r"^## (.+)$", (ROOT / "CHANGELOG.md").read_text(), re.M).group(1)
    assert latest.startswith(package)
    assert f"plugin API {PLUGIN_API}" in latest and f"export dataset API {DATASET_API}" in latest
    assert re.fullmatch(r"\d+\.\d+", PLUGIN_API) and re.fullmatch(r"\d+\.\d+", DATASET_API)
