"""What an excerpt is once composed: a frozen record the GUI, the printer and the CLI share."""

from __future__ import annotations

from dataclasses import dataclass

from gp_desktop.corpus.errors import CorpusError


class ExcerptError(CorpusError):
    """An excerpt cannot be made: an unknown reference, nothing chosen, an unwritable file."""


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

    def copy_text(self) -> str:
        """Plain text of the chosen text followed by its formal citation(s)."""
        return self.quote

    def page_footer(self, page: int, pages: int) -> tuple[str, str]:
        """The left and right parts of a page's footer: the act's name and «стр. 2 из 5»."""
        return self.footer, f"стр. {page} из {pages}"
