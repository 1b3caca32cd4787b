"""The act's outline: which nodes a reader navigates by, and which of them stands for any node.

The window's tree shows only these nodes (parts, chapters, groups, clauses, sub-clauses, list
items, the preamble, tables); paragraphs, footnotes and approval blocks belong to the row above
them. The reader, the tree, the search results and the excerpt all map a node to its row here,
so they agree on where a footnote or a paragraph "is".
"""

from __future__ import annotations

from gp_desktop.corpus import model as m
from gp_desktop.corpus.reader import Corpus

TREE_KINDS = frozenset(
    {m.PART, m.CHAPTER, m.GROUP, m.CLAUSE, m.SUBCLAUSE, m.ITEM, m.PREAMBLE, m.TABLE}
)


def tree_node_id(corpus: Corpus, node_id: str) -> str:
    """The row that stands for ``node_id``: itself or its nearest ancestor in the tree."""
    node = corpus.by_id.get(node_id)
    while node is not None and node.kind not in TREE_KINDS:
        node = corpus.parent(node.id)
    return node.id if node is not None else node_id


def choice_node(corpus: Corpus, node_id: str) -> str:
    """What ticking ``node_id`` puts in the excerpt: a footnote stands for its clause."""
    node = corpus.by_id.get(node_id)
    if node is not None and node.kind in (m.FOOTNOTE, m.APPROVAL, m.MARKER):
        return tree_node_id(corpus, node_id)
    return node_id
