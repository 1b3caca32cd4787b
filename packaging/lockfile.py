"""The hashed lock as pip reads it (requirements-lock.txt, requirements-oldest.txt): its pins.

scripts/lock.sh writes the files with uv; this module only reads them, for the tests that keep
them in step with pyproject.toml, the environment and the README, and for the Debian package's
list of what the build carries. No third-party imports but ``packaging`` (a locked test tool).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from packaging.markers import Marker
from packaging.requirements import Requirement
from packaging.utils import canonicalize_name

ROOT = Path(__file__).resolve().parent.parent
LOCK = ROOT / "requirements-lock.txt"
OLDEST = ROOT / "requirements-oldest.txt"


@dataclass(frozen=True)
class Pin:
    name: str  # canonical: lower case, dashes
    version: str
    marker: Marker | None
    hashes: tuple[str, ...]

    def applies(self) -> bool:
        """Whether this machine's Python installs it (``; sys_platform == 'win32'`` …)."""
        return self.marker is None or self.marker.evaluate()


def read_pins(path: Path = LOCK) -> dict[str, Pin]:
    """Every ``name==version ; marker --hash=…`` of a requirements file, by canonical name."""
    text = path.read_text(encoding="utf-8")
    pins: dict[str, Pin] = {}
    for entry in re.sub(r"\\\n", " ", text).splitlines():
        entry = entry.split("#", 1)[0].strip()
        if not entry:
            continue
        hashes = tuple(re.findall(r"--hash=(\S+)", entry))
        spec = re.sub(r"\s--hash=\S+", "", entry).strip()
        requirement = Requirement(spec)
        (version,) = [s.version for s in requirement.specifier if s.operator == "=="]
        name = canonicalize_name(requirement.name)
        pins[name] = Pin(name, version, requirement.marker, hashes)
    return pins
