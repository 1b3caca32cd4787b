"""corpus.sqlite: the contract of DESIGN.md, freshness against the source, reading it back."""

from __future__ import annotations

import sqlite3

import edition_facts as facts
import pytest
from conftest import CORPUS, SOURCE, corpus_copy

from gp_desktop.corpus.build import build_corpus
from gp_desktop.corpus.citations import citation, formal_citation, resolve
from gp_desktop.corpus.errors import CorpusFileError
from gp_desktop.corpus.reader import Corpus

CONTRACT = {
    "acts": {"id", "title", "kind", "date", "number", "edition_date"},
    "nodes": {"id", "act_id", "parent_id", "position", "kind", "label", "heading", "text"},
    "amendments": {"id", "date", "number", "issuer", "title"},
    "node_amendments": {"node_id", "amendment_id", "effect", "footnote"},
    "institutions": {"id", "name", "group_name", "position", "node_id"},
    "meta": {"key", "value"},
}


def dump(path) -> dict[str, list[tuple]]:
    """Every row of every table, but when an edition was imported: that is when, not what."""
    conn = sqlite3.connect(path)
    try:
        tables = [
            r[0]
            for r in conn.execute("SELECT name FROM sqlite_master WHERE type='table' ORDER BY name")
        ]
        dumped = {}
        for t in tables:
            columns = [r[1] for r in conn.execute(f"PRAGMA table_info([{t}])")]
            kept = ", ".join(f"[{c}]" for c in columns if (t, c) != ("editions", "imported_at"))
            dumped[t] = sorted(conn.execute(f"SELECT {kept} FROM [{t}]").fetchall(), key=repr)
        return dumped
    finally:
        conn.close()


def test_committed_corpus_is_up_to_date_with_its_source(tmp_path):
    rebuilt = tmp_path / "corpus.sqlite"
    build_corpus([SOURCE], rebuilt)
    assert dump(rebuilt) == dump(CORPUS), (
        "corpus.sqlite is out of date: run `make corpus` and commit it"
    )


def test_contract_tables_and_columns():
    conn = sqlite3.connect(CORPUS)
    for table, columns in CONTRACT.items():
        have = {r[1] for r in conn.execute(f"PRAGMA table_info({table})")}
        assert columns <= have, table
    meta = dict(conn.execute("SELECT key, value FROM meta"))
    assert meta["schema_version"] == "3"
    import hashlib

    assert meta["source_sha256"] == hashlib.sha256(SOURCE.read_bytes()).hexdigest()
    assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"


def test_rebuild_is_identical(tmp_path):
    a, b = tmp_path / "a.sqlite", tmp_path / "b.sqlite"
    build_corpus([SOURCE], a)
    build_corpus([SOURCE], b)
    assert dump(a) == dump(b)


def test_citations_and_references(corpus):
    assert citation(corpus, "polozhenie/p-19/pp-8") == "Положение, Глава 3, п. 19, пп. 8)"
    assert formal_citation(corpus, "polozhenie/p-19/pp-8") == (
        "пп. 8 п. 19 Положения о Генеральной прокуратуре Республики Казахстан, "
        "утв. Указом Президента РК от 13.10.2017 № 563"
    )
    cases = {
        "19": "polozhenie/p-19",
        "п. 19": "polozhenie/p-19",
        "пункт 19": "polozhenie/p-19",
        "19.8": "polozhenie/p-19/pp-8",
        "пп. 8 п. 19": "polozhenie/p-19/pp-8",
        "подпункт 8) пункта 19": "polozhenie/p-19/pp-8",
        "пункт 32-1": "polozhenie/p-19/pp-32-1",
        "Глава 3": "polozhenie/gl-3",
        "polozhenie/p-14/pp-2": "polozhenie/p-14/pp-2",
    }
    for reference, expected in cases.items():
        assert resolve(corpus, reference) == expected, reference
    assert resolve(corpus, "99") is None
    assert resolve(corpus, "прокуратура") is None


def test_timeline_original_first_then_by_date(corpus):
    events = corpus.timeline()
    assert events[0].original and events[0].number == "563"
    dates = [e.date for e in events]
    assert dates == sorted(dates) and len(events) == len(facts.TIMELINE_NUMBERS)
    last = events[-1]
    assert last.number == facts.LAST_DECREE
    assert {c.node_id for c in last.changes} >= facts.LAST_DECREE_CHANGED_NODES
    assert set(corpus.changed_since(facts.CHANGED_SINCE)) == facts.CHANGED_SINCE_NODES


@pytest.mark.parametrize(
    "content, fragment",
    [
        (None, "не найден"),
        (b"", "пуст"),
        (b"\x00\x01garbage" * 100, "не файл SQLite"),
        (b"SQLite format 3\x00" + b"\x00" * 50, "повреждён"),
    ],
)
def test_unusable_corpus_files_give_clear_errors(tmp_path, content, fragment):
    path = tmp_path / "corpus.sqlite"
    if content is not None:
        path.write_bytes(content)
    with pytest.raises(CorpusFileError, match=fragment):
        Corpus(path)


def test_sqlite_of_another_schema_and_newer_version(tmp_path):
    other = tmp_path / "other.sqlite"
    sqlite3.connect(other).execute("CREATE TABLE t (x)").connection.commit()
    with pytest.raises(CorpusFileError, match="не корпус"):
        Corpus(other)
    newer = corpus_copy(tmp_path, "UPDATE meta SET value = '99' WHERE key = 'schema_version'")
    with pytest.raises(CorpusFileError, match="новой версии"):
        Corpus(newer)


def test_a_corpus_of_the_older_schema_is_refused_with_what_to_do(tmp_path):
    """Version 1 had no lexicon for search: such a file is refused, not searched badly."""
    older = corpus_copy(
        tmp_path,
        "UPDATE meta SET value = '1' WHERE key = 'schema_version'",
        "DROP TABLE word_forms",
        name="older.sqlite",
    )
    with pytest.raises(CorpusFileError, match=r"старой версии схемы 1.*build-corpus"):
        Corpus(older)
    missing = corpus_copy(tmp_path, "DROP TABLE word_forms", name="missing.sqlite")
    with pytest.raises(CorpusFileError, match="нет таблицы word_forms"):
        Corpus(missing)
