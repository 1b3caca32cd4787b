"""Start-up: process start → first paint of the main window, beside a bare PySide6 window.

``python -m gp_desktop --self-test`` and ``bare_window.py`` are spawned the same way, in turn,
with the same offscreen environment; each prints the wall-clock time of its first paint (an
event filter on the central widget's viewport), and the harness counts from the moment just
before it spawned the process, so the interpreter's start and every import are included on
both sides. Peak memory is each child's own maximum resident set size, from ``wait4``: the
whole self-test (window, search index, a search, an excerpt to PDF) against the bare window.
One untimed run of each first fills the page cache and builds the search index in a
temporary cache folder that the timed runs then find.

A third child, ``act_window.py``, is timed the same way: the least window that shows the act
(its HTML, a tree of its parts and clauses, a tool bar and menus, in one file with no features).
It is the floor a window over this act can reach in PySide6, so the figures tell how much of
the start-up is the act and Qt's widgets and how much our features add.
"""

from __future__ import annotations

import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from harness import Figure, child_env, ratio, report

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
WINDOW_SIZE = ("1280", "800")
"""The bare window's size: the main window's own first size (``Session.restore_layout``)."""


def spawn(command: list[str], env: dict[str, str], log: Path) -> dict:
    """Run ``command``; its JSON line, ms from spawn to first paint, and its peak RSS in MB."""
    with open(log, "ab") as errors:
        spawned = time.time()
        process = subprocess.Popen(
            command, stdout=subprocess.PIPE, stderr=errors, env=env, cwd=ROOT
        )
        assert process.stdout is not None
        output = process.stdout.read()
        process.stdout.close()
        # wait4 rather than Popen.wait: it gives this child's own resource usage.
        _, status, usage = os.wait4(process.pid, 0)
        process.returncode = os.waitstatus_to_exitcode(status)
    lines = [
        line for line in output.decode("utf-8", "replace").splitlines() if line.startswith("{")
    ]
    if process.returncode != 0 or not lines:
        raise RuntimeError(
            f"{' '.join(command)} exited with {process.returncode}; see {log}:\n{log.read_text()[-2000:]}"
        )
    result = json.loads(lines[-1])
    result["spawn_to_first_paint_ms"] = round((result["first_paint_at"] - spawned) * 1000, 1)
    result["peak_rss_mb"] = round(usage.ru_maxrss / 1024, 1)  # kilobytes on Linux
    return result


def startup(quick: bool) -> dict:
    runs = 3 if quick else 9
    report(f"startup: process start → first paint, {runs} runs each, alternating, offscreen")
    app = [sys.executable, "-m", "gp_desktop", "--self-test"]
    bare = [sys.executable, str(HERE / "bare_window.py"), *WINDOW_SIZE]
    act = [sys.executable, str(HERE / "act_window.py"), *WINDOW_SIZE]
    with tempfile.TemporaryDirectory(prefix="gp-bench-startup-") as tmp:
        folder = Path(tmp)
        # Bytecode cached as installed (without it ~40 ms of compiling ours, not the bare window's).
        env = child_env(folder)
        log = folder / "stderr.log"
        spawn(app, env, log)  # builds the index in the temporary cache, writes the bytecode,
        # fills the page cache
        spawn(bare, env, log)
        spawn(act, env, log)
        ours, theirs, floor = [], [], []
        for _ in range(runs):
            ours.append(spawn(app, env, log))
            theirs.append(spawn(bare, env, log))
            floor.append(spawn(act, env, log))

    def median(runs: list[dict], key: str) -> float:
        return round(statistics.median(r[key] for r in runs), 1)

    result = {
        "ms": median(ours, "spawn_to_first_paint_ms"),
        "baseline_ms": median(theirs, "spawn_to_first_paint_ms"),
        "runs": runs,
        "all_ms": [r["spawn_to_first_paint_ms"] for r in ours],
        "baseline_all_ms": [r["spawn_to_first_paint_ms"] for r in theirs],
        # The self-test's own figures, counted from the start of gp_desktop.cli.main.
        "self_test": {
            key: median(ours, key)
            for key in ours[0]
            if key.endswith("_ms") and key != "spawn_to_first_paint_ms"
        },
    }
    result["ratio"] = ratio(result["ms"], result["baseline_ms"])
    result["act_window_ms"] = median(floor, "spawn_to_first_paint_ms")
    result["act_window_ratio"] = ratio(result["act_window_ms"], result["baseline_ms"])
    memory = {
        "peak_rss_mb": median(ours, "peak_rss_mb"),
        "baseline_peak_rss_mb": median(theirs, "peak_rss_mb"),
    }
    memory["ratio"] = ratio(memory["peak_rss_mb"], memory["baseline_peak_rss_mb"])
    report(
        f"  gp-desktop --self-test: first paint {result['ms']:.0f} ms after spawn, "
        f"peak RSS {memory['peak_rss_mb']:.0f} MB"
    )
    report(
        f"  bare PySide6 window:    first paint {result['baseline_ms']:.0f} ms after spawn, "
        f"peak RSS {memory['baseline_peak_rss_mb']:.0f} MB"
    )
    report(
        f"  the act alone (act_window.py): first paint {result['act_window_ms']:.0f} ms, "
        f"{result['act_window_ratio']}× the bare window"
    )
    report(f"  ratio: start-up {result['ratio']}×, memory {memory['ratio']}×")
    report("  self-test's own figures (ms from cli.main): " + json.dumps(result["self_test"]))
    figures = [
        Figure(
            "startup.ms",
            result["ms"],
            result["baseline_ms"],
            "ms",
            "bare PySide6 QMainWindow + QTextBrowser, spawned and timed the same way",
            "≤ 1.5×",
            result["ratio"] is not None and result["ratio"] <= 1.5,
        ),
        Figure(
            "startup.act_window_ms",
            result["act_window_ms"],
            result["baseline_ms"],
            "ms",
            "the floor: the act, a tree, a tool bar and menus in one file, against the bare window",
        ),
        Figure(
            "memory.peak_rss_mb",
            memory["peak_rss_mb"],
            memory["baseline_peak_rss_mb"],
            "MB",
            "the bare window's peak RSS (whole self-test against it)",
            "≤ 2×",
            memory["ratio"] is not None and memory["ratio"] <= 2,
        ),
    ]
    return {"startup": result, "memory": memory, "figures": figures}
