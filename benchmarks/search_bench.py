"""Search latency: ``SearchIndex.search`` beside SQLite FTS5 fed the same analysed tokens.

Both answer a fixed list of realistic queries on the bundled corpus and on the act scaled ×100
(``scaled.py``; with ``--quick`` too, in fewer rounds). FTS5 gets the term streams of our
analyser and the same parsed query, so the ratio is what Whoosh, ranking, citations and
snippets cost beyond the least an index of these tokens can do. The index builds themselves
are timed in ``build_bench.py``.
"""

from __future__ import annotations

import sqlite3
import statistics
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from harness import Figure, latency_summary, report
from scaled import scaled_corpus

from gp_desktop.corpus.reader import Corpus

# What officials type: common and rare words in other forms than the text's, phrases,
# operators, prefixes, a Kazakh name typed in Russian letters, references, a misspelling,
# and (since issue 16) questions and paraphrases that no clause has every word of.
SEARCH_QUERIES = [
    "прокуратура",
    "органов прокуратуры",
    "генеральный прокурор",
    "полномочия генерального прокурора",
    "огневая подготовка",
    "оперативно-розыскная деятельность",
    '"оперативно-розыскной деятельности"',
    "надзор за законностью",
    "международное сотрудничество",
    "возврат активов",
    "досудебное расследование",
    "уголовное преследование",
    "аттестация сотрудников",
    "защита прав и свобод человека и гражданина",
    "прокур*",
    "надзор*",
    "прокурор OR прокуратура",
    "прокурор -генеральный",
    "Улытау",
    "казахстан",
    "п. 19",
    "пп. 8 п. 19",
    "№ 1125",
    "прокуротура",
    # Issue 16: questions, paraphrases, a misprint of the source, a place in another spelling,
    # a phrase against scattered words (the partial, lead-in and synonym fallbacks run here).
    "кто утверждает структуру Генеральной прокуратуры",
    "может ли прокуратура продавать имущество",
    "Генеральный Прокурор издает приказы",
    "отчет прокурора перед Президентом",
    "защищать права",
    "Мангыстау",
    "Главный военный прокурор",
]


def _fts_match(parsed, exact: bool, terms_of) -> str | None:
    """The FTS5 MATCH expression for a parsed query, from the same analysed terms."""
    from gp_desktop.search.analysis import compound_terms
    from gp_desktop.search.query import Phrase

    def word(w) -> str:
        if w.prefix:
            return f'exact:"{w.text}"*'
        if exact:
            return f'exact:"{w.text}"'
        return "text:(" + " OR ".join(f'"{t}"' for t in terms_of(w.text)) + ")"

    def item(i) -> str:
        if not isinstance(i, Phrase):
            return word(i)
        if i.joined:
            parts = tuple(w.text for w in i.words)
            if exact:
                return f'exact:"{"-".join(parts)}"'
            if terms := compound_terms(parts, terms_of):
                return "text:(" + " OR ".join(f'"{t}"' for t in terms) + ")"
        # FTS5 has no alternatives inside a phrase: the first lemma of each word, near.
        terms = " ".join(f'"{w.text if exact else terms_of(w.text)[0]}"' for w in i.words)
        column = "exact" if exact else "text"
        return f"{column}:NEAR({terms}, {2 * len(i.words)})"

    if not parsed.groups:
        return None
    expression = " AND ".join("(" + " OR ".join(item(i) for i in g) + ")" for g in parsed.groups)
    if parsed.excluded:
        expression = f"({expression}) NOT (" + " OR ".join(item(i) for i in parsed.excluded) + ")"
    return expression


class Fts5Baseline:
    """The same documents, as the analyser's term streams, in an in-memory FTS5 table."""

    def __init__(self, corpus: Corpus, path: Path | None = None) -> None:
        """In memory, or in the SQLite file ``path`` (as the index build is timed on disk)."""
        from gp_desktop.search.analysis import ExactTokenizer, MorphTokenizer
        from gp_desktop.search.documents import documents
        from gp_desktop.search.lexicon import Lexicon

        started = time.perf_counter()
        # The corpus's lexicon, as SearchIndex analyses (not the dictionary).
        self.lexicon = Lexicon.of(corpus)
        morph, exact = MorphTokenizer(self.lexicon.terms), ExactTokenizer()
        rows = [
            (
                d.id,
                " ".join(t.text for t in morph(d.text)),
                " ".join(t.text for t in exact(d.text)),
            )
            for d in documents(corpus)
        ]
        analysed = time.perf_counter()
        self.db = sqlite3.connect(path or ":memory:", check_same_thread=False)
        self.db.execute(
            "CREATE VIRTUAL TABLE docs USING fts5(id UNINDEXED, text, exact, "
            # Hyphens inside tokens: the compound terms of hyphenated words stay whole.
            "tokenize=\"unicode61 remove_diacritics 0 tokenchars '-'\")"
        )
        self.db.executemany("INSERT INTO docs VALUES (?, ?, ?)", rows)
        self.db.commit()
        self.documents = len(rows)
        self.analysis_seconds = analysed - started
        """Documents and citations read, text analysed into the two term streams."""
        self.build_seconds = time.perf_counter() - started
        """All of it: analysis and the FTS5 index."""

    def search(self, query: str, limit: int = 50) -> tuple[list, int]:
        from gp_desktop.search.query import parse_query

        match = _fts_match(parse_query(query), False, self.lexicon.terms)
        if match is None:
            return [], 0
        rows = self.db.execute(
            "SELECT id, bm25(docs) FROM docs WHERE docs MATCH ? ORDER BY rank LIMIT ?",
            (match, limit),
        ).fetchall()
        total = self.db.execute("SELECT count(*) FROM docs WHERE docs MATCH ?", (match,)).fetchone()
        return rows, total[0]


