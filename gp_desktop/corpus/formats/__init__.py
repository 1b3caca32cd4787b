"""The formats the act arrives in, each turned into blocks for the one parser.

``markdown`` (the bundled source), ``plain_text`` (copied from the page), ``html_page`` (saved
from the browser), ``docx`` (Word). ``detection`` says which a file is; ``markup`` tidies the
lines of every format alike; ``blocks_of`` does both and is what the importer calls.
"""

from __future__ import annotations

from gp_desktop.corpus.blocks import Source
from gp_desktop.corpus.formats import detection, markup
from gp_desktop.corpus.formats.detection import DOCX, HTML_PAGE, MARKDOWN, PLAIN_TEXT

FORMAT_NAMES = {
    MARKDOWN: "Markdown",
    PLAIN_TEXT: "простой текст",
    HTML_PAGE: "сохранённая страница",
    DOCX: "документ Word",
}


def text_blocks(text: str, suffix: str = "", fmt: str | None = None) -> Source:
    """A decoded text (Markdown, plain text or a saved page) as tidied blocks."""
    fmt = fmt or detection.text_format(text, suffix)
    if fmt == HTML_PAGE:
        from gp_desktop.corpus.formats import html_page

        source = html_page.read(text)
    elif fmt == MARKDOWN:
        from gp_desktop.corpus.formats import markdown

        source = markdown.read(text)
    else:
        from gp_desktop.corpus.formats import plain_text

        source = plain_text.read(text)
    return markup.tidy(source)


def docx_blocks(data: bytes, name: str = "") -> Source:
    from gp_desktop.corpus.formats import docx

    return markup.tidy(docx.read(data, name))


__all__ = [
    "DOCX",
    "FORMAT_NAMES",
    "HTML_PAGE",
    "MARKDOWN",
    "PLAIN_TEXT",
    "docx_blocks",
    "text_blocks",
]
