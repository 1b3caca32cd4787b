"""The bookmarks pane: starred clauses in the order they were starred; Enter opens one.

The list is a view of the window's ``BookmarksStore`` (``store.py``): it follows the store's
``changed``, and removing a bookmark here goes through the store, which saves the file.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QModelIndex, Qt, Signal
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from gp_desktop.bookmarks import Bookmark
from gp_desktop.corpus.citations import citation
from gp_desktop.corpus.footnotes import short_date
from gp_desktop.corpus.reader import Corpus
from gp_desktop.ui.bookmarks.store import BookmarksStore
from gp_desktop.ui.widgets import icons
from gp_desktop.ui.widgets.clause_list import clause_entry, clause_list
from gp_desktop.ui.widgets.record_list import RecordListModel
from gp_desktop.ui.widgets.roles import Role


class BookmarksModel(RecordListModel):
    def __init__(self, corpus: Corpus, bookmarks: BookmarksStore, parent=None) -> None:
        super().__init__(parent)
        self.corpus = corpus
        self._bookmarks = bookmarks
        self.refresh()

    def refresh(self) -> None:
        self.set_records(self._bookmarks.items)

    def record_data(self, item: Bookmark, role: int) -> Any:
        node = self.corpus.by_id.get(item.node_id)
        if role == Qt.ItemDataRole.DisplayRole:
            if node is None:
                edition = getattr(self.corpus, "edition", None)
                when = f"в редакции от {short_date(edition.date)}" if edition else "в этой редакции"
                return f"{item.node_id} (отсутствует {when})"
            return clause_entry(self.corpus, node.id)
        if role == Qt.ItemDataRole.ToolTipRole:
            added = item.added.replace("T", " ") if item.added else ""
            return f"Закладка добавлена {added}" if added else None
        if role == Qt.ItemDataRole.DecorationRole:
            return icons.star()
        if role == Qt.ItemDataRole.ForegroundRole and node is None:
            return QColor("#888888")
        if role == Role.NODE_ID:
            return item.node_id if node is not None else None
        if role == Role.CITATION:
            return citation(self.corpus, node.id) if node is not None else item.node_id
        if role == Role.KIND:
            return "bookmark"
        if role == Role.RECORD:
            return item
        return None


class BookmarksPanel(QWidget):
    node_chosen = Signal(str)

    def __init__(self, corpus: Corpus, bookmarks: BookmarksStore, parent: QWidget | None = None):
        super().__init__(parent)
        self.bookmarks = bookmarks
        self.model = BookmarksModel(corpus, bookmarks, self)
        bookmarks.changed.connect(self.model.refresh)
        self.view = clause_list(
            "bookmarksList", "Закладки", self.model, self._open, self.remove_current, spacing=2
        )
        self.view.clicked.connect(self._open)

        self.empty = QLabel("Закладок нет. Отметьте пункт звёздочкой: Ctrl+D.")
        self.empty.setObjectName("bookmarksEmpty")
        self.empty.setWordWrap(True)
        self.remove_button = QPushButton("У&далить закладку")
        self.remove_button.setObjectName("removeBookmark")
        self.remove_button.clicked.connect(self.remove_current)

        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.remove_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addWidget(self.empty)
        layout.addWidget(self.view, 1)
        layout.addLayout(buttons)
        self.model.modelReset.connect(self._update_state)
        self._update_state()

    def _update_state(self) -> None:
        has = self.model.rowCount() > 0
        if has and not self.view.currentIndex().isValid():
            self.view.setCurrentIndex(self.model.index(0))
        self.empty.setVisible(not has)
        self.remove_button.setEnabled(has)

    def _open(self, index: QModelIndex) -> None:
        node_id = index.data(Role.NODE_ID)
        if node_id:
            self.node_chosen.emit(node_id)

    def remove_current(self) -> None:
        index = self.view.currentIndex()
        if index.isValid():
            self.bookmarks.remove(index.data(Role.RECORD).node_id)

    def focus(self) -> None:
        """The keyboard focus to the list of bookmarks."""
        self.view.setFocus(Qt.FocusReason.ShortcutFocusReason)
