"""Writing corpus.sqlite with sqlite-utils — into a temporary file first, then replacing.

The target is never opened for writing: a failed import leaves the previous corpus as it was.
Tables follow the contract of DESIGN.md; extra columns (``seq``, ``title``, ``source_line``,
``footnote_node_id``) and the ``warnings`` and ``word_forms`` tables serve our own readers.
"""

from __future__ import annotations

import dataclasses
import errno
import sqlite3
from collections.abc import Iterable, Mapping, Sequence
from pathlib import Path

import sqlite_utils

from gp_desktop import __version__
from gp_desktop.atomic_file import (
    UnsafeWrite,
    failure_text,
    verify_sqlite,
    writable_target,
    write_via_temp,
)
from gp_desktop.corpus.editions import EditionText, now_iso, source_format, write_editions
from gp_desktop.corpus.errors import CorpusError
from gp_desktop.corpus.model import SCHEMA_VERSION, WORD_FORMS, ParsedAct


def _rows(items: list) -> list[dict]:
    return [dataclasses.asdict(item) for item in items]


def _fill(
    db: sqlite_utils.Database,
    parsed: ParsedAct,
    word_forms: Mapping[str, tuple[str, ...]],
    dictionary: str,
    history: Sequence[EditionText],
) -> None:
    act = parsed.act
    db["acts"].insert(dataclasses.asdict(act), pk="id")
    nodes = _rows(parsed.nodes)
    for row in nodes:
        row["act_id"] = act.id
    db["nodes"].insert_all(
        nodes,
        pk="id",
        foreign_keys=[("act_id", "acts", "id")],
        column_order=[
            "id",
            "act_id",
            "parent_id",
            "position",
            "seq",
            "kind",
            "label",
            "heading",
            "text",
            "title",
        ],
    )
    db["nodes"].create_index(["parent_id", "position"])
    db["nodes"].create_index(["seq"], unique=True)
    db["amendments"].insert_all(_rows(parsed.amendments), pk="id")
    db["node_amendments"].insert_all(
        _rows(parsed.node_amendments),
        foreign_keys=[("node_id", "nodes", "id"), ("amendment_id", "amendments", "id")],
    )
    db["node_amendments"].create_index(["node_id"])
    db["node_amendments"].create_index(["amendment_id"])
    db["institutions"].insert_all(
        _rows(parsed.institutions), pk="id", foreign_keys=[("node_id", "nodes", "id")]
    )
    db["warnings"].create({"position": int, "message": str}, pk="position")
    db["warnings"].insert_all(
        {"position": k, "message": w} for k, w in enumerate(parsed.warnings, start=1)
    )
    db["meta"].insert_all(
        [
            {"key": "schema_version", "value": str(SCHEMA_VERSION)},
            {"key": "source_sha256", "value": parsed.source_sha256},
            {"key": "source_name", "value": parsed.source_name},
            {"key": "generator", "value": f"gp-desktop {__version__}"},
            {"key": "dictionary", "value": dictionary},
        ],
        pk="key",
    )
    # Looked up by form only, ~20 000 short rows: without a rowid the table is its own index.
    db.execute(
        f"CREATE TABLE [{WORD_FORMS}] (form TEXT PRIMARY KEY, terms TEXT NOT NULL) WITHOUT ROWID"
    )
    db.conn.executemany(
        f"INSERT INTO [{WORD_FORMS}] (form, terms) VALUES (?, ?)",
        ((form, " ".join(terms)) for form, terms in sorted(word_forms.items())),
    )
    current = next((e for e in history if e.parsed is parsed), None)
    if current is None:
        current = EditionText(parsed, source_format(parsed.source_name), now_iso())
    write_editions(db.conn, current, [e for e in history if e is not current])


def target_folder(target: str | Path, inputs: Iterable[str | Path] = ()) -> Path:
    """The folder ``target`` will be written in; CorpusError if it cannot be written there
    (no folder, a device or a folder in its place, one of ``inputs``)."""
    try:
        return writable_target(target, inputs).parent
    except UnsafeWrite as exc:
        raise CorpusError(failure_text(target, exc)) from None


def write_corpus(
    parsed: ParsedAct,
    target: str | Path,
    word_forms: Mapping[str, tuple[str, ...]],
    dictionary: str = "",
    history: Sequence[EditionText] = (),
    inputs: Iterable[str | Path] = (),
) -> Path:
    """Write the corpus to ``target`` safely (``atomic_file``); CorpusError if it cannot be.

    ``word_forms`` is the act's lexicon (``search.lexicon.act_word_forms``), ``dictionary``
    names the dictionary that gave it (recorded in ``meta``); ``history`` holds every edition
    to keep, ``parsed``'s own among them (the current one; the others are stored as what they
    differ in, see ``corpus/editions.py``); ``inputs`` are the source texts, which the corpus
    may not replace."""

    def render(tmp: Path) -> None:
        conn = sqlite3.connect(tmp)
        try:
            # A temporary file, fsync-ed and checked once it is whole (``write_via_temp``):
            # a journal and a sync for each of sqlite-utils' commits would make it no safer,
            # only slower (most of add-edition's time in SQLite on a busy disk).
            conn.execute("PRAGMA journal_mode = OFF")
            conn.execute("PRAGMA synchronous = OFF")
            db = sqlite_utils.Database(conn)
            with conn:
                _fill(db, parsed, word_forms, dictionary, history)
        finally:
            conn.close()

    try:
        return write_via_temp(target, render, inputs=inputs, verify=verify_sqlite)
    except OSError as exc:
        raise CorpusError(failure_text(target, exc)) from None
    except sqlite3.Error as exc:
        if "full" in str(exc):
            raise CorpusError(failure_text(target, OSError(errno.ENOSPC, str(exc)))) from None
        raise CorpusError(f"{target}: ошибка SQLite при записи ({exc})") from None
