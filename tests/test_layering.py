"""The core imports no Qt: checked statically and in a fresh interpreter."""

from __future__ import annotations

import ast
import subprocess
import sys

from conftest import ROOT

CORE = ["corpus", "search", "excerpt"]


def test_core_sources_do_not_import_qt():
    offenders = []
    for package in CORE:
        for path in (ROOT / "gp_desktop" / package).rglob("*.py"):
            tree = ast.parse(path.read_text(encoding="utf-8"))
            for node in ast.walk(tree):
                names = []
                if isinstance(node, ast.Import):
                    names = [a.name for a in node.names]
                elif isinstance(node, ast.ImportFrom) and node.module:
                    names = [node.module]
                    if node.module == "gp_desktop":
                        names += [f"gp_desktop.{a.name}" for a in node.names]
                for name in names:
                    if name.split(".")[0] in {
                        "PySide6",
                        "PyQt5",
                        "PyQt6",
                        "shiboken6",
                    } or name.startswith("gp_desktop.ui"):
                        offenders.append(f"{path.relative_to(ROOT)}: {name}")
    assert offenders == []


def test_importing_the_core_loads_no_qt():
    code = (
        "import sys, importlib, pkgutil, gp_desktop\n"
        "for pkg in ['corpus', 'search', 'excerpt']:\n"
        "    mod = importlib.import_module('gp_desktop.' + pkg)\n"
        "    for info in pkgutil.walk_packages(mod.__path__, mod.__name__ + '.'):\n"
        "        importlib.import_module(info.name)\n"
        "bad = [m for m in sys.modules if m.startswith(('PySide6', 'shiboken6'))]\n"
        "print(bad); sys.exit(1 if bad else 0)\n"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT)
    assert result.returncode == 0, result.stdout + result.stderr
