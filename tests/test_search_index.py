"""Search on the real act: every behaviour of the issue, with queries in other forms than
the text's. Expected node sets come from plain regular expressions over the corpus, written
independently of the analyser."""

from __future__ import annotations

import html
import re
from concurrent.futures import ThreadPoolExecutor

import edition_facts as facts
import pytest

from gp_desktop.corpus.citations import citation
from gp_desktop.search import Hit, SearchResults
from gp_desktop.search.documents import document_text


def nodes_matching(corpus, pattern: str) -> set[str]:
    """Ids of the indexed nodes whose text matches ``pattern`` (case-insensitive)."""
    regex = re.compile(pattern, re.I)
    return {n.id for n in corpus.nodes if document_text(n) and regex.search(document_text(n))}


def ids(results: SearchResults) -> set[str]:
    return {h.id for h in results.hits}


def everything(index, query: str, **kwargs) -> SearchResults:
    results = index.search(query, limit=10_000, **kwargs)
    assert results.total == len(results.hits)
    return results


@pytest.mark.parametrize(
    ("query", "pattern"),
    [
        ("огневая подготовка", r"огневой подготовки"),
        ("полномочиями генерального прокурора", r"^Полномочия Генерального Прокурора"),
        ("прокуратурой", r"\bпрокуратур(а|ы|е|у|ой)\b"),
        ("утверждённый", r"\bутвержденный\b"),
        ("Улытау", r"Ұлытау"),
        ("жетису", r"Жетісу"),
        ("Мангилик Ел", r"Мәңгілік Ел"),
        ("люди", r"\bчеловека\b"),
        ("оперативно-розыскная", r"оперативно-розыскн"),
        ("розыскными", r"оперативно-розыскн"),
        ("дня подписания", r"со дня подписания"),
    ],
)
def test_other_forms_find_every_clause_with_the_words(search_index, corpus, query, pattern):
    expected = nodes_matching(corpus, pattern)
    assert expected
    results = everything(search_index, query)
    assert expected <= ids(results)
    assert all(hit.words for hit in results.hits)


def test_hyphenated_word_by_the_whole_and_by_its_parts(search_index, corpus):
    expected = nodes_matching(corpus, r"оперативно-розыскн")
    assert ids(everything(search_index, "оперативно-розыскную")) == expected
    assert expected <= ids(everything(search_index, "оперативно розыскной"))
    assert expected <= ids(everything(search_index, "розыскной"))
    assert expected <= ids(everything(search_index, "оперативно"))


def test_exact_form_finds_only_that_form(search_index, corpus):
    exact = everything(search_index, "прокурора", exact=True)
    assert exact.exact is True
    assert ids(exact) == nodes_matching(corpus, r"\bпрокурора\b")
    assert len(ids(everything(search_index, "прокурора"))) > len(ids(exact))
    whole = everything(search_index, "оперативно-розыскной", exact=True)
    assert ids(whole) == nodes_matching(corpus, r"оперативно-розыскной\b")
    assert ids(whole) < nodes_matching(corpus, r"оперативно-розыскн")


def test_phrase_keeps_order_and_morphology(search_index, corpus):
    target = nodes_matching(corpus, r"огневой подготовки")
    assert ids(everything(search_index, '"огневую подготовку"')) == target
    assert ids(everything(search_index, '"подготовку огневую"')) == set()
    phrase = everything(search_index, '"оперативно-розыскной деятельностью"')
    assert ids(phrase) == nodes_matching(corpus, r"оперативно-розыскн\w* деятельн")
    for hit in phrase.hits:
        assert re.search(r"оперативно-розыскн\w* деятельн", hit.text, re.I)


def test_or_and_minus(search_index, corpus):
    either = everything(search_index, "Улытау OR Жетісу")
    assert ids(either) == nodes_matching(corpus, r"Ұлытау|Жетісу")
    without = everything(search_index, "прокурор -генеральный")
    assert without.hits
    assert all(not re.search(r"генеральн", h.text, re.I) for h in without.hits)
    assert ids(without) | nodes_matching(corpus, r"генеральн") >= ids(
        everything(search_index, "прокурор")
    )


def test_prefix_finds_words_beginning_so(search_index, corpus):
    results = everything(search_index, "прокур*")
    assert ids(results) == nodes_matching(corpus, r"\bпрокур")
    assert all(any(w.lower().startswith("прокур") for w in h.words) for h in results.hits)


