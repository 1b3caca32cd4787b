"""A list of changed clauses beside the words of the chosen one (deletions struck through,
insertions underlined), next and previous change on the keyboard: the dialogs that show what a
text to import changes (``update.py``), «Что нового» and the changes after a date that only the
footnotes know of. Two editions held are compared in the reader itself (``comparison.py``).

The words come from ``corpus/diff.py``; this module only lays them out.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QEvent, QObject, Qt, Signal
from PySide6.QtGui import QKeyEvent, QKeySequence
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QSplitter,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from gp_desktop.corpus.diff import CHANGE_NAMES, LEGEND, ClauseChange, change_html

NEXT_CHANGE = "F8"
PREVIOUS_CHANGE = "Shift+F8"


class ChangesView(QWidget):
    """The list of changed clauses beside the words of the chosen one."""

    node_chosen = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.changes: list[ClauseChange] = []
        self.summary = QLabel()
        self.summary.setTextFormat(Qt.TextFormat.PlainText)  # corpus text, never markup
        self.summary.setObjectName("changesSummary")
        self.list = QListWidget()
        self.list.setObjectName("changeList")
        self.list.setAccessibleName("Изменённые пункты")
        self.view = QTextBrowser()
        self.view.setObjectName("changeView")
        self.view.setAccessibleName("Текст изменения")
        self.view.setOpenLinks(False)
        self.previous_button = QPushButton("◀ Предыдущее")
        self.previous_button.setToolTip(f"Предыдущее изменение ({PREVIOUS_CHANGE})")
        self.next_button = QPushButton("Следующее ▶")
        self.next_button.setToolTip(f"Следующее изменение ({NEXT_CHANGE})")
        self.open_button = QPushButton("Открыть в тексте")
        self.previous_button.clicked.connect(lambda: self.step(-1))
        self.next_button.clicked.connect(lambda: self.step(1))
        self.open_button.clicked.connect(self._open_current)
        self.list.currentRowChanged.connect(self._show)
        self.list.itemActivated.connect(lambda _item: self._open_current())
        # F8 / Shift+F8 wherever the focus is in this view (keys, not shortcuts: they work
        # in a dialog that is not the active window too).
        for widget in (self.list, self.view, self.previous_button, self.next_button):
            widget.installEventFilter(self)

        split = QSplitter(Qt.Orientation.Horizontal)
        split.addWidget(self.list)
        split.addWidget(self.view)
        split.setStretchFactor(1, 2)
        buttons = QHBoxLayout()
        for button in (self.previous_button, self.next_button, self.open_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.summary)
        layout.addWidget(split, 1)
        layout.addLayout(buttons)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.KeyPress and isinstance(event, QKeyEvent):
            pressed = QKeySequence(event.keyCombination())
            if pressed == QKeySequence(NEXT_CHANGE):
                self.step(1)
                return True
            if pressed == QKeySequence(PREVIOUS_CHANGE):
                self.step(-1)
                return True
        return False

    def set_changes(self, changes: Sequence[ClauseChange], summary: str = "") -> None:
        self.changes = list(changes)
        self.list.clear()
        for change in self.changes:
            item = QListWidgetItem(f"{change.citation} — {CHANGE_NAMES[change.change]}")
            item.setData(Qt.ItemDataRole.UserRole, change.id)
            self.list.addItem(item)
        counts = {
            name: sum(1 for c in self.changes if c.change == kind)
            for kind, name in CHANGE_NAMES.items()
        }
        told = ", ".join(f"{name}: {n}" for name, n in counts.items() if n)
        self.summary.setText(
            summary or (f"Изменений: {len(self.changes)}" + (f" ({told})" if told else ""))
        )
        enabled = bool(self.changes)
        for button in (self.previous_button, self.next_button, self.open_button):
            button.setEnabled(enabled)
        if self.changes:
            self.list.setCurrentRow(0)
        else:
            self.view.setHtml("<p>Различий нет.</p>")

    def step(self, delta: int) -> None:
        if not self.changes:
            return
        row = self.list.currentRow()
        self.list.setCurrentRow(max(0, min(len(self.changes) - 1, row + delta)))

    @property
    def current(self) -> ClauseChange | None:
        row = self.list.currentRow()
        return self.changes[row] if 0 <= row < len(self.changes) else None

    def _show(self, row: int) -> None:
        if 0 <= row < len(self.changes):
            self.view.setHtml(LEGEND + change_html(self.changes[row]))

    def _open_current(self) -> None:
        change = self.current
        if change is not None:
            self.node_chosen.emit(change.id)
