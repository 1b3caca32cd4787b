"""Qt stays in ``gp_desktop/ui/`` and ``ui/`` holds only Qt: checked statically and in a fresh
interpreter.

The core (``corpus/``, ``search/``, ``excerpt/`` and the plain top-level modules) imports no Qt
and nothing of the window, so it runs and is tested without a display. The reverse holds too:
every module under ``ui/`` imports Qt, so plain logic written for the window (titles, wording,
HTML of the act) lives in the core where it is tested on its own.
"""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

from conftest import ROOT

CORE = ["corpus", "search", "excerpt"]
QT = {"PySide6", "PyQt5", "PyQt6", "shiboken6"}
PACKAGE = ROOT / "gp_desktop"
# The command line opens the window and prints through Qt (lazily, inside functions): it is
# the one place above both layers.
ABOVE_BOTH = {"cli.py", "__main__.py"}


def imported_names(path: Path) -> list[str]:
    names = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            names += [a.name for a in node.names]
        elif isinstance(node, ast.ImportFrom) and node.module:
            # ``from gp_desktop.ui import settings`` imports the module gp_desktop.ui.settings
            names.append(node.module)
            names += [f"{node.module}.{a.name}" for a in node.names]
    return names


def core_sources() -> list[Path]:
    paths = [p for package in CORE for p in (PACKAGE / package).rglob("*.py")]
    return paths + [p for p in PACKAGE.glob("*.py") if p.name not in ABOVE_BOTH]


def is_only_a_docstring(path: Path) -> bool:
    body = ast.parse(path.read_text(encoding="utf-8")).body
    return all(isinstance(s, ast.Expr) and isinstance(s.value, ast.Constant) for s in body)


def test_core_sources_do_not_import_qt():
    offenders = [
        f"{path.relative_to(ROOT)}: {name}"
        for path in core_sources()
        for name in imported_names(path)
        if name.split(".")[0] in QT or name.startswith("gp_desktop.ui")
    ]
    assert core_sources(), "no core modules found"
    assert offenders == []


def module_name(path: Path) -> str:
    return ".".join(path.relative_to(ROOT).with_suffix("").parts)


def test_every_module_of_the_window_imports_qt():
    """Directly, or through another module of the window that does (the window factory
    imports Qt by way of the main window it builds)."""
    modules = {
        module_name(p): imported_names(p)
        for p in (PACKAGE / "ui").rglob("*.py")
        if not (p.name == "__init__.py" and is_only_a_docstring(p))
    }
    with_qt = {m for m, names in modules.items() if any(n.split(".")[0] in QT for n in names)}
    grew = True
    while grew:
        more = {m for m, names in modules.items() if with_qt.intersection(names)} - with_qt
        with_qt |= more
        grew = bool(more)
    assert len(modules) > 10
    assert sorted(set(modules) - with_qt) == []


def test_the_window_is_a_package_per_feature():
    """A newcomer finds a feature from the folder list: each of these is a package of ui/."""
    for feature in ("reader", "navigator", "search", "timeline", "excerpt", "bookmarks", "widgets"):
        assert (PACKAGE / "ui" / feature / "__init__.py").is_file(), feature


def test_importing_the_core_loads_no_qt():
    top_level = sorted(p.stem for p in PACKAGE.glob("*.py") if p.name not in ABOVE_BOTH)
    code = (
        "import sys, importlib, pkgutil, gp_desktop\n"
        f"for name in {top_level!r}:\n"
        "    importlib.import_module('gp_desktop.' + name)\n"
        f"for pkg in {CORE!r}:\n"
        "    mod = importlib.import_module('gp_desktop.' + pkg)\n"
        "    for info in pkgutil.walk_packages(mod.__path__, mod.__name__ + '.'):\n"
        "        importlib.import_module(info.name)\n"
        "bad = [m for m in sys.modules if m.startswith(('PySide6', 'shiboken6', 'gp_desktop.ui'))]\n"
        "print(bad); sys.exit(1 if bad else 0)\n"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT)
    assert result.returncode == 0, result.stdout + result.stderr
