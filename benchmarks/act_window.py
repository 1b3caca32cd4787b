"""The start-up floor: the least window that shows this act, in one file, with no features.

The act's HTML (the reader's own, with its style sheet) in a text browser, a tree of the
parts, chapters and clauses in a dock (Qt's C++ item model, not a Python one), a tool bar of
three actions and five menus — what any window showing the act must build before its first
paint. It is spawned and timed exactly as ``bare_window.py`` and ``gp-desktop --self-test``
are, so the three side by side tell how much of the main window's start-up is the act and the
widgets themselves and how much our features add on top.

    python benchmarks/act_window.py [WIDTH HEIGHT]
"""

from __future__ import annotations

import sys

from bare_window import show_and_run
from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QKeySequence, QStandardItem, QStandardItemModel
from PySide6.QtWidgets import QApplication, QDockWidget, QMainWindow, QTextBrowser, QTreeView

from gp_desktop.corpus.act_html import document_html, style_sheet
from gp_desktop.corpus.reader import Corpus
from gp_desktop.paths import bundled_corpus

TREE_KINDS = ("part", "chapter", "clause")
MENUS = ("Файл", "Правка", "Переход", "Вид", "Справка")


def main(argv: list[str]) -> int:
    width, height = (int(argv[0]), int(argv[1])) if len(argv) == 2 else (1280, 800)
    app = QApplication(sys.argv[:1])
    corpus = Corpus(bundled_corpus())
    window = QMainWindow()
    window.setWindowTitle("the act alone")
    reader = QTextBrowser()
    reader.document().setDefaultStyleSheet(style_sheet(12))
    reader.setHtml(document_html(corpus))
    window.setCentralWidget(reader)

    model = QStandardItemModel()
    items: dict[str, QStandardItem] = {}
    for node in corpus.nodes:
        if node.kind in TREE_KINDS:
            item = QStandardItem(node.title)
            items[node.id] = item
            parent = items.get(node.parent_id or "")
            (parent.appendRow if parent else model.appendRow)(item)
    tree = QTreeView()
    tree.setHeaderHidden(True)
    tree.setModel(model)
    dock = QDockWidget("Оглавление")
    dock.setWidget(tree)
    window.addDockWidget(Qt.DockWidgetArea.LeftDockWidgetArea, dock)

    toolbar = window.addToolBar("Главная")
    for text, keys in (("Назад", "Alt+Left"), ("Вперёд", "Alt+Right"), ("В закладки", "Ctrl+D")):
        action = QAction(text, window)
        action.setShortcut(QKeySequence(keys))
        toolbar.addAction(action)
    for title in MENUS:
        window.menuBar().addMenu(title).addAction(QAction("…", window))

    return show_and_run(app, window, reader, (width, height))


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
