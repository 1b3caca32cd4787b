"""The institutions for the navigator's second tab: grouped as the act lists them.

Three groups come from the corpus: the institutions under the Генеральная прокуратура, those
under its Committee, and the structural units of the СТРУКТУРА; each row leads to its entry.
A row starts with the number of its entry in the act («4)») and shows what tells it apart from
its neighbours («Департамент … по области Ұлытау»); the full name and the clause it comes
from are in its tooltip and its accessible text.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtGui import QFont

from gp_desktop.corpus.citations import citation
from gp_desktop.corpus.institutions import distinguishing_names
from gp_desktop.corpus.model import Institution
from gp_desktop.corpus.reader import Corpus
from gp_desktop.text_fold import fold
from gp_desktop.ui.widgets.grouped_model import GroupedModel
from gp_desktop.ui.widgets.roles import Role

_GROUP_TITLES = {
    "Генеральная прокуратура": "Учреждения в ведении Генеральной прокуратуры",
    "Структура Генеральной прокуратуры": "Структурные подразделения Генеральной прокуратуры",
}


def group_title(group_name: str) -> str:
    if group_name in _GROUP_TITLES:
        return _GROUP_TITLES[group_name]
    if group_name.startswith("Комитет"):
        return f"Учреждения в ведении Комитета: {group_name}"
    return group_name


class InstitutionModel(GroupedModel):
    def __init__(self, corpus: Corpus, parent=None) -> None:
        super().__init__(parent)
        self.corpus = corpus
        groups: dict[str, list[Institution]] = {}
        for institution in corpus.institutions:
            groups.setdefault(institution.group_name, []).append(institution)
        self.set_groups(list(groups), list(groups.values()))
        self._shown: dict[str, str] = {}
        for rows in groups.values():
            for institution, short in zip(
                rows, distinguishing_names([r.name for r in rows]), strict=True
            ):
                node = corpus.by_id.get(institution.node_id)
                label = node.label if node is not None else ""
                self._shown[institution.id] = f"{label} {short}".strip()

    def shown_name(self, institution: Institution) -> str:
        """The row's text: the entry's number and the part of the name that differs."""
        return self._shown.get(institution.id, institution.name)

    def group_data(self, group: str, role: int) -> Any:
        if role == Qt.ItemDataRole.DisplayRole:
            return f"{group_title(group)} ({len(self._rows[self._groups.index(group)])})"
        if role == Qt.ItemDataRole.ToolTipRole:
            return group_title(group)
        if role == Qt.ItemDataRole.FontRole:
            font = QFont()
            font.setBold(True)
            return font
        if role == Role.FILTER_TEXT:
            return fold(group_title(group))
        if role == Role.KIND:
            return "group"
        return None

    def row_data(self, group: str, row: Institution, role: int) -> Any:
        if role == Qt.ItemDataRole.DisplayRole:
            return self.shown_name(row)
        if role == Role.CITATION:
            if row.node_id in self.corpus.by_id:
                return citation(self.corpus, row.node_id)
            return row.name
        if role in (Qt.ItemDataRole.ToolTipRole, Qt.ItemDataRole.AccessibleTextRole):
            if row.node_id in self.corpus.by_id:
                return f"{row.name}\n{citation(self.corpus, row.node_id)}"
            return row.name
        if role == Role.NODE_ID:
            return row.node_id if row.node_id in self.corpus.by_id else None
        if role == Role.FILTER_TEXT:
            return fold(row.name)
        if role == Role.KIND:
            return "institution"
        if role == Role.RECORD:
            return row
        return None

    def index_of(self, node_id: str) -> QModelIndex:
        for g, rows in enumerate(self._rows):
            for r, institution in enumerate(rows):
                if institution.node_id == node_id:
                    return self.index(r, 0, self.index(g, 0))
        return QModelIndex()
