"""``gp-desktop check [PATH]``: verify a corpus file (schema, integrity, source hash, counts)."""

from __future__ import annotations

import argparse
import json
import sys

from gp_desktop.commands import corpus_path
from gp_desktop.corpus.check import check_corpus

NAME = "check"


def add_parser(sub: argparse._SubParsersAction) -> argparse.ArgumentParser:
    p = sub.add_parser(
        NAME, help="проверить файл корпуса: схема, целостность, исходный текст, счёт"
    )
    p.add_argument(
        "path", nargs="?", metavar="PATH", help="файл корпуса (по умолчанию — встроенный)"
    )
    p.add_argument("--json", action="store_true", help="вывести JSON")
    return p


def run(args: argparse.Namespace) -> int:
    path = args.path or corpus_path(args)
    report = check_corpus(path)
    if args.json:
        print(
            json.dumps(
                {
                    "path": report.path,
                    "ok": report.ok,
                    "problems": report.problems,
                    **report.facts,
                    "warnings": report.warnings,
                },
                ensure_ascii=False,
                indent=1,
            )
        )
    else:
        for key, value in report.facts.items():
            print(f"{key}: {value}")
        for warning in report.warnings:
            print(f"предупреждение импорта: {warning}")
        for problem in report.problems:
            print(f"gp-desktop: {report.path}: {problem}", file=sys.stderr)
        if report.ok:
            print(f"{report.path}: исправен")
    return 0 if report.ok else 1
