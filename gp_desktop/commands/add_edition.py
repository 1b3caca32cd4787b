"""``gp-desktop add-edition SRC``: a new text of the act joins the corpus as an edition.

Without ``-o`` the result is the user's own corpus in the data folder, which the program then
prefers to the bundled one while its current edition is newer (``corpus_choice``). The file is
written whole to a temporary file and renamed, so a failure leaves the old one as it was.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from gp_desktop.commands import add_corpus_option, corpus_path
from gp_desktop.corpus.footnotes import short_date
from gp_desktop.corpus_choice import user_corpus

NAME = "add-edition"


def add_parser(sub: argparse._SubParsersAction) -> argparse.ArgumentParser:
    p = sub.add_parser(NAME, help="добавить текст акта как новую редакцию")
    p.add_argument("source", metavar="SRC", help="текст акта (Markdown, текст, HTML, .docx)")
    p.add_argument(
        "-o",
        "--output",
        metavar="OUT",
        help="куда записать корпус (по умолчанию — свой корпус пользователя в папке данных)",
    )
    add_corpus_option(p)
    return p


def run(args: argparse.Namespace) -> int:
    from gp_desktop.corpus.build import add_edition

    source_corpus = corpus_path(args)
    if args.output:
        output = Path(args.output)
    else:
        output = user_corpus()
        output.parent.mkdir(parents=True, exist_ok=True)
    new, editions = add_edition(args.source, source_corpus, output)
    for warning in new.parsed.warnings:
        print(f"gp-desktop: предупреждение: {warning}", file=sys.stderr)
    role = "действующая" if new is editions[-1] else "добавлена в историю (есть более новая)"
    print(
        f"{output}: редакция от {short_date(new.date)} — {role}; редакций в корпусе: "
        f"{len(editions)}",
        file=sys.stderr,
    )
    return 0
