"""The machine around the program: no usable display, no fonts, the cache deleted meanwhile.

Each ends in one clear line (or a message in the report), never Qt's SIGABRT, boxes in a
PDF reported as saved, or «внутренняя ошибка».
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import zipfile

import pytest
from conftest import ROOT

pytestmark = pytest.mark.skipif(
    not sys.platform.startswith("linux"), reason="X11/Wayland, fontconfig"
)


def _run(args, env_changes: dict, tmp_path, drop=("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM")):
    env = {k: v for k, v in os.environ.items() if k not in drop}
    env.update(
        {
            k: str(tmp_path / k.lower())
            for k in ("XDG_CONFIG_HOME", "XDG_DATA_HOME", "XDG_CACHE_HOME")
        }
    )
    env.update(env_changes)
    env["PYTHONIOENCODING"] = "utf-8"
    return subprocess.run(
        [sys.executable, "-m", "gp_desktop", *args],
        capture_output=True,
        text=True,
        encoding="utf-8",
        cwd=ROOT,
        env=env,
        timeout=120,
    )


def _free_display_number() -> int:
    n = 99
    while os.path.exists(f"/tmp/.X11-unix/X{n}"):
        n += 1
    return n


@pytest.mark.parametrize(
    "case",
    ["x-display-gone", "wayland-socket-gone", "platform-bogus", "xcb-forced-display-gone"],
)
def test_an_unusable_display_is_one_line_not_an_abort(tmp_path, case):
    display = f":{_free_display_number()}"
    env = {
        "x-display-gone": {"DISPLAY": display},
        "wayland-socket-gone": {
            "WAYLAND_DISPLAY": "gp-bogus-wayland",
            "XDG_RUNTIME_DIR": str(tmp_path),
        },
        "platform-bogus": {"QT_QPA_PLATFORM": "bogus"},
        "xcb-forced-display-gone": {"QT_QPA_PLATFORM": "xcb", "DISPLAY": display},
    }[case]
    result = _run([], env, tmp_path)
    assert result.returncode == 1, (result.returncode, result.stderr)  # not -6 (SIGABRT)
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("gp-desktop: "), result.stderr
    assert {"x-display-gone": display, "wayland-socket-gone": "gp-bogus-wayland"}.get(
        case, ""
    ) in lines[0]
    if case == "platform-bogus":
        assert "«bogus»" in lines[0] and "offscreen" in lines[0]


def test_a_bogus_platform_for_an_excerpt_is_one_line(tmp_path):
    result = _run(
        ["excerpt", "19", "-o", str(tmp_path / "v.pdf")], {"QT_QPA_PLATFORM": "bogus"}, tmp_path
    )
    assert result.returncode == 1 and result.stderr.count("\n") == 1 and "bogus" in result.stderr
    assert not (tmp_path / "v.pdf").exists()


@pytest.fixture
def no_fonts(tmp_path):
    conf = tmp_path / "fonts.conf"
    conf.write_text(
        '<?xml version="1.0"?><!DOCTYPE fontconfig SYSTEM "fonts.dtd">'
        f"<fontconfig><cachedir>{tmp_path / 'fc-cache'}</cachedir></fontconfig>"
    )
    return {"FONTCONFIG_FILE": str(conf), "QT_QPA_FONTDIR": str(tmp_path / "no-fonts-here")}


def test_without_system_fonts_the_bundled_serif_makes_the_pdf_and_docx(tmp_path, no_fonts):
    """No font installed at all: the bundled Liberation Serif (resources/fonts) is there, so
    the PDF is readable Cyrillic with that font embedded, and the DOCX is made too."""
    env = {**no_fonts, "QT_QPA_PLATFORM": "offscreen"}
    pdf, docx = tmp_path / "v.pdf", tmp_path / "v.docx"
    for target in (pdf, docx):
        result = _run(["excerpt", "19", "-o", str(target)], env, tmp_path)
        assert result.returncode == 0, result.stderr
    fonts = subprocess.run(["pdffonts", str(pdf)], capture_output=True, text=True).stdout
    assert "LiberationSerif" in fonts and " yes " in fonts
    text = subprocess.run(
        ["pdftotext", "-enc", "UTF-8", str(pdf), "-"], capture_output=True, text=True
    ).stdout
    assert "Полномочия Генерального Прокурора" in text
    assert zipfile.is_zipfile(docx)


def test_without_system_fonts_the_self_test_passes_on_the_bundle(tmp_path, no_fonts):
    result = _run(["--self-test"], no_fonts, tmp_path)
    report = json.loads(result.stdout.strip().splitlines()[-1])
    assert result.returncode == 0 and report["ok"] is True, report


def test_without_any_cyrillic_font_pdf_docx_and_print_are_refused(qapp, tmp_path, monkeypatch):
    """Were even the bundle missing, a PDF, a DOCX and printing would be boxes: refused with
    the reason, the old file kept."""
    from PySide6.QtGui import QFontDatabase

    from gp_desktop.corpus.reader import Corpus
    from gp_desktop.excerpt import ExcerptError, compose_excerpt
    from gp_desktop.paths import bundled_corpus
    from gp_desktop.ui.excerpt import printing

    excerpt = compose_excerpt(Corpus(bundled_corpus()), ["19"])
    assert printing.cyrillic_font_problem() == ""
    monkeypatch.setattr(QFontDatabase, "families", staticmethod(lambda *_a: []))
    for name in ("v.pdf", "v.docx"):
        old = tmp_path / name
        old.write_bytes(b"the old one")
        with pytest.raises(ExcerptError, match="нет шрифта с кириллицей"):
            printing.save_excerpt(excerpt, old)
        assert old.read_bytes() == b"the old one"
    with pytest.raises(ExcerptError, match="нет шрифта с кириллицей"):
        printing.print_excerpt(None, excerpt, printer=printing.make_printer())


def test_the_window_warns_without_cyrillic_fonts(qapp, monkeypatch):
    from PySide6.QtGui import QFontDatabase

    from gp_desktop.ui import app

    assert app.font_problem() == ""  # this machine has them
    monkeypatch.setattr(QFontDatabase, "families", staticmethod(lambda *_a: []))
    assert "кириллиц" in app.font_problem()
