"""Copying a clause's citation: Ctrl+Shift+C and the context menus of the text and the tree.

An official pastes the citation into a paper, where the full form («абзац второй пункта 1
Положения …, утвержденного Указом Президента Республики Казахстан от 13 октября 2017 года
№ 563») is what is written the first time; Ctrl+Shift+C copies it unless the preference
«Ссылка в краткой форме» asks for the short one («абз. 2 п. 1 Положения …, утв. Указом …»).
The context menus offer both forms, for the exact node under the pointer — a paragraph, a
footnote — not only the clause it belongs to. The forms themselves come from
``gp_desktop/corpus/citations.py``.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QAbstractItemView, QApplication, QMenu

from gp_desktop.corpus.citations import formal_citation, full_citation
from gp_desktop.corpus.outline import tree_node_id
from gp_desktop.ui import settings as keys
from gp_desktop.ui.widgets.roles import Role

FULL, SHORT = "full", "short"


class CitationCopier:
    """What the copy actions do, for the window they belong to."""

    def __init__(self, window: Any) -> None:
        self.window = window
        self.short = bool(window.settings.get(keys.CITATION_SHORT))
        """The preference: Ctrl+Shift+C copies the short form."""
        self.pointed = ""
        """The node the last context menu was opened on (its copy actions cite it)."""

    def set_short(self, short: bool) -> None:
        self.short = short
        self.window.settings.set(keys.CITATION_SHORT, short)

    def point(self, node_id: str) -> None:
        """A context menu opened on ``node_id``: its copy actions cite that node."""
        self.pointed = node_id

    def copy(self, form: str = "") -> str:
        """Ctrl+Shift+C: the current clause's citation, in the form the preference says."""
        return self._copy(self.window.current_node, form or (SHORT if self.short else FULL))

    def copy_pointed(self, form: str) -> str:
        """«Копировать ссылку полностью / кратко»: the node a context menu was opened on while
        it is still in the current clause (the menu made its clause current), else the
        current clause."""
        current = self.window.current_node
        pointed = self.pointed if self.pointed in self.window.corpus.by_id else ""
        if pointed and tree_node_id(self.window.corpus, pointed) == current:
            return self._copy(pointed, form)
        return self._copy(current, form)

    def _copy(self, node_id: str, form: str) -> str:
        corpus = self.window.corpus
        if not node_id or node_id not in corpus.by_id:
            return ""
        text = (formal_citation if form == SHORT else full_citation)(corpus, node_id)
        QApplication.clipboard().setText(text)
        self.window.statusBar().showMessage(f"Скопировано: {text}", 5000)
        return text


def add_tree_menu(view: QAbstractItemView, actions: list[QAction], point: Any) -> None:
    """A context menu on the tree's rows: the row under the pointer is opened (and pointed at
    for the copy actions), then ``actions`` are offered for it."""
    view.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)

    def show(pos: QPoint) -> None:
        index = view.indexAt(pos)
        node_id = index.data(Role.NODE_ID) if index.isValid() else None
        if not node_id:
            return
        view.setCurrentIndex(index)  # opens it, as a click would
        point(node_id)
        menu = QMenu(view)
        menu.addActions(actions)
        menu.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        menu.popup(view.viewport().mapToGlobal(pos))

    view.customContextMenuRequested.connect(show)
