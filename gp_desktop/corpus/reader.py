"""Reading corpus.sqlite back: the act as an in-memory tree with citations and history.

The whole act is a few hundred nodes, so it is loaded once and served from memory; the file
is opened read-only and immutable, which also works on read-only media and while another
process holds it.
"""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path

from gp_desktop.corpus import integrity
from gp_desktop.corpus import model as m
from gp_desktop.corpus.editions import edition_key, edition_on, load_editions, read_edition
from gp_desktop.corpus.errors import CorpusFileError
from gp_desktop.corpus.footnotes import long_date
from gp_desktop.read_only import connect_read_only

_REQUIRED = {
    "acts": {"id", "title", "kind", "date", "number", "edition_date"},
    "nodes": {
        "id",
        "act_id",
        "parent_id",
        "position",
        "kind",
        "label",
        "heading",
        "text",
        "seq",
        "title",
    },
    "amendments": {"id", "date", "number", "issuer", "title"},
    "node_amendments": {"node_id", "amendment_id", "effect", "footnote"},
    "institutions": {"id", "name", "group_name", "position", "node_id"},
    "meta": {"key", "value"},
    m.WORD_FORMS: {"form", "terms"},
    "editions": {"id", "date", "amendment_id", "source_sha256", "source_format", "current"},
}


@dataclass(frozen=True)
class Change:
    node_id: str
    citation: str
    effect: str
    footnote: str
    effect_text: str = ""
    """The effect in words agreeing with the node: «утверждено», «изменена», «подписан»."""
    scope: str = ""
    """``"heading"`` when the decree changed only the node's heading (its footnote says
    «Заголовок – в редакции …»); "" for the node itself."""


@dataclass(frozen=True)
class Event:
    """One step of the act's history: the original decree or one amending decree."""

    id: str
    date: str
    number: str
    title: str
    original: bool
    changes: tuple[Change, ...]


def _open(path: Path) -> sqlite3.Connection:
    if not path.exists():
        raise CorpusFileError(f"{path}: файл корпуса не найден")
    if path.is_dir():
        raise CorpusFileError(f"{path}: это папка, а не файл корпуса")
    try:
        with open(path, "rb") as fh:
            header = fh.read(16)
    except OSError as exc:
        raise CorpusFileError(f"{path}: не удаётся прочитать ({exc.strerror})") from None
    if not header:
        raise CorpusFileError(f"{path}: файл корпуса пуст")
    if header != b"SQLite format 3\x00":
        raise CorpusFileError(f"{path}: это не файл SQLite (повреждён или чужой файл)")
    try:
        conn = connect_read_only(path)
        conn.row_factory = sqlite3.Row
        conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
        return conn
    except sqlite3.Error as exc:
        raise CorpusFileError(f"{path}: файл SQLite повреждён ({exc})") from None


def _check_tables(conn: sqlite3.Connection, path: Path, required: dict[str, set[str]]) -> None:
    for table, columns in required.items():
        have = {row[1] for row in conn.execute(f"PRAGMA table_info({table})")}
        if not have:
            raise CorpusFileError(f"{path}: это не корпус gp-desktop (нет таблицы {table})")
        if missing := columns - have:
            raise CorpusFileError(
                f"{path}: в таблице {table} нет столбцов {', '.join(sorted(missing))}"
            )


def _check_schema(conn: sqlite3.Connection, path: Path) -> dict[str, str]:
    try:
        _check_tables(conn, path, {"meta": _REQUIRED["meta"]})
        meta = {row["key"]: row["value"] for row in conn.execute("SELECT key, value FROM meta")}
        version = integrity.schema_version(meta.get("schema_version"))
        if version is None:
            raise CorpusFileError(f"{path}: в корпусе не указана версия схемы")
        if version > m.SCHEMA_VERSION:
            raise CorpusFileError(
                f"{path}: корпус новой версии схемы {version}, программа знает версию "
                f"{m.SCHEMA_VERSION}; обновите программу"
            )
        if version < m.SCHEMA_VERSION:
            # An older file lacks what this program reads (version 1: the search's lexicon).
            raise CorpusFileError(
                f"{path}: корпус старой версии схемы {version}, программа знает версию "
                f"{m.SCHEMA_VERSION}; пересоберите его (gp-desktop build-corpus)"
            )
        _check_tables(conn, path, _REQUIRED)
    except sqlite3.Error as exc:
        raise CorpusFileError(f"{path}: файл SQLite повреждён ({exc})") from None
    return meta


