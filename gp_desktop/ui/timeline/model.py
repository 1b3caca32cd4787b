"""The act's history as a model: the original decree, then each amending decree by date.

Each event is a heading with the changes it made under it (clause, effect); the footnote
that records a change is its tooltip.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtGui import QFont

from gp_desktop.corpus.reader import Change, Corpus, Event
from gp_desktop.corpus.titles import change_title, event_title
from gp_desktop.ui.widgets.grouped_model import GroupedModel
from gp_desktop.ui.widgets.roles import Role


class TimelineModel(GroupedModel):
    def __init__(self, corpus: Corpus, parent=None) -> None:
        super().__init__(parent)
        self.corpus = corpus
        events = corpus.timeline()
        self.set_groups(events, [e.changes for e in events])

    @property
    def events(self) -> list[Event]:
        return list(self._groups)

    def group_data(self, group: Event, role: int) -> Any:
        if role == Qt.ItemDataRole.DisplayRole:
            return event_title(group)
        if role == Qt.ItemDataRole.ToolTipRole:
            return group.title
        if role == Qt.ItemDataRole.FontRole:
            font = QFont()
            font.setBold(True)
            return font
        if role == Role.KIND:
            return "event"
        if role == Role.RECORD:
            return group
        return None

    def row_data(self, group: Event, row: Change, role: int) -> Any:
        if role == Qt.ItemDataRole.DisplayRole:
            return change_title(row)
        if role == Qt.ItemDataRole.ToolTipRole:
            return f"{row.citation}\n{row.footnote}" if row.footnote else row.citation
        if role == Role.NODE_ID:
            return row.node_id
        if role == Role.CITATION:
            return row.citation
        if role == Role.KIND:
            return "change"
        if role == Role.RECORD:
            return row
        return None

    def index_of_event(self, event_id: str) -> QModelIndex:
        for row, event in enumerate(self._groups):
            if event.id == event_id:
                return self.index(row, 0)
        return QModelIndex()
