"""The user's bookmarks: starred clauses kept by node id in a small JSON file.

Bookmarks live in the user's data folder, never in corpus.sqlite (which is read-only and
replaced with every new edition of the act). Node ids are stable across rebuilds of the same
text, so a bookmark survives an update of the corpus; one whose clause is gone is kept and
shown as such rather than silently dropped.

Nothing the user starred is lost:

- a file that cannot be read at all (not JSON, nested a thousand deep, a FIFO or a folder in
  its place) is renamed aside and the app starts with no bookmarks; one that is partly wrong
  (an entry of the wrong type) is read as far as it goes and a copy of it is set aside;
  a byte-order mark is accepted; every problem is one message for a dialog;
- fields this version does not know (a newer program's, at the top or in an entry) are
  kept and written back, and so is a newer format version;
- every change is merged into the file on disk under a lock (``fcntl.flock`` on
  ``bookmarks.json.lock``), so two windows or two programs starring at once both keep
  their stars; :meth:`Bookmarks.refresh` picks up what the others wrote.

Membership is a dictionary lookup, so 100 000 bookmarks load and answer at once.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import json
import json.encoder
import os
import shutil
import stat
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from gp_desktop.atomic_file import failure_text, set_aside, write_atomic
from gp_desktop.paths import user_data_dir

try:
    import fcntl
except ImportError:  # Windows: one program per user there; the rename still keeps the file whole
    fcntl = None  # type: ignore[assignment]

FILE_NAME = "bookmarks.json"
FORMAT_VERSION = 1
MAX_FILE_BYTES = 256 << 20
"""A bookmarks file larger than this is not ours (a million bookmarks take about 70 MB)."""
LOCK_WAIT_SECONDS = 5.0


_KNOWN = ("node_id", "added")
_quoted = json.encoder.encode_basestring  # what json.dumps(ensure_ascii=False) quotes with


def _entry_json(bookmark: Bookmark) -> str:
    """The bookmark's line, exactly as ``json.dumps(entry, ensure_ascii=False)`` writes it:
    quoted by the C encoder directly for the usual two fields (json.dumps per entry made a star
    on 100 000 bookmarks take seconds), through json.dumps when unknown fields ride along."""
    if not bookmark.extra:
        return f'{{"node_id": {_quoted(bookmark.node_id)}, "added": {_quoted(bookmark.added)}}}'
    entry = {"node_id": bookmark.node_id, "added": bookmark.added, **bookmark.extra}
    return json.dumps(entry, ensure_ascii=False)


@dataclass(frozen=True)
class Bookmark:
    node_id: str
    added: str
    """When it was starred, ISO date and time (local), for the list's tooltip."""
    extra: dict[str, Any] = field(default_factory=dict, compare=False, repr=False)
    """Fields of the entry this version does not know, written back as they were."""


class BookmarksFileError(Exception):
    """The bookmarks file could not be read or written; the message is for the user."""


def default_path() -> Path:
    return user_data_dir() / FILE_NAME


@dataclass
class _Content:
    """What a bookmarks file holds, read as well as it could be."""

    items: list[Bookmark]
    top: dict[str, Any]
    """Top-level fields other than ``bookmarks`` (``version`` included), kept as they were."""
    skipped: int = 0
    """Entries that could not be read (kept only in the copy set aside)."""
    damaged: bool = False
    """The file was set aside or only partly read."""


class _Unreadable(Exception):
    """The file cannot be read at all; the message says why."""


def _parse(raw: bytes) -> _Content:
    try:
        text = raw.decode("utf-8-sig")  # Notepad's byte-order mark is not damage
    except UnicodeDecodeError:
        raise _Unreadable("не UTF-8") from None
    try:
        data = json.loads(text)
    except RecursionError:
        raise _Unreadable("слишком глубокая вложенность") from None
    except ValueError as exc:
        raise _Unreadable(f"не JSON: {exc}") from None
    if not isinstance(data, dict):
        raise _Unreadable("нет списка закладок")
    entries = data.get("bookmarks")
    if not isinstance(entries, list):
        raise _Unreadable("нет списка закладок")
    top = {k: v for k, v in data.items() if k != "bookmarks"}
    items: list[Bookmark] = []
    skipped = 0
    for entry in entries:
        if isinstance(entry, str):  # a bare id: read it, the date is unknown
            entry = {"node_id": entry}
        if not isinstance(entry, dict) or not isinstance(entry.get("node_id"), str):
            skipped += 1
            continue
        if not entry["node_id"]:
            skipped += 1
            continue
        added = entry.get("added")
        # Nearly every entry holds the two known fields only: no comprehension for those
        # (a third of the load of 100 000 bookmarks, benchmarks/bookmarks_bench.py).
        known = 1 + ("added" in entry)
        extra = {} if len(entry) == known else {k: v for k, v in entry.items() if k not in _KNOWN}
        items.append(Bookmark(entry["node_id"], added if isinstance(added, str) else "", extra))
    return _Content(items, top, skipped)


