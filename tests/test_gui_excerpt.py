"""The excerpt in the real window: ticks from the tree, the text and the results; print, save."""

from __future__ import annotations

import edition_facts as facts
from conftest import pdf_text, when_shown
from PySide6.QtCore import QItemSelectionModel, Qt
from PySide6.QtGui import QKeySequence
from PySide6.QtPrintSupport import QPrintDialog, QPrintPreviewDialog, QPrintPreviewWidget
from PySide6.QtWidgets import QApplication, QMessageBox, QStyle, QStyleOptionViewItem

from gp_desktop.ui.excerpt import printing
from gp_desktop.ui.widgets.roles import Role
from gp_desktop.ui.window_factory import make_window


def click_check_box(qtbot, view, index):
    """Click the row's check box where the style draws it."""
    option = QStyleOptionViewItem()
    option.initFrom(view)
    option.rect = view.visualRect(index)
    view.itemDelegateForIndex(index).initStyleOption(option, index)
    box = view.style().subElementRect(QStyle.SubElement.SE_ItemViewItemCheckIndicator, option, view)
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=box.center())


def test_ticks_from_tree_text_and_results_make_one_excerpt_in_order(window, qtbot):
    nav = window.navigator
    nav.act_view.expandAll()
    tree_index = nav.act_filter.mapFromSource(nav.act_model.index_of("polozhenie/p-19/pp-8"))
    nav.act_view.scrollTo(tree_index)
    click_check_box(qtbot, nav.act_view, tree_index)
    assert window.choice.ids == ("polozhenie/p-19/pp-8",)

    # Ctrl+E in the text ticks the clause being read.
    window.goto("2")
    window.reader.setFocus()
    qtbot.keyClick(window.reader, Qt.Key.Key_E, Qt.KeyboardModifier.ControlModifier)
    assert window.actions["excerpt_toggle"].isChecked()

    # A hit ticked in the results (Ctrl+E there); a footnote hit stands for its clause.
    panel = window.search_panel
    panel.search("огневая подготовка")
    qtbot.waitUntil(lambda: panel.hit_count == 1)
    panel.view.setFocus()
    panel.view.selectionModel().setCurrentIndex(
        panel.model.index(0), QItemSelectionModel.SelectionFlag.ClearAndSelect
    )
    qtbot.keyClick(panel.view, Qt.Key.Key_E, Qt.KeyboardModifier.ControlModifier)
    assert panel.model.index(0).data(Qt.ItemDataRole.CheckStateRole) == Qt.CheckState.Checked

    excerpt = window.excerpt_panel
    assert window.choice.ids == (
        "polozhenie/p-2",
        "polozhenie/p-19/pp-8",
        "polozhenie/p-19/pp-45",
    )
    listed = [excerpt.model.index(r).data(Role.NODE_ID) for r in range(excerpt.model.rowCount())]
    assert listed == list(window.choice.ids)
    assert excerpt.excerpt is not None
    preview = excerpt.preview_view.toPlainText()
    assert preview.index("2. Генеральная прокуратура имеет ведомства") < preview.index(
        "8) дает санкцию"
    )
    assert facts.EDITION_LINE in preview
    assert excerpt.preview_view.refused_resources == []
    assert nav.act_model.index_of("polozhenie/p-2").data(Qt.ItemDataRole.CheckStateRole) == (
        Qt.CheckState.Checked
    )
    # Unticking in the tree takes it out everywhere.
    click_check_box(qtbot, nav.act_view, tree_index)
    assert "polozhenie/p-19/pp-8" not in window.choice
    assert "8) дает санкцию" not in excerpt.preview_view.toPlainText()
    # Delete in the list removes; Clear empties.
    window.actions["focus_excerpt"].trigger()
    excerpt.view.setCurrentIndex(excerpt.model.index(0))
    qtbot.keyClick(excerpt.view, Qt.Key.Key_Delete)
    assert window.choice.ids == ("polozhenie/p-19/pp-45",)
    window.actions["excerpt_clear"].trigger()
    assert len(window.choice) == 0 and excerpt.excerpt is None
    assert not window.actions["excerpt_print"].isEnabled()
    assert excerpt.empty.isVisibleTo(excerpt)


