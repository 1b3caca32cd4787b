"""Editions of the act in one corpus file: what each non-current edition differs in, and how
to read any edition back as a whole act.

The contract tables (``acts``, ``nodes``, ``amendments``, ``node_amendments``, ``institutions``)
always hold the *current* edition, so a reader that knows nothing of editions gets the act in
force. Each edition has a row in ``editions``; an edition that is not current is stored as
what it differs in from the current one, by node id:

- ``editions.node_order``: the ids of its nodes in document order (zlib-compressed, one per
  line) — which nodes it has and where they stand;
- ``edition_nodes``: its nodes whose content (parent, position, kind, label, heading, text,
  title) is not the current edition's under the same id, or whose id the current one lacks;
- ``edition_node_amendments``: its links from nodes to decrees (``footnote`` is NULL when it
  is the text of the footnote node named by ``footnote_node_id``);
- ``edition_amendments``: decrees it names that the current edition no longer does.

Everything else (institutions, citations) follows from its nodes when it is read. No Qt and
no sqlite-utils here: the window reads editions at start-up.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import re
import sqlite3
import zlib
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

from gp_desktop.corpus import model as m
from gp_desktop.corpus.errors import CorpusError, SourceError
from gp_desktop.corpus.footnotes import short_date

EDITIONS = "editions"
EDITION_NODES = "edition_nodes"
EDITION_LINKS = "edition_node_amendments"
EDITION_AMENDMENTS = "edition_amendments"

# What makes a node "the same" in two editions; seq and source_line follow from the order
# and the source file, so they are not compared.
_CONTENT = ("parent_id", "position", "kind", "label", "heading", "text", "title")
_NODE_COLUMNS = ("id", *_CONTENT, "source_line")

_FORMATS = {
    ".md": "markdown",
    ".markdown": "markdown",
    ".txt": "text",
    ".html": "html",
    ".htm": "html",
    ".docx": "docx",
}


@dataclass(frozen=True)
class EditionText:
    """One edition as imported (or read back from a corpus) before it is written."""

    parsed: m.ParsedAct
    source_format: str
    imported_at: str

    @property
    def date(self) -> str:
        return self.parsed.act.edition_date

    @property
    def amendment(self) -> m.Amendment | None:
        return self.parsed.amendments[-1] if self.parsed.amendments else None


def source_format(name: str, declared: str | None = None) -> str:
    """The source's format as recorded: the importer's own word for it if it gives one."""
    if declared:
        return declared
    return _FORMATS.get(Path(name).suffix.lower(), Path(name).suffix.lower().lstrip(".") or "text")


def now_iso() -> str:
    return dt.datetime.now(dt.UTC).replace(microsecond=0).isoformat()


def parse_date(value: str) -> str:
    """«25.04.2025» or «2025-04-25» → «2025-04-25»; CorpusError for anything else."""
    text = value.strip()
    for fmt in ("%Y-%m-%d", "%d.%m.%Y"):
        try:
            return dt.datetime.strptime(text, fmt).date().isoformat()
        except ValueError:
            continue
    raise CorpusError(f"«{value}» — не дата (нужно ДД.ММ.ГГГГ или ГГГГ-ММ-ДД)")


def order_editions(texts: Iterable[EditionText]) -> list[EditionText]:
    """Editions by date, oldest first; SourceError for two texts of one date or another act."""
    by_date: dict[str, EditionText] = {}
    act_id = None
    for text in texts:
        act = text.parsed.act
        if act_id is None:
            act_id = act.id
        elif act.id != act_id:
            raise SourceError(
                f"{text.parsed.source_name}: это другой акт ({act.kind} от {short_date(act.date)}"
                f" № {act.number}), а не тот, что в корпусе"
            )
        held = by_date.get(text.date)
        if held is not None:
            same = held.parsed.source_sha256 == text.parsed.source_sha256 or _same_nodes(
                held.parsed, text.parsed
            )
            what = "тот же текст" if same else "другой текст с той же датой"
            raise SourceError(
                f"{text.parsed.source_name}: {what}, что и {held.parsed.source_name or 'в корпусе'}"
                f" (редакция от {short_date(text.date)})"
            )
        by_date[text.date] = text
    return [by_date[d] for d in sorted(by_date)]


def _same_nodes(a: m.ParsedAct, b: m.ParsedAct) -> bool:
    return [_content(n) for n in a.nodes] == [_content(n) for n in b.nodes]


def _content(node: m.Node) -> tuple:
    return (*(getattr(node, f) for f in _CONTENT), node.id)


# -- writing ----------------------------------------------------------------------------------


def create_tables(conn: sqlite3.Connection) -> None:
    conn.executescript(
        f"""
        CREATE TABLE [{EDITIONS}] (
            id TEXT PRIMARY KEY, date TEXT NOT NULL UNIQUE, amendment_id TEXT,
            amendment_number TEXT NOT NULL, source_sha256 TEXT NOT NULL,
            source_format TEXT NOT NULL, source_name TEXT NOT NULL, imported_at TEXT NOT NULL,
            current INTEGER NOT NULL, node_count INTEGER NOT NULL, node_order BLOB);
        CREATE TABLE [{EDITION_NODES}] (
            edition_id TEXT NOT NULL REFERENCES [{EDITIONS}](id), id TEXT NOT NULL,
            parent_id TEXT, position INTEGER, kind TEXT, label TEXT, heading TEXT, text TEXT,
            title TEXT, source_line INTEGER, PRIMARY KEY (edition_id, id)) WITHOUT ROWID;
        CREATE TABLE [{EDITION_LINKS}] (
            edition_id TEXT NOT NULL REFERENCES [{EDITIONS}](id), node_id TEXT NOT NULL,
            amendment_id TEXT NOT NULL, effect TEXT NOT NULL, footnote TEXT,
            footnote_node_id TEXT);
        CREATE INDEX edition_links_edition ON [{EDITION_LINKS}](edition_id);
        CREATE TABLE [{EDITION_AMENDMENTS}] (
            edition_id TEXT NOT NULL REFERENCES [{EDITIONS}](id), id TEXT NOT NULL,
            date TEXT, number TEXT, issuer TEXT, title TEXT, PRIMARY KEY (edition_id, id));
        """
    )


def edition_id(date: str) -> str:
    """An edition's id is its date: the corpus holds at most one edition per date."""
    return date