def _read(path: Path) -> bytes | None:
    """The file's bytes, None if there is none; _Unreadable for what is not a plain file.

    Checked before opening: opening a FIFO would wait for a writer for ever."""
    try:
        info = os.stat(path)
    except FileNotFoundError:
        return None
    except OSError as exc:
        raise _Unreadable(exc.strerror or str(exc)) from None
    if stat.S_ISDIR(info.st_mode):
        raise _Unreadable("на его месте папка")
    if not stat.S_ISREG(info.st_mode):
        raise _Unreadable("на его месте не обычный файл")
    if info.st_size > MAX_FILE_BYTES:
        raise _Unreadable(f"слишком велик ({info.st_size} байт)")
    flags = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0)
    fd = os.open(path, flags)
    try:
        with os.fdopen(fd, "rb") as fh:
            return fh.read(MAX_FILE_BYTES + 1)
    except OSError as exc:
        raise _Unreadable(exc.strerror or str(exc)) from None


def _copy_aside(path: Path) -> str:
    stamp = dt.datetime.now().strftime("%Y%m%d-%H%M%S")
    copy = path.with_name(f"{path.name}.damaged-{stamp}")
    try:
        shutil.copyfile(path, copy)
    except OSError:
        return "копию сохранить не удалось"
    return f"копия сохранена как {copy.name}"


def _load_content(path: Path) -> tuple[_Content, str]:
    """What the file holds and a message for the user ("" when all is well).

    A file that cannot be read at all is renamed aside; a partly read one is copied aside."""
    try:
        raw = _read(path)
        if raw is None:
            return _Content([], {"version": FORMAT_VERSION}), ""
        content = _parse(raw)
    except _Unreadable as exc:
        where = set_aside(path)
        return _Content([], {"version": FORMAT_VERSION}, damaged=True), (
            f"Файл закладок {path} повреждён ({exc}); {where}."
        )
    except OSError as exc:
        return _Content([], {"version": FORMAT_VERSION}), (
            f"{path}: не удаётся прочитать закладки ({exc.strerror})"
        )
    notes = []
    content.damaged = bool(content.skipped)
    if content.skipped:
        notes.append(
            f"Файл закладок {path} повреждён: {content.skipped} записей не прочитано, "
            f"прочитано {len(content.items)}; {_copy_aside(path)}."
        )
    version = content.top.get("version")
    if isinstance(version, int) and not isinstance(version, bool) and version > FORMAT_VERSION:
        notes.append(
            f"Файл закладок {path} записан более новой версией программы (формат {version}); "
            "закладки прочитаны, незнакомые поля сохраняются."
        )
    return content, " ".join(notes)


def _unique(items: list[Bookmark]) -> dict[str, Bookmark]:
    unique: dict[str, Bookmark] = {}
    for item in items:
        unique.setdefault(item.node_id, item)
    return unique


@contextlib.contextmanager
def _locked(path: Path) -> Iterator[None]:
    """Hold ``<path>.lock`` exclusively: one read-merge-write at a time across processes.

    Waits a few seconds at most: a program that holds the lock for longer is stuck, and
    this one must not hang with it (BookmarksFileError)."""
    if fcntl is None:
        yield
        return
    lock = path.with_name(path.name + ".lock")
    flags = os.O_RDWR | os.O_CREAT | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_NOFOLLOW", 0)
    try:
        fd = os.open(lock, flags, 0o644)
    except OSError:
        yield  # the lock cannot be made (a read-only folder): the save will report why
        return
    try:
        deadline = time.monotonic() + LOCK_WAIT_SECONDS
        while True:
            try:
                fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
                break
            except BlockingIOError:
                if time.monotonic() > deadline:
                    raise BookmarksFileError(
                        f"{path}: закладки заняты другой программой; повторите позже"
                    ) from None
                time.sleep(0.02)
            except OSError:
                break  # a file system without locks: go on without
        yield
    finally:
        os.close(fd)  # releases the lock


