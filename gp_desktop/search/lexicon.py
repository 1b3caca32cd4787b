"""The act's own lexicon: the dictionary's answers for every form of the act's words.

A query can only ever find a lemma that some word of the act has, so the dictionary is not
needed at run time as long as the corpus carries, for every form of every word the act uses,
the terms the dictionary gives that form. ``build-corpus`` computes them (``word_forms``) and
stores them in the corpus file's ``word_forms`` table; a search opens that table
(``Lexicon``) instead of loading pymorphy3 (22 MB of memory, 0.1 s).

A folded word found in the lexicon gets its stored terms: exactly what ``analysis.lemmas``
gives it. A Cyrillic word not in it is no form of any word of the act, so no lemma of it can
be a lemma of the act; it gets its Snowball stem, which still meets the act's words the
dictionary does not know (names, Kazakh words) in other forms, as the dictionary path does.
Numbers and Latin words stay as typed on both paths. The one difference: a dictionary word
that is no form of the act's words but whose stem is a lemma of the act («договорить» →
«договор») meets that lemma, which the dictionary would not let it (0.08 % of the
dictionary's words; ``benchmarks/run.py --section morphology`` counts them).
"""

from __future__ import annotations

import sqlite3
import threading
from collections.abc import Iterable, Mapping
from functools import lru_cache
from pathlib import Path
from types import MappingProxyType

from gp_desktop.corpus import model as m
from gp_desktop.corpus.errors import CorpusFileError
from gp_desktop.corpus.reader import Corpus
from gp_desktop.read_only import connect_read_only
from gp_desktop.search.analysis import (
    distinct_words,
    fold,
    is_analysed,
    lemmas,
    morph_analyzer,
    stem,
)

TABLE = m.WORD_FORMS


def node_texts(nodes: Iterable[m.Node]) -> Iterable[str]:
    """Every text of the act that search analyses (index documents, section names), and some
    more: a superset only makes the lexicon a little larger."""
    for node in nodes:
        yield from (node.label, node.heading, node.text, node.title)


# Building corpora for the tests (hundreds of slightly damaged copies of the act) asks for the
# same words again and again: each word's paradigm is looked up once per process.
@lru_cache(maxsize=100_000)
def _paradigm(word: str) -> tuple[str, ...]:
    """The forms of ``word`` to store, folded: every form of every paradigm the dictionary has
    for it, and of every other paradigm with the same lemma (the pronoun «весь» and the noun
    «весь», whose «весей» is no form of the pronoun). For a word the dictionary does not know,
    the dictionary words among the forms it guesses for it («граждански» beside the act's
    «гражданско-»): stemmed they would meet the word, which the dictionary does not let them."""
    if not is_analysed(word):
        return ()
    morph = morph_analyzer()
    if not morph.word_is_known(word):
        guessed = {fold(f.word) for parse in morph.parse(word) for f in parse.lexeme}
        return tuple(f for f in guessed if is_analysed(f) and morph.word_is_known(f))
    forms = {word}
    lemmas_of_word = set()
    for parse in morph.parse(word):
        forms.update(fold(form.word) for form in parse.lexeme)
        lemmas_of_word.add(parse.normal_form)
    for lemma in lemmas_of_word:
        for parse in morph.parse(lemma):
            if parse.normal_form == lemma:
                forms.update(fold(form.word) for form in parse.lexeme)
    return tuple(f for f in forms if is_analysed(f))


def word_forms(vocabulary: Iterable[str]) -> Mapping[str, tuple[str, ...]]:
    """Every form of the dictionary words of ``vocabulary`` → its terms (``lemmas``), in form
    order; read-only (shared between builds of the same vocabulary)."""
    return _word_forms(frozenset(vocabulary))


@lru_cache(maxsize=4)
def _word_forms(vocabulary: frozenset[str]) -> Mapping[str, tuple[str, ...]]:
    forms = {form for word in vocabulary for form in _paradigm(word)}
    return MappingProxyType({form: lemmas(form) for form in sorted(forms)})


def act_word_forms(nodes: Iterable[m.Node]) -> Mapping[str, tuple[str, ...]]:
    """The lexicon of an act: what ``build-corpus`` stores in the ``word_forms`` table."""
    return word_forms(distinct_words(node_texts(nodes)))


class Lexicon:
    """A corpus's ``word_forms`` table, read for the search: ``terms`` answers like
    ``analysis.lemmas`` for the act's purposes, without the dictionary.

    Thread-safe: lookups take turns on a lock around the connection (the answers are cached,
    so a lookup reaches SQLite once per word).
    """

    def __init__(self, path: str | Path) -> None:
        self.path = Path(path)
        try:
            # Its own connection, used from whichever thread searches (under the lock).
            self._conn = connect_read_only(self.path, check_same_thread=False)
            self._conn.execute(f"SELECT 1 FROM {TABLE} LIMIT 1").fetchall()
        except sqlite3.Error as exc:
            raise CorpusFileError(f"{self.path}: нет словаря форм слов ({exc})") from None
        self._lock = threading.Lock()
        self.terms = lru_cache(maxsize=100_000)(self._terms)

    @classmethod
    def of(cls, corpus: Corpus) -> Lexicon:
        """The lexicon of ``corpus``, from its file, which must still be the one it was read
        from (the same source text)."""
        lexicon = cls(corpus.path)
        try:
            found = lexicon._conn.execute(
                "SELECT value FROM meta WHERE key = 'source_sha256'"
            ).fetchone()
        except sqlite3.Error:
            found = None
        if found is None or found[0] != corpus.meta.get("source_sha256"):
            lexicon.close()
            raise CorpusFileError(
                f"{corpus.path}: файл корпуса заменён после того, как был открыт; откройте его снова"
            )
        return lexicon

    def _terms(self, word: str) -> tuple[str, ...]:
        if not is_analysed(word):
            return (word,)
        with self._lock:
            row = self._conn.execute(
                f"SELECT terms FROM {TABLE} WHERE form = ?", (word,)
            ).fetchone()
        return tuple(row[0].split(" ")) if row else (stem(word),)

    def known(self, words: Iterable[str]) -> set[str]:
        """Which of the folded ``words`` are forms of dictionary words (the rest are names,
        Kazakh words, abbreviations — or the source's misprints)."""
        wanted = list(dict.fromkeys(words))
        found: set[str] = set()
        with self._lock:
            for k in range(0, len(wanted), 500):
                chunk = wanted[k : k + 500]
                marks = ",".join("?" * len(chunk))
                rows = self._conn.execute(
                    f"SELECT form FROM {TABLE} WHERE form IN ({marks})", chunk
                ).fetchall()
                found.update(r[0] for r in rows)
        return found

    def close(self) -> None:
        with self._lock:
            self._conn.close()
