"""The few icons the window needs, drawn at run time so no image files have to be shipped."""

from __future__ import annotations

import math
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


@cache
def star(filled: bool = True) -> QIcon:
    icon = QIcon()
    for size in (16, 24, 32):
        pixmap = QPixmap(size, size)
        pixmap.fill(Qt.GlobalColor.transparent)
        painter = QPainter(pixmap)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setPen(QColor(STAR_COLOUR).darker(130))
        painter.setBrush(QColor(STAR_COLOUR) if filled else Qt.BrushStyle.NoBrush)
        painter.drawPolygon(_star_polygon(size))
        painter.end()
        icon.addPixmap(pixmap)
    return icon
