"""Other wordings of what the user typed: synonyms, the act's definitions, misprints, places.

People do not always type the act's words. Four sources of other wordings, each turned into
``query.Alternative`` runs of a parsed query (``Equivalents.expand``), so a clause matches
a run by its own words or by any other wording of it:

- ``resources/search/synonyms.txt``: the field's abbreviations and synonyms («Генпрокурор»,
  «КПСиСУ», «продавать» ~ «отчуждать»), each entry tested;
- the act's own definitions «X (далее – Y)»: the short form Y and the full form X find each
  other (definitions of one word, «(далее – Закон)», are left out: the word alone would find
  every law);
- ``resources/search/places.txt``: Kazakhstan's places in every usual Russian spelling, by
  the beginnings of their names («Мангыстау» finds «Мангистауской»);
- the source's misprints: a word of the act that no dictionary knows, always in lower case,
  within one or two letters of the word typed («зашащать» for «защищать», «роверять» for
  «проверять»), found by the correct word with a note on the hit.

A wording whose words include all of the run's adds nothing (the run's words already find
it) and is left out, so «Генеральная прокуратура» is not made to look for «Генеральная
прокуратура Республики Казахстан» as well. Forms are compared by their morph terms (the
corpus's lexicon), so any form of a wording matches.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from gp_desktop.corpus.reader import Corpus
from gp_desktop.paths import resources_dir
from gp_desktop.search.analysis import Terms, fold, is_analysed, slots
from gp_desktop.search.query import (
    STOP_WORDS,
    Alternative,
    Item,
    ParsedQuery,
    Phrase,
    QueryWord,
)

SYNONYMS = "synonyms.txt"
PLACES = "places.txt"
MIN_PLACE = 5
"""A query word shorter than this is not taken for the beginning of a place's name."""
MIN_MISPRINT = 5
"""Shorter words are not matched against misprints: one letter turns them into others."""

_DEFINITION = re.compile(r"\(далее\s*[–—-]\s*([^()]{2,120})\)")
_WORD = re.compile(r"[^\W\d_][^\W_]*(?:-[^\W_]+)*")
_LOOKBACK = 15
"""Words before «(далее –» in which the full form's first word is looked for."""


def read_table(path: Path) -> list[list[str]]:
    """The lines of a table: wordings separated by « = », comments (#) and blanks skipped."""
    rows = []
    for line in path.read_text(encoding="utf-8").splitlines():
        line = line.strip()
        if line and not line.startswith("#"):
            rows.append([w.strip() for w in line.split(" = ") if w.strip()])
    return rows


@dataclass(frozen=True)
class Wording:
    text: str
    item: Item
    terms: tuple[frozenset[str], ...]
    """Morph terms of each content word (function words left out)."""


def wording(text: str, terms_of: Terms) -> Wording | None:
    found = list(slots(text))
    if not found:
        return None
    words = tuple(QueryWord(s.exact, 0, 0) for s in found)
    if len(words) == 1:
        item: Item = words[0]
    else:
        item = Phrase(words, joined=len(found[0].compound) == len(found))
    content = tuple(frozenset(terms_of(s.exact)) for s in found if s.exact not in STOP_WORDS)
    return Wording(text, item, content) if content else None


def definitions(corpus: Corpus, terms_of: Terms) -> list[list[str]]:
    """``[short, full]`` for each «full (далее – short)» of the act, short of two words or more."""
    found: dict[tuple[str, str], None] = {}
    for node in corpus.nodes:
        if "(далее" not in node.text:
            continue
        for match in _DEFINITION.finditer(node.text):
            short = match.group(1).strip(' "«»')
            short_words = _WORD.findall(short)
            if len(short_words) < 2:
                continue
            first = set(terms_of(fold(short_words[0])))
            before = list(_WORD.finditer(node.text, 0, match.start()))[-_LOOKBACK:]
            starts = [w for w in before if first & set(terms_of(fold(w.group())))]
            if not starts:
                continue
            full = node.text[starts[-1].start() : match.start()].strip(' "«»')
            full = " ".join(full.replace('"', " ").replace("«", " ").replace("»", " ").split())
            if full and fold(full) != fold(short):
                found.setdefault((short, full))
    return [list(pair) for pair in found]


def _deletions(word: str, depth: int) -> set[str]:
    found = {word}
    layer = {word}
    for _ in range(depth):
        layer = {w[:k] + w[k + 1 :] for w in layer for k in range(len(w))}
        found |= layer
    return found


def distance(a: str, b: str) -> int:
    """Levenshtein distance (with transpositions counted as two)."""
    previous = list(range(len(b) + 1))
    for i, ca in enumerate(a, 1):
        current = [i]
        for j, cb in enumerate(b, 1):
            current.append(min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (ca != cb)))
        previous = current
    return previous[-1]


