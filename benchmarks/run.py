"""Performance harness: each section measures one thing against a baseline in the same run.

    python benchmarks/run.py [--quick] [--json] [--section NAME …]

Machines differ, so every figure that matters is a ratio to a baseline measured here and now,
never an absolute threshold; this is not a test and asserts nothing. A section is a function
``name(quick: bool) -> dict`` registered in ``SECTIONS``; it returns plain data (printed as
JSON with ``--json``) and prints its own report lines through ``report()``.

Sections:
  search      query latency of ``SearchIndex.search`` beside SQLite FTS5 fed the same
              analysed tokens, on the bundled corpus and on one scaled ×100 (×10 with --quick)
  morphology  which forms of the act's words a query misses: Snowball stemming alone
              against the lemmatizer with stemming as the fallback (not timed)
"""

from __future__ import annotations

import argparse
import json
import shutil
import sqlite3
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from gp_desktop.corpus.reader import Corpus  # noqa: E402
from gp_desktop.paths import bundled_corpus  # noqa: E402

_quiet = False


def report(line: str = "") -> None:
    if not _quiet:
        print(line, flush=True)


def percentile(values: list[float], fraction: float) -> float:
    ordered = sorted(values)
    index = min(len(ordered) - 1, max(0, round(fraction * (len(ordered) - 1))))
    return ordered[index]


def latency_summary(seconds: list[float]) -> dict:
    return {
        "median_ms": round(statistics.median(seconds) * 1000, 3),
        "p95_ms": round(percentile(seconds, 0.95) * 1000, 3),
        "samples": len(seconds),
    }


def scaled_corpus(source: Path, target: Path, factor: int) -> Path:
    """A copy of the corpus whose nodes are repeated ``factor`` times under new ids."""
    shutil.copyfile(source, target)
    conn = sqlite3.connect(target)
    try:
        columns = [row[1] for row in conn.execute("PRAGMA table_info(nodes)")]
        last = conn.execute("SELECT max(seq) FROM nodes").fetchone()[0]
        for copy in range(1, factor):
            select = []
            for column in columns:
                if column == "id":
                    select.append(f"'x{copy}/' || id")
                elif column == "parent_id":
                    select.append(
                        f"CASE WHEN parent_id IS NULL THEN NULL ELSE 'x{copy}/' || parent_id END"
                    )
                elif column == "seq":
                    select.append(f"seq + {copy * last}")
                else:
                    select.append(column)
            conn.execute(
                f"INSERT INTO nodes ({', '.join(columns)}) SELECT {', '.join(select)} "
                "FROM nodes WHERE id NOT LIKE 'x%/%'"
            )
        conn.commit()
    finally:
        conn.close()
    return target


# -- search ------------------------------------------------------------------------------

# What officials type: common and rare words in other forms than the text's, phrases,
# operators, prefixes, a Kazakh name typed in Russian letters, references, a misspelling.
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
]


def _fts_match(parsed, exact: bool) -> str | None:
    """The FTS5 MATCH expression for a parsed query, from the same analysed terms."""
    from gp_desktop.search.analysis import compound_terms, lemmas
    from gp_desktop.search.query import Phrase

    def word(w) -> str:
        if w.prefix:
            return f'exact:"{w.text}"*'
        if exact:
            return f'exact:"{w.text}"'
        return "text:(" + " OR ".join(f'"{t}"' for t in lemmas(w.text)) + ")"

    def item(i) -> str:
        if not isinstance(i, Phrase):
            return word(i)
        if i.joined:
            parts = tuple(w.text for w in i.words)
            if exact:
                return f'exact:"{"-".join(parts)}"'
            if terms := compound_terms(parts):
                return "text:(" + " OR ".join(f'"{t}"' for t in terms) + ")"
        # FTS5 has no alternatives inside a phrase: the first lemma of each word, near.
        terms = " ".join(f'"{w.text if exact else lemmas(w.text)[0]}"' for w in i.words)
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

    def __init__(self, corpus: Corpus) -> None:
        from gp_desktop.search.analysis import ExactTokenizer, MorphTokenizer
        from gp_desktop.search.documents import documents

        started = time.perf_counter()
        self.db = sqlite3.connect(":memory:")
        self.db.execute(
            "CREATE VIRTUAL TABLE docs USING fts5(id UNINDEXED, text, exact, "
            # Hyphens inside tokens: the compound terms of hyphenated words stay whole.
            "tokenize=\"unicode61 remove_diacritics 0 tokenchars '-'\")"
        )
        morph, exact = MorphTokenizer(), ExactTokenizer()
        self.db.executemany(
            "INSERT INTO docs VALUES (?, ?, ?)",
            (
                (
                    d.id,
                    " ".join(t.text for t in morph(d.text)),
                    " ".join(t.text for t in exact(d.text)),
                )
                for d in documents(corpus)
            ),
        )
        self.db.commit()
        self.build_seconds = time.perf_counter() - started

    def search(self, query: str, limit: int = 50) -> tuple[list, int]:
        from gp_desktop.search.query import parse_query

        match = _fts_match(parse_query(query), exact=False)
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

    started = time.perf_counter()
    index = SearchIndex.open(corpus, cache_dir=cache)
    build = time.perf_counter() - started
    started = time.perf_counter()
    SearchIndex.open(corpus, cache_dir=cache).close()
    reopen = time.perf_counter() - started
    fts = Fts5Baseline(corpus)
    ours = _time_queries(lambda q: index.search(q, limit=50), SEARCH_QUERIES, rounds)
    theirs = _time_queries(lambda q: fts.search(q, limit=50), SEARCH_QUERIES, rounds)
    index.close()
    result = {
        "documents": index_size(corpus),
        "whoosh": ours,
        "fts5": theirs,
        "p95_ratio": round(ours["p95_ms"] / theirs["p95_ms"], 2),
        "median_ratio": round(ours["median_ms"] / theirs["median_ms"], 2),
        "index_build_s": round(build, 3),
        "index_open_s": round(reopen, 3),
        "fts5_build_s": round(fts.build_seconds, 3),
    }
    report(f"  {label}: {result['documents']} documents")
    report(
        f"    index: built in {build:.2f} s (FTS5 {fts.build_seconds:.2f} s), "
        f"reopened from the cache in {reopen * 1000:.0f} ms"
    )
    report(
        f"    SearchIndex.search  median {ours['median_ms']:7.2f} ms   p95 {ours['p95_ms']:7.2f} ms"
    )
    report(
        f"    FTS5 (same tokens)  median {theirs['median_ms']:7.2f} ms   p95 {theirs['p95_ms']:7.2f} ms"
    )
    report(
        f"    ratio               median {result['median_ratio']:6.2f}×     p95 {result['p95_ratio']:6.2f}×"
    )
    report("    slowest (median ms): " + "; ".join(f"{q} {ms}" for ms, q in ours["slowest"]))
    return result


