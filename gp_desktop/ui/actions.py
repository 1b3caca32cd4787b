"""Every action of the main window, declared once as data: its text, keys, menu and state.

The window builds its ``QAction`` objects, menus and tool bars from ``ACTIONS``, ``MENUS`` and
``MAIN_TOOLBAR`` (``build_actions``, ``build_menus``) and re-reads each action's state
(``enabled_when``, ``checked_when``) through ``update_actions`` whenever what they depend on
changes. A pane's actions are declared here like the window's own: the pane is handed the
built ``QAction`` (the excerpt pane puts its five on its own tool bar), so a key is written
down in one place only.

Where a new action goes: an ``ActionSpec`` in the section of the menu it appears in, in the
order it should read there (``separator_before`` starts a group); ``run`` receives the window
and calls the public method of the pane that does the work. An action shown in a second menu
is placed there with a ``MenuEntry``; a submenu the window fills (the panes' toggles) is a
``Submenu``. The model is MusicBrainz Picard's ``ui/mainwindow/actions.py``.
"""

from collections.abc import Callable, Iterable, Sequence
from typing import Any, NamedTuple

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QIcon, QKeySequence
from PySide6.QtWidgets import QMainWindow, QMenu, QMenuBar, QToolBar, QWidget

from gp_desktop.ui.widgets import icons

Key = QKeySequence.StandardKey | str
Window = Any
"""The main window (``gp_desktop.ui.main_window.MainWindow``); typed loosely to avoid a cycle."""

_sk = QKeySequence.StandardKey


class ActionSpec(NamedTuple):
    name: str
    """The action's object name and its key in ``MainWindow.actions``."""
    text: str
    shortcuts: tuple[Key, ...] = ()
    menu: str = ""
    """The name of the menu (``MENUS``) it appears in; "" for none."""
    separator_before: bool = False
    run: Callable[[Window], object] | None = None
    """What triggering it does; None for an action a pane connects itself (``exact``)."""
    tip: str = ""
    """Tool tip, also the status-bar tip unless ``status_tip`` is False."""
    status_tip: bool = True
    icon: Callable[[], QIcon] | None = None
    icon_text: str = ""
    """The short text of a tool-bar button, when it differs from ``text``."""
    checkable: bool = False
    enabled_when: Callable[[Window], bool] | None = None
    checked_when: Callable[[Window], bool] | None = None
    checked_text: str = ""
    """The text while checked (``bookmark``: «Удалить из закладок»)."""


class MenuEntry(NamedTuple):
    """An action declared above, shown in one more menu."""

    name: str
    menu: str
    separator_before: bool = False


class Submenu(NamedTuple):
    """A submenu the window fills itself (the panes' show/hide toggles)."""

    name: str
    text: str
    menu: str
    separator_before: bool = False


MENUS = (
    ("file", "&Файл"),
    ("edit", "&Правка"),
    ("go", "П&ереход"),
    ("view", "&Вид"),
    ("history", "&История"),
    ("bookmarks", "&Закладки"),
    ("excerpt", "Выпис&ка"),
    ("help", "&Справка"),
)


def _act_output():
    """Imported when first used: it is not needed for the window's first paint."""
    from gp_desktop.ui.excerpt import act_output

    return act_output


def _excerpt_preferences():
    from gp_desktop.ui.excerpt import preferences

    return preferences


def _has_hits(w: Window) -> bool:
    return w.search_panel.hit_count > 0


def _has_excerpt(w: Window) -> bool:
    return len(w.choice) > 0


