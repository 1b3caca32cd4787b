"""Performance harness: each figure measured beside a baseline in the same run, as a ratio.

    python benchmarks/run.py [--quick] [--json] [--section NAME …]

Machines differ and are noisy, so every figure is a ratio to a baseline measured here and
now, as well as milliseconds; this is not a test and asserts nothing. A section is a function
``name(quick: bool) -> dict`` registered in ``SECTIONS``; it prints progress through
``harness.report()`` and returns its figures under top-level keys (``{"search": {…}}``), with
the rows of the table as ``harness.Figure``s under ``"figures"``. ``--quick`` repeats less and
builds the act ×10 rather than ×100 in the build section (search keeps ×100, whose p95 ratio
is followed), to finish in under a minute (about 40 s on the development container).

Sections (each in its own module beside this one):
  startup     process start → first paint of the main window (``--self-test``) beside a bare
              PySide6 window spawned the same way; peak RSS of both (startup_bench.py)
  search      ``SearchIndex.search`` beside SQLite FTS5 fed the same analysed tokens, bundled
              corpus and act ×100 (search_bench.py); then the relevance figures below
  relevance   recall@5 and MRR on the judged queries of relevance/queries.json beside the
              keyword-only search (relevance_bench.py; part of search, alone when named)
  build       build-corpus beside a plain SQLite import of the same text; the search index
              beside FTS5 on the same tokens; bundled act and act ×100, ×10 with --quick
              (build_bench.py)
  excerpt     the whole Положение to PDF beside Qt printing the same HTML (excerpt_bench.py)
  gui_stall   the longest gap of a 5 ms timer on the GUI thread while the index builds and
              while queries are typed; search-as-you-type latency (gui_stall_bench.py)
  editions   the whole act diffed between two editions beside difflib over its words;
              add-edition beside build-corpus; start-up with ten editions beside one; the
              file's growth per edition (editions_bench.py)
  bookmarks   100 000 bookmarks loaded beside json.loads of them; one star added beside a bare
              dump, fsync and rename of the same list (bookmarks_bench.py)
  morphology  which forms of the act's words a query misses (not timed; only when named)
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import time
from collections.abc import Callable
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
for folder in (HERE, ROOT):  # the section modules, and gp_desktop from this checkout
    if str(folder) not in sys.path:
        sys.path.insert(0, str(folder))
if sys.platform.startswith("linux") and not os.environ.get("DISPLAY"):
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from bookmarks_bench import bookmarks  # noqa: E402
from build_bench import build  # noqa: E402
from editions_bench import bench_editions  # noqa: E402
from excerpt_bench import bench_excerpt  # noqa: E402
from gui_stall_bench import gui_stall  # noqa: E402
from harness import Figure, report, set_quiet, table  # noqa: E402
from morphology_bench import morphology  # noqa: E402
from relevance_bench import relevance  # noqa: E402
from search_bench import search  # noqa: E402
from startup_bench import startup  # noqa: E402


def excerpt(quick: bool) -> dict:
    report("excerpt: the whole Положение as one выписка to PDF")
    result = bench_excerpt(quick)
    figure = {
        "ms": round(result["ours_seconds"] * 1000, 1),
        "baseline_ms": round(result["baseline_seconds"] * 1000, 1),
        "ratio": result["ratio"],
        "compose_ms": round(result["compose_seconds"] * 1000, 1),
        "pages": result["pages"],
        "repeats": result["repeats"],
    }
    report(
        f"  {figure['pages']} pages: {figure['ms']:.0f} ms (composing {figure['compose_ms']:.0f} ms), "
        f"Qt printing the same HTML {figure['baseline_ms']:.0f} ms, ratio {figure['ratio']}×"
    )
    row = Figure(
        "excerpt.ms",
        figure["ms"],
        figure["baseline_ms"],
        "ms",
        "QTextDocument.print_ of the same HTML to a QPdfWriter, no excerpt logic",
    )
    return {"excerpt": figure, "figures": [row]}


def editions(quick: bool) -> dict:
    report("editions: diff of the whole act, add-edition, start-up with ten, file growth")
    return bench_editions(quick)


SECTIONS: dict[str, Callable[[bool], dict]] = {
    "startup": startup,
    "search": search,
    "build": build,
    "excerpt": excerpt,
    "gui_stall": gui_stall,
    "editions": editions,
    "bookmarks": bookmarks,
    "morphology": morphology,
    "relevance": relevance,
}
DEFAULT = [name for name in SECTIONS if name not in ("morphology", "relevance")]
SUMMARY = [
    "startup.ratio",
    "memory.ratio",
    "search.x1.p95_ms",
    "search.x100.ratio_p95",
    "gui_stall.max_ms",
]
"""The figures the issue follows from one change to the next."""


def _merge(into: dict, new: dict) -> None:
    for key, value in new.items():
        if isinstance(value, dict) and isinstance(into.get(key), dict):
            _merge(into[key], value)
        else:
            into[key] = value


def _lookup(results: dict, dotted: str):
    value = results
    for part in dotted.split("."):
        if not isinstance(value, dict) or part not in value:
            return None
        value = value[part]
    return value


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument(
        "--quick", action="store_true", help="fewer rounds, builds ×10: under a minute"
    )
    parser.add_argument("--json", action="store_true", help="print the figures as one JSON object")
    parser.add_argument(
        "--section", action="append", choices=sorted(SECTIONS), help="run only these sections"
    )
    args = parser.parse_args(argv)
    set_quiet(args.json)
    started = time.perf_counter()
    results: dict = {"quick": args.quick}
    figures: list[Figure] = []
    for name in args.section or DEFAULT:
        try:
            found = SECTIONS[name](args.quick)
        except Exception as exc:  # one broken section must not hide the others' figures
            report(f"{name}: FAILED: {type(exc).__name__}: {exc}")
            found = {name: {"error": f"{type(exc).__name__}: {exc}"}}
        figures += found.pop("figures", [])
        _merge(results, found)
        report()
    results["figures"] = [f.as_json() for f in figures]
    results["summary"] = {key: _lookup(results, key) for key in SUMMARY}
    results["seconds"] = round(time.perf_counter() - started, 1)
    if args.json:
        print(json.dumps(results, ensure_ascii=False, indent=1))
    else:
        for line in table(figures):
            report(line)
        report()
        report(f"{results['seconds']} s; summary: " + json.dumps(results["summary"]))
    return 0


if __name__ == "__main__":
    sys.exit(main())
