"""The navigator's filter box: rows whose text has every typed word, with their ancestors.

Matching is on folded text (``text_fold``), so case, «ё» and Kazakh letters typed as their
Russian look-alikes do not matter, and a Russian word is looked for by its stem, so any form
finds every form («огневая подготовка» keeps «огневой подготовки»). A row that matches keeps
its children visible, so a chapter found by its heading can still be opened.
"""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QSortFilterProxyModel

from gp_desktop.text_fold import fold
from gp_desktop.ui.widgets.roles import Role

MIN_STEM = 3
"""A word is cut to its stem only when that leaves at least this many letters."""


def word_stem(word: str) -> str:
    """What a typed word is looked for by: its Snowball stem for a Russian word («огневая» →
    «огнев»), else the word as typed. The stemmer comes with the search, loaded on the first
    filter typed (not at start-up)."""
    if len(word) <= MIN_STEM or not word.isalpha() or not any("а" <= c <= "я" for c in word):
        return word
    from gp_desktop.search.analysis import stem

    found = stem(word)
    return found if len(found) >= MIN_STEM and word.startswith(found) else word


class TreeFilter(QSortFilterProxyModel):
    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.setRecursiveFilteringEnabled(True)
        self.setAutoAcceptChildRows(True)
        self.setFilterRole(Role.FILTER_TEXT)
        self._words: tuple[str, ...] = ()
        self._kept: set[int] | None = None

    def set_words(self, text: str) -> None:
        words = tuple(dict.fromkeys(word_stem(w) for w in fold(text).split()))
        if words == self._words:
            return

        def change() -> None:
            self._words = words
            # A model that can say at once which rows a filter keeps (``matching``) spares
            # Qt's recursive filter its calls into Python, several per row.
            matching = getattr(self.sourceModel(), "matching", None)
            self._kept = matching(words) if words and matching else None
            self.setRecursiveFilteringEnabled(self._kept is None)
            self.setAutoAcceptChildRows(self._kept is None)

        # begin/endFilterChange replace invalidateRowsFilter from Qt 6.9 on.
        if hasattr(self, "beginFilterChange"):
            self.beginFilterChange()
            change()
            self.endFilterChange()
        else:
            change()
            self.invalidateRowsFilter()

    @property
    def active(self) -> bool:
        return bool(self._words)

    def filterAcceptsRow(
        self, source_row: int, source_parent: QModelIndex | QPersistentModelIndex
    ) -> bool:
        if not self._words:
            return True
        index = self.sourceModel().index(source_row, 0, source_parent)
        if self._kept is not None:
            return index.internalId() in self._kept
        text = index.data(Role.FILTER_TEXT) or ""
        return all(word in text for word in self._words)
