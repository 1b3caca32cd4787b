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
    styles = _Styles(document)
    numbering = _Numbering(document, styles)
    blocks: list[Block] = []
    count = 0
    for child in _body_items(document.element.body):
        if child.tag == f"{_W}p":
            count += 1
            paragraph = Paragraph(child, document)
            block = _paragraph(paragraph, count, styles, numbering)
            if block is not None:
                blocks.append(block)
        elif child.tag == f"{_W}tbl":
            for row in Table(child, document).rows:
                count += 1
                cells = []
                for cell in row.cells:
                    text = " ".join(
                        paragraph_text(p._p)[0].replace("\n", " ") for p in cell.paragraphs
                    )
                    if not cells or cell._tc is not getattr(cells[-1], "_tc", None):
                        cells.append(_Cell(cell._tc, text.replace("\t", " ").strip()))
                line = "\t".join(c.text for c in cells)
                if line.strip():
                    blocks.append(Block(line=count, lines=(line,), table_row=True))
    return Source(blocks=blocks, format=NAME, unit=PARAGRAPH)


def _body_items(body):
    """The body's paragraphs and tables in order, including those inside block-level content
    controls and custom XML, which python-docx's own lists leave out."""
    for child in body.iterchildren():
        if child.tag in (f"{_W}sdt", f"{_W}customXml"):
            content = child.find(f"{_W}sdtContent") if child.tag == f"{_W}sdt" else child
            if content is not None:
                yield from _body_items(content)
        else:
            yield child


class _Cell:
    """A cell once: python-docx repeats a merged cell in every column it spans."""

    def __init__(self, tc, text: str) -> None:
        self._tc, self.text = tc, text


_SKIP = {f"{_W}{name}" for name in ("del", "moveFrom", "instrText", "delText", "rPr", "pPr")}
_TEXT = f"{_W}t"
_BREAKS = {f"{_W}br", f"{_W}cr"}
_TAB = f"{_W}tab"
_RUN = f"{_W}r"


def paragraph_text(p) -> tuple[str, bool]:
    """A paragraph's text as Word shows it — runs inside insertions, hyperlinks, fields and
    content controls included, deleted text and field codes not — and whether any is bold."""
    out: list[str] = []
    bold = False

    def visit(element) -> None:
        nonlocal bold
        for child in element:
            tag = child.tag
            if tag in _SKIP:
                continue
            if tag == _TEXT:
                out.append(child.text or "")
            elif tag in _BREAKS:
                out.append("\n")
            elif tag == _TAB:
                out.append("\t")
            else:
                if tag == _RUN and not bold:
                    rpr = child.find(f"{_W}rPr")
                    flag = rpr.find(f"{_W}b") if rpr is not None else None
                    if flag is not None and flag.get(f"{_W}val") not in ("0", "false"):
                        bold = bool("".join(t.text or "" for t in child.iter(_TEXT)).strip())
                visit(child)

    visit(p)
    return "".join(out), bold


def _paragraph(paragraph, count: int, styles: _Styles, numbering: _Numbering) -> Block | None:
    text, bold = paragraph_text(paragraph._p)
    if not text.strip():
        return None
    style_id = styles.style_of(paragraph._p)
    label = numbering.label(paragraph._p, styles.numbering_of(style_id))
    if label:
        text = f"{label} {text.lstrip()}"
    lines = tuple(text.split("\n"))
    heading = styles.name_of(style_id).lower().startswith(("heading", "заголовок", "title"))
    return Block(line=count, lines=lines, heading=heading, bold=bold)


