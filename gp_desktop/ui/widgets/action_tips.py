"""Tooltips that name the keys: «Найти… (Ctrl+F)» on every action that has a shortcut.

Toolbar buttons and menus show an action's tooltip; a user who points at a button learns
its key there. Run once the actions have their shortcuts; a tip that already names its key is
left as it is.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from PySide6.QtGui import QAction, QKeySequence


def shortcut_text(action: QAction) -> str:
    """The action's keys as the user types them: «Ctrl+F», «F3 / Ctrl+G»."""
    sequences = [s.toString(QKeySequence.SequenceFormat.NativeText) for s in action.shortcuts()]
    return " / ".join(s for s in dict.fromkeys(sequences) if s)


def plain_text(action: QAction) -> str:
    """An action's text without the access-key ampersand and the trailing dots."""
    return re.sub(r"&(.)", r"\1", action.text()).rstrip("…").rstrip(".")


def add_shortcut_tips(actions: Iterable[QAction]) -> None:
    for action in actions:
        keys = shortcut_text(action)
        if not keys:
            continue
        tip = action.toolTip() or plain_text(action)
        if "&" in tip and tip == action.text():
            tip = plain_text(action)
        if keys not in tip:
            action.setToolTip(f"{tip} ({keys})")
