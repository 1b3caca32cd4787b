"""Opening an SQLite file to read it, never to write it.

The corpus, its lexicon and a freshly written file are read through a ``file:`` URI with
``mode=ro`` (SQLite cannot create, write or journal the file, so a read-only share or a
workstation without write access works) and, for files that nothing changes while they are
open, ``immutable=1`` (no locks and no change checks: faster, and it works on media that
refuse locks). One function, so every reader opens files the same way.
"""

from __future__ import annotations

import sqlite3
from pathlib import Path


def read_only_uri(path: str | Path, immutable: bool = True) -> str:
    """The ``file:`` URI that opens ``path`` read-only (``immutable`` by default)."""
    return f"{Path(path).resolve().as_uri()}?mode=ro{'&immutable=1' if immutable else ''}"


def connect_read_only(
    path: str | Path, immutable: bool = True, **kwargs: object
) -> sqlite3.Connection:
    """``sqlite3.connect`` of ``path`` read-only; ``kwargs`` go to ``sqlite3.connect``."""
    return sqlite3.connect(read_only_uri(path, immutable), uri=True, **kwargs)
