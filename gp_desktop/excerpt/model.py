"""What an excerpt is once composed: a frozen record the GUI, the printer and the CLI share."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from gp_desktop.corpus.errors import CorpusError
from gp_desktop.excerpt.paper import Certification, Paper


class ExcerptError(CorpusError):
    """An excerpt cannot be made: an unknown reference, nothing chosen, an unwritable file."""


@dataclass(frozen=True)
class Block:
    """One paragraph of the выписка, as every format needs it: HTML, text and its parts."""

    kind: str
    """A node kind (``clause``, ``chapter`` …) or ``omission``, ``excerpt-heading``,
    ``excerpt-act``, ``excerpt-edition``, ``excerpt-source``, ``excerpt-made``,
    ``excerpt-cert``."""
    html: str
    text: str
    """As in ``Excerpt.text``: label, heading and words; lines by «\\n», cells by «  »."""
    anchor: str = ""
    """The name of the HTML anchor that starts the paragraph."""
    keep: bool = False
    """Keep with the next block on one page (a heading, a lead-in, context)."""
    label: str = ""
    """Set in bold: «19.», «8)»."""
    heading: str = ""
    """Set in bold after the label."""
    body: str = ""
    """The words after label and heading (a table: rows by «\\n», cells by «\\t»)."""
    node_id: str = field(default="", compare=False)


@dataclass(frozen=True)
class Excerpt:
    """A выписка: chosen nodes with their context, as HTML and plain text, with citations."""

    node_ids: tuple[str, ...]
    """The chosen nodes in document order; none of them lies inside another."""
    title: str
    """«Выписка из Положения о …, утвержденного Указом … № 563 «…»»."""
    edition_line: str
    """«в редакции по состоянию на 17.12.2025»."""
    html: str
    """A whole HTML document for QTextDocument or a browser: no external resource, text escaped."""
    text: str
    """The same document as plain text, ending with a newline."""
    citations: tuple[str, ...]
    """The formal citation of each chosen node, in the order of ``node_ids``."""
    footer: str
    """The act's short name, printed at the foot of every page with the page number."""
    source_line: str
    """Where the text was taken from: the corpus edition and its source file."""
    footnotes: bool
    """Whether the chosen items' footnotes are in the document."""
    quote: str
    """The chosen text followed by its citation, for the clipboard."""
    made: dt.date = field(default_factory=dt.date.today)
    """The date of making, printed under the source line."""
    certification: Certification | None = None
    """Who certifies «Выписка верна» when it is printed, else None."""
    paper: Paper = field(default_factory=Paper)
    """Font, size and margins of the pages (PDF, printer, ODT, DOCX)."""
    keep_with_next: frozenset[str] = frozenset()
    """Anchors of the blocks that must not end a page (``Block.keep``)."""
    blocks: tuple[Block, ...] = ()
    """The whole document, title to certification, paragraph by paragraph."""
    file_stem: str = "Выписка"
    """The name a file of it is offered under, without extension (within 200 bytes)."""

    def copy_text(self) -> str:
        """Plain text of the chosen text followed by its formal citation(s)."""
        return self.quote

    def page_footer(self, page: int, pages: int) -> tuple[str, str]:
        """The left and right parts of a page's footer: the act's name and «стр. 2 из 5»."""
        return self.footer, f"стр. {page} из {pages}"
