"""The first start on the screens offices have: the window fits, the text keeps half of it,
the panes' actions stay in sight. (The screenshots in docs/ show the same under Xvfb.)"""

from __future__ import annotations

import pytest
from PySide6.QtCore import QRect
from PySide6.QtWidgets import QToolButton

from gp_desktop.ui.first_start import first_geometry
from gp_desktop.ui.window_factory import make_window

SCREENS = [(1024, 768), (1280, 800), (1366, 768), (1920, 1080)]


@pytest.mark.parametrize("width, height", SCREENS)
def test_first_geometry_never_exceeds_the_screen(width, height):
    screen = QRect(0, 0, width, height)
    geometry = first_geometry(screen)
    assert screen.contains(geometry)
    assert geometry.width() >= min(width, 1280) * 0.9


def test_first_start_fits_the_screen_it_opens_on(qtbot, corpus, user_dirs, search_index):
    window = make_window(corpus, search_opener=lambda _c: search_index, persist=False)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    available = window.screen().availableGeometry()
    assert window.width() <= available.width() and window.height() <= available.height()


@pytest.mark.parametrize("width, height", SCREENS)
def test_panes_in_proportion_and_the_text_at_least_half(
    qtbot, corpus, user_dirs, search_index, width, height
):
    window = make_window(corpus, search_opener=lambda _c: search_index, persist=False)
    qtbot.addWidget(window)
    window.setGeometry(first_geometry(QRect(0, 0, width, height)))
    window.show()
    qtbot.waitExposed(window)
    window.panes.default_sizes()
    qtbot.wait(50)
    assert window.reader.width() >= window.width() / 2, (window.width(), window.reader.width())
    # Every action of the Выписка pane has its own button in sight, none folded away.
    pane = window.excerpt_panel
    window.panes.activate("excerpt")
    qtbot.waitUntil(pane.isVisible)
    buttons = [b for b in pane.findChildren(QToolButton) if b.defaultAction() is not None]
    assert {b.defaultAction().objectName() for b in buttons} >= {
        "excerpt_print",
        "excerpt_preview",
        "excerpt_save",
        "excerpt_copy",
        "excerpt_clear",
    }
    for button in buttons:
        assert button.isVisible()
        assert pane.rect().contains(button.geometry().translated(button.parentWidget().pos()))
