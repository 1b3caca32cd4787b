"""Safe handling of the user's files: one way to write a file, and damaged files set aside.

Every file the program writes (the corpus, an excerpt in any format, an export, bookmarks)
goes through :func:`write_via_temp` (or :func:`write_atomic` for bytes and text in hand):

- the target must be a regular file or absent: a device (``/dev/null``, ``/dev/full``), a
  FIFO, a socket or a folder is refused, never replaced by a regular file;
- a symbolic link is followed to its target, which is then written in its own folder (the
  link stays a link), the same way for every writer;
- an output that is one of the inputs (``build-corpus SRC -o SRC``) is refused;
- the content is made in a temporary file in the target's folder, flushed, ``fsync``-ed and
  checked (``verify``: e.g. :func:`verify_pdf`, :func:`verify_zip`, :func:`verify_sqlite`)
  before a rename puts it in place, so a full disk or a crash leaves the old file whole;
- temporary files of an earlier crash (``.<name>.<pid>.<random>.tmp`` of a process that is
  gone, or older than a day) are removed before a new one is made.

Any refusal or failure raises :class:`UnsafeWrite` (an ``OSError`` whose ``strerror`` is a
Russian sentence for the user), or the ``OSError`` of the system call that failed; callers
print ``exc.strerror`` in their one line or dialog. Other writers (the DOCX excerpt, the
editions corpus) call the same functions::

    from gp_desktop.atomic_file import write_via_temp, verify_zip
    write_via_temp(path, lambda tmp: document.save(tmp), verify=verify_zip)

A file that cannot be read is renamed aside (:func:`set_aside`) rather than overwritten, so
the app can start afresh without destroying anything.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import errno
import os
import re
import stat
import time
from collections.abc import Callable, Iterable
from pathlib import Path

from gp_desktop.read_only import connect_read_only

STALE_TEMP_SECONDS = 24 * 3600
"""A temporary file of ours older than this is abandoned even if its pid is alive (reused)."""

_TEMP = re.compile(r"^\.(?P<name>.+)\.(?P<pid>\d+)\.[0-9a-f]{8}\.tmp$")


class UnsafeWrite(OSError):
    """The target cannot be written safely; ``strerror`` says why, in Russian."""

    def __init__(self, reason: str, path: str | Path, code: int = errno.EINVAL) -> None:
        super().__init__(code, reason, str(path))


def _kind(mode: int) -> str:
    if stat.S_ISDIR(mode):
        return "это папка, а не файл"
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return "это устройство, а не обычный файл"
    if stat.S_ISFIFO(mode):
        return "это канал (FIFO), а не обычный файл"
    if stat.S_ISSOCK(mode):
        return "это сокет, а не обычный файл"
    return "это не обычный файл"


def writable_target(path: str | Path, inputs: Iterable[str | Path] = ()) -> Path:
    """The real file ``path`` names, if it may be replaced; UnsafeWrite saying why not.

    A symlink is followed to its target (dangling: the file it would create); the folder
    must exist; the target must be absent or a regular file, and none of ``inputs``."""
    given = Path(path)
    if not str(path):
        raise UnsafeWrite("не указан файл", path)
    real = Path(os.path.realpath(given))
    folder = real.parent
    try:
        # The name as given, followed as the system follows it (/dev/stdout to the pipe).
        info = os.stat(given)
    except FileNotFoundError:
        info = None
    except NotADirectoryError:
        raise UnsafeWrite(f"«{given.parent}» — это файл, а не папка", path) from None
    except OSError as exc:
        raise UnsafeWrite(exc.strerror or str(exc), path, exc.errno or errno.EIO) from None
    if info is not None and not stat.S_ISREG(info.st_mode):
        hint = "; для вывода на экран укажите «-o -»" if stat.S_ISCHR(info.st_mode) else ""
        raise UnsafeWrite(_kind(info.st_mode) + hint, path)
    if not folder.is_dir():
        if folder.exists():
            raise UnsafeWrite(f"«{given.parent}» — это файл, а не папка", path)
        raise UnsafeWrite(f"нет такой папки «{given.parent}»", path, errno.ENOENT)
    if info is not None:
        for source in inputs:
            try:
                same = os.path.samefile(source, real)
            except OSError:
                same = False
            if same:
                raise UnsafeWrite("это исходный файл; укажите другой файл для записи", path)
    return real


def _pid_alive(pid: int) -> bool:
    if pid == os.getpid():
        return True
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except (PermissionError, OSError):
        return True  # someone else's live process
    return True


def clean_stale_temps(target: str | Path) -> list[Path]:
    """Remove our temporary files for ``target`` left by a crash; the ones removed.

    Only names of our own pattern for this very target count, and only when the process
    that made them is gone or the file is older than a day."""
    target = Path(target)
    removed: list[Path] = []
    now = time.time()
    try:
        entries = list(os.scandir(target.parent))
    except OSError:
        return removed
    for entry in entries:
        match = _TEMP.match(entry.name)
        if not match or match["name"] != target.name:
            continue
        try:
            info = entry.stat(follow_symlinks=False)
            if not stat.S_ISREG(info.st_mode):
                continue
            if _pid_alive(int(match["pid"])) and now - info.st_mtime < STALE_TEMP_SECONDS:
                continue
            os.unlink(entry.path)
            removed.append(Path(entry.path))
        except OSError:
            continue
    return removed


def temp_name(target: Path) -> Path:
    """A fresh temporary file name beside ``target``, of the pattern clean_stale_temps knows."""
    return target.with_name(f".{target.name}.{os.getpid()}.{os.urandom(4).hex()}.tmp")


def _fsync_folder(folder: Path) -> None:
    # Makes the rename itself durable; not possible on every system (Windows), not fatal.
    with contextlib.suppress(OSError, AttributeError):
        fd = os.open(folder, os.O_RDONLY | getattr(os, "O_DIRECTORY", 0))
        try:
            os.fsync(fd)
        finally:
            os.close(fd)


def write_via_temp(
    path: str | Path,
    render: Callable[[Path], None],
    *,
    inputs: Iterable[str | Path] = (),
    verify: Callable[[Path], None] | None = None,
    allow_empty: bool = False,
) -> Path:
    """Make the file with ``render(tmp)`` beside ``path``, check it, and rename it over ``path``.

    ``render`` writes the whole file at ``tmp`` (which exists, empty). ``verify(tmp)`` raises
    (UnsafeWrite, or any exception) if what was written is not complete. On any failure the
    temporary file is removed and the old ``path`` is left as it was. Returns the real path
    written (symlinks resolved)."""
    target = writable_target(path, inputs)
    clean_stale_temps(target)
    tmp = temp_name(target)
    fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    os.close(fd)
    try:
        render(tmp)
        fd = os.open(tmp, os.O_RDONLY)
        try:
            os.fsync(fd)
            size = os.fstat(fd).st_size
        finally:
            os.close(fd)
        if size == 0 and not allow_empty:
            raise UnsafeWrite("файл не записан (пустой результат; возможно, диск заполнен)", path)
        if verify is not None:
            verify(tmp)
        try:
            mode = stat.S_IMODE(os.stat(target).st_mode)
        except FileNotFoundError:
            umask = os.umask(0)
            os.umask(umask)
            mode = 0o666 & ~umask
        os.chmod(tmp, mode)
        # Checked again just before: something else may have appeared there meanwhile.
        writable_target(target, inputs)
        os.replace(tmp, target)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        raise
    _fsync_folder(target.parent)
    return target


def write_atomic(
    path: str | Path,
    data: bytes | str,
    encoding: str = "utf-8",
    *,
    inputs: Iterable[str | Path] = (),
) -> Path:
    """Write ``data`` to ``path`` safely (see the module); the size written is checked.

    Raises OSError (UnsafeWrite for a refused target) with a ``strerror`` for the user."""
    payload = data.encode(encoding) if isinstance(data, str) else data

    def render(tmp: Path) -> None:
        with open(tmp, "wb") as fh:
            fh.write(payload)
            fh.flush()

    def verify(tmp: Path) -> None:
        if os.path.getsize(tmp) != len(payload):
            raise UnsafeWrite("файл записан не полностью (возможно, диск заполнен)", path)

    return write_via_temp(path, render, inputs=inputs, verify=verify, allow_empty=not payload)


_INCOMPLETE = "файл записан не полностью (возможно, диск заполнен)"


def verify_pdf(path: str | Path) -> None:
    """A whole PDF: the header, a trailer at the end, and a cross-reference where it points."""
    size = os.path.getsize(path)
    with open(path, "rb") as fh:
        head = fh.read(8)
        fh.seek(max(0, size - 1024))
        tail = fh.read()
        if not head.startswith(b"%PDF-") or not tail.rstrip().endswith(b"%%EOF"):
            raise UnsafeWrite(_INCOMPLETE, path, errno.EIO)
        found = re.search(rb"startxref\s+(\d+)\s+%%EOF\s*$", tail)
        if not found or int(found[1]) >= size:
            raise UnsafeWrite(_INCOMPLETE, path, errno.EIO)
        fh.seek(int(found[1]))
        at = fh.read(32)
        if not (at.startswith(b"xref") or re.match(rb"\d+ \d+ obj", at)):
            raise UnsafeWrite(_INCOMPLETE, path, errno.EIO)


def verify_zip(path: str | Path) -> None:
    """A zip package (ODT, DOCX) that reads back whole, every member's checksum right."""
    import zipfile  # with its compressors, only when a package is written

    try:
        with zipfile.ZipFile(path) as package:
            if not package.namelist() or package.testzip() is not None:
                raise UnsafeWrite(_INCOMPLETE, path, errno.EIO)
    except (zipfile.BadZipFile, EOFError, ValueError):
        raise UnsafeWrite(_INCOMPLETE, path, errno.EIO) from None


