"""The выписка as a Word file (.docx), written with python-docx: what the offices open.

The document has the pages of the PDF: A4 with the paper's margins, the paper's font and size
(Times New Roman 14 by default) in every style, headings as Word headings (centred, bold,
kept with the next paragraph), clause labels and headings in bold, the act's footnotes smaller
and indented where the act places them, tables with rows that do not break across pages, and
at the foot of every page the act's name and «стр. N из M» as PAGE and NUMPAGES fields Word
fills in. Nothing here needs Qt; the file is written through ``atomic_file`` like every other.
"""

from __future__ import annotations

from pathlib import Path

from gp_desktop.corpus import model as m
from gp_desktop.corpus.act_html import with_break_points
from gp_desktop.excerpt.files import output_target, write_rendered
from gp_desktop.excerpt.model import Block, Excerpt
from gp_desktop.excerpt.paper import A4_MM, FOOTER_POINT_SIZE, Paper

INDENT_CM = 1.25
_HEADING_LEVEL = {m.PART: 1, m.CHAPTER: 2, m.GROUP: 3}
_CENTRED = {"excerpt-heading", "excerpt-act", "excerpt-edition", m.PART, m.CHAPTER}
_SMALL = {m.FOOTNOTE, "excerpt-source", "excerpt-made"}
_RIGHT = {m.APPROVAL, m.MARKER}
_INDENTED = {m.CLAUSE, m.SUBCLAUSE, m.ITEM, m.PARAGRAPH, "preamble", "omission"}


def _set_fonts(target, paper: Paper, size: float) -> None:
    """The family for every script slot (Latin, Cyrillic, complex), the size, Russian."""
    from docx.oxml.ns import qn
    from docx.shared import Pt

    target.font.name = paper.family
    target.font.size = Pt(size)
    rpr = target.element.get_or_add_rPr()
    fonts = rpr.find(qn("w:rFonts"))
    if fonts is None:
        fonts = rpr.makeelement(qn("w:rFonts"), {})
        rpr.append(fonts)
    for slot in ("w:ascii", "w:hAnsi", "w:cs", "w:eastAsia"):
        fonts.set(qn(slot), paper.family)
    # The template's headings name theme fonts (Calibri Light), which win over the above.
    for theme in ("w:asciiTheme", "w:hAnsiTheme", "w:cstheme", "w:eastAsiaTheme"):
        fonts.attrib.pop(qn(theme), None)
    lang = rpr.find(qn("w:lang"))
    if lang is None:
        lang = rpr.makeelement(qn("w:lang"), {})
        rpr.append(lang)
    lang.set(qn("w:val"), "ru-RU")


def _styles(document, paper: Paper) -> None:
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    from docx.shared import Pt, RGBColor

    normal = document.styles["Normal"]
    _set_fonts(normal, paper, paper.point_size)
    normal.paragraph_format.space_before = Pt(0)
    normal.paragraph_format.space_after = Pt(4)
    normal.paragraph_format.line_spacing = 1.0
    for level in (1, 2, 3):
        style = document.styles[f"Heading {level}"]
        _set_fonts(style, paper, paper.point_size)
        style.font.bold = True
        style.font.italic = False
        style.font.color.rgb = RGBColor(0, 0, 0)
        fmt = style.paragraph_format
        fmt.alignment = WD_ALIGN_PARAGRAPH.LEFT if level == 3 else WD_ALIGN_PARAGRAPH.CENTER
        fmt.space_before = Pt(8)
        fmt.space_after = Pt(8)
        fmt.keep_with_next = True


def _page(document, paper: Paper) -> None:
    from docx.shared import Mm

    section = document.sections[0]
    section.page_width, section.page_height = Mm(A4_MM[0]), Mm(A4_MM[1])
    left, top, right, bottom = paper.margins_mm
    section.left_margin, section.top_margin = Mm(left), Mm(top)
    section.right_margin, section.bottom_margin = Mm(right), Mm(bottom)
    section.footer_distance = Mm(max(bottom / 2, 5))


def _field(paragraph, instruction: str, shown: str) -> None:
    """A field Word computes (PAGE, NUMPAGES), with ``shown`` until it does."""
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    field = OxmlElement("w:fldSimple")
    field.set(qn("w:instr"), instruction)
    run = OxmlElement("w:r")
    text = OxmlElement("w:t")
    text.text = shown
    run.append(text)
    field.append(run)
    paragraph._p.append(field)


