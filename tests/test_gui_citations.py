"""The window and citations: «Перейти к пункту» opens every node by each of its citations,
Ctrl+Shift+C copies the form the preferences ask for, the context menus offer both."""

from __future__ import annotations

import edition_facts as facts
from PySide6.QtCore import Qt
from PySide6.QtGui import QContextMenuEvent, QTextCursor
from PySide6.QtWidgets import QApplication, QMenu

from gp_desktop.corpus.citations import citations, full_citation
from gp_desktop.corpus.outline import tree_node_id
from gp_desktop.ui import settings as keys
from gp_desktop.wording import plural


def test_goto_dialog_opens_every_node_by_each_of_its_citations(window, corpus, qtbot):
    opened: list[str] = []
    window.node_opened.connect(opened.append)
    window.ask_goto()
    dialog = window.goto_dialog
    qtbot.waitUntil(dialog.isVisible)
    failures = []
    for node in corpus.nodes:
        for form, text in citations(corpus, node.id).items():
            window.ask_goto()
            dialog.field.setText(text)
            dialog.try_accept()
            if dialog.isVisible() or not opened or opened[-1] != node.id:
                failures.append((form, text, opened[-1] if opened else None))
                dialog.reject()
            elif window.current_node != tree_node_id(corpus, node.id):
                failures.append((form, text, window.current_node))
    assert failures == []
    assert len(opened) == 3 * len(corpus.nodes)


def test_goto_dialog_takes_typed_references(window, qtbot):
    opened: list[str] = []
    window.node_opened.connect(opened.append)
    for reference, node_id in facts.TYPED_REFERENCES.items():
        window.ask_goto()
        window.goto_dialog.field.setText(reference)
        window.goto_dialog.try_accept()
        assert not window.goto_dialog.isVisible(), reference
        assert opened[-1] == node_id, reference


def test_ctrl_shift_c_copies_the_full_form_and_the_short_one_as_a_preference(window, qtbot):
    node_id, _where, short, full = facts.CITATIONS["sub-clause"]
    window.open_node(node_id)
    window.setFocus()
    qtbot.keyClick(
        window,
        Qt.Key.Key_C,
        Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier,
    )
    assert QApplication.clipboard().text() == full
    assert not window.actions["citation_short"].isChecked()
    window.actions["citation_short"].trigger()
    assert window.settings.get(keys.CITATION_SHORT) is True
    window.actions["copy_citation"].trigger()
    assert QApplication.clipboard().text() == short
    window.actions["citation_short"].trigger()
    window.actions["copy_citation"].trigger()
    assert QApplication.clipboard().text() == full


def _open_menu(owner) -> QMenu:
    return next(m for m in owner.findChildren(QMenu) if m.isVisible())


def test_the_readers_context_menu_offers_both_forms_for_the_paragraph_pointed_at(window):
    node_id, _where, short, full = facts.CITATIONS["paragraph of a clause"]
    reader = window.reader
    window.open_node(node_id)
    point = reader.cursorRect(QTextCursor(reader.block_of(node_id))).center()
    event = QContextMenuEvent(
        QContextMenuEvent.Reason.Mouse, point, reader.viewport().mapToGlobal(point)
    )
    QApplication.sendEvent(reader.viewport(), event)
    menu = _open_menu(reader)
    full_action, short_action = (
        window.actions[n] for n in ("copy_citation_full", "copy_citation_short")
    )
    assert {full_action, short_action} <= set(menu.actions())
    menu.close()
    full_action.trigger()
    assert QApplication.clipboard().text() == full
    short_action.trigger()
    assert QApplication.clipboard().text() == short
    # From the menu bar, after going elsewhere, they cite the clause now current.
    window.open_node("polozhenie/p-2")
    window.actions["copy_citation_full"].trigger()
    assert QApplication.clipboard().text() == full_citation(window.corpus, "polozhenie/p-2")


def test_the_trees_context_menu_offers_both_forms_for_the_row_pointed_at(window, qtbot):
    node_id, _where, short, _full = facts.CITATIONS["clause"]
    nav = window.navigator
    window.open_node(node_id)
    index = nav.act_filter.mapFromSource(nav.act_model.index_of(node_id))
    nav.act_view.scrollTo(index)
    window.open_node("polozhenie/p-1")  # elsewhere: the menu opens the row it was opened on
    pos = nav.act_view.visualRect(index).center()
    nav.act_view.customContextMenuRequested.emit(pos)
    menu = _open_menu(nav.act_view)
    assert window.current_node == node_id
    short_action = window.actions["copy_citation_short"]
    assert {window.actions["copy_citation_full"], short_action} <= set(menu.actions())
    menu.close()
    short_action.trigger()
    assert QApplication.clipboard().text() == short
    # From the menu bar, after going elsewhere, they cite the clause now current.
    window.open_node("polozhenie/p-2")
    window.actions["copy_citation_full"].trigger()
    assert QApplication.clipboard().text() == full_citation(window.corpus, "polozhenie/p-2")


def test_the_history_pane_words_the_original_decree_and_a_heading_edition(window):
    timeline = window.timeline
    model = timeline.model
    shown = {
        model.index(row, 0, model.index(group, 0)).data()
        for group in range(model.rowCount())
        for row in range(model.rowCount(model.index(group, 0)))
    }
    assert set(facts.ENACTED_TITLES.values()) <= shown
    assert facts.HEADING_EDITION_TITLE in shown
    timeline.mark_event(model.events[0])
    parts = len({c.node_id for c in model.events[0].changes})
    assert timeline.status.text().endswith(f": {plural(parts, 'часть', 'части', 'частей')} акта")


def test_the_institutions_tree_offers_both_forms_for_the_institution_pointed_at(window):
    node_id, _where, short, full = facts.CITATIONS["institution of the second group"]
    nav = window.navigator
    nav.focus_institutions()
    index = nav.institution_filter.mapFromSource(nav.institution_model.index_of(node_id))
    assert index.isValid()
    nav.institution_view.scrollTo(index)
    pos = nav.institution_view.visualRect(index).center()
    nav.institution_view.customContextMenuRequested.emit(pos)
    menu = _open_menu(nav.institution_view)
    menu.close()
    window.actions["copy_citation_full"].trigger()
    assert QApplication.clipboard().text() == full
    window.actions["copy_citation_short"].trigger()
    assert QApplication.clipboard().text() == short
