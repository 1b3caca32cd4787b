"""The reader on the real act: every word shown, nothing interpreted, marks and clicks."""

from __future__ import annotations

import shutil
import sqlite3

import edition_facts as facts
import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QTextCursor

from gp_desktop.corpus.act_html import AMEND_SCHEME, document_html
from gp_desktop.corpus.export import export_text
from gp_desktop.corpus.reader import Corpus
from gp_desktop.corpus.restricted import NOTE as RESTRICTED_NOTE
from gp_desktop.corpus.restricted import restricted_annexes
from gp_desktop.ui.reader.view import MARGIN, Reader


@pytest.fixture
def reader(qtbot, corpus):
    view = Reader(corpus, 13)
    qtbot.addWidget(view)
    view.resize(800, 600)
    view.show()
    qtbot.waitExposed(view)
    return view


def fragments(reader):
    block = reader.document().begin()
    while block.isValid():
        it = block.begin()
        while not it.atEnd():
            yield block, it.fragment()
            it += 1
        block = block.next()


def test_every_word_of_the_act_is_shown_in_order(reader, corpus):
    text = reader.toPlainText()
    # The note under each unpublished annex is the window's, not the act's words.
    assert text.count(RESTRICTED_NOTE) == len(restricted_annexes(corpus))
    shown = [w for w in text.replace(RESTRICTED_NOTE, "").split() if w != "изм."]
    assert shown == export_text(corpus).split()
    assert "Ұлытау»;" in shown or any("Ұлытау" in w for w in shown)
    assert reader.refused_resources == []


def test_tag_like_text_is_shown_not_interpreted(qtbot, corpus, tmp_path):
    damaged = tmp_path / "corpus.sqlite"
    shutil.copy(corpus.path, damaged)
    nasty = '<img src="http://example.com/x.png"><script>alert(1)</script> & <b>жирный</b>'
    with sqlite3.connect(damaged) as conn:
        conn.execute("UPDATE nodes SET text = ? WHERE id = 'polozhenie/p-9'", (nasty,))
    conn.close()
    tagged = Corpus(damaged)
    html = document_html(tagged)
    assert "<img" not in html and "<script" not in html
    view = Reader(tagged, 13)
    qtbot.addWidget(view)
    assert nasty in view.toPlainText()
    assert view.refused_resources == []
    # Even an image asked for by hand is refused: the reader loads nothing.
    assert view.loadResource(2, "http://example.com/x.png") is None
    assert view.refused_resources == ["http://example.com/x.png"]


def test_footnotes_are_set_apart(reader, corpus):
    body = reader.block_of("polozhenie/p-15/pp-1").charFormat()
    note_block = reader.block_of("polozhenie/p-15/snoska-1").blockNumber()
    note = next(
        f for b, f in fragments(reader) if b.blockNumber() == note_block and f.text().strip()
    )
    assert note.charFormat().fontPointSize() < 13
    assert note.charFormat().foreground().color().name() != body.foreground().color().name()
    clause_block = reader.block_of("polozhenie/p-19").blockNumber()
    bold = [
        f.charFormat().fontWeight() >= 700
        for b, f in fragments(reader)
        if b.blockNumber() == clause_block
    ]
    texts = [f.text() for b, f in fragments(reader) if b.blockNumber() == clause_block]
    assert "".join(t for t, b in zip(texts, bold, strict=True) if b) == "19."


