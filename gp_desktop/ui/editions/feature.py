"""The editions feature of the main window: which edition is shown, and everything that goes
from one edition to another.

- the edition chooser in the status bar («Редакция от 17.12.2025 — действующая»); choosing
  another edition opens the window again on it, at the same clause, with the excerpt choice
  carried over by id (a clause the edition lacks is named: «отсутствует в редакции от …»);
- a coloured band over the reader while a non-current edition is shown, saying which one, with
  one click back to the current edition;
- История → «Сравнить редакции…», «Изменения после даты…», «Изменения по указу…»: the two
  editions compared in the reader, with the bar of the comparison over it (``comparison.py``);
- Файл → «Обновить текст акта…» (``update.py``): the text read on a worker thread while the
  window stays usable (a busy bar in the status bar), then what it changes; «Принять» writes
  the user's own corpus and opens it;
- «Что нового» once after the open corpus gained a newer edition than the user last saw;
- the notice of a stale text in the status bar, with the update action beside it.

Its actions are declared with the window's in ``ui/actions.py`` (``edition_*``) and its pane in
``ui/panes.py`` (``clauseHistory``); the window makes the feature before its panes and calls
``install()`` once it is built. The feature reaches the window only through its public parts:
``actions``, ``statusBar``, ``open_node``, ``choice``, ``timeline``, ``warn``.
"""

from __future__ import annotations

import datetime as dt
import itertools
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Qt, QTimer
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QInputDialog,
    QLabel,
    QProgressBar,
    QPushButton,
    QToolBar,
    QToolButton,
    QVBoxLayout,
)

from gp_desktop.corpus.citations import citation
from gp_desktop.corpus.diff import ClauseChange, align, diff_editions
from gp_desktop.corpus.editions import edition_label, edition_on, months_old, parse_date
from gp_desktop.corpus.errors import CorpusError
from gp_desktop.corpus.footnotes import short_date
from gp_desktop.corpus.reader import Corpus
from gp_desktop.ui import settings as keys
from gp_desktop.ui.editions.clause_history import ClauseHistory
from gp_desktop.ui.editions.compare import ChangesView
from gp_desktop.ui.editions.comparison import ReaderComparison
from gp_desktop.ui.editions.update import UpdateDialog, prepare_update
from gp_desktop.ui.tasks import Tasks

if TYPE_CHECKING:
    from gp_desktop.ui.main_window import MainWindow

BAND_STYLE = (
    "QLabel#editionBandText { background-color: #fdb863; color: #000000; padding: 6px; "
    "font-weight: bold; }"
)
SOURCE_FILTER = "Тексты акта (*.md *.txt *.html *.htm *.docx);;Все файлы (*)"

_open_windows: set = set()
"""Windows opened on another edition or corpus: kept here until they are closed."""


