"""Shared fixtures: the real act, parsed once, and the committed corpus file.

Qt runs offscreen in every test (no screen here or in CI); the variable is set before any
test imports PySide6.
"""

from __future__ import annotations

import os
import re
import shutil
import sqlite3
import subprocess
import sys
import time
from dataclasses import dataclass
from pathlib import Path

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

ROOT = Path(__file__).resolve().parent.parent
NETGUARD = Path(__file__).resolve().parent / "netguard"

# No network, in this process and in every process the tests start (tests/netguard).
os.environ["PYTHONPATH"] = os.pathsep.join(
    p for p in (str(NETGUARD), os.environ.get("PYTHONPATH", "")) if p
)
sys.path.insert(0, str(NETGUARD))
import sitecustomize  # noqa: E402,F401  - installs the guard here too

SOURCE = ROOT / "resources" / "acts" / "ukaz-2017-563.md"
CORPUS = ROOT / "corpus.sqlite"


@pytest.fixture(scope="session", autouse=True)
def no_network_attempts(tmp_path_factory):
    """Every test runs offline; at the end, no process may have tried to connect anywhere."""
    log = tmp_path_factory.mktemp("netguard") / "attempts.log"
    log.touch()
    os.environ["GP_NETGUARD_LOG"] = str(log)
    yield log
    attempts = log.read_text(encoding="utf-8")
    assert attempts == "", f"network connections were attempted:\n{attempts}"


@pytest.fixture(scope="session")
def source_path() -> Path:
    return SOURCE


@pytest.fixture(scope="session")
def source_text() -> str:
    return SOURCE.read_text(encoding="utf-8")


@pytest.fixture(scope="session")
def parsed(source_text):
    from gp_desktop.corpus.parser import parse_act

    return parse_act(source_text)


def corpus_copy(
    folder: Path, *changes: str | tuple[str, tuple], name: str = "corpus.sqlite"
) -> Path:
    """A copy of the committed corpus file in ``folder``, altered by SQL ``changes`` (a
    statement, or a statement and its parameters): how the tests make a damaged, tagged,
    older or replaced corpus from the real one."""
    path = Path(folder) / name
    shutil.copy(CORPUS, path)
    if changes:
        conn = sqlite3.connect(path)
        try:
            with conn:
                for change in changes:
                    sql, params = change if isinstance(change, tuple) else (change, ())
                    conn.execute(sql, params)
        finally:
            conn.close()
    return path


def when_shown(dialog_type, action):
    """Run ``action`` on the first visible dialog of ``dialog_type`` once the event loop runs
    (a modal dialog's own loop included); its result lands in the returned dict's "result"."""
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication

    seen = {}

    def poll():
        for widget in QApplication.topLevelWidgets():
            if isinstance(widget, dialog_type) and widget.isVisible():
                seen["result"] = action(widget)
                return
        QTimer.singleShot(50, poll)

    QTimer.singleShot(0, poll)
    return seen


@pytest.fixture(scope="session")
def corpus():
    from gp_desktop.corpus.reader import Corpus

    return Corpus(CORPUS)


def source_words(text: str) -> list[str]:
    """The words of the source with Markdown markup and the conversion's leftovers (the stray
    <p> tags, a «>» glued to the end of a word) taken out.

    Written independently of the importer so that the comparison can catch it.
    """
    words: list[str] = []
    for line in text.split("\n"):
        if re.fullmatch(r"[\s\-|:\t]*", line):
            continue
        line = re.sub(r"^\s*#+\s+", "", line)
        line = re.sub(r"^\s*-\s+", "", line)
        line = line.replace("**", "")
        line = re.sub(r"</?p>", " ", line)
        words.extend(re.sub(r"(?<=\w)>(?=\W*$)", "", w) for w in line.split())
    return words


def pdf_text(path) -> str:
    """Text of a PDF in the order it was drawn (-raw: justified lines otherwise read as columns)."""
    return subprocess.run(
        ["pdftotext", "-raw", "-enc", "UTF-8", str(path), "-"],
        capture_output=True,
        text=True,
        check=True,
    ).stdout


def run_cli(
    *args: str, cwd: Path | None = None, env: dict | None = None
) -> subprocess.CompletedProcess:
    """Run the real command line in a fresh process."""
    full_env = {**os.environ, "PYTHONIOENCODING": "utf-8", **(env or {})}
    return subprocess.run(
        [sys.executable, "-m", "gp_desktop", *args],
        capture_output=True,
        text=True,
        encoding="utf-8",
        cwd=cwd or ROOT,
        env=full_env,
        timeout=120,
    )


@pytest.fixture(scope="session")
def search_index(corpus, tmp_path_factory):
    """The real Whoosh index of the committed corpus, built once into a private cache."""
    from gp_desktop.search import SearchIndex

    index = SearchIndex.open(corpus, cache_dir=tmp_path_factory.mktemp("search-cache"))
    yield index
    index.close()


