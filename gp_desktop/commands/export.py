"""``gp-desktop export --format text|html|json``: the whole act in document order."""

from __future__ import annotations

import argparse

from gp_desktop.commands import add_as_of_option, add_corpus_option, emit, open_corpus
from gp_desktop.corpus.export import export_html, export_json, export_text

NAME = "export"
_FORMATS = {"text": export_text, "html": export_html, "json": export_json}


def add_parser(sub: argparse._SubParsersAction) -> argparse.ArgumentParser:
    p = sub.add_parser(NAME, help="весь акт по порядку, со сносками")
    p.add_argument("--format", choices=sorted(_FORMATS), default="text", help="формат (text)")
    p.add_argument("-o", "--output", metavar="PATH", help="файл (по умолчанию — stdout)")
    add_corpus_option(p)
    add_as_of_option(p)
    return p


def run(args: argparse.Namespace) -> int:
    corpus = open_corpus(args)
    emit(_FORMATS[args.format](corpus), args.output)
    return 0
