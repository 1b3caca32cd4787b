"""Two editions compared inline, as one HTML document the reader shows in place of the act.

The newer edition is laid out in its order; each change of ``corpus/diff.py`` stands where it
happened, its words marked as ``ops_html`` marks them (deleted struck through, inserted
underlined: the marks, not the colours, carry the meaning, in print and for colour-blind
readers), under a line naming the clause and what happened to it; a removed clause stands after
the clause it used to follow. Unchanged text is either folded away (one line says how much was
left out) or shown dimmed, in its place.

Every block of change ``k`` carries an anchor ``chg-k-j`` (``change_anchor``): the reader maps
its text blocks to the changes by them, to step from change to change and to tell which change
was clicked; a changed or added node keeps its own anchor (its id) too, so the reader still
knows which clause is where. No Qt here: tested without a display.
"""

from __future__ import annotations

import html
import re
from collections.abc import Sequence

from gp_desktop.corpus import model as m
from gp_desktop.corpus.act_html import LIGHT, DocumentColours, node_block
from gp_desktop.corpus.diff import (
    ADDED,
    CHANGE_NAMES,
    DELETED_STYLE,
    FOOTNOTES,
    INSERTED_STYLE,
    REMOVED,
    ClauseChange,
    WordOp,
    ops_html,
    word_ops,
)
from gp_desktop.corpus.footnotes import short_date
from gp_desktop.corpus.reader import Corpus

CHANGE_PREFIX = "chg-"
_NESTING = (m.SUBCLAUSE, m.ITEM)
_P_OPEN = re.compile(r"<(p|table)\b")


def change_anchor(index: int, part: int = 0) -> str:
    """The name of the anchor in block ``part`` of change ``index``."""
    return f"{CHANGE_PREFIX}{index}-{part}"


def change_of_anchor(name: str) -> int | None:
    """The change an anchor of ``change_anchor`` belongs to; None for any other anchor."""
    if not name.startswith(CHANGE_PREFIX):
        return None
    head = name[len(CHANGE_PREFIX) :].split("-", 1)[0]
    return int(head) if head.isdigit() else None


def _anchor(name: str) -> str:
    return f'<a name="{html.escape(name, quote=True)}"></a>'


def legend(show_unchanged: bool) -> str:
    rest = "приглушены" if show_unchanged else "свёрнуты"
    return (
        f'<p class="compare-legend"><small><span style="{DELETED_STYLE}">зачёркнуто</span> — '
        f'исключено, <span style="{INSERTED_STYLE}">подчёркнуто</span> — добавлено; '
        f"неизменённые пункты {rest}</small></p>"
    )


def _css(corpus: Corpus, node: m.Node) -> str:
    kind = node.kind
    if kind in (m.PART, m.CHAPTER, m.GROUP):
        return kind
    if kind == m.TABLE:
        return "paragraph"
    parent = corpus.by_id.get(node.parent_id) if node.parent_id else None
    if kind == m.PARAGRAPH and parent is not None and parent.kind in _NESTING:
        return "subparagraph"
    return kind


class _Layout:
    """The blocks of one comparison, in order."""

    def __init__(self, changes: Sequence[ClauseChange], colours: DocumentColours) -> None:
        self.changes = changes
        self.colours = colours
        self.blocks: list[str] = []
        self.parts: dict[int, int] = {}
        self.folded = 0

    def anchor(self, k: int) -> str:
        part = self.parts.get(k, 0)
        self.parts[k] = part + 1
        return _anchor(change_anchor(k, part))

    def head(self, k: int, change: ClauseChange) -> None:
        self.flush()
        where = html.escape(change.citation)
        ids = (
            f" ({html.escape(change.old_id)} → {html.escape(change.id)})"
            if change.old_id not in (None, change.id)
            else ""
        )
        self.blocks.append(
            f'<p class="change-head" style="color: {self.colours.marker}; text-indent: 0px; '
            f'margin-top: 12px;">{self.anchor(k)}<small>{k + 1}. {where} — '
            f"<b>{CHANGE_NAMES[change.change]}</b>{ids}</small></p>"
        )

    def words(self, k: int, css: str, ops: Sequence[WordOp], node_id: str = "") -> None:
        own = _anchor(node_id) if node_id else ""
        self.blocks.append(f'<p class="{css}">{own}{self.anchor(k)}{ops_html(ops)}</p>')

    def notes(self, k: int, old: Sequence[str], new: Sequence[str]) -> None:
        ops = word_ops("\n".join(old), "\n".join(new))
        self.blocks.append(f'<p class="footnote">{self.anchor(k)}{ops_html(ops)}</p>')

    def unchanged(self, block: str | None) -> None:
        if block is None:
            self.folded += 1
        else:
            dim = f'<\\1 style="color: {self.colours.footnote}"'
            self.blocks.append(_P_OPEN.sub(dim, block))

    def flush(self) -> None:
        if self.folded:
            self.blocks.append(
                f'<p class="fold" style="color: {self.colours.footnote}; text-align: center; '
                f'text-indent: 0px;"><i>⋯ без изменений (фрагментов текста: {self.folded}) ⋯</i></p>'
            )
            self.folded = 0


