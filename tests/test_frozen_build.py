"""The desktop build: PyInstaller makes the gp-desktop folder, and the program in it works as shipped.

The folder is built from build.spec into a temporary directory, copied elsewhere and made
read-only, and run as an official would run it: as a fresh user (HOME and the XDG folders point
into an empty directory), with networking unavailable and with no Python on the path. Each run
goes through ``unshare`` — a network namespace without interfaces and, where the kernel allows,
a read-only bind mount of the folder, so that even root cannot write beside the program — and
through ``strace``, which records every connection the program tries. The frozen program must
print what the source checkout prints.

Select these tests alone with ``-m build``; ``make build`` makes the same folder in dist/.
"""

from __future__ import annotations

import hashlib
import json
import os
import re
import shutil
import stat
import subprocess
import sys
from dataclasses import dataclass, field
from pathlib import Path

import pytest
from conftest import CORPUS, ROOT, run_cli

sys.path.insert(0, str(ROOT / "packaging"))
import edition_facts as facts
import qt_trim

pytestmark = pytest.mark.build

NAME = "gp-desktop"
HAS_GUI = (ROOT / "gp_desktop" / "ui" / "app.py").exists()
HAS_SEARCH = (ROOT / "gp_desktop" / "commands" / "search.py").exists()
# Qt libraries the app does not use; none may be in the folder.
UNUSED_QT_LIBRARIES = re.compile(
    r"Qt6(Network|Qml|Quick|WebEngine|Pdf|Multimedia|OpenGL|Wayland|EglFS|Wl|3D|Charts|Sql|Test|Designer)"
)
# Mounts the folder ($1) read-only over itself, then runs the rest of the arguments.
READ_ONLY_MOUNT = 'mount --bind "$1" "$1" && mount -o remount,bind,ro "$1" && shift && exec "$@"'
# The CUPS client (Qt's print support) asks the local print server for printers over
# 127.0.0.1:631 when its Unix socket is missing, as it is here; a printing app may do that.
LOCAL_PRINT_SERVER_PORT = 631


@dataclass
class FrozenBuild:
    built: Path  # what PyInstaller made
    folder: Path  # the read-only copy that the tests run
    home: Path
    traces: Path
    build_seconds: float
    size_bytes: int
    file_count: int
    isolation: list[str]  # how each run is wrapped: unshare …
    read_only_mount: bool
    snapshot: dict[str, tuple[int, int]] = field(default_factory=dict)
    runs: int = 0

    @property
    def program(self) -> Path:
        return self.folder / NAME

    @property
    def internal(self) -> Path:
        return self.folder / "_internal"


def _tree_size(folder: Path) -> tuple[int, int]:
    files = [p for p in folder.rglob("*") if p.is_file() and not p.is_symlink()]
    return sum(p.stat().st_size for p in files), len(files)


def _snapshot(folder: Path) -> dict[str, tuple[int, int]]:
    """Every path in the folder with its size and modification time."""
    result = {}
    for path in sorted(folder.rglob("*")):
        info = path.lstat()
        result[str(path.relative_to(folder))] = (info.st_size, info.st_mtime_ns)
    return result


def _make_read_only(folder: Path) -> None:
    for path in [folder, *folder.rglob("*")]:
        if not path.is_symlink():
            mode = path.stat().st_mode
            path.chmod(mode & ~(stat.S_IWUSR | stat.S_IWGRP | stat.S_IWOTH))


def _isolation(folder: Path) -> tuple[list[str], bool]:
    """The strongest wrapper this kernel allows: no network, and a read-only mount if possible."""
    unshare = shutil.which("unshare")
    if unshare:
        probe = [unshare, "-rnm", "sh", "-c", READ_ONLY_MOUNT, "sh", str(folder)]
        if subprocess.run([*probe, "true"], capture_output=True, timeout=30).returncode == 0:
            return probe, True
        if (
            subprocess.run([unshare, "-rn", "true"], capture_output=True, timeout=30).returncode
            == 0
        ):
            return [unshare, "-rn"], False
    # No namespaces here: the suite itself runs under scripts/offline.sh, and strace still
    # records every attempt to connect.
    return [], False


