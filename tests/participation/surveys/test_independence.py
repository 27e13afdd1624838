"""The dependency rule of DESIGN.md: site → participation → consultations, never backwards."""

import ast
import sys
from pathlib import Path

import pytest
from django.conf import settings

ROOT = Path(__file__).resolve().parents[3]


def imported_modules(package_dir):
    for path in package_dir.rglob("*.py"):
        tree = ast.parse(path.read_text(), filename=str(path))
        for node in ast.walk(tree):
            if isinstance(node, ast.Import):
                yield path, [alias.name for alias in node.names]
            elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
                yield path, [node.module]


@pytest.mark.parametrize(
    "package, forbidden",
    [("consultations", ("participation", "lapartcitoyenne")), ("participation/surveys", ("lapartcitoyenne",))],
)
def test_imports_point_one_way(package, forbidden):
    offending = [
        (str(path.relative_to(ROOT)), name)
        for path, names in imported_modules(ROOT / package)
        for name in names
        if name.split(".")[0] in forbidden
    ]
    assert offending == []


@pytest.mark.skipif(
    settings.AUTH_USER_MODEL != "auth.User", reason="only meaningful under tests.plugin_settings (make test-plugin)"
)
def test_the_plugin_runs_without_the_site():
    assert not [name for name in sys.modules if name.startswith("lapartcitoyenne")]