ACTIONS: tuple[ActionSpec | MenuEntry | Submenu, ...] = (
    # -- Файл
    ActionSpec(
        "edition_update",
        "&Обновить текст акта…",
        menu="file",
        run=lambda w: w.editions.ask_update(),
        tip="Добавить новую редакцию акта из файла (Markdown, текст, HTML, Word)",
    ),
    # The whole act or a part of it, set as a выписка (ui/excerpt/act_output.py).
    ActionSpec(
        "act_print",
        "&Печать акта…",
        menu="file",
        separator_before=True,
        run=lambda w: _act_output().print_act(w),
        tip="Напечатать весь акт, его часть или главу",
    ),
    ActionSpec(
        "act_export",
        "&Экспорт акта…",
        menu="file",
        run=lambda w: _act_output().export_act(w),
        tip="Сохранить весь акт, его часть или главу: PDF, Word, ODT, HTML, текст",
    ),
    ActionSpec(
        "quit", "В&ыход", (_sk.Quit,), "file", separator_before=True, run=lambda w: w.close()
    ),
    # -- Правка
    ActionSpec(
        "find",
        "&Найти…",
        (_sk.Find,),
        "edit",
        run=lambda w: w.focus_search(),
        tip="Поиск по тексту акта",
    ),
    ActionSpec(
        "find_next",
        "С&ледующее совпадение",
        ("F3",),
        "edit",
        run=lambda w: w.step_hit(1),
        enabled_when=_has_hits,
    ),
    ActionSpec(
        "find_previous",
        "&Предыдущее совпадение",
        ("Shift+F3",),
        "edit",
        run=lambda w: w.step_hit(-1),
        enabled_when=_has_hits,
    ),
    # Toggled by the search panel, which searches again in the form chosen.
    ActionSpec(
        "exact",
        "&Точная форма",
        ("Ctrl+Shift+E",),
        "edit",
        checkable=True,
        status_tip=False,
        icon_text="Точная форма",
        tip="Искать слова только в той форме, в какой они введены (без учёта морфологии)",
    ),
    ActionSpec(
        "copy_citation",
        "Копировать &ссылку на пункт",
        ("Ctrl+Shift+C",),
        "edit",
        separator_before=True,
        run=lambda w: w.citation_copy.copy(),
        tip="Скопировать ссылку на текущий пункт для документа (полную или краткую — "
        "как выбрано в «Ссылка в краткой форме»)",
    ),
    ActionSpec(
        "citation_short",
        "Ссылка в &краткой форме",
        (),
        "edit",
        run=lambda w: w.citation_copy.set_short(w.actions["citation_short"].isChecked()),
        checkable=True,
        checked_when=lambda w: w.citation_copy.short,
        tip="Ctrl+Shift+C копирует краткую ссылку («абз. 2 п. 1 …, утв. Указом …») вместо полной",
    ),
    # The context menus of the text and the contents offer these for the node pointed at.
    ActionSpec(
        "copy_citation_full",
        "Копировать ссылку полн&остью",
        menu="edit",
        run=lambda w: w.citation_copy.copy_pointed("full"),
        tip="Скопировать полную ссылку: «абзац второй пункта 1 Положения …, утвержденного …»",
    ),
    ActionSpec(
        "copy_citation_short",
        "Копировать ссылку кр&атко",
        menu="edit",
        run=lambda w: w.citation_copy.copy_pointed("short"),
        tip="Скопировать краткую ссылку: «абз. 2 п. 1 Положения …, утв. …»",
    ),
    # -- Переход
    ActionSpec(
        "back",
        "&Назад",
        (_sk.Back,),
        "go",
        run=lambda w: w.go_back(),
        icon=lambda: icons.arrow(back=True),
        enabled_when=lambda w: w.history.can_go_back,
    ),
    ActionSpec(
        "forward",
        "&Вперёд",
        (_sk.Forward,),
        "go",
        run=lambda w: w.go_forward(),
        icon=lambda: icons.arrow(back=False),
        enabled_when=lambda w: w.history.can_go_forward,
    ),
    ActionSpec(
        "goto",
        "Перейти к &пункту…",
        ("Ctrl+L",),
        "go",
        separator_before=True,
        run=lambda w: w.ask_goto(),
        tip="Например: 19, п. 19, 19.8",
    ),
    # -- Вид
    ActionSpec(
        "zoom_in",
        "&Крупнее",
        (_sk.ZoomIn, "Ctrl+="),
        "view",
        run=lambda w: w.change_font_size(1),
    ),
    ActionSpec("zoom_out", "&Мельче", (_sk.ZoomOut,), "view", run=lambda w: w.change_font_size(-1)),
    ActionSpec(
        "zoom_reset", "&Обычный размер", ("Ctrl+0",), "view", run=lambda w: w.reset_font_size()
    ),
    ActionSpec(
        "focus_tree",
        "Перейти в о&главление",
        ("Ctrl+1",),
        "view",
        separator_before=True,
        run=lambda w: w.panes.activate("navigator").focus_tree(),
    ),
    ActionSpec(
        "focus_institutions",
        "Перейти к &учреждениям",
        ("Ctrl+2",),
        "view",
        run=lambda w: w.panes.activate("navigator").focus_institutions(),
    ),
    ActionSpec(
        "focus_reader", "Перейти к &тексту", ("Ctrl+3",), "view", run=lambda w: w.focus_reader()
    ),
    ActionSpec(
        "focus_results",
        "Перейти к &результатам поиска",
        ("Ctrl+4",),
        "view",
        run=lambda w: w.panes.activate("search").focus(),
    ),
    ActionSpec(
        "focus_timeline",
        "Перейти к &истории изменений",
        ("Ctrl+5",),
        "view",
        run=lambda w: w.panes.activate("timeline").focus(),
    ),
    ActionSpec(
        "focus_bookmarks",
        "Перейти к зак&ладкам",
        ("Ctrl+6",),
        "view",
        run=lambda w: w.panes.activate("bookmarks").focus(),
    ),
    ActionSpec(
        "focus_filter",
        "&Фильтр оглавления",
        ("Ctrl+Shift+F",),
        "view",
        run=lambda w: w.panes.activate("navigator").focus_filter(),
    ),
    Submenu("panels", "&Панели", "view", separator_before=True),
    ActionSpec(
        "reset_layout",
        "Восстановить р&асположение панелей",
        menu="view",
        run=lambda w: w.reset_layout(),
    ),
    Submenu("colours", "&Цвета", "view", separator_before=True),
    Submenu("window_font", "&Шрифт окна", "view"),
    # -- История
    ActionSpec(
        "changed_since",
        "&Отметить изменённые после даты",
        ("Ctrl+Shift+M",),
        "history",
        run=lambda w: w.panes.activate("timeline").mark_changed_since(),
    ),
    ActionSpec(
        "clear_marks",
        "&Снять отметки",
        ("Ctrl+Shift+X",),
        "history",
        run=lambda w: w.timeline.clear_marks(),
    ),
    # Editions (ui/editions/feature.py).
    ActionSpec(
        "edition_compare",
        "Сравнить &редакции…",
        ("Ctrl+Shift+D",),
        "history",
        separator_before=True,
        run=lambda w: w.editions.compare(),
        tip="Что изменилось между двумя редакциями",
    ),
    # The comparison in the reader (ui/editions/comparison.py).
    ActionSpec(
        "compare_next",
        "Следующее &изменение",
        ("F8",),
        "history",
        run=lambda w: w.editions.comparison.step(1),
        icon_text="Следующее ▶",
        tip="Следующее изменение в сравнении редакций (F8)",
        enabled_when=lambda w: w.editions.comparing,
    ),
    ActionSpec(
        "compare_previous",
        "Пр&едыдущее изменение",
        ("Shift+F8",),
        "history",
        run=lambda w: w.editions.comparison.step(-1),
        icon_text="◀ Предыдущее",
        tip="Предыдущее изменение в сравнении редакций (Shift+F8)",
        enabled_when=lambda w: w.editions.comparing,
    ),
    ActionSpec(
        "compare_unchanged",
        "Показывать &неизменённые пункты",
        menu="history",
        checkable=True,
        icon_text="Неизменённые пункты",
        tip="Показать в сравнении и неизменённые пункты (приглушённо) или свернуть их",
        enabled_when=lambda w: w.editions.comparing,
    ),
    ActionSpec(
        "compare_close",
        "&Закрыть сравнение",
        menu="history",
        run=lambda w: w.editions.comparison.close(),
        enabled_when=lambda w: w.editions.comparing,
    ),
    ActionSpec(
        "edition_changes_after",
        "Изменения после &даты…",
        menu="history",
        run=lambda w: w.editions.ask_changes_after(),
    ),
    ActionSpec(
        "edition_decree",
        "Изменения по &указу…",
        menu="history",
        run=lambda w: w.editions.ask_decree(),
    ),
    ActionSpec(
        "edition_current",
        "&Вернуться к действующей редакции",
        menu="history",
        run=lambda w: w.editions.back_to_current(),
        enabled_when=lambda w: not w.corpus.is_current,
    ),
    # -- Закладки
    ActionSpec(
        "bookmark",
        "Добавить в &закладки",
        ("Ctrl+D",),
        "bookmarks",
        run=lambda w: w.bookmarks.toggle(w.current_node),
        checkable=True,
        icon=icons.star,
        tip="Отметить текущий пункт звёздочкой (Ctrl+D)",
        checked_when=lambda w: w.current_node in w.bookmarks,
        checked_text="Удалить из &закладок",
    ),
    MenuEntry("focus_bookmarks", "bookmarks"),
    # -- Выписка
    ActionSpec(
        "excerpt_toggle",
        "Отметить для &выписки",
        ("Ctrl+E",),
        "excerpt",
        run=lambda w: w.toggle_excerpt(),
        checkable=True,
        tip="Добавить текущий пункт в выписку или убрать его (Ctrl+E)",
        checked_when=lambda w: w.current_node in w.choice,
    ),
    ActionSpec(
        "excerpt_print",
        "&Печать выписки…",
        (_sk.Print,),
        "excerpt",
        separator_before=True,
        run=lambda w: w.excerpt_panel.print_(),
        icon_text="Печать",
        enabled_when=_has_excerpt,
    ),
    ActionSpec(
        "excerpt_preview",
        "Предварительный п&росмотр…",
        ("Ctrl+Shift+P",),
        "excerpt",
        run=lambda w: w.excerpt_panel.preview(),
        icon_text="Просмотр",
        enabled_when=_has_excerpt,
    ),
    ActionSpec(
        "excerpt_save",
        "&Сохранить выписку…",
        (_sk.Save,),
        "excerpt",
        run=lambda w: w.excerpt_panel.save_as(),
        icon_text="Сохранить",
        enabled_when=_has_excerpt,
    ),
    ActionSpec(
        "excerpt_copy",
        "&Копировать выписку с реквизитами",
        ("Ctrl+Alt+C",),
        "excerpt",
        run=lambda w: w.excerpt_panel.copy(),
        icon_text="Копировать",
        enabled_when=_has_excerpt,
    ),
    ActionSpec(
        "excerpt_clear",
        "&Очистить выписку",
        (),
        "excerpt",
        separator_before=True,
        run=lambda w: w.choice.clear(),
        icon_text="Очистить",
        enabled_when=_has_excerpt,
    ),
    ActionSpec(
        "focus_excerpt",
        "Перейти к в&ыписке",
        ("Ctrl+7",),
        "excerpt",
        run=lambda w: w.panes.activate("excerpt").focus(),
    ),
    ActionSpec(
        "excerpt_preferences",
        "&Настройки выписки…",
        menu="excerpt",
        separator_before=True,
        run=lambda w: _excerpt_preferences().ask_preferences(w),
        tip="Шрифт, поля страницы, «Выписка верна» с должностью и фамилией",
    ),
    # -- Справка
    ActionSpec(
        "help",
        "&Справка",
        ("F1",),
        "help",
        run=lambda w: w.show_help(),
        tip="Клавиши, поиск, отметки, где хранятся файлы",
    ),
    ActionSpec(
        "about", "&О программе", menu="help", separator_before=True, run=lambda w: w.show_about()
    ),
)