def test_amended_clauses_carry_a_badge_with_their_decrees(reader, corpus):
    badges = {
        f.charFormat().anchorHref().split(":", 1)[1]: (b, f)
        for b, f in fragments(reader)
        if f.charFormat().anchorHref().startswith(f"{AMEND_SCHEME}:")
    }
    amended = {link.node_id for link in corpus.node_amendments}
    assert set(badges) == amended
    reader.show_node("polozhenie/p-15")
    qtbot_wait(reader)
    _block, fragment = badges["polozhenie/p-15"]
    cursor = QTextCursor(reader.document())
    cursor.setPosition(fragment.position() + 1)
    point = reader.cursorRect(cursor).center()
    tip = reader.tooltip_at(point)
    assert all(label in tip for label in facts.P15_DECREE_LABELS)
    # The margin beside an amended clause's sub-clause tells the same.
    sub = reader.cursorRect(QTextCursor(reader.block_of("polozhenie/p-15/pp-2"))).center()
    assert reader.tooltip_at(QPoint(MARGIN // 2, sub.y())) == tip
    plain = reader.cursorRect(QTextCursor(reader.block_of("polozhenie/p-16"))).center()
    assert reader.tooltip_at(QPoint(MARGIN // 2, plain.y())) == ""


def qtbot_wait(reader):
    from PySide6.QtWidgets import QApplication

    QApplication.processEvents()


def test_show_node_scrolls_and_highlights_words(reader):
    reader.show_node("polozhenie/p-19/pp-45", words=["огневой", "подготовки"])
    qtbot_wait(reader)
    assert reader.top_node() == "polozhenie/p-19/pp-45"
    assert reader.current_node == "polozhenie/p-19/pp-45"
    assert reader.highlighted_words == ["огневой", "подготовки"]
    reader.show_node("polozhenie/p-2")
    assert reader.highlighted_words == []
    assert reader.top_node() == "polozhenie/p-2"


def test_click_in_the_text_names_the_clause(reader, qtbot):
    reader.show_node("polozhenie/p-19/pp-8")
    qtbot_wait(reader)
    cursor = QTextCursor(reader.block_of("polozhenie/p-19/pp-9"))
    cursor.movePosition(QTextCursor.MoveOperation.Right, n=5)
    point = reader.cursorRect(cursor).center()
    with qtbot.waitSignal(reader.node_clicked) as blocker:
        qtbot.mouseClick(reader.viewport(), Qt.MouseButton.LeftButton, pos=point)
    assert blocker.args == ["polozhenie/p-19/pp-9"]
    assert reader.current_node == "polozhenie/p-19/pp-9"


def test_scrolling_reports_the_clause_in_view(reader, qtbot):
    reader.show_node("polozhenie/p-13")
    qtbot_wait(reader)
    target = (
        reader.document().documentLayout().blockBoundingRect(reader.block_of("polozhenie/p-22"))
    )
    with qtbot.waitSignal(reader.visible_node_changed, timeout=2000) as blocker:
        reader.verticalScrollBar().setValue(int(target.top()) - 12)
    assert blocker.args == ["polozhenie/p-22"]


def test_font_size_keeps_the_place(reader):
    reader.show_node("polozhenie/p-19/pp-30")
    qtbot_wait(reader)
    reader.set_font_size(18)
    assert reader.font_size == 18
    assert reader.top_node() == "polozhenie/p-19/pp-30"
    assert reader.document().defaultFont().pointSize() == 18


def _colour_at(reader, x, y):
    return reader.viewport().grab().toImage().pixelColor(x, y).name()


def test_bands_follow_the_current_clause_on_screen_and_past_it(reader):
    """The bars are drawn from the blocks on screen only (the act is laid out lazily)."""
    layout = reader.document().documentLayout()
    reader.show_node("polozhenie/p-19")  # a clause longer than the screen
    qtbot_wait(reader)
    bar_x = MARGIN - 5
    height = reader.viewport().height()
    assert _colour_at(reader, bar_x, 4) == reader.colours.current_bar.name()
    assert _colour_at(reader, bar_x, height - 2) == reader.colours.current_bar.name()
    # Scrolled into the middle of it: the band runs through the whole screen.
    middle = layout.blockBoundingRect(reader.block_of("polozhenie/p-19/pp-30")).top()
    reader.verticalScrollBar().setValue(int(middle))
    qtbot_wait(reader)
    assert reader.current_node == "polozhenie/p-19"
    assert _colour_at(reader, bar_x, 1) == reader.colours.current_bar.name()
    # Past its end: the next clause is not banded.
    reader.show_node("polozhenie/p-20")
    qtbot_wait(reader)
    reader.verticalScrollBar().setValue(reader.verticalScrollBar().maximum())
    qtbot_wait(reader)
    assert _colour_at(reader, bar_x, height - 2) != reader.colours.current_bar.name()


def test_amended_clauses_far_down_get_their_bar(reader, corpus):
    amended = [n for n in corpus.nodes if n.id in reader.amended]
    last = amended[-1].id
    reader.show_node(last)
    qtbot_wait(reader)
    top = reader.cursorRect(QTextCursor(reader.block_of(last))).top()
    assert _colour_at(reader, MARGIN - 13, max(top, 0) + 6) == reader.colours.amend_bar.name()
