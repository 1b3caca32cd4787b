"""The window and citations: «Перейти к пункту» opens every node by each of its citations,
Ctrl+Shift+C copies the form the preferences ask for, the context menus offer both."""

from __future__ import annotations

import edition_facts as facts

from gp_desktop.corpus.citations import citations
from gp_desktop.corpus.outline import tree_node_id


def test_goto_dialog_opens_every_node_by_each_of_its_citations(window, corpus, qtbot):
    opened: list[str] = []
    window.node_opened.connect(opened.append)
    window.ask_goto()
    dialog = window.goto_dialog
    qtbot.waitUntil(dialog.isVisible)
    failures = []
    for node in corpus.nodes:
        for form, text in citations(corpus, node.id).items():
            window.ask_goto()
            dialog.field.setText(text)
            dialog.try_accept()
            if dialog.isVisible() or not opened or opened[-1] != node.id:
                failures.append((form, text, opened[-1] if opened else None))
                dialog.reject()
            elif window.current_node != tree_node_id(corpus, node.id):
                failures.append((form, text, window.current_node))
    assert failures == []
    assert len(opened) == 3 * len(corpus.nodes)


def test_goto_dialog_takes_typed_references(window, qtbot):
    opened: list[str] = []
    window.node_opened.connect(opened.append)
    for reference, node_id in facts.TYPED_REFERENCES.items():
        window.ask_goto()
        window.goto_dialog.field.setText(reference)
        window.goto_dialog.try_accept()
        assert not window.goto_dialog.isVisible(), reference
        assert opened[-1] == node_id, reference
