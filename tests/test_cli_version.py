"""``gp-desktop --version``: the program's version and which corpus, edition and hash it has."""

from __future__ import annotations

import hashlib
import re
import tomllib

import edition_facts as facts
from conftest import CORPUS, ROOT, corpus_copy, run_cli

from gp_desktop import __version__
from gp_desktop.corpus_choice import ENV_VAR


def _sha256(path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def test_version_names_the_program_the_corpus_its_edition_and_hashes(tmp_path):
    got = run_cli("--version", env={"XDG_DATA_HOME": str(tmp_path), ENV_VAR: ""})
    assert got.returncode == 0, got.stderr
    lines = got.stdout.splitlines()
    assert lines[0] == f"gp-desktop {__version__}"
    assert lines[1] == f"корпус: {CORPUS} (встроенный)"
    assert (
        lines[2] == f"действующая редакция: от {facts.EDITION_DATE_RU}, указ № {facts.LAST_DECREE}"
    )
    assert lines[3] == f"sha256 корпуса: {_sha256(CORPUS)}"
    source = ROOT / "resources" / "acts" / "ukaz-2017-563.md"
    assert lines[4] == f"sha256 текста редакции: {_sha256(source)}"
    assert got.stderr == ""


def test_version_describes_the_corpus_given_before_it(tmp_path):
    other = corpus_copy(tmp_path, "UPDATE editions SET source_sha256 = 'ab' || source_sha256")
    got = run_cli("--corpus", str(other), "--version")
    assert got.returncode == 0, got.stderr
    assert f"корпус: {other} (указан в командной строке (--corpus))" in got.stdout
    assert f"sha256 корпуса: {_sha256(other)}" in got.stdout
    assert re.search(r"^sha256 текста редакции: ab[0-9a-f]{64}$", got.stdout, re.M)


def test_version_with_an_unusable_corpus_says_why_in_one_line(tmp_path):
    broken = tmp_path / "corpus.sqlite"
    broken.write_bytes(b"not a database" * 100)
    got = run_cli("--corpus", str(broken), "--version")
    assert got.returncode == 1
    assert got.stdout == f"gp-desktop {__version__}\n"
    assert got.stderr.startswith("gp-desktop: ") and got.stderr.count("\n") == 1
    assert "Traceback" not in got.stderr


def test_version_is_the_one_in_pyproject_and_the_changelog():
    pyproject = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    # pyproject takes the version from the package (setuptools' dynamic attr)
    assert pyproject["project"]["dynamic"] == ["version"]
    assert pyproject["tool"]["setuptools"]["dynamic"]["version"]["attr"] == "gp_desktop.__version__"
    changelog = (ROOT / "CHANGELOG.md").read_text(encoding="utf-8")
    headings = re.findall(r"^## (\d+\.\d+\.\d+) — (\d{4}-\d{2}-\d{2})$", changelog, re.M)
    assert headings and headings[0][0] == __version__, "CHANGELOG.md: the newest version first"
    assert [h[0] for h in headings] == sorted(
        (h[0] for h in headings), key=lambda v: tuple(map(int, v.split("."))), reverse=True
    )
    assert "0.1.0" in [h[0] for h in headings]