class _Styles:
    """The document's paragraph styles by id, read once (python-docx looks one up each time)."""

    def __init__(self, document) -> None:
        self.names: dict[str, str] = {}
        self.numbering: dict[str, tuple[str, int] | None] = {}
        self.default = ""
        try:
            root = document.part.styles.element
        except (KeyError, NotImplementedError, AttributeError):
            return
        based: dict[str, str] = {}
        own: dict[str, tuple[str, int] | None] = {}
        for style in root.iterchildren(f"{_W}style"):
            if style.get(f"{_W}type") not in (None, "paragraph"):
                continue
            sid = style.get(f"{_W}styleId") or ""
            name = style.find(f"{_W}name")
            self.names[sid] = name.get(f"{_W}val") if name is not None else sid
            if style.get(f"{_W}default") in ("1", "true"):
                self.default = sid
            parent = style.find(f"{_W}basedOn")
            if parent is not None:
                based[sid] = parent.get(f"{_W}val") or ""
            own[sid] = _num_pr(style.find(f"{_W}pPr"))
        for sid in self.names:
            seen, at = set(), sid
            while at and at not in seen and own.get(at) is None:
                seen.add(at)
                at = based.get(at, "")
            self.numbering[sid] = own.get(at) if at else None

    def style_of(self, p) -> str:
        ppr = p.find(f"{_W}pPr")
        ref = ppr.find(f"{_W}pStyle") if ppr is not None else None
        return (ref.get(f"{_W}val") if ref is not None else None) or self.default

    def name_of(self, style_id: str) -> str:
        return self.names.get(style_id, style_id) or ""

    def numbering_of(self, style_id: str) -> tuple[str, int] | None:
        return self.numbering.get(style_id)


def _num_pr(ppr) -> tuple[str, int] | None:
    """(numId, level) of a paragraph's or style's numbering, if it has one."""
    if ppr is None:
        return None
    numpr = ppr.find(f"{_W}numPr")
    if numpr is None:
        return None
    num_id = _val(numpr, "numId")
    level = _val(numpr, "ilvl")
    if num_id is None:
        return None
    return num_id, int(level) if level and level.isdigit() else 0


class _Numbering:
    """Word's automatic numbering: each list's counters, and the label Word shows.

    Counters belong to the abstract list a numbering instance points to (Word continues a
    list across its instances), except where an instance restarts a level (startOverride).
    """

    def __init__(self, document, styles: _Styles) -> None:
        self.levels: dict[tuple[str, int], tuple[str, str, int]] = {}
        self.abstract_of: dict[str, str] = {}
        self.overrides: dict[str, dict[int, int]] = {}
        self.counters: dict[str, list[int]] = {}
        self.started: set[str] = set()
        try:
            root = document.part.numbering_part.element
        except (KeyError, NotImplementedError, AttributeError):
            return
        for node in root.iterchildren(f"{_W}abstractNum"):
            aid = node.get(f"{_W}abstractNumId") or ""
            for lvl in node.iterchildren(f"{_W}lvl"):
                ilvl = int(lvl.get(f"{_W}ilvl", "0") or 0)
                fmt = _val(lvl, "numFmt") or "decimal"
                text = _val(lvl, "lvlText") or ""
                start = _val(lvl, "start") or "1"
                self.levels[(aid, ilvl)] = (fmt, text, int(start) if start.isdigit() else 1)
        for num in root.iterchildren(f"{_W}num"):
            num_id = num.get(f"{_W}numId") or ""
            ref = _val(num, "abstractNumId")
            if ref is None:
                continue
            self.abstract_of[num_id] = ref
            for override in num.iterchildren(f"{_W}lvlOverride"):
                start = _val(override, "startOverride")
                if start is not None and start.isdigit():
                    level = int(override.get(f"{_W}ilvl", "0") or 0)
                    self.overrides.setdefault(num_id, {})[level] = int(start)

    def label(self, p, from_style: tuple[str, int] | None) -> str:
        ppr = p.find(f"{_W}pPr")
        own = _num_pr(ppr)
        found = own or from_style
        if found is None or found[0] == "0":
            return ""
        num_id, ilvl = found
        aid = self.abstract_of.get(num_id)
        spec = self.levels.get((aid, ilvl)) if aid is not None else None
        if spec is None or spec[0] in ("bullet", "none"):
            return ""
        counters = self.counters.setdefault(aid, [0] * 9)
        if num_id not in self.started:
            self.started.add(num_id)
            for level, start in self.overrides.get(num_id, {}).items():
                if 0 <= level < 9:
                    counters[level] = start - 1
        for deeper in range(ilvl + 1, 9):
            counters[deeper] = 0
        counters[ilvl] = counters[ilvl] + 1 if counters[ilvl] else spec[2]
        text = spec[1]
        for level in range(ilvl + 1):
            text = text.replace(f"%{level + 1}", str(counters[level] or 1))
        return text.strip()


def _val(element, name: str) -> str | None:
    child = element.find(f"{_W}{name}")
    return child.get(f"{_W}val") if child is not None else None
