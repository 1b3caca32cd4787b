"""The act's lexicon: searching without the dictionary finds what the dictionary would.

The corpus carries every form of the act's words with the dictionary's terms for it
(``search/lexicon.py``); the search reads those instead of loading pymorphy3. What matters is
what a word *finds*: its terms that are terms of the index. Those must be the same through
the lexicon as through the dictionary, for the act's words, every form of them, and words the
act does not have.
"""

from __future__ import annotations

import itertools
import json
import pickle
import sqlite3
import subprocess
import sys

import pytest
from conftest import CORPUS, ROOT, corpus_copy

from gp_desktop.search.analysis import (
    distinct_words,
    fold,
    is_analysed,
    lemmas,
    morph_analyzer,
    stem,
    words,
)
from gp_desktop.search.lexicon import Lexicon, act_word_forms

QUERIES = ["огневая подготовка", "прокуроры", "Ұлытау", "оперативно-розыскную", "прокуротура"]

_SEARCH_IN_A_CHILD = """
import json, sys
from gp_desktop.corpus.reader import Corpus
from gp_desktop.search import SearchIndex
index = SearchIndex.open(Corpus(sys.argv[1]), cache_dir=sys.argv[2])
found = {}
for query in json.loads(sys.argv[3]):
    results = index.search(query, limit=20)
    found[query] = [[h.id for h in results.hits], results.suggestion]
found["within"] = [h.id for h in index.search("надзор", within="Глава 3").hits]
print(json.dumps({
    "built": index.build_seconds > 0,
    "found": found,
    "dictionary": sorted(m for m in sys.modules if m.startswith("pymorphy")),
}))
"""


def search_in_a_child(cache) -> dict:
    done = subprocess.run(
        [sys.executable, "-c", _SEARCH_IN_A_CHILD, str(CORPUS), str(cache), json.dumps(QUERIES)],
        capture_output=True,
        text=True,
        cwd=ROOT,
        timeout=120,
    )
    assert done.returncode == 0, done.stderr
    return json.loads(done.stdout.splitlines()[-1])


def test_searching_never_loads_the_dictionary(search_index, tmp_path):
    """In a fresh process: building the index, opening it again, searching (words, a phrase,
    a hyphenated word, a misspelling's suggestion, a section filter) import no pymorphy3."""
    expected = {}
    for query in QUERIES:
        results = search_index.search(query, limit=20)
        expected[query] = [[h.id for h in results.hits], results.suggestion]
    expected["within"] = [h.id for h in search_index.search("надзор", within="Глава 3").hits]
    assert expected["огневая подготовка"][0] == ["polozhenie/p-19/pp-45"]
    assert expected["прокуроры"][0] and expected["Ұлытау"][0]
    assert expected["прокуротура"] == [[], "прокуратура"]
    for built in (True, False):  # the first child builds the index, the second opens it
        child = search_in_a_child(tmp_path / "cache")
        assert child["built"] is built
        assert child["dictionary"] == []
        assert child["found"] == expected


def index_terms(search_index) -> set[str]:
    """The morph terms of the real index: all that a query's terms can meet."""
    from gp_desktop.search.query import MORPH_FIELD

    return search_index.terms(MORPH_FIELD)


def mismatches(lexicon: Lexicon, terms: set[str], candidates) -> list[tuple]:
    """Words whose terms that meet the index differ through the lexicon and the dictionary."""
    found = []
    for word in candidates:
        ours, theirs = set(lexicon.terms(word)) & terms, set(lemmas(word)) & terms
        if ours != theirs:
            found.append((word, sorted(ours), sorted(theirs)))
    return found


def test_the_act_words_and_all_their_forms_find_what_the_dictionary_finds(corpus, search_index):
    lexicon, terms = search_index.lexicon, index_terms(search_index)
    vocabulary = {w for n in corpus.nodes for t in (n.heading, n.text, n.title) for w in words(t)}
    stored = {f for (f,) in sqlite3.connect(CORPUS).execute("SELECT form FROM word_forms")}
    morph = morph_analyzer()
    paradigms = {fold(form.word) for w in vocabulary for p in morph.parse(w) for form in p.lexeme}
    forms = stored | {f for f in paradigms if f.isalpha()}
    assert len(vocabulary) > 1500 and len(forms) > 15_000
    assert mismatches(lexicon, terms, vocabulary | forms) == []
    # Stored or not, a word of the act is analysed exactly as the dictionary does.
    assert all(lexicon.terms(w) == lemmas(w) for w in vocabulary)


