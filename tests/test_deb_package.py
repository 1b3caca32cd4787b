"""The Debian package (``make deb``): what it holds, and that it installs, runs and goes cleanly.

The package is made by packaging/make_deb.py — what ``make deb`` runs — from the desktop folder
the session builds once (conftest.desktop_build). As root the test then installs it with
``dpkg -i``, runs ``gp-desktop --self-test`` as the plain user ``nobody`` with networking
unavailable (a network namespace of its own) under ``strace``, checks that everything the
program wrote is in that user's folders (home, XDG_RUNTIME_DIR, TMPDIR), that the installed
files are unchanged (``dpkg --verify``), and removes the package with ``dpkg -r``, after which
no file of it is left. (``lintian`` checks it too: tests/test_lintian.py.)
"""

from __future__ import annotations

import json
import os
import pwd
import re
import shutil
import subprocess
import tempfile
from pathlib import Path

import pytest

from gp_desktop import __version__

pytestmark = pytest.mark.build

NAME = "gp-desktop"
ICON_SIZES = (16, 32, 48, 64, 128, 256)
# The folders dpkg -i touches besides /opt/gp-desktop; before the install and after the removal
# they list the same.
TOUCHED = ["/usr/bin", "/usr/share/applications", "/usr/share/icons/hicolor",
           "/usr/share/doc", "/usr/share/lintian/overrides"]  # fmt: skip
# Caches the system's own dpkg triggers keep (desktop-file-utils, gtk-update-icon-cache).
TRIGGER_CACHES = {"/usr/share/applications/mimeinfo.cache",
                  "/usr/share/icons/hicolor/icon-theme.cache"}  # fmt: skip
# System calls that change the file system (strace's names; -y shows paths of descriptors).
WRITING_CALLS = ("open,openat,openat2,creat,mkdir,mkdirat,unlink,unlinkat,rmdir,rename,renameat,"
                 "renameat2,link,linkat,symlink,symlinkat,truncate,chmod,fchmodat,chown,lchown,"
                 "fchownat,utimensat,mknod,mknodat,connect")  # fmt: skip
WRITE_FLAGS = re.compile(r"O_WRONLY|O_RDWR|O_CREAT|O_TRUNC|O_APPEND")
# Where a write is no file: the terminal, the null device, pipes, sockets, memory files.
NOT_FILES = re.compile(
    r"^(/dev/(null|zero|full|tty\d*|pts/\d+|u?random)|pipe:|socket:|anon_inode:|/memfd:)"
)


@pytest.fixture(scope="module")
def deb(deb_package) -> Path:
    path = deb_package.path
    assert path.name == f"{NAME}_{__version__}_{_architecture()}.deb"
    return path


def _architecture() -> str:
    return subprocess.run(
        ["dpkg", "--print-architecture"], capture_output=True, text=True
    ).stdout.strip()


def _contents(deb: Path) -> dict[str, str]:
    """Path in the package → the link's target, or "" for a file or folder."""
    listing = subprocess.run(
        ["dpkg-deb", "--contents", str(deb)], capture_output=True, text=True, check=True
    ).stdout
    entries = {}
    for line in listing.splitlines():
        path = line.split(None, 5)[5]
        name, _, target = path.partition(" -> ")
        entries[name.removeprefix(".").rstrip("/") or "/"] = target
    return entries


def _field(deb: Path, name: str) -> str:
    return subprocess.run(
        ["dpkg-deb", "--field", str(deb), name], capture_output=True, text=True, check=True
    ).stdout.strip()


