"""Long content does not hold the window: a 100 000-node corpus, a 1 MB word without spaces.

Checked by what is laid out and kept, not by the clock (timings are in benchmarks/): the
reader lays out a window of the corpus, never all of it, and moves it where the user goes;
a megabyte-long word reaches Qt with break points; the tree's filter on a huge tree asks
each row once.
"""

from __future__ import annotations

import sqlite3

import pytest
from conftest import corpus_copy

from gp_desktop.corpus.act_html import BREAK_EVERY, SHOWN_CHARS, document_html, shown_text
from gp_desktop.corpus.reader import Corpus


def big_corpus(folder, chapters: int = 100, clauses: int = 1000):
    """The real corpus with ``chapters`` × ``clauses`` more clauses in the Положение."""
    path = corpus_copy(folder, name="big.sqlite")
    conn = sqlite3.connect(path)
    with conn:
        act = conn.execute("SELECT id FROM acts").fetchone()[0]
        seq = conn.execute("SELECT max(seq) FROM nodes").fetchone()[0]
        pos = conn.execute(
            "SELECT max(position) FROM nodes WHERE parent_id = 'polozhenie'"
        ).fetchone()[0]
        texts = [
            r[0] for r in conn.execute("SELECT text FROM nodes WHERE kind = 'subclause' LIMIT 50")
        ]
        rows = []
        for c in range(chapters):
            seq += 1
            chapter = f"polozhenie/gl-x{c}"
            rows.append(
                (
                    chapter,
                    act,
                    "polozhenie",
                    pos + 1 + c,
                    seq,
                    "chapter",
                    f"Глава {100 + c}.",
                    f"Раздел {c}",
                    "",
                    f"Глава {100 + c}",
                )
            )
            for k in range(clauses):
                seq += 1
                n = 1000 + c * clauses + k
                rows.append(
                    (
                        f"{chapter}/p-{n}",
                        act,
                        chapter,
                        k + 1,
                        seq,
                        "clause",
                        f"{n}.",
                        "",
                        texts[k % len(texts)],
                        f"п. {n}",
                    )
                )
        conn.executemany(
            "INSERT INTO nodes (id, act_id, parent_id, position, seq, kind, label, heading,"
            " text, title) VALUES (?,?,?,?,?,?,?,?,?,?)",
            rows,
        )
    conn.close()
    return path


@pytest.fixture(scope="module")
def big(tmp_path_factory):
    return Corpus(big_corpus(tmp_path_factory.mktemp("big")))


def test_the_reader_lays_out_a_window_of_a_huge_corpus(qtbot, big):
    from gp_desktop.ui.reader.view import WINDOW_NODES, Reader

    assert len(big.nodes) > 100_000
    reader = Reader(big, 12)
    qtbot.addWidget(reader)
    reader.resize(800, 600)
    reader.show()
    start, end = reader.shown_range
    assert (start, end) == (0, WINDOW_NODES)
    assert reader.document().blockCount() < WINDOW_NODES * 3
    last = big.nodes[-1].id
    reader.show_node(last)
    start, end = reader.shown_range
    assert start <= len(big.nodes) - 1 < end and end - start <= WINDOW_NODES
    assert reader.current_node == last
    assert reader.block_range(last) is not None
    middle = big.nodes[50_000]
    reader.show_node(middle.id)
    start, end = reader.shown_range
    assert start <= 50_000 < end
    assert big.nodes[start].kind in ("part", "chapter", "clause")  # a window starts cleanly
    text = reader.toPlainText()
    assert "↑ Предыдущие пункты" in text and "↓ Следующие пункты" in text
    assert middle.text.split()[0] in text


def test_the_real_act_is_one_document_without_window_links(qtbot, corpus):
    from gp_desktop.ui.reader.view import Reader

    reader = Reader(corpus, 12)
    qtbot.addWidget(reader)
    assert reader.shown_range == (0, len(corpus.nodes))
    assert "Предыдущие пункты" not in reader.toPlainText()


def test_a_megabyte_word_reaches_qt_breakable_and_bounded():
    word = "ж" * 1_000_000
    shown = shown_text(word)
    assert len(shown) < SHOWN_CHARS * 1.1 and "показаны первые" in shown
    pieces = shown.split("\u200b")
    assert max(len(p) for p in pieces[:-1]) == BREAK_EVERY
    ordinary = "Генеральный Прокурор Республики Казахстан «Ұлытау» – 3-1)"
    assert shown_text(ordinary) is ordinary or shown_text(ordinary) == ordinary


def test_the_reader_opens_a_node_holding_a_megabyte_word(qtbot, tmp_path):
    from gp_desktop.ui.reader.view import Reader

    path = corpus_copy(
        tmp_path,
        ("UPDATE nodes SET text = ? WHERE id = 'polozhenie/p-19/pp-8'", ("ж" * 1_000_000,)),
    )
    corpus = Corpus(path)
    assert "\u200b" in document_html(corpus)
    reader = Reader(corpus, 12)
    qtbot.addWidget(reader)
    reader.resize(800, 600)
    reader.show()
    reader.show_node("polozhenie/p-19/pp-8")  # laid out unbroken, this held the GUI a minute
    assert reader.current_node.startswith("polozhenie/p-19")


def test_the_tree_filter_on_a_huge_tree_asks_each_row_once(qapp, big, monkeypatch):
    from gp_desktop.ui.navigator import act_tree
    from gp_desktop.ui.navigator.act_tree import ActTreeModel
    from gp_desktop.ui.navigator.tree_filter import TreeFilter

    folds = 0
    real_fold = act_tree.fold

    def counting(text):
        nonlocal folds
        folds += 1
        return real_fold(text)

    monkeypatch.setattr(act_tree, "fold", counting)
    model = ActTreeModel(big)
    proxy = TreeFilter()
    proxy.setSourceModel(model)
    proxy.set_words("прокурор")
    proxy.set_words("прокурор надзор")
    assert folds == model.row_total  # once per row, for both filters
    top = proxy.index(0, 0)
    assert top.isValid() and proxy.rowCount(top) > 0
    # Every kept row holds the words, or leads to or comes from one that does.
    kept = model.matching(("прокурор", "надзор"))
    assert 0 < len(kept) < model.row_total
