"""Which format a source file is in, by its content first and its name's extension second.

Binary signatures are certain: a Word file is a zip holding ``word/document.xml``; PDF, the
old .doc, RTF, other zips and SQLite files are refused with what they are and what to do. A
text is a saved page when it begins as a page does (``<!DOCTYPE html``, ``<html``) or is
mostly HTML markup; otherwise the extension (.md, .htm/.html, .txt) decides, and without one
Markdown is recognised by its markup (``#`` headings, ``**``, hard breaks, ``- `` bullets).
"""

from __future__ import annotations

import re
import zipfile
from io import BytesIO

from gp_desktop.corpus.errors import SourceError

MARKDOWN, PLAIN_TEXT, HTML_PAGE, DOCX = "markdown", "plain_text", "html_page", "docx"

_FOREIGN = [
    (b"%PDF", "файл PDF: откройте его, скопируйте текст акта в Блокнот и импортируйте .txt"),
    (
        b"\xd0\xcf\x11\xe0",
        "файл Word 97–2003 (.doc): сохраните его в Word как «Документ Word (.docx)»",
    ),
    (b"{\\rtf", "файл RTF: сохраните его в Word как «Документ Word (.docx)»"),
    (b"SQLite format 3\x00", "это файл корпуса (SQLite), а не текст акта"),
    (b"\x1f\x8b", "сжатый файл (gzip): распакуйте его"),
    (b"\x89PNG", "картинка PNG, а не текст акта"),
    (b"\xff\xd8\xff", "картинка JPEG, а не текст акта"),
]
_PAGE_START = re.compile(
    r"^\s*(<\?xml[^>]*>\s*)?(<!--.*?-->\s*)*<(!doctype\s+html|html[\s>])", re.I | re.S
)
_TAG = re.compile(r"</?(p|div|br|span|td|tr|table|b|strong|h[1-6]|li|a|body)\b[^<>]*>", re.I)
_MD_MARKS = re.compile(r"^(#{1,6}\s|\s*[-*+]\s)|\*\*|\S {2}$", re.M)
_SUFFIXES = {
    ".md": MARKDOWN,
    ".markdown": MARKDOWN,
    ".txt": PLAIN_TEXT,
    ".text": PLAIN_TEXT,
    ".htm": HTML_PAGE,
    ".html": HTML_PAGE,
    ".xhtml": HTML_PAGE,
}
_MHTML = re.compile(r"^MIME-Version:.*?multipart/related", re.I | re.S)


def binary_format(data: bytes, name: str, suffix: str) -> str | None:
    """``docx`` for a Word file, None for a text; SourceError for any other kind of file."""
    if data.startswith(b"PK\x03\x04") or data.startswith(b"PK\x05\x06"):
        try:
            with zipfile.ZipFile(BytesIO(data)) as archive:
                names = set(archive.namelist())
        except (zipfile.BadZipFile, OSError):
            raise SourceError(
                f"{name}: повреждённый архив (файл Word или ZIP не читается)"
            ) from None
        if "word/document.xml" in names:
            return DOCX
        if suffix == ".docx" or any(n.startswith("word/") for n in names):
            raise SourceError(f"{name}: файл Word повреждён: в нём нет текста (word/document.xml)")
        if "content.xml" in names:
            raise SourceError(
                f"{name}: документ OpenDocument (.odt): сохраните его как «Документ Word (.docx)»"
            )
        raise SourceError(f"{name}: архив ZIP, а не текст акта и не файл Word")
    for magic, what in _FOREIGN:
        if data.startswith(magic):
            raise SourceError(f"{name}: {what}")
    if suffix == ".docx":
        raise SourceError(f"{name}: файл назван .docx, но это не файл Word (не архив .docx)")
    return None


def text_format(text: str, suffix: str) -> str:
    """The format of a decoded text."""
    head = text[:4096]
    if _MHTML.match(head.lstrip()):
        raise SourceError(
            "веб-архив MHTML (.mht): сохраните страницу в браузере как «веб-страница полностью» "
            "(.html) или скопируйте текст акта в Блокнот"
        )
    if _PAGE_START.match(head):
        return HTML_PAGE
    tags = len(_TAG.findall(text[:200_000]))
    if suffix in _SUFFIXES:
        chosen = _SUFFIXES[suffix]
        # A page saved under another name is still a page: markup on every other line.
        if chosen != HTML_PAGE and tags > 20 and tags > 0.5 * text.count("\n"):
            return HTML_PAGE
        if chosen == MARKDOWN and not _MD_MARKS.search(text[:200_000]):
            return PLAIN_TEXT  # named .md, but without a mark of Markdown: a copied text
        return chosen
    if tags > 20 and tags > 0.5 * text.count("\n"):
        return HTML_PAGE
    lines = max(1, text.count("\n"))
    if len(_MD_MARKS.findall(text[:200_000])) > max(3, lines // 50):
        return MARKDOWN
    return PLAIN_TEXT
