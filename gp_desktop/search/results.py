"""What a search returns: frozen records the GUI and the command line show as they are."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Hit:
    id: str
    """The node id («polozhenie/p-19/pp-8»)."""
    citation: str
    """«Положение, Глава 3, п. 19, пп. 8)»."""
    snippet: str
    """HTML: the escaped text, or the part of it with the most matches, matches in <b>…</b>."""
    text: str
    """The node's whole text, as the act has it."""
    score: float
    words: tuple[str, ...]
    """The surface words of ``text`` that matched, for highlighting in the reader."""
    missing: tuple[str, ...] = ()
    """A partial match: the query's words (as typed) that the node does not have."""
    note: str = ""
    """A remark on the hit for the user: «В тексте акта опечатка: «зашащать»»."""
    lead_in: str = ""
    """HTML like ``snippet``: the lead-ins and headings above the node that hold words of the
    query («19. Полномочия <b>Генерального Прокурора</b>:»), for a hit found through them."""


@dataclass(frozen=True)
class SearchResults:
    query: str
    hits: tuple[Hit, ...]
    total: int
    """How many nodes matched; may exceed ``len(hits)``."""
    suggestion: str | None
    """With no hits: the query with misspelt words replaced by the index's own words."""
    exact: bool
    reference: str | None = None
    """The node the query names as a clause reference («п. 19»); it is the first hit."""
    amendment_id: str | None = None
    """The decree the query names by number («№ 1125»): the id of its timeline event."""
    partial: tuple[Hit, ...] = ()
    """When the hits with every word leave the page short: the best nodes with some of the
    words, more words first, each naming the words it lacks (``Hit.missing``); shown under
    «Найдено не по всем словам». Not counted in ``total``."""
