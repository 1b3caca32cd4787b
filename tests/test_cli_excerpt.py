"""``gp-desktop excerpt``: the same document as the GUI, in every format, and bad input."""

from __future__ import annotations

import os
import subprocess
import sys
import zipfile

import pytest
from conftest import ROOT, corpus_copy, pdf_text, run_cli

from gp_desktop.excerpt import compose_excerpt

REFS = ("пп. 8 п. 19", "19.9", "perechen-uchrezhdeniy/gr-1/pp-23")


def test_txt_and_html_are_the_composed_excerpt(corpus, tmp_path):
    ex = compose_excerpt(corpus, REFS)
    for suffix, expected in ((".txt", ex.text), (".html", ex.html)):
        out = tmp_path / f"excerpt{suffix}"
        result = run_cli("excerpt", *REFS, "-o", str(out))
        assert (result.returncode, result.stderr) == (0, "")
        assert out.read_text(encoding="utf-8") == expected


def test_no_footnotes(corpus, tmp_path):
    out = tmp_path / "plain.txt"
    result = run_cli("excerpt", "15", "--no-footnotes", "-o", str(out))
    assert result.returncode == 0, result.stderr
    text = out.read_text(encoding="utf-8")
    assert text == compose_excerpt(corpus, ["15"], footnotes=False).text
    assert "Сноска" not in text and "15. Функции:" in text


def test_pdf_from_the_command_line_equals_the_guis(corpus, tmp_path, qapp):
    from gp_desktop.ui.excerpt.printing import write_pdf

    out = tmp_path / "cli.pdf"
    # No display and no platform chosen: the command starts Qt offscreen by itself.
    env = {k: v for k, v in os.environ.items() if k not in ("DISPLAY", "QT_QPA_PLATFORM")}
    result = subprocess.run(
        [sys.executable, "-m", "gp_desktop", "excerpt", *REFS, "-o", str(out)],
        capture_output=True,
        text=True,
        encoding="utf-8",
        cwd=ROOT,
        env={**env, "PYTHONIOENCODING": "utf-8"},
        timeout=120,
    )
    assert (result.returncode, result.stderr) == (0, "")
    gui = write_pdf(compose_excerpt(corpus, REFS), tmp_path / "gui.pdf")
    assert pdf_text(out) == pdf_text(gui)
    assert "Ұлытау" in pdf_text(out)


def test_odt_from_the_command_line(tmp_path):
    out = tmp_path / "excerpt.ODT"  # the extension is read case-blind
    result = run_cli("excerpt", *REFS, "-o", str(out))
    assert result.returncode == 0, result.stderr
    with zipfile.ZipFile(out) as package:
        assert package.read("mimetype") == b"application/vnd.oasis.opendocument.text"
        assert "Ұлытау" in package.read("content.xml").decode("utf-8")


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["999"], "gp-desktop: не найден пункт «999»"),
        (["19", "пп. 99 п. 19", "abc"], "gp-desktop: не найдены пункты «пп. 99 п. 19», «abc»"),
        ([], "gp-desktop: выписка пуста: не выбран ни один пункт"),
    ],
)
def test_bad_selections(tmp_path, args, message):
    out = tmp_path / "x.pdf"
    result = run_cli("excerpt", *args, "-o", str(out))
    assert result.returncode == 1
    assert result.stderr.splitlines() == [message]
    assert list(tmp_path.iterdir()) == []


def test_bad_outputs(tmp_path):
    cases = {
        str(tmp_path / "missing" / "x.pdf"): "нет такой папки",
        str(tmp_path / "x.doc"): "неизвестный формат («.doc»)",
        str(tmp_path / "noextension"): "неизвестный формат (без расширения)",
    }
    (tmp_path / "folder.pdf").mkdir()
    cases[str(tmp_path / "folder.pdf")] = "это папка, а не файл"
    for output, fragment in cases.items():
        result = run_cli("excerpt", "19", "-o", output)
        assert result.returncode == 1, output
        lines = result.stderr.splitlines()
        assert len(lines) == 1 and lines[0].startswith("gp-desktop: ") and fragment in lines[0]
    assert [p.name for p in tmp_path.iterdir()] == ["folder.pdf"]
    assert list((tmp_path / "folder.pdf").iterdir()) == []


def test_a_failed_excerpt_keeps_the_previous_file(tmp_path):
    out = tmp_path / "keep.pdf"
    out.write_bytes(b"previous")
    result = run_cli("excerpt", "999", "-o", str(out))
    assert result.returncode == 1
    assert out.read_bytes() == b"previous"
    assert [p.name for p in tmp_path.iterdir()] == ["keep.pdf"]


