"""The keyboard focus kept in sight on every list and tree of the window.

Fusion shows the focus of a text field or a button, but a tree or a list with the focus looks
the same as one without it: its current row is drawn in the selection colour either way, so
after Tab or a shortcut the user cannot tell which pane the keys will go to (WCAG 2.4.7,
«Focus Visible»). ``FocusFrame`` follows the application's focus and lays a two-pixel rule
in the palette's highlight colour around the list or tree that holds it — over the widget, as
a transparent child, so no style, palette or look has to cooperate and the layout does not
move. Widgets that draw their own rule (the reader) say so with the ``ownFocusRule``
property.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QPainter, QPaintEvent, QPalette, QPen
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QPlainTextEdit,
    QTextEdit,
    QWidget,
)
from shiboken6 import isValid

RULE_WIDTH = 2
FOLLOWER = "focusFrameFollower"
OWN_RULE = "ownFocusRule"
"""A widget with this property set draws its own focus rule and gets no frame."""


class _Rule(QWidget):
    """The frame itself: a transparent child laid over the focused widget."""

    def __init__(self) -> None:
        super().__init__()
        self.setObjectName("focusFrame")
        self.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)
        self.setAttribute(Qt.WidgetAttribute.WA_NoSystemBackground)
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        colour = self.palette().color(QPalette.ColorGroup.Active, QPalette.ColorRole.Highlight)
        pen = QPen(colour, RULE_WIDTH)
        pen.setJoinStyle(Qt.PenJoinStyle.MiterJoin)
        painter.setPen(pen)
        half = RULE_WIDTH / 2
        painter.drawRect(self.rect().toRectF().adjusted(half, half, -half, -half))
        painter.end()


def wants_frame(widget: QWidget | None) -> bool:
    """Lists, trees and read-only texts (an editable one shows its caret), but not a widget
    that draws its own rule."""
    if widget is None or widget.property(OWN_RULE):
        return False
    if isinstance(widget, QAbstractItemView):
        return True
    return isinstance(widget, (QTextEdit, QPlainTextEdit)) and widget.isReadOnly()


class FocusFrame(QObject):
    """Follows ``QApplication.focusChanged`` and frames the focused list, tree or text.

    One per application (:func:`install`), whatever the number of windows."""

    def __init__(self, app: QApplication) -> None:
        super().__init__(app)
        self.setObjectName(FOLLOWER)
        self.rule = _Rule()
        self.target: QWidget | None = None
        app.focusChanged.connect(self._moved)

    def _moved(self, _old: QWidget | None, new: QWidget | None) -> None:
        if self.target is not None and isValid(self.target):
            self.target.removeEventFilter(self)
        self.target = None
        if not isValid(self.rule):  # went with a widget destroyed while it had the focus
            self.rule = _Rule()
        if not wants_frame(new):
            self.rule.hide()
            self.rule.setParent(None)
            return
        self.target = new
        self.rule.setParent(new)
        self._fit()
        self.rule.show()
        new.installEventFilter(self)

    def _fit(self) -> None:
        if self.target is not None:
            self.rule.setGeometry(self.target.rect())
            self.rule.raise_()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.target and event.type() in (QEvent.Type.Resize, QEvent.Type.Show):
            self._fit()
        return False


def install(app: QApplication) -> FocusFrame:
    """The application's focus frame, made on the first call."""
    found = app.findChild(QObject, FOLLOWER)
    return found if isinstance(found, FocusFrame) else FocusFrame(app)
