"""What the window keeps between runs: its layout, and the user's work in hand (the ticked
clauses of the выписка, the search text and its scope), read at start and written as it changes and at quit.

The keys and their defaults are declared in ``settings.py``; this module only knows which
widget each one belongs to, so the main window stays wiring.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QObject

from gp_desktop.ui import settings as keys
from gp_desktop.ui.first_start import available_area, first_geometry


class Session(QObject):
    """The window's layout and work, restored and saved through its ``Settings``."""

    def __init__(self, window: Any) -> None:
        super().__init__(window)
        self.window = window

    def restore_work(self) -> None:
        """The ticked clauses and the search of the last session (run once the index is up)."""
        w = self.window
        w.choice.set_all(w.settings.get(keys.EXCERPT_CHOICE).split())
        w.search_panel.set_scope(w.settings.get(keys.SEARCH_SCOPE))
        w.search_panel.field.setText(w.settings.get(keys.SEARCH_TEXT))
        # Kept as they change, not only at a clean quit.
        w.choice.changed.connect(lambda _ids: self._save_choice())

    def _save_choice(self) -> None:
        if self.window.persist:
            self.window.settings.set(keys.EXCERPT_CHOICE, " ".join(self.window.choice.ids))

    def restore_layout(self) -> None:
        w = self.window
        geometry = w.settings.get(keys.GEOMETRY)
        state = w.settings.get(keys.DOCK_STATE)
        if geometry.isEmpty() or not w.restoreGeometry(geometry):
            w.setGeometry(first_geometry(available_area(w)))
        if state.isEmpty() or not w.restoreState(state):
            w.panes.default_sizes()

    def reset_layout(self) -> None:
        w = self.window
        w.panes.reset()
        w.toolbar.show()
        w.panes.default_sizes()
        w.settings.reset_layout()

    def save(self) -> str:
        """Write everything the window keeps; the problem met, or ""."""
        w = self.window
        s = w.settings
        s.set(keys.GEOMETRY, w.saveGeometry())
        s.set(keys.DOCK_STATE, w.saveState())
        s.set(keys.FONT_SIZE, w.reader.font_size)
        s.set(keys.LAST_NODE, w.current_node)
        s.set(keys.EXACT_FORM, w.actions["exact"].isChecked())
        s.set(keys.CHANGED_SINCE, w.timeline.since)
        s.set(keys.EXCERPT_FOOTNOTES, w.excerpt_panel.footnotes)
        s.set(keys.EXCERPT_FOLDER, w.excerpt_panel.folder)
        s.set(keys.EXCERPT_CHOICE, " ".join(w.choice.ids))
        s.set(keys.SEARCH_TEXT, w.search_panel.field.text())
        s.set(keys.SEARCH_SCOPE, w.search_panel.scope_id)
        s.set(keys.LOOK, w.look.look)
        s.set(keys.WINDOW_FONT_SIZE, w.look.font_size)
        return s.sync()
