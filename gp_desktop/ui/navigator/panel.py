"""The left pane: the act as a tree and the institutions, with one filter box over both.

Choosing a row (click, arrow keys, Enter) asks the window to open its node; the window in
turn tells the navigator which node is in view, and the tree follows without asking back.
"""

from __future__ import annotations

from collections.abc import Iterable

from PySide6.QtCore import QItemSelectionModel, QModelIndex, Qt, QTimer, Signal
from PySide6.QtWidgets import QLineEdit, QTabWidget, QTreeView, QVBoxLayout, QWidget

from gp_desktop.corpus.reader import Corpus
from gp_desktop.ui.excerpt.choice import ExcerptChoice
from gp_desktop.ui.navigator.act_tree import ActTreeModel
from gp_desktop.ui.navigator.institutions import InstitutionModel
from gp_desktop.ui.navigator.tree_filter import TreeFilter
from gp_desktop.ui.widgets.roles import Role
from gp_desktop.ui.widgets.user_choice import on_user_choice
from gp_desktop.ui.widgets.wrapping import WrappingDelegate

FILTER_DELAY_MS = 150
EXPAND_ALL_ROWS = 5000
"""A filtered tree is opened whole up to this many rows (the act has about 200); a longer
corpus is opened two levels deep: expanding 100 000 rows takes Qt most of a minute."""


def _tree(name: str, accessible: str) -> QTreeView:
    view = QTreeView()
    view.setObjectName(name)
    view.setAccessibleName(accessible)
    view.setHeaderHidden(True)
    view.setUniformRowHeights(True)
    view.setTextElideMode(Qt.TextElideMode.ElideRight)
    view.setExpandsOnDoubleClick(True)
    return view


class Navigator(QWidget):
    node_chosen = Signal(str)

    def __init__(
        self, corpus: Corpus, choice: ExcerptChoice | None = None, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.corpus = corpus
        self._following = False

        self.filter_field = QLineEdit()
        self.filter_field.setObjectName("treeFilter")
        self.filter_field.setAccessibleName("Фильтр оглавления")
        self.filter_field.setPlaceholderText("Фильтр: слова из заголовков и текста")
        self.filter_field.setClearButtonEnabled(True)

        self.act_model = ActTreeModel(corpus, self)
        if choice is not None:
            self.act_model.attach_choice(choice)  # before expanding: attaching resets the model
        self.act_filter = TreeFilter(self)
        self.act_filter.setSourceModel(self.act_model)
        self.act_view = _tree("actTree", "Оглавление акта")
        self.act_view.setModel(self.act_filter)

        self.institution_model = InstitutionModel(corpus, self)
        self.institution_filter = TreeFilter(self)
        self.institution_filter.setSourceModel(self.institution_model)
        self.institution_view = _tree("institutionTree", "Учреждения и подразделения")
        self.institution_view.setModel(self.institution_filter)
        # Names that still differ only far along wrap rather than lose their end.
        self.institution_view.setItemDelegate(WrappingDelegate(self.institution_view))

        self.tabs = QTabWidget()
        self.tabs.setObjectName("navigatorTabs")
        self.tabs.setDocumentMode(True)
        self.tabs.addTab(self.act_view, "Оглавление")
        self.tabs.addTab(self.institution_view, "Учреждения")
        # The institutions open fully, but only once their tab is first shown: expanding the
        # hidden tree at start cost 3 ms before the window's first paint.
        self._institutions_expanded = False
        self.tabs.currentChanged.connect(self._expand_institutions_once)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 0)
        layout.setSpacing(4)
        layout.addWidget(self.filter_field)
        layout.addWidget(self.tabs, 1)

        self._filter_timer = QTimer(self, singleShot=True, interval=FILTER_DELAY_MS)
        self._filter_timer.timeout.connect(self._apply_filter)
        self.filter_field.textChanged.connect(lambda _t: self._filter_timer.start())
        for view in (self.act_view, self.institution_view):
            on_user_choice(view, self._on_current)
            view.activated.connect(self._on_activated)
        self._expand_top()

    def _expand_institutions_once(self) -> None:
        if self.tabs.currentWidget() is self.institution_view and not self._institutions_expanded:
            self._institutions_expanded = True
            self.institution_view.expandAll()

    def _expand_top(self) -> None:
        # The Положение is what people read: open it down to its chapters.
        source = self.act_model.index_of("polozhenie")
        if source.isValid():
            self.act_view.expand(self.act_filter.mapFromSource(source))

    def _apply_filter(self) -> None:
        text = self.filter_field.text()
        self.act_filter.set_words(text)
        self.institution_filter.set_words(text)
        if self.act_filter.active:
            if self.act_model.row_total <= EXPAND_ALL_ROWS:
                self.act_view.expandAll()
            else:  # a corpus far longer than the act: the user opens what they want
                self.act_view.expandToDepth(1)
        else:
            self.act_view.collapseAll()
            self._expand_top()
        self.institution_view.expandAll()

    def _on_current(self, current: QModelIndex) -> None:
        if self._following or not current.isValid():
            return
        node_id = current.data(Role.NODE_ID)
        if node_id:
            self.node_chosen.emit(node_id)

    def _on_activated(self, index: QModelIndex) -> None:
        node_id = index.data(Role.NODE_ID)
        if node_id:
            self.node_chosen.emit(node_id)

    def follow(self, node_id: str) -> None:
        """Select ``node_id``'s row in the act tree without asking to open it again."""
        source = self.act_model.index_of(node_id)
        if not source.isValid():
            return
        index = self.act_filter.mapFromSource(source)
        if not index.isValid():
            return
        self._following = True
        try:
            self.act_view.selectionModel().setCurrentIndex(
                index, QItemSelectionModel.SelectionFlag.ClearAndSelect
            )
            self.act_view.scrollTo(index)
        finally:
            self._following = False

    def expand_to(self, node_ids) -> None:
        for node_id in node_ids:
            source = self.act_model.index_of(node_id)
            index = self.act_filter.mapFromSource(source).parent()
            while index.isValid():
                self.act_view.expand(index)
                index = index.parent()

    def set_marks(self, node_ids: list[str]) -> None:
        """Mark these rows (the timeline's choice) and open the tree down to each of them."""
        self.act_model.set_marked(node_ids)
        self.expand_to(node_ids)

    def set_bookmarked(self, node_ids: Iterable[str]) -> None:
        """Star these rows."""
        self.act_model.set_bookmarked(node_ids)

    def _focus_tab(self, view: QTreeView) -> None:
        self.tabs.setCurrentWidget(view)
        view.setFocus(Qt.FocusReason.ShortcutFocusReason)

    def focus_tree(self) -> None:
        """The act's tree in front, with the keyboard focus."""
        self._focus_tab(self.act_view)

    def focus_institutions(self) -> None:
        """The institutions' tree in front, with the keyboard focus."""
        self._focus_tab(self.institution_view)

    def focus_filter(self) -> None:
        self.filter_field.setFocus(Qt.FocusReason.ShortcutFocusReason)

    @property
    def current_view(self) -> QTreeView:
        return self.tabs.currentWidget()  # type: ignore[return-value]