@pytest.fixture(scope="module")
def frozen(desktop_build, tmp_path_factory) -> FrozenBuild:
    base = tmp_path_factory.mktemp("frozen")
    built = desktop_build.folder
    size, count = _tree_size(built)

    # Installed elsewhere and made read-only, as on a workstation.
    installed = base / "opt" / NAME
    shutil.copytree(built, installed, symlinks=True)
    _make_read_only(installed)
    isolation, read_only_mount = _isolation(installed)
    home = base / "home"
    home.mkdir()
    traces = base / "traces"
    traces.mkdir()
    build = FrozenBuild(
        built=built,
        folder=installed,
        home=home,
        traces=traces,
        build_seconds=desktop_build.seconds,
        size_bytes=size,
        file_count=count,
        isolation=isolation,
        read_only_mount=read_only_mount,
    )
    build.snapshot = _snapshot(installed)
    return build


def run_frozen(build: FrozenBuild, *args: str, timeout: int = 180) -> subprocess.CompletedProcess:
    """Run the frozen program as a fresh user would, offline, with its connections traced."""
    env = {
        "PATH": "/usr/bin:/bin",
        "LANG": "C.UTF-8",
        "HOME": str(build.home),
        "XDG_CACHE_HOME": str(build.home / ".cache"),
        "XDG_DATA_HOME": str(build.home / ".local" / "share"),
        "XDG_CONFIG_HOME": str(build.home / ".config"),
        "QT_QPA_PLATFORM": "offscreen",
    }
    build.runs += 1
    command = [str(build.program), *args]
    strace = shutil.which("strace")
    if strace:
        log = build.traces / f"run-{build.runs}.log"
        command = [strace, "-f", "-qq", "-e", "trace=connect,sendto,sendmsg", "-o", str(log)]
        command += [str(build.program), *args]
    return subprocess.run(
        [*build.isolation, *command],
        cwd=build.home,
        env=env,
        capture_output=True,
        text=True,
        encoding="utf-8",
        timeout=timeout,
    )


def _report(capsys, text: str) -> None:
    with capsys.disabled():
        print(f"\n[desktop build] {text}")


def test_build_is_one_folder_with_the_act_the_dictionary_and_the_resources(frozen, capsys):
    _report(
        capsys,
        f"built in {frozen.build_seconds:.0f} s: {frozen.size_bytes / 2**20:.0f} MiB "
        f"in {frozen.file_count} files; runs isolated by "
        f"{' '.join(Path(a).name for a in frozen.isolation[:2]) or 'nothing'}"
        f"{', read-only mount' if frozen.read_only_mount else ''}",
    )
    assert os.access(frozen.program, os.X_OK)
    bundled = frozen.internal / "corpus.sqlite"
    assert (
        hashlib.sha256(bundled.read_bytes()).digest()
        == hashlib.sha256(CORPUS.read_bytes()).digest()
    )
    shipped = {
        p.relative_to(ROOT / "resources") for p in (ROOT / "resources").rglob("*") if p.is_file()
    }
    carried = {
        p.relative_to(frozen.internal / "resources")
        for p in (frozen.internal / "resources").rglob("*")
        if p.is_file()
    }
    assert shipped <= carried, f"missing from the build: {sorted(map(str, shipped - carried))}"
    # pymorphy3 finds its dictionary through the package's entry point, i.e. its metadata.
    dictionary = frozen.internal / "pymorphy3_dicts_ru" / "data"
    assert (dictionary / "words.dawg").stat().st_size > 1_000_000
    entry_points = list(frozen.internal.glob("pymorphy3_dicts_ru-*.dist-info/entry_points.txt"))
    assert entry_points and "pymorphy3_dicts" in entry_points[0].read_text(encoding="utf-8")


def test_the_folder_holds_no_dangling_link_and_copies_as_files(frozen, tmp_path):
    links = [p for p in frozen.built.rglob("*") if p.is_symlink()]
    dangling = [str(p.relative_to(frozen.built)) for p in links if not p.exists()]
    assert dangling == []
    outside = [
        str(p.relative_to(frozen.built))
        for p in links
        if not p.resolve().is_relative_to(frozen.built.resolve())
    ]
    assert outside == []
    # What a copy tool that follows links does (shutil.copytree failed on the dangling ones).
    copy = shutil.copytree(frozen.built, tmp_path / NAME)
    assert _tree_size(copy)[1] == frozen.file_count + len(links)