def verify_docx(path: str | Path) -> None:
    """A Word package: a zip that reads back whole (``verify_zip``) with the parts Word needs
    first of all, the content types and the document itself."""
    import zipfile

    verify_zip(path)
    with zipfile.ZipFile(path) as package:
        names = set(package.namelist())
    if not {"[Content_Types].xml", "word/document.xml"} <= names:
        raise UnsafeWrite(_INCOMPLETE, path, errno.EIO)


def verify_sqlite(path: str | Path) -> None:
    """An SQLite file of the size its header gives that passes ``PRAGMA quick_check``."""
    import sqlite3

    with open(path, "rb") as fh:
        header = fh.read(100)
    page_size = int.from_bytes(header[16:18], "big") if len(header) == 100 else 0
    page_size = 65536 if page_size == 1 else page_size
    pages = int.from_bytes(header[28:32], "big") if page_size else 0
    if not page_size or os.path.getsize(path) != page_size * pages:
        raise UnsafeWrite(_INCOMPLETE, path, errno.EIO)
    try:
        conn = connect_read_only(path, immutable=False)
        try:
            result = conn.execute("PRAGMA quick_check").fetchall()
        finally:
            conn.close()
    except sqlite3.Error:
        raise UnsafeWrite(_INCOMPLETE, path, errno.EIO) from None
    if result != [("ok",)]:
        raise UnsafeWrite(_INCOMPLETE, path, errno.EIO)


