"""Any string is a valid query: thousands of random ones, and the known awkward ones."""

from __future__ import annotations

import html
import re

import pytest
from edition_facts import LAST_DECREE
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from gp_desktop.search import SearchResults

# Pieces of query syntax and of the act, so random strings hit the parser's corners.
ATOMS = [
    *"\"«»„“”-*()|.,;:!?№/\\'`<>&",
    " ",
    "\t",
    "\n",
    "\x00",
    "\x07",
    "\u200b",
    "\u0301",
    "\ufeff",
    "OR",
    " OR ",
    "ИЛИ",
    "-",
    "*",
    "п.",
    "пп.",
    "пункт",
    "19",
    "32-1",
    "19.8",
    "№",
    LAST_DECREE,
    "прокурор",
    "прокуратуры",
    "надзор",
    "оперативно-розыскной",
    "Ұлытау",
    "ё",
    "a",
    "Latin",
    "прокурaтура",
    "а",
    "и",
    "в",
]

queries = st.one_of(
    st.text(max_size=200),
    st.lists(st.sampled_from(ATOMS), max_size=30).map("".join),
    st.lists(st.one_of(st.sampled_from(ATOMS), st.text(max_size=5)), max_size=20).map(" ".join),
)
within = st.one_of(
    st.none(),
    st.sampled_from(["Глава 3", "polozhenie/gl-3", "Положение", "Структура", "нет такого", ""]),
    st.text(max_size=20),
)


def check(results: SearchResults, corpus, limit: int) -> None:
    assert isinstance(results, SearchResults)
    assert len(results.hits) <= limit
    assert results.total >= len(results.hits)
    assert len({h.id for h in results.hits}) == len(results.hits)
    for hit in results.hits:
        assert hit.id in corpus.by_id
        shown = html.unescape(re.sub(r"</?b>", "", hit.snippet)).strip("…")
        assert shown in hit.text
        assert "<" not in re.sub(r"</?b>", "", hit.snippet)
        assert all(w in hit.text for w in hit.words)
    if results.hits:
        assert results.suggestion is None


@settings(
    max_examples=3000,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture],
)
@given(query=queries, exact=st.booleans(), section=within, limit=st.integers(0, 60))
def test_random_strings_never_raise(search_index, corpus, query, exact, section, limit):
    check(search_index.search(query, limit=limit, exact=exact, within=section), corpus, limit)


AWKWARD = [
    "",
    " ",
    '"',
    '""',
    '"""',
    '"прокурор',
    'прокурор"',
    "«прокурор",
    "»«",
    "OR",
    "OR OR",
    "прокурор OR",
    "OR прокурор",
    "-",
    "--",
    "-прокурор",
    '-"',
    "*",
    "**",
    "п*",
    "*прокурор",
    "прокурор*надзор",
    ".,;:!?()[]{}",
    "№",
    "№ ",
    "№ 99999999999999999999",
    "п. 0",
    "п. 99999",
    "19.",
    "пп. 8 п.",
    "a" * 10_000,
    "прокурор " * 1_500,
    '"' + "прокурор " * 1_200 + '"',
    " OR ".join(["надзор"] * 2_000),
    "-надзор " * 1_500,
    "".join(chr(c) for c in range(32)),
    "\x00прокурор\x00",
    "прокур\u0000атура",
    "\ud800",
    "прокурaтура Prokuratura ПРОКУРАТУРА",
    "Ұлытау Ulytau",
    "<script>alert(1)</script>",
    "&amp; &lt;",
    "\u202eрутарукорп",
    "🙂 прокурор 🙂",
]


@pytest.mark.parametrize("query", AWKWARD, ids=range(len(AWKWARD)))
@pytest.mark.parametrize("exact", [False, True])
def test_awkward_queries(search_index, corpus, query, exact):
    results = search_index.search(query, limit=50, exact=exact)
    check(results, corpus, 50)
    assert results.query == query and results.exact is exact


def test_long_queries_still_find(search_index):
    assert search_index.search("прокурор " * 1_500).hits
    assert search_index.search(" OR ".join(["надзор"] * 2_000)).hits
    assert search_index.search("прокурaтура").hits  # Latin «a» read as Cyrillic
