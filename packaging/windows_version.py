"""Windows version information of gp-desktop.exe, filled in from ``gp_desktop.__version__``.

Explorer shows it under Properties → Details. PyInstaller takes it as ``EXE(version=FILE)``
in its own text format (``packaging/version_info.txt``, a template); ``build.spec`` writes the
filled-in text to the build folder on Windows. Other systems have no such resource.
"""

from __future__ import annotations

import re
from pathlib import Path
from string import Template

TEMPLATE = Path(__file__).resolve().parent / "version_info.txt"


def version_numbers(version: str) -> tuple[int, int, int, int]:
    """«0.1.0» → (0, 1, 0, 0); a suffix such as «rc1» or «.dev2» is dropped."""
    release = re.match(r"\d+(\.\d+)*", version)
    numbers = [int(n) for n in release.group(0).split(".")[:4]] if release else []
    return tuple([*numbers, 0, 0, 0, 0][:4])  # type: ignore[return-value]


def version_info_text(version: str) -> str:
    return Template(TEMPLATE.read_text(encoding="utf-8")).substitute(
        version=version, version_tuple=version_numbers(version)
    )
