"""A Word file (.docx) of the act → blocks, read with python-docx.

Paragraphs and tables are taken in the order of the document's body. A paragraph's line
breaks (Shift+Enter) separate its lines, runs in bold set the bold flag, a heading style sets
the heading flag, each table row is one block of tab-separated cells. Numbering that Word
draws itself (a list style rather than typed «14.») is part of the wording, so it is put back
in front of the paragraph's text as Word shows it («%1.» → «14.»), counted per list.
"""

from __future__ import annotations

import io
import zipfile

from gp_desktop.corpus.blocks import PARAGRAPH, Block, Source
from gp_desktop.corpus.errors import SourceError

NAME = "docx"
MAX_XML = 64 * 1024 * 1024  # the act's document.xml is well under 2 MB; refuse a zip bomb
_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


def read(data: bytes, name: str = "") -> Source:
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            info = archive.getinfo("word/document.xml")
            if info.file_size > MAX_XML:
                raise SourceError(f"{name}: файл Word слишком велик для текста акта")
    except (zipfile.BadZipFile, KeyError, OSError):
        raise SourceError(f"{name}: файл Word повреждён (не читается как .docx)") from None
    import docx
    from docx.opc.exceptions import PackageNotFoundError
    from docx.table import Table
    from docx.text.paragraph import Paragraph

    try:
        document = docx.Document(io.BytesIO(data))
    except (PackageNotFoundError, KeyError, ValueError, zipfile.BadZipFile) as exc:
        raise SourceError(f"{name}: файл Word повреждён ({type(exc).__name__})") from None
    except Exception as exc:  # lxml's XMLSyntaxError and the like from a damaged part
        raise SourceError(f"{name}: файл Word повреждён ({type(exc).__name__})") from None
    numbering = _Numbering(document)
    blocks: list[Block] = []
    count = 0
    for child in document.element.body.iterchildren():
        if child.tag == f"{_W}p":
            count += 1
            paragraph = Paragraph(child, document)
            block = _paragraph(paragraph, count, numbering)
            if block is not None:
                blocks.append(block)
        elif child.tag == f"{_W}tbl":
            for row in Table(child, document).rows:
                count += 1
                cells = []
                for cell in row.cells:
                    text = " ".join(p.text.replace("\n", " ") for p in cell.paragraphs)
                    if not cells or cell._tc is not getattr(cells[-1], "_tc", None):
                        cells.append(_Cell(cell._tc, text.replace("\t", " ").strip()))
                line = "\t".join(c.text for c in cells)
                if line.strip():
                    blocks.append(Block(line=count, lines=(line,), table_row=True))
    return Source(blocks=blocks, format=NAME, unit=PARAGRAPH)


class _Cell:
    """A cell once: python-docx repeats a merged cell in every column it spans."""

    def __init__(self, tc, text: str) -> None:
        self._tc, self.text = tc, text


def _paragraph(paragraph, count: int, numbering: _Numbering) -> Block | None:
    text = paragraph.text
    if not text.strip():
        return None
    label = numbering.label(paragraph)
    if label:
        text = f"{label} {text.lstrip()}"
    lines = tuple(text.split("\n"))
    style = (paragraph.style.name if paragraph.style is not None else "") or ""
    heading = style.lower().startswith(("heading", "заголовок", "title"))
    bold = any(run.bold for run in paragraph.runs if run.text.strip())
    return Block(line=count, lines=lines, heading=heading, bold=bold)


class _Numbering:
    """Word's automatic numbering: each list's counters, and the label Word shows."""

    def __init__(self, document) -> None:
        self.levels: dict[tuple[str, int], tuple[str, str, int]] = {}
        self.counters: dict[str, list[int]] = {}
        try:
            part = document.part.numbering_part
        except (KeyError, NotImplementedError, AttributeError):
            return
        root = part.element
        abstract = {}
        for node in root.iterchildren(f"{_W}abstractNum"):
            levels = {}
            for lvl in node.iterchildren(f"{_W}lvl"):
                ilvl = int(lvl.get(f"{_W}ilvl", "0"))
                fmt = _val(lvl, "numFmt") or "decimal"
                text = _val(lvl, "lvlText") or ""
                start = int(_val(lvl, "start") or "1")
                levels[ilvl] = (fmt, text, start)
            abstract[node.get(f"{_W}abstractNumId")] = levels
        for num in root.iterchildren(f"{_W}num"):
            ref = num.find(f"{_W}abstractNumId")
            if ref is None:
                continue
            for ilvl, spec in abstract.get(ref.get(f"{_W}val"), {}).items():
                self.levels[(num.get(f"{_W}numId"), ilvl)] = spec

    def label(self, paragraph) -> str:
        ppr = paragraph._p.pPr
        numpr = ppr.numPr if ppr is not None else None
        if numpr is None and paragraph.style is not None:
            style_ppr = paragraph.style.element.pPr
            numpr = style_ppr.numPr if style_ppr is not None else None
        if numpr is None or numpr.numId is None:
            return ""
        num_id = str(numpr.numId.val)
        ilvl = int(numpr.ilvl.val) if numpr.ilvl is not None else 0
        spec = self.levels.get((num_id, ilvl))
        if spec is None or spec[0] in ("bullet", "none"):
            return ""
        counters = self.counters.setdefault(num_id, [0] * 9)
        for deeper in range(ilvl + 1, 9):
            counters[deeper] = 0
        counters[ilvl] = counters[ilvl] + 1 if counters[ilvl] else spec[2]
        text = spec[1]
        for level in range(9):
            value = counters[level] or self.levels.get((num_id, level), ("", "", 1))[2]
            text = text.replace(f"%{level + 1}", str(value))
        return text.strip()


def _val(element, name: str) -> str | None:
    child = element.find(f"{_W}{name}")
    return child.get(f"{_W}val") if child is not None else None
