"""Which nodes an excerpt holds: references read, kept in document order, none twice.

People pick clauses in any order and may pick a sub-clause together with its clause; the
excerpt shows each provision once, where it stands in the act.
"""

from __future__ import annotations

from collections.abc import Iterable

from gp_desktop.corpus.citations import resolve
from gp_desktop.corpus.reader import Corpus
from gp_desktop.excerpt.model import ExcerptError


def select_nodes(corpus: Corpus, refs: Iterable[str]) -> tuple[str, ...]:
    """Node ids for ``refs`` (ids or typed references) in document order, nested ones dropped.

    Raises ExcerptError naming every reference that finds nothing, or when none is given.
    """
    found: set[str] = set()
    unknown: list[str] = []
    for ref in refs:
        if not ref.strip():
            continue
        node_id = resolve(corpus, ref)
        if node_id is None:
            unknown.append(ref.strip())
        else:
            found.add(node_id)
    if unknown:
        names = ", ".join(f"«{r}»" for r in unknown)
        raise ExcerptError(
            f"не найден пункт {names}" if len(unknown) == 1 else f"не найдены пункты {names}"
        )
    if not found:
        raise ExcerptError("выписка пуста: не выбран ни один пункт")
    # A node whose ancestor is chosen is already printed inside it.
    kept = [
        node_id for node_id in found if not any(a.id in found for a in corpus.ancestors(node_id))
    ]
    return tuple(sorted(kept, key=lambda node_id: corpus.node(node_id).seq))
