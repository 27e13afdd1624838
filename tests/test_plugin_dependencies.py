"""The dependency rule of DESIGN.md, read from the source: a plugin uses only the frame, Django and the
apps its ``AppConfig.requires`` declares — in its imports, its template tag libraries and its links.

Cooperation with an undeclared app goes through the registry, the moderation contract, signals or
``apps.get_model`` behind ``apps.is_installed`` (docs/integrate.md); none of those is an import.
"""

import ast
import re
from pathlib import Path

import pytest

from tests.plugin_hosts.base import app_config_class

ROOT = Path(__file__).resolve().parent.parent
PLUGINS = sorted(f"participation.{path.name}" for path in (ROOT / "participation").iterdir() if (path / "apps.py").exists())
SUITE = ["consultations", *PLUGINS]
TAG_LIBRARIES = {
    path.stem: app
    for app in SUITE
    for path in (ROOT / app.replace(".", "/") / "templatetags").glob("*.py")
    if path.stem != "__init__"
}
URL_NAMESPACES = {app.rsplit(".", 1)[-1]: app for app in SUITE}
LOAD = re.compile(r"{%\s*load\s+([^%]+?)\s*%}")
URL = re.compile(r"""{%\s*url\s+["']([\w-]+)(?::[\w-]+)?["']""")
REVERSE = re.compile(r"""\breverse(?:_lazy)?\(\s*["']([\w-]+):""")  # optional_reverse() may name any app


def allowed(app, requires=None):
    if app == "consultations":
        return {app}
    return {app, "consultations", *(app_config_class(app).requires if requires is None else requires)}


def suite_app_of(module):
    """The app of the suite (or the site) a dotted module belongs to, or None for Django and libraries."""
    parts = module.split(".")
    if parts[0] in ("lapartcitoyenne", "consultations"):
        return parts[0]
    if parts[0] == "participation" and len(parts) > 1:
        return f"participation.{parts[1]}"
    return None


def imports_of(app, root=ROOT):
    package_dir = root / app.replace(".", "/")
    for path in package_dir.rglob("*.py"):
        package = ".".join(path.relative_to(root).with_suffix("").parts[:-1])
        for node in ast.walk(ast.parse(path.read_text(), filename=str(path))):
            if isinstance(node, ast.Import):
                names = [alias.name for alias in node.names]
            elif isinstance(node, ast.ImportFrom):
                base = package.split(".")[: len(package.split(".")) - node.level + 1] if node.level else []
                names = [".".join([*base, node.module] if node.module else base)]
            else:
                continue
            for name in names:
                yield path.relative_to(root), name


def undeclared_imports(app, root=ROOT, requires=None):
    return sorted(
        (str(path), name)
        for path, name in imports_of(app, root)
        if suite_app_of(name) is not None and suite_app_of(name) not in allowed(app, requires)
    )


def templates_of(app):
    yield from (ROOT / app.replace(".", "/") / "templates").rglob("*.*")


@pytest.mark.parametrize("app", SUITE)
def test_a_plugin_imports_only_the_frame_and_what_it_declares(app):
    assert undeclared_imports(app) == []


@pytest.mark.parametrize("app", SUITE)
def test_templates_load_tags_and_link_only_to_declared_apps(app):
    problems = []
    for path in templates_of(app):
        text = path.read_text()
        for libraries in LOAD.findall(text):
            for library in libraries.split():
                owner = TAG_LIBRARIES.get(library)
                if owner is not None and owner not in allowed(app):
                    problems.append((str(path.relative_to(ROOT)), f"load {library}"))
        for namespace in URL.findall(text):
            owner = URL_NAMESPACES.get(namespace)
            if owner is None or owner not in allowed(app):  # a bare name belongs to a site, not to us
                problems.append((str(path.relative_to(ROOT)), f"url {namespace}"))
    for path in (ROOT / app.replace(".", "/")).rglob("*.py"):
        for namespace in REVERSE.findall(path.read_text()):
            if URL_NAMESPACES.get(namespace, "?") not in allowed(app):
                problems.append((str(path.relative_to(ROOT)), f"reverse {namespace}"))
    assert problems == []


def test_the_rule_sees_an_undeclared_import(tmp_path):
    """The check itself: a plugin importing the site or a plugin it does not declare is caught, at
    module level or inside a function, absolute or relative; the frame and declared apps pass."""
    plugin = tmp_path / "participation" / "petitions"
    plugin.mkdir(parents=True)
    (tmp_path / "participation" / "__init__.py").write_text("")
    (plugin / "__init__.py").write_text("")
    (plugin / "views.py").write_text(
        "from consultations.refusals import Refused\n"
        "from participation.councils.rules import councils_acting_for\n"
        "from ..comments import services\n"
        "from . import models\n"
        "def page():\n"
        "    from lapartcitoyenne.accounts.models import User\n"
    )
    assert undeclared_imports("participation.petitions", root=tmp_path, requires=["consultations"]) == [
        ("participation/petitions/views.py", "lapartcitoyenne.accounts.models"),
        ("participation/petitions/views.py", "participation.comments"),
        ("participation/petitions/views.py", "participation.councils.rules"),
    ]
    declared = ["consultations", "participation.councils", "participation.comments"]
    assert undeclared_imports("participation.petitions", root=tmp_path, requires=declared) == [
        ("participation/petitions/views.py", "lapartcitoyenne.accounts.models"),
    ]
