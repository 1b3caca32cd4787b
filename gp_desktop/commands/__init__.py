"""One module per sub-command of ``gp-desktop``; each has ``add_parser`` and ``run``.

Shared bits live here: opening the corpus named by ``--corpus`` and printing to stdout or a file.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from gp_desktop.atomic_file import failure_text, write_atomic
from gp_desktop.corpus.errors import CorpusError
from gp_desktop.corpus.reader import Corpus
from gp_desktop.corpus_choice import choose_corpus


def add_corpus_option(parser: argparse.ArgumentParser) -> None:
    # SUPPRESS keeps a value given before the sub-command from being reset by this default.
    parser.add_argument(
        "--corpus",
        metavar="PATH",
        default=argparse.SUPPRESS,
        help="файл корпуса (по умолчанию — выбранный администратором, "
        "обновлённый пользователем или встроенный corpus.sqlite)",
    )


def add_as_of_option(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--as-of",
        metavar="DATE",
        help="редакция, действовавшая на дату (ДД.ММ.ГГГГ или ГГГГ-ММ-ДД)",
    )


def corpus_path(args: argparse.Namespace) -> Path:
    """The corpus the command works on (``corpus_choice.choose_corpus``); what was passed
    over is said on stderr."""
    choice = choose_corpus(getattr(args, "corpus", None))
    for note in choice.notes:
        print(f"gp-desktop: {note}", file=sys.stderr)
    return choice.path


def open_corpus(args: argparse.Namespace) -> Corpus:
    """The corpus, in the edition ``--as-of`` names (the current one without it)."""
    from gp_desktop.corpus.editions import parse_date

    as_of = getattr(args, "as_of", None)
    return Corpus.as_of(corpus_path(args), parse_date(as_of) if as_of else None)


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
