"""A flat list model over a tuple of records, replaced whole: the search hits, the bookmarks,
the clauses ticked for the excerpt.

Each list is rebuilt from its source when that changes (a search answered, a star added, a
tick set), so the model only keeps the records and answers for one row at a time; subclasses
say what a record shows in ``record_data``, as ``GroupedModel`` does for the two-level lists.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from PySide6.QtCore import QAbstractListModel, QModelIndex, QPersistentModelIndex, Qt

from gp_desktop.ui.widgets.plain_text import plain_tip

Index = QModelIndex | QPersistentModelIndex


class RecordListModel(QAbstractListModel):
    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self._records: tuple[Any, ...] = ()

    @property
    def records(self) -> tuple[Any, ...]:
        return self._records

    def set_records(self, records: Iterable[Any]) -> None:
        self.beginResetModel()
        self._records = tuple(records)
        self.endResetModel()

    def record(self, index: Index) -> Any:
        """The record shown at ``index``, or None for an index outside the list."""
        if not index.isValid() or not 0 <= index.row() < len(self._records):
            return None
        return self._records[index.row()]

    def rowCount(self, parent: Index = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self._records)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        record = self.record(index)
        if record is None:
            return None
        value = self.record_data(record, role)
        # Corpus text in a tooltip is shown as text, never as HTML that loads files.
        return plain_tip(value) if role == Qt.ItemDataRole.ToolTipRole and value else value

    def record_data(self, record: Any, role: int) -> Any:
        raise NotImplementedError
