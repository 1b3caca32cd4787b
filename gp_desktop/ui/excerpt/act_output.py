"""Файл → «Печать акта…» and «Экспорт акта…»: the whole act, a part or a chapter on paper.

The act is composed as a выписка is (``excerpt.compose.compose_act``) and goes the same way:
the same pages for the printer, the preview and the PDF, the same DOCX, ODT, HTML and text,
the same paper and certification from the preferences. A small dialog asks what to take.
"""

from __future__ import annotations

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QLabel,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from gp_desktop.corpus import model as m
from gp_desktop.corpus.errors import CorpusError
from gp_desktop.corpus.reader import Corpus
from gp_desktop.excerpt.compose import compose_act


def act_parts(corpus: Corpus) -> list[tuple[str, str]]:
    """(node id, what the list shows) for each part and, under it, each chapter."""
    rows = []
    for part in corpus.parts():
        rows.append((part.id, (part.heading or part.title).replace("\n", " ")))
        for child in corpus.children(part.id):
            if child.kind == m.CHAPTER:
                name = " ".join(x for x in (child.label, child.heading) if x).replace("\n", " ")
                rows.append((child.id, f"    {name}"))
    return rows


class ActPartDialog(QDialog):
    """«Весь акт» or one part or chapter of it."""

    def __init__(self, corpus: Corpus, title: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("actPartDialog")
        self.setWindowTitle(title)
        self.whole = QRadioButton("&Весь акт")
        self.whole.setChecked(True)
        self.part = QRadioButton("&Часть или глава:")
        self.parts = QComboBox()
        self.parts.setObjectName("actParts")
        for node_id, shown in act_parts(corpus):
            self.parts.addItem(shown, node_id)
        self.parts.setEnabled(False)
        self.part.toggled.connect(self.parts.setEnabled)
        note = QLabel("Оформление — как у выписки (Выписка → Настройки выписки…).")
        note.setWordWrap(True)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText("&Далее…")
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setText("&Отмена")
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        for widget in (self.whole, self.part, self.parts, note, buttons):
            layout.addWidget(widget)

    def refs(self) -> list[str]:
        """No refs: the whole act."""
        return [] if self.whole.isChecked() else [self.parts.currentData()]


def _compose(window, dialog: ActPartDialog):
    panel = window.excerpt_panel
    try:
        return compose_act(window.corpus, dialog.refs(), True, **panel.options())
    except CorpusError as exc:
        window.warn(str(exc))
        return None


def _ask(window, title: str, then) -> ActPartDialog:
    dialog = ActPartDialog(window.corpus, title, window)
    dialog.accepted.connect(lambda: (excerpt := _compose(window, dialog)) and then(excerpt))
    dialog.open()
    window.act_dialog = dialog
    return dialog


def print_act(window) -> ActPartDialog:
    """Choose the part, then the print dialog (the same pages as the PDF)."""
    from gp_desktop.ui.excerpt import printing

    def run(excerpt) -> None:
        try:
            printing.print_excerpt(window, excerpt)
        except CorpusError as exc:
            window.warn(str(exc))

    return _ask(window, "Печать акта", run)


def export_act(window) -> ActPartDialog:
    """Choose the part, then the file (PDF, DOCX, ODT, HTML, text), written on a worker."""
    panel = window.excerpt_panel

    def run(excerpt) -> None:
        path = panel.ask_path(excerpt, "Экспорт акта")
        if path:
            panel.save_document(excerpt, path)

    return _ask(window, "Экспорт акта", run)
