"""The bundled act in the forms people have it: plain text, saved pages, a Word file.

Each rendition is made from resources/acts/ukaz-2017-563.md, paragraph by paragraph, the way
the form keeps a text: plain text as copied from the page into Notepad (with blank lines, one
line per paragraph, indented, with tabs and non-breaking spaces, in UTF-8 with a BOM or
UTF-16, CRLF), pages laid out as adilet.zan.kz lays them out (menus, banner, tabs, the act in
its container, a sidebar, a footer, scripts and styles; footnotes in red ``<span>``s, the
stamps broken by ``<br>``, character entities), and a .docx written with python-docx
(paragraphs, bold runs, line breaks, tables, heading styles). The import of every rendition
must give the corpus the Markdown gives. Used by tests and by benchmarks/build_bench.py.
"""

from __future__ import annotations

import html
import io
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SOURCE = ROOT / "resources" / "acts" / "ukaz-2017-563.md"


def act_blocks(source: Path = SOURCE):
    """The act's paragraphs as the Markdown reader sees them (tidied lines, flags)."""
    from gp_desktop.corpus.formats import text_blocks

    return text_blocks(source.read_text(encoding="utf-8"), ".md").blocks


# -- plain text -----------------------------------------------------------------------------
def _lines_of(block) -> list[str]:
    return list(block.lines)


def plain_blank_lines(blocks) -> str:
    """Paragraphs separated by blank lines, a paragraph's line breaks kept."""
    return "\n\n".join("\n".join(_lines_of(b)) for b in blocks) + "\n"


def plain_one_line_each(blocks) -> str:
    """No blank lines at all: every line of the page on a line of its own."""
    return "\n".join(line for b in blocks for line in _lines_of(b)) + "\n"


def plain_indented(blocks, indent: str = "    ") -> str:
    """Every paragraph's first line indented, its other lines at the margin, no blank lines."""
    out = []
    for b in blocks:
        lines = _lines_of(b)
        out.append(lines[0] if b.table_row else indent + lines[0])
        out.extend(lines[1:])
    return "\n".join(out) + "\n"


def plain_tabs_and_nbsp(blocks) -> str:
    """Indented with a tab, non-breaking spaces after «№» and inside the stamps."""
    text = plain_indented(blocks, indent="\t")
    out = []
    for line in text.split("\n"):
        if "\t" in line.lstrip("\t"):
            out.append(line)  # a table row: its tabs are cells
            continue
        line = line.replace("№ ", "№\u00a0").replace(" года", "\u00a0года")
        out.append(line.replace("  ", " \u00a0"))
    return "\n".join(out)


PLAIN_TEXTS: dict[str, Callable[[list], bytes]] = {
    "blank-lines-utf8": lambda b: plain_blank_lines(b).encode("utf-8"),
    "one-line-each-bom-crlf": lambda b: (
        b"\xef\xbb\xbf" + plain_one_line_each(b).replace("\n", "\r\n").encode("utf-8")
    ),
    "indented-utf16": lambda b: plain_indented(b).encode("utf-16"),
    "tabs-nbsp-utf16-crlf": lambda b: plain_tabs_and_nbsp(b).replace("\n", "\r\n").encode("utf-16"),
    "blank-lines-utf16le-no-bom": lambda b: plain_blank_lines(b).encode("utf-16-le"),
}


# -- a saved page ---------------------------------------------------------------------------
def _e(text: str) -> str:
    return html.escape(text, quote=True)


def act_html(blocks, footnotes_in_clause: bool = False) -> str:
    """The act's text as the site's container holds it."""
    out: list[str] = []
    k = 0
    while k < len(blocks):
        b = blocks[k]
        if b.table_row:
            rows = []
            while k < len(blocks) and blocks[k].table_row:
                cells = "".join(f"<td>{_e(c)}</td>" for c in blocks[k].text.split("\t"))
                rows.append(f"<tr>{cells}</tr>")
                k += 1
            out.append(
                '<table border="1" cellpadding="5"><tbody>' + "".join(rows) + "</tbody></table>"
            )
            continue
        lines = "<br>\n".join(_e(line) for line in b.lines)
        if b.text.startswith("Сноска."):
            note = f'<span class="note" style="color:#dc0000">{lines}</span>'
            if (
                footnotes_in_clause
                and out
                and out[-1].startswith("<p>")
                and out[-1].endswith("</p>")
            ):
                out[-1] = out[-1][: -len("</p>")] + f"<br>{note}</p>"
            else:
                out.append(f'<p class="note">{note}</p>')
        elif b.heading:
            out.append(f'<h3 style="text-align:center">{lines}</h3>')
        elif b.bold:
            out.append(f'<p style="text-align:center"><b>{lines}</b></p>')
        else:
            out.append(f"<p>&nbsp;&nbsp;&nbsp;&nbsp;&nbsp;{lines}</p>")
        k += 1
    return "\n".join(out)


