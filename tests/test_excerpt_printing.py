"""Excerpts on paper: the PDF read back with poppler, the ODT package, preview and print dialog."""

from __future__ import annotations

import re
import subprocess
import time
import xml.etree.ElementTree as ET
import zipfile
from pathlib import Path

import pytest
from conftest import corpus_copy, pdf_text, when_shown
from PySide6.QtPrintSupport import QPrintDialog, QPrintPreviewDialog, QPrintPreviewWidget

from gp_desktop.corpus.reader import Corpus
from gp_desktop.excerpt import Excerpt, ExcerptError, compose_excerpt
from gp_desktop.ui.excerpt import printing

pytestmark = pytest.mark.usefixtures("qapp")


def words(text: str) -> list[str]:
    """Words of a text, with compounds rejoined where a line broke after their hyphen."""
    return re.sub(r"(\w)-\s+(?=\w)", r"\1-", text).split()


def pdf_pages(path: Path) -> list[str]:
    return [page for page in pdf_text(path).split("\f") if page.strip()]


def pdf_body_words(path: Path, excerpt: Excerpt) -> list[str]:
    """The words of every page without its footer, checking each page's footer on the way."""
    pages = pdf_pages(path)
    body: list[str] = []
    for number, page in enumerate(pages, 1):
        page_words = words(page)
        name, count = excerpt.page_footer(number, len(pages))
        footer = f"{name} {count}".split()
        assert page_words[-len(footer) :] == footer, f"page {number}: {page_words[-12:]}"
        body.extend(page_words[: -len(footer)])
    return body


def test_whole_polozhenie_to_pdf_has_the_excerpts_words(corpus, tmp_path, record_property):
    started = time.perf_counter()
    ex = compose_excerpt(corpus, ["polozhenie", "perechen-uchrezhdeniy/gr-1/pp-23"])
    out = printing.write_pdf(ex, tmp_path / "polozhenie.pdf")
    seconds = time.perf_counter() - started
    record_property("polozhenie_pdf_seconds", round(seconds, 3))
    print(f"whole Положение + one item to PDF: {seconds:.3f} s")
    assert out == tmp_path / "polozhenie.pdf"
    body = pdf_body_words(out, ex)
    assert body == words(ex.text)
    assert '"Прокуратура' in body and 'Ұлытау";' in body
    assert len(pdf_pages(out)) > 10


def test_pdf_embeds_fonts_with_cyrillic_and_kazakh(corpus, tmp_path):
    ex = compose_excerpt(corpus, ["19.8", "perechen-uchrezhdeniy/gr-1/pp-23"])
    out = printing.write_pdf(ex, tmp_path / "x.pdf")
    listing = subprocess.run(
        ["pdffonts", str(out)], capture_output=True, text=True, check=True
    ).stdout
    rows = [line.split() for line in listing.splitlines()[2:] if line.strip()]
    assert rows, listing
    for row in rows:
        # name type… encoding emb sub uni object-id generation
        emb, _sub, uni = row[-5], row[-4], row[-3]
        assert (emb, uni) == ("yes", "yes"), listing
    # The bundled serif (resources/fonts), standing in for Times New Roman, is embedded.
    assert any(row[0].split("+")[-1] == "LiberationSerif" for row in rows), listing
    assert "Type 3" not in listing
    info = subprocess.run(["pdfinfo", str(out)], capture_output=True, text=True).stdout
    assert f"Title:           {ex.title}" in info
    assert "Page size:       595 x 842 pts (A4)" in info


def test_page_breaks_repeat_no_line(corpus, tmp_path):
    """A paragraph split by a page break is on the page once: nothing hidden is drawn twice."""
    ex = compose_excerpt(corpus, ["глава 2", "глава 3"], footnotes=False)
    out = printing.write_pdf(ex, tmp_path / "chapters.pdf")
    pages = pdf_pages(out)
    assert len(pages) > 5
    assert pdf_body_words(out, ex) == words(ex.text)