class Bookmarks:
    """Starred node ids in the order they were starred, merged into the file on each change."""

    def __init__(
        self,
        path: Path,
        items: list[Bookmark],
        problem: str = "",
        top: dict[str, Any] | None = None,
    ) -> None:
        self.path = path
        self._by_id = _unique(items)
        self._top = top if top is not None else {"version": FORMAT_VERSION}
        self.problem = problem
        """What was wrong with the file on disk (set aside, partly read, newer), or ""."""
        self._seen = self._stamp()
        self._unsaved: list[Callable[[dict[str, Bookmark]], object]] = []
        """Changes of this session that could not be written yet, applied again next time."""

    @classmethod
    def load(cls, path: Path | None = None) -> Bookmarks:
        """Read the file; none means no bookmarks; damage is set aside, never fatal."""
        path = path or default_path()
        content, problem = _load_content(path)
        return cls(path, content.items, problem, content.top)

    def _stamp(self) -> tuple[int, int, int] | None:
        try:
            info = os.stat(self.path)
        except OSError:
            return None
        return (info.st_mtime_ns, info.st_size, info.st_ino)

    def refresh(self) -> bool:
        """Re-read the file if another window or program changed it; True if it did."""
        if self._stamp() == self._seen:
            return False
        content, _ = _load_content(self.path)
        self._by_id = _unique(content.items)
        self._top = content.top
        self._seen = self._stamp()
        return True

    def __iter__(self) -> Iterator[Bookmark]:
        return iter(self._by_id.values())

    def __len__(self) -> int:
        return len(self._by_id)

    def __contains__(self, node_id: object) -> bool:
        return node_id in self._by_id

    @property
    def items(self) -> tuple[Bookmark, ...]:
        return tuple(self._by_id.values())

    def add(self, node_id: str) -> bool:
        """Star ``node_id``; False if it already was. Raises BookmarksFileError if unsaved."""
        if node_id in self._by_id:
            return False
        added = dt.datetime.now().replace(microsecond=0).isoformat()
        bookmark = Bookmark(node_id, added)

        def change(merged: dict[str, Bookmark]) -> None:
            merged.setdefault(node_id, bookmark)

        self._update(change)
        return True

    def remove(self, node_id: str) -> bool:
        """Remove the star; False if there was none. Raises BookmarksFileError if unsaved."""
        if node_id not in self._by_id:
            return False
        self._update(lambda merged: merged.pop(node_id, None))
        return True

    def save(self) -> None:
        """Write the bookmarks held here, merged with the file's (nothing on disk is dropped)."""
        self._update(lambda merged: None)

    def _update(self, change: Callable[[dict[str, Bookmark]], object]) -> None:
        """Under the lock: read the file as it is now, apply ``change``, write it back.

        The change is applied to the file's list, not to this object's, so another window's
        star and another window's removal both survive; this object then holds the result.
        A change that cannot be written is kept for the session and written with the next."""
        try:
            try:
                self.path.parent.mkdir(parents=True, exist_ok=True)
            except OSError as exc:
                raise BookmarksFileError(
                    f"{self.path}: не удалось сохранить закладки ({exc.strerror})"
                ) from None
            with _locked(self.path):
                if self._seen is not None and self._stamp() == self._seen:
                    # Nobody wrote since this object read or wrote it: what it holds is the
                    # file (100 000 bookmarks need not be parsed again for one star).
                    on_disk, problem = _Content(list(self._by_id.values()), dict(self._top)), ""
                else:
                    on_disk, problem = _load_content(self.path)
                if problem and not self.problem:
                    self.problem = problem
                merged = _unique(on_disk.items)
                if on_disk.damaged or self._stamp() is None:
                    # The file is gone or was damaged (set aside): what this window holds is
                    # the best copy left, so it is kept with whatever could be read.
                    for node_id, bookmark in self._by_id.items():
                        merged.setdefault(node_id, bookmark)
                for step in (*self._unsaved, change):
                    step(merged)
                top = {
                    **on_disk.top,
                    **{k: v for k, v in self._top.items() if k not in on_disk.top},
                }
                self._write(merged, top)
        except BookmarksFileError:
            self._keep_unsaved(change)
            raise
        self._unsaved.clear()
        self._by_id, self._top = merged, top
        self._seen = self._stamp()

    def _keep_unsaved(self, change: Callable[[dict[str, Bookmark]], object]) -> None:
        # Kept for this session (the list shows it) and written with the next change.
        self._unsaved.append(change)
        change(self._by_id)

    def _write(self, items: dict[str, Bookmark], top: dict[str, Any]) -> None:
        version = top.get("version")
        if not isinstance(version, int) or isinstance(version, bool) or version < FORMAT_VERSION:
            top = {**top, "version": FORMAT_VERSION}
        # One bookmark a line, each through the C encoder (``indent`` would take the pure
        # Python one: seconds for 100 000 bookmarks).
        fields = [
            f" {json.dumps(k, ensure_ascii=False)}: {json.dumps(v, ensure_ascii=False)}"
            for k, v in top.items()
            if k != "bookmarks"
        ]
        entries = ",\n".join(f"  {_entry_json(b)}" for b in items.values())
        fields.append(f' "bookmarks": [\n{entries}\n ]' if entries else ' "bookmarks": []')
        text = "{\n" + ",\n".join(fields) + "\n}\n"
        try:
            write_atomic(self.path, text)
        except OSError as exc:
            reason = failure_text(self.path, exc).removeprefix(f"{self.path}: ")
            raise BookmarksFileError(f"{self.path}: закладки не сохранены — {reason}") from None
