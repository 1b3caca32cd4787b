"""«Вид → Цвета» and «Вид → Шрифт окна»: the look and the window's font size as menu choices.

Each menu is a group of exclusive choices bound to the one :class:`~gp_desktop.ui.look.Look`;
the window saves what is chosen with the other preferences.
"""

from __future__ import annotations

from PySide6.QtGui import QAction, QActionGroup
from PySide6.QtWidgets import QMenu, QWidget

from gp_desktop.ui.look import LOOKS, WINDOW_FONT_SIZES, Look


def _size_text(size: int) -> str:
    """«&Как в системе», «&9 пт», «1&0 пт»: the last digit is the access key, unique here."""
    if not size:
        return "&Как в системе"
    digits = str(size)
    return f"{digits[:-1]}&{digits[-1]} пт"


class LookMenu:
    """Fills the two submenus the window declares (``actions.Submenu``) with the choices."""

    def __init__(self, look: Look, parent: QWidget) -> None:
        self.look = look
        self.parent = parent
        self.look_actions: dict[str, QAction] = {}
        self.size_actions: dict[int, QAction] = {}

    def fill_colours(self, menu: QMenu) -> None:
        group = QActionGroup(menu)
        for name, title in LOOKS.items():
            action = menu.addAction(title)
            action.setObjectName(f"look_{name}")
            action.setCheckable(True)
            action.setChecked(name == self.look.look)
            action.triggered.connect(lambda _on=False, n=name: self.look.set_look(n))
            group.addAction(action)
            self.look_actions[name] = action

    def fill_fonts(self, menu: QMenu) -> None:
        group = QActionGroup(menu)
        for size in WINDOW_FONT_SIZES:
            action = menu.addAction(_size_text(size))
            action.setObjectName(f"window_font_{size}")
            action.setCheckable(True)
            action.setChecked(size == self.look.font_size)
            action.triggered.connect(lambda _on=False, n=size: self.look.set_font_size(n))
            group.addAction(action)
            self.size_actions[size] = action
