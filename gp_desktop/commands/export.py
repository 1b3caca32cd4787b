"""``gp-desktop export --format text|html|json|pdf|docx|odt``: the whole act in document order.

text, html and json are the act's nodes as data (to stdout or a file); pdf, docx and odt are
the act set as a выписка is (``excerpt.compose.compose_act``: A4, the official margins, the
preferences' font, page numbers), as «Файл → Экспорт акта…» saves it; ``--part`` takes one part
or chapter instead of the whole act. ``--as-of`` takes an earlier edition, whose title line
then says it is no longer in force.
"""

from __future__ import annotations

import argparse

from gp_desktop.commands import add_as_of_option, add_corpus_option, emit, open_corpus
from gp_desktop.corpus.errors import CorpusError
from gp_desktop.corpus.export import export_html, export_json, export_text

NAME = "export"
_FORMATS = {"text": export_text, "html": export_html, "json": export_json}
PAGED = ("pdf", "docx", "odt")
"""Formats of pages, written only to a file."""


def add_parser(sub: argparse._SubParsersAction) -> argparse.ArgumentParser:
    p = sub.add_parser(NAME, help="весь акт по порядку, со сносками")
    p.add_argument(
        "--format",
        choices=sorted([*_FORMATS, *PAGED]),
        default="text",
        help="формат (text); pdf, docx и odt — страницы, как у выписки, только в файл (-o)",
    )
    p.add_argument("-o", "--output", metavar="PATH", help="файл (по умолчанию — stdout)")
    p.add_argument(
        "--part",
        metavar="ID-or-citation",
        action="append",
        default=[],
        help="для pdf, docx, odt: только эта часть или глава («глава 3», polozhenie)",
    )
    add_corpus_option(p)
    add_as_of_option(p)
    return p


def run(args: argparse.Namespace) -> int:
    if args.format in PAGED:
        return _paged(args)
    corpus = open_corpus(args)
    emit(_FORMATS[args.format](corpus), args.output)
    return 0


def _paged(args: argparse.Namespace) -> int:
    from gp_desktop.commands.excerpt import preferences, save
    from gp_desktop.excerpt.compose import compose_act
    from gp_desktop.excerpt.files import output_format, output_target

    if not args.output or args.output == "-":
        raise CorpusError(f"формат {args.format} записывается только в файл: укажите -o ФАЙЛ")
    suffix = f".{args.format}"
    if output_format(args.output) != suffix:
        raise CorpusError(f"{args.output}: для --format {args.format} нужно расширение {suffix}")
    output_target(args.output)
    corpus = open_corpus(args)
    save(compose_act(corpus, args.part, **preferences()), args.output, suffix)
    return 0
