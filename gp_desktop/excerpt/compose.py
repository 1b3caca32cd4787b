"""An excerpt composed: the title block, the chosen text with its context, footnotes, source.

The chosen nodes are printed whole, in document order. Above them stand the headings they
belong to (the chapter, the clause whose sub-clause was chosen), so a sub-clause shows where it
comes from; «…» marks each place where text of the act is left out. Footnotes of the chosen
items and of their context follow the act's own placement. The same document is produced as
HTML (for QTextDocument, printing and the .html file) and as plain text, from one list of blocks.
"""

from __future__ import annotations

import html
import re
from collections.abc import Iterable
from dataclasses import dataclass

from gp_desktop.corpus import model as m
from gp_desktop.corpus.citations import (
    approving_decree,
    formal_citation,
    local_citation,
    part_reference,
)
from gp_desktop.corpus.export import node_html, node_line
from gp_desktop.corpus.footnotes import short_date
from gp_desktop.corpus.reader import Corpus
from gp_desktop.excerpt.model import Excerpt
from gp_desktop.excerpt.names import PART_NAMES, act_short_name, edition_line, excerpt_source
from gp_desktop.excerpt.selection import select_nodes

OMISSION = "…"
# Kinds set out line by line in the act (signatures, approval stamps), not justified.
_UNJUSTIFIED = {m.APPROVAL, m.MARKER, "signature"}
HEADING = "ВЫПИСКА"

# Qt's rich text understands this subset of CSS. A px is 1/96 inch, as in a browser: the
# printing lays pages out at 96 dpi and scales them onto the paper.
STYLE = """
body { font-family: 'DejaVu Serif', 'Times New Roman', serif; font-size: 12pt; }
p { margin-top: 0px; margin-bottom: 6px; }
p.excerpt-heading { text-align: center; font-weight: bold; font-size: 14pt; margin-bottom: 4px; }
p.excerpt-act { text-align: center; font-weight: bold; margin-bottom: 4px; }
p.excerpt-edition { text-align: center; font-style: italic; margin-bottom: 20px; }
p.excerpt-source { font-size: 9pt; color: #444444; margin-top: 20px; text-align: left; }
p.part { text-align: center; font-weight: bold; font-size: 13pt; margin-top: 8px; margin-bottom: 8px; }
p.chapter { text-align: center; font-weight: bold; margin-top: 8px; margin-bottom: 8px; }
p.group { text-align: left; font-weight: bold; margin-top: 6px; }
p.clause, p.subclause, p.item, p.paragraph, p.preamble { text-indent: 36px; }
p.approval, p.marker { text-align: right; }
p.footnote { font-size: 10pt; color: #444444; margin-left: 36px; }
p.omission { text-indent: 36px; text-align: left; }
span.label { font-weight: bold; }
table.act-table { margin-top: 4px; margin-bottom: 8px; }
"""


@dataclass(frozen=True)
class _Block:
    html: str
    text: str


def _omission() -> _Block:
    return _Block(f'<p class="omission">{OMISSION}</p>', OMISSION)


def _lines(text: str) -> str:
    return "<br>".join(html.escape(line) for line in text.split("\n"))


def _paragraph(node: m.Node, inner: str, align: str = "") -> str:
    anchor = html.escape(node.id, quote=True)
    # Qt's CSS has no «text-align: justify»; only the attribute justifies.
    attribute = f' align="{align}"' if align else ""
    return f'<p id="{anchor}" class="{node.kind}"{attribute}><a name="{anchor}"></a>{inner}</p>'


def _heading_block(node: m.Node, text: str) -> _Block:
    """Parts, chapters and groups as plain paragraphs: Qt enlarges h1–h3 beyond their CSS."""
    label = f"{html.escape(node.label)} " if node.label else ""
    return _Block(
        _paragraph(node, f"{label}{_lines(text)}"),
        " ".join(part for part in (node.label, text) if part),
    )


