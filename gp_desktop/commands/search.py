"""``gp-desktop search QUERY``: ranked clauses for words in any form, as text or JSON."""

from __future__ import annotations

import argparse
import html
import json
import re
import sys
from typing import TYPE_CHECKING

from gp_desktop.commands import add_as_of_option, add_corpus_option, open_corpus
from gp_desktop.corpus.errors import CorpusError
from gp_desktop.terminal import neutralised, on_terminal, say

if TYPE_CHECKING:
    from gp_desktop.search import SearchResults

NAME = "search"
DEFAULT_LIMIT = 20

_MARK = re.compile(r"<b>(.*?)</b>", re.S)


def _positive(value: str) -> int:
    try:
        number = int(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"нужно целое число, а не «{value}»") from None
    if number < 1:
        raise argparse.ArgumentTypeError("нужно число не меньше 1")
    return number


def add_parser(sub: argparse._SubParsersAction) -> argparse.ArgumentParser:
    p = sub.add_parser(
        NAME,
        help="найти пункты по словам в любой форме",
        description="Сначала пункты со всеми словами (вопросительные слова не обязательны), "
        "затем найденное не по всем словам; синонимы и сокращения, определения акта, "
        'написания названий мест и опечатки текста учитываются; "фраза", OR, -исключить, '
        "начало*; «п. 19», «19.8», «№ 1125» ведут к пункту или сноскам указа.",
    )
    p.add_argument("query", metavar="QUERY", help="что искать")
    p.add_argument(
        "--limit",
        type=_positive,
        default=DEFAULT_LIMIT,
        metavar="N",
        help=f"сколько результатов показать (по умолчанию {DEFAULT_LIMIT})",
    )
    p.add_argument("--json", action="store_true", help="вывести JSON")
    p.add_argument("--exact", action="store_true", help="только в той форме, как написано")
    p.add_argument(
        "--in",
        dest="within",
        metavar="РАЗДЕЛ",
        help="искать только в части или главе: «Глава 3», «Положение», polozhenie/gl-3",
    )
    add_corpus_option(p)
    add_as_of_option(p)
    return p


def _plain(snippet: str, bold: bool) -> str:
    """The snippet as text; on a terminal the words found in bold and the corpus's own
    control characters made harmless (only our bold is an escape sequence)."""
    parts = _MARK.split(snippet)  # text, found, text, found, …, text
    out = []
    for k, part in enumerate(parts):
        text = html.unescape(part)
        if bold:
            text = neutralised(text)
        out.append(f"\033[1m{text}\033[0m" if bold and k % 2 else text)
    return "".join(out)


PARTIAL_TITLE = "Найдено не по всем словам:"


def _print_hit(number: int, hit, bold: bool) -> None:
    say(f"{number}. {hit.citation}  [{hit.id}]  {hit.score:g}")
    if hit.missing:
        say("   нет: " + ", ".join(f"«{w}»" for w in hit.missing))
    if hit.note:
        say(f"   {hit.note}")
    if hit.lead_in:
        print(f"   {' '.join(_plain(hit.lead_in, bold).split())} …")
    print(f"   {' '.join(_plain(hit.snippet, bold).split())}")


def _print_text(results: SearchResults) -> None:
    bold = on_terminal()
    for number, hit in enumerate(results.hits, 1):
        _print_hit(number, hit, bold)
    if results.partial:
        print(f"\n{PARTIAL_TITLE}" if results.hits else PARTIAL_TITLE)
        for number, hit in enumerate(results.partial, len(results.hits) + 1):
            _print_hit(number, hit, bold)
    if results.hits:
        print(f"\nНайдено: {results.total} (показано {len(results.hits)})")
    else:
        print("\nНичего не найдено по всем словам." if results.partial else "Ничего не найдено.")
    if results.suggestion:
        say(f"Возможно, вы имели в виду: {results.suggestion}")


def _json_hit(h) -> dict:
    found = {"id": h.id, "citation": h.citation, "snippet": h.snippet, "text": h.text}
    found["score"] = h.score
    if h.note:
        found["note"] = h.note
    return found


def run(args: argparse.Namespace) -> int:
    # Imported here: every start of the program (the window too) builds this parser, and
    # Whoosh takes 40 ms to import; the window loads it after its first paint.
    from gp_desktop.search import SearchIndex
    from gp_desktop.search.documents import resolve_section

    corpus = open_corpus(args)
    if args.within is not None and resolve_section(corpus, args.within) is None:
        raise CorpusError(f"не найден раздел «{args.within}» (пример: «Глава 3», «Положение»)")
    index = SearchIndex.open(corpus)
    try:
        results = index.search(args.query, limit=args.limit, exact=args.exact, within=args.within)
    finally:
        index.close()
    if not args.json:
        _print_text(results)
        return 0
    data = [_json_hit(h) for h in results.hits]
    if not results.hits:  # the partial matches stand in, each naming the words it lacks
        data = [{**_json_hit(h), "missing": list(h.missing)} for h in results.partial]
    print(json.dumps(data, ensure_ascii=False, indent=1))
    if results.suggestion:
        print(f"gp-desktop: возможно, вы имели в виду: {results.suggestion}", file=sys.stderr)
    return 0
