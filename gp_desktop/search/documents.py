"""What the index holds for each node of the act, and how a section is named in a filter.

One search document per node that has words of its own — a clause, a sub-clause, a paragraph,
a footnote, a heading — so a hit points at the smallest unit that holds the words and the
reader can go straight to it. Its text is the node's heading and text as the act has them.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from gp_desktop.corpus import model as m
from gp_desktop.corpus.citations import citation, resolve
from gp_desktop.corpus.reader import Corpus
from gp_desktop.search.analysis import Terms, lemmas, words


@dataclass(frozen=True)
class SearchDocument:
    id: str
    path: str
    """The ids of the node and its ancestors, space-separated: what ``within`` filters on."""
    citation: str
    text: str


def document_text(node: m.Node) -> str:
    """The node's own words as the act has them (a chapter with its number)."""
    if node.kind == m.CHAPTER:
        return " ".join(p for p in (node.label, node.heading) if p)
    return "\n".join(p for p in (node.heading, node.text) if p)


def documents(corpus: Corpus) -> Iterator[SearchDocument]:
    """The nodes with words of their own, in document order."""
    paths: dict[str, str] = {}
    for node in corpus.nodes:
        parent = paths.get(node.parent_id, "") if node.parent_id else ""
        path = f"{parent} {node.id}" if parent else node.id
        paths[node.id] = path
        text = document_text(node)
        if text.strip():
            yield SearchDocument(node.id, path, citation(corpus, node.id), text)


def _lemmatised(text: str, terms_of: Terms) -> list[str]:
    return [terms_of(w)[0] for w in words(text)]


def resolve_section(corpus: Corpus, name: str, terms_of: Terms = lemmas) -> str | None:
    """The node a section filter names: a node id, a reference such as «Глава 3» or «п. 19»,
    or the beginning of a part's or chapter's name in any form («Положение», «положения»,
    «Приложение 1», «Имущество Генеральной прокуратуры»). None if it names nothing, or
    several things. ``terms_of``: the search's lexicon, or the dictionary."""
    name = name.strip()
    if not name:
        return None
    found = resolve(corpus, name)
    if found is not None:
        return found
    wanted = _lemmatised(name, terms_of)
    if not wanted:
        return None
    equal: list[str] = []
    starting: list[str] = []
    for node in corpus.nodes:
        if node.kind not in (m.PART, m.CHAPTER, m.GROUP):
            continue
        names = {node.title, node.heading.split("\n")[0], node.heading}
        for candidate in (_lemmatised(n, terms_of) for n in names if n):
            if candidate == wanted:
                equal.append(node.id)
            elif candidate[: len(wanted)] == wanted:
                starting.append(node.id)
    if equal:
        return equal[0]
    unique = list(dict.fromkeys(starting))
    return unique[0] if len(unique) == 1 else None


def contains(corpus: Corpus, section_id: str, node_id: str) -> bool:
    return node_id == section_id or any(a.id == section_id for a in corpus.ancestors(node_id))
