"""An excerpt composed: the title block, the chosen text with its context, footnotes, source.

The chosen nodes are printed whole, in document order. Above them stand the headings they
belong to (the chapter, the clause whose sub-clause was chosen), so a sub-clause shows where it
comes from; «…» marks each place where text of the act is left out. Footnotes of the chosen
items and of their context follow the act's own placement. The same document is produced as
HTML (for QTextDocument, printing and the .html file) and as plain text, from one list of blocks.

Below the text stand the source line, the date the выписка was made and, when set in the
preferences, the certification («Выписка верна», position, name, date). Blocks that must not
stand alone at the foot of a page (headings, lead-ins ending with «:», the context above a
chosen sub-clause, the last lines before the source) are named in ``Excerpt.keep_with_next``
by their anchors; the printing moves such a block to the next page with what follows it.
A run of letters without a space gets break points, as in the reader (``act_html``).
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import html
import re
from collections.abc import Iterable

from gp_desktop.corpus import model as m
from gp_desktop.corpus.act_html import with_break_points
from gp_desktop.corpus.citations import (
    approving_decree,
    formal_citation,
    local_citation,
    part_reference,
)
from gp_desktop.corpus.export import node_html, node_line
from gp_desktop.corpus.footnotes import short_date
from gp_desktop.corpus.reader import Corpus
from gp_desktop.excerpt.model import Block, Excerpt
from gp_desktop.excerpt.names import (
    PART_NAMES,
    act_short_name,
    act_title,
    edition_line,
    excerpt_source,
    source_identity,
)
from gp_desktop.excerpt.paper import Certification, Paper, certification_lines, made_line
from gp_desktop.excerpt.selection import select_nodes

OMISSION = "…"
# Kinds set out line by line in the act (signatures, approval stamps), not justified.
_UNJUSTIFIED = {m.APPROVAL, m.MARKER, "signature"}
HEADING = "ВЫПИСКА"


# Qt's rich text understands this subset of CSS. A px is 1/96 inch, as in a browser: the
# printing lays pages out at 96 dpi and scales them onto the paper. The paragraph indent is
# 1.25 cm (47 px), as on official papers.
def style(paper: Paper | None = None) -> str:
    """The excerpt's CSS for ``paper``'s font and size; smaller text in proportion."""
    paper = paper or Paper()
    size = paper.point_size
    families = ", ".join(f"'{f}'" for f in paper.families)
    return f"""