def _node_block(corpus: Corpus, node: m.Node) -> _Block:
    if node.kind == m.PART:
        # A part without a heading of its own is shown by its name, for orientation.
        return _heading_block(node, node.heading or node.title)
    if node.kind in (m.CHAPTER, m.GROUP):
        return _heading_block(node, node.heading)
    text = node_line(node).replace("\t", "  ")
    if node.kind == m.TABLE:
        return _Block(node_html(corpus, node, amended=False), text)
    label = f'<span class="label">{html.escape(node.label)}</span> ' if node.label else ""
    heading = f"<b>{_lines(node.heading)}</b> " if node.heading else ""
    align = "" if node.kind in _UNJUSTIFIED else "justify"
    return _Block(_paragraph(node, f"{label}{heading}{_lines(node.text)}", align), text)


def _nodes_to_print(
    corpus: Corpus, chosen: tuple[str, ...], footnotes: bool, title_part: str
) -> tuple[list[m.Node], set[str]]:
    """Every node the excerpt shows, in document order, and which of them are context only."""
    shown: dict[str, m.Node] = {}
    context: set[str] = set()
    for node_id in chosen:
        for ancestor in corpus.ancestors(node_id):
            if not (ancestor.kind == m.PART and ancestor.id == title_part):
                shown[ancestor.id] = ancestor
                context.add(ancestor.id)
        if footnotes:
            for note in corpus.inherited_footnotes(node_id):
                shown[note.id] = note
        for node in corpus.subtree(node_id):
            if node.kind == m.FOOTNOTE and not footnotes and node.id != node_id:
                continue
            shown[node.id] = node
            context.discard(node.id)
    return sorted(shown.values(), key=lambda n: n.seq), context


def _blocks(corpus: Corpus, nodes: list[m.Node], context: set[str]) -> list[_Block]:
    index = {n.id: i for i, n in enumerate(corpus.nodes)}
    blocks: list[_Block] = []
    previous: int | None = None
    for node in nodes:
        here = index[node.id]
        if previous is not None and any(
            n.kind != m.FOOTNOTE for n in corpus.nodes[previous + 1 : here]
        ):
            blocks.append(_omission())
        previous = here
        block = _node_block(corpus, node)
        if block.text:
            blocks.append(block)
    return blocks


def _title_part(corpus: Corpus, chosen: tuple[str, ...]) -> tuple[str | None, str]:
    """The part the title names (None: the act itself) and the part whose heading it replaces."""
    parts = {corpus.part_of(node_id).id for node_id in chosen}
    decree_part = next((p.id for p in corpus.parts() if p.heading == corpus.act.title), "")
    if len(parts) == 1:
        (only,) = parts
        if only in PART_NAMES:
            return only, only
    return None, decree_part


def combined_citation(corpus: Corpus, node_ids: Iterable[str]) -> str:
    """«пп. 8), 9) п. 19, п. 21 Положения о …, утв. Указом …»: the act named once per part."""
    groups: dict[str, list[str]] = {}
    for node_id in node_ids:
        full = formal_citation(corpus, node_id)
        part_id = corpus.part_of(node_id).id
        inner = local_citation(corpus, node_id)  # «пп. 8) п. 19»: the document said once
        if node_id != part_id and inner != full:
            groups.setdefault(part_reference(corpus, part_id), []).append(inner)
        elif node_id == part_id and part_id in PART_NAMES:
            # A whole document is cited in the nominative: «Положение о …, утв. Указом …».
            groups.setdefault(f"{PART_NAMES[part_id].short}, утв. {approving_decree(corpus)}", [])
        elif node_id == part_id and corpus.node(part_id).heading == corpus.act.title:
            groups.setdefault(act_short_name(corpus.act), [])
        else:
            groups.setdefault(full, [])
    return "; ".join(
        f"{_merge_steps(inner)} {where}" if inner else where for where, inner in groups.items()
    )


_STEP = re.compile(r"^(\S+\.) (\S+) (.+)$")


