"""What changed between two editions of the act, clause by clause and word by word.

Nodes are matched by aligning each parent's children, not by id alone: an unnumbered
paragraph's id counts its place («abz-6»), so one paragraph taken out would make every later
one look changed, and a clause renumbered by an amendment (same wording, new number) must read
as renumbered rather than as one removed and one added. Within each pair of matched parents:

1. children with the same wording (the label left out) are aligned as the longest common
   run, in order; a wording repeated among siblings («исключен;») keeps its label in the key,
   so that such twins are only ever matched by number;
2. of what is left between two aligned runs, children with the same id are the same child
   (the wording changed), then unnumbered children of one kind are paired in order when their
   words are mostly the same;
3. the rest were removed or added, each with everything it contains.

A node's footnotes are compared as a list; when only they differ the change is ``footnotes``.
No Qt here: the command line and the window share this.
"""

from __future__ import annotations

import difflib
import re
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

from gp_desktop.corpus import model as m
from gp_desktop.corpus.citations import citation
from gp_desktop.corpus.export import node_line
from gp_desktop.corpus.reader import Corpus

ADDED = "added"
REMOVED = "removed"
CHANGED = "changed"
RENUMBERED = "renumbered"
FOOTNOTES = "footnotes"
CHANGE_NAMES = {
    ADDED: "добавлен",
    REMOVED: "исключён",
    CHANGED: "изменён",
    RENUMBERED: "перенумерован",
    FOOTNOTES: "изменены сноски",
}

# Unnumbered children of one kind are the same child reworded when at least this share of
# their words survives (SequenceMatcher's ratio): below it, one was replaced by another.
_SIMILAR = 0.5

_WORD = re.compile(r"\S+")
_TOKEN = re.compile(r"\s*(?:\w+(?:[-.]\w+)*|[^\w\s])|\s+$")


@dataclass(frozen=True)
class WordOp:
    """One run of words: ``equal`` in both, ``delete``-d from the old, ``insert``-ed in the new."""

    op: str
    text: str


@dataclass(frozen=True)
class ClauseChange:
    id: str
    """The node's id in the newer edition (in the older one for a removed node)."""
    old_id: str | None
    """Its id in the older edition, None for an added node."""
    citation: str
    change: str
    old: str
    new: str
    ops: tuple[WordOp, ...]
    old_footnotes: tuple[str, ...] = ()
    new_footnotes: tuple[str, ...] = ()
    place: int = 0
    """Where it stands in the newer edition: the ``seq`` of its node there, or for a removed
    node the ``seq`` of the node it now follows (``diff_html`` lays the comparison out by it)."""

    def as_json(self) -> dict:
        return {
            "id": self.id,
            "old_id": self.old_id,
            "citation": self.citation,
            "change": self.change,
            "old": self.old,
            "new": self.new,
            "ops": [{"op": op.op, "text": op.text} for op in self.ops],
            "old_footnotes": list(self.old_footnotes),
            "new_footnotes": list(self.new_footnotes),
        }


@dataclass
class Alignment:
    """Matched nodes of two editions (old id → new id) and what only one of them has."""

    pairs: dict[str, str] = field(default_factory=dict)
    removed: list[str] = field(default_factory=list)
    added: list[str] = field(default_factory=list)


def words(text: str) -> list[str]:
    return _WORD.findall(text)


def tokens(text: str) -> list[str]:
    """Words and punctuation marks, each with the whitespace before it: joined, they give the
    text back exactly."""
    return _TOKEN.findall(text)


def word_ops(old: str, new: str) -> tuple[WordOp, ...]:
    """The word-level difference of two texts: runs of equal, deleted and inserted words, a
    punctuation mark counting as a word («бюджета» → «бюджета,» inserts the comma only).

    Each run's text keeps its whitespace, so the equal and deleted runs joined give the old
    text and the equal and inserted runs the new one (an equal run as the new text spaces it)."""
    a, b = tokens(old), tokens(new)
    ops: list[WordOp] = []
    matcher = difflib.SequenceMatcher(
        None, [t.strip() for t in a], [t.strip() for t in b], autojunk=False
    )
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        if tag == "equal":
            ops.append(WordOp("equal", "".join(b[j1:j2])))
            continue
        if i2 > i1:
            ops.append(WordOp("delete", "".join(a[i1:i2])))
        if j2 > j1:
            ops.append(WordOp("insert", "".join(b[j1:j2])))
    return tuple(ops)


def _wording(node: m.Node) -> str:
    return " ".join(f"{node.heading} {node.text}".split())


def _body(corpus: Corpus, node_id: str) -> list[m.Node]:
    return [c for c in corpus.children(node_id) if c.kind != m.FOOTNOTE]


def _keys(old: Sequence[m.Node], new: Sequence[m.Node]) -> tuple[list, list]:
    old_texts = [_wording(n) for n in old]
    new_texts = [_wording(n) for n in new]
    old_counts, new_counts = Counter(old_texts), Counter(new_texts)

    def key(node: m.Node, text: str) -> tuple:
        if text and old_counts[text] < 2 and new_counts[text] < 2:
            return (node.kind, text, "")
        # Twins and nodes without words (parts, chapters' containers) align by number or id.
        return (node.kind, text, node.label or node.id)

    return (
        [key(n, t) for n, t in zip(old, old_texts, strict=True)],
        [key(n, t) for n, t in zip(new, new_texts, strict=True)],
    )


