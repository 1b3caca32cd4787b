"""The выписка as a Word file: read back with python-docx, and as LibreOffice lays it out.

The package is checked part by part (page, margins, fonts, headings, bold labels, footnotes,
table rows, the footer's PAGE and NUMPAGES fields); where LibreOffice is installed, the file is
converted to PDF and measured like the PDF the program makes (left margin 30 mm, the words).
"""

from __future__ import annotations

import datetime as dt
import re
import shutil
import subprocess
import zipfile
from pathlib import Path

import docx
import pytest
from conftest import pdf_text

from gp_desktop.atomic_file import UnsafeWrite, verify_docx
from gp_desktop.excerpt import ExcerptError, compose_excerpt
from gp_desktop.excerpt.compose import compose_act
from gp_desktop.excerpt.paper import Certification, Paper
from gp_desktop.excerpt.word import write_docx_file

MM = 72 / 25.4


def words(text: str) -> list[str]:
    return re.sub(r"(\w)-\s+(?=\w)", r"\1-", text.replace("\u200b", "")).split()


@pytest.fixture
def excerpt(corpus):
    return compose_excerpt(
        corpus,
        ["19.8", "21", "perechen-uchrezhdeniy/gr-1/pp-23"],
        made=dt.date(2026, 12, 1),
        certification=Certification("Главный специалист", "А. Б. Иванов"),
    )


def test_docx_has_the_page_fonts_and_text(excerpt, tmp_path):
    out = write_docx_file(excerpt, tmp_path / "v.docx")
    verify_docx(out)
    document = docx.Document(str(out))
    section = document.sections[0]
    assert (round(section.page_width.mm), round(section.page_height.mm)) == (210, 297)
    margins = [section.left_margin, section.top_margin, section.right_margin, section.bottom_margin]
    assert [round(m.mm) for m in margins] == [30, 20, 15, 20]
    normal = document.styles["Normal"]
    assert normal.font.name == "Times New Roman" and normal.font.size.pt == 14
    paragraphs = document.paragraphs
    texts = [p.text.replace("\u200b", "") for p in paragraphs]
    assert texts[0] == "ВЫПИСКА" and texts[1] == excerpt.title.removeprefix("Выписка ")
    # Chapter headings are Word headings, kept with the next paragraph.
    chapter = next(p for p in paragraphs if p.text.startswith("Глава 3."))
    assert chapter.style.name == "Heading 2" and chapter.style.paragraph_format.keep_with_next
    # The label of a clause in bold, its words not.
    clause = next(p for p in paragraphs if p.text.startswith("19. "))
    assert clause.runs[0].text == "19." and clause.runs[0].bold
    assert not any(r.bold for r in clause.runs[2:])
    assert clause.paragraph_format.keep_with_next  # a lead-in: «19. Полномочия …:»
    assert 'Ұлытау";' in "\n".join(texts)
    assert "Дата изготовления: 01.12.2026" in texts and "Выписка верна" in texts[-1]
    # Every word of the выписка, in order.
    assert words(" ".join(texts)) == words(excerpt.text)


def test_docx_footer_has_the_acts_name_and_page_fields(excerpt, tmp_path):
    out = write_docx_file(excerpt, tmp_path / "v.docx")
    with zipfile.ZipFile(out) as package:
        footers = [n for n in package.namelist() if re.match(r"word/footer\d*\.xml", n)]
        xml = "".join(package.read(n).decode("utf-8") for n in footers)
    assert excerpt.footer in xml
    assert 'w:instr="PAGE"' in xml and 'w:instr="NUMPAGES"' in xml and "стр. " in xml


def test_docx_table_rows_do_not_split(corpus, tmp_path):
    ex = compose_excerpt(corpus, ["izmeneniya"])
    out = write_docx_file(ex, tmp_path / "t.docx")
    document = docx.Document(str(out))
    (table,) = document.tables
    assert len(table.rows) == 9
    for row in table.rows:
        assert row._tr.trPr is not None and "cantSplit" in row._tr.trPr.xml
    cells = [c.text for c in table.rows[0].cells]
    assert all(cells)


def test_docx_follows_the_paper(corpus, tmp_path):
    paper = Paper("Liberation Serif", 12, (25, 15, 10, 15))
    out = write_docx_file(compose_excerpt(corpus, ["19"], paper=paper), tmp_path / "p.docx")
    section = docx.Document(str(out)).sections[0]
    assert round(section.left_margin.mm) == 25 and round(section.right_margin.mm) == 10
    assert docx.Document(str(out)).styles["Normal"].font.name == "Liberation Serif"


def test_a_cut_docx_is_refused_and_the_old_file_kept(excerpt, tmp_path, monkeypatch):
    target = tmp_path / "keep.docx"
    target.write_bytes(b"old")

    def cut(self, path):
        Path(path).write_bytes(b"PK\x03\x04 cut short")

    monkeypatch.setattr(docx.document.Document, "save", cut)
    with pytest.raises(ExcerptError, match="не полностью"):
        write_docx_file(excerpt, target)
    assert target.read_bytes() == b"old"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["keep.docx"]
    with pytest.raises(UnsafeWrite):
        verify_docx(target)


def test_the_whole_act_as_docx(corpus, tmp_path):
    act = compose_act(corpus)
    out = write_docx_file(act, tmp_path / "act.docx")
    texts = [p.text for p in docx.Document(str(out)).paragraphs]
    assert texts[0].startswith("Указ Президента Республики Казахстан от 13 октября 2017 года")
    assert "ВЫПИСКА" not in texts
    assert any(t.startswith("ПОЛОЖЕНИЕ") for t in texts)


LIBREOFFICE = shutil.which("soffice") or shutil.which("libreoffice")


@pytest.mark.skipif(LIBREOFFICE is None, reason="LibreOffice is not installed")
def test_docx_as_libreoffice_lays_it_out(excerpt, tmp_path):
    """Word's layout engine is not here; LibreOffice's is: 30 mm on the left, the words."""
    out = write_docx_file(excerpt, tmp_path / "v.docx")
    subprocess.run(
        [
            LIBREOFFICE,
            f"-env:UserInstallation=file://{tmp_path / 'lo-profile'}",
            "--headless",
            "--convert-to",
            "pdf",
            "--outdir",
            str(tmp_path),
            str(out),
        ],
        check=True,
        capture_output=True,
        timeout=180,
    )
    pdf = tmp_path / "v.pdf"
    bbox = subprocess.run(
        ["pdftotext", "-bbox", str(pdf), "-"], capture_output=True, text=True, check=True
    ).stdout
    lefts = [float(x) for x in re.findall(r'xMin="([\d.]+)"', bbox)]
    assert abs(min(lefts) - 30 * MM) < 1.0, min(lefts)
    text = pdf_text(pdf)
    assert "Выписка верна" in text and "стр. 1 из" in text
    assert "Полномочия Генерального Прокурора" in text
