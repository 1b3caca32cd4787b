"""Russian text analysis: the same words, folded and lemmatised, for the index and the query.

Officials type a word in whatever form comes to mind, on a Russian keyboard, so every word is
reduced to terms that all its forms share:

- words are Unicode letter/digit runs; a hyphenated word («оперативно-розыскной», «32-1») is
  one word made of parts, found by the whole and by each part;
- case is dropped, «ё» is «е», the Kazakh letters become the Russian letters typed in their
  place (Ұ→У, Ә→А, Қ→К …), and Latin look-alikes inside a Cyrillic word become Cyrillic;
- a word in the OpenCorpora dictionary (pymorphy3) becomes all its possible lemmas, so
  «огневой подготовки» and «огневая подготовка» share the terms «огневой», «подготовка», and
  suppletive forms («люди» → «человек», «шёл» → «идти») meet too; a word the dictionary does
  not know (names, Kazakh words) falls back to its Snowball stem.

Which morph terms a word has is a function passed around as ``terms_of`` (type ``Terms``):
``lemmas`` asks the dictionary itself (building a corpus, the analysis tests); a search over
one corpus passes its ``lexicon.Lexicon`` instead, the dictionary's answers for every form of
the act's words stored in the corpus file, so searching never loads the dictionary.

Two term streams come out of one pass over the text: *morph* terms (lemmas or stems) and
*exact* terms (the folded surface form, for the exact-form search and spelling suggestions).
Positions are shared: the parts of a hyphenated word take consecutive positions (so a part
is found alone, and phrases run across them), and the whole word is one more term at its
first part's position («оперативно-розыскной», lemmatised part by part), so typing the whole
word is a single term lookup.

Character offsets always point into the original text, which is never changed: folding applies
to terms only, so snippets show the act's own letters.
"""

from __future__ import annotations

import re
import threading
import unicodedata
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from functools import lru_cache
from itertools import product
from math import prod

from whoosh.analysis import Token, Tokenizer

from gp_desktop.letters import RUSSIAN_KEYBOARD

# A word: letters and digits (not "_"), with combining marks kept inside (a decomposed «й»).
_WORD = r"[^\W_][^\W_\u0300-\u036f]*(?:[\u0300-\u036f]+[^\W_]*)*"
_PART_RE = re.compile(_WORD)
# A hyphenated word: parts joined by a hyphen without spaces (sentence dashes «–» separate).
_HYPHENATED_RE = re.compile(rf"{_WORD}(?:[-\u2010\u2011]{_WORD})*")

# Kazakh letters → the Russian letters a Russian keyboard types for them; «ё» → «е».
_FOLD = RUSSIAN_KEYBOARD
# Latin letters that look Cyrillic, mapped only inside words that also hold Cyrillic letters
# («прокурaтура» typed with a Latin «a»); all-Latin words stay Latin.
_HOMOGLYPHS = str.maketrans(
    {
        **dict(zip("aceopxyk", "асеорхук", strict=True)),
        **dict(zip("ABCEHKMOPTXY", "АВСЕНКМОРТХУ", strict=True)),
    }
)
_CYRILLIC = re.compile(r"[\u0400-\u04ff]")
_LATIN = re.compile(r"[a-zA-Z]")


@lru_cache(maxsize=200_000)
def fold(word: str) -> str:
    """The search form of one word: NFC, lower case, «ё» → «е», Kazakh → Russian letters."""
    word = unicodedata.normalize("NFC", word)
    if _LATIN.search(word) and _CYRILLIC.search(word):
        word = word.translate(_HOMOGLYPHS)
    return word.lower().translate(_FOLD)


_morph = None
_morph_lock = threading.Lock()


def morph_analyzer():
    """The pymorphy3 analyzer, loaded once (about 0.1 s) and shared; parsing is read-only."""
    global _morph
    if _morph is None:
        with _morph_lock:
            if _morph is None:
                import pymorphy3

                _morph = pymorphy3.MorphAnalyzer(lang="ru")
    return _morph


@lru_cache(maxsize=1)
def dictionary_version() -> str:
    """Which dictionary gave a corpus's lexicon: recorded in the corpus's ``meta``."""
    from importlib.metadata import PackageNotFoundError, version

    try:
        return f"pymorphy3 {version('pymorphy3')}, dicts {version('pymorphy3-dicts-ru')}"
    except PackageNotFoundError:
        return "pymorphy3 unknown"


MAX_WORD = 48
"""Longer letter runs are not words of the language; they are kept as they are, unanalysed."""


Terms = Callable[[str], tuple[str, ...]]
"""Morph terms of one folded word part: ``lemmas``, or a corpus's ``Lexicon.terms``."""


def is_analysed(word: str) -> bool:
    """Whether ``word`` is a word of the language, analysed; other runs stay as typed."""
    return word.isalpha() and bool(_CYRILLIC.search(word)) and len(word) <= MAX_WORD


@lru_cache(maxsize=1)
def _stemmer():
    from whoosh.lang import stemmer_for_language

    return stemmer_for_language("ru")


@lru_cache(maxsize=200_000)
def stem(word: str) -> str:
    """Snowball stem of a folded word (the fallback for words the dictionary does not know)."""
    return _stemmer()(word)


