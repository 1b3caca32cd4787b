"""The act from the text people have: plain text, a saved page, a Word file give the bundled corpus.

Renditions of resources/acts/ukaz-2017-563.md in each form (tests/renditions.py) are imported
and compared with the Markdown import: same node ids, kinds, labels, headings, text, footnotes,
amendment links and institutions; one of each format also as a corpus file, table by table,
against the committed corpus.sqlite. Files that are not the act, or that would hang or swamp
the importer, get one clear line.
"""

from __future__ import annotations

import io
import os
import re
import sqlite3
import time
import zipfile

import edition_facts as facts
import pytest
import renditions
from conftest import CORPUS, SOURCE, run_cli

from gp_desktop.corpus.blocks import Block
from gp_desktop.corpus.errors import SourceError
from gp_desktop.corpus.formats import FORMAT_NAMES
from gp_desktop.corpus.parser import parse_act
from gp_desktop.corpus.source import read_source

TEXT = SOURCE.read_text(encoding="utf-8")
FORMAT_OF = {".txt": "plain_text", ".html": "html_page", ".docx": "docx"}


@pytest.fixture(scope="module")
def blocks() -> list[Block]:
    return renditions.act_blocks()


@pytest.fixture(scope="module")
def reference():
    return parse_act(TEXT)


def meaning(parsed):
    """Everything the corpus says about the act; not where in the file it stood."""
    nodes = [
        (n.id, n.parent_id, n.position, n.seq, n.kind, n.label, n.heading, n.text, n.title)
        for n in parsed.nodes
    ]
    return nodes, parsed.amendments, parsed.node_amendments, parsed.institutions, parsed.act


def imported(path):
    source = read_source(path)
    return source, parse_act(source.text, source=source.blocks)


def assert_same_act(parsed, reference) -> None:
    got, want = meaning(parsed), meaning(reference)
    for k, (g, w) in enumerate(zip(got[0], want[0], strict=False)):
        assert g == w, f"node {k}: {g[:1]} differs"
    assert len(got[0]) == len(want[0])
    assert got[1:] == want[1:]


@pytest.mark.parametrize("name", sorted(renditions.ALL))
def test_every_rendition_gives_the_markdown_corpus(tmp_path, blocks, reference, name):
    suffix, make = renditions.ALL[name]
    path = tmp_path / f"act{suffix}"
    path.write_bytes(make(blocks))
    source, parsed = imported(path)
    assert source.format == FORMAT_OF[suffix]
    assert_same_act(parsed, reference)
    assert len(parsed.nodes) == facts.NODE_COUNT
    # The misplaced footnote is reported in every form, at its place in that file.
    assert any("сноска говорит о пункте" in w for w in parsed.warnings)


@pytest.mark.parametrize("name", sorted(renditions.ALL))
def test_the_format_is_recognised_by_content_whatever_the_name(tmp_path, blocks, reference, name):
    suffix, make = renditions.ALL[name]
    path = tmp_path / "act-without-extension"
    path.write_bytes(make(blocks))
    source, parsed = imported(path)
    assert source.format == FORMAT_OF[suffix]
    assert_same_act(parsed, reference)


def _tables(path) -> dict[str, list]:
    conn = sqlite3.connect(path)
    try:
        out = {}
        for table in ("acts", "nodes", "amendments", "node_amendments", "institutions"):
            columns = [
                r[1] for r in conn.execute(f"PRAGMA table_info({table})") if r[1] != "source_line"
            ]
            rows = conn.execute(f"SELECT {', '.join(columns)} FROM {table}").fetchall()
            out[table] = sorted(rows, key=repr)
        return out
    finally:
        conn.close()


@pytest.mark.parametrize("name", ["plain-one-line-each-bom-crlf", "page-full-page", "word-styled"])
def test_a_corpus_file_from_each_format_equals_the_bundled_one_table_by_table(
    tmp_path, blocks, name
):
    suffix, make = renditions.ALL[name]
    source = tmp_path / f"act{suffix}"
    source.write_bytes(make(blocks))
    out = tmp_path / "corpus.sqlite"
    result = run_cli("build-corpus", str(source), "-o", str(out))
    assert result.returncode == 0, result.stderr
    assert f"{facts.NODE_COUNT} узлов" in result.stderr
    assert f"исходный текст: {FORMAT_NAMES[FORMAT_OF[suffix]]}" in result.stderr
    mine, bundled = _tables(out), _tables(CORPUS)
    for table in bundled:
        assert mine[table] == bundled[table], table


