"""The search index over one corpus, and the search itself.

``SearchIndex.open(corpus)`` finds or builds the Whoosh index (see ``store``), and
``search()`` turns any string into ranked hits: clause references and decree numbers first,
then the text hits by BM25F, each with its citation, snippet and matched words. Every word,
of the act and of a query, is analysed with the corpus's own lexicon (``lexicon``), never
with the dictionary.
"""

from __future__ import annotations

import functools
import logging
import math
import threading
import time
from collections.abc import Iterable
from pathlib import Path

from whoosh import query as wq
from whoosh.codec.whoosh3 import W3Codec
from whoosh.collectors import TopCollector
from whoosh.fields import ID, KEYWORD, STORED, TEXT, Schema
from whoosh.index import Index

from gp_desktop.corpus.citations import DEFAULT_PART, citation
from gp_desktop.corpus.reader import Corpus
from gp_desktop.paths import user_cache_dir
from gp_desktop.search import store
from gp_desktop.search.analysis import ExactTokenizer, MorphTokenizer, Terms, slots
from gp_desktop.search.documents import (
    ROW,
    contains,
    context_of,
    document_text,
    documents,
    pieces,
    resolve_section,
)
from gp_desktop.search.equivalents import Equivalents
from gp_desktop.search.lexicon import Lexicon
from gp_desktop.search.query import (
    EXACT_FIELD,
    MORPH_FIELD,
    ParsedQuery,
    Phrase,
    Scaled,
    Unit,
    excluding,
    item_query,
    parse_query,
    root_item,
    unit_query,
    whoosh_query,
    without_question_words,
)
from gp_desktop.search.references import find_reference
from gp_desktop.search.results import Hit, SearchResults
from gp_desktop.search.scoring import NormBM25F
from gp_desktop.search.snippets import matched_slots, matched_words, snippet, snippet_of_lines

log = logging.getLogger(__name__)

PATH_FIELD = "path"
MIN_SUGGESTED = 3
"""Shorter words are not corrected: one edit turns them into too many other words."""


def text_digest(node_id: str, text: str) -> str:
    """What an index document stores of its node's text, to tell it is this corpus's index."""
    import hashlib

    return hashlib.blake2b(f"{node_id}\0{text}".encode(), digest_size=8).hexdigest()


def corpus_digests(corpus: Corpus) -> list[tuple[str, str]]:
    """``(key, text_digest)`` of every document ``documents(corpus)`` gives, in its order."""
    return [(key, text_digest(key, text)) for node in corpus.nodes for key, _, text in pieces(node)]


def schema(terms_of: Terms | None = None) -> Schema:
    """The index's fields; ``terms_of`` analyses the morph fields (default: the dictionary).
    ``id`` is the document's key (a node id, or a table row's), ``node`` its node."""
    return Schema(
        id=ID(stored=True, unique=True),
        node=STORED,
        path=KEYWORD,
        citation=STORED,
        digest=STORED,
        **{
            MORPH_FIELD: TEXT(analyzer=MorphTokenizer(terms_of), phrase=True),
            EXACT_FIELD: TEXT(analyzer=ExactTokenizer(), phrase=True),
        },
    )


def _unique(ranked: list, seen: set[str]) -> list:
    """``ranked`` without the nodes in ``seen`` (which it fills): one hit per node, so of a
    table the best row, shown in the snippet."""
    kept = []
    for row in ranked:
        if row[0] not in seen:
            seen.add(row[0])
            kept.append(row)
    return kept


PAGE = 20
"""Hits a page shows: fewer in a node's own words, and the fallbacks fill it (no more)."""
PARTIAL_LIMIT = 20
"""Partial matches shown at most: the best of them; further down they have little to say."""