def write_editions(
    conn: sqlite3.Connection, current: EditionText, others: Sequence[EditionText]
) -> None:
    """Fill the edition tables: ``current`` is the one in the contract tables."""
    create_tables(conn)
    base = {n.id: n for n in current.parsed.nodes}
    base_amendments = {a.id for a in current.parsed.amendments}
    _insert_edition(conn, current, True, None)
    for text in others:
        eid = edition_id(text.date)
        order = "\n".join(n.id for n in sorted(text.parsed.nodes, key=lambda n: n.seq))
        _insert_edition(conn, text, False, zlib.compress(order.encode("utf-8"), 9))
        conn.executemany(
            f"INSERT INTO [{EDITION_NODES}] (edition_id, {', '.join(_NODE_COLUMNS)}) "
            f"VALUES (?, {', '.join('?' for _ in _NODE_COLUMNS)})",
            (
                (eid, *(getattr(n, f) for f in _NODE_COLUMNS))
                for n in text.parsed.nodes
                if n.id not in base or _content(base[n.id]) != _content(n)
            ),
        )
        nodes = {n.id: n for n in text.parsed.nodes}
        conn.executemany(
            f"INSERT INTO [{EDITION_LINKS}] VALUES (?, ?, ?, ?, ?, ?)",
            (
                (
                    eid,
                    link.node_id,
                    link.amendment_id,
                    link.effect,
                    None if _footnote_of(link, nodes) == link.footnote else link.footnote,
                    link.footnote_node_id,
                )
                for link in text.parsed.node_amendments
            ),
        )
        conn.executemany(
            f"INSERT INTO [{EDITION_AMENDMENTS}] VALUES (?, ?, ?, ?, ?, ?)",
            (
                (eid, a.id, a.date, a.number, a.issuer, a.title)
                for a in text.parsed.amendments
                if a.id not in base_amendments
            ),
        )


def _footnote_of(link: m.NodeAmendment, nodes: dict[str, m.Node]) -> str | None:
    node = nodes.get(link.footnote_node_id or "")
    return node.text if node is not None else None


def _insert_edition(
    conn: sqlite3.Connection, text: EditionText, current: bool, order: bytes | None
) -> None:
    amendment = text.amendment
    conn.execute(
        f"INSERT INTO [{EDITIONS}] VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        (
            edition_id(text.date),
            text.date,
            amendment.id if amendment else None,
            amendment.number if amendment else "",
            text.parsed.source_sha256,
            text.source_format,
            text.parsed.source_name,
            text.imported_at,
            int(current),
            len(text.parsed.nodes),
            order,
        ),
    )


# -- reading ----------------------------------------------------------------------------------


def load_editions(conn: sqlite3.Connection) -> list[m.Edition]:
    """The editions held, oldest first (a few short rows: read at every start)."""
    rows = conn.execute(
        f"SELECT id, date, amendment_id, amendment_number, source_sha256, source_format, "
        f"source_name, imported_at, current, node_count FROM [{EDITIONS}] ORDER BY date"
    ).fetchall()
    return [
        m.Edition(
            id=r[0],
            date=r[1],
            amendment_id=r[2],
            amendment_number=r[3],
            source_sha256=r[4],
            source_format=r[5],
            source_name=r[6],
            imported_at=r[7],
            current=bool(r[8]),
            node_count=r[9],
        )
        for r in rows
    ]


