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


ARROW_COLOUR = "#3c4650"


@cache
def arrow(back: bool) -> QIcon:
    """Back or forward: a plain arrow in the star's manner. The style's own arrows would cost
    the first touch of ``QStyle`` (twelve enums built, 4 ms) before the window's first paint."""
    icon = QIcon()
    for size in (16, 24, 32):
        pixmap = QPixmap(size, size)
        pixmap.fill(Qt.GlobalColor.transparent)
        painter = QPainter(pixmap)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(QColor(ARROW_COLOUR))
        s = float(size)
        # Pointing right; mirrored for back.
        points = [
            (0.12, 0.40), (0.50, 0.40), (0.50, 0.18), (0.90, 0.50),
            (0.50, 0.82), (0.50, 0.60), (0.12, 0.60),
        ]  # fmt: skip
        painter.drawPolygon(
            QPolygonF([QPointF(s * (1 - x if back else x), s * y) for x, y in points])
        )
        painter.end()
        icon.addPixmap(pixmap)
        disabled = QPixmap(pixmap)
        disabled.fill(Qt.GlobalColor.transparent)
        painter = QPainter(disabled)
        painter.setOpacity(0.35)
        painter.drawPixmap(0, 0, pixmap)
        painter.end()
        icon.addPixmap(disabled, QIcon.Mode.Disabled)
    return icon
