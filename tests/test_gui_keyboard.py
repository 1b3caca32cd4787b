"""The window by keyboard: Tab passes the text in one stop, focus never marks anything,
«Перейти к пункту» says inline why a reference leads nowhere, and the session comes back."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication


@pytest.fixture
def build(open_window):
    """A window on the real act and index, in this test's user folders (conftest)."""
    return open_window


def test_tab_leaves_the_text_in_one_stop(build, qtbot):
    window = build()
    window.open_node("polozhenie/p-15")  # a clause with «изм.» links on screen
    window.reader.setFocus(Qt.FocusReason.ShortcutFocusReason)
    assert QApplication.focusWidget() is window.reader
    qtbot.keyClick(window.reader, Qt.Key.Key_Tab)
    assert QApplication.focusWidget() is not window.reader


def test_enter_in_the_text_shows_the_decrees_of_the_current_clause(build, qtbot):
    window = build()
    amended = next(n for n in window.corpus.nodes if window.reader.amended_owner(n.id) == n.id)
    window.open_node(amended.id)
    window.reader.setFocus()
    qtbot.keyClick(window.reader, Qt.Key.Key_Return)
    index = window.timeline.view.currentIndex()
    assert index.isValid() and window.timeline.model.is_group(index)
    event = window.timeline.model.record(index)
    assert amended.id in {c.node_id for c in event.changes} or window.timeline.marked


@pytest.mark.parametrize("reason", [Qt.FocusReason.TabFocusReason, Qt.FocusReason.OtherFocusReason])
def test_focus_on_a_list_chooses_nothing(build, qtbot, reason):
    window = build()
    window.timeline.clear_marks()
    opened = []
    window.node_opened.connect(opened.append)
    for view in (window.timeline.view, window.search_panel.view, window.navigator.institution_view):
        view.setFocus(reason)
        qtbot.wait(20)
    assert window.timeline.marked == []
    assert window.reader.marked_nodes == frozenset()
    assert opened == []
    # The user's own choice still works: arrow down in the history marks the first decree.
    window.timeline.view.setFocus(reason)
    qtbot.keyClick(window.timeline.view, Qt.Key.Key_Down)
    assert window.timeline.marked


def test_goto_keeps_the_text_and_says_inline_why_not_found(build, qtbot):
    window = build()
    window.ask_goto()
    dialog = window.goto_dialog
    qtbot.waitUntil(dialog.isVisible)
    dialog.field.insert("п. 99")  # as typed (QTest types only ASCII)
    qtbot.keyClick(dialog.field, Qt.Key.Key_Return)
    assert dialog.isVisible()
    assert dialog.field.text() == "п. 99"
    assert dialog.problem.isVisible() and "п. 99" in dialog.problem.text()
    dialog.field.setText("пп. 8 п. 19")
    qtbot.keyClick(dialog.field, Qt.Key.Key_Return)
    assert not dialog.isVisible()
    assert window.current_node == "polozhenie/p-19/pp-8"
    # The next time, what was typed is there again, selected.
    window.ask_goto()
    qtbot.waitUntil(dialog.isVisible)
    assert dialog.field.text() == "пп. 8 п. 19" and dialog.field.selectedText() == "пп. 8 п. 19"
    assert not dialog.problem.isVisible()
    dialog.reject()


def test_excerpt_choice_and_search_come_back_after_quitting(build, qtbot):
    window = build()
    window.choice.set_all(["polozhenie/p-19/pp-8", "polozhenie/p-15"])
    window.search_panel.search("международное сотрудничество")
    window.close()
    again = build()
    assert again.choice.ids == ("polozhenie/p-15", "polozhenie/p-19/pp-8")
    assert again.search_panel.field.text() == "международное сотрудничество"
    qtbot.waitUntil(lambda: again.search_panel.results is not None)
    assert again.search_panel.hit_count > 0
    assert again.excerpt_panel.model.rowCount() == 2