_HEAD = """<!DOCTYPE html>
<html lang="ru"><head>
<meta charset="utf-8">
<title>О некоторых вопросах органов прокуратуры Республики Казахстан - ИПС "Әділет"</title>
<link rel="stylesheet" href="/css/main.css">
<style>.note{color:#dc0000} p{text-indent:2em}</style>
<script>window.dataLayer=[];var t="<p>Указ Президента Республики Казахстан от 1 января 2000 года № 1</p>";</script>
</head>
<body>
<div class="header">
 <div class="logo"><a href="/rus">Әділет</a></div>
 <div class="top-menu"><ul><li><a href="/rus">Главная</a></li><li><a href="/rus/search">Поиск</a></li>
 <li><a href="/rus/official">Официальное опубликование</a></li><li><a href="/kaz">ҚАЗ</a></li></ul></div>
 <form class="search"><input name="q" value="Поиск по тексту"><button>Найти</button></form>
</div>
<div class="banner">Информационно-правовая система нормативных правовых актов Республики Казахстан</div>
<nav class="breadcrumbs"><a href="/rus">Главная</a> / <a href="/rus/docs">Документы</a> / Указ № 563</nav>
"""
_TABS = """<ul class="nav nav-tabs" role="tablist"><li class="active"><a>Текст</a></li>
<li><a>Официальная публикация</a></li><li><a>Информация</a></li><li><a>История изменений</a></li>
<li><a>Ссылки</a></li><li><a>Скачать</a></li></ul>
<div class="doc-status">Обновленный</div>
"""
_SIDEBAR = """<div class="col-md-3 sidebar"><h4>Новые документы</h4><ul>
<li><a>О внесении изменений в некоторые указы Президента Республики Казахстан</a></li>
<li><a>Об утверждении Правил ведения единого реестра</a></li></ul></div>"""
_FOOT = """<footer class="footer"><p>© 2025 РГП на ПХВ «Институт законодательства и правовой
информации Республики Казахстан» Министерства юстиции Республики Казахстан</p>
<p>Тел.: 8 (7172) 58-00-58</p></footer>
<div id="cookie-notice" style="display:none">Сайт использует cookies. <button>Понятно</button></div>
<script src="/js/app.js"></script><script>document.querySelectorAll('p').forEach(function(p){});</script>
</body></html>
"""


def page_full(blocks) -> str:
    """«Веб-страница полностью»: the whole page around the act."""
    return (
        _HEAD
        + '<div class="container"><div class="row"><div class="col-md-9">'
        + _TABS
        + '<div class="container_gamma text text_upd"><article>\n'
        + act_html(blocks)
        + "\n</article></div></div>"
        + _SIDEBAR
        + "</div></div>\n"
        + _FOOT
    )


def page_html_only(blocks) -> str:
    """The act's container alone, as «только HTML» of a page that has the text in its source."""
    return '<div class="text">\n' + act_html(blocks, footnotes_in_clause=True) + "\n</div>\n"


def page_among_others(blocks) -> str:
    """The act in one div among others: another document's text sits beside it."""
    other = "".join(
        f"<p>{k}. Другой документ, показанный рядом: его текст не относится к акту.</p>"
        for k in range(1, 60)
    )
    return (
        _HEAD
        + '<main><div class="documents"><div class="doc-other">'
        + other
        + '</div><div id="document" class="doc">'
        + act_html(blocks, footnotes_in_clause=True)
        + "</div></div></main>"
        + _FOOT
    )


def page_title_above_tabs(blocks) -> str:
    """The title and «Указ Президента … № 563.» above the tabs and a status badge, the text
    itself below them in its container."""
    title, act_line, rest = blocks[0], blocks[1], blocks[2:]
    return (
        _HEAD
        + '<div class="container"><div class="col-md-9">'
        + f"<h1>{_e(title.text)}</h1>\n<div class='doc-info'>{_e(act_line.text)}</div>\n"
        + '<div class="status">Обновленный</div>'
        + _TABS
        + '<div class="container_gamma text text_upd"><article>\n'
        + act_html(rest)
        + "\n</article></div></div></div>\n"
        + _FOOT
    )