def _footer(document, excerpt: Excerpt) -> None:
    from docx.enum.text import WD_TAB_ALIGNMENT
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn
    from docx.shared import Mm, Pt

    paper = excerpt.paper
    paragraph = document.sections[0].footer.paragraphs[0]
    paragraph.paragraph_format.tab_stops.add_tab_stop(
        Mm(paper.text_width_mm), WD_TAB_ALIGNMENT.RIGHT
    )
    # A rule above the footer, as on the PDF's pages.
    ppr = paragraph._p.get_or_add_pPr()
    borders = OxmlElement("w:pBdr")
    top = OxmlElement("w:top")
    for key, value in (("w:val", "single"), ("w:sz", "4"), ("w:space", "1"), ("w:color", "000000")):
        top.set(qn(key), value)
    borders.append(top)
    ppr.append(borders)
    name = paragraph.add_run(f"{excerpt.footer}\tстр. ")
    name.font.size = Pt(FOOTER_POINT_SIZE)
    _field(paragraph, "PAGE", "1")
    paragraph.add_run(" из ").font.size = Pt(FOOTER_POINT_SIZE)
    _field(paragraph, "NUMPAGES", "1")
    for run in paragraph._p.iter(qn("w:r")):
        rpr = run.find(qn("w:rPr"))
        if rpr is None:
            rpr = OxmlElement("w:rPr")
            run.insert(0, rpr)
        size = rpr.find(qn("w:sz"))
        if size is None:
            size = OxmlElement("w:sz")
            rpr.append(size)
        size.set(qn("w:val"), str(int(FOOTER_POINT_SIZE * 2)))


def _lines(paragraph, text: str, bold: bool = False, size: float | None = None) -> None:
    from docx.shared import Pt

    lines = text.split("\n")
    for number, line in enumerate(lines):
        if number:
            paragraph.add_run().add_break()
        run = paragraph.add_run(with_break_points(line))
        if bold:
            run.bold = True
        if size:
            run.font.size = Pt(size)


def _table(document, block: Block) -> None:
    from docx.oxml import OxmlElement

    rows = [line.split("\t") for line in block.body.split("\n")]
    columns = max(len(r) for r in rows)
    table = document.add_table(rows=len(rows), cols=columns)
    table.style = document.styles["Table Grid"]
    for r, cells in enumerate(rows):
        row = table.rows[r]
        trpr = row._tr.get_or_add_trPr()
        trpr.append(OxmlElement("w:cantSplit"))  # a row is never cut by a page break
        for c, cell_text in enumerate(cells):
            paragraph = row.cells[c].paragraphs[0]
            _lines(paragraph, cell_text.strip())


def _paragraph(document, block: Block, paper: Paper) -> None:
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    from docx.shared import Cm, Pt, RGBColor

    level = _HEADING_LEVEL.get(block.kind)
    if level is not None:
        paragraph = document.add_heading(level=level)
        _lines(paragraph, block.text)
    else:
        paragraph = document.add_paragraph()
        small = paper.point_size - (3 if block.kind != m.FOOTNOTE else 2)
        size = max(small, 8) if block.kind in _SMALL else None
        if block.label:
            _lines(paragraph, block.label, bold=True, size=size)
            paragraph.add_run(" ")
        if block.heading:
            _lines(paragraph, block.heading, bold=True, size=size)
            if block.body:
                paragraph.add_run(" ")
        if block.body:
            bold = block.kind in ("excerpt-heading", "excerpt-act")
            _lines(paragraph, block.body, bold=bold, size=size)
            if block.kind == "excerpt-edition":
                for run in paragraph.runs:
                    run.italic = True
        if block.kind in _SMALL:
            for run in paragraph.runs:
                run.font.color.rgb = RGBColor(0x44, 0x44, 0x44)
    fmt = paragraph.paragraph_format
    if block.kind in _CENTRED:
        fmt.alignment = WD_ALIGN_PARAGRAPH.CENTER
    elif block.kind in _RIGHT:
        fmt.alignment = WD_ALIGN_PARAGRAPH.RIGHT
    elif block.kind in _INDENTED and block.kind != "omission":
        fmt.alignment = WD_ALIGN_PARAGRAPH.JUSTIFY
    if block.kind in _INDENTED:
        fmt.first_line_indent = Cm(INDENT_CM)
    if block.kind == m.FOOTNOTE:
        fmt.left_indent = Cm(INDENT_CM)
    if block.kind == "excerpt-edition":
        fmt.space_after = Pt(14)
    if block.kind in ("excerpt-source", "excerpt-cert"):
        fmt.space_before = Pt(14)
    if block.keep:
        fmt.keep_with_next = True
        fmt.keep_together = True


def docx_document(excerpt: Excerpt):
    """The python-docx ``Document`` of ``excerpt``."""
    import docx

    document = docx.Document()
    paper = excerpt.paper
    _styles(document, paper)
    _page(document, paper)
    _footer(document, excerpt)
    properties = document.core_properties
    properties.title = excerpt.title
    properties.author = "gp-desktop"
    properties.language = "ru-RU"
    for block in excerpt.blocks:
        if block.kind == m.TABLE:
            _table(document, block)
        else:
            _paragraph(document, block, paper)
    return document


def write_docx_file(excerpt: Excerpt, path: str | Path) -> Path:
    """The excerpt as .docx at ``path``, atomically and checked (a zip Word can open)."""
    target = output_target(path)
    document = docx_document(excerpt)
    return write_rendered(target, lambda tmp: document.save(str(tmp)))
