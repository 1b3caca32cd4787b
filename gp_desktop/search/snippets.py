"""Which words of a clause a query matched, and the snippet that shows them.

Marking runs the clause text through the same analysis as the index and applies the query's
own rules (lemmas, exact forms, prefixes, phrases), so what is marked is what was found, in
the act's own letters. Whoosh's highlighter is not used: it expects one token per stretch of
text, while an ambiguous word here yields several lemmas at the same place.
"""

from __future__ import annotations

import bisect
import html
from collections.abc import Callable
from functools import lru_cache

from gp_desktop.search.analysis import Slot, Terms, lemmas, slots
from gp_desktop.search.query import ParsedQuery, QueryWord

SNIPPET_CHARS = 240
"""Texts up to this length are shown whole; longer ones are cut around the best match."""
_LEAD = 60
_ELLIPSIS = "…"


def _test(word: QueryWord, exact: bool, terms_of: Terms) -> Callable[[Slot], bool]:
    """Whether a word of the text is one the query word finds, as the index decides it."""
    if word.prefix:
        return lambda slot: slot.exact.startswith(word.text)
    if exact:
        return lambda slot: slot.exact == word.text
    terms = frozenset(terms_of(word.text))
    return lambda slot: slot.exact == word.text or not terms.isdisjoint(terms_of(slot.exact))


@lru_cache(maxsize=8192)
def _slots(text: str) -> tuple[Slot, ...]:
    # Hits repeat while the user types on: analyse each clause once.
    return tuple(slots(text))


def matched_slots(
    text: str, parsed: ParsedQuery, exact: bool, terms_of: Terms = lemmas
) -> list[Slot]:
    """The words of ``text`` matched by the positive part of ``parsed``, in text order;
    ``terms_of`` as the index analyses (its lexicon, or the dictionary)."""
    found = _slots(text)
    marked: set[int] = set()
    for item in parsed.marked:
        if isinstance(item, QueryWord):
            test = _test(item, exact, terms_of)
            marked.update(i for i, s in enumerate(found) if test(s))
            continue
        tests = [_test(w, exact, terms_of) for w in item.words]
        size = len(tests)
        for i in range(len(found) - size + 1):
            if all(test(found[i + k]) for k, test in enumerate(tests)):
                marked.update(range(i, i + size))
    return [found[i] for i in sorted(marked)]


def matched_words(text: str, marks: list[Slot]) -> tuple[str, ...]:
    """The distinct surface words marked, as they are written in ``text``."""
    return tuple(dict.fromkeys(text[s.start : s.end] for s in marks))


MAX_ANCHORS = 2000
"""Windows tried for a snippet, one per match from the first (a clause has a few matches)."""


def _window(text: str, marks: list[Slot], width: int) -> tuple[int, int]:
    if len(text) <= width:
        return 0, len(text)
    best_start, best_count = 0, -1
    # Marks come in text order: the ones inside a window are counted by bisection, so a
    # node of megabytes with a hundred thousand matches takes milliseconds, not minutes.
    starts = [s.start for s in marks]
    ends = sorted(s.end for s in marks)
    for anchor in marks[:MAX_ANCHORS] or [Slot(0, 0, 0, "")]:
        start = max(0, min(anchor.start - _LEAD, len(text) - width))
        count = bisect.bisect_right(ends, start + width) - bisect.bisect_left(starts, start)
        if count > best_count:
            best_start, best_count = start, count
    start, end = best_start, best_start + width
    # Cut at spaces, so no word is shown in halves.
    if start > 0:
        space = text.find(" ", start, start + _LEAD)
        start = space + 1 if space != -1 else start
    if end < len(text):
        space = text.rfind(" ", end - _LEAD, end)
        end = space if space != -1 else end
    return start, end


def _runs(text: str, marks: list[Slot], start: int, end: int) -> list[tuple[int, int]]:
    """Marked stretches inside the window; marks apart only by spaces or a hyphen are one,
    so a phrase or a hyphenated word is shown as one highlighted run."""
    runs: list[tuple[int, int]] = []
    for s in marks:
        if s.start < start or s.end > end:
            continue
        if runs and text[runs[-1][1] : s.start].strip(" -\u2010\u2011") == "":
            runs[-1] = (runs[-1][0], s.end)
        else:
            runs.append((s.start, s.end))
    return runs


def snippet(text: str, marks: list[Slot], width: int = SNIPPET_CHARS) -> str:
    """HTML: the escaped text (or the part of it with most matches), matches in ``<b>``."""
    start, end = _window(text, marks, width)
    out = [_ELLIPSIS] if start > 0 else []
    at = start
    for run_start, run_end in _runs(text, marks, start, end):
        out.append(html.escape(text[at:run_start], quote=False))
        out.append(f"<b>{html.escape(text[run_start:run_end], quote=False)}</b>")
        at = run_end
    out.append(html.escape(text[at:end], quote=False))
    if end < len(text):
        out.append(_ELLIPSIS)
    return "".join(out)


def snippet_of_lines(text: str, parsed: ParsedQuery, exact: bool, terms_of: Terms = lemmas) -> str:
    """HTML of the lines of ``text`` (a node's lead-ins, nearest first) that hold a matched
    word, top-down, in «…» with the words in ``<b>``; empty when none does."""
    shown = []
    for line in reversed(text.split("\n")):
        marks = matched_slots(line, parsed, exact, terms_of)
        if marks:
            shown.append(f"«{snippet(line, marks, SNIPPET_CHARS // 2)}»")
    return " ".join(shown)
