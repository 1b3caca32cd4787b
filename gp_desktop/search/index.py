"""The search index over one corpus, and the search itself.

``SearchIndex.open(corpus)`` finds or builds the Whoosh index (see ``store``), and
``search()`` turns any string into ranked hits: clause references and decree numbers first,
then the text hits by BM25F, each with its citation, snippet and matched words. Every word,
of the act and of a query, is analysed with the corpus's own lexicon (``lexicon``), never
with the dictionary.
"""

from __future__ import annotations

import logging
import threading
import time
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
from gp_desktop.search.analysis import ExactTokenizer, MorphTokenizer, Terms
from gp_desktop.search.documents import contains, document_text, documents, resolve_section
from gp_desktop.search.lexicon import Lexicon
from gp_desktop.search.query import (
    EXACT_FIELD,
    MORPH_FIELD,
    ParsedQuery,
    parse_query,
    whoosh_query,
)
from gp_desktop.search.references import find_reference
from gp_desktop.search.results import Hit, SearchResults
from gp_desktop.search.scoring import NormBM25F
from gp_desktop.search.snippets import matched_slots, matched_words, snippet

log = logging.getLogger(__name__)

PATH_FIELD = "path"
MIN_SUGGESTED = 3
"""Shorter words are not corrected: one edit turns them into too many other words."""


def text_digest(node_id: str, text: str) -> str:
    """What an index document stores of its node's text, to tell it is this corpus's index."""
    import hashlib

    return hashlib.blake2b(f"{node_id}\0{text}".encode(), digest_size=8).hexdigest()


def corpus_digests(corpus: Corpus) -> list[tuple[str, str]]:
    """``(id, text_digest)`` of every document ``documents(corpus)`` gives, in its order."""
    result = []
    for node in corpus.nodes:
        text = document_text(node)
        if text.strip():
            result.append((node.id, text_digest(node.id, text)))
    return result


def schema(terms_of: Terms | None = None) -> Schema:
    """The index's fields; ``terms_of`` analyses the morph field (default: the dictionary)."""
    return Schema(
        id=ID(stored=True, unique=True),
        path=KEYWORD,
        citation=STORED,
        digest=STORED,
        **{
            MORPH_FIELD: TEXT(analyzer=MorphTokenizer(terms_of), phrase=True),
            EXACT_FIELD: TEXT(analyzer=ExactTokenizer(), phrase=True),
        },
    )


def _filler(corpus: Corpus) -> store.Fill:
    def fill(index: Index) -> int:
        # Uncompressed posting blocks: a little more disk, a tenth less time per search.
        writer = index.writer(limitmb=256, codec=W3Codec(compression=0))
        count = 0
        try:
            for doc in documents(corpus):
                writer.add_document(
                    id=doc.id,
                    path=doc.path,
                    citation=doc.citation,
                    digest=text_digest(doc.id, doc.text),
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
        self._stored = [(fields["id"], fields["citation"]) for fields in stored]
        self._digests = [(fields["id"], fields.get("digest")) for fields in stored]
        # Whoosh readers share file positions between calls: one search at a time.
        self._lock = threading.Lock()

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
    def search(
        self, query: str, limit: int = 50, exact: bool = False, within: str | None = None
    ) -> SearchResults:
        """Ranked hits for any string; never raises on what the user typed."""
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
        filters = (wq.Term(PATH_FIELD, section),) if section else ()
        found = whoosh_query(parsed, exact, filters, self._terms_of)
        with self._lock:
            ranked, total = self._ranked(found, limit + len(pinned))
            ranked_ids = {node_id for node_id, _, _ in ranked}
            total += sum(
                1
                for node_id in pinned
                if node_id not in ranked_ids and not self._matches(found, node_id)
            )
            suggestion = None
            if total == 0 and found is not None:
                suggestion = self._suggest(parsed, exact, filters)
        top = max((score for _, _, score in ranked), default=0.0) + 1.0
        hits = [self._hit(node_id, None, top, parsed, exact) for node_id in pinned]
        hits += [
            self._hit(node_id, cited, score, parsed, exact)
            for node_id, cited, score in ranked
            if node_id not in pinned
        ]
        return SearchResults(
            query=query,
            hits=tuple(hits[:limit]),
            total=total,
            suggestion=suggestion,
            exact=exact,
            reference=reference.clause if reference.clause in pinned else None,
            amendment_id=reference.amendment_id,
        )

    def _ranked(self, found: wq.Query | None, limit: int) -> tuple[list, int]:
        if found is None:
            return [], 0
        # Block-quality skipping and matcher replacement would save scoring, but they skip
        # matches, and an exact total then needs a second full pass; with fast scoring one
        # pass that counts everything is cheaper.
        collector = TopCollector(limit=max(1, limit), usequality=False, replace=0)
        self._searcher.search_with_collector(found, collector)
        results = collector.results()
        ranked = [(*self._stored[docnum], float(score)) for score, docnum in results.top_n]
        return ranked[:limit], len(results)

    def _any(self, found: wq.Query | None) -> bool:
        return found is not None and found.matcher(self._searcher).is_active()

    def _matches(self, found: wq.Query | None, node_id: str) -> bool:
        return found is not None and self._any(wq.And([found, wq.Term("id", node_id)]))

    def _hit(
        self, node_id: str, cited: str | None, score: float, parsed: ParsedQuery, exact: bool
    ) -> Hit:
        node = self.corpus.by_id[node_id]
        text = document_text(node) or node.title
        marks = matched_slots(text, parsed, exact, self._terms_of)
        return Hit(
            id=node_id,
            citation=cited if cited is not None else citation(self.corpus, node_id),
            snippet=snippet(text, marks),
            text=text,
            score=round(score, 4),
            words=matched_words(text, marks),
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
                found = corrector.suggest(word.text, limit=1, maxdist=distance)
                if found:
                    replacements.append((word, found[0]))
                    break
        if not replacements:
            return None
        text = parsed.text
        for word, better in sorted(replacements, key=lambda r: -r[0].start):
            typed = text[word.start : word.end]
            if typed[:1].isupper():
                better = better[:1].upper() + better[1:]
            text = text[: word.start] + better + text[word.end :]
        again = whoosh_query(parse_query(text), exact, filters, self._terms_of)
        return text.strip() if self._any(again) else None