body {{ font-family: {families}, serif; font-size: {size:g}pt; }}
p {{ margin-top: 0px; margin-bottom: 6px; }}
p.excerpt-heading {{ text-align: center; font-weight: bold; margin-bottom: 4px; }}
p.excerpt-act {{ text-align: center; font-weight: bold; margin-bottom: 4px; }}
p.excerpt-edition {{ text-align: center; font-style: italic; margin-bottom: 20px; }}
p.excerpt-source {{ font-size: {max(size - 3, 8):g}pt; color: #444444; margin-top: 20px; }}
p.excerpt-made {{ font-size: {max(size - 3, 8):g}pt; color: #444444; }}
p.excerpt-cert {{ margin-top: 24px; }}
p.part {{ text-align: center; font-weight: bold; margin-top: 8px; margin-bottom: 8px; }}
p.chapter {{ text-align: center; font-weight: bold; margin-top: 8px; margin-bottom: 8px; }}
p.group {{ text-align: left; font-weight: bold; margin-top: 6px; }}
p.clause, p.subclause, p.item, p.paragraph, p.preamble {{ text-indent: 47px; }}
p.approval, p.marker {{ text-align: right; }}
p.footnote {{ font-size: {max(size - 2, 8):g}pt; color: #444444; margin-left: 47px; }}
p.omission {{ text-indent: 47px; text-align: left; }}
span.label {{ font-weight: bold; }}
table.act-table {{ margin-top: 4px; margin-bottom: 8px; }}
"""


STYLE = style()
"""The CSS of the default paper."""


def _omission(number: int) -> Block:
    anchor = f"omission-{number}"
    return Block(
        "omission",
        f'<p class="omission"><a name="{anchor}"></a>{OMISSION}</p>',
        OMISSION,
        anchor,
        keep=True,
        body=OMISSION,
    )


def _lines(text: str) -> str:
    return "<br>".join(html.escape(line) for line in with_break_points(text).split("\n"))


def _paragraph(node: m.Node, inner: str, align: str = "") -> str:
    anchor = html.escape(node.id, quote=True)
    # Qt's CSS has no «text-align: justify»; only the attribute justifies.
    attribute = f' align="{align}"' if align else ""
    return f'<p id="{anchor}" class="{node.kind}"{attribute}><a name="{anchor}"></a>{inner}</p>'


def _heading_block(node: m.Node, text: str) -> Block:
    """Parts, chapters and groups as plain paragraphs: Qt enlarges h1–h3 beyond their CSS."""
    label = f"{html.escape(node.label)} " if node.label else ""
    return Block(
        node.kind,
        _paragraph(node, f"{label}{_lines(text)}"),
        " ".join(part for part in (node.label, text) if part),
        node.id,
        keep=True,
        label=node.label,
        body=text,
        node_id=node.id,
    )


def is_lead_in(node: m.Node) -> bool:
    """A clause whose words end with a colon introduces the list that follows it."""
    return (node.text or node.heading).rstrip().endswith(":")


def _node_block(corpus: Corpus, node: m.Node, context: bool = False) -> Block:
    if node.kind == m.PART:
        # A part without a heading of its own is shown by its name, for orientation.
        return _heading_block(node, node.heading or node.title)
    if node.kind in (m.CHAPTER, m.GROUP):
        return _heading_block(node, node.heading)
    text = node_line(node).replace("\t", "  ")
    if node.kind == m.TABLE:
        return Block(
            node.kind,
            node_html(corpus, node, amended=False),
            text,
            node.id,
            body=node.text,
            node_id=node.id,
        )
    label = f'<span class="label">{html.escape(node.label)}</span> ' if node.label else ""
    heading = f"<b>{_lines(node.heading)}</b> " if node.heading else ""
    align = "" if node.kind in _UNJUSTIFIED else "justify"
    keep = context or is_lead_in(node) or (bool(node.heading) and not node.text)
    return Block(
        node.kind,
        _paragraph(node, f"{label}{heading}{_lines(node.text)}", align),
        text,
        node.id,
        keep=keep,
        label=node.label,
        heading=node.heading,
        body=node.text,
        node_id=node.id,
    )


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


def _blocks(corpus: Corpus, nodes: list[m.Node], context: set[str]) -> list[Block]:
    index = {n.id: i for i, n in enumerate(corpus.nodes)}
    blocks: list[Block] = []
    previous: int | None = None
    for node in nodes:
        here = index[node.id]
        if previous is not None and any(
            n.kind != m.FOOTNOTE for n in corpus.nodes[previous + 1 : here]
        ):
            blocks.append(_omission(len(blocks)))
        previous = here
        block = _node_block(corpus, node, node.id in context)
        if block.kind == m.APPROVAL or (
            block.kind == m.FOOTNOTE
            and blocks
            and blocks[-1].keep
            and blocks[-1].kind != "omission"
        ):
            # «УТВЕРЖДЕНО …» stands over the document it approves; a heading's footnote
            # stays with the heading, and both with the text below.
            block = dataclasses.replace(block, keep=True)
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
        inner = local_citation(corpus, node_id)  # «пп. 8 п. 19»: the document said once
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
    """«пп. 8 п. 19», «пп. 9 п. 19» → «пп. 8, 9 п. 19»; different places stay apart."""
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
    """Where the text comes from: the corpus edition, the last amending decree, the source file
    with its SHA-256, the same as «О программе» shows (``names.source_identity``)."""
    act = corpus.act
    parts = [f"Источник: справочник gp-desktop, текст акта {edition_line(act, corpus.is_current)}"]
    if corpus.amendments:
        last = corpus.amendments[-1]
        parts.append(
            f" (последнее изменение — {last.issuer} от {short_date(last.date)} № {last.number})"
        )
    if identity := source_identity(corpus):
        parts.append(f"; {identity}")
    return "".join(parts) + "."


def quote_text(corpus: Corpus, blocks: list[Block], chosen: tuple[str, ...]) -> str:
    """The clipboard's text: the chosen clauses under their headings and lead-ins, «…» where
    text is left out, then the citation and the edition («в редакции по состоянию на …»)."""
    body = "\n\n".join(b.text for b in blocks)
    edition = edition_line(corpus.act, corpus.is_current)
    return f"{body}\n\n{combined_citation(corpus, chosen)} ({edition})\n"


def _tail_blocks(source: str, made: dt.date, certification: Certification | None) -> list[Block]:
    """The source line, the date of making and the certification, kept together on a page."""
    tail = [
        Block(
            "excerpt-source",
            f'<p class="excerpt-source"><a name="excerpt-source"></a>{html.escape(source)}</p>',
            source,
            "excerpt-source",
            keep=True,
            body=source,
        )
    ]
    made_text = made_line(made)
    cert_lines = certification_lines(certification, made) if certification else []
    tail.append(
        Block(
            "excerpt-made",
            f'<p class="excerpt-made"><a name="excerpt-made"></a>{html.escape(made_text)}</p>',
            made_text,
            "excerpt-made",
            keep=bool(cert_lines),
            body=made_text,
        )
    )
    if cert_lines:
        inner = "<br>".join(html.escape(line) for line in cert_lines)
        tail.append(
            Block(
                "excerpt-cert",
                f'<p class="excerpt-cert"><a name="excerpt-cert"></a>{inner}</p>',
                "\n".join(cert_lines),
                "excerpt-cert",
                body="\n".join(cert_lines),
            )
        )
    return tail


def _head_blocks(title: str, edition: str, heading: str = HEADING) -> list[Block]:
    act_line = title.removeprefix("Выписка ")
    first = Block(
        "excerpt-heading",
        f'<p class="excerpt-heading"><a name="excerpt-heading"></a>{html.escape(heading)}</p>',
        heading,
        "excerpt-heading",
        keep=True,
        body=heading,
    )
    return [
        *([first] if heading else []),
        Block(
            "excerpt-act",
            f'<p class="excerpt-act"><a name="excerpt-act"></a>{_lines(act_line)}</p>',
            act_line,
            "excerpt-act",
            keep=True,
            body=act_line,
        ),
        Block(
            "excerpt-edition",
            f'<p class="excerpt-edition"><a name="excerpt-edition"></a>'
            f"({html.escape(edition)})</p>",
            f"({edition})",
            "excerpt-edition",
            keep=True,
            body=f"({edition})",
        ),
    ]


def _html_document(blocks: list[Block], head_title: str, paper: Paper) -> str:
    body = "\n".join(b.html for b in blocks)
    return (
        '<!DOCTYPE html>\n<html lang="ru"><head><meta charset="utf-8">'
        f"<title>{html.escape(head_title)}</title><style>{style(paper)}</style></head>\n"
        f"<body>\n{body}\n</body></html>\n"
    )


def _text_document(head: list[Block], blocks: list[Block], tail: list[Block]) -> str:
    head_text = "\n".join(b.text for b in head)
    return "\n\n".join([head_text, *(b.text for b in blocks), *(b.text for b in tail)]) + "\n"


def compose_excerpt(
    corpus: Corpus,
    refs: Iterable[str],
    footnotes: bool = True,
    *,
    paper: Paper | None = None,
    certification: Certification | None = None,
    made: dt.date | None = None,
    whole_act: bool = False,
) -> Excerpt:
    """The excerpt of the nodes ``refs`` name (ids or references such as «пп. 8 п. 19»).

    ``paper`` sets the font of the HTML; ``certification`` adds «Выписка верна» with the
    position and name; ``made`` is the date of making (today by default). ``whole_act``:
    the act's full text, titled by the act itself rather than «ВЫПИСКА из …».
    Raises ExcerptError for a reference that names nothing and for an empty selection.
    """
    paper = paper or Paper()
    made = made or dt.date.today()
    if certification is not None and not certification.wanted:
        certification = None
    chosen = select_nodes(corpus, refs)
    named_part, title_part = _title_part(corpus, chosen)
    title, footer = excerpt_source(corpus.act, named_part)
    if whole_act:  # the decree's own heading is in the title, as when several parts are chosen
        title, footer = act_title(corpus.act), act_short_name(corpus.act)
    edition = edition_line(corpus.act, corpus.is_current)
    nodes, context = _nodes_to_print(corpus, chosen, footnotes, title_part)
    blocks = _blocks(corpus, nodes, context)
    if whole_act:  # the decree's own heading is its title, already above
        blocks = [b for b in blocks if not (b.kind == m.PART and b.node_id == title_part)]
    source = source_line(corpus)
    head = _head_blocks(title, edition, "" if whole_act else HEADING)
    tail = _tail_blocks(source, made, certification)
    # The last lines of the text stay with the source line below them.
    body = [*blocks[:-1], _keep(blocks[-1])] if blocks else []
    everything = [*head, *body, *tail]
    return Excerpt(
        node_ids=chosen,
        title=title,
        edition_line=edition,
        html=_html_document(everything, title, paper),
        text=_text_document(head, body, tail),
        citations=tuple(formal_citation(corpus, node_id) for node_id in chosen),
        footer=footer,
        source_line=source,
        footnotes=footnotes,
        quote=quote_text(corpus, blocks, chosen),
        made=made,
        certification=certification,
        paper=paper,
        keep_with_next=frozenset(b.anchor for b in everything if b.keep and b.anchor),
        blocks=tuple(everything),
        file_stem=file_stem(corpus, chosen, made, whole_act),
    )


MAX_NAME_BYTES = 200
"""A suggested file name's stem stays under this many bytes of UTF-8 (a name may have 255)."""
_UNSAFE = re.compile(r'[/\\:*?"<>|\x00-\x1f]')


def local_reference(corpus: Corpus, node_id: str) -> str:
    """«пп. 8 п. 19», «гл. 3», «Положение»: where a node is inside its document, short."""
    part = corpus.part_of(node_id)
    if node_id == part.id:
        name = PART_NAMES.get(part.id)
        return name.short.split(" ")[0] if name else act_short_name(corpus.act)
    return local_citation(corpus, node_id)


def file_stem(corpus: Corpus, chosen: tuple[str, ...], made: dt.date, whole: bool) -> str:
    """«Выписка п. 13, пп. 8 п. 19 — 2026-12-01»: short, meaningful, safe as a file name on
    every system and within ``MAX_NAME_BYTES`` (clauses beyond that are counted, not named)."""
    date = made.isoformat()
    if whole:
        act = corpus.act
        return _UNSAFE.sub("-", f"{act.kind.split(' ')[0]} № {act.number} — {date}")
    refs = [
        re.sub(r"(\d[\d-]*)\)", r"\1", re.sub(r"^Глава (?=\d)", "гл. ", ref))
        for ref in _merge_steps([local_reference(corpus, node_id) for node_id in chosen]).split(
            ", "
        )
    ]
    for shown in range(len(refs), 0, -1):
        rest = len(refs) - shown
        more = f" и ещё {rest}" if rest else ""
        stem = _UNSAFE.sub("-", f"Выписка {', '.join(refs[:shown])}{more} — {date}")
        if len(stem.encode("utf-8")) <= MAX_NAME_BYTES:
            return stem
    return f"Выписка — {date}"


def _keep(block: Block) -> Block:
    return dataclasses.replace(block, keep=True)


def compose_act(
    corpus: Corpus, refs: Iterable[str] = (), footnotes: bool = True, **options
) -> Excerpt:
    """The whole act (no ``refs``) or the parts and chapters ``refs`` name, for «Печать
    акта…», «Экспорт акта…» and ``gp-desktop export --format pdf|docx|odt``: the same pages
    as a выписка; the whole act is titled by the act, a part is a выписка of it."""
    refs = [r for r in refs if r.strip()]
    if not refs:
        parts = [p.id for p in corpus.parts()]
        return compose_excerpt(corpus, parts, footnotes, whole_act=True, **options)
    return compose_excerpt(corpus, refs, footnotes, **options)
