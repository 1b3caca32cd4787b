"""A row the user chose in a list, as opposed to a row the focus merely landed on.

When a list gets the keyboard focus with no current row, Qt makes its first row current
without selecting it. Panes that opened a clause or marked a decree on ``currentChanged``
therefore acted when the user only tabbed through them: tabbing onto the history list chose
the first decree and marked its clauses. The user's choices (a click, the arrow keys, code
that calls ``setCurrentIndex``) select the row as well, so following the *selection* instead
of the current index tells the two apart.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QItemSelection, QModelIndex
from PySide6.QtWidgets import QAbstractItemView


def on_user_choice(view: QAbstractItemView, slot: Callable[[QModelIndex], None]) -> None:
    """Call ``slot(index)`` when a row of ``view`` becomes selected, never on focus alone."""

    def selection_changed(selected: QItemSelection, _deselected: QItemSelection) -> None:
        # The selection changes before the current index does: the new row is the selected one.
        rows = [index for index in selected.indexes() if index.column() == 0]
        if rows:
            slot(rows[0])

    view.selectionModel().selectionChanged.connect(selection_changed)