@dataclass(frozen=True)
class EditionData:
    """What a non-current edition consists of, read from the file, ready to replace the
    current edition's records in a ``Corpus``."""

    nodes: list[m.Node]
    amendments: list[m.Amendment]
    node_amendments: list[m.NodeAmendment]


def read_edition(
    conn: sqlite3.Connection,
    edition: m.Edition,
    current_nodes: Sequence[m.Node],
    current_amendments: Sequence[m.Amendment],
    path: Path,
) -> EditionData:
    """The nodes and history of ``edition`` (not the current one) from its stored difference."""
    row = conn.execute(
        f"SELECT node_order FROM [{EDITIONS}] WHERE id = ?", (edition.id,)
    ).fetchone()
    try:
        order = zlib.decompress(row[0]).decode("utf-8").split("\n")
    except (TypeError, zlib.error, UnicodeDecodeError):
        raise CorpusError(f"{path}: повреждена редакция от {short_date(edition.date)}") from None
    own = {
        r[0]: r
        for r in conn.execute(
            f"SELECT {', '.join(_NODE_COLUMNS)} FROM [{EDITION_NODES}] WHERE edition_id = ?",
            (edition.id,),
        )
    }
    base = {n.id: n for n in current_nodes}
    nodes = []
    for seq, node_id in enumerate(order, start=1):
        if node_id in own:
            values = dict(zip(_NODE_COLUMNS, own[node_id], strict=True))
            nodes.append(m.Node(seq=seq, **values))
        elif node_id in base:
            nodes.append(dataclasses.replace(base[node_id], seq=seq))
        else:
            raise CorpusError(
                f"{path}: повреждена редакция от {short_date(edition.date)} (нет узла {node_id})"
            )
    by_id = {n.id: n for n in nodes}
    links = []
    for node_id, amendment_id, effect, footnote, note_id in conn.execute(
        f"SELECT node_id, amendment_id, effect, footnote, footnote_node_id FROM [{EDITION_LINKS}] "
        "WHERE edition_id = ? ORDER BY rowid",
        (edition.id,),
    ):
        if footnote is None:
            note = by_id.get(note_id or "")
            footnote = note.text if note is not None else ""
        links.append(m.NodeAmendment(node_id, amendment_id, effect, footnote, note_id))
    named = {link.amendment_id for link in links}
    amendments = {a.id: a for a in current_amendments if a.id in named}
    for r in conn.execute(
        f"SELECT id, date, number, issuer, title FROM [{EDITION_AMENDMENTS}] WHERE edition_id = ?",
        (edition.id,),
    ):
        amendments[r[0]] = m.Amendment(*r)
    ordered = sorted(amendments.values(), key=lambda a: (a.date, _number_key(a.number)))
    return EditionData(nodes, ordered, links)


def _number_key(number: str) -> tuple[int, str]:
    digits = re.match(r"\d+", number)
    return (int(digits.group()) if digits else 0, number)


def edition_key(edition: m.Edition, meta: dict[str, str]) -> str:
    """A content hash of an edition for keying its search index: its source text, the schema
    and the dictionary that gave the lexicon."""
    import hashlib  # not at start-up: the window hashes after its first paint

    text = "\n".join(
        ("edition", edition.source_sha256, str(m.SCHEMA_VERSION), meta.get("dictionary", ""))
    )
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def edition_on(editions: Sequence[m.Edition], iso_date: str) -> m.Edition:
    """The edition in force on ``iso_date``: the latest one dated on or before it."""
    if not editions:
        raise CorpusError("в корпусе нет ни одной редакции")
    earlier = [e for e in editions if e.date <= iso_date]
    if not earlier:
        raise CorpusError(
            f"на {short_date(iso_date)} редакции нет: самая ранняя редакция в корпусе — "
            f"от {short_date(editions[0].date)}"
        )
    return max(earlier, key=lambda e: e.date)


def edition_label(edition: m.Edition) -> str:
    """«Редакция от 17.12.2025 — действующая»."""
    state = "действующая" if edition.current else "недействующая"
    return f"Редакция от {short_date(edition.date)} — {state}"


def months_old(iso_date: str, today: dt.date | None = None) -> int:
    """Whole months from ``iso_date`` to ``today``: how stale an edition may be."""
    day = today or dt.date.today()
    then = dt.date.fromisoformat(iso_date)
    months = (day.year - then.year) * 12 + day.month - then.month
    return months - (1 if day.day < then.day else 0)
