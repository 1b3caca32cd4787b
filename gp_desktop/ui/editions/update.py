"""Файл → «Обновить текст акта…»: what a new text changes, shown before anything is replaced.

The text is imported into a hidden file beside the user's corpus (``corpus.build.
prepare_edition``) and compared with the current edition by ``prepare_update``, on a worker
thread (``ui/tasks.py``: reading, parsing and writing the act takes seconds, and the window
must stay usable meanwhile); this dialog then shows its date, its decree, the counts and the
list of changed clauses with their words; «Принять» renames the file into place, anything else
removes it.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QVBoxLayout, QWidget

from gp_desktop.corpus.diff import (
    ADDED,
    CHANGED,
    REMOVED,
    RENUMBERED,
    ClauseChange,
    diff_editions,
)
from gp_desktop.corpus.footnotes import short_date
from gp_desktop.corpus.reader import Corpus
from gp_desktop.corpus_choice import user_corpus
from gp_desktop.ui.editions.compare import ChangesView

if TYPE_CHECKING:  # the importer loads only when a text is imported, never at start-up
    from gp_desktop.corpus.build import PreparedEdition


def prepare_update(
    source: str, corpus_path: str | Path, current: Corpus
) -> tuple[PreparedEdition, list[ClauseChange]]:
    """Import ``source`` with every edition of ``corpus_path`` into a hidden file beside the
    user's corpus, and what it changes against the ``current`` edition. Runs on a worker: it
    touches no widget, and ``current`` is only read."""
    from gp_desktop.corpus.build import prepare_edition

    target = user_corpus()
    target.parent.mkdir(parents=True, exist_ok=True)
    prepared = prepare_edition(source, corpus_path, target)
    try:
        new = Corpus(prepared.path, None if prepared.becomes_current else prepared.new.date)
        if prepared.becomes_current:
            changes = diff_editions(current, new)
        else:
            changes = diff_editions(new, current)
    except BaseException:
        prepared.discard()
        raise
    return prepared, changes


def update_summary(prepared: PreparedEdition, changes: Sequence[ClauseChange]) -> str:
    new = prepared.new
    decree = (
        f"{new.amendment.issuer} от {short_date(new.amendment.date)} № {new.amendment.number}"
        if new.amendment
        else "без изменяющих указов"
    )
    role = (
        "станет действующей"
        if prepared.becomes_current
        else "старше действующей: будет добавлена в историю, действующая редакция не изменится"
    )
    count = {
        kind: sum(1 for c in changes if c.change == kind) for kind in (CHANGED, ADDED, REMOVED)
    }
    count[CHANGED] += sum(1 for c in changes if c.change == RENUMBERED)
    return (
        f"<p>Редакция от <b>{short_date(new.date)}</b> ({decree}) — {role}.</p>"
        f"<p>Изменено пунктов: {count[CHANGED]}, добавлено: {count[ADDED]}, "
        f"исключено: {count[REMOVED]}; всего изменений: {len(changes)}.</p>"
    )


class UpdateDialog(QDialog):
    def __init__(
        self,
        prepared: PreparedEdition,
        changes: Sequence[ClauseChange],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("updateDialog")
        self.setWindowTitle("Обновить текст акта")
        self.prepared = prepared
        self.summary = QLabel(update_summary(prepared, changes))
        self.summary.setTextFormat(Qt.TextFormat.PlainText)  # corpus text, never markup
        self.summary.setObjectName("updateSummary")
        self.summary.setWordWrap(True)
        self.changes = ChangesView()
        self.changes.set_changes(changes)
        self.changes.open_button.hide()
        buttons = QDialogButtonBox()
        self.accept_button = buttons.addButton("Принять", QDialogButtonBox.ButtonRole.AcceptRole)
        self.accept_button.setObjectName("acceptUpdate")
        buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.summary)
        layout.addWidget(self.changes, 1)
        layout.addWidget(buttons)
        self.resize(1000, 640)
