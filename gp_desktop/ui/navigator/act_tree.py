"""The act as a tree for the navigator: parts → chapters → clauses → sub-clauses.

Only nodes a reader navigates by are rows (parts, chapters, groups, clauses, sub-clauses,
list items, the preamble); paragraphs, footnotes and approval blocks belong to the row above
them and are shown in the reader. Rows can be marked (the timeline), starred (bookmarks) and,
once an ``ExcerptChoice`` is attached, ticked for an excerpt.
"""

from __future__ import annotations

from collections.abc import Iterable

from PySide6.QtCore import QAbstractItemModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QFont, QGuiApplication

from gp_desktop.corpus import model as m
from gp_desktop.corpus.citations import citation
from gp_desktop.corpus.outline import TREE_KINDS, tree_node_id
from gp_desktop.corpus.reader import Corpus
from gp_desktop.corpus.restricted import restricted_annexes
from gp_desktop.corpus.titles import amendment_note, node_title
from gp_desktop.text_fold import fold
from gp_desktop.ui.excerpt.choice import ExcerptChoice
from gp_desktop.ui.look import reader_colours
from gp_desktop.ui.widgets import icons
from gp_desktop.ui.widgets.plain_text import plain_tip
from gp_desktop.ui.widgets.roles import Role

Index = QModelIndex | QPersistentModelIndex


