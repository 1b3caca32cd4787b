"""The act as one HTML document for the reader, in the subset of HTML that Qt renders.

Every word taken from the act is escaped, so tag-like text in the source is shown as text;
the document refers to no image, style sheet or any other resource. Each node starts with
an anchor named by its id, which the reader uses to map its text blocks back to nodes.
Amended nodes carry an «изм.» badge, a link the reader turns into a tooltip listing the
decrees and, when clicked, into the timeline.
"""

from __future__ import annotations

import html
import re
from collections.abc import Iterable
from dataclasses import dataclass

from gp_desktop.corpus import model as m
from gp_desktop.corpus.reader import Corpus
from gp_desktop.corpus.restricted import NOTE as RESTRICTED_NOTE
from gp_desktop.corpus.restricted import restricted_annexes

AMEND_SCHEME = "gp-amend"
SERIF_FAMILIES = ("PT Serif", "Times New Roman", "Liberation Serif", "DejaVu Serif", "serif")

_ESC = html.escape


SHOWN_CHARS = 100_000
"""A node's text longer than this (no clause of the act comes near) is shown cut, with a
note: laying out megabytes in one paragraph would hold the window for minutes."""
BREAK_EVERY = 200
"""A run of more characters without a space gets a zero-width break point every so many
(the act's longest word has 30 letters, a web address some 60): Qt lays out an unbreakable
megabyte line by line in quadratic time."""
_LONG_RUN = re.compile(rf"\S{{{BREAK_EVERY + 1},}}")


def _breakable(run: re.Match) -> str:
    word = run.group(0)
    return "\u200b".join(word[k : k + BREAK_EVERY] for k in range(0, len(word), BREAK_EVERY))


def with_break_points(text: str) -> str:
    """``text`` with a zero-width break point every ``BREAK_EVERY`` characters of a run
    without spaces; the reader and the excerpt documents (PDF, ODT, DOCX, HTML) use it."""
    return _LONG_RUN.sub(_breakable, text) if len(text) > BREAK_EVERY else text


def shown_text(text: str) -> str:
    """``text`` as the reader shows it: whole, unless too long or unbreakable (see above)."""
    note = ""
    if len(text) > SHOWN_CHARS:
        note = f" … [показаны первые {SHOWN_CHARS} из {len(text)} символов]"
        text = text[:SHOWN_CHARS]
    return with_break_points(text) + note


def _lines(text: str) -> str:
    return "<br>".join(_ESC(line) for line in shown_text(text).split("\n"))


def _table(text: str) -> str:
    rows = []
    for line in text.split("\n"):
        cells = "".join(f"<td>{_ESC(cell.strip())}</td>" for cell in line.split("\t"))
        rows.append(f"<tr>{cells}</tr>")
    return (
        '<table class="act-table" border="1" cellspacing="0" cellpadding="5" width="100%">'
        f"{''.join(rows)}</table>"
    )


def badge(node_id: str) -> str:
    href = _ESC(f"{AMEND_SCHEME}:{node_id}", quote=True)
    return f' <a class="badge" href="{href}">изм.</a>'


def node_block(node: m.Node, amended: bool, nested: bool = False) -> str:
    """One node as a block of HTML, starting with its anchor.

    ``nested``: a paragraph that continues a sub-clause or a list item, indented with it.
    """
    anchor = f'<a name="{_ESC(node.id, quote=True)}"></a>'
    mark = badge(node.id) if amended else ""
    label = f'<span class="label">{_ESC(node.label)}</span> ' if node.label else ""
    heading = f'<span class="heading">{_lines(node.heading)}</span> ' if node.heading else ""
    kind = node.kind
    if kind == m.PART:
        if not node.heading:
            # An annex with no heading of its own: its title is ours, not the act's words,
            # so nothing is shown and the anchor goes with the annex's first line.
            return anchor
        return f'<p class="part">{anchor}{_lines(node.heading)}{mark}</p>'
    if kind == m.CHAPTER:
        return f'<p class="chapter">{anchor}{_ESC(node.label)} {_lines(node.heading)}{mark}</p>'
    if kind == m.GROUP:
        return f'<p class="group">{anchor}{_lines(node.heading)}{mark}</p>'
    if kind == m.TABLE:
        return f'<p class="table-anchor">{anchor}{mark}</p>{_table(shown_text(node.text))}'
    css = "subparagraph" if nested and kind == m.PARAGRAPH else kind
    return f'<p class="{css}">{anchor}{label}{heading}{_lines(node.text)}{mark}</p>'