def _filler(corpus: Corpus) -> store.Fill:
    def fill(index: Index) -> int:
        # Uncompressed posting blocks: a little more disk, a tenth less time per search.
        writer = index.writer(limitmb=256, codec=W3Codec(compression=0))
        count = 0
        try:
            for doc in documents(corpus):
                writer.add_document(
                    id=doc.key,
                    node=doc.id,
                    path=doc.path,
                    citation=doc.citation,
                    digest=text_digest(doc.key, doc.text),
                    **{MORPH_FIELD: doc.text, EXACT_FIELD: doc.text},
                )
                count += 1
        except BaseException:
            writer.cancel()
            raise
        writer.commit()
        return count

    return fill


class SearchIndex:
    """Full-text search over one corpus. Build or open it with :meth:`open`."""

    def __init__(
        self,
        corpus: Corpus,
        lexicon: Lexicon,
        index: Index,
        location: Path | None,
        build_seconds: float,
    ) -> None:
        self.corpus = corpus
        self.lexicon = lexicon
        """The corpus's word forms: the morph terms of the act's words and of queries."""
        self._terms_of = lexicon.terms
        self.location = location
        """The index folder in the cache, or None when the index is held in memory."""
        self.build_seconds = build_seconds
        """Time spent building the index when it was opened; 0.0 if it was found built."""
        self._index = index
        with index.searcher() as first:
            weighting = NormBM25F.for_searcher(first, [MORPH_FIELD, EXACT_FIELD])
        self._searcher = index.searcher(weighting=weighting)
        reader = self._searcher.reader()
        # Unpickling stored fields per hit costs more than the search: read them once.
        stored = [reader.stored_fields(d) for d in range(reader.doc_count_all())]
        self._stored = [
            (fields.get("node", fields["id"]), fields["citation"], fields["id"])
            for fields in stored
        ]
        self._digests = [(fields["id"], fields.get("digest")) for fields in stored]
        # Whoosh readers share file positions between calls: one search at a time.
        self._lock = threading.Lock()
        self._rows = frozenset(d for d, (_, _, key) in enumerate(self._stored) if ROW in key)
        """Documents that are a table's row: a table counts once in a total."""
        self._equivalents: Equivalents | None = None
        self._equivalents_lock = threading.Lock()

    @classmethod
    def open(cls, corpus: Corpus, cache_dir: str | Path | None = None) -> SearchIndex:
        """The index for ``corpus`` from ``cache_dir`` (default: the user's cache folder),
        built there if missing, stale or damaged, or built in memory if it cannot be saved."""
        started = time.perf_counter()
        folder = Path(cache_dir) if cache_dir is not None else user_cache_dir()
        lexicon = Lexicon.of(corpus)
        try:
            fields = schema(lexicon.terms)
            fill = _filler(corpus)
            index, location, built = store.open_or_build(folder, corpus.file_sha256, fields, fill)
            try:
                seconds = time.perf_counter() - started if built else 0.0
                found = cls(corpus, lexicon, index, location, seconds)
            except Exception as exc:  # damage the opening probe did not reach: no cache
                log.info("search index %s unreadable (%s); kept in memory", location, exc)
                index = store.build_in_memory(fields, fill)
                return cls(corpus, lexicon, index, None, time.perf_counter() - started)
            if found._digests == corpus_digests(corpus):
                return found
            # The marker said this corpus, the documents say another (a copied folder, a
            # forged marker): never search it; build the corpus's own.
            log.info("search index %s is not this corpus's; rebuilt", location)
            found._release()
            if location is not None:
                store.discard(location)
            index, location, _ = store.open_or_build(folder, corpus.file_sha256, fields, fill)
            rebuilt = cls(corpus, lexicon, index, location, time.perf_counter() - started)
            if rebuilt._digests != corpus_digests(corpus):
                rebuilt._release()
                index = store.build_in_memory(fields, fill)
                rebuilt = cls(corpus, lexicon, index, None, time.perf_counter() - started)
            return rebuilt
        except BaseException:
            lexicon.close()
            raise

    @property
    def in_memory(self) -> bool:
        return self.location is None

    def close(self) -> None:
        with self._lock:
            self._release()
            self.lexicon.close()

    def _release(self) -> None:
        """Close the index files, not the lexicon (shared with a replacement)."""
        self._searcher.close()
        self._index.close()

    # -- searching ------------------------------------------------------------------------
    def equivalents(self) -> Equivalents:
        """Synonyms, definitions, places and misprints (read on the first search that asks)."""
        if self._equivalents is None:
            with self._equivalents_lock:
                if self._equivalents is None:
                    self._equivalents = Equivalents.of(
                        self.corpus, self._terms_of, self.lexicon.known
                    )
        return self._equivalents

    def search(
        self,
        query: str,
        limit: int = 50,
        exact: bool = False,
        within: str | None = None,
        plain: bool = False,
        among: Iterable[str] | None = None,
    ) -> SearchResults:
        """Ranked hits for any string; never raises on what the user typed.

        The hits with every word come first: in a node's own words (the typed words
        together first, then near each other), then — when those leave the page short —
        with some of the words in the lead-ins and headings above it. Still short, the best
        partial matches follow in ``SearchResults.partial``, each naming the words it lacks.
        Question words are never required; synonyms, the act's definitions, other spellings
        of places and the source's misprints stand for the words typed (``equivalents``).
        ``plain``: the keyword search alone (every typed word, none of the above).
        ``among``: node ids to search in (and under): a search within earlier results."""
        limit = max(0, int(limit))
        parsed = parse_query(query)
        section = None
        if within is not None and within.strip():
            section = resolve_section(self.corpus, within, self._terms_of)
            if section is None:
                return SearchResults(query, (), 0, None, exact)
        part = self.corpus.part_of(section).id if section else DEFAULT_PART
        reference = find_reference(self.corpus, parsed.text, part)
        pinned = [
            node_id
            for node_id in reference.nodes
            if node_id in self.corpus.by_id
            and (section is None or contains(self.corpus, section, node_id))
        ]
        if not plain:
            parsed = without_question_words(parsed)
            if not exact:
                parsed = self.equivalents().expand(parsed)
        filters: tuple[wq.Query, ...] = (wq.Term(PATH_FIELD, section),) if section else ()
        if among is not None:
            inside = sorted(set(among))
            pinned = [n for n in pinned if n in inside]
            if not inside:
                return SearchResults(query, (), 0, None, exact)
            filters += (wq.Or([wq.Term(PATH_FIELD, n) for n in inside]),)
        found = whoosh_query(parsed, exact, filters, self._terms_of, near=not plain)
        units = parsed.units() if found is not None and not plain else []
        wanted = limit + len(pinned)
        with self._lock:
            ranked, total = self._ranked(found, wanted)
            seen: set[str] = set()
            ranked = _unique(ranked, seen)
            led: list = []
            partial: list = []
            if len(units) > 1 and not pinned and len(ranked) < min(wanted, PAGE):
                led, partial = self._fallback(
                    units, parsed, exact, filters, min(wanted, PAGE) - len(ranked), seen
                )
                total += len(led)
            if parsed.excluded:  # a table's row is excluded by a word anywhere in its table
                kept = [r for r in ranked + led if not self._excluded_row(r, parsed, exact)]
                total -= len(ranked) + len(led) - len(kept)
                ranked, led = [r for r in ranked if r in kept], [r for r in led if r in kept]
            ranked_ids = {row[0] for row in ranked + led}
            total += sum(
                1
                for node_id in pinned
                if node_id not in ranked_ids and not self._matches(found, node_id)
            )
            partial = partial[: min(limit, PARTIAL_LIMIT)]
            suggestion = None
            if total == 0 and found is not None:
                suggestion = self._suggest(parsed, exact, filters)
        top = max((row[3] for row in ranked), default=0.0) + 1.0
        hits = [self._hit(node_id, None, None, top, parsed, exact) for node_id in pinned]
        floor = min((row[3] for row in ranked), default=top)
        rows = [(row, False) for row in ranked] + [(row, True) for row in _below(led, floor)]
        hits += [
            self._hit(row[0], row[1], row[2], row[3], parsed, exact, context=led_in)
            for row, led_in in rows
            if row[0] not in pinned
        ]
        partial_hits = tuple(
            self._hit(node_id, cited, key, score, parsed, exact, missing=missing)
            for node_id, cited, key, score, missing in partial
            if node_id not in pinned
        )
        return SearchResults(
            query=query,
            hits=tuple(hits[:limit]),
            total=total,
            suggestion=suggestion,
            exact=exact,
            reference=reference.clause if reference.clause in pinned else None,
            amendment_id=reference.amendment_id,
            partial=partial_hits[: max(0, limit - min(limit, len(hits)))],
        )

    def _own_words(self, units: list[Unit]) -> list[wq.Query]:
        """Per unit: its own words, or (a rare word) a word of the same root."""
        own = []
        reader = self._searcher.reader()
        common = reader.doc_count_all() // ROOT_RARER
        for unit in units:
            words = unit_query(unit, False, self._terms_of)
            root = root_item(unit)
            # A common word finds enough by itself; its root would read thousands of postings.
            if root is not None and words.estimate_size(reader) <= common:
                words = _Or([words, Scaled(item_query(root, False), ROOT_WEIGHT)])
            own.append(words)
        return own

    def _fallback(
        self,
        units: list[Unit],
        parsed: ParsedQuery,
        exact: bool,
        filters: tuple[wq.Query, ...],
        room: int,
        seen: set[str],
    ) -> tuple[list, list]:
        """When the nodes with every word in their own words leave the page short, one more
        pass over the nodes with any of the rarer units in their own words (or a word of the
        same root), each unit found adding its rarity times ``PARTIAL_BONUS`` to the score,
        so the nodes with more and rarer words come first. Which units each candidate has —
        in its own words or in the lead-ins and headings above it — is then read from the
        texts: the ones with every unit are hits of a lower tier, the ones with half the
        units or more the partial matches, each naming what it lacks. The lead-ins are read
        only here, for a page of candidates, never indexed with every sub-clause."""
        reader = self._searcher.reader()
        count = max(1, reader.doc_count_all())
        if exact:
            own = [unit_query(u, True, self._terms_of) for u in units]
        else:
            own = self._own_words(units)
        sizes = [q.estimate_size(reader) for q in own]
        weight = [math.log(1 + count / (1 + size)) for size in sizes]
        # Only the units that narrow things down are read from the index (a common word's
        # postings would be most of it); whether a candidate has the others is read from
        # its text, below.
        rare = [k for k, size in enumerate(sizes) if size <= count // COMMON] or [
            min(range(len(units)), key=lambda k: sizes[k])
        ]
        scored = [Scaled(own[k], 1.0, PARTIAL_BONUS * weight[k]) for k in rare]
        query = wq.And([_Or(scored), *filters]) if filters else _Or(scored)
        query = excluding(query, parsed, exact, self._terms_of)
        least = max(1, math.ceil(len(units) / 2))
        ranked, _ = self._ranked(query, room + PARTIAL_LIMIT + len(seen))
        led, found = [], []
        for row in _unique(ranked, seen):
            has, in_own = self._units_in(row[0], row[2], units, exact)
            if not in_own:
                continue
            if len(has) == len(units):
                if not exact and len(led) < room:
                    led.append(row)
            elif len(has) >= least and len(found) < PARTIAL_LIMIT:
                missing = tuple(u.label for k, u in enumerate(units) if k not in has)
                found.append((len(has), row, missing))
        found.sort(key=lambda f: (-f[0], -f[1][3]))
        ordered, floor = [], None
        for _, (node_id, cited, key, score), missing in found:
            if floor is not None and score >= floor:
                score = floor * 0.999  # scores fall as the list is ordered
            ordered.append((node_id, cited, key, score, missing))
            floor = score
        return led, ordered

    def _units_in(
        self, node_id: str, key: str, units: list[Unit], exact: bool
    ) -> tuple[set[int], bool]:
        """Which units a node has, in its own words (or their root) or the lead-ins above,
        and whether one at least is in its own words: each unit's words (a phrase's all of
        them) among the text's terms."""
        node = self.corpus.by_id[node_id]
        own = self._text_terms(self._own_text(node, key), exact)
        above = "" if exact else context_of(self.corpus, node)
        context = self._text_terms(above, exact) if above else frozenset()
        has, in_own = set(), False
        for k, unit in enumerate(units):
            items = [i for g in unit.groups for i in g]
            if unit.alternative is not None:
                items += unit.alternative.items
            root = None if exact else root_item(unit)
            if root is not None:
                items.append(root)
            if any(self._item_in(i, own, exact) for i in items):
                has.add(k)
                in_own = True
            elif context and any(self._item_in(i, context, exact) for i in items):
                has.add(k)
        return has, in_own

    def _item_in(self, item, terms: frozenset[str], exact: bool) -> bool:
        words = item.words if isinstance(item, Phrase) else (item,)
        for word in words:
            if word.prefix:
                if not any(t.startswith(word.text) for t in terms):
                    return False
            elif word.text in terms:
                continue
            elif exact or terms.isdisjoint(self._terms_of(word.text)):
                return False
        return True

    @functools.lru_cache(maxsize=4096)  # noqa: B019 - one index per process, long-lived
    def _text_terms(self, text: str, exact: bool) -> frozenset[str]:
        """The folded words of ``text`` and (unless ``exact``) their morph terms."""
        found = set()
        for slot in slots(text):
            found.add(slot.exact)
            if not exact:
                found.update(self._terms_of(slot.exact))
        return frozenset(found)

    def _excluded_row(self, row: tuple, parsed: ParsedQuery, exact: bool) -> bool:
        if ROW not in row[2]:
            return False
        text = document_text(self.corpus.by_id[row[0]])
        excluded = ParsedQuery(parsed.text, (parsed.excluded,), ())
        return bool(matched_slots(text, excluded, exact, self._terms_of))

    def _own_text(self, node, key: str | None) -> str:
        text = document_text(node) or node.title
        if key is not None and ROW in key:
            number = key.rsplit(ROW, 1)[1]
            return next((t for k, _, t in pieces(node) if k.endswith(ROW + number)), text)
        return text

    def _ranked(self, found: wq.Query | None, limit: int) -> tuple[list, int]:
        """The best ``limit`` documents and how many nodes match (a table once)."""
        if found is None:
            return [], 0
        # Block-quality skipping and matcher replacement would save scoring, but they skip
        # matches, and an exact total then needs a second full pass; with fast scoring one
        # pass that counts everything is cheaper.
        collector = _RowCounter(self._rows, limit=max(1, limit), usequality=False, replace=0)
        self._searcher.search_with_collector(found, collector)
        results = collector.results()
        total = len(results)
        if collector.rows_found:  # the rows of one table: their node counts once
            nodes = [self._stored[d][0] for d in collector.rows_found]
            total -= len(nodes) - len(set(nodes))
        ranked = [(*self._stored[docnum], float(score)) for score, docnum in results.top_n]
        return ranked[:limit], total

    def _any(self, found: wq.Query | None) -> bool:
        return found is not None and found.matcher(self._searcher).is_active()

    def _matches(self, found: wq.Query | None, node_id: str) -> bool:
        return found is not None and self._any(wq.And([found, wq.Term("id", node_id)]))

    def _hit(
        self,
        node_id: str,
        cited: str | None,
        key: str | None,
        score: float,
        parsed: ParsedQuery,
        exact: bool,
        context: bool = False,
        missing: tuple[str, ...] = (),
    ) -> Hit:
        node = self.corpus.by_id[node_id]
        text = document_text(node) or node.title
        own = self._own_text(node, key)
        marks = matched_slots(own, parsed, exact, self._terms_of)
        shown = snippet(own, marks)
        lead = ""
        if context or missing:
            above = context_of(self.corpus, node)
            lead = snippet_of_lines(above, parsed, exact, self._terms_of) if above else ""
        note = ""
        if not exact and marks:
            misprints = self.equivalents().misprints
            wrong = [own[s.start : s.end] for s in marks if s.exact in misprints.words]
            if wrong:
                note = "В тексте акта опечатка: «" + "», «".join(dict.fromkeys(wrong)) + "»"
        return Hit(
            id=node_id,
            citation=cited if cited is not None else citation(self.corpus, node_id),
            snippet=shown,
            text=text,
            score=round(score, 4),
            words=matched_words(own, marks),
            missing=missing,
            note=note,
            lead_in=lead,
        )

    def terms(self, field: str) -> set[str]:
        """Every term the index holds in ``field``: for the morph field, all that a query's
        terms can meet (tests check the lexicon against the act's words)."""
        return {term.decode("utf-8") for term in self._searcher.reader().lexicon(field)}

    # -- spelling -------------------------------------------------------------------------
    def _known(self, word: str, exact: bool) -> bool:
        reader = self._searcher.reader()
        if reader.doc_frequency(EXACT_FIELD, word):
            return True
        return not exact and any(reader.doc_frequency(MORPH_FIELD, t) for t in self._terms_of(word))

    def _suggest_word(self, corrector, word: str, distance: int) -> str | None:
        """The index's closest word, never one of the source's misprints."""
        misprints = self.equivalents().misprints.words
        for found in corrector.suggest(word, limit=5, maxdist=distance):
            if found not in misprints:
                return found
        return None

    def _suggest(
        self, parsed: ParsedQuery, exact: bool, filters: tuple[wq.Query, ...]
    ) -> str | None:
        corrector = self._searcher.corrector(EXACT_FIELD)
        replacements = []
        for word in parsed.words():
            if (
                word.prefix
                or len(word.text) < MIN_SUGGESTED
                or not word.text.isalpha()
                or self._known(word.text, exact)
            ):
                continue
            for distance in (1, 2) if len(word.text) > 4 else (1,):
                found = self._suggest_word(corrector, word.text, distance)
                if found:
                    replacements.append((word, found))
                    break
        if not replacements:
            return None
        text = parsed.text
        for word, better in sorted(replacements, key=lambda r: -r[0].start):
            typed = text[word.start : word.end]
            if typed[:1].isupper():
                better = better[:1].upper() + better[1:]
            text = text[: word.start] + better + text[word.end :]
        again = whoosh_query(parse_query(text), exact, filters, self._terms_of, near=False)
        return text.strip() if self._any(again) else None


