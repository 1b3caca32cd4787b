"""``gp-desktop timeline``: the act's history, one event per decree, the original first."""

from __future__ import annotations

import argparse
import dataclasses
import json

from gp_desktop.commands import add_corpus_option, open_corpus
from gp_desktop.corpus.footnotes import short_date
from gp_desktop.corpus.model import EFFECT_NAMES
from gp_desktop.terminal import say

NAME = "timeline"


def add_parser(sub: argparse._SubParsersAction) -> argparse.ArgumentParser:
    p = sub.add_parser(NAME, help="история акта: исходный указ и изменяющие указы по датам")
    p.add_argument("--json", action="store_true", help="вывести JSON")
    add_corpus_option(p)
    return p


def run(args: argparse.Namespace) -> int:
    corpus = open_corpus(args)
    events = corpus.timeline()
    if args.json:
        print(json.dumps([dataclasses.asdict(e) for e in events], ensure_ascii=False, indent=1))
        return 0
    for event in events:
        note = " (исходная редакция)" if event.original else ""
        say(f"{short_date(event.date)}  № {event.number:<5} {event.title}{note}")
        for change in event.changes:
            say(
                f"    {change.citation} — {change.effect_text or EFFECT_NAMES.get(change.effect, change.effect)}  [{change.node_id}]"
            )
    return 0
