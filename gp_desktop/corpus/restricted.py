"""Annexes «для служебного пользования»: parts of the act whose text is not published.

The publication keeps only their stamps («Для служебного пользования», «Экз. № 08») and
approval blocks. Shown as they are, the stamps stand with nothing under them, and two such
annexes in a row read as one document cut in two. Here they are found from the text (a part
with a «Для служебного пользования» marker and nothing but markers and approval blocks), runs
of them standing together are taken as one, and each run gets one note and one row in the
window's tree. The corpus keeps every stamp as it is; only the presentation changes.
"""

from __future__ import annotations

from dataclasses import dataclass

from gp_desktop.corpus import model as m
from gp_desktop.corpus.reader import Corpus

NOTE = "Приложение для служебного пользования; текст не публикуется."
STAMP = "для служебного пользования"
_GENERIC_TITLE = "Документ для служебного пользования"


@dataclass(frozen=True)
class RestrictedAnnex:
    part_ids: tuple[str, ...]
    """The parts standing together that make it up, in document order."""
    title: str

    @property
    def first(self) -> str:
        return self.part_ids[0]

    @property
    def last(self) -> str:
        return self.part_ids[-1]


def _is_restricted(corpus: Corpus, part: m.Node) -> bool:
    children = corpus.children(part.id)
    stamped = any(c.kind == m.MARKER and STAMP in c.text.lower() for c in children)
    return stamped and all(c.kind in (m.MARKER, m.APPROVAL) for c in children)


def _title(parts: list[m.Node]) -> str:
    named = [p.title for p in parts if p.title and p.title != _GENERIC_TITLE]
    if named:
        base = named[0].removesuffix(" (для служебного пользования)")
        return f"{base} (для служебного пользования, не публикуется)"
    return "Приложение для служебного пользования (не публикуется)"


def restricted_annexes(corpus: Corpus) -> list[RestrictedAnnex]:
    parts = [n for n in corpus.nodes if n.kind == m.PART and n.parent_id is None]
    runs: list[list[m.Node]] = []
    previous_restricted = False
    for part in parts:
        restricted = _is_restricted(corpus, part)
        if restricted and previous_restricted:
            runs[-1].append(part)
        elif restricted:
            runs.append([part])
        previous_restricted = restricted
    return [RestrictedAnnex(tuple(p.id for p in run), _title(run)) for run in runs]