def odt_paragraphs(content: bytes) -> list[str]:
    ns = {"text": "urn:oasis:names:tc:opendocument:xmlns:text:1.0"}
    s_tag, tab_tag, br_tag = (f"{{{ns['text']}}}{t}" for t in ("s", "tab", "line-break"))

    def flatten(element: ET.Element) -> str:
        parts = [element.text or ""]
        for child in element:
            if child.tag == s_tag:
                parts.append(" " * int(child.get(f"{{{ns['text']}}}c", "1")))
            elif child.tag in (tab_tag, br_tag):
                parts.append(" ")
            else:
                parts.append(flatten(child))
            parts.append(child.tail or "")
        return "".join(parts)

    root = ET.fromstring(content)
    return [
        flatten(p) for p in root.iter() if p.tag in (f"{{{ns['text']}}}p", f"{{{ns['text']}}}h")
    ]


def test_odt_is_a_valid_package_with_the_text_and_footer(corpus, tmp_path):
    ex = compose_excerpt(corpus, ["19.8", "19.9", "21", "perechen-uchrezhdeniy/gr-1/pp-23"])
    out = printing.write_odt(ex, tmp_path / "x.odt")
    with zipfile.ZipFile(out) as package:
        assert package.testzip() is None
        first = package.infolist()[0]
        assert first.filename == "mimetype" and first.compress_type == zipfile.ZIP_STORED
        assert package.read("mimetype") == b"application/vnd.oasis.opendocument.text"
        names = set(package.namelist())
        assert {"content.xml", "styles.xml", "META-INF/manifest.xml"} <= names
        paragraphs = odt_paragraphs(package.read("content.xml"))
        styles = package.read("styles.xml").decode("utf-8")
        manifest = package.read("META-INF/manifest.xml").decode("utf-8")
    assert words(" ".join(paragraphs)) == words(ex.text)
    assert 'Ұлытау";' in " ".join(paragraphs)
    ET.fromstring(styles)
    assert ex.footer in styles and "<text:page-number" in styles and "<text:page-count/>" in styles
    assert 'manifest:full-path="styles.xml"' in manifest


def test_failed_writes_leave_the_old_file_and_no_temp(corpus, tmp_path, monkeypatch):
    ex = compose_excerpt(corpus, ["19.8"])
    target = tmp_path / "keep.pdf"
    target.write_bytes(b"old")

    def broken(device, excerpt):
        raise ExcerptError("не удалось начать печать выписки (устройство недоступно)")

    monkeypatch.setattr(printing, "paint_excerpt", broken)
    with pytest.raises(ExcerptError, match="устройство недоступно"):
        printing.write_pdf(ex, target)
    monkeypatch.undo()
    odt = tmp_path / "keep.odt"
    odt.write_bytes(b"old")

    def no_space(*args, **kwargs):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(printing, "add_page_style", no_space)
    with pytest.raises(ExcerptError, match=r"keep\.odt: не удалось записать"):
        printing.write_odt(ex, odt)
    assert target.read_bytes() == b"old" and odt.read_bytes() == b"old"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["keep.odt", "keep.pdf"]


def test_unwritable_targets(corpus, tmp_path):
    ex = compose_excerpt(corpus, ["19.8"])
    with pytest.raises(ExcerptError, match="нет такой папки"):
        printing.write_pdf(ex, tmp_path / "missing" / "x.pdf")
    with pytest.raises(ExcerptError, match="это папка"):
        printing.write_odt(ex, tmp_path)
    (tmp_path / "file").write_text("x")
    with pytest.raises(ExcerptError, match="это файл, а не папка"):
        printing.write_pdf(ex, tmp_path / "file" / "x.pdf")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["file"]


