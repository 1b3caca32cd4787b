"""The user's bookmarks: starred clauses kept by node id in a small JSON file.

Bookmarks live in the user's data folder, never in corpus.sqlite (which is read-only and
replaced with every new edition of the act). Node ids are stable across rebuilds of the same
text, so a bookmark survives an update of the corpus; one whose clause is gone is kept and
shown as such rather than silently dropped. A file that cannot be read is renamed aside, so
the user's data is never overwritten, and the app starts with no bookmarks.
"""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import dataclass
from pathlib import Path

from gp_desktop.atomic_file import set_aside, write_atomic
from gp_desktop.paths import user_data_dir

FILE_NAME = "bookmarks.json"
FORMAT_VERSION = 1


@dataclass(frozen=True)
class Bookmark:
    node_id: str
    added: str
    """When it was starred, ISO date and time (local), for the list's tooltip."""


class BookmarksFileError(Exception):
    """The bookmarks file could not be read or written; the message is for the user."""


def default_path() -> Path:
    return user_data_dir() / FILE_NAME


def _parse(raw: bytes) -> list[Bookmark]:
    data = json.loads(raw.decode("utf-8"))
    if not isinstance(data, dict) or not isinstance(data.get("bookmarks"), list):
        raise ValueError("нет списка закладок")
    result: list[Bookmark] = []
    for entry in data["bookmarks"]:
        if not isinstance(entry, dict) or not isinstance(entry.get("node_id"), str):
            raise ValueError("закладка без идентификатора пункта")
        added = entry.get("added")
        result.append(Bookmark(entry["node_id"], added if isinstance(added, str) else ""))
    return result


class Bookmarks:
    """Starred node ids in the order they were starred, saved on every change."""

    def __init__(self, path: Path, items: list[Bookmark], problem: str = "") -> None:
        self.path = path
        self._items = items
        self.problem = problem
        """Why the file on disk was not used (it was set aside), or ""."""

    @classmethod
    def load(cls, path: Path | None = None) -> Bookmarks:
        """Read the file; a missing one means no bookmarks, a damaged one is set aside."""
        path = path or default_path()
        try:
            raw = path.read_bytes()
        except FileNotFoundError:
            return cls(path, [])
        except OSError as exc:
            return cls(path, [], f"{path}: не удаётся прочитать закладки ({exc.strerror})")
        try:
            items = _parse(raw)
        except (ValueError, UnicodeDecodeError) as exc:
            where = set_aside(path)
            return cls(path, [], f"Файл закладок {path} повреждён ({exc}); {where}.")
        unique: dict[str, Bookmark] = {}
        for item in items:
            unique.setdefault(item.node_id, item)
        return cls(path, list(unique.values()))

    def __iter__(self):
        return iter(self._items)

    def __len__(self) -> int:
        return len(self._items)

    def __contains__(self, node_id: object) -> bool:
        return any(b.node_id == node_id for b in self._items)

    @property
    def items(self) -> tuple[Bookmark, ...]:
        return tuple(self._items)

    def add(self, node_id: str) -> bool:
        """Star ``node_id``; False if it already was. Raises BookmarksFileError if unsaved."""
        if node_id in self:
            return False
        added = dt.datetime.now().replace(microsecond=0).isoformat()
        self._items.append(Bookmark(node_id, added))
        self.save()
        return True

    def remove(self, node_id: str) -> bool:
        before = len(self._items)
        self._items = [b for b in self._items if b.node_id != node_id]
        if len(self._items) == before:
            return False
        self.save()
        return True

    def save(self) -> None:
        data = {
            "version": FORMAT_VERSION,
            "bookmarks": [{"node_id": b.node_id, "added": b.added} for b in self._items],
        }
        text = json.dumps(data, ensure_ascii=False, indent=1) + "\n"
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            write_atomic(self.path, text)
        except OSError as exc:
            raise BookmarksFileError(
                f"{self.path}: не удалось сохранить закладки ({exc.strerror})"
            ) from None
