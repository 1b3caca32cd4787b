"""The window's actions as declared in ``gp_desktop.ui.actions``: built once each, every key
bound to one action only, and every key pressed on the real window triggers its action."""

from __future__ import annotations

from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QFileDialog, QMenu

from gp_desktop.ui import actions as declared
from gp_desktop.ui.reader.goto_dialog import GotoDialog


def test_each_declared_action_is_built_once_with_its_keys_and_menus(window):
    assert set(window.actions) == set(declared.SPECS)
    for name, spec in declared.SPECS.items():
        action = window.actions[name]
        assert action.objectName() == name
        assert action.shortcuts() == [QKeySequence(k) for k in spec.shortcuts], name
        if spec.menu:
            assert action in window.menus[spec.menu].actions(), name
    for entry in declared.ACTIONS:
        if isinstance(entry, declared.MenuEntry):
            assert window.actions[entry.name] in window.menus[entry.menu].actions()
    panels = window.menus["view"].findChild(QMenu, "panelsMenu")
    # Each entry opens with the first letter of its pane's title (Alt+О «Оглавление»).
    assert [a.text() for a in panels.actions()] == [
        f"&{d.windowTitle()}" for d in window.docks.values()
    ]


def test_no_key_is_bound_to_two_actions(window):
    owner: dict[str, str] = {}
    for name, action in window.actions.items():
        for sequence in action.shortcuts():
            key = sequence.toString()
            assert key not in owner, f"{key}: {owner.get(key)} and {name}"
            owner[key] = name


def test_every_key_triggers_its_action(window, qtbot, monkeypatch):
    # What would open a modal dialog answers at once; quitting is only counted.
    monkeypatch.setattr(GotoDialog, "ask", lambda self: None)
    monkeypatch.setattr(QFileDialog, "getSaveFileName", staticmethod(lambda *a, **k: ("", "")))
    window.excerpt_panel.print_ = lambda: False
    window.excerpt_panel.preview = lambda: False
    window.close = lambda: True
    # Every action enabled: a history to go back in, a выписка, search hits.
    window.goto("19")
    window.goto("20")
    window.choice.set_chosen("polozhenie/p-19", True)
    window.search_panel.search("прокуратура")
    qtbot.waitUntil(lambda: window.search_panel.hit_count > 0)

    fired: list[str] = []
    for name, action in window.actions.items():
        action.triggered.connect(lambda _checked=False, name=name: fired.append(name))
    pressed = 0
    for name, action in window.actions.items():  # declared order: «Назад» before «Вперёд»
        for sequence in action.shortcuts():
            if sequence.isEmpty():  # a standard key this platform leaves unbound
                continue
            if name.startswith("compare_") and not window.editions.comparing:
                # Keys of a comparison in the reader: the one edition held, with itself.
                edition = window.corpus.edition.id
                window.editions.comparison.open(edition, edition)
            assert action.isEnabled(), name
            combination = sequence[0]
            fired.clear()
            qtbot.keyClick(window, combination.key(), combination.keyboardModifiers())
            assert fired == [name], f"{sequence.toString()} → {fired}, expected {name}"
            pressed += 1
    bound = [s for a in window.actions.values() for s in a.shortcuts() if not s.isEmpty()]
    assert pressed == len(bound) > 25


def test_actions_follow_the_state_of_the_window(window, qtbot):
    actions: dict[str, QAction] = window.actions
    assert not actions["excerpt_print"].isEnabled()
    window.choice.set_chosen("polozhenie/p-19", True)
    assert all(actions[n].isEnabled() for n in declared.EXCERPT_TOOLBAR)
    window.choice.clear()
    assert not any(actions[n].isEnabled() for n in declared.EXCERPT_TOOLBAR)
    window.goto("19")
    assert not actions["bookmark"].isChecked()
    actions["bookmark"].trigger()
    assert actions["bookmark"].isChecked() and actions["bookmark"].text() == "Удалить из &закладок"
    assert [b.node_id for b in window.bookmarks] == ["polozhenie/p-19"]
    actions["bookmark"].trigger()
    assert not actions["bookmark"].isChecked() and len(window.bookmarks) == 0
    assert not actions["find_next"].isEnabled()
    window.search_panel.search("прокуратура")
    qtbot.waitUntil(lambda: actions["find_next"].isEnabled())
