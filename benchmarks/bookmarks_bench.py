"""Bookmarks at scale: a user's file of 100 000 bookmarks read, and one star added to it.

The store (``gp_desktop/bookmarks.py``) reads the file whole, keeps unknown fields, sets a
damaged file aside and merges under a lock with other windows; a star is a locked re-read
when the file changed, the change, and a safe write (temporary file, fsync, rename). Each is
measured beside the least code that does the same job without any of that, in the same run:

- load: ``Bookmarks.load`` beside ``json.loads`` of the same bytes (the parse alone);
- star: ``Bookmarks.add`` on the loaded 100 000 beside ``json.dumps`` of the same list, its
  write to a temporary file, fsync and rename (the floor of any write that cannot leave half a
  file).

Both run in a temporary folder of their own; nothing of the user's is read or written.
"""

from __future__ import annotations

import json
import os
import statistics
import tempfile
import time
from pathlib import Path

from harness import Figure, report

from gp_desktop.bookmarks import Bookmarks

COUNT = 100_000


def _file(path: Path, count: int) -> None:
    entries = [
        {"node_id": f"polozhenie/p-{k}", "added": "2026-12-01T10:00:00"} for k in range(count)
    ]
    path.write_text(
        json.dumps({"version": 1, "bookmarks": entries}, ensure_ascii=False), encoding="utf-8"
    )


def _floor_write(path: Path, data: dict) -> None:
    temporary = path.with_name(path.name + ".floor")
    with open(temporary, "w", encoding="utf-8") as out:
        out.write(json.dumps(data, ensure_ascii=False))
        out.flush()
        os.fsync(out.fileno())
    os.replace(temporary, path)


def _median_ms(samples: list[float]) -> float:
    return round(statistics.median(samples) * 1000, 1)


def bookmarks(quick: bool) -> dict:
    rounds = 3 if quick else 7
    report(f"bookmarks: {COUNT:,} bookmarks loaded and one star added, {rounds} rounds each")
    load, parse, star, floor = [], [], [], []
    with tempfile.TemporaryDirectory(prefix="gp-bench-bookmarks-") as folder:
        path = Path(folder) / "bookmarks.json"
        floor_path = Path(folder) / "floor.json"
        for k in range(rounds):
            _file(path, COUNT)
            raw = path.read_bytes()
            started = time.perf_counter()
            data = json.loads(raw)
            parse.append(time.perf_counter() - started)

            started = time.perf_counter()
            marks = Bookmarks.load(path)
            load.append(time.perf_counter() - started)
            assert len(marks) == COUNT, marks.problem

            started = time.perf_counter()
            marks.add(f"polozhenie/new-{k}")
            star.append(time.perf_counter() - started)

            data["bookmarks"].append({"node_id": f"polozhenie/new-{k}", "added": ""})
            started = time.perf_counter()
            _floor_write(floor_path, data)
            floor.append(time.perf_counter() - started)
    figure = {
        "count": COUNT,
        "load_ms": _median_ms(load),
        "load_baseline_ms": _median_ms(parse),
        "star_ms": _median_ms(star),
        "star_baseline_ms": _median_ms(floor),
        "rounds": rounds,
    }
    report(
        f"  load {figure['load_ms']:.0f} ms (json.loads {figure['load_baseline_ms']:.0f} ms); "
        f"one star {figure['star_ms']:.0f} ms (dump + fsync + rename "
        f"{figure['star_baseline_ms']:.0f} ms)"
    )
    rows = [
        Figure(
            "bookmarks.load_ms",
            figure["load_ms"],
            figure["load_baseline_ms"],
            "ms",
            f"json.loads of the same {COUNT:,} bookmarks",
        ),
        Figure(
            "bookmarks.star_ms",
            figure["star_ms"],
            figure["star_baseline_ms"],
            "ms",
            "json.dumps of the same list, write, fsync, rename",
        ),
    ]
    return {"bookmarks": figure, "figures": rows}
