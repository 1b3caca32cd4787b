"""The real main window on the real act: navigation, timeline, bookmarks, settings, keys."""

from __future__ import annotations

import json

import edition_facts as facts
from PySide6.QtCore import QItemSelectionModel, Qt
from PySide6.QtGui import QIcon, QKeySequence
from PySide6.QtWidgets import QApplication, QDockWidget, QMessageBox

from gp_desktop.bookmarks import Bookmarks
from gp_desktop.corpus.citations import citation
from gp_desktop.ui import settings as keys
from gp_desktop.ui.widgets import icons
from gp_desktop.ui.widgets.roles import Role


def select_in_tree(qtbot, window, node_id):
    nav = window.navigator
    index = nav.act_filter.mapFromSource(nav.act_model.index_of(node_id))
    assert index.isValid()
    nav.act_view.scrollTo(index)
    rect = nav.act_view.visualRect(index)
    qtbot.mouseClick(nav.act_view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())


def test_window_opens_on_the_polozhenie_with_its_panes(open_window):
    window = open_window()
    assert window.current_node == "polozhenie"
    assert window.reader.top_node() == "polozhenie"
    assert window.navigator.act_view.currentIndex().data(Role.NODE_ID) == "polozhenie"
    assert set(window.docks) == {
        "navigatorDock",
        "searchDock",
        "timelineDock",
        "bookmarksDock",
        "excerptDock",
        "clauseHistoryDock",  # the editions feature's «До и после указа»
    }
    assert all(isinstance(d, QDockWidget) and d.objectName() for d in window.docks.values())
    assert facts.EDITION_DATE_RU in window.windowTitle()


def test_tree_click_opens_the_clause_and_reader_scrolling_moves_the_tree(open_window, qtbot):
    window = open_window()
    window.navigator.act_view.expandAll()
    select_in_tree(qtbot, window, "polozhenie/p-19/pp-8")
    assert window.current_node == "polozhenie/p-19/pp-8"
    assert window.reader.current_node == "polozhenie/p-19/pp-8"
    assert window.reader.top_node() == "polozhenie/p-19/pp-8"
    assert window.where_label.text() == "Положение, Глава 3, п. 19, пп. 8)"
    # Keyboard: the next row down opens the next sub-clause.
    qtbot.keyClick(window.navigator.act_view, Qt.Key.Key_Down)
    assert window.reader.current_node == "polozhenie/p-19/pp-9"
    # The tree follows the reader.
    reader = window.reader
    block = reader.block_of("polozhenie/p-22")
    top = reader.document().documentLayout().blockBoundingRect(block).top()
    reader.verticalScrollBar().setValue(int(top) - 12)
    qtbot.waitUntil(lambda: window.current_node == "polozhenie/p-22")
    assert window.navigator.act_view.currentIndex().data(Role.NODE_ID) == "polozhenie/p-22"


def test_institution_leads_to_its_entry(open_window, qtbot):
    window = open_window()
    nav = window.navigator
    window.actions["focus_institutions"].trigger()
    assert nav.tabs.currentWidget() is nav.institution_view
    groups = [nav.institution_filter.index(r, 0) for r in range(nav.institution_filter.rowCount())]
    assert len(groups) == 3 and all(nav.institution_view.isExpanded(g) for g in groups)
    nav.filter_field.setText("улытау")
    qtbot.waitUntil(lambda: nav.institution_filter.rowCount() == 2)
    group = nav.institution_filter.index(0, 0)
    index = nav.institution_filter.index(0, 0, group)
    assert index.data().endswith(") Прокуратура области Ұлытау")  # its entry's number first
    nav.institution_view.setCurrentIndex(index)
    assert window.reader.current_node == "perechen-uchrezhdeniy/gr-1/pp-23"
    assert window.reader.top_node() == "perechen-uchrezhdeniy/gr-1/pp-23"