def test_the_package_holds_the_folder_the_command_the_entry_and_the_icons(deb, desktop_build):
    entries = _contents(deb)
    assert entries[f"/usr/bin/{NAME}"] == f"/opt/{NAME}/{NAME}"
    assert f"/opt/{NAME}/{NAME}" in entries
    assert f"/opt/{NAME}/_internal/corpus.sqlite" in entries
    assert f"/usr/share/applications/{NAME}.desktop" in entries
    for size in ICON_SIZES:
        assert f"/usr/share/icons/hicolor/{size}x{size}/apps/{NAME}.png" in entries
    assert f"/usr/share/icons/hicolor/scalable/apps/{NAME}.svg" in entries
    assert f"/usr/share/doc/{NAME}/copyright" in entries
    assert f"/usr/share/doc/{NAME}/changelog.gz" in entries
    # Everything of the folder, and nothing else under /opt.
    folder = {
        f"/opt/{NAME}/{p.relative_to(desktop_build.folder).as_posix()}"
        for p in desktop_build.folder.rglob("*")
    }
    under_opt = {e for e in entries if e.startswith(f"/opt/{NAME}/")}
    assert under_opt == folder
    # Every link leads to something the package holds.
    for path, target in entries.items():
        if target:
            resolved = os.path.normpath(os.path.join(os.path.dirname(path), target))
            assert resolved in entries, f"{path} -> {target}"
    assert _field(deb, "Package") == NAME and _field(deb, "Version") == __version__
    assert "libc6" in _field(deb, "Depends")


def test_the_copyright_file_names_the_licences_of_what_it_carries(deb, tmp_path):
    subprocess.run(["dpkg-deb", "-x", str(deb), str(tmp_path)], check=True)
    text = (tmp_path / "usr" / "share" / "doc" / NAME / "copyright").read_text(encoding="utf-8")
    assert "have not yet chosen a licence" in text and "all rights" in text
    for needed in (
        "PySide6",  # Qt's binding, and Qt with it
        "LGPL-3.0-only",
        "/usr/share/common-licenses/LGPL-3",
        "PSF",  # Python
        "PyInstaller",
        "pymorphy3-dicts-ru",
        "Creative Commons Attribution-Share Alike",  # the dictionary's data
        "Whoosh",
        "lxml",
        "python-docx",
        "Markdown",
        "sqlite-utils",
        "Apache-2.0",
    ):
        assert needed.lower() in text.lower(), needed


def _snapshot(folders: list[str]) -> set[str]:
    paths = set()
    for folder in folders:
        for dirpath, dirnames, filenames in os.walk(folder):
            paths.update(os.path.join(dirpath, n) for n in dirnames + filenames)
    return paths - TRIGGER_CACHES


def _installed() -> bool:
    status = subprocess.run(
        ["dpkg-query", "-W", "-f=${db:Status-Status}", NAME], capture_output=True, text=True
    )
    return status.returncode == 0 and status.stdout.strip() not in ("", "not-installed")


def _isolation() -> list[str]:
    """A network namespace of its own for the run, where this machine allows one."""
    if (
        shutil.which("unshare")
        and subprocess.run(["unshare", "-n", "true"], capture_output=True).returncode == 0
    ):
        return ["unshare", "-n"]
    return []


def written_outside(trace: str, allowed: list[str], cwd: str) -> list[str]:
    """Paths the traced program changed (successful calls only) outside ``allowed`` folders.

    With ``strace -y`` every descriptor shows its path: an open's result is the file it
    opened, so «/proc/self/fd/7» is judged by what descriptor 7 is (a pipe, or a file)."""
    outside = []
    for line in trace.splitlines():
        call = re.match(r"^(?:\d+\s+)?(\w+)\((.*)\)\s+=\s+(\d+)(?:<(.*)>)?", line)
        if not call:
            continue
        name, args, _result, opened = call.groups()
        if name == "connect":
            continue  # judged by test_the_installed_program_tries_no_connection
        if name.startswith("open") or name == "creat":
            if name != "creat" and not WRITE_FLAGS.search(args):
                continue
            paths = [opened] if opened else re.findall(r'"((?:[^"\\]|\\.)*)"', args)[:1]
        else:
            # each path argument, joined to the folder a descriptor before it names; a link
            # (hard or symbolic) changes only its new name: the last one, not what it links to
            # (linkat from «/proc/self/fd/7» gives a name to a file opened O_TMPFILE)
            pairs = re.findall(r'(?:\d+<([^>]*)>, )?"((?:[^"\\]|\\.)*)"', args)
            if name in ("link", "linkat", "symlink", "symlinkat"):
                pairs = pairs[-1:]
            paths = [os.path.join(folder or cwd, path) for folder, path in pairs]
        for path in paths:
            path = os.path.normpath(os.path.join(cwd, path))
            if NOT_FILES.match(path) or any(
                path == a or path.startswith(a + os.sep) for a in allowed
            ):
                continue
            outside.append(f"{path} ({name})")
    return sorted(set(outside))