class ActTreeModel(QAbstractItemModel):
    """One column; the internal id of an index is the position of its node in ``_nodes``."""

    def __init__(self, corpus: Corpus, parent=None) -> None:
        super().__init__(parent)
        self.corpus = corpus
        self._nodes: list[m.Node] = []
        self._slot: dict[str, int] = {}
        self._children: dict[int, list[int]] = {-1: []}
        self._parent: dict[int, int] = {}
        self._row: dict[int, int] = {}
        # A run of annexes whose text is not published is one row, under one title.
        annexes = restricted_annexes(corpus)
        self._titles = {a.first: a.title for a in annexes}
        self._alias = {part: a.first for a in annexes for part in a.part_ids[1:]}
        for node in corpus.nodes:
            if node.kind not in TREE_KINDS or node.id in self._alias:
                continue
            slot = len(self._nodes)
            self._nodes.append(node)
            self._slot[node.id] = slot
            parent_id = tree_node_id(corpus, node.parent_id) if node.parent_id else None
            parent_slot = self._slot.get(parent_id, -1) if parent_id else -1
            siblings = self._children.setdefault(parent_slot, [])
            self._parent[slot] = parent_slot
            self._row[slot] = len(siblings)
            siblings.append(slot)
            self._children[slot] = []
        self._amended = {link.node_id for link in corpus.node_amendments}
        self._marked: frozenset[str] = frozenset()
        self._bookmarked: frozenset[str] = frozenset()
        self._choice: ExcerptChoice | None = None
        self._filter_text: dict[int, str] = {}

    def _folded(self, slot: int) -> str:
        text = self._filter_text.get(slot)
        if text is None:
            node = self._nodes[slot]
            text = fold(" ".join((node.title, node.label, node.heading, node.text)))
            self._filter_text[slot] = text
        return text

    def matching(self, words: tuple[str, ...]) -> set[int]:
        """Internal ids of the rows a filter of ``words`` keeps: the rows whose folded text
        has every word, their ancestors (to reach them) and their descendants (to open
        them). One pass in Python: asked row by row through Qt, 100 000 rows took a minute."""
        found = {
            slot for slot in range(len(self._nodes)) if all(w in self._folded(slot) for w in words)
        }
        kept = set(found)
        for slot in found:
            parent = self._parent.get(slot, -1)
            while parent != -1 and parent not in kept:
                kept.add(parent)
                parent = self._parent.get(parent, -1)
        stack = list(found)
        while stack:
            for child in self._children.get(stack.pop(), ()):
                if child not in kept:
                    kept.add(child)
                    stack.append(child)
        return kept

    @property
    def row_total(self) -> int:
        """Rows in the whole tree, at every level."""
        return len(self._nodes)

    # -- QAbstractItemModel --------------------------------------------------------------
    def index(self, row: int, column: int = 0, parent: Index = QModelIndex()) -> QModelIndex:
        if column != 0 or row < 0:
            return QModelIndex()
        parent_slot = parent.internalId() if parent.isValid() else -1
        siblings = self._children.get(parent_slot, [])
        if row >= len(siblings):
            return QModelIndex()
        return self.createIndex(row, 0, siblings[row])

    def parent(self, child: Index = QModelIndex()) -> QModelIndex:  # type: ignore[override]
        if not child.isValid():
            return QModelIndex()
        parent_slot = self._parent[child.internalId()]
        if parent_slot < 0:
            return QModelIndex()
        return self.createIndex(self._row[parent_slot], 0, parent_slot)

    def rowCount(self, parent: Index = QModelIndex()) -> int:
        if parent.isValid():
            if parent.column() != 0:
                return 0
            return len(self._children[parent.internalId()])
        return len(self._children[-1])

    def columnCount(self, parent: Index = QModelIndex()) -> int:
        return 1

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        flags = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        if self._choice is not None:
            flags |= Qt.ItemFlag.ItemIsUserCheckable
        return flags

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        node = self._nodes[index.internalId()]
        if role == Qt.ItemDataRole.DisplayRole:
            return self._titles.get(node.id) or node_title(node)
        if role == Qt.ItemDataRole.ToolTipRole:
            tip = citation(self.corpus, node.id)
            if note := amendment_note(self.corpus, node.id):
                tip += "\n" + note
            return plain_tip(tip)
        if role == Qt.ItemDataRole.DecorationRole:
            return icons.star() if node.id in self._bookmarked else None
        if role == Qt.ItemDataRole.BackgroundRole:
            if node.id in self._marked:
                return reader_colours(QGuiApplication.palette()).mark
            return None
        if role == Qt.ItemDataRole.FontRole:
            if node.id in self._marked or node.kind in (m.PART, m.CHAPTER):
                font = QFont()
                font.setBold(True)
                return font
            return None
        if role == Qt.ItemDataRole.CheckStateRole:
            if self._choice is None:
                return None
            chosen = node.id in self._choice
            return Qt.CheckState.Checked if chosen else Qt.CheckState.Unchecked
        if role == Qt.ItemDataRole.AccessibleTextRole:
            return citation(self.corpus, node.id)
        if role == Role.NODE_ID:
            return node.id
        if role == Role.KIND:
            return node.kind
        if role == Role.FILTER_TEXT:
            return self._folded(index.internalId())  # folded once per row
        if role == Role.MARKED:
            return node.id in self._marked
        if role == Role.BOOKMARKED:
            return node.id in self._bookmarked
        if role == Role.AMENDED:
            return node.id in self._amended
        if role == Role.CITATION:
            return citation(self.corpus, node.id)
        if role == Role.RECORD:
            return node
        return None

    def setData(self, index: Index, value, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if not index.isValid() or role != Qt.ItemDataRole.CheckStateRole or self._choice is None:
            return False
        chosen = Qt.CheckState(value) == Qt.CheckState.Checked
        self._choice.set_chosen(self._nodes[index.internalId()].id, chosen)
        return True

    # -- our own -------------------------------------------------------------------------
    def index_of(self, node_id: str) -> QModelIndex:
        """The row for ``node_id`` (or the nearest row above it); invalid if there is none."""
        row_id = tree_node_id(self.corpus, node_id)
        slot = self._slot.get(self._alias.get(row_id, row_id))
        if slot is None:
            return QModelIndex()
        return self.createIndex(self._row[slot], 0, slot)

    def _emit_changed(self, node_ids: Iterable[str], roles: list[int]) -> None:
        for node_id in node_ids:
            index = self.index_of(node_id)
            if index.isValid():
                self.dataChanged.emit(index, index, roles)

    def set_marked(self, node_ids: Iterable[str]) -> None:
        new = frozenset(tree_node_id(self.corpus, n) for n in node_ids)
        touched = new ^ self._marked
        self._marked = new
        roles = [
            int(Qt.ItemDataRole.BackgroundRole),
            int(Qt.ItemDataRole.FontRole),
            int(Role.MARKED),
        ]
        self._emit_changed(touched, roles)

    @property
    def marked(self) -> frozenset[str]:
        return self._marked

    def set_bookmarked(self, node_ids: Iterable[str]) -> None:
        new = frozenset(tree_node_id(self.corpus, n) for n in node_ids)
        touched = new ^ self._bookmarked
        self._bookmarked = new
        self._emit_changed(touched, [int(Qt.ItemDataRole.DecorationRole), int(Role.BOOKMARKED)])

    # Check boxes appear once an excerpt choice is attached; ticks go to it and come back.
    def attach_choice(self, choice: ExcerptChoice) -> None:
        self.beginResetModel()
        self._choice = choice
        self.endResetModel()
        choice.changed.connect(self._on_choice_changed)

    def _on_choice_changed(self, node_ids: list[str]) -> None:
        own = [n for n in node_ids if n in self._slot]
        self._emit_changed(own, [int(Qt.ItemDataRole.CheckStateRole)])