def test_timeline_event_marks_its_clauses_in_tree_and_reader(open_window, qtbot, corpus):
    window = open_window()
    timeline = window.timeline
    event = timeline.model.index(len(facts.TIMELINE_NUMBERS) - 1, 0)
    assert event.data() == facts.LAST_DECREE_TIMELINE_LABEL
    timeline.view.selectionModel().setCurrentIndex(
        event, QItemSelectionModel.SelectionFlag.ClearAndSelect
    )
    changed = [c.node_id for c in corpus.timeline()[-1].changes]
    assert window.navigator.act_model.marked == frozenset(changed)
    assert window.reader.marked == frozenset(changed)
    assert timeline.view.isExpanded(event)
    assert timeline.model.rowCount(event) == facts.LAST_DECREE_CHANGES
    assert facts.LAST_DECREE_STATUS in timeline.status.text()
    # The first of them is shown, and choosing another one opens it.
    assert window.reader.current_node == "polozhenie/p-1"
    third = timeline.model.index(2, 0, event)
    timeline.view.setCurrentIndex(third)
    assert window.reader.current_node == third.data(Role.NODE_ID)
    tree_index = window.navigator.act_model.index_of(third.data(Role.NODE_ID))
    assert tree_index.data(Role.MARKED) is True
    # «Changed since» marks everything changed by later decrees.
    timeline.set_since(facts.CHANGED_SINCE)
    timeline.since_button.click()
    assert window.navigator.act_model.marked == frozenset(corpus.changed_since(facts.CHANGED_SINCE))
    assert facts.CHANGED_BY_PREVIOUS_DECREE in window.navigator.act_model.marked
    assert facts.CHANGED_BY_LAST_DECREE in window.navigator.act_model.marked
    # … and lists them in the act's order, the first one open, with previous and next.
    listed = sorted(facts.CHANGED_SINCE_NODES, key=lambda i: corpus.by_id[i].seq)
    assert timeline.since_ids == listed and timeline.since_box.isVisible()
    assert [timeline.since_list.item(k).text() for k in range(len(listed))] == [
        citation(corpus, i) for i in listed
    ]
    assert window.reader.current_node == listed[0]
    assert timeline.since_position.text() == f"1 из {len(listed)}"
    assert not timeline.since_previous.isEnabled()
    timeline.since_next.click()
    timeline.since_next.click()
    assert window.reader.current_node == listed[2]
    assert timeline.since_position.text() == f"3 из {len(listed)}"
    timeline.since_previous.click()
    assert window.reader.current_node == listed[1]
    timeline.since_list.setCurrentRow(len(listed) - 1)
    assert window.reader.current_node == listed[-1] and not timeline.since_next.isEnabled()
    timeline.clear_button.click()
    assert window.navigator.act_model.marked == frozenset()
    assert window.reader.marked == frozenset()
    assert timeline.since_ids == [] and not timeline.since_box.isVisible()


def test_badge_click_selects_the_decree_in_the_timeline(open_window):
    window = open_window()
    window.reader.amendment_clicked.emit("polozhenie/p-19")
    current = window.timeline.view.currentIndex()
    assert current.data().startswith("25.04.2025 № 855")
    assert "polozhenie/p-19" in window.navigator.act_model.marked


def test_bookmark_added_listed_removed_and_saved(open_window, qtbot, user_dirs):
    window = open_window()
    window.goto("пп. 8 п. 19")
    assert window.current_node == "polozhenie/p-19/pp-8"
    qtbot.keyClick(window, Qt.Key.Key_D, Qt.KeyboardModifier.ControlModifier)
    path = user_dirs / "xdg_data_home" / "gp-desktop" / "bookmarks.json"
    saved = json.loads(path.read_text(encoding="utf-8"))
    assert [b["node_id"] for b in saved["bookmarks"]] == ["polozhenie/p-19/pp-8"]
    assert window.actions["bookmark"].isChecked()
    panel = window.bookmarks_panel
    assert panel.model.rowCount() == 1
    assert panel.model.index(0).data().startswith("Положение, Глава 3, п. 19, пп. 8)")
    tree_index = window.navigator.act_model.index_of("polozhenie/p-19/pp-8")
    assert tree_index.data(Role.BOOKMARKED) is True
    # Jump back from the list.
    window.open_node("polozhenie/p-2")
    panel.view.setCurrentIndex(panel.model.index(0))
    qtbot.keyClick(panel.view, Qt.Key.Key_Return)
    assert window.current_node == "polozhenie/p-19/pp-8"
    # Remove from the list.
    panel.remove_button.click()
    assert panel.model.rowCount() == 0
    assert json.loads(path.read_text(encoding="utf-8"))["bookmarks"] == []
    assert not window.actions["bookmark"].isChecked()
    assert (
        window.navigator.act_model.index_of("polozhenie/p-19/pp-8").data(Role.BOOKMARKED) is False
    )
    assert not (user_dirs / "corpus.sqlite").exists()


