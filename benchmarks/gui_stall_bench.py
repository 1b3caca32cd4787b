"""Does the window freeze? The longest gap of a 5 ms timer on the GUI thread, and how soon
search-as-you-type answers.

A fresh process (``--child``; cold caches, an empty cache folder, so the search index is
built as on the first start after installing) opens the real main window offscreen and
starts a 5 ms ``QTimer`` on the GUI thread that notes each tick. The longest gap between ticks
is the longest time the window could not have answered the user. It is taken

- while the index builds (from the window's first paint until the search service is ready),
- while queries are typed into the search field a key at a time, as a user types, each
  followed by its results,
- and, as the baseline, while the same window sits idle for a second.

Search as you type: from the last key of each query to the first paint of its results
(the list or, with no hits, the status line), beside the same typing into a bare
``QLineEdit`` whose pause timer (the same interval as the search field's) shows the text in
a ``QLabel``; the difference is what the search adds to the pause the field waits for.

    python benchmarks/gui_stall_bench.py [--quick]     # spawns the child, prints JSON
"""

from __future__ import annotations

import gc
import itertools
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent

TICK_MS = 5
KEY_MS = 110
"""Between two keys: a brisk typist (about 9 keys a second), well inside the field's pause."""
TYPED = [
    "прокуратура",
    "огневая подготовка",
    "п. 19",
    "надзор за законностью",
    "прокуротура",
    "международное сотрудничество",
    "полномочия генерального прокурора",
    "№ 1125",
]
POLL_MS = 10
"""How often a wait checks its condition. Every check is Python on the GUI thread, which must
take the interpreter lock from the worker (up to the 5 ms switch interval each time): polling
faster would itself hold the ticks back."""
IDLE_SECONDS = 1.0
INDEX_TIMEOUT = 600.0


# -- the child: everything below runs inside the measured process ------------------------


