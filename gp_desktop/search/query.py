"""What the user typed, read as a query: words, phrases, OR, exclusions, prefixes.

The syntax is the one people know from web search engines:

- words are all required: ``огневая подготовка``;
- ``"…"`` or ``«…»`` is a phrase, its words next to each other in that order (in any form);
- ``OR`` (or ``ИЛИ``, ``|``) between two items accepts either: ``прокурор OR прокуратура``;
- ``-word`` or ``-"phrase"`` excludes clauses containing it;
- ``word*`` finds words beginning with ``word`` (at least two letters before the star);
- a hyphenated word («оперативно-розыскной») is found as a whole, in any form; other words
  typed with punctuation inside («17.12.2025», «32-1)») are phrases of their parts.

Any string is a query. Syntax that does not fit — an unclosed quote, a lone ``OR`` or ``-``,
a bare ``*`` — is read as plain text, never as an error. Function words («и», «в», «по» …)
are not required outside phrases, since a clause that answers «полномочия по надзору» may
word it differently. Very long input is cut at ``MAX_QUERY_CHARS`` characters and
``MAX_ITEMS`` words, which keeps every query fast.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

from whoosh import query as wq
from whoosh.matching import AndNotMatcher, NullMatcher, ReadTooFar, WrappingMatcher
from whoosh.query import spans
from whoosh.query.compound import PreloadedOr
from whoosh.query.wrappers import WrappingQuery

from gp_desktop.search.analysis import Terms, compound_terms, is_analysed, lemmas, slots, stem

MAX_QUERY_CHARS = 1000
MAX_ITEMS = 32
MIN_PREFIX = 2

MORPH_FIELD = "text"
EXACT_FIELD = "exact"

_OPENING_QUOTES = '"«„“”'
_CLOSING_QUOTES = '"»“”'
_CLOSING_RE = re.compile(f"[{_CLOSING_QUOTES}]")
_CHUNK_RE = re.compile(rf"[^\s{_OPENING_QUOTES}{_CLOSING_QUOTES}]+")
_OR_WORDS = {"OR", "ИЛИ", "|", "||"}
_PREFIX_RE = re.compile(r"[^\W_]\*+[^\w\s]*$")

# Words too common to narrow anything down: prepositions, conjunctions, particles, pronouns.
_STOP_WORDS = """
    а без в во для до же за и из или к ко ли либо на над не ни но о об обо от по под при про
    с со у через что чтобы как так то это его ее их им ими ей ему она они оно он также
"""
STOP_WORDS = frozenset(_STOP_WORDS.split())

# Words of a question or of a request that no clause needs to have: «кто утверждает…»,
# «может ли прокуратура…», «где находится…». Never required (outside phrases) by the search
# as people phrase it; the keyword-only search (``plain``) keeps them as it always did.
_QUESTION_WORDS = """
    кто кого кому кем ком какой какая какое какие какого какую каким какой каких какими
    каков какова каково каковы где куда откуда когда зачем почему сколько чей чья чье чьи
    ли разве может можно могут нужно надо ли перед между после вправе обязан
"""
QUESTION_WORDS = frozenset(_QUESTION_WORDS.split())


@dataclass(frozen=True)
class QueryWord:
    text: str
    """Folded form of the word, as the index holds it."""
    start: int
    end: int
    """Where the word was typed in ``ParsedQuery.text``: spelling suggestions replace it there."""
    prefix: bool = False


@dataclass(frozen=True)
class Phrase:
    words: tuple[QueryWord, ...]
    joined: bool = False
    """Typed as one hyphenated word («оперативно-розыскной»): looked up as a whole term."""


Item = QueryWord | Phrase


@dataclass(frozen=True)
class Alternative:
    """Other wordings of a run of the query's groups: a synonym or an abbreviation from the
    table, a definition of the act, the source's misprint of a word, a place's other
    spelling. A clause matches the run by its own words or by any of these items."""

    first: int
    """Index of the run's first group in ``ParsedQuery.groups``."""
    count: int
    items: tuple[Item, ...]
    kind: str
    """``synonym``, ``definition``, ``misprint`` or ``place``."""