def test_restart_restores_layout_font_place_and_bookmarks(open_window, qtbot):
    window = open_window()
    window.resize(780, 540)  # the offscreen screen is 800×600
    window.docks["timelineDock"].hide()
    window.actions["zoom_in"].trigger()
    window.actions["zoom_in"].trigger()
    window.goto("15")
    window.toggle_bookmark()
    size, font = window.size(), window.reader.font_size
    assert font == keys.FONT_SIZE.default + 2
    window.close()

    again = open_window()
    assert again.size() == size
    assert again.docks["timelineDock"].isHidden()
    assert not again.docks["searchDock"].isHidden()
    assert again.reader.font_size == font
    assert again.current_node == "polozhenie/p-15"
    assert again.reader.top_node() == "polozhenie/p-15"
    assert [b.node_id for b in again.bookmarks] == ["polozhenie/p-15"]
    assert again.bookmarks_panel.model.rowCount() == 1
    again.actions["zoom_reset"].trigger()
    assert again.reader.font_size == keys.FONT_SIZE.default


def test_damaged_bookmarks_file_is_set_aside(open_window, user_dirs, qtbot):
    folder = user_dirs / "xdg_data_home" / "gp-desktop"
    folder.mkdir(parents=True)
    (folder / "bookmarks.json").write_text('{"bookmarks": [{"node_', encoding="utf-8")
    bookmarks = Bookmarks.load()
    assert len(bookmarks) == 0 and "повреждён" in bookmarks.problem
    aside = list(folder.glob("bookmarks.json.damaged-*"))
    assert len(aside) == 1 and aside[0].read_text(encoding="utf-8").startswith('{"bookmarks"')
    window = open_window()
    window.report_startup_problem(bookmarks.problem)
    box = window.findChild(QMessageBox, "warningBox")
    assert box is not None and "повреждён" in box.text()
    box.close()
    window.toggle_bookmark()
    assert json.loads((folder / "bookmarks.json").read_text(encoding="utf-8"))["bookmarks"]


