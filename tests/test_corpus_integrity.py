"""A crafted corpus is refused when opened, the same way everywhere; `check` lists it all.

Cycles, missing parents, NULL and BLOB where text belongs, a schema version of NULL or «²»,
nesting too deep: every reader (show, search, timeline, export, the self-test, the window)
gets one clear line instead of spinning for ever or ending in «внутренняя ошибка».
"""

from __future__ import annotations

import signal
import sqlite3
from contextlib import contextmanager

import pytest
from conftest import CORPUS, corpus_copy, run_cli
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from gp_desktop.corpus import integrity
from gp_desktop.corpus.check import check_corpus
from gp_desktop.corpus.errors import CorpusFileError
from gp_desktop.corpus.reader import Corpus

P19 = "polozhenie/p-19"
P20 = "polozhenie/p-20"

CRAFTED = {
    "own-parent": ([f"UPDATE nodes SET parent_id = id WHERE id = '{P19}'"], "цикл"),
    "two-node-cycle": (
        [
            f"UPDATE nodes SET parent_id = '{P20}' WHERE id = '{P19}'",
            f"UPDATE nodes SET parent_id = '{P19}' WHERE id = '{P20}'",
        ],
        "цикл",
    ),
    "missing-parent": (
        [f"UPDATE nodes SET parent_id = 'нет/такого' WHERE id = '{P19}'"],
        "нет родителя",
    ),
    "null-kind": ([f"UPDATE nodes SET kind = NULL WHERE id = '{P19}'"], "kind — NULL"),
    "null-text": ([f"UPDATE nodes SET text = NULL WHERE id = '{P19}'"], "text — NULL"),
    "blob-text": ([f"UPDATE nodes SET text = x'00ff00' WHERE id = '{P19}'"], "text — BLOB"),
    "blob-title": ([f"UPDATE nodes SET title = x'41' WHERE id = '{P19}'"], "title — BLOB"),
    "null-position": ([f"UPDATE nodes SET position = NULL WHERE id = '{P19}'"], "position"),
    "null-act-title": (["UPDATE acts SET title = NULL"], "title — NULL"),
    "null-schema": (["UPDATE meta SET value = NULL WHERE key = 'schema_version'"], "версия схемы"),
    "superscript-schema": (
        ["UPDATE meta SET value = '²' WHERE key = 'schema_version'"],
        "версия схемы",
    ),
    "unknown-amendment": (
        ["UPDATE node_amendments SET amendment_id = 'нет' WHERE rowid = 1"],
        "неизвестный указ",
    ),
}


def _deep_chain(folder, depth: int = 5000):
    """The real corpus with a chain of ``depth`` nodes each inside the one before."""
    path = corpus_copy(folder)
    conn = sqlite3.connect(path)
    with conn:
        top = conn.execute("SELECT max(seq) FROM nodes").fetchone()[0]
        act = conn.execute("SELECT id FROM acts").fetchone()[0]
        parent = P19
        for k in range(depth):
            conn.execute(
                "INSERT INTO nodes (id, act_id, parent_id, position, seq, kind, label, heading,"
                " text, title) VALUES (?, ?, ?, 1, ?, 'paragraph', '', '', 'абзац', '')",
                (f"deep/{k}", act, parent, top + 1 + k),
            )
            parent = f"deep/{k}"
    conn.close()
    return path


@pytest.mark.parametrize("name", sorted(CRAFTED))
def test_a_crafted_corpus_is_refused_when_opened_and_listed_by_check(tmp_path, name):
    changes, fragment = CRAFTED[name]
    path = corpus_copy(tmp_path, *changes)
    with pytest.raises(CorpusFileError) as caught:
        Corpus(path)
    assert fragment in str(caught.value)
    report = check_corpus(path)
    assert not report.ok and any(fragment in p for p in report.problems), report.problems


def test_nesting_too_deep_is_refused(tmp_path):
    path = _deep_chain(tmp_path)
    with pytest.raises(CorpusFileError, match="глубокая вложенность"):
        Corpus(path)


@pytest.mark.parametrize(
    "command", [["show", "19"], ["search", "прокурор"], ["timeline"], ["export"]]
)
def test_every_command_says_the_same_one_line(tmp_path, command):
    path = corpus_copy(tmp_path, *CRAFTED["two-node-cycle"][0])
    result = run_cli(*command, "--corpus", str(path), env={"XDG_CACHE_HOME": str(tmp_path)})
    assert result.returncode == 1, result.stderr
    assert result.stderr.count("\n") == 1 and "Traceback" not in result.stderr
    assert result.stderr.startswith(f"gp-desktop: {path}: корпус повреждён: узлы образуют цикл")


