"""One safe way to write a file (gp_desktop.atomic_file), as every writer uses it.

Devices, FIFOs and folders are refused, never replaced; symlinks are followed to their
target; an output that is an input is refused; a failure (a full disk included) leaves the
old file whole and says so; the temporary files of a crash are cleaned.
"""

from __future__ import annotations

import os
import shutil
import stat
import subprocess
import sys
import time
import zipfile
from pathlib import Path

import pytest
from conftest import ROOT, SOURCE, run_cli

from gp_desktop.atomic_file import (
    UnsafeWrite,
    clean_stale_temps,
    failure_text,
    temp_name,
    verify_pdf,
    verify_sqlite,
    verify_zip,
    writable_target,
    write_atomic,
    write_via_temp,
)


def _leftovers(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir() if p.name.endswith(".tmp"))


# -- what may be written ------------------------------------------------------------------


def test_a_device_is_refused_and_left_a_device(tmp_path):
    for device in ("/dev/null", "/dev/full"):
        before = os.stat(device)
        with pytest.raises(UnsafeWrite, match="устройство"):
            write_atomic(device, "x")
        after = os.stat(device)
        assert stat.S_ISCHR(after.st_mode) and after.st_rdev == before.st_rdev


def test_a_fifo_and_a_folder_are_refused(tmp_path):
    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)
    with pytest.raises(UnsafeWrite, match="FIFO"):
        write_atomic(fifo, "x")  # must not block opening it
    assert stat.S_ISFIFO(os.stat(fifo).st_mode)
    (tmp_path / "dir").mkdir()
    with pytest.raises(UnsafeWrite, match="папка"):
        write_atomic(tmp_path / "dir", "x")
    with pytest.raises(UnsafeWrite, match="нет такой папки"):
        write_atomic(tmp_path / "absent" / "f.txt", "x")
    (tmp_path / "plain").write_text("p")
    with pytest.raises(UnsafeWrite, match="файл, а не папка"):
        write_atomic(tmp_path / "plain" / "f.txt", "x")
    assert _leftovers(tmp_path) == []


def test_a_symlink_is_followed_to_its_regular_target(tmp_path):
    real_dir = tmp_path / "real"
    real_dir.mkdir()
    target = real_dir / "out.txt"
    target.write_text("old")
    link = tmp_path / "link.txt"
    link.symlink_to(target)
    assert write_atomic(link, "new") == target
    assert link.is_symlink() and target.read_text() == "new"
    dangling = tmp_path / "dangling.txt"
    dangling.symlink_to(real_dir / "later.txt")
    write_atomic(dangling, "made")
    assert dangling.is_symlink() and (real_dir / "later.txt").read_text() == "made"
    # A link to a device is a device.
    to_null = tmp_path / "null"
    to_null.symlink_to("/dev/null")
    with pytest.raises(UnsafeWrite, match="устройство"):
        write_atomic(to_null, "x")
    assert _leftovers(real_dir) == [] and _leftovers(tmp_path) == []


def test_an_input_is_never_the_output(tmp_path):
    source = tmp_path / "src.md"
    source.write_text("text")
    link = tmp_path / "alias.md"
    link.symlink_to(source)
    hard = tmp_path / "hard.md"
    os.link(source, hard)
    for output in (source, link, hard):
        with pytest.raises(UnsafeWrite, match="исходный файл"):
            writable_target(output, inputs=[source])
    assert source.read_text() == "text"


def test_the_file_keeps_its_permissions(tmp_path):
    target = tmp_path / "f.txt"
    target.write_text("old")
    target.chmod(0o640)
    write_atomic(target, "new")
    assert stat.S_IMODE(target.stat().st_mode) == 0o640


# -- failures keep the old file -------------------------------------------------------------