def _ratio(a: m.Node, b: m.Node) -> float:
    return difflib.SequenceMatcher(
        None, words(_wording(a)), words(_wording(b)), autojunk=False
    ).ratio()


def _pair_leftovers(
    old: list[m.Node], new: list[m.Node]
) -> tuple[list[tuple[m.Node, m.Node]], list[m.Node], list[m.Node]]:
    pairs = []
    new_ids = {n.id: n for n in new}
    taken: set[str] = set()
    rest_old = []
    for node in old:
        twin = new_ids.get(node.id)
        if twin is not None and twin.kind == node.kind and (node.label or twin.label):
            pairs.append((node, twin))
            taken.add(twin.id)
        else:
            rest_old.append(node)
    rest_new = [n for n in new if n.id not in taken]
    unmatched_old = []
    start = 0
    for node in rest_old:
        found = None
        if not node.label:
            for k in range(start, len(rest_new)):
                other = rest_new[k]
                if other.kind == node.kind and not other.label and _ratio(node, other) >= _SIMILAR:
                    found = k
                    break
        if found is None:
            unmatched_old.append(node)
        else:
            pairs.append((node, rest_new[found]))
            taken.add(rest_new[found].id)
            start = found + 1
    unmatched_new = [n for n in rest_new if n.id not in taken]
    return pairs, unmatched_old, unmatched_new


def align(old: Corpus, new: Corpus) -> Alignment:
    """Match the nodes of two editions of the act, parent by parent (see the module's notes)."""
    result = Alignment()

    def walk(old_parent: str | None, new_parent: str | None) -> None:
        a = _body(old, old_parent) if old_parent else old.parts()
        b = _body(new, new_parent) if new_parent else new.parts()
        if not a and not b:
            return
        ka, kb = _keys(a, b)
        pairs: list[tuple[m.Node, m.Node]] = []
        left_old: list[m.Node] = []
        left_new: list[m.Node] = []
        # Most parents are alike in both editions: then there is nothing to align.
        opcodes = (
            [("equal", 0, len(a), 0, len(b))]
            if ka == kb
            else difflib.SequenceMatcher(None, ka, kb, autojunk=False).get_opcodes()
        )
        for tag, i1, i2, j1, j2 in opcodes:
            if tag == "equal":
                pairs.extend(zip(a[i1:i2], b[j1:j2], strict=True))
                continue
            found, rest_old, rest_new = _pair_leftovers(a[i1:i2], b[j1:j2])
            pairs.extend(found)
            left_old.extend(rest_old)
            left_new.extend(rest_new)
        # A child moved across an aligned run keeps its id: still the same child.
        found, left_old, left_new = _pair_leftovers(left_old, left_new)
        pairs.extend(found)
        for x, y in pairs:
            result.pairs[x.id] = y.id
            walk(x.id, y.id)
        result.removed.extend(n.id for n in left_old)
        result.added.extend(n.id for n in left_new)

    walk(None, None)
    return result


def _footnote_texts(corpus: Corpus, node_id: str) -> tuple[str, ...]:
    return tuple(n.text for n in corpus.footnotes(node_id))


def _subtree_text(corpus: Corpus, node_id: str) -> str:
    return "\n".join(
        line for n in corpus.subtree(node_id) if n.kind != m.FOOTNOTE and (line := node_line(n))
    )


def diff_editions(
    old: Corpus, new: Corpus, only: Iterable[str] | None = None
) -> list[ClauseChange]:
    """The changes from edition ``old`` to edition ``new``, in the newer one's order (a removed
    node where it stood). ``only``: ids (of either edition) whose subtrees to keep."""
    alignment = align(old, new)
    entries: list[tuple[tuple, ClauseChange]] = []
    for old_id, new_id in alignment.pairs.items():
        a, b = old.node(old_id), new.node(new_id)
        fa, fb = _footnote_texts(old, old_id), _footnote_texts(new, new_id)
        before, after = node_line(a), node_line(b)
        if _wording(a) != _wording(b):
            change = CHANGED
        elif a.label != b.label:
            change = RENUMBERED
        elif fa != fb:
            change = FOOTNOTES
            before, after = "\n".join(fa), "\n".join(fb)
        else:
            continue
        entries.append(
            (
                (b.seq, 0),
                ClauseChange(
                    id=new_id,
                    old_id=old_id,
                    citation=citation(new, new_id),
                    change=change,
                    old=before,
                    new=after,
                    ops=word_ops(before, after),
                    old_footnotes=fa if fa != fb else (),
                    new_footnotes=fb if fa != fb else (),
                    place=b.seq,
                ),
            )
        )
    for new_id in alignment.added:
        text = _subtree_text(new, new_id)
        entries.append(
            (
                (new.node(new_id).seq, 0),
                ClauseChange(
                    new_id,
                    None,
                    citation(new, new_id),
                    ADDED,
                    "",
                    text,
                    word_ops("", text),
                    (),
                    _footnote_texts(new, new_id),
                    place=new.node(new_id).seq,
                ),
            )
        )
    new_place = {old_id: new.node(new_id).seq for old_id, new_id in alignment.pairs.items()}
    for old_id in alignment.removed:
        text = _subtree_text(old, old_id)
        place = _place_of_removed(old, old_id, new_place)
        entries.append(
            (
                (place, 1),
                ClauseChange(
                    old_id,
                    old_id,
                    citation(old, old_id),
                    REMOVED,
                    text,
                    "",
                    word_ops(text, ""),
                    _footnote_texts(old, old_id),
                    (),
                    place=place,
                ),
            )
        )
    entries.sort(key=lambda e: e[0])
    changes = [c for _, c in entries]
    if only is not None:
        changes = _within(old, new, alignment, list(only), changes)
    return changes


