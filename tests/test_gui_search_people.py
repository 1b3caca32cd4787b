"""The window's side of issue 16: the scope chooser beside the search field (remembered),
search within the results, the partial matches under their heading, and the contents filter
with word forms — on the real window, act and index."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from gp_desktop.ui.navigator.act_tree import ActTreeModel
from gp_desktop.ui.navigator.tree_filter import TreeFilter
from gp_desktop.ui.search.panel import PARTIAL_TITLE
from gp_desktop.ui.search.scope import WHOLE_ACT, scope_choices
from gp_desktop.ui.widgets.roles import Role


@pytest.fixture
def build(open_window):
    """A window on the real act and index, in this test's user folders (conftest)."""
    return open_window


def answered(qtbot, panel, query: str):
    panel.search(query)
    qtbot.waitUntil(lambda: panel.results is not None and panel.results.query == query)
    return panel.results


def test_the_scope_is_beside_the_field_and_kept_for_the_next_start(build, qtbot, corpus):
    window = build()
    panel = window.search_panel
    assert panel.scope.parent() is panel.field.parent()  # both on the tool bar
    labels = [label.strip() for label, _ in scope_choices(corpus)]
    assert labels[0] == WHOLE_ACT and any(label.startswith("Глава 4") for label in labels)
    panel.set_scope("polozhenie/gl-4")
    results = answered(qtbot, panel, "имущество")
    chapter = {n.id for n in corpus.subtree("polozhenie/gl-4")}
    assert results.hits and {h.id for h in results.hits} <= chapter
    window.close()
    again = build()
    assert again.search_panel.scope_id == "polozhenie/gl-4"
    again.search_panel.set_scope("")
    assert again.search_panel.scope_id == ""


def test_search_within_the_results(build, qtbot):
    window = build()
    panel = window.search_panel
    first = answered(qtbot, panel, "Главный военный прокурор")
    found = {h.id for h in first.hits + first.partial}
    panel.among.setChecked(True)
    again = answered(qtbot, panel, "назначает")
    assert again.hits
    assert all(h.id in found or any(h.id.startswith(f + "/") for f in found) for h in again.hits)
    panel.among.setChecked(False)  # searches again, in the whole act
    qtbot.waitUntil(lambda: panel.results is not again)
    wider = panel.results
    assert wider.total > again.total


def test_partial_matches_are_listed_under_their_heading(build, qtbot):
    window = build()
    panel = window.search_panel
    results = answered(qtbot, panel, "защита прав инвесторов комитет полномочия")
    assert results.total == 0 and results.partial
    assert panel.hit_count == 0
    assert PARTIAL_TITLE in panel.partial_label.text() and panel.partial_view.isVisible()
    assert "ничего не найдено" in panel.status.text()
    first = panel.partial_model.index(0)
    assert first.data(Role.NODE_ID) == "polozhenie/p-2"
    assert "нет: «полномочия»" in first.data(Role.CITATION)
    panel.partial_view.setCurrentIndex(first)
    assert window.reader.current_node == "polozhenie/p-2"
    answered(qtbot, panel, "прокуратура")
    assert not panel.partial_view.isVisible()


def test_contents_filter_knows_word_forms(qapp, qtmodeltester, corpus):
    proxy = TreeFilter()
    proxy.setSourceModel(ActTreeModel(corpus))
    for typed in ("огневая подготовка", "огневой подготовки", "ОГНЕВУЮ"):
        proxy.set_words(typed)
        qtmodeltester.check(proxy)
        kept = []
        stack = [proxy.index(r, 0) for r in range(proxy.rowCount())]
        while stack:
            index = stack.pop()
            kept.append(index.data(Role.NODE_ID))
            stack += [proxy.index(r, 0, index) for r in range(proxy.rowCount(index))]
        assert "polozhenie/p-19/pp-45" in kept, typed
        assert "polozhenie/p-19/pp-44" not in kept
    proxy.set_words("")
    assert proxy.rowCount() > 0 and not proxy.active
    assert Qt  # the filter is a Qt model checked by qtmodeltester above
