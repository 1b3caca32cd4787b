"""The act's history as a model: the original decree, then each amending decree by date.

Each event is a heading with the changes it made under it (clause, effect); the footnote
that records a change is its tooltip.
"""

from __future__ import annotations

import re
from typing import Any

from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtGui import QFont

from gp_desktop.corpus.footnotes import short_date
from gp_desktop.corpus.model import EFFECT_NAMES
from gp_desktop.corpus.reader import Change, Corpus, Event
from gp_desktop.ui.grouped_model import GroupedModel
from gp_desktop.ui.roles import Role
from gp_desktop.ui.wording import changes

_CHAPTER = re.compile(r", Глава \d+(?=,)")


def event_title(event: Event) -> str:
    """«17.12.2025 № 1125 — 7 изменений» or «13.10.2017 № 563 — исходный текст»."""
    head = f"{short_date(event.date)} № {event.number}"
    if event.original:
        return f"{head} — исходный текст"
    return f"{head} — {changes(len(event.changes))}"


def change_title(change: Change) -> str:
    """«Положение, п. 2 — в новой редакции»: the chapter is left to the tooltip, for width."""
    where = _CHAPTER.sub("", change.citation)
    return f"{where} — {EFFECT_NAMES.get(change.effect, change.effect)}"


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
