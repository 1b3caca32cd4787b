"""Where the reader has been: the clauses opened, for «Назад» and «Вперёд».

A QObject so that the two actions follow ``changed``; a clause opened again right after
itself is not a new step, and only the last ``LIMIT`` steps are kept.
"""

from __future__ import annotations

from PySide6.QtCore import QObject, Signal

LIMIT = 200


class History(QObject):
    changed = Signal()

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._steps: list[str] = []
        self._at = -1

    @property
    def can_go_back(self) -> bool:
        return self._at > 0

    @property
    def can_go_forward(self) -> bool:
        return self._at < len(self._steps) - 1

    def remember(self, node_id: str) -> None:
        if 0 <= self._at < len(self._steps) and self._steps[self._at] == node_id:
            return
        del self._steps[self._at + 1 :]
        self._steps.append(node_id)
        del self._steps[:-LIMIT]
        self._at = len(self._steps) - 1
        self.changed.emit()

    def step(self, delta: int) -> str | None:
        """Move back (−1) or forward (+1); the node to show there, or None at either end."""
        at = self._at + delta
        if not 0 <= at < len(self._steps):
            return None
        self._at = at
        self.changed.emit()
        return self._steps[at]