def test_footnotes_copy_and_files(window, qtbot, tmp_path):
    window.choice.set_chosen("polozhenie/p-19", True)
    panel = window.excerpt_panel
    assert "Сноска. Пункт 19 с изменениями" in panel.excerpt.text
    panel.footnotes_box.setChecked(False)
    assert "Сноска. Пункт 19" not in panel.excerpt.text
    qtbot.keyClick(
        window, Qt.Key.Key_C, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.AltModifier
    )
    copied = QApplication.clipboard().text()
    assert copied == panel.excerpt.copy_text()
    assert "п. 19 Положения о Генеральной прокуратуре Республики Казахстан" in copied

    pdf = tmp_path / "выписка.pdf"
    with qtbot.waitSignal(panel.saved, timeout=60_000) as blocker:
        panel.save_as(str(pdf))
    assert blocker.args == [str(pdf)]
    text = pdf_text(pdf)
    assert "19. Полномочия Генерального Прокурора:" in text
    assert "стр. 1 из" in text
    for suffix in (".odt", ".txt"):
        target = tmp_path / f"выписка{suffix}"
        with qtbot.waitSignal(panel.saved, timeout=60_000):
            panel.save_as(str(target))
        assert target.stat().st_size > 0
    assert "47) осуществляет иные полномочия" in (tmp_path / "выписка.txt").read_text("utf-8")
    assert panel.folder == str(tmp_path)


def test_a_file_that_cannot_be_written_is_reported(window, qtbot, tmp_path):
    window.choice.set_chosen("polozhenie/p-1", True)
    blocker_file = tmp_path / "file"
    blocker_file.write_text("x")
    with qtbot.waitSignal(window.excerpt_panel.save_failed, timeout=60_000):
        window.excerpt_panel.save_as(str(blocker_file / "x.pdf"))
    box = window.findChild(QMessageBox, "warningBox")
    assert box is not None and "x.pdf" in box.text()
    box.close()


def test_print_and_preview_from_the_window(window, qtbot, tmp_path):
    window.choice.set_chosen("polozhenie/gl-3", True)

    def count_and_close(dialog):
        pages = dialog.findChild(QPrintPreviewWidget).pageCount()
        dialog.reject()
        return pages

    seen = when_shown(QPrintPreviewDialog, count_and_close)
    window.actions["excerpt_preview"].trigger()
    assert seen["result"] > 1

    target = tmp_path / "printed.pdf"
    printer = printing.shared_printer()
    printer.setOutputFileName(str(target))
    try:
        seen = when_shown(QPrintDialog, lambda dialog: dialog.accept())
        window.actions["excerpt_print"].trigger()
    finally:
        printer.setOutputFileName("")
    assert "Глава 3. Статус, полномочия первого руководителя" in pdf_text(target)


def test_excerpt_footnote_choice_is_remembered(qtbot, corpus, user_dirs, search_index):
    def build():
        w = make_window(corpus, search_opener=lambda _corpus: search_index)
        qtbot.addWidget(w)
        return w

    first = build()
    first.excerpt_panel.footnotes_box.setChecked(False)
    first.close()
    assert build().excerpt_panel.footnotes is False


def test_keyboard_reaches_the_excerpt(window, qtbot):
    qtbot.keyClick(window, Qt.Key.Key_7, Qt.KeyboardModifier.ControlModifier)
    assert QApplication.focusWidget() is window.excerpt_panel.view
    assert window.menus["excerpt"].title() == "Выпис&ка"
    for name in ("excerpt_toggle", "excerpt_print", "excerpt_preview", "excerpt_save"):
        assert window.actions[name].shortcuts(), name
    assert (
        QKeySequence(QKeySequence.StandardKey.Print) in window.actions["excerpt_print"].shortcuts()
    )
    assert QKeySequence(QKeySequence.StandardKey.Save) in window.actions["excerpt_save"].shortcuts()
    # The reader's context menu offers the tick.
    assert window.actions["excerpt_toggle"] in window.reader.context_actions