def comparison_html(
    old: Corpus,
    new: Corpus,
    changes: Sequence[ClauseChange],
    show_unchanged: bool = False,
    colours: DocumentColours = LIGHT,
) -> str:
    """The comparison of edition ``old`` with edition ``new`` (``changes`` is
    ``diff_editions(old, new)``) as a document in the reader's HTML; ``show_unchanged`` shows
    the unchanged nodes dimmed instead of folding them."""
    by_new: dict[str, int] = {}
    removed_after: dict[int, list[int]] = {}
    inside_added: set[str] = set()
    notes_of: dict[str, int] = {}
    for k, change in enumerate(changes):
        if change.change == REMOVED:
            removed_after.setdefault(change.place, []).append(k)
            continue
        by_new[change.id] = k
        if change.change == ADDED:
            inside_added.update(n.id for n in new.subtree(change.id)[1:])
        elif change.old_footnotes != change.new_footnotes:
            notes_of[change.id] = k

    out = _Layout(changes, colours)
    title = (
        f"Сравнение редакций: от {short_date(old.edition.date)} → "
        f"от {short_date(new.edition.date)}. Изменений: {len(changes)}."
    )
    out.blocks.append(
        f'<p class="compare-title" style="text-indent: 0px;"><b>{html.escape(title)}</b></p>'
    )
    out.blocks.append(legend(show_unchanged))
    if not changes:
        out.blocks.append('<p style="text-indent: 0px;">Различий нет.</p>')
    amended = {link.node_id for link in new.node_amendments}
    notes_shown: set[str] = set()

    def removed(k: int) -> None:
        change = changes[k]
        out.head(k, change)
        out.words(k, "paragraph", change.ops)
        if change.old_footnotes:
            out.notes(k, change.old_footnotes, ())

    for node in new.nodes:
        k = by_new.get(node.id)
        if node.id in inside_added:
            pass
        elif k is not None:
            change = changes[k]
            out.head(k, change)
            css = _css(new, node)
            if change.change == ADDED:
                out.words(k, css, change.ops, node.id)
                if change.new_footnotes:
                    out.notes(k, (), change.new_footnotes)
            elif change.change == FOOTNOTES:
                # Only the footnotes differ: the node as it stands, its footnotes marked.
                block = node_block(node, node.id in amended)
                out.blocks.append(block.replace("<a name=", out.anchor(k) + "<a name=", 1))
            else:
                out.words(k, css, change.ops, node.id)
            if node.id in notes_of and not new.footnotes(node.id):
                out.notes(k, changes[k].old_footnotes, ())
                notes_shown.add(node.id)
        elif node.kind == m.FOOTNOTE and node.parent_id in notes_of:
            host = node.parent_id
            if host not in notes_shown:
                notes_shown.add(host)
                k = notes_of[host]
                out.notes(k, changes[k].old_footnotes, changes[k].new_footnotes)
        else:
            parent = new.by_id.get(node.parent_id) if node.parent_id else None
            nested = parent is not None and parent.kind in _NESTING
            out.unchanged(node_block(node, node.id in amended, nested) if show_unchanged else None)
        for r in removed_after.pop(node.seq, ()):
            removed(r)
    for rest in removed_after.values():
        for r in rest:
            removed(r)
    out.flush()
    return "<html><body>\n" + "\n".join(out.blocks) + "\n</body></html>"
