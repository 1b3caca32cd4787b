"""A text browser that shows only what it is given: no link is followed, nothing is loaded.

The reader and the excerpt preview both show HTML built from the act. Its text is escaped,
but the browser is the last line: ``loadResource`` answers every request (image, style sheet,
any URL or file) with nothing and notes it, and clicked links are only reported.
"""

from __future__ import annotations

from PySide6.QtCore import QUrl
from PySide6.QtWidgets import QTextBrowser, QWidget


class StaticBrowser(QTextBrowser):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.refused_resources: list[str] = []
        self.setOpenLinks(False)
        self.setOpenExternalLinks(False)
        self.setReadOnly(True)
        self.setUndoRedoEnabled(False)

    def loadResource(self, type: int, name: QUrl | str):
        self.refused_resources.append(QUrl(name).toString())
        return None
