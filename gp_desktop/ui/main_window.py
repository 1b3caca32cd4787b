"""The main window: the panes around the reader, its actions and menus, and what links them.

Panes do not reach into each other: each says what the user chose (a node, a hit, marks) by
a signal and the window decides what follows (the reader scrolls, the tree follows, the
status bar says where we are). Actions live in one registry by name, grouped in menus by
feature, so a new feature (the excerpt pane) adds its dock, menu and actions in one place.
"""

from __future__ import annotations

import gc
import html
import sys
from collections.abc import Callable, Iterable

from PySide6.QtCore import QEvent, QObject, QRect, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QCloseEvent, QKeySequence
from PySide6.QtWidgets import (
    QApplication,
    QDockWidget,
    QLabel,
    QMainWindow,
    QMenu,
    QMessageBox,
    QToolBar,
    QWidget,
)

from gp_desktop import __version__
from gp_desktop.bookmarks import Bookmarks, BookmarksFileError
from gp_desktop.corpus.citations import citation, formal_citation, resolve
from gp_desktop.corpus.footnotes import short_date
from gp_desktop.corpus.outline import choice_node, tree_node_id
from gp_desktop.corpus.reader import Corpus
from gp_desktop.ui import settings as keys
from gp_desktop.ui.bookmarks.panel import BookmarksPanel
from gp_desktop.ui.excerpt.choice import ExcerptChoice
from gp_desktop.ui.excerpt.panel import ExcerptPanel
from gp_desktop.ui.first_start import available_area, first_layout
from gp_desktop.ui.help.window import HelpWindow
from gp_desktop.ui.look import Look
from gp_desktop.ui.look_menu import LookMenu
from gp_desktop.ui.navigator.panel import Navigator
from gp_desktop.ui.reader.goto_dialog import GotoDialog
from gp_desktop.ui.reader.view import Reader
from gp_desktop.ui.search.panel import SearchPanel
from gp_desktop.ui.search.service import Opener, SearchService
from gp_desktop.ui.settings import Settings
from gp_desktop.ui.timeline.panel import TimelinePanel
from gp_desktop.ui.widgets import icons
from gp_desktop.ui.widgets.action_tips import add_shortcut_tips
from gp_desktop.ui.widgets.roles import Role

APP_TITLE = "Положение о Генеральной прокуратуре"
START_NODE = "polozhenie"
HISTORY_LIMIT = 200
SEARCH_START_LATEST_MS = 1000
"""A window that is not painted by then (hidden, minimised) starts its search anyway."""


def _freeze_startup_objects() -> None:
    """Once per process, after the first window is up: the modules, the corpus and the window
    live as long as the process, so the collector's full passes need not walk them. Each pass
    stops every thread, and while the index builds (many new objects) they came every few
    hundred ms and took 20–30 ms of the window's time; frozen, they take a millisecond or two.
    Reference counting still frees whatever of it is dropped later."""
    if not getattr(_freeze_startup_objects, "done", False):
        _freeze_startup_objects.done = True  # type: ignore[attr-defined]
        gc.freeze()


class _FirstPaint(QObject):
    """Tells once when a widget has been painted for the first time."""

    painted = Signal()

    def __init__(self, widget: QWidget) -> None:
        super().__init__(widget)
        self._done = False
        widget.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if not self._done and event.type() == QEvent.Type.Paint:
            self._done = True
            watched.removeEventFilter(self)
            self.painted.emit()
        return False


def about_text(corpus: Corpus) -> str:
    act = corpus.act
    return (
        f"<h3>gp-desktop {html.escape(__version__)}</h3>"
        "<p>Справочник без сети: "
        f"{html.escape(act.kind)} от {short_date(act.date)} № {html.escape(act.number)} "
        f"«{html.escape(act.title)}» и утверждённое им Положение о Генеральной прокуратуре "
        "Республики Казахстан.</p>"
        f"<p>Редакция акта по состоянию на <b>{short_date(act.edition_date)}</b>.</p>"
        f"<p>Корпус: {html.escape(corpus.path.name)}<br>"
        f"SHA-256: <tt>{corpus.file_sha256}</tt></p>"
        "<p>Программа ничего не загружает из сети.</p>"
    )


