"""The window's size on its first start: fitted to the screen it opens on, panes in proportion.

Offices have 1024×768, 1280×800 and 1366×768 screens as often as large ones. A fixed first
size (1280×800) put the right-hand panes and the status bar off a smaller screen, and fixed
pane widths left the text 380 px wide once the window was fitted. Here the window takes the
screen's available area up to a comfortable size, never more, and the panes take shares of
its width (``panes.PANES``) within bounds, so the text keeps at least half of it at 1024×768.
"""

from __future__ import annotations

from PySide6.QtCore import QRect, QSize
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QWidget

LARGEST = QSize(1600, 1000)
"""No bigger than this on a large screen: lines stay readable and the panes near the text."""
SMALLEST = QSize(640, 480)
FRAME_ALLOWANCE = QSize(16, 40)
"""What a window manager adds around the window (title bar, borders) before it is shown."""
PANE_WIDTHS = (200, 460)
"""A side pane is never narrower or wider than this, whatever its share."""
CHROME_HEIGHT = 120
"""The menu bar, the tool bar, the status bar and the panes' title bars together."""


def first_geometry(available: QRect) -> QRect:
    """The window's place on a screen whose free area is ``available``: centred, no larger."""
    width = min(LARGEST.width(), available.width() - FRAME_ALLOWANCE.width())
    height = min(LARGEST.height(), available.height() - FRAME_ALLOWANCE.height())
    width, height = max(width, SMALLEST.width()), max(height, SMALLEST.height())
    left = available.left() + max(0, (available.width() - width) // 2)
    top = available.top() + max(0, (available.height() - height - FRAME_ALLOWANCE.height()) // 2)
    return QRect(left, top, width, height)


def pane_width(window_width: int, share: float) -> int:
    return int(max(PANE_WIDTHS[0], min(PANE_WIDTHS[1], window_width * share)))


def column_height(window_height: int) -> int:
    return max(200, window_height - CHROME_HEIGHT)


def available_area(widget: QWidget) -> QRect:
    screen = widget.screen() or QGuiApplication.primaryScreen()
    return screen.availableGeometry() if screen is not None else QRect(0, 0, 1280, 800)
