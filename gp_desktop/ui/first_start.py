"""The window's size on its first start: fitted to the screen it opens on, panes in proportion.

Offices have 1024×768, 1280×800 and 1366×768 screens as often as large ones. A fixed first
size (1280×800) put the right-hand panes and the status bar off a smaller screen, and fixed
pane widths left the text 380 px wide once the window was fitted. Here the window takes the
screen's available area up to a comfortable size, never more, and the panes take shares of
its width, so the text keeps at least half of it at 1024×768.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QRect, QSize
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QWidget

LARGEST = QSize(1600, 1000)
"""No bigger than this on a large screen: lines stay readable and the panes near the text."""
FRAME_ALLOWANCE = QSize(16, 40)
"""What a window manager adds around the window (title bar, borders) before it is shown."""
LEFT_SHARE = 0.22
RIGHT_SHARE = 0.26
"""Shares of the window's width for the contents and for the right-hand panes."""
LEFT_RANGE = (200, 380)
RIGHT_RANGE = (260, 460)
RESULTS_SHARE = 0.45
"""The search results' share of the right column's height; the tabbed panes get the rest."""


@dataclass(frozen=True)
class FirstLayout:
    geometry: QRect
    left_width: int
    right_width: int
    results_height: int
    tabs_height: int


def _clamp(value: float, low: int, high: int) -> int:
    return int(max(low, min(high, value)))


def first_layout(available: QRect) -> FirstLayout:
    """The window's place and the panes' sizes on a screen with ``available`` area."""
    width = min(LARGEST.width(), available.width() - FRAME_ALLOWANCE.width())
    height = min(LARGEST.height(), available.height() - FRAME_ALLOWANCE.height())
    width, height = max(width, 640), max(height, 480)
    left = available.left() + (available.width() - width) // 2
    top = available.top() + max(0, (available.height() - height - FRAME_ALLOWANCE.height()) // 2)
    left_width = _clamp(width * LEFT_SHARE, *LEFT_RANGE)
    right_width = _clamp(width * RIGHT_SHARE, *RIGHT_RANGE)
    column = height - 120  # the menu bar, the toolbar, the status bar and the dock titles
    results = int(column * RESULTS_SHARE)
    return FirstLayout(
        QRect(left, top, width, height), left_width, right_width, results, column - results
    )


def available_area(widget: QWidget) -> QRect:
    screen = widget.screen() or QGuiApplication.primaryScreen()
    return screen.availableGeometry() if screen is not None else QRect(0, 0, 1280, 800)