def _keep_access_letter(dock: QDockWidget) -> None:
    """The pane's entry in «Вид → Панели» opens with the first letter of its title; Qt
    rewrites the entry's text whenever the title changes («Результаты поиска (6)»)."""
    action = dock.toggleViewAction()

    def mark(title: str) -> None:
        if "&" not in title:
            action.setText(f"&{title}")

    dock.windowTitleChanged.connect(mark)
    mark(dock.windowTitle())


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
        super().__init__()
        self.corpus = corpus
        self.settings = settings
        self.bookmarks = bookmarks
        self.persist = persist
        self.current_node = ""
        self._history: list[str] = []
        self._history_at = -1
        self.actions: dict[str, QAction] = {}
        self.menus: dict[str, QMenu] = {}
        self.docks: dict[str, QDockWidget] = {}
        self.goto_dialog: GotoDialog | None = None

        self.setObjectName("mainWindow")
        self.setWindowTitle(
            f"{APP_TITLE} — редакция на {short_date(corpus.act.edition_date)} — gp-desktop"
        )
        self.setDockOptions(
            QMainWindow.DockOption.AnimatedDocks | QMainWindow.DockOption.AllowTabbedDocks
        )

        self.reader = Reader(corpus, settings.get(keys.FONT_SIZE))
        self.reader.setObjectName("reader")
        self.setCentralWidget(self.reader)
        self._first_paint = _FirstPaint(self.reader.viewport())
        self._first_paint.painted.connect(self.first_painted)

        self.search_service = SearchService(corpus, search_opener, self)
        self.choice = ExcerptChoice(corpus, self)
        self.navigator = Navigator(corpus, self.choice)
        self.search_panel = SearchPanel(self.search_service)
        self.search_panel.model.attach_choice(self.choice)
        self.timeline = TimelinePanel(corpus, settings.get(keys.CHANGED_SINCE))
        self.bookmarks_panel = BookmarksPanel(corpus, bookmarks)
        self.excerpt_panel = ExcerptPanel(
            self.choice, settings.get(keys.EXCERPT_FOOTNOTES), settings.get(keys.EXCERPT_FOLDER)
        )

        self.look = Look(
            QApplication.instance(), settings.get(keys.LOOK), settings.get(keys.WINDOW_FONT_SIZE)
        )
        self.look_menu = LookMenu(self.look, self)
        self.help_window: HelpWindow | None = None

        self._build_docks()
        self._build_actions()
        self._build_menus_and_toolbar()
        add_shortcut_tips(self.actions.values())
        self._build_status_bar()
        self._connect()

        self.search_panel.exact_action.setChecked(settings.get(keys.EXACT_FORM))
        self._restore_session()
        self.navigator.act_model.set_bookmarked(b.node_id for b in bookmarks)
        self._restore_layout()
        start = settings.get(keys.LAST_NODE)
        self.open_node(start if start in corpus.by_id else START_NODE)
        # Search (Whoosh, the dictionary, the first time an index build) starts once the
        # window is on screen: started earlier, the worker's imports and analysis would take
        # turns with the first paint on the interpreter lock and hold it back.
        self._search_start = QTimer(self, singleShot=True, interval=SEARCH_START_LATEST_MS)
        self._search_start.timeout.connect(self._start_search)
        self._search_start.start()
        self.first_painted.connect(self._start_search_soon)

    def _start_search_soon(self) -> None:
        # A zero timer fires once the paint under way has been drawn; not at all if the
        # latest start has come first.
        if self._search_start.isActive():
            self._search_start.start(0)

    def _start_search(self) -> None:
        _freeze_startup_objects()
        self.search_service.start()

    # -- building ------------------------------------------------------------------------
    def _dock(self, name: str, title: str, widget: QWidget, area: Qt.DockWidgetArea) -> QDockWidget:
        dock = QDockWidget(title, self)
        dock.setObjectName(name)
        dock.setWidget(widget)
        dock.setAccessibleName(title)
        self.addDockWidget(area, dock)
        self.docks[name] = dock
        return dock

    def _build_docks(self) -> None:
        left, right = Qt.DockWidgetArea.LeftDockWidgetArea, Qt.DockWidgetArea.RightDockWidgetArea
        self._dock("navigatorDock", "Оглавление", self.navigator, left)
        self._dock("searchDock", "Результаты поиска", self.search_panel, right)
        timeline = self._dock("timelineDock", "История изменений", self.timeline, right)
        bookmarks = self._dock("bookmarksDock", "Закладки", self.bookmarks_panel, right)
        excerpt = self._dock("excerptDock", "Выписка", self.excerpt_panel, right)
        self.tabifyDockWidget(timeline, bookmarks)
        self.tabifyDockWidget(bookmarks, excerpt)
        timeline.raise_()

    def add_action(
        self,
        name: str,
        text: str,
        slot: Callable[[], object] | None = None,
        shortcuts: Iterable[QKeySequence | QKeySequence.StandardKey | str] = (),
        checkable: bool = False,
        tip: str = "",
    ) -> QAction:
        """Register an action under ``name``; other features add theirs the same way."""
        action = QAction(text, self)
        action.setObjectName(name)
        sequences = [QKeySequence(s) for s in shortcuts]
        if sequences:
            action.setShortcuts(sequences)
        action.setCheckable(checkable)
        if tip:
            action.setToolTip(tip)
            action.setStatusTip(tip)
        if slot is not None:
            action.triggered.connect(lambda _checked=False: slot())
        self.addAction(action)  # shortcuts work even when the menu bar is hidden
        self.actions[name] = action
        return action

    def _focus(self, widget: QWidget, dock: str | None = None) -> Callable[[], None]:
        def focus() -> None:
            if dock:
                self.docks[dock].show()
                self.docks[dock].raise_()
            widget.setFocus(Qt.FocusReason.ShortcutFocusReason)

        return focus

    def _build_actions(self) -> None:
        sk = QKeySequence.StandardKey
        add = self.add_action
        add("quit", "В&ыход", self.close, [sk.Quit])
        add("find", "&Найти…", self.focus_search, [sk.Find], tip="Поиск по тексту акта")
        add("find_next", "С&ледующее совпадение", lambda: self.step_hit(1), ["F3"])
        add("find_previous", "&Предыдущее совпадение", lambda: self.step_hit(-1), ["Shift+F3"])
        self.actions["exact"] = self.search_panel.exact_action
        self.search_panel.exact_action.setObjectName("exact")
        self.search_panel.exact_action.setShortcut(QKeySequence("Ctrl+Shift+E"))
        self.search_panel.exact_action.setText("&Точная форма")
        self.search_panel.exact_action.setIconText("Точная форма")
        self.addAction(self.search_panel.exact_action)
        add(
            "copy_citation",
            "Копировать &ссылку на пункт",
            self.copy_citation,
            ["Ctrl+Shift+C"],
            tip="Скопировать официальную ссылку на текущий пункт",
        )
        back = add("back", "&Назад", self.go_back, [sk.Back])
        back.setIcon(icons.arrow(back=True))
        forward = add("forward", "&Вперёд", self.go_forward, [sk.Forward])
        forward.setIcon(icons.arrow(back=False))
        add(
            "goto", "Перейти к &пункту…", self.ask_goto, ["Ctrl+L"], tip="Например: 19, п. 19, 19.8"
        )
        add("zoom_in", "&Крупнее", lambda: self.change_font_size(1), [sk.ZoomIn, "Ctrl+="])
        add("zoom_out", "&Мельче", lambda: self.change_font_size(-1), [sk.ZoomOut])
        add("zoom_reset", "&Обычный размер", self.reset_font_size, ["Ctrl+0"])
        add("focus_tree", "Перейти в о&главление", self._focus_tree, ["Ctrl+1"])
        add("focus_institutions", "Перейти к &учреждениям", self._focus_institutions, ["Ctrl+2"])
        add("focus_reader", "Перейти к &тексту", self._focus(self.reader), ["Ctrl+3"])
        add(
            "focus_results",
            "Перейти к &результатам поиска",
            self._focus(self.search_panel.view, "searchDock"),
            ["Ctrl+4"],
        )
        add(
            "focus_timeline",
            "Перейти к &истории изменений",
            self._focus(self.timeline.view, "timelineDock"),
            ["Ctrl+5"],
        )
        add(
            "focus_bookmarks",
            "Перейти к зак&ладкам",
            self._focus(self.bookmarks_panel.view, "bookmarksDock"),
            ["Ctrl+6"],
        )
        add(
            "focus_filter",
            "&Фильтр оглавления",
            self._focus(self.navigator.filter_field, "navigatorDock"),
            ["Ctrl+Shift+F"],
        )
        add(
            "changed_since",
            "&Отметить изменённые после даты",
            self._mark_changed_since,
            ["Ctrl+Shift+M"],
        )
        add("clear_marks", "&Снять отметки", self.timeline.clear_marks, ["Ctrl+Shift+X"])
        add("reset_layout", "Восстановить р&асположение панелей", self.reset_layout)
        bookmark = add(
            "bookmark",
            "Добавить в &закладки",
            self.toggle_bookmark,
            ["Ctrl+D"],
            checkable=True,
            tip="Отметить текущий пункт звёздочкой (Ctrl+D)",
        )
        bookmark.setIcon(icons.star())
        self._build_excerpt_actions()
        add(
            "help",
            "&Справка",
            self.show_help,
            [QKeySequence.StandardKey.HelpContents, "F1"],
            tip="Клавиши, поиск, отметки, где хранятся файлы",
        )
        add("about", "&О программе", self.show_about)

    def _build_excerpt_actions(self) -> None:
        sk = QKeySequence.StandardKey
        self.add_action(
            "excerpt_toggle",
            "Отметить для &выписки",
            self.toggle_excerpt,
            ["Ctrl+E"],
            checkable=True,
            tip="Добавить текущий пункт в выписку или убрать его (Ctrl+E)",
        )
        keys_of = {
            "excerpt_print": [sk.Print],
            "excerpt_preview": ["Ctrl+Shift+P"],
            "excerpt_save": [sk.Save],
            "excerpt_copy": ["Ctrl+Alt+C"],
            "excerpt_clear": [],
        }
        for action in self.excerpt_panel.actions:
            shortcuts = [QKeySequence(k) for k in keys_of[action.objectName()]]
            if shortcuts:
                action.setShortcuts(shortcuts)
            self.addAction(action)
            self.actions[action.objectName()] = action
        self.add_action(
            "focus_excerpt",
            "Перейти к в&ыписке",
            self._focus(self.excerpt_panel.view, "excerptDock"),
            ["Ctrl+7"],
        )

    def _build_menus_and_toolbar(self) -> None:
        menubar = self.menuBar()

        def menu(name: str, title: str, items: list[str | None]) -> QMenu:
            m = menubar.addMenu(title)
            m.setObjectName(f"{name}Menu")
            for item in items:
                if item is None:
                    m.addSeparator()
                else:
                    m.addAction(self.actions[item])
            self.menus[name] = m
            return m

        menu("file", "&Файл", ["quit"])
        menu(
            "edit",
            "&Правка",
            ["find", "find_next", "find_previous", "exact", None, "copy_citation"],
        )
        menu("go", "П&ереход", ["back", "forward", None, "goto"])
        view = menu(
            "view",
            "&Вид",
            [
                "zoom_in",
                "zoom_out",
                "zoom_reset",
                None,
                "focus_tree",
                "focus_institutions",
                "focus_reader",
                "focus_results",
                "focus_timeline",
                "focus_bookmarks",
                "focus_filter",
                None,
            ],
        )
        panels = view.addMenu("&Панели")
        for dock in self.docks.values():
            panels.addAction(dock.toggleViewAction())
            _keep_access_letter(dock)
        view.addAction(self.actions["reset_layout"])
        view.addSeparator()
        view.addMenu(self.look_menu.colours)
        view.addMenu(self.look_menu.fonts)
        menu("history", "&История", ["changed_since", "clear_marks"])
        menu("bookmarks", "&Закладки", ["bookmark", "focus_bookmarks"])
        menu(
            "excerpt",
            "Выпис&ка",
            [
                "excerpt_toggle",
                None,
                "excerpt_print",
                "excerpt_preview",
                "excerpt_save",
                "excerpt_copy",
                None,
                "excerpt_clear",
                "focus_excerpt",
            ],
        )
        menu("help", "&Справка", ["help", None, "about"])

        toolbar = QToolBar("Панель инструментов")
        toolbar.setObjectName("mainToolbar")
        toolbar.setMovable(False)
        toolbar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        toolbar.addAction(self.actions["back"])
        toolbar.addAction(self.actions["forward"])
        toolbar.addSeparator()
        toolbar.addAction(self.actions["bookmark"])
        toolbar.addSeparator()
        search_label = QLabel("П&оиск: ")
        search_label.setBuddy(self.search_panel.field)
        toolbar.addWidget(search_label)
        toolbar.addWidget(self.search_panel.field)
        toolbar.addAction(self.search_panel.exact_action)
        self.addToolBar(toolbar)
        self.toolbar = toolbar

    def _build_status_bar(self) -> None:
        self.where_label = QLabel()
        self.where_label.setObjectName("whereLabel")
        edition = QLabel(f"Редакция на {short_date(self.corpus.act.edition_date)}")
        edition.setObjectName("editionLabel")
        self.statusBar().addWidget(self.where_label, 1)
        self.statusBar().addPermanentWidget(edition)

    def _connect(self) -> None:
        self.navigator.node_chosen.connect(self.open_node)
        self.reader.node_clicked.connect(self._on_reader_click)
        self.reader.visible_node_changed.connect(self._on_reader_scrolled)
        self.reader.amendment_clicked.connect(self._on_badge)
        self.reader.context_actions = [
            self.actions[name] for name in ("excerpt_toggle", "bookmark", "copy_citation", "find")
        ]
        self.choice.changed.connect(lambda _ids: self._update_excerpt_action())
        self.excerpt_panel.node_chosen.connect(self.open_node)
        self.excerpt_panel.message.connect(lambda text: self.statusBar().showMessage(text, 8000))
        self.excerpt_panel.save_failed.connect(self._warn)
        self.search_panel.hit_chosen.connect(self.open_hit)
        self.search_panel.results_changed.connect(self._update_hit_actions)
        self.search_panel.amendment_chosen.connect(self._show_event)
        self.search_panel.leave_requested.connect(self._focus(self.reader))
        self.search_service.ready.connect(self._on_index_ready)
        self.search_service.unavailable.connect(
            lambda message: self.statusBar().showMessage(f"Поиск недоступен: {message}", 15000)
        )
        self.timeline.marks_requested.connect(self.set_marks)
        self.timeline.node_chosen.connect(self.open_node)
        self.bookmarks_panel.node_chosen.connect(self.open_node)
        self.bookmarks_panel.remove_requested.connect(self.remove_bookmark)
        self._update_hit_actions()
        self._update_history_actions()

    # -- layout and settings -------------------------------------------------------------
    def _restore_layout(self) -> None:
        geometry = self.settings.get(keys.GEOMETRY)
        state = self.settings.get(keys.DOCK_STATE)
        if geometry.isEmpty() or not self.restoreGeometry(geometry):
            self.setGeometry(first_layout(available_area(self)).geometry)
        if state.isEmpty() or not self.restoreState(state):
            self._default_dock_sizes()

    def _default_dock_sizes(self) -> None:
        """Panes in proportion to the window (first_start.py), the text in the middle."""
        fit = first_layout(QRect(0, 0, self.width(), self.height()))
        self.resizeDocks(
            [self.docks["navigatorDock"], self.docks["searchDock"]],
            [fit.left_width, fit.right_width],
            Qt.Orientation.Horizontal,
        )
        self.resizeDocks(
            [self.docks["searchDock"], self.docks["timelineDock"]],
            [fit.results_height, fit.tabs_height],
            Qt.Orientation.Vertical,
        )

    def reset_layout(self) -> None:
        for name, dock in self.docks.items():
            dock.setFloating(False)
            dock.show()
            area = (
                Qt.DockWidgetArea.LeftDockWidgetArea
                if name == "navigatorDock"
                else Qt.DockWidgetArea.RightDockWidgetArea
            )
            self.addDockWidget(area, dock)
        self.tabifyDockWidget(self.docks["timelineDock"], self.docks["bookmarksDock"])
        self.tabifyDockWidget(self.docks["bookmarksDock"], self.docks["excerptDock"])
        self.docks["timelineDock"].raise_()
        self.toolbar.show()
        self._default_dock_sizes()
        self.settings.reset_layout()

    def _restore_session(self) -> None:
        """The ticked clauses and the search of the last session (run once the index is up)."""
        self.choice.set_all(self.settings.get(keys.EXCERPT_CHOICE).split())
        self.search_panel.field.setText(self.settings.get(keys.SEARCH_TEXT))
        # Kept as they change, not only at a clean quit.
        self.choice.changed.connect(lambda _ids: self._save_choice())

    def _save_choice(self) -> None:
        if self.persist:
            self.settings.set(keys.EXCERPT_CHOICE, " ".join(self.choice.ids))

    def save_settings(self) -> str:
        s = self.settings
        s.set(keys.GEOMETRY, self.saveGeometry())
        s.set(keys.DOCK_STATE, self.saveState())
        s.set(keys.FONT_SIZE, self.reader.font_size)
        s.set(keys.LAST_NODE, self.current_node)
        s.set(keys.EXACT_FORM, self.search_panel.exact_action.isChecked())
        s.set(keys.CHANGED_SINCE, self.timeline.since)
        s.set(keys.EXCERPT_FOOTNOTES, self.excerpt_panel.footnotes)
        s.set(keys.EXCERPT_FOLDER, self.excerpt_panel.folder)
        s.set(keys.EXCERPT_CHOICE, " ".join(self.choice.ids))
        s.set(keys.LOOK, self.look.look)
        s.set(keys.WINDOW_FONT_SIZE, self.look.font_size)
        s.set(keys.SEARCH_TEXT, self.search_panel.field.text())
        return s.sync()

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
            self._remember(self.current_node)
        self.node_opened.emit(node_id)

    def _set_current(self, node_id: str) -> None:
        self.current_node = node_id
        self.navigator.follow(node_id)
        self.where_label.setText(citation(self.corpus, node_id))
        self._update_bookmark_action()
        self._update_excerpt_action()

    def _on_reader_click(self, node_id: str) -> None:
        self._set_current(node_id)
        self._remember(node_id)

    def _on_reader_scrolled(self, node_id: str) -> None:
        self._set_current(node_id)

    def _remember(self, node_id: str) -> None:
        if (
            0 <= self._history_at < len(self._history)
            and self._history[self._history_at] == node_id
        ):
            return
        del self._history[self._history_at + 1 :]
        self._history.append(node_id)
        del self._history[:-HISTORY_LIMIT]
        self._history_at = len(self._history) - 1
        self._update_history_actions()

    def go_back(self) -> None:
        if self._history_at > 0:
            self._history_at -= 1
            self.open_node(self._history[self._history_at], remember=False)
            self._update_history_actions()

    def go_forward(self) -> None:
        if self._history_at < len(self._history) - 1:
            self._history_at += 1
            self.open_node(self._history[self._history_at], remember=False)
            self._update_history_actions()

    def _update_history_actions(self) -> None:
        if "back" in self.actions:
            self.actions["back"].setEnabled(self._history_at > 0)
            self.actions["forward"].setEnabled(self._history_at < len(self._history) - 1)

    def ask_goto(self) -> None:
        if self.goto_dialog is None:
            self.goto_dialog = GotoDialog(lambda text: resolve(self.corpus, text), self)
            self.goto_dialog.chosen.connect(self._went_to)
        self.goto_dialog.ask()

    def _went_to(self, node_id: str) -> None:
        self.open_node(node_id)
        self.reader.setFocus()

    def goto(self, reference: str) -> bool:
        node_id = resolve(self.corpus, reference)
        if node_id is None:
            self.statusBar().showMessage(f"Не найден пункт «{reference.strip()}»", 8000)
            return False
        self.open_node(node_id)
        self.reader.setFocus()
        return True

    def _focus_tree(self) -> None:
        self.docks["navigatorDock"].show()
        self.navigator.tabs.setCurrentWidget(self.navigator.act_view)
        self.navigator.act_view.setFocus(Qt.FocusReason.ShortcutFocusReason)

    def _focus_institutions(self) -> None:
        self.docks["navigatorDock"].show()
        self.navigator.tabs.setCurrentWidget(self.navigator.institution_view)
        self.navigator.institution_view.setFocus(Qt.FocusReason.ShortcutFocusReason)

    # -- search --------------------------------------------------------------------------
    def focus_search(self) -> None:
        field = self.search_panel.field
        self.toolbar.show()
        field.setFocus(Qt.FocusReason.ShortcutFocusReason)
        field.selectAll()

    def _on_index_ready(self) -> None:
        index = self.search_service.index
        where = "в памяти" if getattr(index, "in_memory", False) else "готов"
        self.statusBar().showMessage(f"Поисковый индекс {where}", 5000)

    def open_hit(self, hit) -> None:
        if hit is None:
            return
        self.docks["searchDock"].show()
        self.open_node(hit.id, words=getattr(hit, "words", ()))

    def step_hit(self, delta: int) -> None:
        if not self.search_panel.step(delta):
            self.statusBar().showMessage("Нет результатов поиска", 3000)

    def _update_hit_actions(self) -> None:
        has = self.search_panel.hit_count > 0
        self.actions["find_next"].setEnabled(has)
        self.actions["find_previous"].setEnabled(has)
        results = self.search_panel.results
        title = "Результаты поиска"
        self.docks["searchDock"].setWindowTitle(
            f"{title} ({results.total})" if results is not None else title
        )
        if not self.search_panel.field.text().strip():
            self.reader.clear_words()

    # -- timeline marks ------------------------------------------------------------------
    def set_marks(self, node_ids: list[str], why: str) -> None:
        self.navigator.act_model.set_marked(node_ids)
        self.reader.set_marked(node_ids)
        self.navigator.expand_to(node_ids)
        if why:
            self.statusBar().showMessage(why, 8000)
        if node_ids:
            first = min(node_ids, key=lambda n: self.corpus.by_id[n].seq)
            self.open_node(first)

    def _mark_changed_since(self) -> None:
        self.docks["timelineDock"].show()
        self.docks["timelineDock"].raise_()
        self.timeline.mark_changed_since()

    def _show_event(self, event_id: str) -> None:
        self.docks["timelineDock"].show()
        self.docks["timelineDock"].raise_()
        self.timeline.choose_event(event_id)

    def _on_badge(self, node_id: str) -> None:
        self.docks["timelineDock"].show()
        self.docks["timelineDock"].raise_()
        self.timeline.choose_latest_change_of(node_id)

    # -- bookmarks -----------------------------------------------------------------------
    def _update_bookmark_action(self) -> None:
        action = self.actions.get("bookmark")
        if action is None:
            return
        starred = self.current_node in self.bookmarks
        action.setChecked(starred)
        action.setText("Удалить из &закладок" if starred else "Добавить в &закладки")

    def toggle_bookmark(self) -> None:
        node_id = self.current_node
        if not node_id:
            return
        if node_id in self.bookmarks:
            self.remove_bookmark(node_id)
        else:
            self.add_bookmark(node_id)

    def _bookmarks_changed(self) -> None:
        self.bookmarks_panel.refresh()
        self.navigator.act_model.set_bookmarked(b.node_id for b in self.bookmarks)
        self._update_bookmark_action()

    def add_bookmark(self, node_id: str) -> None:
        try:
            self.bookmarks.add(node_id)
        except BookmarksFileError as exc:
            self._warn(str(exc))
        self._bookmarks_changed()
        self.statusBar().showMessage(f"В закладках: {citation(self.corpus, node_id)}", 5000)

    def remove_bookmark(self, node_id: str) -> None:
        try:
            self.bookmarks.remove(node_id)
        except BookmarksFileError as exc:
            self._warn(str(exc))
        self._bookmarks_changed()

    # -- excerpt -------------------------------------------------------------------------
    def _excerpt_target(self) -> str:
        """The hit chosen in the results when they have the focus, else the current clause."""
        if QApplication.focusWidget() is self.search_panel.view:
            hit = self.search_panel.view.currentIndex().data(Role.RECORD)
            if hit is not None:
                return choice_node(self.corpus, hit.id)
        return self.current_node

    def toggle_excerpt(self) -> None:
        node_id = self._excerpt_target()
        if not node_id:
            return
        chosen = self.choice.toggle(node_id)
        where = citation(self.corpus, node_id)
        verb = "В выписке" if chosen else "Убрано из выписки"
        self.statusBar().showMessage(f"{verb}: {where} (пунктов: {len(self.choice)})", 5000)
        self._update_excerpt_action()

    def _update_excerpt_action(self) -> None:
        action = self.actions.get("excerpt_toggle")
        if action is not None:
            action.setChecked(self.current_node in self.choice)

    # -- misc ----------------------------------------------------------------------------
    def change_font_size(self, delta: int) -> None:
        size = max(keys.MIN_FONT_SIZE, min(keys.MAX_FONT_SIZE, self.reader.font_size + delta))
        if size != self.reader.font_size:
            self.reader.set_font_size(size)
        self.statusBar().showMessage(f"Размер шрифта: {size}", 2000)

    def reset_font_size(self) -> None:
        self.reader.set_font_size(keys.FONT_SIZE.default)

    def copy_citation(self) -> None:
        if self.current_node:
            text = formal_citation(self.corpus, self.current_node)
            QApplication.clipboard().setText(text)
            self.statusBar().showMessage(f"Скопировано: {text}", 5000)

    def _warn(self, message: str) -> None:
        """Say something went wrong without blocking: the window stays usable."""
        self.statusBar().showMessage(message, 15000)
        box = QMessageBox(QMessageBox.Icon.Warning, "gp-desktop", message, parent=self)
        box.setObjectName("warningBox")
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        box.open()

    def show_help(self) -> None:
        if self.help_window is None:
            actions = [a for a in self.actions.values() if a.shortcuts()]
            self.help_window = HelpWindow(actions, self.corpus.path, self)
        self.help_window.show()
        self.help_window.raise_()
        self.help_window.activateWindow()
        self.help_window.field.setFocus()

    def show_about(self) -> None:
        box = QMessageBox(self)
        box.setObjectName("aboutBox")
        box.setWindowTitle("О программе")
        box.setTextFormat(Qt.TextFormat.RichText)
        box.setText(about_text(self.corpus))
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        box.open()

    def report_startup_problem(self, message: str) -> None:
        if message:
            self._warn(message)
