"""Corpus text is shown as text: never taken by Qt for rich text that loads files.

Qt guesses: a tooltip, a QLabel or a QMessageBox whose text *looks like* HTML
(``Qt.mightBeRichText``) is rendered as rich text, and an ``<img src="file:///dev/zero">``
in it is loaded from disk. Clause labels, decree titles and act numbers come from the
corpus file, which may be crafted. So:

- :func:`plain_tip` turns text that looks like HTML into escaped rich text that shows the
  characters it is made of; the item models' base classes (``RecordListModel``,
  ``GroupedModel``) pass every ``ToolTipRole`` through it, the act's tree and the reader
  (which calls ``QToolTip.showText`` itself) too, and so does any ``setToolTip`` of a text
  that is not the program's own;
- :func:`plain_label` and :func:`plain_box` fix a label's or a message box's format to
  plain text.
"""

from __future__ import annotations

import html

from PySide6.QtGui import Qt  # QtGui's Qt has mightBeRichText
from PySide6.QtWidgets import QLabel, QMessageBox


def plain_tip(text: str | None) -> str:
    """``text`` as a tooltip shows it: unchanged if Qt would take it for plain text, else
    escaped inside a paragraph that keeps its line breaks."""
    if not text:
        return ""
    if not Qt.mightBeRichText(text):
        return text
    return f'<p style="white-space:pre-wrap">{html.escape(text)}</p>'


def plain_label(text: str = "", parent=None) -> QLabel:
    label = QLabel(parent)
    label.setTextFormat(Qt.TextFormat.PlainText)
    label.setText(text)
    return label


def plain_box(box: QMessageBox) -> QMessageBox:
    box.setTextFormat(Qt.TextFormat.PlainText)
    return box