def index_size(corpus: Corpus) -> int:
    from gp_desktop.search.documents import documents

    return sum(1 for _ in documents(corpus))


def search(quick: bool) -> dict:
    factor = 10 if quick else 100
    rounds = 3 if quick else 10
    report(f"search: {len(SEARCH_QUERIES)} queries × {rounds} rounds, limit 50")
    report(
        "  (SearchIndex.search includes citations and snippets; FTS5 returns ids, bm25 and the count)"
    )
    with tempfile.TemporaryDirectory(prefix="gp-bench-") as tmp:
        folder = Path(tmp)
        bundled = _search_on(Corpus(bundled_corpus()), "bundled corpus", rounds, folder / "cache")
        scaled_path = scaled_corpus(bundled_corpus(), folder / f"x{factor}.sqlite", factor)
        scaled = _search_on(Corpus(scaled_path), f"corpus ×{factor}", rounds, folder / "cache")
    return {"queries": SEARCH_QUERIES, "rounds": rounds, "bundled": bundled, f"x{factor}": scaled}


# -- morphology --------------------------------------------------------------------------


def morphology(quick: bool) -> dict:
    """For every word of the act, query each form of its paradigm(s) and count the forms whose
    terms do not meet the word's terms, i.e. the forms that would not find it: dictionary
    words with all their paradigms, and the words the dictionary does not know (names,
    Kazakh words, typos of the source) with the paradigm pymorphy3 guesses for them."""
    from gp_desktop.search.analysis import lemmas, morph_analyzer, stem_terms, words

    corpus = Corpus(bundled_corpus())
    morph = morph_analyzer()
    vocabulary = sorted({w for n in corpus.nodes for w in words(f"{n.heading} {n.text}")})
    letters = [w for w in vocabulary if w.isalpha()]
    if quick:
        letters = letters[::10]
    result: dict = {"words": len(vocabulary)}
    for group in ("dictionary", "unknown"):
        chosen = [w for w in letters if morph.word_is_known(w) == (group == "dictionary")]
        pairs = set()
        for word in chosen:
            parses = morph.parse(word)
            parses = [p for p in parses if p.is_known] if group == "dictionary" else parses[:1]
            pairs.update((f.word.replace("ё", "е"), word) for p in parses for f in p.lexeme)
        missed = {
            "stemming": sorted(
                (f, w) for f, w in pairs if set(stem_terms(f)).isdisjoint(stem_terms(w))
            ),
            "lemmatizer": sorted((f, w) for f, w in pairs if set(lemmas(f)).isdisjoint(lemmas(w))),
        }
        step = max(1, len(missed["stemming"]) // 10)
        result[group] = {
            "words": len(chosen),
            "forms": len(pairs),
            "missed_stemming": len(missed["stemming"]),
            "missed_lemmatizer": len(missed["lemmatizer"]),
            "examples_stemming": missed["stemming"][::step][:10],
            "examples_lemmatizer": missed["lemmatizer"][:10],
        }
        report(f"morphology, {group} words: {len(chosen)} words, {len(pairs)} (form, word) pairs")
        for name in ("stemming", "lemmatizer"):
            count = len(missed[name])
            share = 100 * count / max(1, len(pairs))
            report(f"  {name:10}  missed {count:6} forms ({share:.1f} %)")
        for name in ("stemming", "lemmatizer"):
            if examples := result[group][f"examples_{name}"]:
                report(f"  {name} misses e.g.: " + ", ".join(f"{f}→{w}" for f, w in examples[:8]))
    return result


SECTIONS: dict[str, Callable[[bool], dict]] = {
    "search": search,
    "morphology": morphology,
}


def main(argv: list[str] | None = None) -> int:
    global _quiet
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--quick", action="store_true", help="smaller scale, fewer rounds")
    parser.add_argument("--json", action="store_true", help="print the figures as JSON")
    parser.add_argument(
        "--section", action="append", choices=sorted(SECTIONS), help="run only these sections"
    )
    args = parser.parse_args(argv)
    _quiet = args.json
    results = {}
    for name in args.section or list(SECTIONS):
        results[name] = SECTIONS[name](args.quick)
        report()
    if args.json:
        print(json.dumps(results, ensure_ascii=False, indent=1))
    return 0


if __name__ == "__main__":
    sys.exit(main())
