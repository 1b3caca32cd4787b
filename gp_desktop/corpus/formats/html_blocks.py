"""An HTML tree → blocks: the walk shared by the saved page and by Markdown (which becomes HTML).

Block elements (``<p>``, ``<div>``, headings, list items…) start a block, ``<br>`` starts a
line in it, a table row is one block of tab-separated cells, inline elements only dress the
text (``<b>``/``<strong>`` set the bold flag). A footnote kept in a ``<span>`` of its clause's
paragraph starts a line of its own, as it does on the page. Scripts, styles, forms and media
hold no text of the act and are skipped.

Spacing follows HTML: runs of white space are one space. Markdown's HTML differs in one way:
a newline inside a paragraph is a new block, since every line of the Markdown source is a
paragraph unless it ends with a hard break (which arrives as ``<br>``).
"""

from __future__ import annotations

import re

from lxml import etree

from gp_desktop.corpus.blocks import Block

SKIPPED = frozenset(
    [
        "script",
        "style",
        "noscript",
        "template",
        "svg",
        "math",
        "iframe",
        "object",
        "embed",
        "canvas",
        "head",
        "title",
        "meta",
        "link",
        "button",
        "select",
        "option",
        "input",
        "textarea",
        "audio",
        "video",
        "img",
        "map",
        "area",
    ]
)
BLOCK_TAGS = frozenset(
    [
        "p",
        "div",
        "h1",
        "h2",
        "h3",
        "h4",
        "h5",
        "h6",
        "li",
        "ul",
        "ol",
        "dl",
        "dt",
        "dd",
        "blockquote",
        "pre",
        "section",
        "article",
        "main",
        "header",
        "footer",
        "nav",
        "aside",
        "center",
        "address",
        "figure",
        "figcaption",
        "table",
        "caption",
        "tbody",
        "thead",
        "tfoot",
        "form",
        "fieldset",
        "hr",
        "body",
        "html",
    ]
)
HEADINGS = frozenset(["h1", "h2", "h3", "h4", "h5", "h6"])
BOLD = frozenset(("b", "strong"))
CELLS = frozenset(("td", "th"))
_WHITE = re.compile(r"[ \t\r\n\f]+")
_FOOTNOTE = re.compile(r"^\s*Сноска\.")


def tag_of(element) -> str:
    tag = element.tag
    if not isinstance(tag, str):
        return ""  # a comment or processing instruction
    return tag.rsplit("}", 1)[-1].lower()


class HtmlWalker:
    """Collects blocks from elements in document order."""

    def __init__(self, markdown: bool = False) -> None:
        self.markdown = markdown
        self.blocks: list[Block] = []
        self._lines: list[str] = []
        self._line: list[str] = []
        self._flags = {"heading": False, "bold": False, "bullet": False}
        self._after_break = False

    # -- collecting ----------------------------------------------------------------------
    def _new_line(self) -> None:
        self._lines.append("".join(self._line))
        self._line = []

    def end_block(self) -> None:
        if self._line:
            self._new_line()
        lines = [line for line in self._lines if line.strip()]
        if lines:
            self.blocks.append(Block(line=len(self.blocks) + 1, lines=tuple(lines), **self._flags))
        self._lines, self._line = [], []
        self._flags = {**self._flags, "bold": False}

    def _text(self, text: str | None, bold: bool) -> None:
        if not text:
            return
        if self.markdown:
            pieces = text.split("\n")
            for k, piece in enumerate(pieces):
                if k:
                    if self._after_break:
                        self._after_break = False
                    else:
                        flags = dict(self._flags)
                        self.end_block()
                        self._flags = flags
                self._add(piece, bold)
        else:
            self._add(_WHITE.sub(" ", text), bold)

    def _add(self, piece: str, bold: bool) -> None:
        if not piece:
            return
        self._line.append(piece)
        if piece.strip():
            self._after_break = False
            if bold:
                self._flags["bold"] = True

    # -- walking -------------------------------------------------------------------------
    def walk(self, element, bold: bool = False) -> None:
        tag = tag_of(element)
        if not tag or tag in SKIPPED:
            pass
        elif tag == "br":
            self._new_line()
            self._after_break = True
        elif tag == "tr":
            self.end_block()
            cells = [cell_text(c) for c in element if tag_of(c) in CELLS]
            if any(cells):
                self.blocks.append(
                    Block(line=len(self.blocks) + 1, lines=("\t".join(cells),), table_row=True)
                )
        elif tag in BLOCK_TAGS:
            saved = dict(self._flags)
            self.end_block()
            self._flags = {
                "heading": saved["heading"] or tag in HEADINGS,
                "bold": False,
                "bullet": saved["bullet"] or tag == "li",
            }
            self._children(element, bold or tag in BOLD)
            self.end_block()
            self._flags = {**saved, "bold": False}
        else:
            if "".join(self._line).strip() and _FOOTNOTE.match(element.text or ""):
                self._new_line()
            self._children(element, bold or tag in BOLD)
        if element.tail:
            self._text(element.tail, bold)

    def _children(self, element, bold: bool) -> None:
        self._text(element.text, bold)
        for child in element:
            self.walk(child, bold)


def cell_text(cell) -> str:
    """A table cell's text on one line (its paragraphs joined by spaces)."""
    walker = HtmlWalker()
    walker._children(cell, False)
    walker.end_block()
    return " ".join(line for b in walker.blocks for line in b.lines).replace("\t", " ").strip()


def element_blocks(root, markdown: bool = False) -> list[Block]:
    walker = HtmlWalker(markdown=markdown)
    walker._children(root, False)
    walker.end_block()
    return walker.blocks


def parse_html(text: str):
    """The document tree of an HTML text (lxml's forgiving parser, as browsers are)."""
    from lxml import html

    try:
        return html.document_fromstring(text)
    except (etree.ParserError, ValueError):
        return None
