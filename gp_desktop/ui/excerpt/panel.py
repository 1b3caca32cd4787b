"""The excerpt pane: the ticked clauses in the act's order, the выписка as it will print, and
what to do with it (print, preview, save as PDF/ODT/HTML/text, copy with the citation).

The выписка is composed by ``gp_desktop.excerpt`` (plain Python, milliseconds) each time the
choice changes; files are written on a worker thread (``gp_desktop.ui.tasks``), so a long PDF
never stalls the window; printing and its preview use ``gp_desktop.ui.excerpt.printing``, the
same pages as the PDF.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import Any

from PySide6.QtCore import (
    QModelIndex,
    QStandardPaths,
    Qt,
    Signal,
)
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QApplication,
    QCheckBox,
    QFileDialog,
    QGridLayout,
    QLabel,
    QSizePolicy,
    QSplitter,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from gp_desktop.corpus.citations import citation
from gp_desktop.corpus.errors import CorpusError
from gp_desktop.excerpt import Excerpt, compose_excerpt
from gp_desktop.excerpt.files import suggested_name
from gp_desktop.ui import settings as keys
from gp_desktop.ui.excerpt.choice import ExcerptChoice
from gp_desktop.ui.excerpt.preferences import certification_from, paper_from
from gp_desktop.ui.settings import Settings
from gp_desktop.ui.tasks import Tasks
from gp_desktop.ui.widgets.clause_list import clause_entry, clause_list
from gp_desktop.ui.widgets.record_list import RecordListModel
from gp_desktop.ui.widgets.roles import Role
from gp_desktop.ui.widgets.static_browser import StaticBrowser

FILE_FILTERS = {
    ".pdf": "PDF (*.pdf)",
    ".docx": "Документ Word (*.docx)",
    ".odt": "OpenDocument — текст (*.odt)",
    ".html": "HTML (*.html)",
    ".txt": "Текст (*.txt)",
}


class ChosenModel(RecordListModel):
    """The ticked clauses in document order."""

    def __init__(self, choice: ExcerptChoice, parent=None) -> None:
        super().__init__(parent)
        self.choice = choice
        self.set_records(choice.ids)
        choice.changed.connect(lambda _node_ids: self.set_records(choice.ids))

    def record_data(self, node_id: str, role: int) -> Any:
        corpus = self.choice.corpus
        if role == Qt.ItemDataRole.DisplayRole:
            return clause_entry(corpus, node_id)
        if role in (Qt.ItemDataRole.ToolTipRole, Role.CITATION):
            return citation(corpus, node_id)
        if role == Role.NODE_ID:
            return node_id
        if role == Role.KIND:
            return "chosen"
        return None


def _printing():
    """The printing module, imported when first needed rather than with the window: it loads
    QtPrintSupport, about 80 ms that would otherwise come before the window's first paint."""
    from gp_desktop.ui.excerpt import printing

    return printing


class SaveError(Exception):
    """Why a file of the выписка was not written; the message is for the user."""


def _save_on_worker(printing, excerpt: Excerpt, path: str) -> str:
    try:
        return str(printing.save_excerpt(excerpt, path))
    except (CorpusError, OSError) as exc:
        raise SaveError(str(exc)) from None
    except Exception as exc:
        kept = "; прежний файл не изменён" if Path(path).is_file() else ""
        raise SaveError(
            f"{path}: выписка не сохранена (внутренняя ошибка: {exc!r}){kept}"
        ) from None


def _documents() -> str:
    """The user's Documents folder (created if missing), else the home folder."""
    folder = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
    try:
        Path(folder).mkdir(parents=True, exist_ok=True)
    except OSError:
        return str(Path.home())
    return folder or str(Path.home())


BUTTONS_PER_ROW = 3
"""Three buttons a row fit the narrowest pane of a 1024-pixel screen."""