class _Child:
    def __init__(self, queries: list[str]) -> None:
        self.queries = queries
        from PySide6.QtCore import QEvent, QObject, Qt, QTimer
        from PySide6.QtWidgets import QApplication

        self.app = QApplication.instance() or QApplication(sys.argv[:1])
        self.ticks: list[float] = []
        # Garbage collections stop every thread: note them, to tell what a long gap was.
        self.collections: list[tuple[float, float, int]] = []
        began: list[float] = []

        def on_collection(phase: str, info: dict) -> None:
            if phase == "start":
                began[:] = [time.perf_counter()]
            elif began:
                self.collections.append((began[0], time.perf_counter(), info["generation"]))

        gc.callbacks.append(on_collection)
        self.timer = QTimer()
        self.timer.setTimerType(Qt.TimerType.PreciseTimer)
        self.timer.setInterval(TICK_MS)
        self.timer.timeout.connect(lambda: self.ticks.append(time.perf_counter()))

        class PaintWatch(QObject):
            """The time of the latest paint of any widget it watches."""

            def __init__(self) -> None:
                super().__init__()
                self.last = 0.0

            def watch(self, *widgets) -> None:
                for widget in widgets:
                    widget.installEventFilter(self)

            def eventFilter(self, watched, event) -> bool:
                if event.type() == QEvent.Type.Paint:
                    self.last = time.perf_counter()
                return False

        self.paints = PaintWatch()

    # -- waiting with the event loop running (so the timer keeps ticking) --------------
    def wait_until(self, condition, timeout: float) -> bool:
        from PySide6.QtCore import QEventLoop, QTimer

        if condition():
            return True
        loop = QEventLoop()
        poll = QTimer()
        poll.setInterval(POLL_MS)
        deadline = time.perf_counter() + timeout

        def check() -> None:
            if condition() or time.perf_counter() > deadline:
                loop.quit()

        poll.timeout.connect(check)
        poll.start()
        loop.exec()
        poll.stop()
        return condition()

    def pause(self, seconds: float) -> None:
        until = time.perf_counter() + seconds
        self.wait_until(lambda: time.perf_counter() >= until, seconds + 1)

    def gaps(self, start: float, end: float) -> list[tuple[float, float]]:
        """The times between ``start``, the ticks that followed it and ``end``, longest first."""
        moments = [start, *(t for t in self.ticks if start < t < end), end]
        return sorted(itertools.pairwise(moments), key=lambda gap: gap[0] - gap[1])

    def longest_gap(self, start: float, end: float) -> tuple[float, float]:
        return self.gaps(start, end)[0]

    def longest_gaps(self, start: float, end: float, count: int = 5) -> list[tuple[float, float]]:
        """(ms after ``start``, ms long) of the longest gaps: where to look first."""
        return [
            (round((a - start) * 1000, 1), round((b - a) * 1000, 1))
            for a, b in self.gaps(start, end)[:count]
        ]

    def max_gap_ms(self, start: float, end: float) -> float:
        a, b = self.longest_gap(start, end)
        return round((b - a) * 1000, 1)

    def gap_cause(self, start: float, end: float) -> str:
        """What the longest gap overlapped: garbage collections, or nothing we can see."""
        a, b = self.longest_gap(start, end)
        found = [(g, e - s) for s, e, g in self.collections if s < b and e > a and e - s > 0.001]
        if not found:
            return "no garbage collection"
        return ", ".join(f"gen{g} collection {seconds * 1000:.1f} ms" for g, seconds in found)

    # -- typing ------------------------------------------------------------------------
    def type_text(self, field, text: str) -> float:
        """Type ``text`` a key at a time, as key events; the time of the last key."""
        from PySide6.QtCore import QEvent, Qt
        from PySide6.QtGui import QKeyEvent
        from PySide6.QtWidgets import QApplication

        last = 0.0
        for n, char in enumerate(text):
            # QTest.keyClicks knows only ASCII; a Cyrillic key's code is its capital letter.
            key = ord(char.upper()) if char.strip() else int(Qt.Key.Key_Space)
            for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
                event = QKeyEvent(kind, key, Qt.KeyboardModifier.NoModifier, char)
                QApplication.sendEvent(field, event)
            last = time.perf_counter()
            if n < len(text) - 1:
                self.pause(KEY_MS / 1000)
        return last

    def typed_latency(self, field, shown_since, queries: list[str]) -> list[float]:
        """For each query: ms from its last key to the first paint that shows its answer."""
        latencies = []
        for query in queries:
            field.setFocus()
            last_key = self.type_text(field, query)
            if not self.wait_until(lambda q=query, t=last_key: shown_since(q, t), 30):
                raise RuntimeError(f"no results shown for «{query}»")
            latencies.append((self.paints.last - last_key) * 1000)
            field.clear()
            self.pause(0.15)
        return latencies

    # -- the measurement ---------------------------------------------------------------
    def run(self) -> dict:
        from gp_desktop.ui.window_factory import make_window

        folder = Path(tempfile.mkdtemp(prefix="gp-bench-stall-"))
        window = make_window(folder=folder, persist=False)
        service, panel = window.search_service, window.search_panel
        marks: dict[str, float] = {}
        window.first_painted.connect(lambda: marks.setdefault("painted", time.perf_counter()))
        service.ready.connect(lambda: marks.setdefault("ready", time.perf_counter()))
        self.timer.start()
        marks["shown"] = time.perf_counter()
        window.show()
        if not self.wait_until(lambda: "painted" in marks, 60):
            raise RuntimeError("the window was never painted")
        if not self.wait_until(lambda: "ready" in marks or bool(service.error), INDEX_TIMEOUT):
            raise RuntimeError("the search index did not open in time")
        if service.error:
            raise RuntimeError(f"search unavailable: {service.error}")
        if "ready" not in marks:  # ready came before our connection saw it
            marks["ready"] = time.perf_counter()
        self.pause(0.2)

        self.paints.watch(panel.view.viewport(), panel.status)
        changed: dict[str, float] = {}
        panel.results_changed.connect(lambda: changed.__setitem__("at", time.perf_counter()))

        def shown(query: str, since: float) -> bool:
            results = panel.results
            return (
                results is not None
                and results.query == query
                and changed.get("at", 0) > since
                and self.paints.last > changed["at"]
            )

        marks["typing"] = time.perf_counter()
        ours = self.typed_latency(panel.field, shown, self.queries)
        marks["typed"] = time.perf_counter()
        self.pause(IDLE_SECONDS)
        marks["idle"] = time.perf_counter()
        self.timer.stop()
        window.close()

        bare = self.bare_typing()
        return {
            "corpus_documents": len(window.corpus.nodes),
            "first_paint_gap_ms": self.max_gap_ms(marks["shown"], marks["painted"]),
            "index_build_ms": round((marks["ready"] - marks["painted"]) * 1000, 1),
            "indexing_max_ms": self.max_gap_ms(marks["painted"], marks["ready"]),
            "typing_max_ms": self.max_gap_ms(marks["typing"], marks["typed"]),
            "idle_max_ms": self.max_gap_ms(marks["typed"], marks["idle"]),
            "indexing_gap_cause": self.gap_cause(marks["painted"], marks["ready"]),
            "typing_gap_cause": self.gap_cause(marks["typing"], marks["typed"]),
            "indexing_gaps": self.longest_gaps(marks["painted"], marks["ready"]),
            "longest_collection_ms": round(
                max((e - s for s, e, _ in self.collections), default=0.0) * 1000, 1
            ),
            "ticks": len(self.ticks),
            "typed": self.queries,
            "key_interval_ms": KEY_MS,
            "latencies_ms": [round(v, 1) for v in ours],
            "bare_latencies_ms": [round(v, 1) for v in bare],
        }

    def bare_typing(self) -> list[float]:
        """The baseline: a bare field whose pause timer shows the text in a label."""
        from PySide6.QtCore import QTimer
        from PySide6.QtWidgets import QLabel, QLineEdit, QVBoxLayout, QWidget

        from gp_desktop.ui.search.panel import DEBOUNCE_MS

        widget = QWidget()
        field, label = QLineEdit(), QLabel()
        layout = QVBoxLayout(widget)
        layout.addWidget(field)
        layout.addWidget(label)
        pause = QTimer(widget, singleShot=True, interval=DEBOUNCE_MS)
        shown_text: dict[str, float] = {}

        def show() -> None:
            label.setText(field.text())
            shown_text["at"] = time.perf_counter()

        pause.timeout.connect(show)
        field.textEdited.connect(lambda _t: pause.start())
        widget.resize(400, 120)
        widget.show()
        self.paints.watch(label)
        self.pause(0.2)

        def shown(query: str, since: float) -> bool:
            return (
                label.text() == query
                and shown_text.get("at", 0) > since
                and self.paints.last > shown_text["at"]
            )

        # The same mechanics whatever is typed: short words suffice.
        latencies = self.typed_latency(field, shown, [q for q in TYPED if len(q) < 12])
        widget.close()
        return latencies