def test_build_carries_no_gnu_readline(frozen):
    """GPL-3.0 (not LGPL) and used only by an interactive prompt: build.spec excludes it."""
    assert [p.name for p in frozen.internal.rglob("*readline*")] == []


def test_build_leaves_out_the_qt_the_app_does_not_use(frozen):
    files = [p.relative_to(frozen.internal) for p in frozen.internal.rglob("*") if p.is_file()]
    unused = [str(p) for p in files if UNUSED_QT_LIBRARIES.search(p.name)]
    assert unused == []
    stray = [str(p) for p in files if not qt_trim.is_wanted(p.as_posix())]
    assert stray == [], "Qt plugins or translations that build.spec should have left out"
    if HAS_GUI:
        names = {p.as_posix() for p in files}
        for needed in (
            "PySide6/Qt/plugins/platforms/libqxcb.so",
            "PySide6/Qt/plugins/platforms/libqoffscreen.so",
            "PySide6/Qt/translations/qtbase_ru.qm",
        ):
            assert needed in names


def test_frozen_show_prints_what_the_checkout_prints(frozen):
    for args in (("show", "19"), ("show", "пп. 8 п. 19", "--json")):
        got = run_frozen(frozen, *args)
        assert got.returncode == 0, got.stderr
        assert got.stdout == run_cli(*args).stdout
    assert "19. Полномочия Генерального Прокурора" in run_frozen(frozen, "show", "19").stdout


def test_frozen_timeline_matches_the_checkout(frozen):
    got = run_frozen(frozen, "timeline", "--json")
    assert got.returncode == 0, got.stderr
    events = json.loads(got.stdout)
    assert events == json.loads(run_cli("timeline", "--json").stdout)
    assert events[0]["number"] == "563"


def test_frozen_check_verifies_the_bundled_corpus_against_the_bundled_source(frozen):
    got = run_frozen(frozen, "check", "--json")
    assert got.returncode == 0, got.stdout + got.stderr
    report = json.loads(got.stdout)
    assert report["ok"] is True
    assert report["source"] == str(frozen.internal / "resources" / "acts" / "ukaz-2017-563.md")


def test_frozen_build_corpus_reads_a_word_file_a_saved_page_and_plain_text(frozen):
    """The formats' libraries (markdown, lxml, python-docx) are in the build and work there."""
    import renditions

    blocks = renditions.act_blocks()
    for name in ("word-styled", "page-full-page", "plain-indented-utf16"):
        suffix, make = renditions.ALL[name]
        source = frozen.home / f"act-{name}{suffix}"
        source.write_bytes(make(blocks))
        out = frozen.home / f"corpus-{name}.sqlite"
        got = run_frozen(frozen, "build-corpus", str(source), "-o", str(out), timeout=300)
        assert got.returncode == 0, got.stderr
        assert f"{facts.NODE_COUNT} узлов" in got.stderr
        source.unlink()
        out.unlink()


def test_frozen_program_refuses_bad_input_with_one_line(frozen):
    got = run_frozen(frozen, "show", "п. 999")
    assert got.returncode == 1
    assert got.stderr.startswith("gp-desktop: ") and got.stderr.count("\n") == 1
    assert "Traceback" not in got.stderr


def test_frozen_output_into_a_reader_that_stops_early_ends_quietly(frozen):
    """`gp-desktop show 19 | head -1`: no "Exception ignored … BrokenPipeError" on the terminal."""
    process = subprocess.Popen(
        [*frozen.isolation, str(frozen.program), "show", "19"],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        env={"HOME": str(frozen.home), "LANG": "C.UTF-8", "PATH": "/usr/bin:/bin"},
    )
    process.stdout.close()  # the reader is gone before the program writes
    stderr = process.stderr.read().decode("utf-8")
    process.stderr.close()
    assert process.wait(timeout=120) == 0
    assert stderr == ""