def test_usage_errors_are_one_line(tmp_path):
    result = run_cli("excerpt", "19")
    assert result.returncode == 2
    assert len(result.stderr.strip().splitlines()) == 1
    assert "-o" in result.stderr


def test_another_corpus_and_tag_like_text(tmp_path):
    copy = corpus_copy(
        tmp_path,
        (
            "UPDATE nodes SET text = ? WHERE id = 'polozhenie/p-21'",
            ('<img src="http://example.invalid/x.png"> «Ә»',),
        ),
        name="tagged.sqlite",
    )
    out = tmp_path / "tagged.html"
    result = run_cli("excerpt", "21", "--corpus", str(copy), "-o", str(out))
    assert result.returncode == 0, result.stderr
    page = out.read_text(encoding="utf-8")
    assert "<img" not in page
    assert "&lt;img src=&quot;http://example.invalid/x.png&quot;&gt; «Ә»" in page


def test_docx_from_the_command_line(corpus, tmp_path):
    import docx

    out = tmp_path / "excerpt.docx"
    result = run_cli("excerpt", *REFS, "-o", str(out))
    assert (result.returncode, result.stderr) == (0, "")
    text = "\n".join(p.text for p in docx.Document(str(out)).paragraphs)
    assert "Ұлытау" in text and "8) дает санкцию" in text
    assert text.startswith("ВЫПИСКА\nиз Указа Президента Республики Казахстан")


def test_the_preferences_set_the_paper_and_the_certification(tmp_path):
    """The window's preferences (gp-desktop.ini) hold for the command line too."""
    config = tmp_path / "config"
    (config / "gp-desktop").mkdir(parents=True)
    (config / "gp-desktop" / "gp-desktop.ini").write_text(
        "[preferences]\nexcerpt_certify=true\nexcerpt_certify_position=Прокурор отдела\n"
        "excerpt_certify_name=Ә. Қ. Серікбаев\nexcerpt_margins_mm=25 20 10 20\n",
        encoding="utf-8",
    )
    env = {"XDG_CONFIG_HOME": str(config)}
    txt, pdf = tmp_path / "c.txt", tmp_path / "c.pdf"
    for out in (txt, pdf):
        result = run_cli("excerpt", "19.8", "-o", str(out), env=env)
        assert result.returncode == 0, result.stderr
    assert "Выписка верна\nПрокурор отдела _______________ Ә. Қ. Серікбаев\n" in txt.read_text(
        encoding="utf-8"
    )
    bbox = subprocess.run(
        ["pdftotext", "-bbox", str(pdf), "-"], capture_output=True, text=True, check=True
    ).stdout
    left = min(float(x) for x in __import__("re").findall(r'xMin="([\d.]+)"', bbox))
    assert abs(left - 25 * 72 / 25.4) < 0.5


@pytest.mark.parametrize("fmt", ["pdf", "docx", "odt"])
def test_export_the_act_on_pages(fmt, tmp_path):
    out = tmp_path / f"act.{fmt}"
    result = run_cli("export", "--format", fmt, "-o", str(out))
    assert (result.returncode, result.stderr) == (0, "")
    if fmt == "pdf":
        text = pdf_text(out)
        assert text.startswith("Указ Президента Республики Казахстан от 13 октября 2017 года")
        assert "ПОЛОЖЕНИЕ" in text and "Ұлытау" in text and "ВЫПИСКА" not in text
    else:
        assert zipfile.is_zipfile(out)


def test_export_a_part_and_bad_paged_exports(tmp_path):
    out = tmp_path / "gl3.pdf"
    result = run_cli("export", "--format", "pdf", "--part", "глава 3", "-o", str(out))
    assert result.returncode == 0, result.stderr
    text = pdf_text(out)
    assert text.startswith("ВЫПИСКА") and "Глава 3. Статус" in text and "Глава 4" not in text
    to_stdout = run_cli("export", "--format", "docx")
    assert to_stdout.returncode == 1 and "только в файл" in to_stdout.stderr
    wrong = run_cli("export", "--format", "docx", "-o", str(tmp_path / "a.pdf"))
    assert wrong.returncode == 1 and "нужно расширение .docx" in wrong.stderr
    assert wrong.stderr.count("\n") == 1 and not (tmp_path / "a.pdf").exists()
