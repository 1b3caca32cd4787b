"""The main window: it creates the panes around the reader, connects their signals and
restores the layout — wiring, not features. Each feature lives in its package and says what the
user chose by a signal; the window decides what follows. State several panes show lives in one
store each, a QObject with a ``changed`` signal (``ExcerptChoice``, ``BookmarksStore``,
``History``); the layout and the work in hand are kept by ``session.py``. Actions, menus and
tool bars are declared in ``actions.py``, the docks in ``panes.py``; ``docs/architecture.md``
tells where a new pane or action goes.
"""

from __future__ import annotations

import sys
from collections.abc import Iterable

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QCloseEvent
from PySide6.QtWidgets import QApplication, QLabel, QMainWindow, QMessageBox

from gp_desktop.bookmarks import Bookmarks
from gp_desktop.corpus.citations import citation, resolve
from gp_desktop.corpus.footnotes import short_date
from gp_desktop.corpus.outline import choice_node, tree_node_id
from gp_desktop.corpus.reader import Corpus
from gp_desktop.ui import actions as declared
from gp_desktop.ui import settings as keys
from gp_desktop.ui.about import show_about
from gp_desktop.ui.bookmarks.panel import BookmarksPanel
from gp_desktop.ui.bookmarks.store import BookmarksStore
from gp_desktop.ui.citation_copy import CitationCopier, add_tree_menu
from gp_desktop.ui.editions.feature import EditionsFeature
from gp_desktop.ui.excerpt.choice import ExcerptChoice
from gp_desktop.ui.excerpt.panel import ExcerptPanel
from gp_desktop.ui.help.window import HelpWindow
from gp_desktop.ui.history import History
from gp_desktop.ui.look import Look
from gp_desktop.ui.look_menu import LookMenu
from gp_desktop.ui.navigator.panel import Navigator
from gp_desktop.ui.panes import Panes
from gp_desktop.ui.reader.goto_dialog import GotoDialog
from gp_desktop.ui.reader.view import Reader
from gp_desktop.ui.search.panel import SearchPanel
from gp_desktop.ui.search.service import Opener, SearchService
from gp_desktop.ui.search.start import start_after_first_paint
from gp_desktop.ui.session import Session
from gp_desktop.ui.settings import Settings
from gp_desktop.ui.timeline.panel import TimelinePanel
from gp_desktop.ui.widgets import plain_text
from gp_desktop.ui.widgets.action_tips import add_shortcut_tips
from gp_desktop.ui.widgets.first_paint import FirstPaint

APP_TITLE = "Положение о Генеральной прокуратуре"
START_NODE = "polozhenie"
RESULTS_TITLE = "Результаты поиска"


