"""``gp-desktop editions``: the editions of the act the corpus holds, oldest first."""

from __future__ import annotations

import argparse
import dataclasses
import json

from gp_desktop.commands import add_corpus_option, open_corpus
from gp_desktop.corpus.footnotes import short_date

NAME = "editions"


def add_parser(sub: argparse._SubParsersAction) -> argparse.ArgumentParser:
    p = sub.add_parser(NAME, help="редакции акта в корпусе: дата, указ, какая действующая")
    p.add_argument("--json", action="store_true", help="вывести JSON")
    add_corpus_option(p)
    return p


def run(args: argparse.Namespace) -> int:
    corpus = open_corpus(args)
    if args.json:
        data = [dataclasses.asdict(e) for e in corpus.editions]
        print(json.dumps(data, ensure_ascii=False, indent=1))
        return 0
    for edition in corpus.editions:
        decree = f"№ {edition.amendment_number}" if edition.amendment_number else "исходная"
        state = "действующая" if edition.current else "недействующая"
        print(
            f"{short_date(edition.date)}  {decree:<9} {edition.node_count} узлов  "
            f"{edition.source_format:<8} sha256 {edition.source_sha256[:12]}  {state}"
        )
    return 0
