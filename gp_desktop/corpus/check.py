"""Verifying a corpus file: schema, SQLite integrity, the source it was built from, counts,
the search's lexicon.

Used by ``gp-desktop check``; each finding is one line a support person can act on.
"""

from __future__ import annotations

import hashlib
import sqlite3
from dataclasses import dataclass, field
from pathlib import Path

from gp_desktop.corpus import model as m
from gp_desktop.corpus.errors import CorpusFileError
from gp_desktop.corpus.reader import Corpus
from gp_desktop.paths import resources_dir
from gp_desktop.read_only import connect_read_only


@dataclass
class CheckReport:
    path: str
    problems: list[str] = field(default_factory=list)
    facts: dict[str, object] = field(default_factory=dict)
    warnings: list[str] = field(default_factory=list)
    """The import's warnings, as recorded in the file (each in full)."""

    @property
    def ok(self) -> bool:
        return not self.problems


def check_corpus(path: str | Path, sources_dir: Path | None = None) -> CheckReport:
    """Check ``path``; problems are collected, not raised, except for an unreadable file."""
    report = CheckReport(path=str(path))
    try:
        corpus = Corpus(path, validate=False)
    except CorpusFileError as exc:
        # The message names the file; the report's lines are printed after the path already.
        report.problems.append(str(exc).removeprefix(f"{path}: "))
        return report
    report.problems.extend(corpus.problems)  # the tree, the types, the sizes (integrity)
    conn = connect_read_only(path)
    try:
        integrity = [r[0] for r in conn.execute("PRAGMA integrity_check")]
        if integrity != ["ok"]:
            report.problems.append("PRAGMA integrity_check: " + "; ".join(integrity[:5]))
        broken_keys = conn.execute("PRAGMA foreign_key_check").fetchall()
        if broken_keys:
            report.problems.append(f"нарушены внешние ключи: {len(broken_keys)} строк")
        # The search's lexicon: empty, every word would fall back to its stem.
        word_forms = conn.execute(f"SELECT count(*) FROM [{m.WORD_FORMS}]").fetchone()[0]
        report.facts["word_forms"] = word_forms
        if word_forms == 0:
            report.problems.append(
                f"таблица {m.WORD_FORMS} (формы слов для поиска) пуста: "
                "пересоберите (gp-desktop build-corpus)"
            )
    except sqlite3.Error as exc:
        report.problems.append(f"SQLite: {exc}")
    finally:
        conn.close()

    report.warnings = list(corpus.warnings)
    kinds: dict[object, int] = {}
    for node in corpus.nodes:
        kinds[node.kind] = kinds.get(node.kind, 0) + 1
    report.facts.update(
        {
            "act": f"{corpus.act.kind} от {corpus.act.date} № {corpus.act.number}",
            "edition_date": corpus.act.edition_date,
            "schema_version": corpus.meta.get("schema_version"),
            "dictionary": corpus.meta.get("dictionary", ""),
            "nodes": len(corpus.nodes),
            "clauses": kinds.get(m.CLAUSE, 0),
            "subclauses": kinds.get(m.SUBCLAUSE, 0),
            "footnotes": kinds.get(m.FOOTNOTE, 0),
            "amendments": len(corpus.amendments),
            "institutions": len(corpus.institutions),
            "import_warnings": len(corpus.warnings),
            "sha256": corpus.file_sha256,
        }
    )
    if kinds.get(m.CLAUSE, 0) == 0:
        report.problems.append("в корпусе нет ни одного пункта")
    source_name = corpus.meta.get("source_name", "")
    recorded = corpus.meta.get("source_sha256", "")
    source = (sources_dir or resources_dir() / "acts") / source_name if source_name else None
    if source is not None and source.is_file():
        actual = hashlib.sha256(source.read_bytes()).hexdigest()
        report.facts["source"] = str(source)
        if actual != recorded:
            report.problems.append(
                f"корпус собран не из текущего {source.name}: пересоберите (gp-desktop build-corpus)"
            )
    else:
        report.facts["source"] = f"{source_name} (исходный текст рядом не найден, хеш не сверен)"
    return report