def test_written_outside_resolves_descriptors_and_keeps_to_the_user_folders():
    trace = "\n".join(
        [
            '7 openat(AT_FDCWD</h>, "/proc/self/fd/7", O_RDWR) = 8<pipe:[12345]>',
            '7 openat(AT_FDCWD</h>, "/proc/self/fd/9", O_WRONLY) = 10</etc/passwd>',
            '7 openat(AT_FDCWD</h>, "/home/u/.cache/x", O_WRONLY|O_CREAT, 0600) = 3</home/u/.cache/x>',
            '7 openat(AT_FDCWD</h>, "/usr/lib/libc.so.6", O_RDONLY|O_CLOEXEC) = 3</usr/lib/libc.so.6>',
            '7 openat(AT_FDCWD</h>, "/dev/null", O_WRONLY) = 3</dev/null>',
            '7 mkdirat(5</var/tmp>, "junk", 0700) = 0',
            '7 mkdir("rel", 0700) = 0',
            '7 unlink("/tmp/other") = 0',
            '7 rename("/home/u/a", "/srv/b") = 0',
            '7 openat(AT_FDCWD</h>, "/home/u/.cache", O_RDWR|O_TMPFILE, 0600) = 7</home/u/.cache/#9 (deleted)>',
            '7 linkat(AT_FDCWD</h>, "/proc/self/fd/7", AT_FDCWD</h>, "/home/u/.cache/i", AT_SYMLINK_FOLLOW) = 0',
            '7 linkat(AT_FDCWD</h>, "/proc/self/fd/7", 5</etc>, "evil", AT_SYMLINK_FOLLOW) = 0',
            '7 symlinkat("/etc/shadow", AT_FDCWD</h>, "/home/u/s") = 0',
        ]
    )
    found = written_outside(trace, ["/home/u"], "/home/u")
    assert found == [
        "/etc/evil (linkat)",
        "/etc/passwd (openat)",
        "/srv/b (rename)",
        "/tmp/other (unlink)",
        "/var/tmp/junk (mkdirat)",
    ]


@pytest.fixture(scope="module")
def installed(deb):
    if os.geteuid() != 0:
        pytest.skip("installing a package needs root (dpkg -i); run the suite as root")
    if not shutil.which("dpkg") or not shutil.which("runuser"):
        pytest.skip("dpkg or runuser is not on this machine")
    if _installed():
        pytest.skip(f"{NAME} is already installed on this machine: the test would replace it")
    before = _snapshot(TOUCHED)
    result = subprocess.run(["dpkg", "-i", str(deb)], capture_output=True, text=True, timeout=600)
    state = {"before": before, "install": result, "removed": False}
    try:
        yield state
    finally:
        if _installed():
            subprocess.run(["dpkg", "-r", NAME], capture_output=True, timeout=600)