@pytest.mark.skipif(not shutil.which("pdftotext"), reason="poppler-utils is not installed")
def test_frozen_excerpt_makes_the_pdf_the_checkout_makes(frozen, tmp_path):
    frozen_pdf = frozen.home / "vypiska.pdf"
    got = run_frozen(frozen, "excerpt", "пп. 8 п. 19", "21", "-o", str(frozen_pdf))
    assert got.returncode == 0, got.stderr
    checkout_pdf = tmp_path / "vypiska.pdf"
    made = run_cli("excerpt", "пп. 8 п. 19", "21", "-o", str(checkout_pdf))
    assert made.returncode == 0, made.stderr

    def text(pdf: Path) -> str:
        return subprocess.run(
            ["pdftotext", "-layout", str(pdf), "-"], capture_output=True, text=True, check=True
        ).stdout

    frozen_text = text(frozen_pdf)
    assert "Генерального Прокурора" in frozen_text
    assert frozen_text == text(checkout_pdf)


@pytest.mark.skipif(
    not HAS_SEARCH, reason="gp_desktop/commands/search.py is not on this branch yet"
)
def test_frozen_search_finds_what_the_checkout_finds(frozen, tmp_path):
    got = run_frozen(frozen, "search", "прокуратура", "--json")
    assert got.returncode == 0, got.stderr
    hits = json.loads(got.stdout)
    assert hits, "no hits for «прокуратура»"
    expected = json.loads(
        run_cli(
            "search",
            "прокуратура",
            "--json",
            env={"XDG_CACHE_HOME": str(tmp_path / "cache"), "HOME": str(tmp_path)},
        ).stdout
    )
    assert [h["id"] for h in hits] == [h["id"] for h in expected]
    # The index went to the user's cache; a second run reuses it and finds the same.
    assert any((frozen.home / ".cache" / NAME).rglob("*"))
    again = run_frozen(frozen, "search", "прокуратуры", "--json")
    assert again.returncode == 0, again.stderr
    assert [h["id"] for h in json.loads(again.stdout)] == [h["id"] for h in hits]


@pytest.mark.skipif(
    not HAS_GUI, reason="gp_desktop/ui/app.py (the main window) is not on this branch yet"
)
def test_frozen_self_test_opens_the_window_offscreen(frozen, capsys):
    got = run_frozen(frozen, "--self-test")
    assert got.returncode == 0, got.stdout + got.stderr
    lines = [line for line in got.stdout.splitlines() if line.strip()]
    timings = json.loads(lines[-1])
    assert timings["ok"] is True and timings["hits"] > 0
    _report(capsys, f"frozen --self-test: {lines[-1]}")


def test_the_installed_folder_cannot_be_written_even_by_root(frozen):
    if not frozen.read_only_mount:
        pytest.skip("no mount namespace here: the folder is only chmod a-w (root may still write)")
    probe = frozen.folder / "written-beside-the-program"
    result = subprocess.run(
        [*frozen.isolation, "touch", str(probe)], capture_output=True, text=True, timeout=30
    )
    assert result.returncode != 0 and "Read-only file system" in result.stderr
    assert not probe.exists()


def test_nothing_was_written_beside_the_program_in_any_run(frozen):
    assert frozen.runs > 0
    assert _snapshot(frozen.folder) == frozen.snapshot


def _internet_attempts(trace: str) -> list[str]:
    attempts = []
    for line in trace.splitlines():
        if "AF_INET" not in line:
            continue
        loopback = re.search(r'"(127\.\d+\.\d+\.\d+|::1)"', line)
        port = re.search(r"htons\((\d+)\)", line)
        if loopback and port and int(port.group(1)) == LOCAL_PRINT_SERVER_PORT:
            continue
        attempts.append(line)
    return attempts


def test_no_run_tried_to_reach_the_network(frozen):
    if not shutil.which("strace"):
        pytest.skip("strace is not installed: connection attempts cannot be recorded")
    logs = sorted(frozen.traces.glob("run-*.log"))
    assert len(logs) == frozen.runs
    attempts = [
        line for log in logs for line in _internet_attempts(log.read_text(errors="replace"))
    ]
    assert attempts == []


def test_trace_check_recognises_a_connection():
    trace = (
        '12 connect(4, {sa_family=AF_INET, sin_port=htons(443), sin_addr=inet_addr("93.184.216.34")}, 16) = -1\n'
        '12 connect(4, {sa_family=AF_INET, sin_port=htons(631), sin_addr=inet_addr("127.0.0.1")}, 16) = -1\n'
        '12 connect(5, {sa_family=AF_UNIX, sun_path="/tmp/.X11-unix/X0"}, 20) = 0\n'
    )
    assert len(_internet_attempts(trace)) == 1
