"""Queries that name a place rather than words: clause references and decree numbers.

«п. 19», «пункт 32-1», «19.8», «пп. 8 п. 19» or a node id name a clause, which the search puts
first. «№ 1125» or «1125» name an amending decree: the footnotes (and repeal notes) that cite
it come first, and the decree is reported so the GUI can show its timeline event. The words
of such a query are still searched as text, so the mentions of the clause or decree follow.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from gp_desktop.corpus.citations import DEFAULT_PART, resolve
from gp_desktop.corpus.model import PART
from gp_desktop.corpus.reader import Corpus

_DECREE_RE = re.compile(r"^(?:указ[а-я]*\s*)?(№|n|no\.?|nr\.?)?\s*(\d{1,6})$")


@dataclass(frozen=True)
class Reference:
    nodes: tuple[str, ...] = ()
    """Ids to put first, in this order."""
    clause: str | None = None
    """The node a clause reference names."""
    amendment_id: str | None = None
    """The decree a decree number names: an amendment id, or the act's id for its own number."""


def find_reference(corpus: Corpus, text: str, part: str = DEFAULT_PART) -> Reference:
    """What ``text`` names as a whole; an empty Reference when it is an ordinary query."""
    text = " ".join(text.split())
    if not text or len(text) > 40:
        return Reference()
    decree = _DECREE_RE.match(text.lower().replace("ё", "е"))
    clause = None
    if decree is None or not decree.group(1):  # «№ 19» is a decree, «19» may be both
        clause = resolve(corpus, text, part)
        if clause and corpus.node(clause).kind == PART and clause != text:
            clause = None  # «положение», «структура» are words to search for, not places
    if decree is None:
        return Reference((clause,), clause) if clause else Reference()
    number = decree.group(2)
    nodes = [clause] if clause else []
    amendment_id = None
    for amendment in corpus.amendments:
        if amendment.number != number:
            continue
        amendment_id = amendment_id or amendment.id
        for link in corpus.node_amendments:
            if link.amendment_id == amendment.id:
                nodes.append(link.footnote_node_id or link.node_id)
    if amendment_id is None and number == corpus.act.number:
        amendment_id = corpus.act.id
    return Reference(tuple(dict.fromkeys(nodes)), clause, amendment_id)