def test_tag_like_text_is_shown_not_interpreted(tmp_path):
    path = corpus_copy(
        tmp_path,
        (
            "UPDATE nodes SET text = ? WHERE id = 'polozhenie/p-21'",
            ("Текст <script>alert(1)</script> <b>не жирный</b> «Ә»",),
        ),
        name="tagged.sqlite",
    )
    ex = compose_excerpt(Corpus(path), ["21"])
    plain = printing.excerpt_document(ex).toPlainText()
    assert "21. Текст <script>alert(1)</script> <b>не жирный</b> «Ә»" in plain
    out = printing.write_pdf(ex, tmp_path / "tagged.pdf")
    assert pdf_body_words(out, ex) == words(ex.text)


def test_preview_shows_the_pages_of_the_pdf(corpus, tmp_path):
    ex = compose_excerpt(corpus, ["глава 3"])
    pdf_count = len(pdf_pages(printing.write_pdf(ex, tmp_path / "x.pdf")))

    def count_and_close(dialog):
        preview = dialog.findChild(QPrintPreviewWidget)
        pages = preview.pageCount()
        dialog.reject()
        return pages

    seen = when_shown(QPrintPreviewDialog, count_and_close)
    printed = printing.preview_excerpt(None, ex, printer=printing.make_printer())
    assert printed is False
    assert seen["result"] == pdf_count > 1


def test_print_dialog_prints_to_the_chosen_printer(corpus, tmp_path):
    ex = compose_excerpt(corpus, ["19.8", "19.9"])
    printer = printing.make_printer()
    target = tmp_path / "printed.pdf"
    printer.setOutputFileName(str(target))

    def accept(dialog):
        pages = (dialog.minPage(), dialog.maxPage())
        dialog.accept()
        return pages

    seen = when_shown(QPrintDialog, accept)
    assert printing.print_excerpt(None, ex, printer=printer) is True
    assert pdf_body_words(target, ex) == words(ex.text)
    # The dialog offered exactly the pages there are to choose from.
    assert seen["result"] == (1, len(pdf_pages(target)))


def test_cancelled_print_prints_nothing(corpus, tmp_path):
    ex = compose_excerpt(corpus, ["19.8"])
    printer = printing.make_printer()
    target = tmp_path / "cancelled.pdf"
    printer.setOutputFileName(str(target))
    when_shown(QPrintDialog, lambda dialog: dialog.reject())
    assert printing.print_excerpt(None, ex, printer=printer) is False
    assert not target.exists()


def test_the_excerpt_benchmark_runs():
    """The benchmark is run by hand and by benchmarks/run.py; here only that it still works."""
    import importlib.util

    from conftest import ROOT

    spec = importlib.util.spec_from_file_location(
        "excerpt_bench", ROOT / "benchmarks" / "excerpt_bench.py"
    )
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    result = module.bench_excerpt(quick=True)
    assert result["pages"] > 10
    assert result["ours_seconds"] > 0 and result["baseline_seconds"] > 0
    ratio = result["ours_seconds"] / result["baseline_seconds"]
    assert abs(result["ratio"] - ratio) <= 0.01


def test_save_excerpt_by_extension(corpus, tmp_path):
    ex = compose_excerpt(corpus, ["19.8"])
    assert printing.save_excerpt(ex, tmp_path / "a.txt").read_text(encoding="utf-8") == ex.text
    assert printing.save_excerpt(ex, tmp_path / "a.HTML").read_text(encoding="utf-8") == ex.html
    assert printing.save_excerpt(ex, tmp_path / "a.pdf").read_bytes().startswith(b"%PDF-")
    assert zipfile.is_zipfile(printing.save_excerpt(ex, tmp_path / "a.odt"))
    assert zipfile.is_zipfile(printing.save_excerpt(ex, tmp_path / "a.docx"))
    with pytest.raises(ExcerptError, match="неизвестный формат"):
        printing.save_excerpt(ex, tmp_path / "a.rtf")
    assert sorted(p.name for p in tmp_path.iterdir()) == [
        "a.HTML",
        "a.docx",
        "a.odt",
        "a.pdf",
        "a.txt",
    ]