def _time_queries(run: Callable[[str], object], queries: list[str], rounds: int) -> dict:
    for query in queries:  # warm caches: lemmas, postings, the page cache
        run(query)
    seconds = []
    per_query: dict[str, list[float]] = {q: [] for q in queries}
    for _ in range(rounds):
        for query in queries:
            started = time.perf_counter()
            run(query)
            elapsed = time.perf_counter() - started
            seconds.append(elapsed)
            per_query[query].append(elapsed)
    summary = latency_summary(seconds)
    summary["slowest"] = sorted(
        ((round(statistics.median(v) * 1000, 2), q) for q, v in per_query.items()), reverse=True
    )[:3]
    return summary


def _search_on(corpus: Corpus, label: str, rounds: int, cache: Path) -> dict:
    from gp_desktop.search import SearchIndex

    index = SearchIndex.open(corpus, cache_dir=cache)
    fts = Fts5Baseline(corpus)
    ours = _time_queries(lambda q: index.search(q, limit=50), SEARCH_QUERIES, rounds)
    theirs = _time_queries(lambda q: fts.search(q, limit=50), SEARCH_QUERIES, rounds)
    index.close()
    result = {
        "documents": fts.documents,
        "median_ms": ours["median_ms"],
        "p95_ms": ours["p95_ms"],
        "fts5_median_ms": theirs["median_ms"],
        "fts5_p95_ms": theirs["p95_ms"],
        "ratio_median": round(ours["median_ms"] / theirs["median_ms"], 2),
        "ratio_p95": round(ours["p95_ms"] / theirs["p95_ms"], 2),
        "samples": ours["samples"],
        "slowest": ours["slowest"],
        "fts5_slowest": theirs["slowest"],
    }
    report(f"  {label}: {result['documents']} documents")
    report(
        f"    SearchIndex.search  median {ours['median_ms']:7.2f} ms   p95 {ours['p95_ms']:7.2f} ms"
    )
    report(
        f"    FTS5 (same tokens)  median {theirs['median_ms']:7.2f} ms   p95 {theirs['p95_ms']:7.2f} ms"
    )
    report(
        f"    ratio               median {result['ratio_median']:6.2f}×     "
        f"p95 {result['ratio_p95']:6.2f}×"
    )
    report("    slowest (median ms): " + "; ".join(f"{q} {ms}" for ms, q in ours["slowest"]))
    return result


FTS5_IS = "SQLite FTS5 in memory, same tokens, same parsed query, bm25 top 50 + count"


def search(quick: bool) -> dict:
    # The ×100 corpus even with --quick: its p95 ratio is one of the figures followed from
    # change to change. Fewer rounds keep --quick under a minute.
    factor = 100
    rounds = 3 if quick else 10
    report(f"search: {len(SEARCH_QUERIES)} queries × {rounds} rounds, limit 50")
    report(
        "  (SearchIndex.search includes citations and snippets; FTS5 returns ids, bm25 and the count)"
    )
    with tempfile.TemporaryDirectory(prefix="gp-bench-search-") as tmp:
        cache = Path(tmp)
        bundled = _search_on(Corpus(scaled_corpus(1)), "bundled corpus", rounds, cache)
        scaled = _search_on(Corpus(scaled_corpus(factor)), f"act ×{factor}", rounds, cache)
    scale = f"x{factor}"
    figures = [
        Figure(
            "search.x1.p95_ms",
            bundled["p95_ms"],
            bundled["fts5_p95_ms"],
            "ms",
            FTS5_IS,
            "≤ 50 ms",
            bundled["p95_ms"] <= 50,
        ),
        Figure(
            "search.x1.median_ms", bundled["median_ms"], bundled["fts5_median_ms"], "ms", FTS5_IS
        ),
        Figure(
            f"search.{scale}.p95_ms",
            scaled["p95_ms"],
            scaled["fts5_p95_ms"],
            "ms",
            FTS5_IS,
            "≤ 3× FTS5",
            scaled["ratio_p95"] <= 3,
        ),
        Figure(
            f"search.{scale}.median_ms",
            scaled["median_ms"],
            scaled["fts5_median_ms"],
            "ms",
            FTS5_IS,
        ),
    ]
    from relevance_bench import relevance

    judged = relevance(quick)
    return {
        "search": {"queries": SEARCH_QUERIES, "rounds": rounds, "x1": bundled, scale: scaled},
        "relevance": judged["relevance"],
        "figures": figures + judged["figures"],
    }
