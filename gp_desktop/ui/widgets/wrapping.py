"""Rows that wrap to the width of their list instead of being cut off with «…».

Qt's tree views wrap an item's text only within the height the delegate asks for, and the
standard delegate asks for one line whatever the width. In a narrow pane the history's
entries («17.12.2025 № 1125 — 7 изменений», «Положение, п. 2 — в новой редакции») and the
long names of institutions were cut. This delegate measures each row at the width it has, and
the view lays its rows out again when its width changes.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QModelIndex, QObject, QPersistentModelIndex, QRect, QSize, Qt
from PySide6.QtGui import QFontMetrics
from PySide6.QtWidgets import QStyle, QStyledItemDelegate, QStyleOptionViewItem, QTreeView

_TEXT_MARGIN = 8
"""Room Fusion leaves around an item's text, with its check box or icon beside it."""


class WrappingDelegate(QStyledItemDelegate):
    def __init__(self, view: QTreeView) -> None:
        super().__init__(view)
        self._view = view
        view.setWordWrap(True)
        view.setUniformRowHeights(False)
        view.setTextElideMode(Qt.TextElideMode.ElideNone)
        view.viewport().installEventFilter(self)
        self._width = -1

    def _depth(self, index: QModelIndex | QPersistentModelIndex) -> int:
        depth, parent = 0, index.parent()
        while parent.isValid():
            depth, parent = depth + 1, parent.parent()
        return depth

    def sizeHint(
        self, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex
    ) -> QSize:
        base = super().sizeHint(option, index)
        opt = QStyleOptionViewItem(option)
        self.initStyleOption(opt, index)
        view = self._view
        width = view.viewport().width() - view.indentation() * (self._depth(index) + 1)
        style = view.style()
        if opt.features & QStyleOptionViewItem.ViewItemFeature.HasCheckIndicator:
            width -= style.pixelMetric(QStyle.PixelMetric.PM_IndicatorWidth) + _TEXT_MARGIN
        if opt.features & QStyleOptionViewItem.ViewItemFeature.HasDecoration:
            width -= opt.decorationSize.width() + _TEXT_MARGIN
        # The text's own margins, as the style lays an item out (QCommonStyle: focus margin + 1).
        margin = style.pixelMetric(QStyle.PixelMetric.PM_FocusFrameHMargin, opt, view) + 1
        width = max(40, width - 2 * margin)
        text = QFontMetrics(opt.font).boundingRect(
            QRect(0, 0, width, 100_000), int(Qt.TextFlag.TextWordWrap), opt.text
        )
        return QSize(base.width(), max(base.height(), text.height() + 6))

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Resize and self._view.viewport().width() != self._width:
            self._width = self._view.viewport().width()
            self._view.scheduleDelayedItemsLayout()
        return False