SPECS: dict[str, ActionSpec] = {s.name: s for s in ACTIONS if isinstance(s, ActionSpec)}

SEARCH_FIELD = "search_field"
"""The place of the search field (with its «Поиск:» label) on the main tool bar."""
MAIN_TOOLBAR = ("back", "forward", None, "bookmark", None, SEARCH_FIELD, "exact")
"""The main tool bar, left to right; None is a separator."""
EXCERPT_TOOLBAR = (
    "excerpt_print",
    "excerpt_preview",
    "excerpt_save",
    "excerpt_copy",
    "excerpt_clear",
)
"""The excerpt pane's own tool bar."""
READER_CONTEXT_MENU = (
    "excerpt_toggle",
    "bookmark",
    "copy_citation_full",
    "copy_citation_short",
    "find",
)
"""What the reader's context menu offers for the clause under the pointer."""
TREE_CONTEXT_MENU = ("excerpt_toggle", "bookmark", "copy_citation_full", "copy_citation_short")
"""What the contents' context menu offers for the row under the pointer."""


def create_action(spec: ActionSpec, parent: QWidget) -> QAction:
    action = QAction(spec.text, parent)
    action.setObjectName(spec.name)
    if spec.shortcuts:
        action.setShortcuts([QKeySequence(k) for k in spec.shortcuts])
    action.setCheckable(spec.checkable)
    if spec.tip:
        action.setToolTip(spec.tip)
        if spec.status_tip:
            action.setStatusTip(spec.tip)
    if spec.icon is not None:
        action.setIcon(spec.icon())
    if spec.icon_text:
        action.setIconText(spec.icon_text)
    return action