class Corpus:
    """The act read from a corpus file: its current edition, or the one named by ``edition``
    (an id from ``editions``; see ``corpus/editions.py``), refused (CorpusFileError) unless
    it is sound.

    ``validate=False`` is for ``check``: the records are read even when ``integrity`` finds
    problems (listed in ``problems``), but the tree is then not built and not to be walked."""

    def __init__(
        self, path: str | Path, edition: str | None = None, *, validate: bool = True
    ) -> None:
        self.path = Path(path)
        self.problems: list[str] = []
        conn = _open(self.path)
        try:
            self.meta = _check_schema(conn, self.path)
            self._load(conn, validate)
            self.editions = load_editions(conn)
            self.edition = self._current_edition()
            if edition is not None and edition != self.edition.id:
                self._load_edition(conn, edition)
        except sqlite3.Error as exc:
            raise CorpusFileError(f"{self.path}: файл SQLite повреждён ({exc})") from None
        finally:
            conn.close()

    def _load(self, conn: sqlite3.Connection, validate: bool = True) -> None:
        row = conn.execute("SELECT * FROM acts LIMIT 1").fetchone()
        if row is None:
            raise CorpusFileError(f"{self.path}: в корпусе нет акта")
        self.act = m.Act(**{f: row[f] for f in m.Act.__dataclass_fields__})
        count = conn.execute("SELECT count(*) FROM nodes").fetchone()[0]
        if count > integrity.MAX_NODES:  # before reading them all into memory
            raise CorpusFileError(f"{self.path}: слишком много узлов ({count})")
        # The columns named in the model's order, so each row is the record's arguments.
        columns = ", ".join(f"[{f}]" for f in m.Node.__dataclass_fields__)
        cursor = conn.execute(f"SELECT {columns} FROM nodes ORDER BY seq")
        cursor.row_factory = None  # plain tuples: a tenth of the time of sqlite3.Row
        self.nodes: list[m.Node] = [m.Node(*r) for r in cursor]
        if not self.nodes:
            raise CorpusFileError(f"{self.path}: в корпусе нет текста")
        self.amendments = [
            m.Amendment(**{f: r[f] for f in m.Amendment.__dataclass_fields__})
            for r in conn.execute("SELECT * FROM amendments ORDER BY date, CAST(number AS INTEGER)")
        ]
        self.node_amendments = [
            m.NodeAmendment(**{f: r[f] for f in m.NodeAmendment.__dataclass_fields__})
            for r in conn.execute("SELECT * FROM node_amendments ORDER BY rowid")
        ]
        self.institutions = [
            m.Institution(**{f: r[f] for f in m.Institution.__dataclass_fields__})
            for r in conn.execute("SELECT * FROM institutions ORDER BY rowid")
        ]
        try:
            self.warnings = [
                r[0] for r in conn.execute("SELECT message FROM warnings ORDER BY position")
            ]
        except sqlite3.Error:
            self.warnings = []
        self.problems = integrity.corpus_problems(
            self.act, self.nodes, self.amendments, self.node_amendments, self.institutions
        )
        if self.problems and validate:
            more = f" (и ещё проблем: {len(self.problems) - 1})" if len(self.problems) > 1 else ""
            raise CorpusFileError(f"{self.path}: корпус повреждён: {self.problems[0]}{more}")
        self._index_nodes()

    def _index_nodes(self) -> None:
        self.by_id = {n.id: n for n in self.nodes}
        self._children: dict[str | None, list[m.Node]] = {}
        if not self.problems:  # a tree known to be one: no cycles, positions comparable
            for node in sorted(self.nodes, key=lambda n: n.position):
                self._children.setdefault(node.parent_id, []).append(node)

    # -- editions ------------------------------------------------------------------------
    @classmethod
    def as_of(cls, path: str | Path, iso_date: str | None) -> Corpus:
        """The edition in force on ``iso_date`` (the current one for None); CorpusError for a
        date before the earliest edition held."""
        corpus = cls(path)
        if iso_date is None:
            return corpus
        wanted = edition_on(corpus.editions, iso_date)
        return corpus if wanted.current else cls(path, wanted.id)

    @property
    def is_current(self) -> bool:
        return self.edition.current

    def _current_edition(self) -> m.Edition:
        current = [e for e in self.editions if e.current]
        if len(current) != 1:
            raise CorpusFileError(f"{self.path}: в корпусе не отмечена действующая редакция")
        return current[0]

    def _load_edition(self, conn: sqlite3.Connection, edition_id: str) -> None:
        import dataclasses

        from gp_desktop.corpus.institutions import collect_institutions

        wanted = next((e for e in self.editions if e.id == edition_id), None)
        if wanted is None:
            raise CorpusFileError(f"{self.path}: в корпусе нет редакции {edition_id}")
        data = read_edition(conn, wanted, self.nodes, self.amendments, self.path)
        self.edition = wanted
        self.nodes = data.nodes
        self.amendments = data.amendments
        self.node_amendments = data.node_amendments
        self.institutions = collect_institutions(self.nodes)
        self.warnings = []
        self.act = dataclasses.replace(self.act, edition_date=wanted.date)
        # The search index of an edition is keyed by its content, as the current one's by
        # the file's hash.
        self.__dict__["file_sha256"] = edition_key(wanted, self.meta)
        self._index_nodes()

    # -- tree ---------------------------------------------------------------------------
    def node(self, node_id: str) -> m.Node:
        return self.by_id[node_id]

    def children(self, node_id: str | None) -> list[m.Node]:
        return self._children.get(node_id, [])

    def parts(self) -> list[m.Node]:
        return self.children(None)

    def parent(self, node_id: str) -> m.Node | None:
        parent_id = self.by_id[node_id].parent_id
        return self.by_id[parent_id] if parent_id else None

    def ancestors(self, node_id: str) -> list[m.Node]:
        """From the part down to the node's parent."""
        chain = []
        node = self.parent(node_id)
        while node is not None:
            chain.append(node)
            node = self.parent(node.id)
        return chain[::-1]

    def part_of(self, node_id: str) -> m.Node:
        node = self.by_id[node_id]
        while node.parent_id is not None:
            node = self.by_id[node.parent_id]
        return node

    def subtree(self, node_id: str) -> list[m.Node]:
        """The node and all it contains, in document order."""
        result = [self.by_id[node_id]]
        for child in self.children(node_id):
            result.extend(self.subtree(child.id))
        return sorted(result, key=lambda n: n.seq)

    def footnotes(self, node_id: str) -> list[m.Node]:
        return [c for c in self.children(node_id) if c.kind == m.FOOTNOTE]

    def inherited_footnotes(self, node_id: str) -> list[m.Node]:
        """The footnotes of what contains the node — its clause, its document — which apply
        to it too («Сноска. Пункт 19 с изменениями …» for sub-clause 8) of clause 19), in
        document order. The excerpt prints them with the node; ``show`` lists them."""
        notes = [n for a in self.ancestors(node_id) for n in self.footnotes(a.id)]
        return sorted(notes, key=lambda n: n.seq)

    # -- history ------------------------------------------------------------------------
    @cached_property
    def _amendment_by_id(self) -> dict[str, m.Amendment]:
        return {a.id: a for a in self.amendments}

    def amendments_of(self, node_id: str) -> list[tuple[m.Amendment, m.NodeAmendment]]:
        return [
            (self._amendment_by_id[link.amendment_id], link)
            for link in self.node_amendments
            if link.node_id == node_id
        ]

    def timeline(self) -> list[Event]:
        """The original decree first, then each amending decree in date order."""
        from gp_desktop.corpus.citations import HEADING, citation, effect_words, heading_only

        def change(node_id: str, effect: str, footnote: str) -> Change:
            if heading_only(footnote):
                return Change(
                    node_id,
                    f"{citation(self, node_id)}, {HEADING}",
                    effect,
                    footnote,
                    effect_words(self, node_id, effect, heading=True),
                    "heading",
                )
            words = effect_words(self, node_id, effect)
            return Change(node_id, citation(self, node_id), effect, footnote, words)

        original = Event(
            id=self.act.id,
            date=self.act.date,
            number=self.act.number,
            title=f"{self.act.kind} от {long_date(self.act.date)} № {self.act.number} «{self.act.title}»",
            original=True,
            changes=tuple(change(p.id, "enacted", "") for p in self.parts()),
        )
        events = [original]
        for amendment in self.amendments:
            changes = tuple(
                change(link.node_id, link.effect, link.footnote)
                for link in self.node_amendments
                if link.amendment_id == amendment.id
            )
            events.append(
                Event(
                    amendment.id, amendment.date, amendment.number, amendment.title, False, changes
                )
            )
        return events

    def changed_since(self, iso_date: str) -> list[str]:
        """Ids of the nodes changed by decrees dated after ``iso_date``."""
        after = {a.id for a in self.amendments if a.date > iso_date}
        seen: dict[str, None] = {}
        for link in self.node_amendments:
            if link.amendment_id in after:
                seen.setdefault(link.node_id)
        return list(seen)

    @cached_property
    def file_sha256(self) -> str:
        import hashlib  # OpenSSL's library loads in 4 ms; the window asks after its first paint

        digest = hashlib.sha256()
        with open(self.path, "rb") as fh:
            for chunk in iter(lambda: fh.read(1 << 20), b""):
                digest.update(chunk)
        return digest.hexdigest()
