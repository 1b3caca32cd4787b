"""The timeline pane: which decree changed what, and what changed after a chosen date.

Choosing an event marks the clauses it touched (the window tints them in the tree and the
reader) and lists them under it; choosing one of them opens it. «Изменения после» marks
every clause changed by a decree dated after the chosen day and lists them under the date, in
the act's order, with the previous and next of them a button away.
"""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QDate, QItemSelectionModel, QModelIndex, Qt, Signal
from PySide6.QtWidgets import (
    QDateEdit,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QToolButton,
    QTreeView,
    QVBoxLayout,
    QWidget,
)

from gp_desktop.corpus.citations import citation
from gp_desktop.corpus.footnotes import short_date
from gp_desktop.corpus.reader import Corpus, Event
from gp_desktop.ui.timeline.model import TimelineModel
from gp_desktop.ui.widgets.plain_text import plain_label
from gp_desktop.ui.widgets.roles import Role
from gp_desktop.ui.widgets.user_choice import on_user_choice
from gp_desktop.ui.widgets.wrapping import WrappingDelegate
from gp_desktop.wording import clauses, plural


class TimelinePanel(QWidget):
    marks_requested = Signal(list, str)
    """Node ids to mark (empty: clear the marks) and a line saying why they are marked."""
    node_chosen = Signal(str)

    def __init__(self, corpus: Corpus, since: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.corpus = corpus
        self.model = TimelineModel(corpus, self)
        self.view = QTreeView()
        self.view.setObjectName("timelineView")
        self.view.setAccessibleName("История изменений акта")
        self.view.setHeaderHidden(True)
        self.view.setModel(self.model)
        self.view.setItemDelegate(WrappingDelegate(self.view))
        on_user_choice(self.view, self._on_current)
        self.view.activated.connect(self._on_activated)

        self.since_edit = QDateEdit()
        self.since_edit.setObjectName("changedSince")
        self.since_edit.setAccessibleName("Дата, после которой показать изменения")
        self.since_edit.setCalendarPopup(True)
        self.since_edit.setDisplayFormat("dd.MM.yyyy")
        self.since_edit.setMinimumDate(QDate.fromString(corpus.act.date, "yyyy-MM-dd"))
        self.since_edit.setMaximumDate(QDate.currentDate().addYears(1))
        self.set_since(since)
        self.since_button = QPushButton("О&тметить")
        self.since_button.setObjectName("markChangedSince")
        self.since_button.setToolTip("Отметить пункты, изменённые после выбранной даты")
        self.since_button.clicked.connect(self.mark_changed_since)
        self.clear_button = QPushButton("Сн&ять отметки")
        self.clear_button.setObjectName("clearMarks")
        self.clear_button.clicked.connect(self.clear_marks)

        since_label = QLabel("Из&менения после даты:")
        since_label.setBuddy(self.since_edit)
        row = QHBoxLayout()
        row.addWidget(self.since_edit)
        row.addWidget(self.since_button)
        row.addStretch(1)

        self.status = plain_label()
        self.status.setObjectName("marksStatus")
        self.status.setWordWrap(True)

        # The clauses changed after the date, listed once marked, with previous and next.
        self.since_list = QListWidget()
        self.since_list.setObjectName("changedSinceList")
        self.since_list.setAccessibleName("Пункты, изменённые после даты")
        self.since_list.setMaximumHeight(self.fontMetrics().lineSpacing() * 8)
        on_user_choice(self.since_list, self._on_since_chosen)
        self.since_list.itemActivated.connect(self._on_since_activated)
        self.since_previous = QToolButton()
        self.since_previous.setObjectName("changedSincePrevious")
        self.since_previous.setText("◀")
        self.since_previous.setToolTip("Предыдущий изменённый пункт")
        self.since_previous.setAccessibleName("Предыдущий изменённый пункт")
        self.since_previous.clicked.connect(lambda: self.step_since(-1))
        self.since_next = QToolButton()
        self.since_next.setObjectName("changedSinceNext")
        self.since_next.setText("▶")
        self.since_next.setToolTip("Следующий изменённый пункт")
        self.since_next.setAccessibleName("Следующий изменённый пункт")
        self.since_next.clicked.connect(lambda: self.step_since(1))
        self.since_position = plain_label()
        self.since_position.setObjectName("changedSincePosition")
        self.since_box = QWidget()
        since_layout = QVBoxLayout(self.since_box)
        since_layout.setContentsMargins(0, 0, 0, 0)
        since_layout.addWidget(self.since_list)
        steps = QHBoxLayout()
        steps.addWidget(self.since_previous)
        steps.addWidget(self.since_next)
        steps.addWidget(self.since_position, 1)
        since_layout.addLayout(steps)
        self.since_box.hide()
        self._listing = False

        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addWidget(self.view, 1)
        layout.addWidget(since_label)
        layout.addLayout(row)
        layout.addWidget(self.since_box)
        bottom = QHBoxLayout()
        bottom.addWidget(self.status, 1)
        bottom.addWidget(self.clear_button)
        layout.addLayout(bottom)
        self.marked: list[str] = []

    def focus(self) -> None:
        """The keyboard focus to the list of decrees."""
        self.view.setFocus(Qt.FocusReason.ShortcutFocusReason)

    def set_since(self, iso: str) -> None:
        try:
            day = dt.date.fromisoformat(iso)
        except ValueError:
            return
        self.since_edit.setDate(QDate(day.year, day.month, day.day))

    @property
    def since(self) -> str:
        return self.since_edit.date().toString("yyyy-MM-dd")

    def _mark(self, node_ids: list[str], why: str, listed: bool = False) -> None:
        self.marked = node_ids
        self.status.setText(why)
        self._list_since(node_ids if listed else [])
        self.marks_requested.emit(node_ids, why)

    # -- the clauses changed after the date ------------------------------------------------
    @property
    def since_ids(self) -> list[str]:
        """The clauses listed under the date, in the act's order (empty: none listed)."""
        return [
            self.since_list.item(k).data(Qt.ItemDataRole.UserRole)
            for k in range(self.since_list.count())
        ]

    def _list_since(self, node_ids: list[str]) -> None:
        # The window opens the first of them: it is the current row, not chosen again.
        self._listing = True
        self.since_list.clear()
        for node_id in node_ids:
            item = QListWidgetItem(citation(self.corpus, node_id))
            item.setData(Qt.ItemDataRole.UserRole, node_id)
            self.since_list.addItem(item)
        if node_ids:
            self.since_list.setCurrentRow(0)
        self._listing = False
        self.since_box.setVisible(bool(node_ids))
        self._show_position()

    def _show_position(self) -> None:
        row, count = self.since_list.currentRow(), self.since_list.count()
        self.since_position.setText(f"{row + 1} из {count}" if row >= 0 else f"Пунктов: {count}")
        self.since_previous.setEnabled(row > 0)
        self.since_next.setEnabled(row < count - 1)

    def step_since(self, delta: int) -> None:
        """The previous (``delta`` -1) or next (1) clause of the list: chosen and opened."""
        count = self.since_list.count()
        if not count:
            return
        row = self.since_list.currentRow()
        wanted = 0 if row < 0 else max(0, min(count - 1, row + delta))
        self.since_list.setCurrentRow(wanted)
        self._show_position()

    def _on_since_chosen(self, index: QModelIndex) -> None:
        self._show_position()
        if self._listing:
            return
        node_id = index.data(Qt.ItemDataRole.UserRole)
        if node_id:
            self.node_chosen.emit(node_id)

    def _on_since_activated(self, item: QListWidgetItem) -> None:
        node_id = item.data(Qt.ItemDataRole.UserRole)
        if node_id:
            self.node_chosen.emit(node_id)

    def mark_event(self, event: Event) -> None:
        ids = list(dict.fromkeys(c.node_id for c in event.changes))
        if event.original:
            parts = plural(len(ids), "часть", "части", "частей")
            why = f"Исходный текст от {short_date(event.date)}: {parts} акта"
        else:
            why = f"Указ от {short_date(event.date)} № {event.number}: {clauses(len(ids))}"
        self._mark(ids, why)

    def mark_changed_since(self) -> None:
        order = {n.id: n.seq for n in self.corpus.nodes}
        ids = sorted(self.corpus.changed_since(self.since), key=lambda i: order.get(i, 0))
        why = f"Изменены после {short_date(self.since)}: {clauses(len(ids))}"
        self._mark(ids, why, listed=True)

    def clear_marks(self) -> None:
        self.view.selectionModel().clearCurrentIndex()
        self.view.clearSelection()
        self._mark([], "")

    def _on_current(self, current: QModelIndex) -> None:
        if not current.isValid():
            return
        if self.model.is_group(current):
            self.mark_event(self.model.record(current))
            self.view.expand(current)
            return
        event_index = current.parent()
        event = self.model.record(event_index)
        if not self.marked or set(self.marked) != {c.node_id for c in event.changes}:
            self.mark_event(event)
        node_id = current.data(Role.NODE_ID)
        if node_id:
            self.node_chosen.emit(node_id)

    def _on_activated(self, index: QModelIndex) -> None:
        if self.model.is_group(index):
            self.view.setExpanded(index, True)
            first = self.model.index(0, 0, index)
            if first.isValid():
                self.view.setCurrentIndex(first)
        elif node_id := index.data(Role.NODE_ID):
            self.node_chosen.emit(node_id)

    def choose_event(self, event_id: str) -> None:
        index = self.model.index_of_event(event_id)
        if index.isValid():
            self.view.selectionModel().setCurrentIndex(
                index, QItemSelectionModel.SelectionFlag.ClearAndSelect
            )
            self.view.scrollTo(index)

    def choose_latest_change_of(self, node_id: str) -> None:
        """Select the latest decree that changed ``node_id`` (the «изм.» badge was clicked)."""
        links = self.corpus.amendments_of(node_id)
        if links:
            latest = max(links, key=lambda pair: pair[0].date)[0]
            self.choose_event(latest.id)
