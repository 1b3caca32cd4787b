"""The lock: every package the program and its build carry, pinned with hashes, and in step.

pyproject.toml keeps the ranges; ``make lock`` (scripts/lock.sh) writes uv.lock and, from it,
requirements-lock.txt, which scripts/bootstrap.sh installs with ``--require-hashes``; and
requirements-oldest.txt, the oldest releases the ranges allow, where CI runs the Qt tests again.
These tests fail when one of them is edited without the others, and when the environment the
suite runs in is not the one the lock describes.
"""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
import tomllib
from importlib import metadata
from pathlib import Path

import pytest
from conftest import ROOT
from packaging.requirements import Requirement
from packaging.utils import canonicalize_name
from packaging.version import Version

sys.path.insert(0, str(ROOT / "packaging"))
import lockfile

PYPROJECT = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
UV = shutil.which("uv", path=str(Path(sys.executable).parent))
EXPORT = [
    "export", "--frozen", "--quiet", "--format", "requirements-txt", "--extra", "test",
    "--no-emit-project",
]  # fmt: skip


def _direct_requirements() -> list[Requirement]:
    project = PYPROJECT["project"]
    listed = project["dependencies"] + project["optional-dependencies"]["test"]
    return [Requirement(r) for r in listed]


def _uv(*args: str) -> subprocess.CompletedProcess:
    if UV is None:
        pytest.skip("uv is not in this environment (it comes with the locked test tools)")
    return subprocess.run(
        [UV, *args, "--offline"], cwd=ROOT, capture_output=True, text=True, timeout=120
    )


def test_uv_lock_agrees_with_pyproject():
    result = _uv("lock", "--check")
    assert result.returncode == 0, f"run `make lock`:\n{result.stderr}"


def test_requirements_lock_is_the_export_of_uv_lock(tmp_path):
    out = tmp_path / "exported.txt"
    result = _uv(*EXPORT, "--output-file", str(out))
    assert result.returncode == 0, result.stderr

    def body(path: Path) -> list[str]:
        return [line for line in path.read_text(encoding="utf-8").splitlines() if line[:1] != "#"]

    assert body(out) == body(lockfile.LOCK), "run `make lock`"


@pytest.mark.parametrize("path", [lockfile.LOCK, lockfile.OLDEST], ids=lambda p: p.name)
def test_every_pin_has_hashes_and_every_direct_requirement_is_met(path):
    pins = lockfile.read_pins(path)
    assert len(pins) > 20
    assert all(pin.hashes for pin in pins.values()), [n for n, p in pins.items() if not p.hashes]
    for requirement in _direct_requirements():
        pin = pins.get(canonicalize_name(requirement.name))
        assert pin is not None, f"{requirement.name} is not in {path.name}: run `make lock`"
        assert requirement.specifier.contains(pin.version), (str(requirement), pin.version)


def test_the_oldest_environment_holds_each_lower_bound():
    """Each direct requirement at the release its ``>=`` names (2.4 → 2.4.417150…), so the
    tests run there try what pyproject claims to support."""
    pins = lockfile.read_pins(lockfile.OLDEST)
    for requirement in _direct_requirements():
        bounds = [Version(s.version) for s in requirement.specifier if s.operator == ">="]
        pinned = Version(pins[canonicalize_name(requirement.name)].version)
        for bound in bounds:
            assert pinned.release[: len(bound.release)] == bound.release, (
                f"{requirement}: requirements-oldest.txt has {pinned}; run `make lock`"
            )


def test_the_environment_is_the_one_the_lock_describes():
    oldest = Path(sys.prefix).name == ".venv-oldest"
    pins = lockfile.read_pins(lockfile.OLDEST if oldest else lockfile.LOCK)
    wrong = {}
    for name, pin in pins.items():
        if not pin.applies():
            continue
        try:
            installed = metadata.version(name)
        except metadata.PackageNotFoundError:
            installed = None
        if installed is None or Version(installed) != Version(pin.version):
            wrong[name] = (installed, pin.version)
    assert wrong == {}, "installed vs locked; run scripts/bootstrap.sh"


def test_readme_names_the_versions_the_build_ships():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    section = readme.split("### What the build is made of", 1)[1].split("\n#", 1)[0]
    listed = dict(re.findall(r"^\| ([\w.-]+) \| ([^|]+?) \|", section, re.M))
    pins = lockfile.read_pins()
    runtime = {canonicalize_name(Requirement(r).name) for r in PYPROJECT["project"]["dependencies"]}
    runtime |= {"pyinstaller", "shiboken6", "lxml"}
    for name in sorted(runtime):
        assert listed.get(name) == pins[name].version, f"README: {name} {pins[name].version}"
    python = f"{sys.version_info.major}.{sys.version_info.minor}"
    assert listed.get("python", "").startswith(python)