class EditionsFeature(QObject):
    def __init__(self, window: MainWindow, today: dt.date | None = None) -> None:
        super().__init__(window)
        self.window = window
        self.corpus: Corpus = window.corpus
        self.today = today or dt.date.today()
        self._corpora: dict[str, Corpus] = {self.corpus.edition.id: self.corpus}
        self.dialogs: list[QDialog] = []
        # The pane, handed to the window's panes (ui/panes.py) under «clauseHistory».
        self.clause_history = ClauseHistory(self.decree_editions, self.changes_of_clause)
        self.comparison = ReaderComparison(window, self.corpus_of)
        self._tasks = Tasks(self)
        self._updating = False
        self.whats_new_checked = False
        """«Что нового» was considered (after the first paint), shown or not."""
        self.update_dialog: UpdateDialog | None = None
        """The last text's «Обновить текст акта» dialog, once it was read."""

    @property
    def comparing(self) -> bool:
        """Two editions are compared in the reader."""
        return self.comparison.active

    def install(self) -> None:
        """The rest, once the window has its actions, panes, status bar and layout."""
        window = self.window
        self._build_chooser()
        self._build_band()
        self.comparison.build(self.corpus.editions)
        self._build_currency_notice()
        self.busy = QProgressBar()
        self.busy.setObjectName("updateBusy")
        self.busy.setAccessibleName("Читается текст акта")
        self.busy.setRange(0, 0)  # busy, for as long as it takes
        self.busy.setTextVisible(False)
        self.busy.setMaximumWidth(120)
        self.busy.hide()
        window.statusBar().addPermanentWidget(self.busy)
        window.timeline.view.selectionModel().currentChanged.connect(self.clause_history.follow)
        if not self.corpus.is_current:
            window.setWindowTitle(f"{window.windowTitle()} (недействующая редакция)")
        # «Что нового» (a diff and a dialog) after the first paint, never holding it back; at
        # the latest after a second for a window that is not painted.
        timer = QTimer(self, singleShot=True, interval=1000)
        timer.timeout.connect(self.show_whats_new)
        timer.start()
        window.first_painted.connect(lambda: timer.isActive() and timer.start(0))
        self._whats_new_timer = timer

    # -- building ------------------------------------------------------------------------
    def _build_chooser(self) -> None:
        self.chooser = QComboBox()
        self.chooser.setObjectName("editionChooser")
        self.chooser.setAccessibleName("Редакция акта")
        self.chooser.setToolTip(f"Файл корпуса: {self.corpus.path}")
        for edition in self.corpus.editions:
            self.chooser.addItem(edition_label(edition), edition.id)
        self.chooser.setCurrentIndex(self.chooser.findData(self.corpus.edition.id))
        self.chooser.activated.connect(self._chosen)
        self.window.statusBar().addPermanentWidget(self.chooser)

    def _build_band(self) -> None:
        band = QToolBar("Редакция")
        band.setObjectName("editionBand")
        band.setMovable(False)
        band.toggleViewAction().setVisible(False)
        self.band_text = QLabel()
        self.band_text.setTextFormat(Qt.TextFormat.PlainText)  # corpus text, never markup
        self.band_text.setObjectName("editionBandText")
        self.band_text.setStyleSheet(BAND_STYLE)
        self.band_button = QPushButton("Вернуться к действующей редакции")
        self.band_button.setObjectName("backToCurrent")
        self.band_button.clicked.connect(self.back_to_current)
        band.addWidget(self.band_text)
        band.addWidget(self.band_button)
        self.window.addToolBarBreak(Qt.ToolBarArea.TopToolBarArea)
        self.window.addToolBar(Qt.ToolBarArea.TopToolBarArea, band)
        self.band = band
        self.refresh_band()

    def changes_of_clause(self, old_id: str, new_id: str, node_id: str) -> list[ClauseChange]:
        old, new = self.corpus_of(old_id), self.corpus_of(new_id)
        only = [i for i in (node_id,) if i in old.by_id or i in new.by_id]
        return diff_editions(old, new, only) if only else []

    def refresh_band(self) -> None:
        """Shown exactly while a non-current edition is (after a restored layout too)."""
        shown = self.corpus.edition
        if not shown.current:
            current = self.current_edition
            self.band_text.setText(
                f"Недействующая редакция от {short_date(shown.date)}. "
                f"Действующая — от {short_date(current.date)}."
            )
        self.band.setVisible(not shown.current)
        self.comparison.sync()

    def _build_currency_notice(self) -> None:
        self.currency = QLabel()
        self.currency.setTextFormat(Qt.TextFormat.PlainText)  # corpus text, never markup
        self.currency.setObjectName("currencyNotice")
        self.currency_button = QToolButton()
        self.currency_button.setDefaultAction(self.window.actions["edition_update"])
        self.currency_button.setObjectName("currencyUpdate")
        limit = self.window.settings.get(keys.CURRENCY_MONTHS)
        date = self.current_edition.date
        stale = months_old(date, self.today) >= limit > 0
        if stale:
            # Short, so the status bar's own messages keep their room; the tooltip says all.
            self.currency.setText(f"Текст от {short_date(date)}: старше {limit} мес.")
            self.currency.setToolTip(
                f"Текст акта по состоянию на {short_date(date)} — старше {limit} мес.; "
                "возможно, вышли новые изменения. Обновить: Файл → «Обновить текст акта…»."
            )
            bar = self.window.statusBar()
            bar.addPermanentWidget(self.currency)
            bar.addPermanentWidget(self.currency_button)
        self.stale = stale

    # -- editions ------------------------------------------------------------------------
    @property
    def current_edition(self):
        return next(e for e in self.corpus.editions if e.current)

    def corpus_of(self, edition_id: str) -> Corpus:
        if edition_id not in self._corpora:
            current = self.current_edition.id == edition_id
            self._corpora[edition_id] = Corpus(self.corpus.path, None if current else edition_id)
        return self._corpora[edition_id]

    def diff(self, old_id: str, new_id: str) -> list[ClauseChange]:
        old, new = self.corpus_of(old_id), self.corpus_of(new_id)
        if old.edition.date > new.edition.date:
            old, new = new, old
        return diff_editions(old, new)

    def _chosen(self, index: int) -> None:
        edition_id = self.chooser.itemData(index)
        if edition_id and edition_id != self.corpus.edition.id:
            self.switch_to(edition_id)

    def back_to_current(self) -> MainWindow | None:
        if self.corpus.is_current:
            return None
        return self.switch_to(self.current_edition.id)

    def switch_to(self, edition_id: str) -> MainWindow | None:
        """Open the window again on another edition, at the same clause."""
        try:
            corpus = self.corpus_of(edition_id)
        except CorpusError as exc:
            self.window.report_startup_problem(str(exc))
            return None
        return reopen(self.window, corpus)

    # -- comparing -----------------------------------------------------------------------
    def _show_dialog(self, dialog: QDialog) -> QDialog:
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.dialogs.append(dialog)
        dialog.destroyed.connect(lambda _obj=None, d=dialog: self._forget(d))
        dialog.show()
        return dialog

    def _forget(self, dialog: QDialog) -> None:
        if dialog in self.dialogs:
            self.dialogs.remove(dialog)

    def compare(
        self, old_id: str | None = None, new_id: str | None = None, title: str = ""
    ) -> ReaderComparison | None:
        """Compare two editions in the reader (by default the one shown with the one before)."""
        editions = self.corpus.editions
        if len(editions) < 2:
            self.window.statusBar().showMessage(
                "В корпусе одна редакция: сравнивать не с чем. "
                "Новую редакцию добавляет Файл → «Обновить текст акта…»",
                10000,
            )
            return None
        if new_id is None:
            new_id = self.corpus.edition.id
        if old_id is None:
            earlier = [e for e in editions if e.date < self.corpus_of(new_id).edition.date]
            old_id = (earlier[-1] if earlier else editions[0]).id
            if old_id == new_id:
                new_id = editions[1].id
        self.comparison.open(old_id, new_id)
        if title:
            self.window.statusBar().showMessage(
                f"{title}: изменений {len(self.comparison.changes)}", 8000
            )
        self.window.activateWindow()
        return self.comparison

    def _open_from_dialog(self, node_id: str) -> None:
        if node_id in self.corpus.by_id:
            self.window.open_node(node_id)
            self.window.activateWindow()
        else:
            self.window.statusBar().showMessage(
                f"{node_id} отсутствует в редакции от {short_date(self.corpus.edition.date)}",
                8000,
            )

    def changes_after(self, iso_date: str) -> ReaderComparison | QDialog | None:
        """The clauses changed after ``iso_date``: between the edition in force that day and
        the current one; before the earliest edition, the clauses the footnotes name."""
        try:
            since = edition_on(self.corpus.editions, iso_date)
        except CorpusError:
            since = None
        current = self.current_edition
        if since is not None and since.id != current.id:
            return self.compare(since.id, current.id, f"Изменения после {short_date(iso_date)}")
        return self._footnoted_changes(iso_date)

    def _footnoted_changes(self, iso_date: str) -> QDialog:
        corpus = self.corpus_of(self.current_edition.id)
        ids = corpus.changed_since(iso_date)
        changes = [ClauseChange(i, i, citation(corpus, i), "changed", "", "", ()) for i in ids]
        dialog = QDialog(self.window)
        dialog.setObjectName("changedSinceDialog")
        dialog.setWindowTitle(f"Изменения после {short_date(iso_date)}")
        view = ChangesView()
        view.set_changes(
            changes,
            f"Пунктов, изменённых указами после {short_date(iso_date)}: {len(ids)} "
            "(по сноскам; прежних редакций этих пунктов в корпусе нет)",
        )
        view.view.setHtml("<p>Прежняя редакция пунктов в корпусе не хранится.</p>")
        view.list.currentRowChanged.disconnect()
        view.node_chosen.connect(self._open_from_dialog)
        view.list.currentRowChanged.connect(
            lambda row: 0 <= row < len(ids) and self.window.open_node(ids[row])
        )
        layout = QVBoxLayout(dialog)
        layout.addWidget(view)
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        close.rejected.connect(dialog.reject)
        layout.addWidget(close)
        dialog.changes = view  # type: ignore[attr-defined]
        dialog.resize(700, 500)
        return self._show_dialog(dialog)

    def ask_changes_after(self) -> None:
        default = short_date(self.window.settings.get(keys.CHANGED_SINCE))
        text, ok = QInputDialog.getText(
            self.window, "Изменения после даты", "Дата (ДД.ММ.ГГГГ):", text=default
        )
        if not ok:
            return
        try:
            self.changes_after(parse_date(text))
        except CorpusError as exc:
            self.window.statusBar().showMessage(str(exc), 8000)

    def decree_editions(self) -> dict[str, tuple[str, str]]:
        """Decrees whose editions before and after are both held: amendment id → (before,
        after) edition ids."""
        editions = self.corpus.editions
        found = {}
        for before, after in itertools.pairwise(editions):
            if after.amendment_id:
                found[after.amendment_id] = (before.id, after.id)
        return found

    def decree_changes(self, amendment_id: str) -> ReaderComparison | None:
        pair = self.decree_editions().get(amendment_id)
        if pair is None:
            self.window.statusBar().showMessage(
                "Редакции до и после этого указа в корпусе нет", 8000
            )
            return None
        after = self.corpus_of(pair[1]).edition
        return self.compare(
            pair[0],
            pair[1],
            f"Изменения Указом № {after.amendment_number} от {short_date(after.date)}",
        )

    def ask_decree(self) -> None:
        pairs = self.decree_editions()
        if not pairs:
            self.window.statusBar().showMessage(
                "В корпусе нет редакций до и после одного указа: сравнивать не с чем", 8000
            )
            return
        by_label = {
            f"№ {self.corpus_of(after).edition.amendment_number} от "
            f"{short_date(self.corpus_of(after).edition.date)}": aid
            for aid, (_before, after) in pairs.items()
        }
        label, ok = QInputDialog.getItem(
            self.window, "Изменения по указу", "Указ:", list(by_label), len(by_label) - 1, False
        )
        if ok and label:
            self.decree_changes(by_label[label])

    # -- updating ------------------------------------------------------------------------
    def ask_update(self) -> None:
        path, _filter = QFileDialog.getOpenFileName(
            self.window, "Обновить текст акта", "", SOURCE_FILTER
        )
        if path:
            self.update_from(path)

    @property
    def updating(self) -> bool:
        """A text is being read on the worker."""
        return self._updating

    def update_from(self, source: str) -> None:
        """Read ``source`` on a worker beside the user's corpus, then show what it changes in
        ``update_dialog``; nothing is replaced until «Принять». Returns at once."""
        if self._updating:
            self.window.statusBar().showMessage("Текст акта уже читается — подождите", 5000)
            return
        current = self.corpus_of(self.current_edition.id)
        path = self.corpus.path
        self.update_dialog = None
        self._set_busy(True, f"Читается текст акта: {Path(source).name}…")
        self._tasks.run(lambda: prepare_update(source, path, current), self._update_ready)

    def _set_busy(self, busy: bool, message: str = "") -> None:
        self._updating = busy
        self.busy.setVisible(busy)
        self.window.actions["edition_update"].setEnabled(not busy)
        # No application-wide busy cursor: the window is usable meanwhile, and a window
        # closed before the answer came would leave the cursor busy.
        if busy:
            self.window.statusBar().showMessage(message)
        else:
            self.window.statusBar().clearMessage()

    def _update_ready(self, result, error: BaseException | None) -> None:
        self._set_busy(False)
        if error is not None:
            if not isinstance(error, (CorpusError, OSError)):
                print(f"gp-desktop: {type(error).__name__}: {error}", file=sys.stderr)
            self.window.warn(f"Текст акта не добавлен: {error}")
            return
        prepared, changes = result
        if not self.window.isVisible():  # closed meanwhile: nobody to ask
            prepared.discard()
            return
        dialog = UpdateDialog(prepared, changes, self.window)
        dialog.finished.connect(lambda answer: self._finish_update(dialog, answer))
        self.update_dialog = dialog
        self._show_dialog(dialog)

    def _finish_update(self, dialog: UpdateDialog, result: int) -> None:
        prepared = dialog.prepared
        if result != QDialog.DialogCode.Accepted:
            prepared.discard()
            return
        try:
            path = prepared.accept()
            corpus = Corpus(path)
        except CorpusError as exc:
            self.window.warn(f"Текст акта не добавлен: {exc}")
            return
        self.updated_window = reopen(self.window, corpus)

    # -- notices -------------------------------------------------------------------------
    def show_whats_new(self) -> QDialog | None:
        """Once after the open corpus gained a newer edition than the user last saw."""
        self.whats_new_checked = True
        settings = self.window.settings
        seen = settings.get(keys.LAST_SEEN_EDITION)
        current = self.current_edition
        if not self.corpus.is_current:
            return None
        if seen >= current.date:  # an older corpus opened meanwhile: the newest stays seen
            return None
        settings.set(keys.LAST_SEEN_EDITION, current.date)
        if not seen:
            return None
        held = {e.date: e.id for e in self.corpus.editions}
        if seen in held:
            changes = self.diff(held[seen], current.id)
            note = f"Что изменилось с редакции от {short_date(seen)}"
        else:
            ids = self.corpus.changed_since(seen)
            changes = [
                ClauseChange(i, i, citation(self.corpus, i), "changed", "", "", ()) for i in ids
            ]
            note = f"Пункты, изменённые после {short_date(seen)} (по сноскам)"
        dialog = QDialog(self.window)
        dialog.setObjectName("whatsNewDialog")
        dialog.setWindowTitle("Что нового")
        text = QLabel(f"Открыта новая редакция акта — от {short_date(current.date)}. {note}:")
        text.setTextFormat(Qt.TextFormat.PlainText)  # the note names clauses: never markup
        text.setWordWrap(True)
        view = ChangesView()
        view.set_changes(changes)
        view.node_chosen.connect(self._open_from_dialog)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        if seen in held:
            compare = buttons.addButton(
                "Сравнить редакции…", QDialogButtonBox.ButtonRole.ActionRole
            )
            compare.clicked.connect(lambda: self.compare(held[seen], current.id))
        buttons.rejected.connect(dialog.reject)
        layout = QVBoxLayout(dialog)
        layout.addWidget(text)
        layout.addWidget(view, 1)
        layout.addWidget(buttons)
        dialog.changes = view  # type: ignore[attr-defined]
        dialog.resize(800, 500)
        self.whats_new = dialog
        return self._show_dialog(dialog)