def child_main(quick: bool) -> int:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    queries = TYPED[::2] if quick else TYPED
    print(json.dumps(_Child(queries).run(), ensure_ascii=False), flush=True)
    return 0


# -- the parent: the harness section ---------------------------------------------------


def measure(quick: bool) -> dict:
    """Spawn the child with empty cache and config folders; its figures."""
    from harness import child_env

    with tempfile.TemporaryDirectory(prefix="gp-bench-stall-") as tmp:
        folder = Path(tmp)
        env = child_env(folder)
        done = subprocess.run(
            [sys.executable, str(Path(__file__).resolve()), "--child"]
            + (["--quick"] if quick else []),
            capture_output=True,
            text=True,
            env=env,
            cwd=ROOT,
            timeout=INDEX_TIMEOUT + 120,
        )
    lines = [line for line in done.stdout.splitlines() if line.startswith("{")]
    if done.returncode != 0 or not lines:
        raise RuntimeError(f"gui_stall child exited with {done.returncode}:\n{done.stderr[-3000:]}")
    return json.loads(lines[-1])


def gui_stall(quick: bool) -> dict:
    from harness import Figure, percentile, ratio, report

    from gp_desktop.ui.search.panel import DEBOUNCE_MS

    report(f"gui_stall: a {TICK_MS} ms timer on the GUI thread; fresh cache, the index builds")
    child = measure(quick)
    worst = max(child["indexing_max_ms"], child["typing_max_ms"])
    stall = {
        "max_ms": worst,
        "baseline_ms": child["idle_max_ms"],
        "ratio": ratio(worst, child["idle_max_ms"]),
        "indexing_max_ms": child["indexing_max_ms"],
        "typing_max_ms": child["typing_max_ms"],
        "idle_max_ms": child["idle_max_ms"],
        "first_paint_gap_ms": child["first_paint_gap_ms"],
        "index_build_ms": child["index_build_ms"],
        "indexing_gap_cause": child["indexing_gap_cause"],
        "typing_gap_cause": child["typing_gap_cause"],
        "longest_collection_ms": child["longest_collection_ms"],
        "indexing_gaps": child["indexing_gaps"],
    }
    ours, bare = child["latencies_ms"], child["bare_latencies_ms"]
    typing = {
        "first_result_ms": round(statistics.median(ours), 1),
        "first_result_p95_ms": round(percentile(ours, 0.95), 1),
        "baseline_ms": round(statistics.median(bare), 1),
        "debounce_ms": DEBOUNCE_MS,
        "queries": child["typed"],
        "latencies_ms": ours,
        "baseline_latencies_ms": bare,
        "key_interval_ms": child["key_interval_ms"],
    }
    typing["ratio"] = ratio(typing["first_result_ms"], typing["baseline_ms"])
    report(
        f"  longest gap: indexing {stall['indexing_max_ms']} ms "
        f"(index ready {stall['index_build_ms']:.0f} ms after the first paint), "
        f"typing {stall['typing_max_ms']} ms, idle {stall['idle_max_ms']} ms"
    )
    report(
        f"  the longest gaps overlapped: indexing — {stall['indexing_gap_cause']}; "
        f"typing — {stall['typing_gap_cause']}"
    )
    report(
        f"  (before the first paint, window construction aside: {stall['first_paint_gap_ms']} ms)"
    )
    report(
        f"  search as you type, last key → results painted: median {typing['first_result_ms']} ms, "
        f"p95 {typing['first_result_p95_ms']} ms; bare field with the same {DEBOUNCE_MS} ms pause "
        f"{typing['baseline_ms']} ms"
    )
    figures = [
        Figure(
            "gui_stall.max_ms",
            stall["max_ms"],
            stall["baseline_ms"],
            "ms",
            "the same timer's longest gap in the idle window",
            "≤ 50 ms",
            stall["max_ms"] <= 50,
        ),
        Figure(
            "search.as_you_type.first_result_ms",
            typing["first_result_ms"],
            typing["baseline_ms"],
            "ms",
            f"bare QLineEdit, same {DEBOUNCE_MS} ms pause, text shown in a QLabel",
        ),
    ]
    return {"gui_stall": stall, "search": {"as_you_type": typing}, "figures": figures}


if __name__ == "__main__":
    if "--child" in sys.argv:
        sys.exit(child_main("--quick" in sys.argv))
    sys.path.insert(0, str(HERE))
    sys.path.insert(0, str(ROOT))
    from harness import set_quiet

    set_quiet(True)  # stdout is the JSON alone
    found = gui_stall("--quick" in sys.argv)
    found.pop("figures")
    print(json.dumps(found, ensure_ascii=False, indent=1))