@pytest.fixture(scope="module")
def plain_user_run(installed):
    assert installed["install"].returncode == 0, installed["install"].stderr
    user = pwd.getpwnam("nobody")
    base = Path(tempfile.mkdtemp(prefix="gp-desktop-deb-user-"))
    try:
        base.chmod(0o755)
        folders = {}
        for name in ("home", "run", "tmp", "trace"):
            folders[name] = base / name
            folders[name].mkdir(mode=0o700)
            os.chown(folders[name], user.pw_uid, user.pw_gid)
        trace = folders["trace"] / "strace"  # one file per process: strace.PID
        env = {
            "PATH": "/usr/bin:/bin",
            "LANG": "C.UTF-8",
            "HOME": str(folders["home"]),
            "XDG_RUNTIME_DIR": str(folders["run"]),
            "TMPDIR": str(folders["tmp"]),
            "QT_QPA_PLATFORM": "offscreen",
        }
        command = [*_isolation(), "runuser", "-u", "nobody", "--", "env", "-i",
                   *(f"{k}={v}" for k, v in env.items()),
                   "strace", "-ff", "-y", "-z", "-qq", "-o", str(trace), "-e",
                   f"trace={WRITING_CALLS}", NAME, "--self-test"]  # fmt: skip
        result = subprocess.run(
            command, cwd=folders["home"], capture_output=True, text=True, timeout=300
        )
        version = subprocess.run(
            [*_isolation(), "runuser", "-u", "nobody", "--", "env", "-i",
             *(f"{k}={v}" for k, v in env.items()), NAME, "--version"],
            cwd=folders["home"], capture_output=True, text=True, timeout=120,
        )  # fmt: skip
        yield {
            "result": result,
            "version": version,
            "trace": "\n".join(
                p.read_text(errors="replace") for p in sorted(folders["trace"].glob("strace.*"))
            ),
            "allowed": [str(folders[n].resolve()) for n in ("home", "run", "tmp")],
            "home": str(folders["home"]),
            "isolated": bool(_isolation()),
        }
    finally:
        shutil.rmtree(base, ignore_errors=True)


def test_the_installed_program_starts_for_a_plain_user_offline(plain_user_run, capsys):
    result = plain_user_run["result"]
    assert result.returncode == 0, result.stdout + result.stderr
    timings = json.loads([line for line in result.stdout.splitlines() if line.strip()][-1])
    assert timings["ok"] is True and timings["hits"] > 0
    lines = plain_user_run["version"].stdout.splitlines()
    assert lines[0] == f"gp-desktop {__version__}"
    assert lines[1] == f"корпус: /opt/{NAME}/_internal/corpus.sqlite (встроенный)"
    with capsys.disabled():
        where = "its own network namespace" if plain_user_run["isolated"] else "the host network"
        print(f"\n[deb] installed --self-test as nobody in {where}: ok, {timings['hits']} hits")


def test_the_installed_program_writes_only_in_the_users_folders(plain_user_run):
    trace = plain_user_run["trace"]
    assert trace, "strace recorded nothing"
    outside = written_outside(trace, plain_user_run["allowed"], plain_user_run["home"])
    assert outside == [], "wrote outside the user's folders"
    # and it did write there: the search index in the user's cache
    assert re.search(rf"{re.escape(plain_user_run['home'])}/\.cache/{NAME}", trace)


def test_the_installed_program_tries_no_connection(plain_user_run):
    attempts = [
        line
        for line in plain_user_run["trace"].splitlines()
        if re.search(r"\bconnect\(", line) and re.search(r"AF_INET6?\b", line)
    ]
    assert attempts == []


def test_the_installed_files_are_unchanged_and_removal_leaves_nothing(installed, plain_user_run):
    listed = subprocess.run(["dpkg", "-L", NAME], capture_output=True, text=True, check=True)
    files = [p for p in listed.stdout.splitlines() if p.startswith(("/opt", "/usr"))]
    assert f"/opt/{NAME}/{NAME}" in files
    verify = subprocess.run(["dpkg", "--verify", NAME], capture_output=True, text=True)
    assert verify.returncode == 0 and verify.stdout == "", verify.stdout + verify.stderr
    removed = subprocess.run(["dpkg", "-r", NAME], capture_output=True, text=True, timeout=600)
    assert removed.returncode == 0, removed.stderr
    assert not _installed()
    status = subprocess.run(["dpkg-query", "-W", NAME], capture_output=True, text=True)
    assert status.returncode != 0 or status.stdout.split("\t")[1:] in ([""], ["\n"], [])
    assert not Path(f"/opt/{NAME}").exists()
    assert not os.path.lexists(f"/usr/bin/{NAME}")
    left = [p for p in files if os.path.lexists(p) and not os.path.isdir(p)]
    assert left == []
    assert _snapshot(TOUCHED) == installed["before"]