def build_actions(window: Window) -> dict[str, QAction]:
    """Every declared action, connected to its ``run`` and added to the window, so that its
    keys work wherever the focus is, even with the menu bar hidden."""
    built: dict[str, QAction] = {}
    for spec in SPECS.values():
        action = create_action(spec, window)
        if spec.run is not None:
            run = spec.run
            action.triggered.connect(lambda _checked=False, run=run: run(window))
        window.addAction(action)
        built[spec.name] = action
    return built


def build_menus(
    menubar: QMenuBar,
    actions: dict[str, QAction],
    fill: dict[str, Callable[[QMenu], None]] | None = None,
) -> dict[str, QMenu]:
    """The menus of ``MENUS`` with the actions declared in them, in declaration order;
    ``fill`` gives each ``Submenu`` its items."""
    menus: dict[str, QMenu] = {}
    for name, title in MENUS:
        menu = menubar.addMenu(title)
        menu.setObjectName(f"{name}Menu")
        menus[name] = menu
    for item in ACTIONS:
        if not item.menu:
            continue
        menu = menus[item.menu]
        if item.separator_before and menu.actions():
            menu.addSeparator()
        if isinstance(item, Submenu):
            submenu = menu.addMenu(item.text)
            submenu.setObjectName(f"{item.name}Menu")
            if fill and item.name in fill:
                fill[item.name](submenu)
        else:
            menu.addAction(actions[item.name])
    return menus


def build_toolbar(
    window: QMainWindow, actions: dict[str, QAction], widgets: dict[str, Sequence[QWidget]]
) -> QToolBar:
    """The main tool bar of ``MAIN_TOOLBAR``; ``widgets`` go where their name stands."""
    toolbar = QToolBar("Панель инструментов")
    toolbar.setObjectName("mainToolbar")
    toolbar.setMovable(False)
    toolbar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
    for item in MAIN_TOOLBAR:
        if item is None:
            toolbar.addSeparator()
        elif item in widgets:
            for widget in widgets[item]:
                toolbar.addWidget(widget)
        else:
            toolbar.addAction(actions[item])
    window.addToolBar(toolbar)
    return toolbar


def update_actions(window: Window, actions: dict[str, QAction], names: Iterable[str] = ()) -> None:
    """Re-read the state of the actions (all, or those ``names``) from the window."""
    for spec in (SPECS[n] for n in names) if names else SPECS.values():
        action = actions[spec.name]
        if spec.enabled_when is not None:
            action.setEnabled(bool(spec.enabled_when(window)))
        if spec.checked_when is not None:
            checked = bool(spec.checked_when(window))
            action.setChecked(checked)
            if spec.checked_text:
                action.setText(spec.checked_text if checked else spec.text)