def page_parts_in_sections(blocks) -> str:
    """Each part of the act (from one approval stamp to the next) in a <section> of its own,
    so that the Положение's section alone holds most of the text."""
    sections: list[list] = [[]]
    for b in blocks:
        if b.text.startswith("УТВЕРЖДЕН") and sections[-1]:
            sections.append([])
        sections[-1].append(b)
    body = "\n".join(f'<section class="part">{act_html(part)}</section>' for part in sections)
    return (
        _HEAD
        + '<div class="container"><div class="col-md-9">'
        + _TABS
        + f'<div class="text"><article>{body}</article></div></div>{_SIDEBAR}</div>'
        + _FOOT
    )


def page_loaded_by_script() -> str:
    """«Только HTML» of a page whose text the site loads by script: no act in it."""
    return (
        _HEAD
        + '<div class="container"><div class="col-md-9">'
        + _TABS
        + '<div id="doc-text" class="container_gamma text"><div class="loader">Загрузка…</div></div>'
        + "</div></div>"
        + _FOOT
    )


PAGES: dict[str, Callable[[list], bytes]] = {
    "full-page": lambda b: page_full(b).encode("utf-8"),
    "html-only": lambda b: page_html_only(b).encode("utf-8"),
    "among-others": lambda b: page_among_others(b).encode("utf-8"),
    "full-page-crlf": lambda b: page_full(b).replace("\n", "\r\n").encode("utf-8"),
    "title-above-tabs": lambda b: page_title_above_tabs(b).encode("utf-8"),
    "parts-in-sections": lambda b: page_parts_in_sections(b).encode("utf-8"),
}


# -- a Word file ----------------------------------------------------------------------------
def _numbered_by_word(document):
    """A list whose level 0 Word draws as «1.», «2.» …; returns a function that puts a
    paragraph in it."""
    from docx.oxml import parse_xml
    from docx.oxml.ns import nsdecls

    numbering = document.part.numbering_part.element
    numbering.insert(
        0,
        parse_xml(
            f'<w:abstractNum {nsdecls("w")} w:abstractNumId="90"><w:lvl w:ilvl="0">'
            '<w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%1."/>'
            '<w:lvlJc w:val="left"/></w:lvl></w:abstractNum>'
        ),
    )
    numbering.append(
        parse_xml(f'<w:num {nsdecls("w")} w:numId="90"><w:abstractNumId w:val="90"/></w:num>')
    )

    def number(paragraph) -> None:
        numpr = paragraph._p.get_or_add_pPr().get_or_add_numPr()
        numpr.get_or_add_ilvl().val = 0
        numpr.get_or_add_numId().val = 90

    return number


def word_file(blocks, headings: bool = True, numbered_clauses: bool = False) -> bytes:
    """A .docx: a paragraph per block, its lines broken by line breaks, bold runs, tables.

    With ``numbered_clauses`` the Положение's clause numbers are Word's own list numbering,
    not typed: the paragraph holds the text after «14. ».
    """
    import re

    import docx

    document = docx.Document()
    number = _numbered_by_word(document) if numbered_clauses else None
    in_polozhenie = False
    k = 0
    while k < len(blocks):
        b = blocks[k]
        if b.table_row:
            rows = []
            while k < len(blocks) and blocks[k].table_row:
                rows.append(blocks[k].text.split("\t"))
                k += 1
            table = document.add_table(rows=len(rows), cols=max(len(r) for r in rows))
            for r, cells in enumerate(rows):
                for c, text in enumerate(cells):
                    table.cell(r, c).text = text
            continue
        if b.text.startswith("ПОЛОЖЕНИЕ о "):
            in_polozhenie = True
        elif b.text.startswith("Перечень государственных учреждений"):
            in_polozhenie = False
        if headings and b.heading:
            paragraph = document.add_paragraph(style="Heading 2")
        else:
            paragraph = document.add_paragraph()
        lines = list(b.lines)
        clause = re.match(r"\d+\. ", lines[0])
        if number is not None and in_polozhenie and clause:
            number(paragraph)
            lines[0] = lines[0][clause.end() :]
        for n, line in enumerate(lines):
            run = paragraph.add_run(line)
            run.bold = b.bold or None
            if n < len(lines) - 1:
                run.add_break()
        k += 1
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


WORD_FILES: dict[str, Callable[[list], bytes]] = {
    "styled": lambda b: word_file(b),
    "plain-paragraphs": lambda b: word_file(b, headings=False),
    "numbered-clauses": lambda b: word_file(b, numbered_clauses=True),
}

SUFFIXES = {"plain": ".txt", "page": ".html", "word": ".docx"}
ALL: dict[str, tuple[str, Callable[[list], bytes]]] = {
    **{f"plain-{k}": (".txt", f) for k, f in PLAIN_TEXTS.items()},
    **{f"page-{k}": (".html", f) for k, f in PAGES.items()},
    **{f"word-{k}": (".docx", f) for k, f in WORD_FILES.items()},
}