def test_words_the_act_does_not_have_find_what_the_dictionary_finds(search_index):
    """Other words: forms of common words the act does not use, and a slice of the dictionary
    from every prefix the act's terms start with (the words most likely to meet them)."""
    lexicon, terms = search_index.lexicon, index_terms(search_index)
    morph = morph_analyzer()
    common = ["человек", "идти", "стать", "мыть", "жена", "город", "хороший", "писать", "год"]
    others = {fold(f.word) for w in common for p in morph.parse(w) for f in p.lexeme}
    prefixes = sorted({t[:3] for t in terms if is_analysed(t) and len(t) >= 3})
    for prefix in prefixes:
        found = morph.dictionary.iter_known_words(prefix)
        others.update(fold(w) for w, *_ in itertools.islice(found, 0, 400, 4))
    others.update(["шымкента", "шымкенту", "улытауская", "жетысуской", "abc", "2025"])
    others = {w for w in others if w.isalnum()}
    assert len(others) > 20_000
    differ = mismatches(lexicon, terms, others)
    # The one known difference: a dictionary word that is no form of the act's words but
    # whose Snowball stem is a lemma of the act («договорить» → «договор»): the lexicon
    # cannot tell it from an unknown word, so it finds that lemma, which the dictionary
    # would not. Nothing the dictionary finds is missed.
    assert all(
        set(theirs) < set(ours) and set(ours) - set(theirs) == {stem(w)}
        for w, ours, theirs in differ
    ), differ[:10]
    assert len(differ) < len(others) // 100, differ[:10]  # about 0.5 % of this sample


def test_the_lexicon_is_built_from_the_act_as_stored():
    """The table holds every form of the act's known words with their dictionary terms."""
    from gp_desktop.corpus.reader import Corpus

    stored = dict(sqlite3.connect(CORPUS).execute("SELECT form, terms FROM word_forms"))
    built = act_word_forms(Corpus(CORPUS).nodes)
    assert stored == {form: " ".join(terms) for form, terms in built.items()}
    assert stored["людей"].split() == list(lemmas("людей")) == ["человек"]
    assert "люди" in stored  # a form the act does not use, of a word it does
    assert "шымкента" not in stored  # a name the dictionary does not know: stemmed


def test_the_vocabulary_is_the_words_the_search_splits(corpus):
    from gp_desktop.search.lexicon import node_texts

    texts = [*node_texts(corpus.nodes), "«Оперативно-розыскной» 32-1) и\u0306од Ұлытау A-b_c"]
    assert distinct_words(texts) == {w for text in texts for w in words(text)}


def test_lexicon_answers_like_the_dictionary_for_what_it_does_not_store(search_index):
    lexicon = search_index.lexicon
    assert lexicon.terms("4321") == ("4321",) and lexicon.terms("abc") == ("abc",)
    assert lexicon.terms("а" * 500) == ("а" * 500,)
    assert lexicon.terms("шымкента") == lexicon.terms("шымкенту") == lemmas("шымкента")


def test_the_schema_pickled_into_the_index_leaves_the_lexicon_out(search_index):
    """Whoosh pickles the schema into the index; the lexicon (an open file) stays out, and a
    schema read back from the index analyses with the dictionary, to the same terms."""
    from gp_desktop.search.index import schema

    fields = schema(search_index.lexicon.terms)
    again = pickle.loads(pickle.dumps(fields, 2))
    assert again == fields
    text = "Огневой подготовки прокуроров Ұлытау оперативно-розыскную"
    ours = [t.text for t in fields["text"].analyzer(text)]
    theirs = [t.text for t in again["text"].analyzer(text)]
    assert ours == theirs and "подготовка" in ours and "оперативно-розыскной" in ours


def test_a_corpus_replaced_after_it_was_read_is_not_searched_with_the_new_lexicon(tmp_path):
    from gp_desktop.corpus.errors import CorpusFileError
    from gp_desktop.corpus.reader import Corpus

    path = corpus_copy(tmp_path)
    corpus = Corpus(path)
    conn = sqlite3.connect(path)
    conn.execute("UPDATE meta SET value = 'another' WHERE key = 'source_sha256'")
    conn.commit()
    conn.close()
    with pytest.raises(CorpusFileError, match="заменён"):
        Lexicon.of(corpus)
