"""«Перейти к пункту» (Ctrl+L): a reference typed, checked in place, kept for the next time.

A reference that leads nowhere («п. 99») leaves the dialog open with what was typed and a line
under the field saying why, instead of closing and leaving a note in the status bar that is
easy to miss; the text typed last is offered again when the dialog opens next.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

EXAMPLES = "19, п. 19, 19.8, пп. 8 п. 19, абз. 2 п. 1, п. 2 Указа, глава 3"


class GotoDialog(QDialog):
    chosen = Signal(str)
    """The node id the reference led to."""

    def __init__(self, resolve: Callable[[str], str | None], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._resolve = resolve
        self.setObjectName("gotoDialog")
        self.setWindowTitle("Перейти к пункту")
        self.field = QLineEdit()
        self.field.setObjectName("gotoReference")
        self.field.setAccessibleName("Пункт, к которому перейти")
        self.field.setPlaceholderText(EXAMPLES)
        label = QLabel(f"&Пункт (например: {EXAMPLES}):")
        label.setBuddy(self.field)
        self.problem = QLabel()
        self.problem.setObjectName("gotoProblem")
        self.problem.setWordWrap(True)
        self.problem.setAccessibleName("Почему пункт не найден")
        self.problem.hide()
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText("П&ерейти")
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setText("&Отмена")
        buttons.accepted.connect(self.try_accept)
        buttons.rejected.connect(self.reject)
        self.field.textEdited.connect(lambda _text: self.problem.hide())
        layout = QVBoxLayout(self)
        layout.addWidget(label)
        layout.addWidget(self.field)
        layout.addWidget(self.problem)
        layout.addWidget(buttons)

    def ask(self) -> None:
        """Show the dialog with the last reference typed, selected so typing replaces it."""
        self.problem.hide()
        self.field.selectAll()
        self.field.setFocus()
        self.open()

    def try_accept(self) -> None:
        text = self.field.text().strip()
        if not text:
            self._say("Введите номер пункта или главы.")
            return
        node_id = self._resolve(text)
        if node_id is None:
            self._say(f"В акте нет пункта «{text}». Так можно написать: {EXAMPLES}.")
            return
        self.accept()
        self.chosen.emit(node_id)

    def _say(self, message: str) -> None:
        self.problem.setText(message)
        self.problem.show()
        self.field.setFocus()
        self.field.selectAll()