# -- layouts the renditions above do not make ------------------------------------------------
def test_plain_text_with_every_line_indented_and_no_blank_lines(tmp_path, blocks, reference):
    text = "\n".join("\t" + line for b in blocks for line in b.lines)
    path = tmp_path / "act.txt"
    path.write_text(text, encoding="utf-8")
    assert_same_act(imported(path)[1], reference)


def test_a_copied_text_saved_as_md_is_read_as_the_plain_text_it_is(tmp_path, blocks, reference):
    path = tmp_path / "act.md"
    path.write_text(renditions.plain_blank_lines(blocks), encoding="utf-8")
    source, parsed = imported(path)
    assert source.format == "plain_text"
    assert_same_act(parsed, reference)


def test_a_site_menu_copied_above_the_title_is_left_out_and_reported(tmp_path, blocks, reference):
    menu = "Главная\nПоиск\nОфициальное опубликование\nҚАЗ   РУС\n"
    path = tmp_path / "act.txt"
    path.write_text(menu + renditions.plain_one_line_each(blocks), encoding="utf-8")
    parsed = imported(path)[1]
    assert_same_act(parsed, reference)
    assert any(w.startswith("строка 1 («Главная»): 4 абзац") for w in parsed.warnings)


def test_a_page_of_divs_with_inline_footnotes_in_windows_1251(tmp_path, blocks, reference):
    """Paragraphs as <div>, headings as <strong>, footnotes in a <span> of their clause's
    paragraph without a break, Kazakh letters as character references in a cp1251 page."""
    parts = []
    for b in blocks:
        if b.table_row:
            cells = "".join(f"<th>{c}</th>" for c in b.text.split("\t"))
            parts.append(f"<table><tr>{cells}</tr></table>")
            continue
        body = "<br/>".join(b.lines).replace('"', "&quot;")
        if b.text.startswith("Сноска.") and parts and parts[-1].startswith("<div>"):
            parts[-1] = parts[-1][: -len("</div>")] + f' <span class="note">{body}</span></div>'
        elif b.bold or b.heading:
            parts.append(f"<div><strong>{body}</strong></div>")
        else:
            parts.append(f"<div>{body}</div>")
    page = (
        '<html><head><meta http-equiv="Content-Type" content="text/html; charset=windows-1251">'
        '</head><body><div id="menu"><a>Главная</a> <a>Поиск</a></div><div class="content">'
        + "\n".join(parts)
        + "</div><div class='footer'>© Әділет</div></body></html>"
    )
    encoded = page.encode("cp1251", errors="xmlcharrefreplace")
    path = tmp_path / "act.htm"
    path.write_bytes(encoded)
    source, parsed = imported(path)
    assert source.format == "html_page"
    assert_same_act(parsed, reference)


def test_a_page_laid_out_in_a_table_with_a_column_of_links(tmp_path, blocks, reference):
    links = "".join(f"<p><a href='/d/{k}'>Документ {k}</a></p>" for k in range(40))
    page = (
        "<html><body><table width='100%'><tr><td width='20%'>"
        + links
        + "</td><td>"
        + renditions.act_html(blocks)
        + "</td></tr></table><div><p>Все права защищены, 2025.</p></div></body></html>"
    )
    path = tmp_path / "act.html"
    path.write_text(page, encoding="utf-8")
    assert_same_act(imported(path)[1], reference)


def test_a_word_file_with_each_stamp_line_a_paragraph_of_its_own(tmp_path, blocks, reference):
    split = [
        Block(line=b.line, lines=(line,), bold=b.bold)
        if b.text.startswith(("УТВЕРЖДЕН", "Президент\n"))
        else b
        for b in blocks
        for line in (b.lines if b.text.startswith(("УТВЕРЖДЕН", "Президент\n")) else b.lines[:1])
    ]
    path = tmp_path / "act.docx"
    path.write_bytes(renditions.word_file(split))
    assert_same_act(imported(path)[1], reference)


def test_a_word_file_whose_text_sits_in_a_content_control(tmp_path, blocks, reference):
    import docx
    from docx.oxml import parse_xml
    from docx.oxml.ns import nsdecls, qn

    document = docx.Document(io.BytesIO(renditions.word_file(blocks)))
    body = document.element.body
    sdt = parse_xml(f"<w:sdt {nsdecls('w')}><w:sdtPr/><w:sdtContent/></w:sdt>")
    content = sdt.find(qn("w:sdtContent"))
    for child in list(body):
        if child.tag != qn("w:sectPr"):
            content.append(child)
    body.insert(0, sdt)
    out = io.BytesIO()
    document.save(out)
    path = tmp_path / "act.docx"
    path.write_bytes(out.getvalue())
    assert_same_act(imported(path)[1], reference)


