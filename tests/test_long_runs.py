"""Long runs: thousands of searches in one process must not make memory grow without bound.

Memory is read as the process's resident set (VmRSS) after warm-up and after the run; the
figures are printed (pytest -s) so they can be reported, and the growth is bounded generously
enough to ignore allocator noise but not a leak of results, searchers or caches.
"""

from __future__ import annotations

import gc
import random
from pathlib import Path

import edition_facts as facts

QUERIES = [
    "прокуратура",
    "огневой подготовки",
    "надзор законность",
    '"высший надзор"',
    "Улытау",
    "п. 19",
    "пп. 8 п. 19",
    facts.LAST_DECREE_QUERY,
    "прокуротура",
    "оперативно-розыскной",
    "прокур*",
    "активы OR имущество",
    "прокурор -генеральный",
    "",
    "<script>",
]


def rss_mb() -> float:
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    return 0.0


def growth_after_warmup(step, warmup: int, run: int, what: str) -> float:
    """Run ``step(warmup)``, then ``step(run)``; return (and print) the RSS growth of the run."""
    step(warmup)  # caches fill, then must stay put
    gc.collect()
    before = rss_mb()
    step(run)
    gc.collect()
    after = rss_mb()
    total = warmup + run
    print(f"\n{total} {what}: RSS {before:.1f} MB after {warmup}, {after:.1f} MB after {total}")
    return after - before


def test_five_thousand_searches_do_not_grow_memory(search_index):
    rng = random.Random(563)

    def burst(count: int) -> None:
        for _ in range(count):
            query = rng.choice(QUERIES)
            if rng.random() < 0.3:  # typed character by character, as in the window
                query = query[: rng.randrange(1, len(query) + 1)] if query else query
            search_index.search(query, limit=50, exact=rng.random() < 0.1)

    growth = growth_after_warmup(burst, 1000, 4000, "searches")
    assert growth < 15, f"memory grew by {growth:.1f} MB over 4000 searches"


def test_fifty_windows_opened_and_closed_do_not_grow_memory(
    qapp, qtbot, corpus, user_dirs, search_index
):
    from PySide6.QtCore import QCoreApplication, QEvent

    from gp_desktop.ui.main_window import MainWindow
    from gp_desktop.ui.window_factory import make_window

    def cycle(count: int) -> None:
        for k in range(count):
            window = make_window(corpus, search_opener=lambda _c: search_index)
            window.show()
            qtbot.waitExposed(window)
            qtbot.waitUntil(lambda w=window: w.search_service.is_ready)
            window.open_node(f"polozhenie/p-{k % 25 + 1}")
            window.close()
            window.deleteLater()
            QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
            qapp.processEvents()

    growth = growth_after_warmup(cycle, 10, 40, "windows")
    assert growth < 40, f"memory grew by {growth:.1f} MB over 40 windows"
    from PySide6.QtWidgets import QApplication

    assert not [w for w in QApplication.topLevelWidgets() if isinstance(w, MainWindow)]