@dataclass(frozen=True)
class ParsedQuery:
    text: str
    """The query as read: normalised, control characters blanked, cut to length."""
    groups: tuple[tuple[Item, ...], ...]
    """All groups are required; the items of one group are alternatives (OR)."""
    excluded: tuple[Item, ...]
    alternatives: tuple[Alternative, ...] = ()
    """Non-overlapping runs of groups with other wordings (see ``equivalents``)."""

    @property
    def positive(self) -> tuple[Item, ...]:
        return tuple(item for group in self.groups for item in group)

    def words(self) -> list[QueryWord]:
        """The positive words, phrases flattened."""
        found: list[QueryWord] = []
        for item in self.positive:
            found.extend(item.words if isinstance(item, Phrase) else (item,))
        return found

    @property
    def marked(self) -> tuple[Item, ...]:
        """What a snippet marks: the positive items and their alternatives."""
        return self.positive + tuple(i for a in self.alternatives for i in a.items)

    def units(self) -> list[Unit]:
        """The query's required parts: each group, or a run of groups with its alternatives.
        A partial match names the units it lacks."""
        runs = {a.first: a for a in self.alternatives}
        found: list[Unit] = []
        k = 0
        while k < len(self.groups):
            alternative = runs.get(k)
            count = alternative.count if alternative else 1
            groups = self.groups[k : k + count]
            found.append(Unit(groups, alternative, _typed(self.text, groups)))
            k += count
        return found


@dataclass(frozen=True)
class Unit:
    groups: tuple[tuple[Item, ...], ...]
    alternative: Alternative | None
    label: str
    """The words as typed."""


def _typed(text: str, groups: tuple[tuple[Item, ...], ...]) -> str:
    words = [w for g in groups for i in g for w in (i.words if isinstance(i, Phrase) else (i,))]
    if not words:
        return ""
    return text[min(w.start for w in words) : max(w.end for w in words)].strip('"«»„“”')


def without_question_words(parsed: ParsedQuery) -> ParsedQuery:
    """``parsed`` without the question and request words (unless nothing else is left)."""
    kept = tuple(
        g
        for g in parsed.groups
        if not all(
            isinstance(i, QueryWord) and not i.prefix and i.text in QUESTION_WORDS for i in g
        )
    )
    if not kept or len(kept) == len(parsed.groups):
        return parsed
    return ParsedQuery(parsed.text, kept, parsed.excluded)


def clean(text: str) -> str:
    """NFC, control and format characters as spaces, cut to ``MAX_QUERY_CHARS`` at a space."""
    text = unicodedata.normalize("NFC", text[: MAX_QUERY_CHARS * 2])
    text = "".join(" " if unicodedata.category(c)[0] == "C" else c for c in text)
    if len(text) > MAX_QUERY_CHARS:
        cut = text.rfind(" ", 0, MAX_QUERY_CHARS + 1)
        text = text[: cut if cut > 0 else MAX_QUERY_CHARS]
    return text


def _item(fragment: str, offset: int, allow_prefix: bool) -> Item | None:
    parts = list(slots(fragment))[:MAX_ITEMS]
    found = [QueryWord(s.exact, offset + s.start, offset + s.end) for s in parts]
    if not found:
        return None
    if len(found) > 1:
        return Phrase(tuple(found), joined=len(parts[0].compound) == len(parts))
    word = found[0]
    if allow_prefix and _PREFIX_RE.search(fragment) and len(word.text) >= MIN_PREFIX:
        return QueryWord(word.text, word.start, word.end, prefix=True)
    return word


