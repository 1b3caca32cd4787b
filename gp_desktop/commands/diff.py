"""``gp-desktop diff``: what changed between two editions, clause by clause, word by word."""

from __future__ import annotations

import argparse
import json
import sys

from gp_desktop.commands import add_corpus_option, corpus_path
from gp_desktop.corpus.citations import resolve
from gp_desktop.corpus.diff import CHANGE_NAMES, REMOVED, diff_editions, marked_text
from gp_desktop.corpus.editions import edition_on, parse_date
from gp_desktop.corpus.errors import CorpusError
from gp_desktop.corpus.footnotes import short_date
from gp_desktop.corpus.reader import Corpus

NAME = "diff"


def add_parser(sub: argparse._SubParsersAction) -> argparse.ArgumentParser:
    p = sub.add_parser(
        NAME,
        help="что изменилось между двумя редакциями, по пунктам",
        description="По умолчанию — между предыдущей и действующей редакцией. "
        "В тексте удалённые слова отмечены [-так-], добавленные — {+так+}.",
    )
    p.add_argument(
        "references",
        nargs="*",
        metavar="ID-or-citation",
        help="только эти пункты: 19, «п. 19», 19.8, polozhenie/p-19",
    )
    p.add_argument("--from", dest="date_from", metavar="DATE", help="старая редакция (на дату)")
    p.add_argument("--to", dest="date_to", metavar="DATE", help="новая редакция (на дату)")
    p.add_argument("--json", action="store_true", help="вывести JSON")
    add_corpus_option(p)
    return p


def _editions(path, args) -> tuple[Corpus, Corpus]:
    current = Corpus(path)
    editions = current.editions
    new = edition_on(editions, parse_date(args.date_to)) if args.date_to else editions[-1]
    if args.date_from:
        old = edition_on(editions, parse_date(args.date_from))
    else:
        earlier = [e for e in editions if e.date < new.date]
        if not earlier:
            raise CorpusError(
                f"редакция от {short_date(new.date)} — самая ранняя в корпусе; сравнивать не с чем"
            )
        old = earlier[-1]
    if old.date > new.date:
        old, new = new, old

    def load(edition):
        return current if edition.current else Corpus(path, edition.id)

    return load(old), load(new)


def run(args: argparse.Namespace) -> int:
    old, new = _editions(corpus_path(args), args)
    only = None
    if args.references:
        only = []
        for reference in args.references:
            node_id = resolve(new, reference) or resolve(old, reference)
            if node_id is None:
                raise CorpusError(f"не найден пункт «{reference}»")
            only.append(node_id)
    changes = diff_editions(old, new, only)
    if args.json:
        print(json.dumps([c.as_json() for c in changes], ensure_ascii=False, indent=1))
        return 0
    print(
        f"Редакция от {short_date(old.edition.date)} → редакция от {short_date(new.edition.date)}: "
        f"изменений {len(changes)}"
    )
    for change in changes:
        where = (
            change.id if change.old_id in (None, change.id) else f"{change.old_id} → {change.id}"
        )
        print(f"\n{change.citation}  [{where}] — {CHANGE_NAMES[change.change]}")
        print(f"  {marked_text(change.ops)}")
        if (
            change.change not in ("footnotes", REMOVED)
            and change.old_footnotes != change.new_footnotes
        ):
            for note in change.old_footnotes:
                print(f"  сноска была: {note}")
            for note in change.new_footnotes:
                print(f"  сноска стала: {note}")
    sys.stdout.flush()
    return 0
