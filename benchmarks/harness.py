"""What every benchmark section shares: progress lines, latency summaries, and figures.

A *figure* is one measured number beside its baseline from the same run and their ratio; the
table ``run.py`` prints and the ``figures`` list of its JSON are made of them, so a reader can
follow each number from one change to the next without knowing how its section is built.
"""

from __future__ import annotations

import os
import statistics
import time
from collections.abc import Callable
from dataclasses import asdict, dataclass
from pathlib import Path

_quiet = False


def set_quiet(quiet: bool) -> None:
    global _quiet
    _quiet = quiet


def child_env(folder: Path) -> dict[str, str]:
    """Environment for a spawned app: offscreen, user folders under ``folder``, this checkout.

    An installed copy has its bytecode cached (the desktop build carries it); a shell with
    PYTHONDONTWRITEBYTECODE would make every run recompile our sources, so it is dropped.
    """
    return {
        **{k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"},
        "QT_QPA_PLATFORM": "offscreen",
        "XDG_CACHE_HOME": str(folder / "cache"),
        "XDG_DATA_HOME": str(folder / "data"),
        "XDG_CONFIG_HOME": str(folder / "config"),
        "PYTHONPATH": str(Path(__file__).resolve().parent.parent),
    }


def report(line: str = "") -> None:
    """A progress line on stdout (silent with ``--json``, whose stdout is the JSON alone)."""
    if not _quiet:
        print(line, flush=True)


def percentile(values: list[float], fraction: float) -> float:
    ordered = sorted(values)
    index = min(len(ordered) - 1, max(0, round(fraction * (len(ordered) - 1))))
    return ordered[index]


def latency_summary(seconds: list[float]) -> dict:
    return {
        "median_ms": round(statistics.median(seconds) * 1000, 3),
        "p95_ms": round(percentile(seconds, 0.95) * 1000, 3),
        "samples": len(seconds),
    }


def timed(run: Callable[[], object], repeats: int) -> list[float]:
    """Seconds of each of ``repeats`` calls."""
    seconds = []
    for _ in range(repeats):
        started = time.perf_counter()
        run()
        seconds.append(time.perf_counter() - started)
    return seconds


def ratio(ours: float, baseline: float) -> float | None:
    return round(ours / baseline, 2) if baseline > 0 else None


@dataclass
class Figure:
    """One row of the table: ours, the baseline measured beside it, and the ratio."""

    key: str
    """Where the number sits in the JSON, dotted (``search.x1.p95_ms``)."""
    ours: float
    baseline: float | None
    unit: str
    baseline_is: str
    target: str = ""
    """The issue's target for this figure, as text, when it has one."""
    met: bool | None = None
    """Whether the target is met (None: no target)."""

    @property
    def ratio(self) -> float | None:
        return ratio(self.ours, self.baseline) if self.baseline is not None else None

    def as_json(self) -> dict:
        return {**asdict(self), "ratio": self.ratio}


def _number(value: float | None, unit: str) -> str:
    if value is None:
        return "—"
    if unit == "ms":
        return f"{value:.1f} ms" if value < 100 else f"{value:.0f} ms"
    if unit == "s":
        return f"{value:.2f} s"
    if unit == "MB":
        return f"{value:.0f} MB"
    return f"{value:g} {unit}"


def table(figures: list[Figure]) -> list[str]:
    """The figures as aligned text lines."""
    rows = [("figure", "ours", "baseline", "ratio", "target", "baseline is")]
    for f in figures:
        verdict = "" if f.met is None else (" ✓" if f.met else " ✗")
        rows.append(
            (
                f.key,
                _number(f.ours, f.unit),
                _number(f.baseline, f.unit),
                "—" if f.ratio is None else f"{f.ratio:.2f}×",
                f"{f.target}{verdict}" if f.target else "",
                f.baseline_is,
            )
        )
    widths = [max(len(r[k]) for r in rows) for k in range(5)]
    lines = []
    for n, row in enumerate(rows):
        cells = [row[0].ljust(widths[0])]
        cells += [row[k].rjust(widths[k]) for k in (1, 2, 3)]
        cells += [row[4].ljust(widths[4]), row[5]]
        lines.append("  ".join(cells).rstrip())
        if n == 0:
            lines.append("  ".join("-" * w for w in widths) + "  " + "-" * 11)
    return lines
