"""«До и после указа»: the wording of a clause before and after the decree chosen in the
history pane, when the corpus holds the editions on both sides of that decree.

It follows the history pane's choice (a decree's clause) through the pane's public view and
model, so the history pane itself knows nothing of editions.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtWidgets import QLabel, QTextBrowser, QVBoxLayout, QWidget

from gp_desktop.corpus.diff import LEGEND, ClauseChange, change_html
from gp_desktop.corpus.footnotes import short_date
from gp_desktop.ui.widgets.roles import Role


class ClauseHistory(QWidget):
    def __init__(
        self,
        pairs: Callable[[], dict[str, tuple[str, str]]],
        changes_of: Callable[[str, str, str], list[ClauseChange]],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._pairs = pairs
        self._changes_of = changes_of
        self.title = QLabel("Выберите в истории изменений пункт, изменённый указом.")
        self.title.setTextFormat(Qt.TextFormat.PlainText)  # corpus text, never markup
        self.title.setObjectName("clauseHistoryTitle")
        self.title.setWordWrap(True)
        self.view = QTextBrowser()
        self.view.setObjectName("clauseHistoryView")
        self.view.setAccessibleName("Пункт до и после указа")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addWidget(self.title)
        layout.addWidget(self.view, 1)

    def follow(self, current: QModelIndex, _previous: QModelIndex | None = None) -> None:
        model = current.model()
        if model is None or not current.parent().isValid():
            return
        node_id = current.data(Role.NODE_ID)
        event = model.record(current.parent())  # type: ignore[attr-defined]
        if not node_id or event is None:
            return
        self.show_change(event.id, event.date, event.number, node_id, current.data(Role.CITATION))

    def show_change(
        self, amendment_id: str, date: str, number: str, node_id: str, where: str | None
    ) -> None:
        decree = f"Указ от {short_date(date)} № {number}"
        pair = self._pairs().get(amendment_id)
        if pair is None:
            self.title.setText(
                f"{where or node_id}: {decree}. Редакций до и после этого указа в корпусе нет — "
                "прежний текст пункта неизвестен (см. сноску)."
            )
            self.view.clear()
            return
        changes = self._changes_of(pair[0], pair[1], node_id)
        self.title.setText(
            f"{where or node_id}: до и после указа ({short_date(pair[0])} → {short_date(pair[1])})"
        )
        if changes:
            self.view.setHtml(LEGEND + "".join(change_html(c) for c in changes))
        else:
            self.view.setHtml("<p>Текст пункта этим указом не изменён.</p>")
