"""The one import rule of shared/ARCHITECTURE.md beyond what import-linter sees.

``lint-imports`` (the contracts in pyproject.toml) checks Python imports, lazy
ones included. These tests check the ways around it: looking a model up by
app label, importing a module by name, and templates that load an upper app's
tag library or link to its pages.
"""

import re
import tomllib
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
CONFIG = tomllib.loads((ROOT / "pyproject.toml").read_text())["tool"]["importlinter"]
LAYERS = next(c for c in CONFIG["contracts"] if c["type"] == "layers")["layers"]
# App → index of its layer, top (config) first.
LAYER_OF = {
    app.strip(): index for index, layer in enumerate(LAYERS) for app in layer.split("|")
}
APPS = [app for app in LAYER_OF if app != "config"]

# Whose tag library, and whose URL namespace, is it (the author pages live in
# articles under the authors: namespace).
TAG_LIBRARIES = {
    "site_tags": "core",
    "article_tags": "articles",
    "discovery_tags": "discovery",
    "print_tags": "printing",
    "counter_tags": "counters",
    "comment_tags": "comments",
}
NAMESPACES = {
    "articles": "articles",
    "authors": "articles",
    "discovery": "discovery",
    "printing": "printing",
    "ratings": "ratings",
    "counters": "counters",
    "comments": "comments",
}
BY_NAME = re.compile(
    r"""(?:get_model|import_module|__import__)\(\s*["'](\w+)""", re.MULTILINE
)
LOAD = re.compile(r"{%\s*load\s+([^%]+?)\s*%}")
URL = re.compile(r"""{%\s*url\s+["'](\w+):""")


def may_use(app: str, other: str) -> bool:
    """Downward only; never a sibling in the same layer."""
    return other == app or LAYER_OF[other] > LAYER_OF[app]


def source_files(app: str, pattern: str):
    for path in sorted((ROOT / app).rglob(pattern)):
        if "migrations" not in path.parts:
            yield path


@pytest.mark.parametrize("app", APPS)
def test_no_upper_app_is_reached_by_name(app):
    found = [
        f"{path.relative_to(ROOT)}: {label}"
        for path in source_files(app, "*.py")
        for label in BY_NAME.findall(path.read_text())
        if label in LAYER_OF and not may_use(app, label)
    ]
    assert not found


@pytest.mark.parametrize("app", APPS)
def test_templates_use_only_their_own_or_lower_apps(app):
    found = []
    for path in source_files(app, "templates/**/*.*"):
        text = path.read_text()
        libraries = [lib for load in LOAD.findall(text) for lib in load.split()]
        owners = [TAG_LIBRARIES[lib] for lib in libraries if lib in TAG_LIBRARIES]
        owners += [NAMESPACES[ns] for ns in URL.findall(text) if ns in NAMESPACES]
        found += [
            f"{path.relative_to(ROOT)}: {owner}"
            for owner in owners
            if not may_use(app, owner)
        ]
    assert not found


def test_every_app_is_in_a_layer():
    apps = {
        path.parent.name
        for path in ROOT.glob("*/apps.py")
        if (path.parent / "__init__.py").exists()
    }
    assert apps <= set(LAYER_OF)
