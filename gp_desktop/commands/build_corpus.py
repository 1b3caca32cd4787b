"""``gp-desktop build-corpus SRC… -o PATH``: import source texts into a new corpus file."""

from __future__ import annotations

import argparse
import sys

NAME = "build-corpus"


def add_parser(sub: argparse._SubParsersAction) -> argparse.ArgumentParser:
    p = sub.add_parser(NAME, help="собрать corpus.sqlite из исходного текста акта")
    p.add_argument(
        "sources",
        nargs="+",
        metavar="SRC",
        help="текст акта: Markdown, текст (.txt), сохранённая страница (.html) или Word (.docx)",
    )
    p.add_argument("-o", "--output", required=True, metavar="PATH", help="куда записать корпус")
    return p


def run(args: argparse.Namespace) -> int:
    # Imported here: every start of the program builds this parser, few runs import a text.
    from gp_desktop.corpus.build import build_corpus

    parsed = build_corpus(args.sources, args.output)
    for warning in parsed.warnings:
        print(f"gp-desktop: предупреждение: {warning}", file=sys.stderr)
    from gp_desktop.corpus.formats import FORMAT_NAMES

    clauses = sum(1 for n in parsed.nodes if n.kind == "clause")
    form = FORMAT_NAMES.get(parsed.source_format, parsed.source_format)
    print(
        f"{args.output}: {len(parsed.nodes)} узлов, {clauses} пунктов, "
        f"{len(parsed.amendments)} изменяющих указов, {len(parsed.institutions)} учреждений; "
        f"редакция от {parsed.act.edition_date}; исходный текст: {form}",
        file=sys.stderr,
    )
    return 0