def document_html(corpus: Corpus, nodes: Iterable[m.Node] | None = None) -> str:
    """The act (or ``nodes`` of it, in order: the reader's window on a long corpus)."""
    amended = {link.node_id for link in corpus.node_amendments}
    nesting = (m.SUBCLAUSE, m.ITEM)
    # Under the stamps of an annex that is not published, one note says so.
    notes_after = {corpus.subtree(a.last)[-1].id for a in restricted_annexes(corpus)}
    blocks = []
    for node in corpus.nodes if nodes is None else nodes:
        parent = corpus.by_id.get(node.parent_id) if node.parent_id else None
        nested = parent is not None and parent.kind in nesting
        blocks.append(node_block(node, node.id in amended, nested))
        if node.id in notes_after:
            blocks.append(f'<p class="restricted">{_ESC(RESTRICTED_NOTE)}</p>')
    return "<html><body>\n" + "\n".join(blocks) + "\n</body></html>"


@dataclass(frozen=True)
class DocumentColours:
    """The colours the act's text is set in (CSS colours), one set per look of the window."""

    text: str = "#1b1b1b"
    footnote: str = "#6a6a6a"
    marker: str = "#333333"
    table_border: str = "#999999"
    badge: str = "#9a6100"


LIGHT = DocumentColours()


def style_sheet(font_size: int, colours: DocumentColours = LIGHT) -> str:
    """The reader's look; sizes follow the chosen font size so zoom keeps the proportions."""
    c = colours
    pt = font_size
    small = max(7, round(pt * 0.85))
    indent = round(pt * 2.2)
    # The family and size of the body are the document's default font (Reader._load): named
    # here too they were resolved again for every paragraph, a quarter of setHtml's 10 ms.
    return f"""
body {{ color: {c.text}; }}
p.part {{ font-size: {round(pt * 1.25)}pt; font-weight: bold; text-align: center;
          text-indent: 0px; margin-top: {pt * 3}px; margin-bottom: {pt}px; }}
p.chapter {{ font-size: {round(pt * 1.1)}pt; font-weight: bold; text-align: center;
             text-indent: 0px; margin-top: {round(pt * 1.8)}px; margin-bottom: {round(pt * 0.8)}px; }}
p.group {{ font-weight: bold; text-indent: 0px; margin-top: {pt}px; margin-bottom: 4px; }}
p {{ margin-top: 3px; margin-bottom: 3px; text-indent: {indent}px; }}
p.clause {{ margin-top: {round(pt * 0.7)}px; text-indent: 0px; }}
p.subclause, p.item {{ margin-left: {indent}px; text-indent: 0px; }}
p.paragraph {{ text-indent: {indent}px; }}
p.subparagraph {{ margin-left: {indent}px; text-indent: {indent}px; }}
p.footnote {{ color: {c.footnote}; font-size: {small}pt; margin-left: {indent}px;
              text-indent: 0px; margin-top: 4px; margin-bottom: 8px; }}
p.approval, p.marker {{ text-align: right; text-indent: 0px; font-size: {small}pt;
                        color: {c.marker}; }}
p.restricted {{ text-align: center; text-indent: 0px; font-style: italic;
                margin-top: {pt}px; margin-bottom: {pt * 2}px; color: {c.footnote}; }}
p.signature {{ text-indent: 0px; margin-top: {pt}px; }}
p.table-anchor {{ margin: 0px; text-indent: 0px; }}
table.act-table {{ font-size: {small}pt; border-color: {c.table_border}; }}
span.label {{ font-weight: bold; }}
span.heading {{ font-weight: bold; }}
a.badge {{ color: {c.badge}; text-decoration: none; font-size: {max(6, round(pt * 0.7))}pt;
           font-weight: normal; font-family: sans-serif; }}
"""
