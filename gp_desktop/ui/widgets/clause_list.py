"""A list of chosen clauses (bookmarks, the excerpt): opened with Enter, removed with Delete.

Both panes show clause citations that wrap, open the clause on activation and drop the
current entry with the Delete key, which only acts while the list has focus.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QAbstractItemModel, QModelIndex, Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import QListView

from gp_desktop.corpus.citations import citation
from gp_desktop.corpus.reader import Corpus
from gp_desktop.corpus.titles import node_title


def clause_entry(corpus: Corpus, node_id: str) -> str:
    """How a clause reads in these lists: its citation, and its title on a second line."""
    return f"{citation(corpus, node_id)}\n{node_title(corpus.by_id[node_id])}"


def clause_list(
    object_name: str,
    accessible_name: str,
    model: QAbstractItemModel,
    on_open: Callable[[QModelIndex], None],
    on_delete: Callable[[], None],
    spacing: int = 1,
) -> QListView:
    view = QListView()
    view.setObjectName(object_name)
    view.setAccessibleName(accessible_name)
    view.setModel(model)
    view.setWordWrap(True)
    view.setTextElideMode(Qt.TextElideMode.ElideRight)
    view.setSpacing(spacing)
    view.activated.connect(on_open)
    delete = QShortcut(QKeySequence(QKeySequence.StandardKey.Delete), view)
    delete.setContext(Qt.ShortcutContext.WidgetShortcut)
    delete.activated.connect(on_delete)
    return view