ROOT_RARER = 50
"""Roots are looked up only for words in fewer than one document in this many."""
ROOT_WEIGHT = 0.5
"""How much a word counts that only shares its beginning with the word typed."""
COMMON = 20
"""A word in more than one document in this many is not looked up by the fallback pass."""
PARTIAL_BONUS = 100.0
"""A partial match's score per word it has (times the word's rarity), over its BM25."""


class _RowCounter(TopCollector):
    """The best documents, noting which tables' rows matched (so a total counts nodes)."""

    def __init__(self, rows: frozenset[int], **kwargs) -> None:
        super().__init__(**kwargs)
        self._row_docs = rows
        self.rows_found: list[int] = []

    def collect(self, sub_docnum):
        if self._row_docs and self.offset + sub_docnum in self._row_docs:
            self.rows_found.append(self.offset + sub_docnum)
        return super().collect(sub_docnum)


def _Or(queries: list[wq.Query]) -> wq.Query:
    """A union read as it goes: Whoosh's Or loads whole posting lists into arrays on a
    small index, which the many small unions of the fallbacks paid for again and again."""
    return queries[0] if len(queries) == 1 else wq.Or(queries)


def _below(rows: list, floor: float) -> list:
    """``rows`` rescaled to score below ``floor``, in their order (a lower tier of hits)."""
    if not rows:
        return rows
    top = max(row[3] for row in rows) or 1.0
    return [(*row[:3], floor * 0.999 * row[3] / top, *row[4:]) for row in rows]