@lru_cache(maxsize=200_000)
def lemmas(word: str) -> tuple[str, ...]:
    """Morph terms of one folded word part: its dictionary lemmas, or its stem if unknown.

    Every parse's lemma is kept, not only the likeliest, so that any two forms of a word
    share a term whatever the ambiguity («стали» → «сталь», «стать»).
    """
    if not is_analysed(word):
        return (word,)  # numbers, Latin words, no-word runs of letters: as typed
    morph = morph_analyzer()
    if not morph.word_is_known(word):
        return (stem(word),)
    found: dict[str, None] = {}
    for parse in morph.parse(word):
        found.setdefault(parse.normal_form.translate(_FOLD))
    return tuple(found) or (stem(word),)


def stem_terms(word: str) -> tuple[str, ...]:
    """Snowball stemming alone, the baseline the lemmatizer is measured against."""
    if not is_analysed(word):
        return (word,)
    return (stem(word),)


MAX_COMPOUND_TERMS = 8
"""A hyphenated word whose parts' lemmas combine in more ways is left to phrase search."""


def compound_terms(parts: tuple[str, ...], terms_of: Terms = lemmas) -> tuple[str, ...]:
    """Morph terms of a hyphenated word as a whole: its parts' lemmas joined by hyphens, so
    «оперативно-розыскную» and «оперативно-розыскной» meet in one term lookup."""
    options = [terms_of(p) for p in parts]
    if prod(len(o) for o in options) > MAX_COMPOUND_TERMS:
        return ()
    return tuple("-".join(combination) for combination in product(*options))


@dataclass(frozen=True, slots=True)
class Slot:
    """One indexed position: a word, or one part of a hyphenated word."""

    pos: int
    start: int
    end: int
    exact: str
    """The folded surface form."""
    compound: tuple[str, ...] = ()
    """On the first part of a hyphenated word: the folded forms of all its parts."""


def slots(text: str, start_pos: int = 0) -> tuple[Slot, ...]:
    """The words of ``text`` (a hyphenated word as its parts) with offsets into ``text``."""
    return _slots(text, start_pos)


# The index analyses each document twice in a row (morph and exact fields), and snippets
# analyse the hits' texts again: a few texts remembered halve the work.
@lru_cache(maxsize=64)
def _slots(text: str, start_pos: int) -> tuple[Slot, ...]:
    return tuple(_split(text, start_pos))


def _split(text: str, start_pos: int) -> Iterator[Slot]:
    pos = start_pos
    for match in _HYPHENATED_RE.finditer(text):
        base = match.start()
        parts = [
            (base + p.start(), base + p.end(), fold(p.group()))
            for p in _PART_RE.finditer(match.group())
        ]
        compound = tuple(p[2] for p in parts) if len(parts) > 1 else ()
        for start, end, exact in parts:
            yield Slot(pos, start, end, exact, compound)
            compound = ()
            pos += 1


def words(text: str) -> list[str]:
    """The folded words (and parts of hyphenated words) of ``text``, in order."""
    return [s.exact for s in slots(text)]


def distinct_words(texts: Iterable[str]) -> set[str]:
    """The distinct folded words of ``texts``: the same as ``words`` gives, without offsets or
    order (a hyphenated word's parts are the word pattern's own matches), four times faster."""
    return {fold(w) for w in {w for text in set(texts) for w in _PART_RE.findall(text)}}


class _SlotTokenizer(Tokenizer):
    """Base of the two Whoosh tokenizers: one token per term, sharing the slots' positions."""

    def terms(self, slot: Slot) -> tuple[str, ...]:
        raise NotImplementedError

    def __eq__(self, other: object) -> bool:
        return type(self) is type(other)

    def __hash__(self) -> int:
        return hash(type(self))

    def __call__(
        self,
        value: str,
        positions: bool = False,
        chars: bool = False,
        keeporiginal: bool = False,
        removestops: bool = True,
        start_pos: int = 0,
        start_char: int = 0,
        tokenize: bool = True,
        mode: str = "",
        **kwargs,
    ) -> Iterator[Token]:
        # Whoosh's convention: one Token object, updated and yielded again for each term.
        token = Token(positions, chars, removestops=removestops, mode=mode, **kwargs)
        for slot in slots(value, start_pos) if tokenize else ():
            for term in self.terms(slot):
                token.text = term
                token.boost = 1.0
                token.stopped = False
                if keeporiginal:
                    token.original = value[slot.start : slot.end]
                if positions:
                    token.pos = slot.pos
                if chars:
                    token.startchar = start_char + slot.start
                    token.endchar = start_char + slot.end
                yield token


class MorphTokenizer(_SlotTokenizer):
    """Lemmas (stems for unknown words); a hyphenated word as its parts, and as the whole
    at its first part's position.

    ``terms_of`` gives a word's terms (default: the dictionary). Whoosh pickles the schema,
    and with it this tokenizer, into the index; the pickle leaves ``terms_of`` out (a corpus's
    lexicon holds an open file), so a tokenizer read back from an index asks the dictionary
    (``SearchIndex`` passes its own schema when it opens an index, so it never does).
    """

    def __init__(self, terms_of: Terms | None = None) -> None:
        self.terms_of = terms_of or lemmas

    def __reduce__(self) -> tuple:
        return (MorphTokenizer, ())

    def terms(self, slot: Slot) -> tuple[str, ...]:
        if slot.compound:
            return self.terms_of(slot.exact) + compound_terms(slot.compound, self.terms_of)
        return self.terms_of(slot.exact)


class ExactTokenizer(_SlotTokenizer):
    """Folded surface forms; a hyphenated word also as the whole."""

    def terms(self, slot: Slot) -> tuple[str, ...]:
        if slot.compound:
            return (slot.exact, "-".join(slot.compound))
        return (slot.exact,)