_REASONS = {
    errno.ENOSPC: "нет места на диске",
    errno.EDQUOT: "превышена дисковая квота",
    errno.EACCES: "нет прав на запись",
    errno.EPERM: "нет прав на запись",
    errno.EROFS: "диск только для чтения",
    errno.EISDIR: "это папка, а не файл",
    errno.ENOENT: "нет такой папки",
    errno.ENOTDIR: "в пути файл вместо папки",
    errno.EFBIG: "файл слишком велик",
    errno.EIO: "ошибка ввода-вывода",
}


def failure_text(path: str | Path, exc: OSError) -> str:
    """One line for the user: what failed, why, and that the old file (if any) is intact."""
    if isinstance(exc, UnsafeWrite):
        reason = exc.strerror
    else:
        reason = f"не удалось записать ({_REASONS.get(exc.errno or 0) or exc.strerror or exc})"
    try:
        kept = os.path.isfile(path)
    except (OSError, ValueError):
        kept = False
    return f"{path}: {reason}" + ("; прежний файл не изменён" if kept else "")


def set_aside(path: str | Path) -> str:
    """Rename a damaged file to ``<name>.damaged-<time>``; say where it went, for a message."""
    source = Path(path)
    stamp = dt.datetime.now().strftime("%Y%m%d-%H%M%S")
    aside = source.with_name(f"{source.name}.damaged-{stamp}")
    n = 1
    while aside.exists() or aside.is_symlink():
        n += 1
        aside = source.with_name(f"{source.name}.damaged-{stamp}-{n}")
    try:
        source.replace(aside)
    except OSError:
        return "его не удалось переименовать"
    return f"он сохранён как {aside.name}"
