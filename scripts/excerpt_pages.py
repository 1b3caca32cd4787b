"""Render the README's pictures of the выписка's pages: the PDF the program makes, the DOCX as
LibreOffice lays it out, a page of the whole act. Run under Xvfb, as the window would be:

    xvfb-run -a .venv/bin/python scripts/excerpt_pages.py docs

Writes ``excerpt-pdf-1.png``, ``excerpt-pdf-2.png``, ``excerpt-docx-1.png`` (when LibreOffice
is installed; otherwise says so) and ``act-pdf-2.png`` at 60 dpi with ``pdftoppm``. The
выписка is п. 13 and пп. 8) п. 19 with footnotes, made on 01.12.2026 and certified by
«Главный специалист А. Б. Иванов», on the default paper (Times New Roman 14 or the bundled
Liberation Serif; left 30 mm, right 15, top and bottom 20).
"""

from __future__ import annotations

import datetime as dt
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

DPI = "60"


def _png(pdf: Path, page: int, out: Path) -> None:
    stem = out.with_suffix("")
    subprocess.run(
        [
            "pdftoppm",
            "-r",
            DPI,
            "-png",
            "-f",
            str(page),
            "-l",
            str(page),
            "-singlefile",
            str(pdf),
            str(stem),
        ],
        check=True,
    )
    print(out)


def main(folder: str) -> int:
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
    from gp_desktop.corpus.reader import Corpus
    from gp_desktop.excerpt import compose_excerpt
    from gp_desktop.excerpt.compose import compose_act
    from gp_desktop.excerpt.paper import Certification
    from gp_desktop.paths import bundled_corpus
    from gp_desktop.ui.excerpt import printing

    docs = Path(folder)
    docs.mkdir(parents=True, exist_ok=True)
    corpus = Corpus(bundled_corpus())
    excerpt = compose_excerpt(
        corpus,
        ["13", "19.8"],
        made=dt.date(2026, 12, 1),
        certification=Certification("Главный специалист", "А. Б. Иванов"),
    )
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        pdf = printing.write_pdf(excerpt, work / "v.pdf")
        _png(pdf, 1, docs / "excerpt-pdf-1.png")
        _png(pdf, 2, docs / "excerpt-pdf-2.png")
        act = printing.write_pdf(compose_act(corpus, made=dt.date(2026, 12, 1)), work / "a.pdf")
        _png(act, 2, docs / "act-pdf-2.png")
        office = shutil.which("soffice") or shutil.which("libreoffice")
        if office is None:
            print("LibreOffice is not installed: no picture of the DOCX", file=sys.stderr)
            return 0
        word = printing.write_docx(excerpt, work / "w.docx")
        # LibreOffice finds fonts through fontconfig: the bundled serif is added for it, as
        # Times New Roman is there on the offices' workstations.
        conf = work / "fonts.conf"
        fonts = Path(printing.__file__).resolve().parents[3] / "resources" / "fonts"
        conf.write_text(
            '<?xml version="1.0"?><!DOCTYPE fontconfig SYSTEM "fonts.dtd"><fontconfig>'
            f'<include ignore_missing="yes">/etc/fonts/fonts.conf</include><dir>{fonts}</dir>'
            "<alias><family>Times New Roman</family><prefer><family>Liberation Serif</family>"
            "</prefer></alias></fontconfig>"
        )
        subprocess.run(
            [
                office,
                f"-env:UserInstallation=file://{work / 'lo'}",
                "--headless",
                "--convert-to",
                "pdf",
                "--outdir",
                str(work),
                str(word),
            ],
            check=True,
            capture_output=True,
            env={**os.environ, "FONTCONFIG_FILE": str(conf)},
        )
        _png(work / "w.pdf", 1, docs / "excerpt-docx-1.png")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1] if len(sys.argv) > 1 else "docs"))
