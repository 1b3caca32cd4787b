"""Every setting the app keeps, declared once with its type and default.

Preferences (what the user chose: font size, exact-form search …) and the window's layout
(geometry, dock state) are kept in separate groups of one INI file in the user's config
folder, so resetting the layout never loses a preference. The file is named explicitly rather
than left to QSettings' organisation lookup, which Qt caches per process.
"""

from __future__ import annotations

import os
import re
import stat
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Generic, TypeVar

from PySide6.QtCore import QByteArray, QSettings

from gp_desktop.atomic_file import set_aside
from gp_desktop.paths import user_config_dir

T = TypeVar("T")

FILE_NAME = "gp-desktop.ini"


@dataclass(frozen=True)
class Key(Generic[T]):
    name: str
    type: type
    default: T


# Preferences.
FONT_SIZE = Key("preferences/reader_font_size", int, 12)
LAST_NODE = Key("preferences/last_node", str, "")
EXACT_FORM = Key("preferences/search_exact_form", bool, False)
CHANGED_SINCE = Key("preferences/changed_since", str, "2025-01-01")
EXCERPT_FOOTNOTES = Key("preferences/excerpt_footnotes", bool, True)
EXCERPT_FOLDER = Key("preferences/excerpt_folder", str, "")
LAST_SEEN_EDITION = Key("preferences/last_seen_edition", str, "")
"""The current edition's date the user last saw: «Что нового» lists what changed since."""
CURRENCY_MONTHS = Key("preferences/currency_months", int, 6)
"""The status bar says the text may be stale when its edition is older than this."""
LOOK = Key("preferences/look", str, "system")
WINDOW_FONT_SIZE = Key("preferences/window_font_size", int, 0)
"""Points for the whole window (menus, panes, dialogs); 0: the system's size."""
CITATION_SHORT = Key("preferences/citation_short", bool, False)
"""Ctrl+Shift+C copies the short citation («абз. 2 п. 1 …, утв. …») instead of the full one."""
# The выписка on paper (``gp_desktop.excerpt.paper``): font, size, margins, certification.
EXCERPT_FONT = Key("preferences/excerpt_font", str, "Times New Roman")
EXCERPT_FONT_SIZE = Key("preferences/excerpt_font_size", float, 14.0)
EXCERPT_MARGINS = Key("preferences/excerpt_margins_mm", str, "30 20 15 20")
"""Left, top, right, bottom, in millimetres, separated by spaces."""
CERTIFY = Key("preferences/excerpt_certify", bool, False)
"""Print «Выписка верна» with the position and name below."""
CERTIFY_POSITION = Key("preferences/excerpt_certify_position", str, "")
CERTIFY_NAME = Key("preferences/excerpt_certify_name", str, "")

# What the user was working on, there again on the next start.
EXCERPT_CHOICE = Key("session/excerpt_choice", str, "")
"""The node ids ticked for the excerpt, in document order, separated by spaces."""
SEARCH_TEXT = Key("session/search_text", str, "")
SEARCH_SCOPE = Key("session/search_scope", str, "")
"""The part or chapter the search is limited to (a node id), or "" for the whole act."""

# Window layout.
GEOMETRY = Key("window/geometry", QByteArray, QByteArray())
DOCK_STATE = Key("window/state", QByteArray, QByteArray())

ALL_KEYS = (
    FONT_SIZE,
    LAST_NODE,
    EXACT_FORM,
    CHANGED_SINCE,
    EXCERPT_FOOTNOTES,
    EXCERPT_FOLDER,
    LAST_SEEN_EDITION,
    CURRENCY_MONTHS,
    LOOK,
    WINDOW_FONT_SIZE,
    CITATION_SHORT,
    EXCERPT_FONT,
    EXCERPT_FONT_SIZE,
    EXCERPT_MARGINS,
    CERTIFY,
    CERTIFY_POSITION,
    CERTIFY_NAME,
    EXCERPT_CHOICE,
    SEARCH_TEXT,
    SEARCH_SCOPE,
    GEOMETRY,
    DOCK_STATE,
)

MIN_FONT_SIZE = 8
MAX_FONT_SIZE = 32


def default_path() -> Path:
    return user_config_dir() / FILE_NAME


_INI_LINE = re.compile(r"\s*(\[[^\]]*\]|[^=\[][^=]*=.*|[;#].*)?\s*")


MAX_FILE_BYTES = 4 << 20
"""A settings file larger than this is not ours (ours is a few kilobytes)."""


def _damage(path: Path) -> str:
    """What makes the settings file unreadable as INI, or "" (QSettings itself never says:
    it reads any bytes, taking garbage for keys). Looked at before it is opened: a FIFO in
    its place would keep the program waiting for ever."""
    try:
        info = os.stat(path)
    except OSError:
        return ""  # missing (first run) or unreachable: QSettings starts from defaults
    if stat.S_ISDIR(info.st_mode):
        return "на его месте папка"
    if not stat.S_ISREG(info.st_mode):
        return "на его месте не обычный файл"
    if info.st_size > MAX_FILE_BYTES:
        return f"слишком велик ({info.st_size} байт)"
    try:
        raw = path.read_bytes()
    except OSError:
        return ""
    if b"\x00" in raw:
        return "двоичные данные"
    try:
        text = raw.decode("utf-8-sig")  # a byte-order mark (Notepad's) is no damage
    except UnicodeDecodeError:
        return "не UTF-8"
    for number, line in enumerate(text.splitlines(), start=1):
        if not _INI_LINE.fullmatch(line):
            return f"строка {number} не из файла настроек"
    return ""


class Settings:
    """Typed access to the settings file; a value of the wrong type reads as the default."""

    def __init__(self, path: Path | None = None) -> None:
        self.path = path or default_path()
        self.problem = ""
        """Why the file on disk was not used (it was set aside), or ""."""
        if damage := _damage(self.path):
            self.problem = (
                f"Файл настроек {self.path} повреждён ({damage}); {set_aside(self.path)}."
            )
        self._store = QSettings(str(self.path), QSettings.Format.IniFormat)

    def get(self, key: Key[T]) -> T:
        raw = self._store.value(key.name)
        if raw is None:
            return key.default
        try:
            if key.type is bool:
                value: Any = raw if isinstance(raw, bool) else str(raw).lower() == "true"
            elif key.type is QByteArray:
                value = raw if isinstance(raw, QByteArray) else key.default
            else:
                value = key.type(raw)
        except (TypeError, ValueError):
            return key.default
        if key is FONT_SIZE:
            value = max(MIN_FONT_SIZE, min(MAX_FONT_SIZE, value))
        return value

    def set(self, key: Key[T], value: T) -> None:
        self._store.setValue(key.name, value)

    def sync(self) -> str:
        """Write pending changes; returns a message for the user if the file could not be."""
        self._store.sync()
        if self._store.status() != QSettings.Status.NoError:
            return f"{self.path}: не удалось сохранить настройки"
        return ""

    def reset_layout(self) -> None:
        for key in (GEOMETRY, DOCK_STATE):
            self._store.remove(key.name)