def parse_query(text: str) -> ParsedQuery:
    """Read any string as a query; never raises."""
    text = clean(text)
    groups: list[list[Item]] = []
    excluded: list[Item] = []
    join_next = False  # an OR was read after the last positive item
    i, n = 0, len(text)
    while i < n:
        if text[i].isspace():
            i += 1
            continue
        negated = text[i] == "-" and i + 1 < n and not text[i + 1].isspace()
        if negated:
            i += 1
        item: Item | None = None
        closing = _CLOSING_RE.search(text, i + 1) if text[i] in _OPENING_QUOTES else None
        if closing is not None:
            close = closing.start()
            item = _item(text[i + 1 : close], i + 1, allow_prefix=False)
            i = close + 1
        else:
            chunk = _CHUNK_RE.match(text, i)
            if chunk is None:  # a quote that opens nothing: just a separator
                i += 1
                continue
            i = chunk.end()
            if not negated and chunk.group() in _OR_WORDS:
                join_next = bool(groups)
                continue
            item = _item(chunk.group(), chunk.start(), allow_prefix=True)
        if item is None:
            continue
        if negated:
            excluded.append(item)
            join_next = False
        elif join_next and groups:
            groups[-1].append(item)
            join_next = False
        else:
            groups.append([item])
    return ParsedQuery(text, _without_stop_words(groups)[:MAX_ITEMS], tuple(excluded[:MAX_ITEMS]))


def _is_stop(group: list[Item]) -> bool:
    return all(
        isinstance(item, QueryWord) and not item.prefix and item.text in STOP_WORDS
        for item in group
    )


def _key(item: Item) -> tuple:
    if isinstance(item, QueryWord):
        return (item.text, item.prefix)
    return tuple(w.text for w in item.words)


def _without_stop_words(groups: list[list[Item]]) -> tuple[tuple[Item, ...], ...]:
    """Drop function words and repeated groups (a word typed twice asks for nothing more)."""
    kept = [g for g in groups if not _is_stop(g)] or groups
    unique: dict[tuple, tuple[Item, ...]] = {}
    for group in kept:
        unique.setdefault(tuple(_key(i) for i in group), tuple(group[:MAX_ITEMS]))
    return tuple(unique.values())


# -- Whoosh queries ----------------------------------------------------------------------


def _word_query(word: QueryWord, exact: bool, terms_of: Terms) -> wq.Query:
    if word.prefix:
        return _Prefix(EXACT_FIELD, word.text)
    if exact:
        return wq.Term(EXACT_FIELD, word.text)
    return _terms_query(MORPH_FIELD, terms_of(word.text))


class _Prefix(wq.Prefix):
    """A prefix scored like the words it expands to. Whoosh joins dozens of expanded terms
    in a tree of two-way unions; one array union over them is two to three times faster."""

    def __init__(self, fieldname: str, text: str) -> None:
        super().__init__(fieldname, text, constantscore=False)

    def matcher(self, searcher, context=None):
        found = [wq.Term(self.fieldname, t) for t in self._btexts(searcher.reader()) if t]
        if len(found) < 2:
            return found[0].matcher(searcher, context) if found else NullMatcher()
        return PreloadedOr(found, boost=self.boost).matcher(searcher, context)


class _SpanOr(spans.SpanOr):
    """Whoosh's SpanOr cannot estimate its size, which And asks for to order its parts."""

    def estimate_size(self, ixreader) -> int:
        return self.q.estimate_size(ixreader)

    def estimate_min_size(self, ixreader) -> int:
        return self.q.estimate_min_size(ixreader)


def _span_query(word: QueryWord, exact: bool, terms_of: Terms) -> wq.Query:
    if exact:
        return wq.Term(EXACT_FIELD, word.text)
    terms = terms_of(word.text)
    if len(terms) == 1:
        return wq.Term(MORPH_FIELD, terms[0])
    return _SpanOr([wq.Term(MORPH_FIELD, t) for t in terms])


def _terms_query(fieldname: str, terms: tuple[str, ...]) -> wq.Query:
    if len(terms) == 1:
        return wq.Term(fieldname, terms[0])
    return wq.Or([wq.Term(fieldname, t) for t in terms])