def test_within_a_chapter_or_part(search_index, corpus):
    chapter = {n.id for n in corpus.subtree("polozhenie/gl-3")}
    inside = everything(search_index, "прокурор", within="Глава 3")
    assert inside.hits and ids(inside) <= chapter
    assert ids(inside) == ids(everything(search_index, "прокурор", within="polozhenie/gl-3"))
    assert ids(inside) == ids(everything(search_index, "прокурор")) & chapter
    part = everything(search_index, "области", within="Перечень учреждений")
    assert part.hits and all(h.id.startswith("perechen-uchrezhdeniy/") for h in part.hits)
    assert everything(search_index, "прокурор", within="Глава 99").hits == ()


@pytest.mark.parametrize(
    ("name", "node_id"),
    [
        ("Глава 3", "polozhenie/gl-3"),
        ("гл. 3", "polozhenie/gl-3"),
        ("polozhenie/gl-3", "polozhenie/gl-3"),
        ("Положение", "polozhenie"),
        ("положения", "polozhenie"),
        ("Структура", "struktura"),
        ("Приложение 1", "prilozhenie-1"),
        ("общих положениях", "polozhenie/gl-1"),
        ("Имущество Генеральной прокуратуры", "polozhenie/gl-4"),
        ("Глава 99", None),
        ("", None),
        ("нет такого раздела", None),
    ],
)
def test_section_names(corpus, name, node_id):
    from gp_desktop.search.documents import resolve_section

    assert resolve_section(corpus, name) == node_id


@pytest.mark.parametrize(
    ("query", "node_id"),
    [
        ("п. 19", "polozhenie/p-19"),
        ("пункт 19", "polozhenie/p-19"),
        ("19", "polozhenie/p-19"),
        ("пункт 32-1", "polozhenie/p-19/pp-32-1"),
        ("19.8", "polozhenie/p-19/pp-8"),
        ("пп. 8 п. 19", "polozhenie/p-19/pp-8"),
        ("глава 3", "polozhenie/gl-3"),
        ("polozhenie/p-14/pp-2", "polozhenie/p-14/pp-2"),
    ],
)
def test_clause_reference_comes_first(search_index, corpus, query, node_id):
    results = search_index.search(query)
    assert results.reference == node_id
    assert results.hits[0].id == node_id
    assert results.hits[0].citation == citation(corpus, node_id)
    assert results.hits[0].score >= max(h.score for h in results.hits)
    assert len({h.id for h in results.hits}) == len(results.hits)


def test_clause_reference_within_another_part(search_index):
    results = search_index.search("п. 3", within="Изменения и дополнения")
    assert results.hits[0].id == "izmeneniya/p-3"


@pytest.mark.parametrize("form", ["№ {}", "{}", "№{}", "указ № {}"])
def test_decree_number_finds_its_footnotes(search_index, corpus, form):
    query = form.format(facts.LAST_DECREE)
    (amendment,) = [a for a in corpus.amendments if a.number == facts.LAST_DECREE]
    cited = list(
        dict.fromkeys(
            link.footnote_node_id or link.node_id
            for link in corpus.node_amendments
            if link.amendment_id == amendment.id
        )
    )
    results = search_index.search(query)
    assert results.amendment_id == amendment.id
    assert [h.id for h in results.hits[: len(cited)]] == cited
    assert all(facts.LAST_DECREE in h.words for h in results.hits[: len(cited)])
    assert results.reference is None


def test_a_repeal_note_is_found_by_its_decree(search_index):
    results = search_index.search("№ 290")
    assert results.hits[0].id == "izmeneniya/p-2"
    assert results.amendment_id == "ukaz-2023-07-31-290"


def test_hits_carry_citation_text_snippet_words_and_score(search_index, corpus):
    results = search_index.search("государственное учреждение прокуратура области", limit=30)
    assert results.total >= len(results.hits) == 30
    scores = [h.score for h in results.hits]
    assert scores == sorted(scores, reverse=True)
    for hit in results.hits:
        assert isinstance(hit, Hit)
        node = corpus.by_id[hit.id]
        assert hit.text == document_text(node)
        assert hit.citation == citation(corpus, hit.id)
        marked = re.findall(r"<b>(.*?)</b>", hit.snippet)
        assert marked
        for run in marked:
            assert any(w in html.unescape(run) for w in hit.words)
        shown = html.unescape(re.sub(r"</?b>", "", hit.snippet)).strip("…")
        assert shown in hit.text
    kazakh = [h for h in results.hits if "Ұлытау" in h.text]
    assert kazakh and all("Ұлытау" in h.snippet for h in kazakh)


