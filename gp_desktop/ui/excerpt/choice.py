"""The clauses ticked for an excerpt, shared by the tree, the reader, the results and the pane.

One object holds the choice so that a tick anywhere shows everywhere: the tree's check boxes,
the results' check boxes and the excerpt pane all read it and follow its ``changed`` signal.
"""

from __future__ import annotations

from collections.abc import Iterable

from PySide6.QtCore import QObject, Signal

from gp_desktop.corpus.reader import Corpus


class ExcerptChoice(QObject):
    changed = Signal(list)
    """The node ids whose state changed (ticked or unticked)."""

    def __init__(self, corpus: Corpus, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.corpus = corpus
        self._ids: set[str] = set()

    def __contains__(self, node_id: object) -> bool:
        return node_id in self._ids

    def __len__(self) -> int:
        return len(self._ids)

    @property
    def ids(self) -> tuple[str, ...]:
        """The ticked node ids in document order."""
        return tuple(sorted(self._ids, key=lambda n: self.corpus.by_id[n].seq))

    def set_chosen(self, node_id: str, chosen: bool) -> None:
        if node_id not in self.corpus.by_id or (node_id in self._ids) == chosen:
            return
        if chosen:
            self._ids.add(node_id)
        else:
            self._ids.discard(node_id)
        self.changed.emit([node_id])

    def toggle(self, node_id: str) -> bool:
        """Tick or untick ``node_id``; returns whether it is ticked now."""
        self.set_chosen(node_id, node_id not in self._ids)
        return node_id in self._ids

    def set_all(self, node_ids: Iterable[str]) -> None:
        new = {n for n in node_ids if n in self.corpus.by_id}
        touched = sorted(new ^ self._ids)
        self._ids = new
        if touched:
            self.changed.emit(touched)

    def clear(self) -> None:
        self.set_all(())