def reopen(window: MainWindow, corpus: Corpus) -> MainWindow:
    """A new main window on ``corpus`` in place of ``window``: same layout, the same clause
    (matched by id, or by its place when renumbered), the excerpt choice carried over."""
    from gp_desktop.ui.main_window import MainWindow

    new = MainWindow(corpus, window.settings, window.bookmarks.bookmarks, persist=window.persist)
    new.restoreGeometry(window.saveGeometry())
    new.restoreState(window.saveState())
    new.editions.refresh_band()
    matched = align(window.corpus, corpus).pairs
    node = matched.get(window.current_node, window.current_node)
    if node in corpus.by_id:
        new.open_node(node)
    # Clauses chosen in an edition that lacks them were kept aside: they come back here.
    kept = [i for i in getattr(window, "absent_from_choice", []) if i not in window.choice]
    present = [matched.get(i, i) for i in window.choice.ids if matched.get(i, i) in corpus.by_id]
    present += [i for i in kept if i in corpus.by_id]
    absent = [i for i in window.choice.ids if matched.get(i, i) not in corpus.by_id]
    absent += [i for i in kept if i not in corpus.by_id]
    new.choice.set_all(present)
    if absent:
        names = ", ".join(
            citation(window.corpus, i) if i in window.corpus.by_id else i for i in absent
        )
        new.statusBar().showMessage(
            f"Из выписки отсутствует в редакции от {short_date(corpus.edition.date)}: {names}",
            15000,
        )
        new.absent_from_choice = absent  # type: ignore[attr-defined]
    new.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    _open_windows.add(new)
    new.destroyed.connect(lambda _obj=None, w=new: _open_windows.discard(w))
    new.show()
    window.close()
    return new
