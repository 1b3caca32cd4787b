"""BM25F as Whoosh computes it, with each document's length factor worked out once.

Whoosh's BM25F looks up a document's field length in a column for every posting it scores,
which is most of the time a common word takes on a large index. The length part of the
formula does not depend on the term, so it is computed once per document when the index is
opened and the score of a posting becomes one multiplication and one division. Scores are
the same as Whoosh's own BM25F (tests compare them).
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from whoosh.scoring import BM25F, BM25FScorer


def length_norms(searcher: Any, fieldname: str, k1: float, b: float) -> list[float]:
    """``K1 · ((1 − B) + B · length / average length)`` for every document, by docnum."""
    reader = searcher.reader()
    average = searcher.avg_field_length(fieldname) or 1
    return [
        k1 * ((1 - b) + b * (reader.doc_field_length(docnum, fieldname, 0) or 0) / average)
        for docnum in range(reader.doc_count_all())
    ]


class NormBM25F(BM25F):
    """BM25F reading per-document length factors from a table (single-segment indexes)."""

    def __init__(self, norms: dict[str, Sequence[float]], B: float = 0.75, K1: float = 1.2):
        super().__init__(B=B, K1=K1)
        self.norms = norms

    @classmethod
    def for_searcher(cls, searcher: Any, fieldnames: Sequence[str]) -> BM25F:
        """The fast model when the index has one segment (docnums are global), else BM25F."""
        if not searcher.reader().is_atomic():
            return BM25F()
        model = BM25F()
        norms = {f: length_norms(searcher, f, model.K1, model.B) for f in fieldnames}
        return cls(norms, B=model.B, K1=model.K1)

    def scorer(self, searcher: Any, fieldname: str, text: Any, qf: int = 1) -> Any:
        norms = self.norms.get(fieldname)
        if norms is None or not searcher.schema[fieldname].scorable:
            return super().scorer(searcher, fieldname, text, qf=qf)
        return _NormScorer(searcher, fieldname, text, self.B, self.K1, norms)


class _NormScorer(BM25FScorer):
    def __init__(
        self,
        searcher: Any,
        fieldname: str,
        text: Any,
        B: float,
        K1: float,
        norms: Sequence[float],
    ) -> None:
        super().__init__(searcher, fieldname, text, B, K1)
        self._norms = norms
        self._factor = self.idf * (K1 + 1)

    def score(self, matcher: Any) -> float:
        weight = matcher.weight()
        return self._factor * weight / (weight + self._norms[matcher.id()])
