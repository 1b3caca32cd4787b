"""Citations: three forms for every node, right by the rules, each leading back to its node.

The rules are in the docstring of ``gp_desktop/corpus/citations.py``; the examples (one node
of each kind) are facts of the edition in ``edition_facts.CITATIONS``.
"""

from __future__ import annotations

import json

import edition_facts as facts
import pytest
from conftest import run_cli

from gp_desktop.commands import show
from gp_desktop.corpus import model as m
from gp_desktop.corpus.citations import (
    citation,
    citations,
    formal_citation,
    full_citation,
    local_citation,
    paragraph_number,
    part_reference,
    resolve,
)
from gp_desktop.corpus.ordinals import ordinal, read_ordinal

FORMS = ("citation", "formal_citation", "full_citation")


@pytest.mark.parametrize("kind", sorted(facts.CITATIONS))
def test_each_kind_of_node_is_cited_right(corpus, kind):
    node_id, where, short, full = facts.CITATIONS[kind]
    assert citation(corpus, node_id) == where
    assert formal_citation(corpus, node_id) == short
    assert full_citation(corpus, node_id) == full
    for text in (where, short, full):
        assert resolve(corpus, text) == node_id, text


def test_every_citation_of_every_node_is_unique_and_leads_back(corpus):
    seen: dict[str, str] = {}
    failures = []
    for node in corpus.nodes:
        for form, text in citations(corpus, node.id).items():
            assert text and "  " not in text, (node.id, form, text)
            if seen.setdefault(text, node.id) != node.id:
                failures.append((form, text, seen[text], node.id))
            if resolve(corpus, text) != node.id:
                failures.append((form, text, resolve(corpus, text), node.id))
    assert failures == []
    assert len(seen) == 3 * len(corpus.nodes)


def test_paragraphs_count_from_the_opening_line(corpus):
    """Rule 1: the clause's own line is the first paragraph; rule 2: sub-clauses apart;
    rule 3: a part's unnumbered lines (the Структура's units) count from its first line."""
    for node in corpus.nodes:
        if node.kind != m.PARAGRAPH:
            continue
        parent = corpus.node(node.parent_id)
        paragraphs = [
            c
            for c in corpus.children(parent.id)
            if c.kind == m.PARAGRAPH or (c.kind == m.ITEM and not c.label)
        ]
        expected = paragraphs.index(node) + 1
        if parent.kind in (m.CLAUSE, m.SUBCLAUSE) and parent.text.strip():
            expected += 1
        assert paragraph_number(corpus, node) == expected, node.id
        word = ordinal(expected)
        assert full_citation(corpus, node.id).startswith(f"абзац {word} "), node.id
        assert formal_citation(corpus, node.id).startswith(f"абз. {expected} "), node.id


def test_no_approved_word_for_what_the_decree_does_not_approve(corpus):
    institutions = [n.id for n in corpus.nodes if n.id.startswith("perechen-uchrezhdeniy")]
    assert institutions
    for node_id in institutions:
        for text in citations(corpus, node_id).values():
            assert "утв" not in text, text


def test_the_case_follows_the_grammar(corpus):
    """A whole document in the nominative, anything in it with the document in the genitive;
    nothing cites «Приложение 1. …» or «гриф Документ …» in the nominative after a step."""
    for node in corpus.nodes:
        full = full_citation(corpus, node.id)
        if node.kind == m.PART:
            assert full[0].isupper(), full
            continue
        assert full[0].islower(), full
        for wrong in (" Приложение", " Документ для", " Положение о", " Структура Генеральной"):
            assert wrong not in full, full


def test_typed_references(corpus):
    for reference, node_id in facts.TYPED_REFERENCES.items():
        assert resolve(corpus, reference) == node_id, reference
    for reference in facts.UNKNOWN_REFERENCES:
        assert resolve(corpus, reference) is None, reference


def test_ordinals_in_words_both_ways():
    assert [ordinal(n) for n in (1, 2, 3, 10, 20, 40, 65)] == [
        "первый",
        "второй",
        "третий",
        "десятый",
        "двадцатый",
        "сороковой",
        "шестьдесят пятый",
    ]
    assert ordinal(3, "gen") == "третьего" and ordinal(25, "dat") == "двадцать пятому"
    for n in range(1, 120):
        for case in ("nom", "gen", "dat", "ins", "pre"):
            assert read_ordinal(ordinal(n, case)) == n


def test_show_finds_every_node_by_each_of_its_citations(corpus, monkeypatch, capsys):
    """`show` reads back every form of every node (in-process: 1 300 runs of the command)."""
    monkeypatch.setattr(show, "open_corpus", lambda _args: corpus)
    parser = show.add_parser(__import__("argparse").ArgumentParser().add_subparsers())
    failures = []
    for node in corpus.nodes:
        for form, text in citations(corpus, node.id).items():
            assert show.run(parser.parse_args([text, "--json"])) == 0
            data = json.loads(capsys.readouterr().out)
            if data["id"] != node.id or data[form] != text:
                failures.append((form, text, data["id"]))
    assert failures == []


def test_show_json_carries_the_three_forms():
    node_id, where, short, full = facts.CITATIONS["paragraph of a clause"]
    result = run_cli("show", full, "--json")
    assert result.returncode == 0, result.stderr
    data = json.loads(result.stdout)
    assert data["id"] == node_id
    assert (data["citation"], data["formal_citation"], data["full_citation"]) == (
        where,
        short,
        full,
    )
    typed = run_cli("show", "8) п. 19", "--json")
    assert json.loads(typed.stdout)["id"] == "polozhenie/p-19/pp-8"


def test_show_of_a_sub_clause_lists_the_footnotes_of_its_clause(corpus):
    node_id, footnote_id = facts.INHERITED_FOOTNOTE
    note = corpus.node(footnote_id).text
    data = json.loads(run_cli("show", node_id, "--json").stdout)
    assert note in data["footnotes"]
    text = run_cli("show", node_id).stdout
    assert note in text
    # The same footnotes the excerpt prints with it.
    from gp_desktop.excerpt import compose_excerpt

    printed = compose_excerpt(corpus, [node_id]).text
    for applying in data["footnotes"]:
        assert applying in printed
    assert [n.text for n in corpus.inherited_footnotes(node_id)] == data["footnotes"]


def test_the_excerpt_of_the_institutions_does_not_call_the_list_approved(corpus):
    from gp_desktop.excerpt import compose_excerpt

    node_id = facts.CITATIONS["institution of the first group"][0]
    excerpt = compose_excerpt(corpus, [node_id])
    assert "утв" not in excerpt.title
    assert excerpt.title.startswith("Выписка из перечня государственных учреждений")


def test_local_citation_and_the_document_make_the_formal_one(corpus):
    for node in corpus.nodes:
        if node.kind in (m.PART, m.FOOTNOTE):
            continue
        part = corpus.part_of(node.id).id
        local = local_citation(corpus, node.id)
        assert f"{local} {part_reference(corpus, part)}" == formal_citation(corpus, node.id)
