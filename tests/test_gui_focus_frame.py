"""The keyboard focus in sight: the list or tree holding it is framed in the highlight colour
(ui/widgets/focus_frame.py), the frame follows the focus, and the reader keeps its own rule."""

from __future__ import annotations

import pytest
from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import QApplication, QWidget

from gp_desktop.ui.widgets.focus_frame import RULE_WIDTH


def frame_of(widget: QWidget) -> QWidget | None:
    frames = [c for c in widget.findChildren(QWidget, "focusFrame") if c.isVisible()]
    return frames[0] if frames else None


def edge_colours(widget: QWidget) -> set[str]:
    """The colours of the pixels along the widget's left edge, half-way down."""
    image = widget.grab().toImage()
    middle = image.height() // 2
    return {QColor(image.pixel(x, middle)).name() for x in range(RULE_WIDTH)}


def highlight(widget: QWidget) -> str:
    return widget.palette().color(QPalette.ColorGroup.Active, QPalette.ColorRole.Highlight).name()


def test_the_focused_tree_is_framed_and_the_frame_follows_the_focus(window, qtbot):
    tree = window.navigator.act_view
    window.navigator.focus_tree()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is tree)
    frame = frame_of(tree)
    assert frame is not None and frame.geometry() == tree.rect()
    assert edge_colours(tree) == {highlight(tree)}

    results = window.search_panel.view
    results.setFocus()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is results)
    assert frame_of(tree) is None
    assert frame_of(results) is not None
    assert highlight(tree) not in edge_colours(tree)  # gone from where the focus was


def test_the_reader_draws_its_own_rule_and_gets_no_frame(window, qtbot):
    window.reader.setFocus()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is window.reader)
    assert frame_of(window.reader) is None
    assert not any(frame_of(w) for w in window.findChildren(QWidget))


@pytest.mark.parametrize("look", ["dark", "contrast"])
def test_the_frame_is_drawn_in_every_look(window, qtbot, look):
    window.look.set_look(look)
    view = window.timeline.view
    view.setFocus()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is view)
    assert edge_colours(view) == {highlight(view)}
