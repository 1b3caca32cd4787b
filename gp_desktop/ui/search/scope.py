"""Where the search looks: the whole act, one of its parts, or a chapter (the chooser beside
the search field), as the command line's ``--in``.

The choices are the act's parts that have words of their own and the Положение's chapters,
each by its title; the chosen node id is what ``SearchIndex.search(within=…)`` takes and what
the session keeps for the next start.
"""

from __future__ import annotations

from PySide6.QtWidgets import QComboBox, QSizePolicy, QWidget

from gp_desktop.corpus import model as m
from gp_desktop.corpus.reader import Corpus

WHOLE_ACT = "Во всём акте"
MAX_TITLE = 48


def scope_choices(corpus: Corpus) -> list[tuple[str, str]]:
    """``(label, node id)``: the whole act first (id ""), then parts with their chapters."""
    found = [(WHOLE_ACT, "")]
    for part in corpus.parts():
        title = " ".join((part.title or part.heading or "").split())
        if not title:
            continue
        found.append((_short(title), part.id))
        for chapter in corpus.children(part.id):
            if chapter.kind == m.CHAPTER:
                name = " ".join(f"{chapter.label} {chapter.heading}".split())
                found.append(("    " + _short(name), chapter.id))
    return found


def _short(text: str) -> str:
    return text if len(text) <= MAX_TITLE else text[: MAX_TITLE - 1].rstrip() + "…"


class ScopeChooser(QComboBox):
    """The part or chapter to search in; ``scope_id`` is "" for the whole act."""

    def __init__(self, corpus: Corpus, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("searchScope")
        self.setAccessibleName("Где искать")
        self.setToolTip("Искать во всём акте, в одной его части или главе")
        self.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.setMinimumContentsLength(14)
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Fixed)
        for label, node_id in scope_choices(corpus):
            self.addItem(label, node_id)

    @property
    def scope_id(self) -> str:
        return self.currentData() or ""

    def set_scope(self, node_id: str) -> None:
        """Choose ``node_id`` (the whole act when it is not one of the choices)."""
        found = self.findData(node_id or "")
        self.setCurrentIndex(max(0, found))
