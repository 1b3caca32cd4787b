"""What the index holds for each node of the act, and how a section is named in a filter.

One search document per node that has words of its own — a clause, a sub-clause, a paragraph,
a footnote, a heading — so a hit points at the smallest unit that holds the words and the
reader can go straight to it. Its text is the node's heading and text as the act has them;
a table is one document per row, so a hit is the row that has the words.

A node's *context* is the lead-ins above it («19. Полномочия Генерального Прокурора:» for
every sub-clause of п. 19) and the heading of its chapter or group (``context_of``). It is not
indexed with every sub-clause: the search reads it only when a node's own words leave the
page short, for the candidates of that page (``SearchIndex.search``), so a sub-clause is
found by its clause's subject, below the hits that have every word themselves.
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
    """What the document holds of the node's text: all of it, or one row of a table."""
    key: str = ""
    """Unique in the index: the node id, or «node-id#row» for a table's row."""
    start: int = 0
    """Where ``text`` begins in the node's ``document_text``."""


ROW = "#"
"""Between a table's node id and a row number in a document key."""


def document_text(node: m.Node) -> str:
    """The node's own words as the act has them (a chapter with its number)."""
    if node.kind == m.CHAPTER:
        return " ".join(p for p in (node.label, node.heading) if p)
    return "\n".join(p for p in (node.heading, node.text) if p)


def pieces(node: m.Node) -> list[tuple[str, int, str]]:
    """``(key, start, text)`` of the node's documents: one, or a table's rows."""
    text = document_text(node)
    if not text.strip():
        return []
    if node.kind != m.TABLE or "\n" not in text.strip():
        return [(node.id, 0, text)]
    found, at = [], 0
    for number, line in enumerate(text.split("\n"), 1):
        if line.strip():
            found.append((f"{node.id}{ROW}{number}", at, line))
        at += len(line) + 1
    return found


LEAD_IN_KINDS = (m.CLAUSE, m.SUBCLAUSE, m.PARAGRAPH, m.ITEM)


def lead_in(node: m.Node) -> str | None:
    """The node's text when it introduces the ones under it («Полномочия:», «утверждает:»)."""
    if node.kind not in LEAD_IN_KINDS:
        return None
    text = node.text.strip()
    return text if text.endswith(":") and len(text) <= 300 else None


def context_of(corpus: Corpus, node: m.Node) -> str:
    """The lead-ins of the node's ancestors and the heading of its chapter or group, nearest
    first (not the part's title: the whole part would share it)."""
    found = []
    for ancestor in reversed(corpus.ancestors(node.id)):
        if ancestor.kind in (m.CHAPTER, m.GROUP):
            found.append(document_text(ancestor))
            break
        if ancestor.kind == m.PART:
            break
        if (words := lead_in(ancestor)) is not None:
            found.append(" ".join(p for p in (ancestor.label, words) if p))
    return "\n".join(found)


def documents(corpus: Corpus, with_citations: bool = True) -> Iterator[SearchDocument]:
    """The nodes with words of their own (a table's rows), in document order."""
    paths: dict[str, str] = {}
    for node in corpus.nodes:
        parent = paths.get(node.parent_id, "") if node.parent_id else ""
        path = f"{parent} {node.id}" if parent else node.id
        paths[node.id] = path
        found = pieces(node)
        if not found:
            continue
        cited = citation(corpus, node.id) if with_citations else ""
        for key, start, text in found:
            yield SearchDocument(node.id, path, cited, text, key, start)


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