def _merge_steps(inner: list[str]) -> str:
    """«пп. 8) п. 19», «пп. 9) п. 19» → «пп. 8), 9) п. 19»; different places stay apart."""
    merged: list[tuple[str, list[str], str] | str] = []
    for step in inner:
        found = _STEP.match(step)
        last = merged[-1] if merged else None
        if found and isinstance(last, tuple) and (last[0], last[2]) == (found[1], found[3]):
            last[1].append(found[2])
        elif found:
            merged.append((found[1], [found[2]], found[3]))
        else:
            merged.append(step)
    return ", ".join(
        item if isinstance(item, str) else f"{item[0]} {', '.join(item[1])} {item[2]}"
        for item in merged
    )


def source_line(corpus: Corpus) -> str:
    """Where the text comes from: the corpus edition, the last amending decree, the source file."""
    act = corpus.act
    parts = [f"Источник: справочник gp-desktop, текст акта {edition_line(act, corpus.is_current)}"]
    if corpus.amendments:
        last = corpus.amendments[-1]
        parts.append(
            f" (последнее изменение — {last.issuer} от {short_date(last.date)} № {last.number})"
        )
    # The edition's own source: the file's ``meta`` names the current edition's.
    name = corpus.edition.source_name
    digest = corpus.edition.source_sha256
    if name:
        parts.append(f"; исходный текст {name}")
        if digest:
            parts.append(f", SHA-256 {digest[:16]}")
    return "".join(parts) + "."


def _quote(corpus: Corpus, chosen: tuple[str, ...], footnotes: bool) -> str:
    blocks = []
    for node_id in chosen:
        for node in corpus.subtree(node_id):
            if node.kind == m.FOOTNOTE and not footnotes and node.id != node_id:
                continue
            line = node_line(node).replace("\t", "  ")
            if line:
                blocks.append(line)
    return "\n\n".join(blocks) + "\n\n" + combined_citation(corpus, chosen) + "\n"


def _html_document(
    title: str, edition: str, blocks: list[_Block], source: str, head_title: str
) -> str:
    act_line = title.removeprefix("Выписка ")
    body = "\n".join(b.html for b in blocks)
    return (
        '<!DOCTYPE html>\n<html lang="ru"><head><meta charset="utf-8">'
        f"<title>{html.escape(head_title)}</title><style>{STYLE}</style></head>\n<body>\n"
        f'<p class="excerpt-heading">{HEADING}</p>\n'
        f'<p class="excerpt-act">{html.escape(act_line)}</p>\n'
        f'<p class="excerpt-edition">({html.escape(edition)})</p>\n'
        f"{body}\n"
        f'<p class="excerpt-source">{html.escape(source)}</p>\n'
        "</body></html>\n"
    )


def _text_document(title: str, edition: str, blocks: list[_Block], source: str) -> str:
    head = f"{HEADING}\n{title.removeprefix('Выписка ')}\n({edition})"
    return "\n\n".join([head, *(b.text for b in blocks), source]) + "\n"


def compose_excerpt(corpus: Corpus, refs: Iterable[str], footnotes: bool = True) -> Excerpt:
    """The excerpt of the nodes ``refs`` name (ids or references such as «пп. 8 п. 19»).

    Raises ExcerptError for a reference that names nothing and for an empty selection.
    """
    chosen = select_nodes(corpus, refs)
    named_part, title_part = _title_part(corpus, chosen)
    title, footer = excerpt_source(corpus.act, named_part)
    edition = edition_line(corpus.act, corpus.is_current)
    nodes, context = _nodes_to_print(corpus, chosen, footnotes, title_part)
    blocks = _blocks(corpus, nodes, context)
    source = source_line(corpus)
    return Excerpt(
        node_ids=chosen,
        title=title,
        edition_line=edition,
        html=_html_document(title, edition, blocks, source, title),
        text=_text_document(title, edition, blocks, source),
        citations=tuple(formal_citation(corpus, node_id) for node_id in chosen),
        footer=footer,
        source_line=source,
        footnotes=footnotes,
        quote=_quote(corpus, chosen, footnotes),
    )
