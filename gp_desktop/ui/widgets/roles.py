"""Custom item-data roles shared by every model of the window, declared in one place."""

from __future__ import annotations

from enum import IntEnum

from PySide6.QtCore import Qt

_BASE = int(Qt.ItemDataRole.UserRole)


class Role(IntEnum):
    NODE_ID = _BASE + 1
    """The corpus node an item leads to (str), or None for a heading with nowhere to go."""
    KIND = _BASE + 2
    """The node kind (``gp_desktop.corpus.model``) or the model's own kind of row."""
    FILTER_TEXT = _BASE + 3
    """Folded text the filter box matches against (see ``text_fold.fold``)."""
    MARKED = _BASE + 4
    """True while the item is marked by the timeline («changed by», «changed since»)."""
    BOOKMARKED = _BASE + 5
    """True when the item's node is in the bookmarks."""
    CITATION = _BASE + 6
    """The short citation path of the item's node."""
    SNIPPET = _BASE + 7
    """A search hit's snippet: escaped text with the matched words in <b>…</b>."""
    RECORD = _BASE + 8
    """The frozen record behind the row (Node, Hit, Event, Change, Bookmark …)."""
    AMENDED = _BASE + 9
    """True when a decree changed the node (its footnotes say so)."""