MM = 72 / 25.4
"""PDF points in a millimetre."""


def word_boxes(path: Path) -> list[tuple[int, float, float, float, float, str]]:
    """(page, xMin, yMin, xMax, yMax, word) of every word, from ``pdftotext -bbox``."""
    out = subprocess.run(
        ["pdftotext", "-bbox", str(path), "-"], capture_output=True, text=True, check=True
    ).stdout
    boxes, page = [], 0
    for line in out.splitlines():
        if "<page " in line:
            page += 1
        found = re.search(
            r'xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)<', line
        )
        if found:
            boxes.append((page, *map(float, found.groups()[:4]), found[5]))
    return boxes


def test_official_margins_measured_in_the_pdf(corpus, tmp_path):
    """Left 30 mm (85 pt) for filing, right 15 mm, top 20 mm; A4; the body 14 pt."""
    ex = compose_excerpt(corpus, ["глава 3"])
    out = printing.write_pdf(ex, tmp_path / "m.pdf")
    boxes = word_boxes(out)
    left = min(b[1] for b in boxes)
    right = 595.28 - max(b[3] for b in boxes)
    top = min(b[2] for b in boxes)
    assert abs(left - 30 * MM) < 0.5, left  # 85.04 pt
    assert 14.5 * MM < right < 15.5 * MM, right  # justified lines reach the right margin
    assert 19 * MM < top < 22 * MM, top
    # Times New Roman 14: a line of body text is about 16 pt high (ascent and descent).
    heights = sorted(b[4] - b[2] for b in boxes)
    assert 15 < heights[len(heights) // 2] < 17.5


def test_margins_and_font_follow_the_paper(corpus, tmp_path):
    from gp_desktop.excerpt.paper import Paper

    paper = Paper("Liberation Serif", 12, (25, 20, 10, 20))
    ex = compose_excerpt(corpus, ["19"], paper=paper)
    out = printing.write_pdf(ex, tmp_path / "p.pdf")
    boxes = word_boxes(out)
    assert abs(min(b[1] for b in boxes) - 25 * MM) < 0.5
    assert 9.5 * MM < 595.28 - max(b[3] for b in boxes) < 10.5 * MM
    assert printing.page_layout(paper).margins().left() == 25


def body_lines(path: Path, excerpt: Excerpt) -> list[list[str]]:
    """Each page's lines without the footer."""
    pages = []
    for page in pdf_pages(path):
        lines = [line for line in page.splitlines() if line.strip()]
        pages.append([line for line in lines if not line.startswith(excerpt.footer)])
    return pages


def test_no_heading_or_lead_in_alone_at_a_page_foot(corpus, tmp_path):
    """Across the whole Положение at 12, 14 and 16 pt, no page ends with a chapter heading or
    a line ending in «:»; the source line and the date are on a page with text."""
    from gp_desktop.excerpt.paper import Paper

    moved = 0
    for size in (12, 14, 16):
        ex = compose_excerpt(corpus, ["polozhenie"], paper=Paper(point_size=size))
        out = printing.write_pdf(ex, tmp_path / f"k{size}.pdf")
        pages = body_lines(out, ex)
        assert len(pages) > 3
        for number, lines in enumerate(pages[:-1], 1):
            last = lines[-1]
            assert not last.rstrip().endswith(":"), (size, number, last)
            assert not re.match(r"^Глава \d+\.", last), (size, number, last)
        assert any(line.startswith("Источник:") for line in pages[-1])
        assert not pages[-1][0].startswith(("Источник:", "Дата изготовления"))
        layout = printing._paginate(printing.make_printer(ex.paper), ex)[0]
        moved += layout.moved
    assert moved > 0  # the rule did move something: the check above is not vacuous


def test_table_rows_are_not_split(corpus, tmp_path):
    """The amendments' table at every size from 10 to 18 pt: no cell crosses a page break."""
    from gp_desktop.excerpt.paper import Paper

    for size in range(10, 19):
        ex = compose_excerpt(corpus, ["izmeneniya"], paper=Paper(point_size=size))
        pages = printing._paginate(printing.make_printer(ex.paper), ex)[0]
        height = pages.size.height()
        assert pages.cells
        for cell in pages.cells:
            assert int(cell.top() // height) == int((cell.bottom() - 1) // height), (size, cell)


def test_date_of_making_and_certification_are_printed(corpus, tmp_path):
    import datetime as dt

    from gp_desktop.excerpt.paper import Certification

    ex = compose_excerpt(
        corpus,
        ["19.8"],
        made=dt.date(2026, 12, 1),
        certification=Certification("Главный специалист", "А. Б. Иванов"),
    )
    out = printing.write_pdf(ex, tmp_path / "c.pdf")
    text = pdf_text(out)
    assert "Дата изготовления: 01.12.2026" in text
    assert "Выписка верна" in text and "А. Б. Иванов" in text
    assert pdf_body_words(out, ex) == words(ex.text)


def test_the_print_dialogs_default_pdf_name_prints(corpus, tmp_path):
    """Qt's print dialog offers «<home>/<document name>.pdf» for printing to a file (see
    QUnixPrintWidget); the document name is now the short file name, within 255 bytes, and a
    PDF printed under it is there. (Offscreen the dialog leaves the field empty, so the name
    is set on the printer as the dialog would set it.)"""
    from gp_desktop.excerpt.files import NAME_LIMIT_BYTES, suggested_stem

    ex = compose_excerpt(corpus, [n.id for n in corpus.children("polozhenie/p-19")][:12])
    printer = printing.make_printer()
    default = tmp_path / f"{suggested_stem(ex)}.pdf"
    printer.setOutputFileName(str(default))

    def accept(dialog):
        name = printer.docName()
        dialog.accept()
        return name

    seen = when_shown(QPrintDialog, accept)
    assert printing.print_excerpt(None, ex, printer=printer) is True
    assert seen["result"] == suggested_stem(ex)
    assert len(default.name.encode("utf-8")) <= NAME_LIMIT_BYTES
    assert default.name.startswith("Выписка пп. 1, 2") and default.is_file()
    assert pdf_body_words(default, ex) == words(ex.text)
    # The title the dialog used to get: over the limit, the reason it failed.
    assert len(f"{ex.title}.pdf".encode()) > NAME_LIMIT_BYTES


def test_a_10000_letter_word_breaks_within_the_margins(tmp_path):
    """The reader's break points (act_html.with_break_points) in the PDF and the DOCX: the
    word is laid out in lines inside the text's width, quickly, every letter kept."""
    import docx

    word = "Ж" * 10_000
    path = corpus_copy(
        tmp_path,
        ("UPDATE nodes SET text = ? WHERE id = 'polozhenie/p-21'", (f"Начало {word} конец.",)),
        name="long.sqlite",
    )
    ex = compose_excerpt(Corpus(path), ["21"])
    started = time.perf_counter()
    out = printing.write_pdf(ex, tmp_path / "long.pdf")
    assert time.perf_counter() - started < 30
    boxes = word_boxes(out)
    assert max(b[3] for b in boxes) <= 595.28 - 15 * MM + 0.5  # nothing past the right margin
    assert min(b[1] for b in boxes) >= 30 * MM - 0.5
    letters = "".join(b[5] for b in boxes).count("Ж")
    assert letters == 10_000
    document = docx.Document(str(printing.write_docx(ex, tmp_path / "long.docx")))
    text = "".join(p.text for p in document.paragraphs)
    assert word in text.replace("\u200b", "") and text.count("\u200b") >= 49
