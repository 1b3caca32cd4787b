"""One module per sub-command of ``gp-desktop``; each has ``add_parser`` and ``run``.

Shared bits live here: opening the corpus named by ``--corpus`` and printing to stdout or a file.
"""

from __future__ import annotations

import argparse
from pathlib import Path

from gp_desktop.atomic_file import failure_text, write_atomic
from gp_desktop.corpus.errors import CorpusError
from gp_desktop.corpus.reader import Corpus
from gp_desktop.paths import bundled_corpus


def add_corpus_option(parser: argparse.ArgumentParser) -> None:
    # SUPPRESS keeps a value given before the sub-command from being reset by this default.
    parser.add_argument(
        "--corpus",
        metavar="PATH",
        default=argparse.SUPPRESS,
        help="файл корпуса (по умолчанию — встроенный corpus.sqlite)",
    )


def corpus_path(args: argparse.Namespace) -> Path:
    value = getattr(args, "corpus", None)
    return Path(value) if value else bundled_corpus()


def open_corpus(args: argparse.Namespace) -> Corpus:
    return Corpus(corpus_path(args))


def emit(text: str, output: str | None) -> None:
    """Print to stdout, or write atomically to ``output``."""
    if not output or output == "-":
        import sys

        from gp_desktop.terminal import for_stdout

        sys.stdout.write(for_stdout(text))
        return
    try:
        write_atomic(output, text)
    except OSError as exc:
        raise CorpusError(failure_text(output, exc)) from None