def item_query(item: Item, exact: bool, terms_of: Terms = lemmas) -> wq.Query:
    if isinstance(item, QueryWord):
        return _word_query(item, exact, terms_of)
    if item.joined:
        parts = tuple(w.text for w in item.words)
        if exact:
            return wq.Term(EXACT_FIELD, "-".join(parts))
        if terms := compound_terms(parts, terms_of):
            return _terms_query(MORPH_FIELD, terms)
    near = [_span_query(w, exact, terms_of) for w in item.words]
    return spans.SpanNear2(near, slop=1, ordered=True)


class _AndNotMatcher(AndNotMatcher):
    """Whoosh's AndNotMatcher checks its first match against the excluded postings only when
    both lists start on the same document, and ``skip_to`` does not check at all, so an
    excluded document could slip through; both move the excluded list forward first."""

    def _find_first(self) -> None:
        if self.a.is_active() and self.b.is_active():
            self._find_next()

    def skip_to(self, target) -> bool:
        if not self.a.is_active():
            raise ReadTooFar
        moved = self.a.skip_to(target)
        if self.a.is_active() and self.b.is_active():
            self._find_next()
        return bool(moved)


class _AndNot(wq.AndNot):
    def matcher(self, searcher, context=None):
        scored = self.a.matcher(searcher, context)
        excluded = self.b.matcher(searcher, searcher.boolean_context())
        return _AndNotMatcher(scored, excluded)


PHRASE_BOOST = 2.0
"""Weight of the query's words typed together found together («Главный военный прокурор»)."""
NEAR_BOOST = 0.5
"""Weight of the query's words found near each other (within ``NEAR_SLOP`` words)."""
NEAR_SLOP = 6


def group_query(group: tuple[Item, ...], exact: bool, terms_of: Terms = lemmas) -> wq.Query:
    if len(group) == 1:
        return item_query(group[0], exact, terms_of)
    return wq.Or([item_query(i, exact, terms_of) for i in group])


def unit_query(unit: Unit, exact: bool, terms_of: Terms = lemmas) -> wq.Query:
    """A unit's own words, or any of its alternatives."""
    parts = [group_query(g, exact, terms_of) for g in unit.groups]
    own = parts[0] if len(parts) == 1 else wq.And(parts)
    if unit.alternative is None:
        return own
    return wq.Or([own, *(item_query(i, exact, terms_of) for i in unit.alternative.items)])


def nearness(parsed: ParsedQuery, exact: bool, terms_of: Terms = lemmas) -> wq.Query | None:
    """What ranks the query's plain words higher the closer they stand: typed in this order
    next to each other (one function word may stand between, as dropped from the query),
    then anywhere within a few words. None when the query is not two or more plain words."""
    words = [g[0] for g in parsed.groups if len(g) == 1 and isinstance(g[0], QueryWord)]
    if len(words) < 2 or len(words) != len(parsed.groups) or any(w.prefix for w in words):
        return None
    spanned = [_span_query(w, exact, terms_of) for w in words]
    phrase = Scaled(spans.SpanNear2(spanned, slop=2, ordered=True), PHRASE_BOOST)
    close = Scaled(spans.SpanNear2(spanned, slop=NEAR_SLOP, ordered=False), NEAR_BOOST)
    return _WhenRare(wq.Or([phrase, close]), [_span_query(w, exact, terms_of) for w in words])


NEAR_MOST = 300
"""Nearness is weighed only when the query's rarest word is in at most this many documents:
the positions of every clause with all the words are read for it (about 0.1 ms a clause),
so on a large corpus a common phrase is ranked by its words alone."""