def test_snippet_of_a_long_clause_shows_the_match(search_index):
    results = search_index.search('"южно-казахстанской областей"')
    (hit,) = [h for h in results.hits if h.id == "izmeneniya/p-6/tabl-1"]
    assert len(hit.text) > 1000
    assert hit.text.index("Южно-Казахстанской") > 1000
    assert hit.snippet.startswith("…")
    assert "<b>Южно-Казахстанской областей</b>" in hit.snippet
    assert len(html.unescape(re.sub(r"</?b>", "", hit.snippet))) <= 242


def test_snippet_escapes_the_act_text(tmp_path):
    """Text that looks like markup (the importer leaves tag-like wording alone) is escaped."""
    from conftest import corpus_copy

    from gp_desktop.corpus.reader import Corpus
    from gp_desktop.search import SearchIndex

    path = corpus_copy(
        tmp_path,
        (
            "UPDATE nodes SET text = text || ? WHERE id = 'polozhenie/p-19/pp-8'",
            (' <img src="x"> области Абай> & "Абай"',),
        ),
    )
    index = SearchIndex.open(Corpus(path), cache_dir=tmp_path / "cache")
    try:
        hits = [h for h in index.search("Абай", limit=50).hits if ">" in h.text]
        assert hits
        for hit in hits:
            assert "&gt;" in hit.snippet
            assert re.sub(r"</?b>", "", hit.snippet).count(">") == 0
            assert "<img" not in hit.snippet
    finally:
        index.close()


def test_snippet_function_escapes_and_marks_whole_runs():
    from gp_desktop.search.query import parse_query
    from gp_desktop.search.snippets import matched_slots, snippet

    text = '<b>Тег</b> & «Ұлытау» — оперативно-розыскной деятельности "в кавычках"'
    parsed = parse_query('улытау "оперативно-розыскная деятельность" тег')
    marks = matched_slots(text, parsed, exact=False)
    assert snippet(text, marks) == (
        "&lt;b&gt;<b>Тег</b>&lt;/b&gt; &amp; «<b>Ұлытау</b>» — "
        '<b>оперативно-розыскной деятельности</b> "в кавычках"'
    )


def test_spelling_suggestion_from_the_act(search_index):
    results = search_index.search("прокуротура")
    assert (results.total, results.hits, results.suggestion) == (0, (), "прокуратура")
    assert search_index.search("Прокуротура надзора").suggestion == "Прокуратура надзора"
    assert search_index.search("прокуратура").suggestion is None
    assert search_index.search("щдщлдщлывапр").suggestion is None


def test_limit_and_total(search_index):
    full = search_index.search("прокуратура", limit=10_000)
    few = search_index.search("прокуратура", limit=3)
    assert len(few.hits) == 3 and few.total == full.total > 3
    assert [h.id for h in few.hits] == [h.id for h in full.hits[:3]]
    assert search_index.search("прокуратура", limit=0).hits == ()


def test_searches_from_many_threads_agree(search_index):
    queries = [
        "прокуратура",
        "п. 19",
        "огневая подготовка",
        "прокур*",
        facts.LAST_DECREE_QUERY,
        '"а б',
        "Улытау",
    ]
    queries *= 20
    expected = {q: search_index.search(q, limit=20) for q in set(queries)}
    with ThreadPoolExecutor(max_workers=8) as pool:
        got = list(pool.map(lambda q: search_index.search(q, limit=20), queries))
    assert got == [expected[q] for q in queries]


def test_fast_scoring_equals_whoosh_bm25f(search_index):
    import whoosh.index

    from gp_desktop.search.query import parse_query, whoosh_query

    plain = whoosh.index.open_dir(str(search_index.location), readonly=True)
    with plain.searcher() as searcher:
        for query in ["прокуратура", "органов прокуратуры", "прокур*", "огневая подготовка"]:
            ours = search_index.search(query, limit=20)
            theirs = searcher.search(whoosh_query(parse_query(query), False), limit=20)
            assert [round(s, 4) for _, s in theirs.items()] == [h.score for h in ours.hits]
