"""``gp-desktop show ID-or-citation``: one clause with its footnotes and amendments.

The footnotes include those of what contains it (its clause, its document), which apply to
it as well: the same ones the excerpt prints with it (``Corpus.inherited_footnotes``).
"""

from __future__ import annotations

import argparse
import json

from gp_desktop.commands import add_as_of_option, add_corpus_option, open_corpus
from gp_desktop.corpus.citations import citation, citations, resolve
from gp_desktop.corpus.errors import CorpusError
from gp_desktop.corpus.export import export_text
from gp_desktop.corpus.footnotes import short_date
from gp_desktop.corpus.model import FOOTNOTE
from gp_desktop.corpus.titles import amendment_words
from gp_desktop.terminal import say

NAME = "show"


def add_parser(sub: argparse._SubParsersAction) -> argparse.ArgumentParser:
    p = sub.add_parser(NAME, help="показать пункт с его сносками и изменениями")
    p.add_argument(
        "reference", metavar="ID-or-citation", help="например: 19, «п. 19», 19.8, polozhenie/p-19"
    )
    p.add_argument("--json", action="store_true", help="вывести JSON")
    add_corpus_option(p)
    add_as_of_option(p)
    return p


def run(args: argparse.Namespace) -> int:
    corpus = open_corpus(args)
    node_id = resolve(corpus, args.reference)
    if node_id is None:
        raise CorpusError(f"не найден пункт «{args.reference}»")
    node = corpus.node(node_id)
    nodes = corpus.subtree(node_id)
    inherited = corpus.inherited_footnotes(node_id)
    # Its own footnotes and those of its clause and document, which apply to it as well.
    applying = sorted([n for n in nodes if n.kind == FOOTNOTE] + inherited, key=lambda n: n.seq)
    amendments = corpus.amendments_of(node_id)
    if args.json:
        data = {
            "id": node.id,
            **citations(corpus, node_id),
            "kind": node.kind,
            "label": node.label,
            "heading": node.heading,
            "text": export_text(corpus, [n for n in nodes if n.kind != FOOTNOTE]).strip(),
            "footnotes": [n.text for n in applying],
            "amendments": [
                {
                    "id": a.id,
                    "date": a.date,
                    "number": a.number,
                    "title": a.title,
                    "effect": link.effect,
                }
                for a, link in amendments
            ],
        }
        print(json.dumps(data, ensure_ascii=False, indent=1))
        return 0
    say(citation(corpus, node_id))
    say(f"({node_id})\n")
    say(export_text(corpus, nodes), end="")
    if inherited:
        say("\nСноски, относящиеся и к нему:")
        for note in inherited:
            say(f"  {note.text}")
    if amendments:
        say("\nИзменения:")
        for amendment, link in amendments:
            say(
                f"  {short_date(amendment.date)} № {amendment.number} — {amendment_words(corpus, link)}"
            )
    return 0
