"""Which tests a settings module leaves out, and says so at the end of the run.

In a plugin host (tests/plugin_hosts), a test module that imports an app the host does not install
tests cooperation with that app: the site's suite runs it, the host leaves it out. A single test
marked ``@pytest.mark.needs_apps(...)`` is left out wherever one of those apps is missing.
"""

import ast

from django.apps import apps

_left_out = {}


def _apps_a_module_imports(path, seen=None):
    """The apps a test module imports, through its sibling helpers (``from .helpers import ...``) too."""
    seen = set() if seen is None else seen
    seen.add(path)
    names, apps_needed = set(), set()
    for node in ast.parse(path.read_text(), filename=str(path)).body:  # module level only
        if isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
            names.add(node.module)
        elif isinstance(node, ast.ImportFrom) and node.level == 1 and node.module:
            sibling = path.parent / f"{node.module.replace('.', '/')}.py"
            if sibling.exists() and sibling not in seen:
                apps_needed |= _apps_a_module_imports(sibling, seen)
    for name in names:
        parts = name.removeprefix("tests.").split(".")
        if parts[0] in ("lapartcitoyenne", "allauth"):
            apps_needed.add("allauth.account" if parts[0] == "allauth" else "lapartcitoyenne")
        elif parts[0] == "participation" and len(parts) > 1:
            apps_needed.add(f"participation.{parts[1]}")
    return apps_needed


def pytest_ignore_collect(collection_path, config):
    from django.conf import settings

    if not collection_path.name.startswith("test_") or collection_path.suffix != ".py":
        return None
    if not getattr(settings, "PLUGIN", None):
        return None
    missing = sorted(name for name in _apps_a_module_imports(collection_path) if not apps.is_installed(name))
    if missing:
        _left_out[str(collection_path.relative_to(config.rootpath))] = missing
        return True
    return None


def pytest_collection_modifyitems(config, items):
    """``@pytest.mark.needs_apps("participation.moderation")``: a test of cooperation, left out without that app."""
    kept, left = [], []
    for item in items:
        marker = item.get_closest_marker("needs_apps")
        missing = [name for name in (marker.args if marker else ()) if not apps.is_installed(name)]
        (left if missing else kept).append(item)
        if missing:
            _left_out[item.nodeid] = missing
    if left:
        config.hook.pytest_deselected(items=left)
        items[:] = kept


def pytest_terminal_summary(terminalreporter):
    if _left_out:
        terminalreporter.write_line("Left out (they need apps these settings do not install):")
        for path, missing in sorted(_left_out.items()):
            terminalreporter.write_line(f"  {path}: {', '.join(missing)}")