class _WhenRare(WrappingQuery):
    """``child``, or nothing when every one of ``words`` is in more than ``NEAR_MOST``
    documents: reading positions costs per clause with all the words."""

    def __init__(self, child: wq.Query, words: list[wq.Query]) -> None:
        super().__init__(child)
        self.words = words

    def _rewrap(self, child):
        return _WhenRare(child, self.words)

    def __eq__(self, other: object) -> bool:
        return isinstance(other, _WhenRare) and (self.child, self.words) == (
            other.child,
            other.words,
        )

    def __hash__(self) -> int:
        return hash(self.child)

    def matcher(self, searcher, context=None):
        reader = searcher.reader()
        rarest = min(w.estimate_size(reader) for w in self.words)
        if rarest > NEAR_MOST:
            return NullMatcher()
        return self.child.matcher(searcher, context)


class _ScaledMatcher(WrappingMatcher):
    def __init__(self, child, factor: float, bonus: float = 0.0) -> None:
        super().__init__(child)
        self._factor = factor
        self._bonus = bonus

    def _replacement(self, newchild):
        return _ScaledMatcher(newchild, self._factor, self._bonus)

    def supports_block_quality(self) -> bool:
        return False

    def score(self) -> float:
        return self.child.score() * self._factor + self._bonus


class Scaled(WrappingQuery):
    """A query whose scores count ``factor`` times (span queries ignore Whoosh's boost),
    plus ``bonus`` for every match (what a partial match gains for having that word)."""

    def __init__(self, child: wq.Query, factor: float, bonus: float = 0.0) -> None:
        super().__init__(child)
        self.factor = factor
        self.bonus = bonus

    def _rewrap(self, child):
        return Scaled(child, self.factor, self.bonus)

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Scaled) and (self.child, self.factor, self.bonus) == (
            other.child,
            other.factor,
            other.bonus,
        )

    def __hash__(self) -> int:
        return hash((self.child, self.factor, self.bonus))

    def matcher(self, searcher, context=None):
        return _ScaledMatcher(self.child.matcher(searcher, context), self.factor, self.bonus)


MIN_ROOT = 5


def root_item(unit: Unit) -> QueryWord | None:
    """The beginning that a single word shares with the words made from it («утвержд» of
    «утверждает», «утверждаются», «утверждении»): its stem less a letter, at least
    ``MIN_ROOT`` letters. None for other units."""
    if unit.alternative is not None or len(unit.groups) != 1 or len(unit.groups[0]) != 1:
        return None
    word = unit.groups[0][0]
    if not isinstance(word, QueryWord) or word.prefix or not is_analysed(word.text):
        return None
    root = stem(word.text)
    root = root[:-1] if len(root) >= 7 else root
    return QueryWord(root, word.start, word.end, prefix=True) if len(root) >= MIN_ROOT else None


def whoosh_query(
    parsed: ParsedQuery,
    exact: bool,
    filters: tuple[wq.Query, ...] = (),
    terms_of: Terms = lemmas,
    near: bool = True,
) -> wq.Query | None:
    """The Whoosh query for ``parsed`` (and ``filters``, all required), or None when nothing
    positive is asked for. ``terms_of`` gives a word's morph terms: the index's lexicon
    (``SearchIndex`` passes it), or the dictionary. ``near``: rank a hit higher whose words
    stand together (``nearness``); off for the keyword-only search."""
    if not parsed.groups:
        return None
    required = [unit_query(u, exact, terms_of) for u in parsed.units()]
    required += filters
    result: wq.Query = required[0] if len(required) == 1 else wq.And(required)
    if near and (closeness := nearness(parsed, exact, terms_of)) is not None:
        result = wq.AndMaybe(result, closeness)
    return excluding(result, parsed, exact, terms_of)


def excluding(
    found: wq.Query, parsed: ParsedQuery, exact: bool, terms_of: Terms = lemmas
) -> wq.Query:
    """``found`` without the clauses the query excludes (``-word``)."""
    if not parsed.excluded:
        return found
    return _AndNot(found, wq.Or([item_query(i, exact, terms_of) for i in parsed.excluded]))