# -- the window ---------------------------------------------------------------------------


@pytest.fixture
def user_dirs(tmp_path, monkeypatch):
    """The user's folders (settings, bookmarks, index cache) in a temporary place."""
    for name in ("XDG_CONFIG_HOME", "XDG_DATA_HOME", "XDG_CACHE_HOME"):
        folder = tmp_path / name.lower()
        folder.mkdir()
        monkeypatch.setenv(name, str(folder))
    return tmp_path


@pytest.fixture
def open_window(qtbot, corpus, user_dirs, search_index):
    """Build the window as ``run_gui`` does, in the test's own user folders, on the real act and
    index; shown, with the search ready. Call it again for a second start."""
    from gp_desktop.ui.window_factory import make_window

    def build(**kwargs):
        kwargs.setdefault("search_opener", lambda _corpus: search_index)
        window = make_window(corpus, **kwargs)
        qtbot.addWidget(window)
        window.show()
        qtbot.waitExposed(window)
        qtbot.waitUntil(lambda: window.search_service.is_ready)
        return window

    return build


@pytest.fixture
def window(qtbot, corpus, user_dirs, search_index):
    """The real main window on the real act and index, shown, with search enabled."""
    from gp_desktop.ui.window_factory import make_window

    window = make_window(corpus, search_opener=lambda _corpus: search_index)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    qtbot.waitUntil(lambda: window.search_panel.field.isEnabled())
    return window


def pytest_collection_modifyitems(items):
    """Every test of the window (tests/test_gui_*.py, some of which start it in a child
    process) and every test that makes a QApplication (pytest-qt's ``qapp``, which ``qtbot``
    and the window fixtures need) is marked ``qt``: the oldest-PySide6 environment runs
    ``-m qt``."""
    for item in items:
        if item.path.name.startswith("test_gui_") or "qapp" in getattr(item, "fixturenames", ()):
            item.add_marker(pytest.mark.qt)


@dataclass(frozen=True)
class DesktopBuild:
    folder: Path  # dist/gp-desktop as PyInstaller makes it from build.spec
    seconds: float


@pytest.fixture(scope="session")
def desktop_build(tmp_path_factory) -> DesktopBuild:
    """The desktop folder, built once for the frozen-build and the Debian package's tests.

    ``GP_DESKTOP_TEST_BUILD=dist/gp-desktop`` takes a folder ``make build`` made instead (to
    rerun these tests without building again)."""
    given = os.environ.get("GP_DESKTOP_TEST_BUILD")
    if given:
        return DesktopBuild(Path(given).resolve(), 0.0)
    base = tmp_path_factory.mktemp("desktop-build")
    started = time.monotonic()
    result = subprocess.run(
        [
            sys.executable,
            "-m",
            "PyInstaller",
            "--noconfirm",
            "--log-level=WARN",
            "--distpath",
            str(base / "dist"),
            "--workpath",
            str(base / "work"),
            str(ROOT / "build.spec"),
        ],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=1500,
    )
    assert result.returncode == 0, f"PyInstaller failed:\n{result.stdout}\n{result.stderr[-6000:]}"
    return DesktopBuild(base / "dist" / "gp-desktop", time.monotonic() - started)


@dataclass(frozen=True)
class DebPackage:
    path: Path  # gp-desktop_VERSION_ARCH.deb, made by packaging/make_deb.py (= make deb)
    seconds: float
    lintian: subprocess.Popen | None  # started at once, so it runs beside the other tests
    lintian_log: Path


@pytest.fixture(scope="session")
def deb_package(desktop_build, tmp_path_factory):
    """The Debian package of the session's desktop build; lintian, where installed, starts
    checking it in the background (it takes minutes) and tests/test_lintian.py reads it."""
    out = tmp_path_factory.mktemp("deb")
    started = time.monotonic()
    result = subprocess.run(
        [sys.executable, str(ROOT / "packaging" / "make_deb.py"), "--folder",
         str(desktop_build.folder), "--out", str(out)],
        capture_output=True, text=True, timeout=900,
    )  # fmt: skip
    assert result.returncode == 0, result.stderr
    path = Path(result.stdout.strip())
    log = out / "lintian.log"
    lintian = None
    if shutil.which("lintian"):
        with log.open("w") as fh:
            lintian = subprocess.Popen(
                ["lintian", "--tag-display-limit", "0", str(path)],
                stdout=fh, stderr=subprocess.STDOUT,
            )  # fmt: skip
    yield DebPackage(path, time.monotonic() - started, lintian, log)
    if lintian is not None and lintian.poll() is None:
        lintian.kill()
        lintian.wait()
