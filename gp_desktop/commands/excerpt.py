"""``gp-desktop excerpt ID-or-citation… -o FILE``: the excerpt the GUI prints, as a file.

The format follows the extension: .pdf, .docx and .odt are made through
``gp_desktop.ui.excerpt.printing`` (Qt started offscreen when there is no display: the PDF is
painted by Qt, and the PDF and DOCX are made only once a font with Cyrillic letters is known
to be there, the bundled serif counting), exactly as the GUI saves them; .html and .txt need
no Qt. The paper (font, margins) and the certification are the user's preferences, as in the
window. Each file is written to a temporary file beside the target and renamed over it.
"""

from __future__ import annotations

import argparse
import sys

from gp_desktop.commands import add_as_of_option, add_corpus_option, open_corpus
from gp_desktop.excerpt import compose_excerpt
from gp_desktop.excerpt.files import FORMATS, output_format, output_target, write_document

NAME = "excerpt"


def add_parser(sub: argparse._SubParsersAction) -> argparse.ArgumentParser:
    p = sub.add_parser(
        NAME, help="выписка из выбранных пунктов в PDF, Word (DOCX), ODT, HTML или текст"
    )
    p.add_argument(
        "references",
        nargs="*",
        metavar="ID-or-citation",
        help="пункты: 19, «п. 19», 19.8, «пп. 8 п. 19», «глава 3», polozhenie/p-19/pp-8",
    )
    p.add_argument(
        "-o",
        "--output",
        required=True,
        metavar="FILE",
        help="файл выписки; формат по расширению: " + ", ".join(FORMATS),
    )
    p.add_argument(
        "--no-footnotes",
        dest="footnotes",
        action="store_false",
        help="без сносок об изменениях",
    )
    add_corpus_option(p)
    add_as_of_option(p)
    return p


QT_FORMATS = (".pdf", ".docx", ".odt")


def preferences() -> dict:
    """The paper and certification set in the window's preferences (defaults without them)."""
    from gp_desktop.ui.excerpt.preferences import certification_from, paper_from
    from gp_desktop.ui.settings import Settings

    settings = Settings()
    if settings.problem:  # set aside, as the window would; the defaults are used
        print(f"gp-desktop: {settings.problem}", file=sys.stderr)
    return {"paper": paper_from(settings), "certification": certification_from(settings)}


def save(excerpt, path: str, suffix: str) -> None:
    if suffix in QT_FORMATS:
        from gp_desktop.ui.excerpt.printing import save_excerpt

        save_excerpt(excerpt, path)
    else:
        write_document(excerpt, path)


def run(args: argparse.Namespace) -> int:
    suffix = output_format(args.output)  # a wrong name or folder fails before any work
    output_target(args.output)
    corpus = open_corpus(args)
    excerpt = compose_excerpt(corpus, args.references, footnotes=args.footnotes, **preferences())
    save(excerpt, args.output, suffix)
    return 0
