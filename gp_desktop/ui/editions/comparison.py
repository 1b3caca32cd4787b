"""Two editions compared in the reader: the comparison's bar over the text and its steps.

История → «Сравнить редакции…» (and «Изменения после даты…», «Изменения по указу…») show the
comparison in the reader itself, in place of the act (``Reader.show_comparison``): the newer
edition with each change where it happened, deleted words struck through and inserted words
underlined (``corpus/diff_html.py`` builds the document), unchanged text folded or, with
«Показывать неизменённые пункты», dimmed. The bar over the reader chooses «Было» and «Стало»
and lists the changed clauses to jump to; F8 / Shift+F8 (``compare_next``,
``compare_previous`` in ``ui/actions.py``) go to the next and previous change, «Закрыть
сравнение» brings the act back. Going to a clause the comparison does not show (the tree,
a search hit) closes it too.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Qt
from PySide6.QtWidgets import QComboBox, QLabel, QToolBar, QToolButton

from gp_desktop.corpus import model as m
from gp_desktop.corpus.diff import CHANGE_NAMES, REMOVED, ClauseChange, diff_editions
from gp_desktop.corpus.diff_html import comparison_html
from gp_desktop.corpus.editions import edition_label
from gp_desktop.corpus.reader import Corpus

if TYPE_CHECKING:
    from gp_desktop.ui.main_window import MainWindow

BAR_ACTIONS = ("compare_previous", "compare_next", "compare_unchanged", "compare_close")
"""The actions on the comparison's bar, left to right after the lists."""


class ReaderComparison(QObject):
    def __init__(self, window: MainWindow, corpus_of: Callable[[str], Corpus]) -> None:
        super().__init__(window)
        self.window = window
        self._corpus_of = corpus_of
        self.changes: list[ClauseChange] = []
        self.old_id = self.new_id = ""
        self.bar: QToolBar | None = None

    @property
    def active(self) -> bool:
        return self.window.reader.comparing

    # -- the bar -------------------------------------------------------------------------
    def build(self, editions: Sequence[m.Edition]) -> None:
        """The bar, hidden until a comparison is shown (after the window restored its layout)."""
        bar = QToolBar("Сравнение редакций")
        bar.setObjectName("compareBar")
        bar.setMovable(False)
        bar.toggleViewAction().setVisible(False)
        self.old_box, self.new_box, self.change_box = QComboBox(), QComboBox(), QComboBox()
        self.old_box.setObjectName("compareFrom")
        self.new_box.setObjectName("compareTo")
        self.change_box.setObjectName("compareChanges")
        self.change_box.setAccessibleName("Изменённые пункты")
        self.change_box.setMinimumContentsLength(28)
        self.change_box.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
        )
        for box in (self.old_box, self.new_box):
            for edition in editions:
                box.addItem(edition_label(edition), edition.id)
            box.activated.connect(lambda _i: self._editions_chosen())
        self.change_box.activated.connect(self.go_to)
        for text, box in (
            ("&Было:", self.old_box),
            ("Ст&ало:", self.new_box),
            ("Изменённый п&ункт:", self.change_box),
        ):
            label = QLabel(text)
            label.setBuddy(box)
            bar.addWidget(label)
            bar.addWidget(box)
        for name in BAR_ACTIONS:
            button = QToolButton()
            button.setObjectName(f"{name}Button")
            button.setDefaultAction(self.window.actions[name])
            bar.addWidget(button)
        self.window.addToolBar(Qt.ToolBarArea.TopToolBarArea, bar)
        self.bar = bar
        bar.hide()
        self.window.reader.change_clicked.connect(self._clicked)
        self.window.node_opened.connect(self._node_opened)
        self.window.actions["compare_unchanged"].toggled.connect(self._unchanged_toggled)

    def sync(self) -> None:
        """The bar shown exactly while a comparison is (after a restored layout too)."""
        if self.bar is not None:
            self.bar.setVisible(self.active)

    # -- comparing -----------------------------------------------------------------------
    def open(self, old_id: str, new_id: str) -> None:
        """Compare edition ``old_id`` with ``new_id`` in the reader (the earlier one is «Было»)."""
        old, new = self._corpus_of(old_id), self._corpus_of(new_id)
        if old.edition.date > new.edition.date:
            old, new = new, old
        self.old_id, self.new_id = old.edition.id, new.edition.id
        self.old_box.setCurrentIndex(self.old_box.findData(self.old_id))
        self.new_box.setCurrentIndex(self.new_box.findData(self.new_id))
        self.changes = diff_editions(old, new)
        self.change_box.clear()
        count = len(self.changes)
        for k, change in enumerate(self.changes):
            self.change_box.addItem(
                f"{k + 1}/{count} · {change.citation} — {CHANGE_NAMES[change.change]}", k
            )
        self.change_box.setEnabled(bool(self.changes))
        self._show()
        self.bar.show()
        self.window.update_actions()
        if self.changes:
            self.go_to(0)
        self.window.statusBar().showMessage(
            f"Сравнение редакций: изменений {count}. F8 / Shift+F8 — следующее и предыдущее", 8000
        )

    def _show(self) -> None:
        if not self.old_id:
            return
        old, new = self._corpus_of(self.old_id), self._corpus_of(self.new_id)
        reader = self.window.reader
        keep = reader.current_change if reader.comparing else -1
        unchanged = self.window.actions["compare_unchanged"].isChecked()
        reader.show_comparison(
            comparison_html(old, new, self.changes, unchanged, reader.colours.document)
        )
        if keep >= 0:
            reader.show_change(keep)

    def _unchanged_toggled(self, _shown: bool) -> None:
        if self.active:
            self._show()

    def _editions_chosen(self) -> None:
        old, new = self.old_box.currentData(), self.new_box.currentData()
        if old and new:
            self.open(old, new)

    def close(self) -> None:
        """The act again, where the comparison was."""
        reader = self.window.reader
        if not reader.comparing:
            return
        reader.leave_comparison()
        if self.bar is not None:
            self.bar.hide()
        self.window.update_actions()
        reader.setFocus()

    def step(self, delta: int) -> None:
        """The next (``delta`` 1) or previous (-1) change."""
        if not self.active or not self.changes:
            return
        now = self.window.reader.current_change
        wanted = max(0, min(len(self.changes) - 1, now + delta))
        if now + delta != wanted:
            where = "последнее" if delta > 0 else "первое"
            self.window.statusBar().showMessage(f"Это {where} изменение", 3000)
        self.go_to(wanted)

    def go_to(self, index: int) -> None:
        """Show change ``index``: the reader scrolls to it, the tree and the list follow."""
        if not 0 <= index < len(self.changes):
            return
        change = self.changes[index]
        if change.change != REMOVED and change.id in self.window.corpus.by_id:
            self.window.open_node(change.id)
        self.window.reader.show_change(index)
        self.change_box.setCurrentIndex(index)

    def _clicked(self, index: int) -> None:
        self.change_box.setCurrentIndex(index)

    def _node_opened(self, node_id: str) -> None:
        # A clause the comparison does not show (folded away, or from another edition):
        # the act comes back to show it.
        reader = self.window.reader
        if reader.comparing and reader.block_range(node_id) is None:
            self.close()
            self.window.open_node(node_id, remember=False)