def _place_of_removed(old: Corpus, old_id: str, new_place: dict[str, int]) -> int:
    """Where a removed node stood, in the newer edition's order: after the last node before it
    that both editions have."""
    seq = old.node(old_id).seq
    before = [new_place[n.id] for n in old.nodes if n.seq < seq and n.id in new_place]
    return max(before) if before else 0


def _within(
    old: Corpus,
    new: Corpus,
    alignment: Alignment,
    ids: list[str],
    changes: list[ClauseChange],
) -> list[ClauseChange]:
    new_ids: set[str] = set()
    old_ids: set[str] = set()
    back = {v: k for k, v in alignment.pairs.items()}
    for node_id in ids:
        if node_id in new.by_id:
            new_ids.update(n.id for n in new.subtree(node_id))
            if node_id in back:
                old_ids.update(n.id for n in old.subtree(back[node_id]))
        if node_id in old.by_id:
            old_ids.update(n.id for n in old.subtree(node_id))
            if node_id in alignment.pairs:
                new_ids.update(n.id for n in new.subtree(alignment.pairs[node_id]))
    return [
        c
        for c in changes
        if (c.change != REMOVED and c.id in new_ids)
        or (c.old_id is not None and c.old_id in old_ids)
    ]


def marked_text(ops: Sequence[WordOp]) -> str:
    """The ops as text readable anywhere: [-deleted-] and {+inserted+}, like ``git diff
    --word-diff``; the markers, not colour, carry the meaning."""
    parts = []
    for op in ops:
        body = op.text.lstrip()
        lead = op.text[: len(op.text) - len(body)]
        if op.op == "delete":
            parts.append(f"{lead}[-{body}-]")
        elif op.op == "insert":
            parts.append(f"{lead}{{+{body}+}}")
        else:
            parts.append(op.text)
    return "".join(parts)


# Deleted words struck through, inserted ones underlined and bold: the marks carry the meaning
# in print and for colour-blind readers; the colours only help. Dark red-brown on a pale brown
# against dark blue on a pale blue: apart on the blue–yellow axis that every kind of
# colour-blindness keeps (never red against green), each pair of text and background above
# 7:1, and each span brings its own background, so it reads the same in a dark look.
DELETED_STYLE = "text-decoration: line-through; color: #5c1a0b; background-color: #f3d9cc"
INSERTED_STYLE = (
    "text-decoration: underline; font-weight: bold; color: #08306b; background-color: #d6e6f5"
)


def ops_html(ops: Sequence[WordOp]) -> str:
    """The ops as HTML: deletions struck through, insertions underlined (every word escaped)."""
    import html

    parts = []
    for op in ops:
        body = op.text.lstrip()
        lead = html.escape(op.text[: len(op.text) - len(body)])
        text = html.escape(body).replace("\n", "<br>")
        if op.op == "delete":
            parts.append(f'{lead}<span style="{DELETED_STYLE}">{text}</span>')
        elif op.op == "insert":
            parts.append(f'{lead}<span style="{INSERTED_STYLE}">{text}</span>')
        else:
            parts.append(lead + text)
    return "".join(parts)


def change_html(change: ClauseChange) -> str:
    """One change as an HTML block: its place, what happened, the words, the footnotes."""
    import html

    head = (
        f"<p><b>{html.escape(change.citation)}</b> — {CHANGE_NAMES[change.change]}"
        + (
            f" <small>({html.escape(change.old_id)} → {html.escape(change.id)})</small>"
            if change.old_id not in (None, change.id)
            else ""
        )
        + "</p>"
    )
    body = f"<p>{ops_html(change.ops)}</p>"
    notes = ""
    if (
        change.change not in (FOOTNOTES, ADDED, REMOVED)
        and change.old_footnotes != change.new_footnotes
    ):
        notes = (
            "<p><small>Сноски: "
            + ops_html(word_ops("\n".join(change.old_footnotes), "\n".join(change.new_footnotes)))
            + "</small></p>"
        )
    return head + body + notes


LEGEND = (
    f'<p><small><span style="{DELETED_STYLE}">зачёркнуто</span> — исключено, '
    f'<span style="{INSERTED_STYLE}">подчёркнуто</span> — добавлено</small></p>'
)