class ExcerptPanel(QWidget):
    saved = Signal(str)
    """A file was written (its path)."""
    save_failed = Signal(str)
    node_chosen = Signal(str)
    message = Signal(str)
    """Something to say in the status bar."""

    def __init__(
        self,
        choice: ExcerptChoice,
        footnotes: bool = True,
        folder: str = "",
        actions: Sequence[QAction] = (),
        parent: QWidget | None = None,
    ) -> None:
        """``actions`` go on the pane's tool bar (print, preview, save, copy, clear): they are
        declared in ``gp_desktop.ui.actions`` and built by the window, which also enables
        them while something is chosen."""
        super().__init__(parent)
        self.choice = choice
        self.corpus = choice.corpus
        self.excerpt: Excerpt | None = None
        self.folder = folder if folder and Path(folder).is_dir() else _documents()

        self.model = ChosenModel(choice, self)
        self.view = clause_list(
            "excerptList", "Пункты выписки", self.model, self._open, self.remove_current
        )

        self.footnotes_box = QCheckBox("Со с&носками")
        self.footnotes_box.setObjectName("excerptFootnotes")
        self.footnotes_box.setToolTip("Включить в выписку сноски об изменениях")
        self.footnotes_box.setChecked(footnotes)
        self.footnotes_box.toggled.connect(lambda _on: self.compose())

        self.preview_view = StaticBrowser()
        self.preview_view.setObjectName("excerptPreview")
        self.preview_view.setAccessibleName("Текст выписки")

        self.empty = QLabel(
            "Отметьте пункты в оглавлении, в тексте (Ctrl+E) или в результатах поиска — "
            "они появятся здесь в порядке акта."
        )
        self.empty.setObjectName("excerptEmpty")
        self.empty.setWordWrap(True)

        # Buttons in rows that wrap to the pane's width: every action stays in sight (a tool
        # bar folded the last ones into its «»» menu once the pane was narrow).
        self.buttons = QWidget()
        self.buttons.setObjectName("excerptButtons")
        grid = QGridLayout(self.buttons)
        grid.setContentsMargins(0, 0, 0, 0)
        grid.setSpacing(2)
        for number, action in enumerate(actions):
            button = QToolButton()
            button.setDefaultAction(action)
            button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
            button.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
            grid.addWidget(button, number // BUTTONS_PER_ROW, number % BUTTONS_PER_ROW)
        rows = -(-len(actions) // BUTTONS_PER_ROW)
        grid.addWidget(self.footnotes_box, rows, 0, 1, BUTTONS_PER_ROW)

        top = QWidget()
        top_layout = QVBoxLayout(top)
        top_layout.setContentsMargins(0, 0, 0, 0)
        top_layout.addWidget(self.empty)
        top_layout.addWidget(self.view, 1)
        splitter = QSplitter(Qt.Orientation.Vertical)
        splitter.setObjectName("excerptSplitter")
        splitter.addWidget(top)
        splitter.addWidget(self.preview_view)
        splitter.setStretchFactor(1, 2)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addWidget(self.buttons)
        layout.addWidget(splitter, 1)

        self._tasks = Tasks(self)
        choice.changed.connect(lambda _ids: self.compose())
        self.compose()

    # -- composing -----------------------------------------------------------------------
    @property
    def footnotes(self) -> bool:
        return self.footnotes_box.isChecked()

    def settings(self) -> Settings | None:
        """The window's settings (the pane is made before it is docked in the window)."""
        settings = getattr(self.window(), "settings", None)
        return settings if isinstance(settings, Settings) else None

    def options(self) -> dict:
        """The paper and the certification the preferences set, for ``compose_excerpt``."""
        settings = self.settings()
        return {"paper": paper_from(settings), "certification": certification_from(settings)}

    def compose(self) -> None:
        ids = self.choice.ids
        self.excerpt = (
            compose_excerpt(self.corpus, ids, self.footnotes, **self.options()) if ids else None
        )
        has = self.excerpt is not None
        self.empty.setVisible(not has)
        self.preview_view.setVisible(has)
        if self.excerpt is None:
            self.preview_view.clear()
        else:
            self.preview_view.setHtml(self.excerpt.html)

    # -- the list ------------------------------------------------------------------------
    def focus(self) -> None:
        """The keyboard focus to the list of chosen clauses."""
        self.view.setFocus(Qt.FocusReason.ShortcutFocusReason)

    def _open(self, index: QModelIndex) -> None:
        node_id = index.data(Role.NODE_ID)
        if node_id:
            self.node_chosen.emit(node_id)

    def remove_current(self) -> None:
        index = self.view.currentIndex()
        if index.isValid():
            self.choice.set_chosen(index.data(Role.NODE_ID), False)

    # -- doing ---------------------------------------------------------------------------
    def print_(self) -> bool:
        if self.excerpt is None:
            return False
        return _printing().print_excerpt(self.window(), self.excerpt)

    def preview(self) -> bool:
        if self.excerpt is None:
            return False
        return _printing().preview_excerpt(self.window(), self.excerpt)

    def copy(self) -> None:
        if self.excerpt is not None:
            QApplication.clipboard().setText(self.excerpt.copy_text())
            self.message.emit("Выписка скопирована с реквизитами")

    def ask_path(self, excerpt: Excerpt, title: str = "Сохранить выписку") -> str | None:
        """The save dialog in the remembered folder (Documents at first) with the short
        name of ``excerpt``; the path with the chosen format's extension, or None."""
        folder = Path(self.folder) if self.folder and Path(self.folder).is_dir() else None
        folder = folder or Path(_documents())
        path, chosen_filter = QFileDialog.getSaveFileName(
            self.window(),
            title,
            str(folder / suggested_name(excerpt, ".pdf")),
            ";;".join(FILE_FILTERS.values()),
            FILE_FILTERS[".pdf"],
        )
        if not path:
            return None
        if Path(path).suffix.lower() not in FILE_FILTERS:
            path += next((s for s, f in FILE_FILTERS.items() if f == chosen_filter), ".pdf")
        return path

    def save_as(self, path: str | None = None) -> None:
        """Ask where to save (or use ``path``) and write the file on a worker thread."""
        if self.excerpt is not None:
            self.save_document(self.excerpt, path)

    def save_document(self, excerpt: Excerpt, path: str | None = None) -> None:
        """Write ``excerpt`` (the выписка, or the act from «Экспорт акта…») on a worker."""
        if path is None:
            path = self.ask_path(excerpt)
            if path is None:
                return
        self.folder = str(Path(path).parent)
        if settings := self.settings():
            settings.set(keys.EXCERPT_FOLDER, self.folder)
        self.message.emit(f"Сохраняется выписка: {path}")
        printing = _printing()  # imported here, on the GUI thread, not first on the worker
        self._tasks.run(
            lambda: _save_on_worker(printing, excerpt, path),
            lambda written, error: self._on_saved(written, error),
        )

    def _on_saved(self, written: str | None, error: BaseException | None) -> None:
        if error is not None:
            message = (
                str(error) if isinstance(error, SaveError) else f"{type(error).__name__}: {error}"
            )
            self.save_failed.emit(message)
        else:
            self.message.emit(f"Выписка сохранена: {written}")
            self.saved.emit(written)

    def shutdown(self) -> None:
        # A file being written is finished rather than cut off half-way.
        self._tasks.wait()
