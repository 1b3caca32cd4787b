"""The dock panes of the main window, declared once: name, title, place, tabs and first size.

``Panes`` builds the docks from ``PANES`` and the same declarations put them back where they
were by default (``reset``), so the layout is written down in one place. ``activate(name)``
shows a pane, brings its tab to the front and returns its widget, so an action can go on with
that widget's own public method (``panes.activate("timeline").focus()``) — the way
Frescobaldi's ``panel.py`` does it.

Each dock keeps ``{name}Dock`` as its object name: ``QMainWindow.saveState`` stores the layout
by those names, and a user's saved layout must still fit.

Where a new pane goes: a ``PaneSpec`` in ``PANES`` (the order is the order of the «Панели»
menu and of a new layout), and its widget handed to ``Panes`` by the window under that name.
A pane is built with the window: none of them costs more than a few milliseconds to build
(the reader, the central widget, is the one that takes time), and a tab built on first show
would change the size the dock area takes for the others.
"""

from typing import NamedTuple

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDockWidget, QMainWindow, QMenu, QWidget

from gp_desktop.ui.first_start import column_height, pane_width

Area = Qt.DockWidgetArea


class PaneSpec(NamedTuple):
    name: str
    title: str
    area: Area
    tabbed_with: str = ""
    """The pane whose tab group this one joins (after it)."""
    width: float = 0
    """The first width of its column, as a share of the window's width (0: left to the
    layout); kept within ``first_start.PANE_WIDTHS``, so the text has the rest."""
    height: float = 0
    """The first height in its column, as a share of the column (0: left to the layout)."""


PANES = (
    PaneSpec("navigator", "Оглавление", Area.LeftDockWidgetArea, width=0.21),
    PaneSpec("search", "Результаты поиска", Area.RightDockWidgetArea, width=0.26, height=0.45),
    PaneSpec("timeline", "История изменений", Area.RightDockWidgetArea, height=0.55),
    PaneSpec("bookmarks", "Закладки", Area.RightDockWidgetArea, tabbed_with="timeline"),
    PaneSpec("excerpt", "Выписка", Area.RightDockWidgetArea, tabbed_with="bookmarks"),
    # A decree's clause before and after (ui/editions/clause_history.py): beside the search
    # results, above the history, so the decree's list stays in sight while its clauses are
    # read, and four tabs in one group no longer cut each other's titles at 1280×800.
    PaneSpec("clauseHistory", "До и после указа", Area.RightDockWidgetArea, tabbed_with="search"),
)


def dock_name(pane: str) -> str:
    return f"{pane}Dock"


def _keep_access_letter(dock: QDockWidget) -> None:
    """A pane's entry in «Панели» opens with the first letter of its title; Qt writes the
    entry's text again whenever the title changes («Результаты поиска (6)»)."""
    action = dock.toggleViewAction()

    def mark(title: str) -> None:
        if "&" not in title:
            action.setText(f"&{title}")

    dock.windowTitleChanged.connect(mark)
    mark(dock.windowTitle())


class Panes:
    """The window's docks, built from ``PANES`` around the given widgets."""

    def __init__(self, window: QMainWindow, widgets: dict[str, QWidget]) -> None:
        self.window = window
        self.specs = {spec.name: spec for spec in PANES}
        self.docks: dict[str, QDockWidget] = {}
        """The docks by object name (``navigatorDock`` …), in declaration order."""
        self._widgets = widgets
        for spec in PANES:
            dock = QDockWidget(spec.title, window)
            dock.setObjectName(dock_name(spec.name))
            dock.setWidget(widgets[spec.name])
            dock.setAccessibleName(spec.title)
            window.addDockWidget(spec.area, dock)
            self.docks[dock.objectName()] = dock
        self._tabify()

    def dock(self, name: str) -> QDockWidget:
        return self.docks[dock_name(name)]

    def widget(self, name: str) -> QWidget:
        return self._widgets[name]

    def activate(self, name: str) -> QWidget:
        """Show the pane ``name``, in front of its tab group, and return its widget."""
        dock = self.dock(name)
        dock.show()
        dock.raise_()
        return self._widgets[name]

    def fill_menu(self, menu: QMenu) -> None:
        """The «Панели» submenu: one show/hide toggle per pane."""
        for dock in self.docks.values():
            menu.addAction(dock.toggleViewAction())
            _keep_access_letter(dock)

    def _tabify(self) -> None:
        heads = []
        for spec in PANES:
            if spec.tabbed_with:
                self.window.tabifyDockWidget(self.dock(spec.tabbed_with), self.dock(spec.name))
                head = self.specs[spec.tabbed_with]
                while head.tabbed_with:
                    head = self.specs[head.tabbed_with]
                if head.name not in heads:
                    heads.append(head.name)
        for name in heads:  # the first pane of a tab group is the one in front
            self.dock(name).raise_()

    def default_sizes(self) -> None:
        """The panes' first sizes in proportion to the window, whatever the screen."""
        width, column = self.window.width(), column_height(self.window.height())
        wide = [s for s in PANES if s.width]
        self.window.resizeDocks(
            [self.dock(s.name) for s in wide],
            [pane_width(width, s.width) for s in wide],
            Qt.Orientation.Horizontal,
        )
        tall = [s for s in PANES if s.height]
        self.window.resizeDocks(
            [self.dock(s.name) for s in tall],
            [round(column * s.height) for s in tall],
            Qt.Orientation.Vertical,
        )

    def reset(self) -> None:
        """Every pane shown and docked where ``PANES`` puts it; ``default_sizes`` follows."""
        for spec in PANES:
            dock = self.dock(spec.name)
            dock.setFloating(False)
            dock.show()
            self.window.addDockWidget(spec.area, dock)
        self._tabify()
