"""The window's plain logic, tested without a display: outline rows, titles, wording, the act's HTML.

These functions moved out of ``ui/`` into the core; they are checked here on the real act and
the committed corpus, with nothing of Qt imported (test_layering checks the import side).
"""

from __future__ import annotations

import edition_facts as facts

from gp_desktop.corpus import model as m
from gp_desktop.corpus.act_html import document_html
from gp_desktop.corpus.outline import TREE_KINDS, choice_node, tree_node_id
from gp_desktop.corpus.titles import amendment_note, change_title, event_title, node_title
from gp_desktop.text_fold import fold
from gp_desktop.wording import clauses


def test_every_node_is_stood_for_by_a_row_of_the_tree(corpus):
    for node in corpus.nodes:
        row = corpus.by_id[tree_node_id(corpus, node.id)]
        assert row.kind in TREE_KINDS
        if node.kind in TREE_KINDS:
            assert row.id == node.id


def test_a_ticked_footnote_stands_for_its_clause_and_a_clause_for_itself(corpus):
    footnote = next(n for n in corpus.nodes if n.kind == m.FOOTNOTE)
    assert choice_node(corpus, footnote.id) == tree_node_id(corpus, footnote.id)
    assert choice_node(corpus, footnote.id) != footnote.id
    clause = next(n for n in corpus.nodes if n.kind == m.CLAUSE)
    assert choice_node(corpus, clause.id) == clause.id


def test_titles_are_one_line_and_bounded(corpus):
    for node in corpus.nodes:
        if node.kind in TREE_KINDS:
            title = node_title(node)
            assert title and "\n" not in title and len(title) <= 160


def test_amendment_notes_name_each_decree_of_an_amended_node(corpus):
    amended = [n.id for n in corpus.nodes if corpus.amendments_of(n.id)]
    assert amended
    for node_id in amended:
        note = amendment_note(corpus, node_id)
        for amendment, _link in corpus.amendments_of(node_id):
            assert f"№ {amendment.number}" in note
    untouched = next(n.id for n in corpus.nodes if not corpus.amendments_of(n.id))
    assert amendment_note(corpus, untouched) == ""


def test_event_and_change_titles_follow_the_timeline(corpus):
    events = corpus.timeline()
    assert event_title(events[0]).endswith("исходный текст")
    for event in events[1:]:
        assert event_title(event).startswith(f"{event.date[8:10]}.{event.date[5:7]}.")
        assert f"№ {event.number}" in event_title(event)
        for change in event.changes:
            assert ", Глава " not in change_title(change)
            assert change_title(change).startswith(change.citation.split(", Глава ")[0])


def test_wording_and_folding():
    assert [clauses(n) for n in (1, 3, 11, 21, 25)] == [
        "1 пункт",
        "3 пункта",
        "11 пунктов",
        "21 пункт",
        "25 пунктов",
    ]
    assert fold("  Ұлытау  ЁЛКА ") == fold("улытау елка")


def test_the_act_html_anchors_every_node(corpus):
    html = document_html(corpus)
    missing = [n.id for n in corpus.nodes if f'name="{n.id}"' not in html]
    assert missing == []


def test_the_original_decree_is_signed_and_its_documents_approved_in_agreement(corpus):
    original = corpus.timeline()[0]
    titles = {c.node_id: change_title(c) for c in original.changes}
    for node_id, title in facts.ENACTED_TITLES.items():
        assert titles[node_id] == title
    # The decree is signed, not approved; no document is «утверждён» against its gender.
    assert not titles["ukaz"].endswith("утверждён")


def test_a_heading_only_new_edition_names_the_heading_not_the_part(corpus):
    node_id, number = facts.HEADING_EDITION
    event = next(e for e in corpus.timeline() if e.number == number)
    of_node = [c for c in event.changes if c.node_id == node_id]
    heading = [c for c in of_node if c.scope == "heading"]
    assert [change_title(c) for c in heading] == [facts.HEADING_EDITION_TITLE]
    assert heading[0].effect == "new_edition"
    # The part's own footnote («Перечень с изменениями …») is a change of the part, not a
    # new edition of it.
    whole = [c for c in of_node if c.scope != "heading"]
    assert whole and all(c.effect != "new_edition" for c in whole)
    assert "заголовок — в новой редакции" in amendment_note(corpus, node_id)
