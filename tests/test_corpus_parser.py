"""The importer on the real act: structure, joins, footnotes, amendments, institutions."""

from __future__ import annotations

import re

import edition_facts as facts
from conftest import source_words

from gp_desktop.corpus import model as m
from gp_desktop.corpus.export import node_line
from gp_desktop.corpus.parser import parse_act


def by_id(parsed):
    return {n.id: n for n in parsed.nodes}


def children(parsed, node_id, kind=None):
    return [
        n
        for n in sorted(parsed.nodes, key=lambda n: n.position)
        if n.parent_id == node_id and (kind is None or n.kind == kind)
    ]


def test_every_word_of_the_source_survives_in_order(parsed, source_text):
    exported: list[str] = []
    for node in sorted(parsed.nodes, key=lambda n: n.seq):
        exported.extend(node_line(node).split())
    assert exported == source_words(source_text)


def test_parts_in_order(parsed):
    parts = [n.id for n in sorted(parsed.nodes, key=lambda n: n.seq) if n.kind == m.PART]
    assert parts[:4] == ["ukaz", "polozhenie", "perechen-uchrezhdeniy", "struktura"]
    assert parts[-1] == "perechen-utrativshih"
    assert "izmeneniya" in parts
    assert parts.index("izmeneniya") < parts.index("prilozhenie-1")


def test_polozhenie_chapters_and_clauses(parsed):
    chapters = children(parsed, "polozhenie", m.CHAPTER)
    assert [c.label for c in chapters] == [f"Глава {k}." for k in range(1, 6)]
    assert chapters[2].heading == "Статус, полномочия первого руководителя Генеральной прокуратуры"
    clauses = [n for n in parsed.nodes if n.kind == m.CLAUSE and n.id.startswith("polozhenie/")]
    assert [c.label for c in sorted(clauses, key=lambda n: n.seq)] == [
        f"{k}." for k in range(1, 26)
    ]
    nodes = by_id(parsed)
    assert nodes["polozhenie/p-19"].parent_id == "polozhenie/gl-3"
    assert nodes["polozhenie/p-25"].parent_id == "polozhenie/gl-5"


def test_subclauses_with_hyphenated_numbers(parsed):
    nodes = by_id(parsed)
    assert nodes["polozhenie/p-15/pp-3-1"].label == "3-1)"
    assert nodes["polozhenie/p-15/pp-25-1"].text.startswith("согласование типовых")
    assert nodes["polozhenie/p-19/pp-32-2"].label == "32-2)"
    labels = [c.label for c in children(parsed, "polozhenie/p-19", m.SUBCLAUSE)]
    assert labels[:3] == ["1)", "2)", "3)"] and labels[-1] == "47)"
    assert "32-1)" in labels and len(labels) == 49


def test_clause_14_has_rights_and_duties_whatever_the_heading_levels(parsed):
    subs = children(parsed, "polozhenie/p-14", m.SUBCLAUSE)
    assert [(s.label, s.text) for s in subs] == [("1)", "права:"), ("2)", "обязанности:")]
    rights = children(parsed, "polozhenie/p-14/pp-1", m.PARAGRAPH)
    assert rights[0].text.startswith("организовывать и координировать")
    assert len(children(parsed, "polozhenie/p-14/pp-2", m.PARAGRAPH)) == 15
    # «## 15. Функции:» is a clause although marked as a level-2 heading.
    assert by_id(parsed)["polozhenie/p-15"].kind == m.CLAUSE


def test_page_break_splits_are_joined_without_losing_words(parsed):
    nodes = by_id(parsed)
    assert (
        "оформляемые приказами Генерального Прокурора Республики Казахстан"
        in nodes["polozhenie/p-7"].text
    )
    assert "за выполнение возложенных на Генеральную прокуратуру" in nodes["polozhenie/p-16"].text
    assert "специальных государственных органов" in nodes["izmeneniya/p-4"].text
    joined = [n for n in parsed.nodes if "физиологических особенностей, психических" in n.text]
    assert len(joined) >= 2  # 14.1 and 15.14: each one paragraph again
    # The structure's units end without punctuation too, but are never joined.
    assert by_id(parsed)["struktura/ed-1"].text == "Руководство"


