"""Search in the real window with the real Whoosh index of the real act."""

from __future__ import annotations

import edition_facts as facts
from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QApplication, QListView

from gp_desktop.corpus.outline import tree_node_id
from gp_desktop.ui.search import panel as search_panel
from gp_desktop.ui.search.panel import SearchResultsModel, safe_snippet
from gp_desktop.ui.window_factory import make_window


def type_text(widget, text):
    """Key presses carrying Cyrillic text (QTest's keyClicks handles only ASCII)."""
    for char in text:
        for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
            event = QKeyEvent(kind, Qt.Key.Key_unknown, Qt.KeyboardModifier.NoModifier, char)
            QApplication.sendEvent(widget, event)


def type_query(qtbot, window, text):
    panel = window.search_panel
    qtbot.keyClick(window, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    panel.field.clear()
    type_text(panel.field, text)
    assert panel.field.text() == text
    qtbot.waitUntil(lambda: panel.results is not None and panel.results.query == text)
    return panel.results


def test_typing_searches_and_the_hit_opens_highlighted(window, qtbot):
    results = type_query(qtbot, window, "огневая подготовка")
    panel = window.search_panel
    assert [h.id for h in results.hits] == ["polozhenie/p-19/pp-45"]
    assert panel.status.text() == "Найдено фрагментов: 1."
    assert panel.model.index(0).data().startswith("Положение, Глава 3, п. 19, пп. 45)")
    qtbot.keyClick(panel.field, Qt.Key.Key_Return)
    assert window.reader.current_node == "polozhenie/p-19/pp-45"
    assert window.reader.top_node() == "polozhenie/p-19/pp-45"
    assert window.reader.highlighted_words == ["огневой", "подготовки"]
    assert window.navigator.act_view.currentIndex().data().startswith("45) определяет порядок")


def test_next_and_previous_hit_with_f3(window, qtbot, corpus):
    results = type_query(qtbot, window, "прокурора")
    assert results.total > 3
    panel = window.search_panel
    shown = []
    for _ in range(3):
        qtbot.keyClick(window, Qt.Key.Key_F3)
        shown.append(window.reader.current_node)
    expected = [tree_node_id(corpus, h.id) for h in results.hits[:3]]
    assert shown == expected
    assert panel.view.currentIndex().row() == 2
    qtbot.keyClick(window, Qt.Key.Key_F3, Qt.KeyboardModifier.ShiftModifier)
    assert panel.view.currentIndex().row() == 1
    assert window.reader.current_node == expected[1]
    words = {w.lower() for w in window.reader.highlighted_words}
    assert words and words <= {w.lower() for w in results.hits[1].words}
    # Previous from the first wraps round to the last.
    panel.choose_row(0)
    window.actions["find_previous"].trigger()
    assert panel.view.currentIndex().row() == panel.hit_count - 1
    assert panel.status.text() == f"Найдено фрагментов: {results.total}."


def test_a_long_list_is_sized_in_batches_and_every_hit_can_be_reached(window, qtbot):
    """A hundred hits are laid out a batch per pass of the event loop (no long freeze); the
    first are there at once, and stepping to the last scrolls it into view all the same."""
    results = type_query(qtbot, window, "прокуратура")
    panel = window.search_panel
    view = panel.view
    assert len(results.hits) == search_panel.LIMIT > search_panel.RESULTS_BATCH
    assert view.layoutMode() == QListView.LayoutMode.Batched
    assert view.viewport().rect().intersects(view.visualRect(panel.model.index(0)))
    panel.choose_row(len(results.hits) - 1)
    last = panel.model.index(len(results.hits) - 1)
    qtbot.waitUntil(lambda: view.viewport().rect().contains(view.visualRect(last)))
    assert window.reader.current_node == tree_node_id(window.corpus, results.hits[-1].id)
    heights = {view.visualRect(panel.model.index(r)).height() for r in range(len(results.hits))}
    assert len(heights) > 1  # sized by their snippets, not uniform


def test_misspelt_query_offers_the_spelling(window, qtbot):
    results = type_query(qtbot, window, "прокуротура")
    panel = window.search_panel
    assert results.total == 0 and panel.hit_count == 0
    assert "ничего не найдено" in panel.status.text()
    assert panel.suggestion == "прокуратура"
    assert "прокуратура</a>" in panel.status.text()
    assert not window.actions["find_next"].isEnabled()
    panel.status.linkActivated.emit("suggest:")
    qtbot.waitUntil(lambda: panel.results.query == "прокуратура")
    assert panel.field.text() == "прокуратура"
    assert panel.hit_count > 0 and window.actions["find_next"].isEnabled()


def test_exact_form_toggle(window, qtbot):
    loose = type_query(qtbot, window, "прокурора")
    panel = window.search_panel
    panel.exact_action.trigger()
    qtbot.waitUntil(lambda: panel.results.exact)
    exact = panel.results
    assert exact.query == "прокурора" and 0 < exact.total < loose.total
    assert all("прокурора" in h.text.lower() for h in exact.hits)
    assert panel.status.text().endswith("Точная форма слов.")


def test_newer_query_supersedes_older_one(window, qtbot):
    panel = window.search_panel
    panel.field.setText("полномочия")
    panel.run_now()
    panel.field.setText("огневая подготовка")
    panel.run_now()
    qtbot.waitUntil(lambda: panel.results is not None)
    qtbot.wait(200)  # an answer to the first query, if it came, would have arrived by now
    assert panel.results.query == "огневая подготовка"
    assert panel.hit_count == 1


def test_clearing_the_field_clears_results_and_highlights(window, qtbot):
    type_query(qtbot, window, "огневая подготовка")
    window.search_panel.choose_row(0)
    assert window.reader.highlighted_words
    window.search_panel.field.clear()
    assert window.search_panel.hit_count == 0
    assert window.reader.highlighted_words == []


def test_results_model_and_snippets(qapp, qtmodeltester, search_index):
    model = SearchResultsModel()
    model.set_records(search_index.search("прокурор").hits)
    qtmodeltester.check(model)
    assert model.rowCount() > 0
    assert safe_snippet("a &lt;i&gt; <b>b</b> <img src=x>") == (
        "a &lt;i&gt; <b>b</b> &lt;img src=x&gt;"
    )


def test_first_run_shows_the_act_at_once_and_search_when_ready(qtbot, corpus, user_dirs):
    """No index in the cache yet: the real one is built on a worker thread."""
    window = make_window(corpus)
    qtbot.addWidget(window)
    window.show()
    # The act is there before the index is; the search field waits for it.
    assert window.reader.current_node == "polozhenie"
    assert "ПОЛОЖЕНИЕ" in window.reader.toPlainText()
    assert not window.search_panel.field.isEnabled()
    assert "готовится" in window.search_panel.status.text()
    qtbot.waitUntil(lambda: window.search_panel.field.isEnabled(), timeout=120_000)
    cache = user_dirs / "xdg_cache_home" / "gp-desktop"
    assert any(cache.rglob("*")), "the index was not written to the user's cache"
    results = type_query(qtbot, window, "Ұлытау")
    assert {h.id for h in results.hits} >= {"perechen-uchrezhdeniy/gr-1/pp-23"}


def test_decree_number_leads_to_the_timeline_and_escape_to_the_text(window, qtbot):
    results = type_query(qtbot, window, facts.LAST_DECREE_QUERY)
    panel = window.search_panel
    assert results.total == facts.LAST_DECREE_CHANGES
    title = f"Результаты поиска ({facts.LAST_DECREE_CHANGES})"
    assert window.docks["searchDock"].windowTitle() == title
    assert f'href="event:{facts.LAST_AMENDMENT_ID}"' in panel.status.text()
    panel.status.linkActivated.emit(f"event:{facts.LAST_AMENDMENT_ID}")
    assert window.timeline.view.currentIndex().data().startswith(facts.LAST_DECREE_LABEL)
    assert "polozhenie/p-2" in window.navigator.act_model.marked
    panel.field.setFocus()
    qtbot.keyClick(panel.field, Qt.Key.Key_Escape)
    assert QApplication.focusWidget() is window.reader
