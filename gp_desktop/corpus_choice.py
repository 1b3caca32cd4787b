"""Which corpus file the program opens: one answer for the command line and the window.

In order:

1. ``--corpus PATH`` given by the user;
2. the administrator's choice for every user of the workstation: the environment variable
   ``GP_DESKTOP_CORPUS``, else ``path`` under ``[corpus]`` in the system-wide settings file
   (``/etc/gp-desktop/gp-desktop.ini`` on Linux, ``%PROGRAMDATA%\\gp-desktop\\gp-desktop.ini`` on
   Windows, ``/Library/Application Support/gp-desktop/gp-desktop.ini`` on macOS;
   ``GP_DESKTOP_SYSTEM_CONFIG`` names another file) — for example a read-only network share;
3. the user's own corpus (``corpus.sqlite`` in the user's data folder, written by
   ``add-edition`` and the window's «Обновить текст акта…») when its current edition is newer
   than the bundled one's;
4. the bundled corpus.

An administrator's file that does not exist is passed over with a note (a network share may be
down), so that the officials can still work with the next choice. No Qt here.
"""

from __future__ import annotations

import configparser
import os
import sqlite3
import sys
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

from gp_desktop.paths import bundled_corpus, user_data_dir
from gp_desktop.read_only import connect_read_only

ENV_VAR = "GP_DESKTOP_CORPUS"
SYSTEM_CONFIG_VAR = "GP_DESKTOP_SYSTEM_CONFIG"
SYSTEM_CONFIG_NAME = "gp-desktop.ini"

OPTION = "option"
ADMIN = "admin"
USER = "user"
BUNDLED = "bundled"
REASONS = {
    OPTION: "указан в командной строке (--corpus)",
    ADMIN: "выбран администратором",
    USER: "обновлённый текст пользователя",
    BUNDLED: "встроенный",
}


@dataclass(frozen=True)
class CorpusChoice:
    path: Path
    reason: str
    """One of OPTION, ADMIN, USER, BUNDLED."""
    notes: tuple[str, ...] = ()
    """What was passed over and why, for the status bar or stderr."""

    @property
    def reason_text(self) -> str:
        return REASONS[self.reason]


def system_config_file(environ: Mapping[str, str] | None = None) -> Path:
    env = os.environ if environ is None else environ
    if env.get(SYSTEM_CONFIG_VAR):
        return Path(env[SYSTEM_CONFIG_VAR])
    if sys.platform == "win32":
        base = Path(env.get("PROGRAMDATA") or r"C:\ProgramData")
        return base / "gp-desktop" / SYSTEM_CONFIG_NAME
    if sys.platform == "darwin":
        return Path("/Library/Application Support/gp-desktop") / SYSTEM_CONFIG_NAME
    return Path("/etc/gp-desktop") / SYSTEM_CONFIG_NAME


def user_corpus() -> Path:
    """Where ``add-edition`` and the window's update write the user's own corpus."""
    return user_data_dir() / "corpus.sqlite"


def _admin_choice(env: Mapping[str, str], notes: list[str]) -> Path | None:
    value = env.get(ENV_VAR, "").strip()
    source = f"переменная {ENV_VAR}"
    if not value:
        config = system_config_file(env)
        parser = configparser.ConfigParser()
        try:
            parser.read(config, encoding="utf-8")
        except (configparser.Error, OSError, UnicodeDecodeError) as exc:
            notes.append(f"{config}: файл настроек администратора не читается ({exc})")
            return None
        value = parser.get("corpus", "path", fallback="").strip()
        source = str(config)
        if not value:
            return None
        path = Path(value).expanduser()
        if not path.is_absolute():
            path = config.parent / path
    else:
        path = Path(value).expanduser()
    if path.is_file():
        return path
    notes.append(f"корпус, выбранный администратором ({source}), недоступен: {path}")
    return None


def current_edition_date(path: Path) -> str | None:
    """The current edition's date in a corpus file, None if it cannot be told (a damaged or
    older file: then it is not preferred over the bundled one)."""
    if not path.is_file():
        return None
    try:
        conn = connect_read_only(path)
        try:
            row = conn.execute("SELECT date FROM editions WHERE current = 1").fetchone()
        finally:
            conn.close()
    except sqlite3.Error:
        return None
    return row[0] if row else None


def choose_corpus(
    option: str | Path | None = None,
    environ: Mapping[str, str] | None = None,
    bundled: Path | None = None,
    user: Path | None = None,
) -> CorpusChoice:
    """The corpus to open (see the module's notes for the order)."""
    env = os.environ if environ is None else environ
    if option:
        return CorpusChoice(Path(option), OPTION)
    notes: list[str] = []
    admin = _admin_choice(env, notes)
    if admin is not None:
        return CorpusChoice(admin, ADMIN, tuple(notes))
    bundled = bundled or bundled_corpus()
    user = user or user_corpus()
    mine = current_edition_date(user)
    if mine is not None:
        theirs = current_edition_date(bundled)
        if theirs is None or mine > theirs:
            return CorpusChoice(user, USER, tuple(notes))
    return CorpusChoice(bundled, BUNDLED, tuple(notes))
