"""Relevance: recall@5 and MRR of the search on judged queries, beside the keyword-only search.

The queries (``relevance/queries.json``, 125 of them) are what officials type — keywords, questions,
paraphrases, references, misspellings, abbreviations, place names — each with the nodes that
answer it, judged by reading the act. A hit answers a query when it is one of those nodes or
lies inside one (a sub-clause of a judged clause); the hits are taken as shown, those with
every word and then the partial matches. For each query:

- recall@5: how many of the judged nodes (at most five) the first five hits reach;
- reciprocal rank: 1 / the rank of the first hit that answers (0 if none of the first 50 does).

Both are averaged over the queries, for the search as it is (``SearchIndex.search``) and for
the keyword-only search (``plain=True``: every word required, no lead-ins, no synonyms, no
partial matches — the search before issue 16), on the bundled corpus. Figures by kind of
query are reported too, and the queries whose keyword-only answer was better.
"""

from __future__ import annotations

import json
import tempfile
from pathlib import Path

from harness import Figure, report

from gp_desktop.corpus.reader import Corpus

QUERIES = Path(__file__).resolve().parent / "relevance" / "queries.json"
CUTOFF = 5
DEPTH = 50


def judged() -> list[dict]:
    return json.loads(QUERIES.read_text(encoding="utf-8"))["queries"]


def _answers(corpus: Corpus, hit_id: str, relevant: list[str]) -> set[str]:
    """The judged nodes a hit answers: itself, or the judged nodes it lies inside."""
    inside = (
        {hit_id} | {a.id for a in corpus.ancestors(hit_id)} if hit_id in corpus.by_id else set()
    )
    return inside & set(relevant)


def score_query(corpus: Corpus, hit_ids: list[str], relevant: list[str]) -> tuple[float, float]:
    """``(recall@5, reciprocal rank)`` of one ranked list of hit ids."""
    reached: set[str] = set()
    for hit_id in hit_ids[:CUTOFF]:
        reached |= _answers(corpus, hit_id, relevant)
    recall = len(reached) / min(len(relevant), CUTOFF)
    rank = next(
        (k for k, hit_id in enumerate(hit_ids[:DEPTH], 1) if _answers(corpus, hit_id, relevant)),
        None,
    )
    return min(1.0, recall), (1.0 / rank if rank else 0.0)


def evaluate(index, corpus: Corpus, queries: list[dict], plain: bool) -> dict:
    per_query = []
    for item in queries:
        results = index.search(item["q"], limit=DEPTH, plain=plain)
        # In the order shown: the hits with every word, then the partial matches.
        shown = [h.id for h in results.hits + results.partial]
        recall, rr = score_query(corpus, shown, item["relevant"])
        per_query.append({"q": item["q"], "kind": item["kind"], "recall": recall, "rr": rr})
    kinds: dict[str, list[dict]] = {}
    for row in per_query:
        kinds.setdefault(row["kind"], []).append(row)

    def mean(rows: list[dict], key: str) -> float:
        return round(sum(r[key] for r in rows) / len(rows), 3) if rows else 0.0

    return {
        "recall_at_5": mean(per_query, "recall"),
        "mrr": mean(per_query, "rr"),
        "by_kind": {
            kind: {"n": len(rows), "recall_at_5": mean(rows, "recall"), "mrr": mean(rows, "rr")}
            for kind, rows in sorted(kinds.items())
        },
        "queries": per_query,
    }


def relevance(quick: bool) -> dict:
    from scaled import scaled_corpus

    from gp_desktop.search import SearchIndex

    queries = judged()
    report(f"relevance: {len(queries)} judged queries, recall@{CUTOFF} and MRR")
    with tempfile.TemporaryDirectory(prefix="gp-bench-relevance-") as tmp:
        corpus = Corpus(scaled_corpus(1))
        index = SearchIndex.open(corpus, cache_dir=Path(tmp))
        try:
            ours = evaluate(index, corpus, queries, plain=False)
            keywords = evaluate(index, corpus, queries, plain=True)
        finally:
            index.close()
    report(
        f"  search        recall@5 {ours['recall_at_5']:.3f}   MRR {ours['mrr']:.3f}\n"
        f"  keyword-only  recall@5 {keywords['recall_at_5']:.3f}   MRR {keywords['mrr']:.3f}"
    )
    for kind, figures in ours["by_kind"].items():
        base = keywords["by_kind"][kind]
        report(
            f"    {kind:<13} n={figures['n']:<3} recall@5 {base['recall_at_5']:.2f} → "
            f"{figures['recall_at_5']:.2f}   MRR {base['mrr']:.2f} → {figures['mrr']:.2f}"
        )
    worse = [
        (b["q"], b["recall"], o["recall"], b["rr"], o["rr"])
        for o, b in zip(ours["queries"], keywords["queries"], strict=True)
        if o["recall"] < b["recall"] or o["rr"] < b["rr"]
    ]
    for q, br, orr, brr, orr2 in worse:
        report(
            f"    worse than keyword-only: {q!r} recall {br:.2f}→{orr:.2f} RR {brr:.2f}→{orr2:.2f}"
        )
    missed = [r["q"] for r in ours["queries"] if r["rr"] == 0]
    if missed:
        report("    not answered in the first 50: " + "; ".join(missed))
    figures = [
        Figure(
            "relevance.recall_at_5",
            ours["recall_at_5"],
            keywords["recall_at_5"],
            "",
            "keyword-only search (every word required), same queries",
        ),
        Figure(
            "relevance.mrr",
            ours["mrr"],
            keywords["mrr"],
            "",
            "keyword-only search (every word required), same queries",
        ),
    ]
    return {
        "relevance": {
            "queries": len(queries),
            "recall_at_5": ours["recall_at_5"],
            "mrr": ours["mrr"],
            "keyword_recall_at_5": keywords["recall_at_5"],
            "keyword_mrr": keywords["mrr"],
            "by_kind": ours["by_kind"],
            "keyword_by_kind": keywords["by_kind"],
            "worse_than_keywords": [w[0] for w in worse],
            "missed": missed,
        },
        "figures": figures,
    }