def test_every_action_is_on_the_keyboard_and_widgets_are_named(open_window, qtbot):
    window = open_window()
    in_menus = {a for menu in window.menus.values() for a in menu.actions()}
    for name, action in window.actions.items():
        assert action.shortcuts() or action in in_menus, name
    for menu in window.menus.values():
        assert "&" in menu.title()
    standard = {
        "find": QKeySequence.StandardKey.Find,
        "quit": QKeySequence.StandardKey.Quit,
        "back": QKeySequence.StandardKey.Back,
        "zoom_in": QKeySequence.StandardKey.ZoomIn,
        "zoom_out": QKeySequence.StandardKey.ZoomOut,
    }
    for name, key in standard.items():
        assert QKeySequence(key) in window.actions[name].shortcuts(), name
    assert QKeySequence("F3") in window.actions["find_next"].shortcuts()
    assert QKeySequence("Shift+F3") in window.actions["find_previous"].shortcuts()
    assert QKeySequence("Ctrl+=") in window.actions["zoom_in"].shortcuts()
    assert QKeySequence("Ctrl+0") in window.actions["zoom_reset"].shortcuts()
    for widget in (
        window.reader,
        window.navigator.act_view,
        window.navigator.institution_view,
        window.navigator.filter_field,
        window.search_panel.field,
        window.search_panel.view,
        window.timeline.view,
        window.bookmarks_panel.view,
    ):
        assert widget.accessibleName(), widget.objectName()
    # Ctrl+F puts the caret in the search field; Ctrl+3 back in the text.
    qtbot.keyClick(window, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    assert QApplication.focusWidget() is window.search_panel.field
    qtbot.keyClick(window, Qt.Key.Key_3, Qt.KeyboardModifier.ControlModifier)
    assert QApplication.focusWidget() is window.reader
    default = keys.FONT_SIZE.default
    qtbot.keyClick(window, Qt.Key.Key_Equal, Qt.KeyboardModifier.ControlModifier)
    assert window.reader.font_size == default + 1
    qtbot.keyClick(window, Qt.Key.Key_Minus, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClick(window, Qt.Key.Key_Minus, Qt.KeyboardModifier.ControlModifier)
    assert window.reader.font_size == default - 1
    qtbot.keyClick(window, Qt.Key.Key_0, Qt.KeyboardModifier.ControlModifier)
    assert window.reader.font_size == default


def test_back_and_forward(open_window):
    window = open_window()
    window.goto("19")
    window.goto("п. 2")
    window.actions["back"].trigger()
    assert window.current_node == "polozhenie/p-19"
    window.actions["forward"].trigger()
    assert window.current_node == "polozhenie/p-2"
    assert not window.actions["forward"].isEnabled()
    for name in ("back", "forward"):  # drawn arrows, a greyed one when there is nowhere to go
        icon = window.actions[name].icon()
        normal = icon.pixmap(16, 16).toImage()
        greyed = icon.pixmap(16, 16, QIcon.Mode.Disabled).toImage()
        assert not icon.isNull() and normal != greyed
    assert icons.arrow(back=True).pixmap(16, 16).toImage() != (
        icons.arrow(back=False).pixmap(16, 16).toImage()
    )
    assert not window.goto("пункт 999")
    assert "999" in window.statusBar().currentMessage()


def test_about_names_version_edition_and_the_excerpts_hash(open_window, corpus):
    """About shows the text's SHA-256 whole, the very one the выписка's source line prints."""
    import re

    from gp_desktop import __version__
    from gp_desktop.excerpt import compose_excerpt

    window = open_window()
    window.actions["about"].trigger()
    box = window.findChild(QMessageBox, "aboutBox")
    assert box is not None and box.isVisible()
    text = box.text()
    assert __version__ in text and facts.EDITION_DATE_RU in text
    about_hash = re.search(r"SHA-256: <tt>([0-9a-f]{64})</tt>", text)[1]
    source = compose_excerpt(corpus, ["19.8"]).source_line
    assert re.search(r"SHA-256 ([0-9a-f]{64})", source)[1] == about_hash
    assert corpus.edition.source_name in text
    box.close()


def test_citation_is_copied(open_window):
    window = open_window()
    window.goto("19.8")
    window.actions["copy_citation"].trigger()
    assert QApplication.clipboard().text() == facts.CITATIONS["sub-clause"][3]


def test_context_menu_offers_bookmark_for_the_clause_under_the_pointer(open_window, qtbot):
    from PySide6.QtGui import QContextMenuEvent, QTextCursor
    from PySide6.QtWidgets import QMenu

    window = open_window()
    reader = window.reader
    window.goto("19")
    point = reader.cursorRect(QTextCursor(reader.block_of("polozhenie/p-19/pp-2"))).center()
    event = QContextMenuEvent(
        QContextMenuEvent.Reason.Mouse, point, reader.viewport().mapToGlobal(point)
    )
    QApplication.sendEvent(reader.viewport(), event)
    menu = next(m for m in reader.findChildren(QMenu) if m.isVisible())
    assert window.actions["bookmark"] in menu.actions()
    assert window.current_node == "polozhenie/p-19/pp-2"
    menu.close()
    window.actions["bookmark"].trigger()
    assert [b.node_id for b in window.bookmarks] == ["polozhenie/p-19/pp-2"]


def test_the_tree_opens_on_the_chapters_of_the_polozhenie(open_window):
    window = open_window()
    nav = window.navigator
    polozhenie = nav.act_filter.mapFromSource(nav.act_model.index_of("polozhenie"))
    assert nav.act_view.isExpanded(polozhenie)
    assert polozhenie.data(Qt.ItemDataRole.CheckStateRole) == Qt.CheckState.Unchecked