def test_a_failed_render_or_check_leaves_the_old_file(tmp_path):
    target = tmp_path / "v.pdf"
    target.write_bytes(b"good")

    def broken(tmp: Path) -> None:
        tmp.write_bytes(b"%PDF-1.4 half")
        raise OSError(28, "No space left on device")

    with pytest.raises(OSError) as caught:
        write_via_temp(target, broken)
    assert target.read_bytes() == b"good" and _leftovers(tmp_path) == []
    assert failure_text(target, caught.value) == (
        f"{target}: не удалось записать (нет места на диске); прежний файл не изменён"
    )
    with pytest.raises(UnsafeWrite, match="не полностью"):
        write_via_temp(target, lambda tmp: tmp.write_bytes(b"%PDF-1.4 half"), verify=verify_pdf)
    with pytest.raises(UnsafeWrite, match="пустой"):
        write_via_temp(target, lambda tmp: None)
    assert target.read_bytes() == b"good" and _leftovers(tmp_path) == []


def test_verify_pdf_zip_sqlite_tell_whole_from_truncated(tmp_path, qapp):
    from conftest import CORPUS

    from gp_desktop.corpus.reader import Corpus
    from gp_desktop.excerpt import compose_excerpt
    from gp_desktop.ui.excerpt.printing import write_odt, write_pdf

    excerpt = compose_excerpt(Corpus(CORPUS), ["19"])
    pdf = write_pdf(excerpt, tmp_path / "v.pdf")
    odt = write_odt(excerpt, tmp_path / "v.odt")
    for good, check in ((pdf, verify_pdf), (odt, verify_zip), (CORPUS, verify_sqlite)):
        check(good)
        data = good.read_bytes()
        for cut in (len(data) // 3, len(data) - 7):
            broken = tmp_path / f"cut{good.suffix}"
            broken.write_bytes(data[:cut])
            with pytest.raises(UnsafeWrite):
                check(broken)


def test_temporary_files_of_a_crash_are_cleaned(tmp_path):
    target = tmp_path / "bookmarks.json"
    dead = subprocess.Popen([sys.executable, "-c", "pass"])
    dead.wait()
    ours_dead = tmp_path / f".bookmarks.json.{dead.pid}.0123abcd.tmp"
    ours_old = tmp_path / f".bookmarks.json.{os.getppid()}.89abcdef.tmp"
    alive = temp_name(target)  # this very process, fresh: another write in progress
    foreign = tmp_path / ".bookmarks.json.x.tmp"  # not our pattern: someone else's
    other = tmp_path / f".other.json.{dead.pid}.0123abcd.tmp"  # another target's
    for path in (ours_dead, ours_old, alive, foreign, other):
        path.write_text("partial")
    long_ago = time.time() - 3 * 24 * 3600
    os.utime(ours_old, (long_ago, long_ago))
    write_atomic(target, "{}")
    assert not ours_dead.exists() and not ours_old.exists()
    assert alive.exists() and foreign.exists() and other.exists()
    assert clean_stale_temps(target) == []


def test_a_temporary_file_left_by_kill_9_is_cleaned_by_the_next_write(tmp_path):
    target = tmp_path / "out.txt"
    script = (
        "import os, signal, sys\n"
        "from gp_desktop.atomic_file import write_via_temp\n"
        "def render(tmp):\n"
        "    tmp.write_text('half')\n"
        "    os.kill(os.getpid(), signal.SIGKILL)\n"
        f"write_via_temp({str(target)!r}, render)\n"
    )
    result = subprocess.run([sys.executable, "-c", script], cwd=ROOT, timeout=60)
    assert result.returncode == -9
    assert len(_leftovers(tmp_path)) == 1
    write_atomic(target, "whole")
    assert _leftovers(tmp_path) == [] and target.read_text() == "whole"


# -- the commands ------------------------------------------------------------------------


def test_export_refuses_devices_and_links_to_them(tmp_path):
    for output in ("/dev/null", "/dev/stdout", "/dev/full"):
        before = os.lstat(output)
        result = run_cli("export", "--format", "text", "-o", output)
        assert result.returncode == 1, result.stderr
        line = result.stderr.strip()
        assert "\n" not in line and "обычный файл" in line, line
        assert os.lstat(output).st_mode == before.st_mode


def test_build_corpus_never_overwrites_its_source(tmp_path):
    source = tmp_path / "act.md"
    shutil.copy(SOURCE, source)
    for output in (source, tmp_path / "alias.md"):
        if output != source:
            output.symlink_to(source)
        result = run_cli("build-corpus", str(source), "-o", str(output))
        assert result.returncode == 1
        assert "исходный файл" in result.stderr and result.stderr.count("\n") == 1
        assert source.read_bytes() == SOURCE.read_bytes()
    result = run_cli("build-corpus", str(source), "-o", "/dev/full")
    assert result.returncode == 1 and "устройство" in result.stderr
    assert stat.S_ISCHR(os.stat("/dev/full").st_mode)


def test_excerpt_to_a_fifo_is_refused_without_blocking(tmp_path):
    fifo = tmp_path / "v.txt"
    os.mkfifo(fifo)
    result = run_cli("excerpt", "19", "-o", str(fifo))
    assert result.returncode == 1 and "FIFO" in result.stderr


# -- a full disk -------------------------------------------------------------------------

SMALL_DISK = r"""
set -u
mount -t tmpfs -o size=64k tmpfs "$DISK" || exit 99
cp "$GOOD" "$DISK/$NAME"
# Fill the disk, then free a little: the new file starts to be written and runs out.
dd if=/dev/zero of="$DISK/filler" bs=4k 2>/dev/null
truncate -s -8K "$DISK/filler"
"$@"; rc=$?
cp "$DISK/$NAME" "$OUT/after"
ls -a "$DISK" > "$OUT/listing"
exit $rc
"""


def run_on_full_disk(tmp_path: Path, good: Path, name: str, *argv: str):
    """Run ``argv`` with ``$DISK/name`` holding ``good`` on a 64 KB tmpfs almost full; the
    file as it is afterwards is ``tmp_path/out/after``. Skips where no mount namespace."""
    if not shutil.which("unshare") or subprocess.run(["unshare", "-rm", "true"]).returncode:
        pytest.skip("no mount namespace here to make a small disk in")
    disk, out = tmp_path / "disk", tmp_path / "out"
    disk.mkdir()
    out.mkdir()
    env = {
        **os.environ,
        "DISK": str(disk),
        "GOOD": str(good),
        "NAME": name,
        "OUT": str(out),
        "PYTHONIOENCODING": "utf-8",
    }
    result = subprocess.run(
        ["unshare", "-rm", "sh", "-c", SMALL_DISK, "sh", *argv],
        capture_output=True,
        text=True,
        encoding="utf-8",
        cwd=ROOT,
        env=env,
        timeout=180,
    )
    if result.returncode == 99:
        pytest.skip("tmpfs cannot be mounted here")
    return result, out


def test_export_on_a_full_disk_keeps_the_old_file(tmp_path):
    good = tmp_path / "good.txt"
    good.write_text("прежний текст\n", encoding="utf-8")
    result, out = run_on_full_disk(
        tmp_path,
        good,
        "act.txt",
        sys.executable,
        "-m",
        "gp_desktop",
        "export",
        "--format",
        "text",
        "-o",
        str(tmp_path / "disk" / "act.txt"),
    )
    assert result.returncode == 1, result.stderr
    assert "нет места на диске" in result.stderr and "прежний файл не изменён" in result.stderr
    assert result.stderr.count("\n") == 1
    assert (out / "after").read_bytes() == good.read_bytes()
    assert ".tmp" not in (out / "listing").read_text()


@pytest.mark.parametrize("suffix", [".pdf", ".odt"])
def test_excerpt_on_a_full_disk_keeps_the_old_file(tmp_path, suffix):
    good = tmp_path / f"good{suffix}"
    made = run_cli("excerpt", "1", "-o", str(good))
    assert made.returncode == 0, made.stderr
    result, out = run_on_full_disk(
        tmp_path,
        good,
        f"v{suffix}",
        sys.executable,
        "-m",
        "gp_desktop",
        "excerpt",
        "глава 3",
        "-o",
        str(tmp_path / "disk" / f"v{suffix}"),
    )
    assert result.returncode == 1, result.stderr
    line = result.stderr.strip()
    assert "\n" not in line and "прежний файл не изменён" in line, line
    assert (out / "after").read_bytes() == good.read_bytes()
    assert ".tmp" not in (out / "listing").read_text()
    if suffix == ".odt":
        with zipfile.ZipFile(out / "after") as package:
            assert package.testzip() is None
