"""A two-level item model (headings with rows under them) for the institutions and timeline.

The internal id of an index says where it lives: 0 for a heading, heading row + 1 for a row
under that heading, so no Python object has to be kept alive behind an index.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import QAbstractItemModel, QModelIndex, QPersistentModelIndex, Qt

from gp_desktop.ui.widgets.plain_text import plain_tip

Index = QModelIndex | QPersistentModelIndex


class GroupedModel(QAbstractItemModel):
    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self._groups: list[Any] = []
        self._rows: list[Sequence[Any]] = []

    def set_groups(self, groups: Sequence[Any], rows: Sequence[Sequence[Any]]) -> None:
        self.beginResetModel()
        self._groups = list(groups)
        self._rows = [tuple(r) for r in rows]
        self.endResetModel()

    # Subclasses say what a heading and a row show.
    def group_data(self, group: Any, role: int) -> Any:
        raise NotImplementedError

    def row_data(self, group: Any, row: Any, role: int) -> Any:
        raise NotImplementedError

    def is_group(self, index: Index) -> bool:
        return index.isValid() and index.internalId() == 0

    def record(self, index: Index) -> Any:
        if not index.isValid():
            return None
        if index.internalId() == 0:
            return self._groups[index.row()]
        return self._rows[index.internalId() - 1][index.row()]

    def index(self, row: int, column: int = 0, parent: Index = QModelIndex()) -> QModelIndex:
        if column != 0 or row < 0:
            return QModelIndex()
        if not parent.isValid():
            return self.createIndex(row, 0, 0) if row < len(self._groups) else QModelIndex()
        if parent.internalId() != 0:
            return QModelIndex()
        if row >= len(self._rows[parent.row()]):
            return QModelIndex()
        return self.createIndex(row, 0, parent.row() + 1)

    def parent(self, child: Index = QModelIndex()) -> QModelIndex:  # type: ignore[override]
        if not child.isValid() or child.internalId() == 0:
            return QModelIndex()
        return self.createIndex(child.internalId() - 1, 0, 0)

    def rowCount(self, parent: Index = QModelIndex()) -> int:
        if not parent.isValid():
            return len(self._groups)
        if parent.column() != 0 or parent.internalId() != 0:
            return 0
        return len(self._rows[parent.row()])

    def columnCount(self, parent: Index = QModelIndex()) -> int:
        return 1

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        if index.internalId() == 0:
            value = self.group_data(self._groups[index.row()], role)
        else:
            group = self._groups[index.internalId() - 1]
            value = self.row_data(group, self._rows[index.internalId() - 1][index.row()], role)
        # Corpus text in a tooltip is shown as text, never as HTML that loads files.
        return plain_tip(value) if role == Qt.ItemDataRole.ToolTipRole and value else value
