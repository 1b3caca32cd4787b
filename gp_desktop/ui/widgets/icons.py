"""The few icons the window needs, drawn at run time so no image files have to be shipped."""

from __future__ import annotations

import math
from collections.abc import Callable
from functools import cache

from PySide6.QtCore import QPointF, Qt
from PySide6.QtGui import QColor, QIcon, QPainter, QPixmap, QPolygonF

STAR_COLOUR = "#d99a00"


def _star_polygon(size: float) -> QPolygonF:
    centre = size / 2
    outer, inner = size * 0.48, size * 0.2
    points = []
    for i in range(10):
        radius = outer if i % 2 == 0 else inner
        angle = -math.pi / 2 + i * math.pi / 5
        points.append(QPointF(centre + radius * math.cos(angle), centre + radius * math.sin(angle)))
    return QPolygonF(points)


SIZES = (16, 24, 32)


def _drawn(draw: Callable[[QPainter, float], None]) -> QIcon:
    """An icon painted at each size by ``draw(painter, size)``; Qt greys it when disabled."""
    icon = QIcon()
    for size in SIZES:
        pixmap = QPixmap(size, size)
        pixmap.fill(Qt.GlobalColor.transparent)
        painter = QPainter(pixmap)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        draw(painter, float(size))
        painter.end()
        icon.addPixmap(pixmap)
    return icon


@cache
def star(filled: bool = True) -> QIcon:
    def draw(painter: QPainter, size: float) -> None:
        painter.setPen(QColor(STAR_COLOUR).darker(130))
        painter.setBrush(QColor(STAR_COLOUR) if filled else Qt.BrushStyle.NoBrush)
        painter.drawPolygon(_star_polygon(size))

    return _drawn(draw)


ARROW_COLOUR = "#3c4650"
# Pointing right, in fractions of the icon's size; mirrored for back.
_ARROW = ((0.12, 0.40), (0.50, 0.40), (0.50, 0.18), (0.90, 0.50), (0.50, 0.82), (0.50, 0.60), (0.12, 0.60))  # fmt: skip


@cache
def arrow(back: bool) -> QIcon:
    """Back or forward: a plain arrow in the star's manner. The style's own arrows would cost
    the first touch of ``QStyle`` (twelve enums built, 4 ms) before the window's first paint."""

    def draw(painter: QPainter, size: float) -> None:
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(QColor(ARROW_COLOUR))
        points = [QPointF(size * (1 - x if back else x), size * y) for x, y in _ARROW]
        painter.drawPolygon(QPolygonF(points))

    return _drawn(draw)