# -- what is not the act, clearly said -----------------------------------------------------
def _one_line(exc: SourceError) -> str:
    message = str(exc)
    assert message and "\n" not in message and "Traceback" not in message
    return message


def test_a_page_whose_text_the_site_loads_by_script_says_so_and_what_to_do(tmp_path):
    path = tmp_path / "act.html"
    path.write_text(renditions.page_loaded_by_script(), encoding="utf-8")
    with pytest.raises(SourceError) as caught:
        imported(path)
    message = _one_line(caught.value)
    assert "сценарием" in message and "веб-страница полностью" in message and "Блокнот" in message


def _docx_without(data: bytes, member: str) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as src, zipfile.ZipFile(out, "w") as dst:
        for item in src.infolist():
            if item.filename != member:
                dst.writestr(item, src.read(item.filename))
    return out.getvalue()


def _docx_with_broken_xml(data: bytes) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as src, zipfile.ZipFile(out, "w") as dst:
        for item in src.infolist():
            body = src.read(item.filename)
            dst.writestr(
                item, body[: len(body) // 2] if item.filename == "word/document.xml" else body
            )
    return out.getvalue()


@pytest.mark.parametrize(
    "name, content, fragment",
    [
        ("act.pdf", b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj", "PDF"),
        ("act.doc", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 600, ".doc"),
        ("act.rtf", b"{\\rtf1\\ansi\\deff0 {\\fonttbl}", "RTF"),
        ("act.docx", "Указ Президента".encode(), "не файл Word"),
        ("act.zip", "zip", "архив ZIP"),
        ("act.odt", "odt", "OpenDocument"),
        ("act.docx", "truncated", "повреждён"),
        ("act.docx", "no-document", "повреждён"),
        ("act.docx", "broken-xml", "повреждён"),
        ("corpus.sqlite", "sqlite", "файл корпуса"),
        (
            "act.mht",
            b"MIME-Version: 1.0\r\nContent-Type: multipart/related; boundary=x\r\n\r\n--x",
            "MHTML",
        ),
        (
            "act.html",
            b"<html><body><p>\xd0\x9f\xd1\x80\xd0\xb8\xd0\xb2\xd0\xb5\xd1\x82</p>" * 30,
            "не найдена строка",
        ),
        ("act.txt", "Просто заметка о погоде.\n\nНичего больше.\n".encode(), "не текст Указа"),
    ],
)
def test_foreign_and_damaged_files_of_each_format_get_one_clear_line(
    tmp_path, blocks, name, content, fragment
):
    word = renditions.word_file(blocks)
    made = {
        "zip": lambda: _zip({"readme.txt": "hello"}),
        "odt": lambda: _zip({"content.xml": "<office/>", "mimetype": "x"}),
        "truncated": lambda: word[: len(word) // 2],
        "no-document": lambda: _docx_without(word, "word/document.xml"),
        "broken-xml": lambda: _docx_with_broken_xml(word),
        "sqlite": lambda: CORPUS.read_bytes(),
    }
    data = made[content]() if isinstance(content, str) else content
    path = tmp_path / name
    path.write_bytes(data)
    with pytest.raises(SourceError) as caught:
        imported(path)
    assert fragment in _one_line(caught.value)


def _zip(members: dict[str, str]) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as archive:
        for member, body in members.items():
            archive.writestr(member, body)
    return out.getvalue()


# -- bounds: nothing hangs, nothing swamps memory --------------------------------------------
@pytest.mark.parametrize(
    "damage, fragment",
    [
        (lambda t: t.replace("Генеральная прокуратура", "Ж" * 1_500, 1), "«слово» длиннее 1000"),
        (
            lambda t: t.replace(
                "\n\n2. Генеральная", " " + "слово " * 20_000 + "\n\n2. Генеральная", 1
            ),
            "строка в",
        ),
    ],
)
def test_a_word_or_paragraph_no_act_has_is_refused_with_its_place(tmp_path, damage, fragment):
    path = tmp_path / "act.md"
    path.write_text(damage(TEXT), encoding="utf-8")
    with pytest.raises(SourceError) as caught:
        imported(path)
    message = _one_line(caught.value)
    assert fragment in message and re.search(r"строка \d+ \(«", message)
    assert len(message) < 400  # the place is named, the content is not echoed


def test_a_page_paragraph_no_act_has_is_refused_with_its_place(tmp_path, blocks):
    page = renditions.page_full(blocks).replace(
        "<p>&nbsp;&nbsp;&nbsp;&nbsp;&nbsp;2. ", "<p>" + "слово<br>" * 25_000 + "2. ", 1
    )
    path = tmp_path / "act.html"
    path.write_text(page, encoding="utf-8")
    started = time.monotonic()
    with pytest.raises(SourceError) as caught:
        imported(path)
    message = _one_line(caught.value)
    assert "абзац в" in message and re.search(r"абзац \d+ \(«слово слово", message)
    assert time.monotonic() - started < 10


def test_a_huge_file_a_device_and_a_fifo_are_refused_at_once(tmp_path):
    huge = tmp_path / "huge.txt"
    with open(huge, "wb") as fh:
        fh.truncate(40 * 1024 * 1024)
    fifo = tmp_path / "pipe.md"
    os.mkfifo(fifo)
    for path, fragment in (
        (huge, "слишком велик"),
        ("/dev/zero", "не обычный файл"),
        (fifo, "не обычный файл"),
    ):
        started = time.monotonic()
        with pytest.raises(SourceError) as caught:
            read_source(path)
        assert fragment in _one_line(caught.value)
        assert time.monotonic() - started < 2


def test_build_corpus_refuses_dev_zero_in_one_line_without_hanging(tmp_path):
    result = run_cli("build-corpus", "/dev/zero", "-o", str(tmp_path / "c.sqlite"))
    assert result.returncode != 0
    assert "не обычный файл" in result.stderr and len(result.stderr.strip().splitlines()) == 1
    assert not (tmp_path / "c.sqlite").exists()


# -- mis-imports that used to pass -------------------------------------------------------------
def test_utf16_with_bom_and_crlf_gives_the_same_corpus(tmp_path, reference):
    path = tmp_path / "act.md"
    path.write_bytes(TEXT.replace("\n", "\r\n").encode("utf-16"))
    parsed = imported(path)[1]
    assert len(parsed.nodes) == facts.NODE_COUNT
    assert_same_act(parsed, reference)


@pytest.mark.parametrize("name", ["markdown", "plain-blank-lines-utf8", "page-html-only"])
def test_the_act_pasted_twice_is_refused(tmp_path, blocks, name):
    if name == "markdown":
        data, suffix = (TEXT + "\n\n" + TEXT).encode(), ".md"
    else:
        suffix, make = renditions.ALL[name]
        once = make(blocks)
        data = once + b"\n" + once
    path = tmp_path / f"act{suffix}"
    path.write_bytes(data)
    with pytest.raises(SourceError) as caught:
        imported(path)
    assert "повторён" in _one_line(caught.value)


def test_a_cut_text_is_refused_with_the_place_not_a_guess(tmp_path):
    path = tmp_path / "act.md"
    path.write_text(TEXT[: TEXT.index("УТВЕРЖДЕНЫ\n")], encoding="utf-8")
    with pytest.raises(SourceError) as caught:
        imported(path)
    message = _one_line(caught.value)
    assert "обрезан?" not in message and "нет части" in message
    assert re.search(r"строка \d+ \(«", message)


# -- markup a conversion left, and `check` ----------------------------------------------------
def test_conversion_markup_is_removed_and_reported_at_its_place(reference):
    lines = TEXT.split("\n")
    reported = [w for w in reference.warnings if "убрана разметка" in w]
    marks = {re.search(r"разметка «(.+?)»", w).group(1) for w in reported}
    assert {"<p>", ">"} <= marks
    for warning in reported:
        number = int(re.match(r"строка (\d+)", warning).group(1))
        mark = re.search(r"разметка «(.+?)»", warning).group(1)
        assert mark in lines[number - 1], warning
    texts = [n.text for n in reference.nodes]
    assert not any(re.search(r"</?p>|\w>", t) for t in texts)


def test_check_prints_every_import_warning_in_full(reference):
    result = run_cli("check")
    assert result.returncode == 0, result.stderr
    printed = [
        line.removeprefix("предупреждение импорта: ")
        for line in result.stdout.splitlines()
        if line.startswith("предупреждение импорта: ")
    ]
    assert printed == reference.warnings and printed
