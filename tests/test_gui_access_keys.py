"""Access keys (Alt + the underlined letter): unique in the menu bar, in every menu, in the
window's panes together with the menu bar, and in every dialog; and they do what they say.

The walk reads the real window, so a menu, pane or button added later is checked too.
"""

from __future__ import annotations

import re
from collections import Counter

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractButton,
    QApplication,
    QGroupBox,
    QLabel,
    QMenu,
    QTabWidget,
    QToolButton,
    QWidget,
)

from gp_desktop.ui.main_window import MainWindow

_MNEMONIC = re.compile(r"&([^&\s])")


def letter(text: str) -> str | None:
    found = _MNEMONIC.search(text.replace("&&", ""))
    return found.group(1).lower() if found else None


def widget_texts(root: QWidget) -> list[tuple[str, str]]:
    """(what, text) for every widget under ``root`` that can carry an access key."""
    found = []
    for widget in root.findChildren(QWidget):
        if isinstance(widget, QMenu) or widget.window() is not root.window():
            continue
        if isinstance(widget, QToolButton) and widget.defaultAction() is not None:
            continue  # shows the action's icon text, which carries no access key
        if isinstance(widget, QAbstractButton):
            found.append((widget.objectName() or widget.text(), widget.text()))
        elif isinstance(widget, QLabel) and widget.buddy() is not None:
            found.append((widget.buddy().objectName(), widget.text()))
        elif isinstance(widget, QGroupBox):
            found.append((widget.objectName(), widget.title()))
        elif isinstance(widget, QTabWidget):
            found += [(f"tab {i}", widget.tabText(i)) for i in range(widget.count())]
    return found


def menus_of(window: MainWindow) -> list[QMenu]:
    result = []

    def walk(menu: QMenu) -> None:
        result.append(menu)
        for action in menu.actions():
            if action.menu() is not None:
                walk(action.menu())

    for action in window.menuBar().actions():
        walk(action.menu())
    return result


def duplicates(letters: list[str | None]) -> list[str]:
    return [k for k, n in Counter(x for x in letters if x).items() if n > 1]


@pytest.fixture
def window(open_window):
    return open_window()


def test_menu_bar_letters_are_unique_and_every_menu_has_one(window):
    titles = [a.text() for a in window.menuBar().actions()]
    assert all(letter(t) for t in titles), titles
    assert not duplicates([letter(t) for t in titles]), titles


def test_every_menu_item_has_its_own_letter(window):
    for menu in menus_of(window):
        items = [a.text() for a in menu.actions() if not a.isSeparator()]
        missing = [t for t in items if not letter(t)]
        assert not missing, (menu.title(), missing)
        assert not duplicates([letter(t) for t in items]), (menu.title(), items)


def test_panes_and_menu_bar_share_no_letter(window):
    """Alt+letter reaches a pane's field or button from anywhere in the window, so no pane may
    take a letter of the menu bar or of another pane (tabbed panes included)."""
    texts = [("menu", a.text()) for a in window.menuBar().actions()] + widget_texts(window)
    letters = [letter(t) for _w, t in texts]
    assert not duplicates(letters), [(w, t) for w, t in texts if letter(t) in duplicates(letters)]
    # Every pane's field reached by a label is reached by a letter.
    labels = [t for _w, t in widget_texts(window) if t.endswith(":")]
    assert all(letter(t) for t in labels), labels


@pytest.mark.parametrize("menu, expected", [("edit", "п"), ("help", "с"), ("file", "ф")])
def test_alt_letter_opens_its_menu(window, qtbot, menu, expected):
    """Alt+П opens «Правка» and Alt+С «Справка», wherever the focus is."""
    wanted = letter(window.menus[menu].title())
    assert wanted == expected
    for focus in (window.reader, window.search_panel.field, window.timeline.view):
        focus.setFocus()
        # The key of a Cyrillic letter is its upper-case code point, as Qt reads mnemonics.
        qtbot.keyClick(window, Qt.Key(ord(wanted.upper())), Qt.KeyboardModifier.AltModifier)
        qtbot.waitUntil(lambda: window.menus[menu].isVisible(), timeout=2000)
        window.menus[menu].close()
        qtbot.waitUntil(lambda: not window.menus[menu].isVisible(), timeout=2000)


def test_every_dialog_has_unique_letters(window, qtbot):
    window.ask_goto()
    window.show_help()
    window.actions["excerpt_preferences"].trigger()
    window.actions["act_print"].trigger()
    dialogs = (window.goto_dialog, window.help_window, window.preferences_dialog, window.act_dialog)
    for dialog in dialogs:
        qtbot.waitUntil(dialog.isVisible)
        texts = widget_texts(dialog)
        assert texts, dialog.objectName()
        assert not duplicates([letter(t) for _w, t in texts]), texts
        dialog.close()
    assert QApplication.activeModalWidget() is None