def test_paragraph_after_the_last_subclause_belongs_to_the_clause(parsed):
    nodes = by_id(parsed)
    tail = nodes["polozhenie/p-19/abz-1"]
    assert tail.parent_id == "polozhenie/p-19"
    assert tail.text.startswith(
        "Исполнение полномочий Генерального Прокурора в период его отсутствия"
    )
    # …while a paragraph that continues a sub-clause stays in it.
    assert nodes["polozhenie/p-19/pp-19/abz-1"].text.startswith("Вносит Президенту")


def test_footnotes_attach_by_place_and_mismatch_is_reported(parsed):
    nodes = by_id(parsed)
    note = nodes["polozhenie/p-13/snoska-1"]
    assert note.text == facts.P13_FOOTNOTE
    assert any("пункте 11" in w and "пункта 13" in w for w in parsed.warnings)
    assert nodes["ukaz/preambula/snoska-1"].text.startswith("Сноска. Преамбула")
    assert nodes["polozhenie/snoska-1"].text.startswith("Сноска. Положение")


def test_amendments_and_effects(parsed):
    decrees = [(a.date, a.number) for a in parsed.amendments]
    assert decrees == facts.AMENDMENTS
    links = {(x.node_id, x.amendment_id, x.effect) for x in parsed.node_amendments}
    assert ("polozhenie/p-1", "ukaz-2023-10-05-366", m.NEW_EDITION) in links
    assert ("polozhenie/p-1", facts.LAST_AMENDMENT_ID, m.CHANGED) in links
    assert {x for x in links if x[0] == "polozhenie/p-15"} == facts.P15_LINKS
    assert ("izmeneniya/p-2", "ukaz-2023-07-31-290", m.REPEALED) in links
    assert ("izmeneniya/p-5", "ukaz-2023-05-30-238", m.REPEALED) in links
    assert ("struktura", facts.LAST_AMENDMENT_ID, m.NEW_EDITION) in links
    footnotes = {x.footnote for x in parsed.node_amendments if x.node_id == "polozhenie/p-14"}
    assert footnotes == {facts.P14_FOOTNOTE}
    assert parsed.act.edition_date == facts.EDITION_DATE
    assert (parsed.act.date, parsed.act.number) == (facts.ACT_DATE, facts.ACT_NUMBER)


def test_institutions_groups_and_clean_names(parsed):
    groups: dict[str, list] = {}
    for inst in parsed.institutions:
        groups.setdefault(inst.group_name, []).append(inst)
    gp = groups["Генеральная прокуратура"]
    committee = groups[
        "Комитет по правовой статистике и специальным учетам Генеральной прокуратуры"
    ]
    units = groups["Структура Генеральной прокуратуры"]
    assert len(gp) == 27 and len(committee) == 22 and len(units) == 18
    assert gp[1].name == "Комитет по возврату активов Генеральной прокуратуры"
    assert by_id(parsed)[gp[1].node_id].label == "1-1)"
    names = [i.name for i in parsed.institutions]
    assert "Прокуратура области Ұлытау" in names and "Прокуратура области Жетісу" in names
    assert units[-1].name == "Управление информационной безопасности"
    assert all(not re.search(r"[\";*]|\.$", n) for n in names)
    assert [i.position for i in units] == list(range(1, facts.STRUCTURE_UNITS + 1))


def test_service_markers_and_tables_are_kept(parsed):
    markers = [n.text for n in parsed.nodes if n.kind == m.MARKER]
    assert markers.count("Для служебного пользования") == 3
    table = next(n for n in parsed.nodes if n.kind == m.TABLE)
    rows = table.text.split("\n")
    assert len(rows) == facts.AMENDMENT_TABLE_ROWS
    assert rows[-1].split("\t")[-1] == 'государственный советник юстиции 3 класса".'
    assert "<p>" not in table.text


def test_ids_are_stable_and_readable(source_text, parsed):
    again = parse_act(source_text)
    assert [n.id for n in again.nodes] == [n.id for n in parsed.nodes]
    ids = [n.id for n in parsed.nodes]
    assert len(ids) == len(set(ids))
    assert all(re.fullmatch(r"[a-z0-9/-]+", i) for i in ids)
    assert "polozhenie/p-19/pp-8" in ids