class MainWindow(QMainWindow):
    first_painted = Signal()
    node_opened = Signal(str)

    def __init__(
        self,
        corpus: Corpus,
        settings: Settings,
        bookmarks: Bookmarks,
        search_opener: Opener | None = None,
        persist: bool = True,
    ) -> None:
        """Prefer ``gp_desktop.ui.window_factory.make_window``, which finds the defaults."""
        super().__init__()
        self.corpus = corpus
        self.settings = settings
        self.persist = persist
        self.current_node = ""
        self.goto_dialog: GotoDialog | None = None
        self.help_window: HelpWindow | None = None
        app = QApplication.instance()
        self.look = Look(app, settings.get(keys.LOOK), settings.get(keys.WINDOW_FONT_SIZE))

        self.setObjectName("mainWindow")
        self.setWindowTitle(
            f"{APP_TITLE} — редакция на {short_date(corpus.act.edition_date)} — gp-desktop"
        )
        self.setDockOptions(
            QMainWindow.DockOption.AnimatedDocks | QMainWindow.DockOption.AllowTabbedDocks
        )

        # The stores the panes share.
        self.choice = ExcerptChoice(corpus, self)
        self.bookmarks = BookmarksStore(bookmarks, self)
        self.bookmarks.follow_activation(self)
        self.history = History(self)
        self.session = Session(self)
        self.search_service = SearchService(corpus, search_opener, self)
        self.citation_copy = CitationCopier(self)
        self.actions = declared.build_actions(self)

        self.reader = Reader(corpus, settings.get(keys.FONT_SIZE))
        self.reader.setObjectName("reader")
        self.reader.context_actions = [self.actions[n] for n in declared.READER_CONTEXT_MENU]
        self.setCentralWidget(self.reader)
        self._first_paint = FirstPaint(self.reader.viewport())
        self._first_paint.painted.connect(self.first_painted)

        self.navigator = Navigator(corpus, self.choice)
        tree_menu = [self.actions[n] for n in declared.TREE_CONTEXT_MENU]
        for view in (self.navigator.act_view, self.navigator.institution_view):
            add_tree_menu(view, tree_menu, self.citation_copy.point)
        self.search_panel = SearchPanel(self.search_service, self.actions["exact"], self.choice)
        self.timeline = TimelinePanel(corpus, settings.get(keys.CHANGED_SINCE))
        self.bookmarks_panel = BookmarksPanel(corpus, self.bookmarks)
        # Editions: its pane here, its chooser, band and notices once the window is built.
        self.editions = EditionsFeature(self)
        self.excerpt_panel = ExcerptPanel(
            self.choice,
            settings.get(keys.EXCERPT_FOOTNOTES),
            settings.get(keys.EXCERPT_FOLDER),
            [self.actions[n] for n in declared.EXCERPT_TOOLBAR],
        )
        self.panes = Panes(
            self,
            {
                "navigator": self.navigator,
                "search": self.search_panel,
                "timeline": self.timeline,
                "bookmarks": self.bookmarks_panel,
                "excerpt": self.excerpt_panel,
                "clauseHistory": self.editions.clause_history,
            },
        )
        self.docks = self.panes.docks
        self.look_menu = LookMenu(self.look, self)
        self.menus = declared.build_menus(
            self.menuBar(),
            self.actions,
            {
                "panels": self.panes.fill_menu,
                "colours": self.look_menu.fill_colours,
                "window_font": self.look_menu.fill_fonts,
            },
        )
        add_shortcut_tips(self.actions.values())
        label = QLabel("П&оиск: ")
        label.setBuddy(self.search_panel.field)
        search = {declared.SEARCH_FIELD: (label, self.search_panel.field, self.search_panel.scope)}
        self.toolbar = declared.build_toolbar(self, self.actions, search)
        self.where_label = plain_text.plain_label()
        self.where_label.setObjectName("whereLabel")
        self.statusBar().addWidget(self.where_label, 1)
        self._connect()

        self.actions["exact"].setChecked(settings.get(keys.EXACT_FORM))
        self.session.restore_work()
        self.navigator.set_bookmarked(self.bookmarks.node_ids)
        self.session.restore_layout()
        self.editions.install()
        start = settings.get(keys.LAST_NODE)
        self.open_node(start if start in corpus.by_id else START_NODE)
        self.update_actions()
        start_after_first_paint(self, self.first_painted, self.search_service.start)

    # -- building ------------------------------------------------------------------------
    def _connect(self) -> None:
        say = self.statusBar().showMessage
        self.navigator.node_chosen.connect(self.open_node)
        self.reader.node_clicked.connect(self._on_reader_click)
        self.reader.node_pointed.connect(self.citation_copy.point)
        self.reader.visible_node_changed.connect(self._set_current)
        self.reader.amendment_clicked.connect(
            lambda node_id: self.panes.activate("timeline").choose_latest_change_of(node_id)
        )
        self.choice.changed.connect(lambda _ids: self.update_actions())
        self.bookmarks.changed.connect(self._on_bookmarks_changed)
        self.bookmarks.added.connect(
            lambda node_id: say(f"В закладках: {citation(self.corpus, node_id)}", 5000)
        )
        self.bookmarks.failed.connect(self.warn)
        self.history.changed.connect(lambda: self.update_actions())
        self.excerpt_panel.node_chosen.connect(self.open_node)
        self.excerpt_panel.message.connect(lambda text: say(text, 8000))
        self.excerpt_panel.save_failed.connect(self.warn)
        self.search_panel.hit_chosen.connect(self.open_hit)
        self.search_panel.results_changed.connect(self._on_results_changed)
        self.search_panel.amendment_chosen.connect(
            lambda event_id: self.panes.activate("timeline").choose_event(event_id)
        )
        self.search_panel.leave_requested.connect(self.focus_reader)
        self.search_service.ready.connect(
            lambda: say(f"Поисковый индекс {self.search_service.where}", 5000)
        )
        self.search_service.unavailable.connect(
            lambda message: say(f"Поиск недоступен: {message}", 15000)
        )
        self.timeline.marks_requested.connect(self.set_marks)
        self.timeline.node_chosen.connect(self.open_node)
        self.bookmarks_panel.node_chosen.connect(self.open_node)

    def update_actions(self) -> None:
        """Enable and check the actions as the state of the window now says."""
        declared.update_actions(self, self.actions)

    # -- layout and settings -------------------------------------------------------------
    def reset_layout(self) -> None:
        self.session.reset_layout()

    def save_settings(self) -> str:
        return self.session.save()

    def closeEvent(self, event: QCloseEvent) -> None:
        self.search_service.shutdown()
        self.excerpt_panel.shutdown()
        if self.persist:
            problem = self.save_settings()
            if problem:
                print(f"gp-desktop: {problem}", file=sys.stderr)
        super().closeEvent(event)

    # -- navigation ----------------------------------------------------------------------
    def open_node(self, node_id: str, words: Iterable[str] = (), remember: bool = True) -> None:
        """Show ``node_id`` in the reader, select it in the tree, remember it in the history."""
        if node_id not in self.corpus.by_id:
            return
        self.reader.show_node(node_id, words)
        self._set_current(tree_node_id(self.corpus, node_id))
        if remember:
            self.history.remember(self.current_node)
        self.node_opened.emit(node_id)

    def _set_current(self, node_id: str) -> None:
        self.current_node = node_id
        self.navigator.follow(node_id)
        self.where_label.setText(citation(self.corpus, node_id))
        declared.update_actions(self, self.actions, ("bookmark", "excerpt_toggle"))

    def _on_reader_click(self, node_id: str) -> None:
        self._set_current(node_id)
        self.history.remember(node_id)

    def go_back(self) -> None:
        if (node_id := self.history.step(-1)) is not None:
            self.open_node(node_id, remember=False)

    def go_forward(self) -> None:
        if (node_id := self.history.step(1)) is not None:
            self.open_node(node_id, remember=False)

    def ask_goto(self) -> None:
        if self.goto_dialog is None:
            self.goto_dialog = GotoDialog(lambda text: resolve(self.corpus, text), self)
            self.goto_dialog.chosen.connect(self.open_and_read)
        self.goto_dialog.ask()

    def open_and_read(self, node_id: str) -> None:
        self.open_node(node_id)
        self.reader.setFocus()

    def goto(self, reference: str) -> bool:
        node_id = resolve(self.corpus, reference)
        if node_id is None:
            self.statusBar().showMessage(f"Не найден пункт «{reference.strip()}»", 8000)
            return False
        self.open_and_read(node_id)
        return True

    def focus_reader(self) -> None:
        self.reader.setFocus(Qt.FocusReason.ShortcutFocusReason)

    # -- search --------------------------------------------------------------------------
    def focus_search(self) -> None:
        self.toolbar.show()
        self.search_panel.focus_field()

    def open_hit(self, hit) -> None:
        if hit is None:
            return
        self.panes.dock("search").show()
        self.open_node(hit.id, words=getattr(hit, "words", ()))

    def step_hit(self, delta: int) -> None:
        if not self.search_panel.step(delta):
            self.statusBar().showMessage("Нет результатов поиска", 3000)

    def _on_results_changed(self) -> None:
        self.update_actions()
        results = self.search_panel.results
        self.panes.dock("search").setWindowTitle(
            f"{RESULTS_TITLE} ({results.total})" if results is not None else RESULTS_TITLE
        )
        if not self.search_panel.field.text().strip():
            self.reader.clear_words()

    # -- timeline marks ------------------------------------------------------------------
    def set_marks(self, node_ids: list[str], why: str) -> None:
        self.navigator.set_marks(node_ids)
        self.reader.set_marked(node_ids)
        if why:
            self.statusBar().showMessage(why, 8000)
        if node_ids:
            first = min(node_ids, key=lambda n: self.corpus.by_id[n].seq)
            self.open_node(first)

    # -- bookmarks -----------------------------------------------------------------------
    def _on_bookmarks_changed(self) -> None:
        self.navigator.set_bookmarked(self.bookmarks.node_ids)
        declared.update_actions(self, self.actions, ("bookmark",))

    def toggle_bookmark(self) -> None:
        self.bookmarks.toggle(self.current_node)

    # -- excerpt -------------------------------------------------------------------------
    def toggle_excerpt(self) -> None:
        """Tick or untick the hit chosen in the results when they have the focus, else the
        clause open in the reader."""
        hit = self.search_panel.focused_hit()
        node_id = choice_node(self.corpus, hit.id) if hit is not None else self.current_node
        if not node_id:
            return
        chosen = self.choice.toggle(node_id)
        where = citation(self.corpus, node_id)
        verb = "В выписке" if chosen else "Убрано из выписки"
        self.statusBar().showMessage(f"{verb}: {where} (пунктов: {len(self.choice)})", 5000)
        declared.update_actions(self, self.actions, ("excerpt_toggle",))

    # -- misc ----------------------------------------------------------------------------
    def change_font_size(self, delta: int) -> None:
        size = self.reader.zoom(delta, keys.MIN_FONT_SIZE, keys.MAX_FONT_SIZE)
        self.statusBar().showMessage(f"Размер шрифта: {size}", 2000)

    def reset_font_size(self) -> None:
        self.reader.set_font_size(keys.FONT_SIZE.default)

    def warn(self, message: str) -> None:
        """Say something went wrong without blocking: the window stays usable."""
        self.statusBar().showMessage(message, 15000)
        box = plain_text.plain_box(
            QMessageBox(QMessageBox.Icon.Warning, "gp-desktop", message, parent=self)
        )
        box.setObjectName("warningBox")
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        box.open()

    def show_help(self) -> None:
        shown = [a for a in self.actions.values() if a.shortcuts()]
        self.help_window = HelpWindow.show_once(self.help_window, shown, self.corpus.path, self)

    def show_about(self) -> None:
        show_about(self, self.corpus)

    def report_startup_problem(self, message: str) -> None:
        if message:
            self.warn(message)