class Misprints:
    """The act's words no dictionary knows that are always in lower case: a name or an
    abbreviation is capitalised, so these are the source's misprints (or rare words, which a
    query meets only by a word one or two letters away that is not a form of theirs)."""

    def __init__(self, candidates: Iterable[str], terms_of: Terms) -> None:
        self._terms_of = terms_of
        self.words = frozenset(candidates)
        self._by_key: dict[str, set[str]] = {}
        for word in self.words:
            for key in _deletions(word, 2):
                self._by_key.setdefault(key, set()).add(word)

    @classmethod
    def of(cls, corpus: Corpus, known: callable, terms_of: Terms) -> Misprints:
        lower: set[str] = set()
        upper: set[str] = set()
        for text in {n.text for n in corpus.nodes}:
            for word in _WORD.findall(text):
                for part in word.split("-"):
                    (upper if part[:1].isupper() else lower).add(part)
        folded = {fold(w) for w in lower} - {fold(w) for w in upper}
        folded = {w for w in folded if len(w) >= MIN_MISPRINT and is_analysed(w)}
        return cls(folded - known(folded), terms_of)

    def of_word(self, word: str) -> list[str]:
        """The misprints that ``word`` (folded, as typed) is the correct spelling of."""
        if len(word) < MIN_MISPRINT or word in self.words or not is_analysed(word):
            return []
        most = 1 if len(word) <= 6 else 2
        near: set[str] = set()
        for key in _deletions(word, most):
            near |= self._by_key.get(key, set())
        terms = set(self._terms_of(word))
        return sorted(
            c for c in near if distance(word, c) <= most and terms.isdisjoint(self._terms_of(c))
        )


class Equivalents:
    """Every other wording the search knows for one corpus (built once, read-only after)."""

    def __init__(
        self,
        tables: list[tuple[str, list[list[str]]]],
        places: list[list[str]],
        misprints: Misprints | None,
        terms_of: Terms,
    ) -> None:
        self._terms_of = terms_of
        self.rules: list[tuple[str, list[Wording]]] = []
        for kind, rows in tables:
            for row in rows:
                forms = [w for w in (wording(t, terms_of) for t in row) if w is not None]
                if len(forms) > 1:
                    self.rules.append((kind, forms))
        self.places = [[fold(p) for p in row if " " not in p] for row in places]
        self.misprints = misprints

    @classmethod
    def of(cls, corpus: Corpus, terms_of: Terms, known: callable) -> Equivalents:
        folder = resources_dir() / "search"
        tables = [
            ("synonym", read_table(folder / SYNONYMS)),
            ("definition", definitions(corpus, terms_of)),
        ]
        return cls(
            tables, read_table(folder / PLACES), Misprints.of(corpus, known, terms_of), terms_of
        )

    def expand(self, parsed: ParsedQuery) -> ParsedQuery:
        """``parsed`` with the alternatives of its runs of plain words."""
        groups = parsed.groups
        simple = [
            frozenset(self._terms_of(g[0].text))
            if len(g) == 1 and isinstance(g[0], QueryWord) and not g[0].prefix
            else None
            for g in groups
        ]
        found: list[Alternative] = []
        for kind, forms in self.rules:
            for form in forms:
                size = len(form.terms)
                for first in range(len(groups) - size + 1):
                    run = simple[first : first + size]
                    if all(
                        t is not None and t & want for t, want in zip(run, form.terms, strict=True)
                    ):
                        others = tuple(
                            o.item for o in forms if o is not form and not _covers(o, form)
                        )
                        if others:
                            found.append(Alternative(first, size, others, kind))
        for k, group in enumerate(groups):
            if simple[k] is None:
                continue
            word = group[0].text
            for row in self.places:
                if any(
                    word.startswith(p) or (len(word) >= MIN_PLACE and p.startswith(word))
                    for p in row
                ):
                    items = tuple(QueryWord(p, 0, 0, prefix=True) for p in row)
                    found.append(Alternative(k, 1, items, "place"))
                    break
            if self.misprints is not None and (wrong := self.misprints.of_word(word)):
                found.append(
                    Alternative(k, 1, tuple(QueryWord(w, 0, 0) for w in wrong), "misprint")
                )
        return ParsedQuery(parsed.text, groups, parsed.excluded, _merged(found))


def _covers(other: Wording, form: Wording) -> bool:
    """Whether every content word of ``form`` is among ``other``'s (``other`` adds nothing)."""
    return all(any(t & o for o in other.terms) for t in form.terms)


def _merged(found: list[Alternative]) -> tuple[Alternative, ...]:
    """Non-overlapping runs, longest first; the alternatives of one run put together."""
    by_run: dict[tuple[int, int], list[Alternative]] = {}
    for alternative in found:
        by_run.setdefault((alternative.first, alternative.count), []).append(alternative)
    taken: set[int] = set()
    kept = []
    for (first, count), alternatives in sorted(by_run.items(), key=lambda r: (-r[0][1], r[0][0])):
        span = set(range(first, first + count))
        if span & taken:
            continue
        taken |= span
        items = tuple(dict.fromkeys(i for a in alternatives for i in a.items))
        kinds = [a.kind for a in alternatives]
        kind = "misprint" if "misprint" in kinds else kinds[0]
        kept.append(Alternative(first, count, items, kind))
    return tuple(sorted(kept, key=lambda a: a.first))
