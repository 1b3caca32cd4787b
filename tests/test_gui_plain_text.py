"""Corpus text never becomes rich text that loads files: every widget that shows it, under strace.

A crafted corpus puts ``<img src="file:///…/canary-N.png">`` into the act's title and
number, clause labels, headings, titles and texts, decree titles and numbers, footnotes and
institution names. A child process opens the real window on it, opens clauses, stars and
ticks them, searches, chooses a decree in the history, shows the about box, a warning and
every tooltip of every view (sent as Qt sends them on hover), and paints it all; strace
records every file it opens. No canary may be opened. A QLabel given the same markup in the
same run (the control) must be, or the test could not see anything.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import ROOT, corpus_copy

pytestmark = pytest.mark.skipif(not shutil.which("strace"), reason="needs strace")

CHILD = r"""
import os, sys
from pathlib import Path
from PySide6.QtCore import QEvent, QPoint, Qt
from PySide6.QtGui import QHelpEvent
from PySide6.QtWidgets import QAbstractItemView, QApplication, QLabel, QWidget

from gp_desktop.bookmarks import Bookmarks
from gp_desktop.corpus.reader import Corpus
from gp_desktop.ui.main_window import MainWindow
from gp_desktop.ui.settings import Settings

corpus_path, control = sys.argv[1], sys.argv[2]
app = QApplication([])
corpus = Corpus(corpus_path)
window = MainWindow(corpus, Settings(), Bookmarks.load())
window.resize(1200, 800)
window.show()

def settle(rounds=5):
    for _ in range(rounds):
        app.processEvents()

def hover(widget, pos):
    event = QHelpEvent(QEvent.Type.ToolTip, pos, widget.mapToGlobal(pos))
    QApplication.sendEvent(widget, event)
    settle(1)

def indexes(model, parent=None, limit=2000):
    from PySide6.QtCore import QModelIndex
    stack, seen = [parent or QModelIndex()], 0
    while stack and seen < limit:
        p = stack.pop()
        for row in range(model.rowCount(p)):
            i = model.index(row, 0, p)
            seen += 1
            yield i
            stack.append(i)

settle()
window.search_panel.field.setText("прокурор")
for _ in range(400):
    settle(1)
    if window.search_panel.view.model().rowCount() > 0:
        break
for node in corpus.nodes[:200]:
    window.open_node(node.id)
window.bookmarks.add("polozhenie/p-19")
window.choice.set_chosen("polozhenie/p-19", True)
window.choice.set_chosen("polozhenie/p-15", True)
for dock in window.docks.values():
    dock.show()
    dock.raise_()
settle()
for view in window.findChildren(QAbstractItemView):
    model = view.model()
    if model is None:
        continue
    if hasattr(view, "expandAll"):
        view.expandAll()
    for index in indexes(model):
        view.scrollTo(index, QAbstractItemView.ScrollHint.EnsureVisible)
        rect = view.visualRect(index)
        if rect.isValid():
            hover(view.viewport(), rect.center())
        view.setCurrentIndex(index)
    view.grab()
reader = window.reader
bar = reader.verticalScrollBar()
for value in range(0, bar.maximum() + 1, max(1, reader.viewport().height() // 2)):
    bar.setValue(value)
    for y in range(0, reader.viewport().height(), 12):
        for x in (2, 8, 40, 120):
            hover(reader.viewport(), QPoint(x, y))
for widget in window.findChildren(QWidget):
    if widget.toolTip():
        hover(widget, QPoint(1, 1))
window.show_about()
window.report_startup_problem(f'<img src="file://{control}-warn.png"> в сообщении')
settle()
for widget in QApplication.topLevelWidgets():
    if widget.isVisible():
        widget.grab()
window.grab()
# The control: the same markup in a QLabel left to guess is loaded.
label = QLabel(f'<img src="file://{control}.png">')
label.show()
label.grab()
settle()
print("walked", flush=True)
os._exit(0)
"""


def _crafted(folder: Path, canary: str) -> Path:
    def img(n: int) -> str:
        return f'<img src="file://{canary}-{n}.png">'

    return corpus_copy(
        folder,
        ("UPDATE acts SET title = title || ?, number = number || ?", (img(1), img(2))),
        ("UPDATE nodes SET label = label || ? WHERE kind IN ('clause', 'subclause')", (img(3),)),
        ("UPDATE nodes SET heading = heading || ? WHERE heading != ''", (img(4),)),
        ("UPDATE nodes SET title = title || ?", (img(5),)),
        ("UPDATE nodes SET text = text || ? WHERE kind != 'table'", (img(6),)),
        ("UPDATE amendments SET title = title || ?, number = number || ?", (img(7), img(8))),
        ("UPDATE node_amendments SET footnote = footnote || ?", (img(9),)),
        ("UPDATE institutions SET name = name || ?", (img(10),)),
    )


def test_no_widget_loads_a_file_named_in_corpus_text(tmp_path):
    canary = str(tmp_path / "canary")
    control = str(tmp_path / "control")
    corpus = _crafted(tmp_path, canary)
    log = tmp_path / "strace.log"
    env = {
        **os.environ,
        "QT_QPA_PLATFORM": "offscreen",
        "PYTHONIOENCODING": "utf-8",
        **{
            k: str(tmp_path / k.lower())
            for k in ("XDG_CONFIG_HOME", "XDG_DATA_HOME", "XDG_CACHE_HOME")
        },
    }
    result = subprocess.run(
        [
            "strace",
            "-f",
            "-qq",
            "-e",
            "trace=%file",
            "-o",
            str(log),
            sys.executable,
            "-c",
            CHILD,
            str(corpus),
            control,
        ],
        capture_output=True,
        text=True,
        encoding="utf-8",
        cwd=ROOT,
        env=env,
        timeout=600,
    )
    assert result.returncode == 0 and "walked" in result.stdout, result.stderr[-3000:]
    opened = [
        line
        for line in log.read_text(encoding="utf-8", errors="replace").splitlines()
        if "execve(" not in line
    ]
    assert any(f"{control}.png" in line for line in opened), "the control was not seen: no test"
    loaded = [line for line in opened if canary in line or f"{control}-warn" in line]
    assert loaded == [], loaded[:5]