def test_the_window_and_the_self_test_refuse_it_with_a_dialog(tmp_path, qapp):
    from gp_desktop.ui.app import open_corpus_or_explain

    path = corpus_copy(tmp_path, *CRAFTED["blob-text"][0])
    assert open_corpus_or_explain(path) is None
    env = {
        name: str(tmp_path / name)
        for name in ("XDG_CONFIG_HOME", "XDG_DATA_HOME", "XDG_CACHE_HOME")
    }
    result = run_cli("--self-test", "--corpus", str(path), env=env)
    assert result.returncode == 1 and "text — BLOB" in result.stderr
    assert "внутренняя ошибка" not in result.stderr and "Traceback" not in result.stderr


def test_check_names_the_file_once_and_lists_every_problem(tmp_path):
    path = corpus_copy(tmp_path, *CRAFTED["own-parent"][0], *CRAFTED["null-text"][0][:1])
    path_changes = CRAFTED["null-text"][0][0].replace(P19, P20)
    conn = sqlite3.connect(path)
    with conn:
        conn.execute(path_changes)
    conn.close()
    result = run_cli("check", str(path))
    assert result.returncode == 1
    lines = result.stderr.strip().splitlines()
    assert any("цикл" in line for line in lines) and sum("text — NULL" in x for x in lines) == 2
    assert all(line.count(str(path)) == 1 for line in lines), lines
    broken = tmp_path / "x.sqlite"
    broken.write_bytes(b"not sqlite at all" * 10)
    result = run_cli("check", str(broken))
    assert result.stderr.count(str(broken)) == 1, result.stderr


def test_the_tree_check_is_linear():
    """A chain of 100 000 nodes is walked once, not once per node (no quadratic ancestry)."""
    from gp_desktop.corpus.model import Node

    calls = 0

    class CountingDict(dict):
        def get(self, key, default=None):
            nonlocal calls
            calls += 1
            return super().get(key, default)

    n = 100_000
    nodes = CountingDict(
        {
            f"n{k}": Node(f"n{k}", f"n{k - 1}" if k else None, 1, k + 1, "paragraph")
            for k in range(n)
        }
    )
    problems = integrity.tree_problems(nodes)
    assert calls <= n + 1 and problems == [
        f"слишком глубокая вложенность узлов (у n{integrity.MAX_DEPTH})"
    ]


# -- fuzz -------------------------------------------------------------------------------------

COLUMNS = ["parent_id", "kind", "label", "heading", "text", "title", "position", "seq", "id"]
VALUES = st.one_of(
    st.none(),
    st.integers(-3, 3),
    st.floats(allow_nan=True),
    st.binary(max_size=8),
    st.sampled_from(
        [P19, P20, "polozhenie", "", "²", "<img src='file:///dev/zero'>", "\x1b]0;x\x07"]
    ),
    st.text(max_size=12),
)
NODE_IDS = ["polozhenie", "polozhenie/p-1", P19, P20, "polozhenie/p-19/pp-8", "ukaz"]


@contextmanager
def no_hang(seconds: int = 20):
    def fail(*_args):
        raise AssertionError(f"no answer in {seconds} s: a hang")

    previous = signal.signal(signal.SIGALRM, fail)
    signal.alarm(seconds)
    try:
        yield
    finally:
        signal.alarm(0)
        signal.signal(signal.SIGALRM, previous)


@settings(
    max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    edits=st.lists(
        st.tuples(st.sampled_from(NODE_IDS), st.sampled_from(COLUMNS), VALUES),
        min_size=1,
        max_size=4,
    ),
    meta=st.one_of(st.none(), VALUES),
)
def test_fuzzed_corpora_never_hang_never_crash(tmp_path_factory, edits, meta):
    from gp_desktop.corpus.citations import citation
    from gp_desktop.corpus.export import export_text

    folder = tmp_path_factory.mktemp("fuzz")
    changes: list = [
        (f"UPDATE OR IGNORE nodes SET [{c}] = ? WHERE id = ?", (v, i)) for i, c, v in edits
    ]
    if meta is not None:
        changes.append(("UPDATE meta SET value = ? WHERE key = 'schema_version'", (meta,)))
    path = corpus_copy(folder, *changes)
    with no_hang():
        try:
            corpus = Corpus(path)
        except CorpusFileError as exc:
            assert "\n" not in str(exc)
            report = check_corpus(path)
            assert not report.ok
            return
        # Opened: then every walk of it ends and gives text.
        for node in corpus.nodes:
            corpus.ancestors(node.id)
            corpus.part_of(node.id)
            citation(corpus, node.id)
        for part in corpus.parts():
            corpus.subtree(part.id)
        corpus.timeline()
        assert isinstance(export_text(corpus), str)
        check_corpus(path)


def test_the_bundled_corpus_has_no_integrity_problem():
    assert Corpus(CORPUS).problems == []
