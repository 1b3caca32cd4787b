"""Long runs: thousands of searches in one process must not make memory grow without bound.

Memory is read as the process's resident set (VmRSS) after warm-up and after the run; the
figures are printed (pytest -s) so they can be reported, and the growth is bounded generously
enough to ignore allocator noise but not a leak of results, searchers or caches.
"""

from __future__ import annotations

import gc
import random
from pathlib import Path

QUERIES = [
    "прокуратура",
    "огневой подготовки",
    "надзор законность",
    '"высший надзор"',
    "Улытау",
    "п. 19",
    "пп. 8 п. 19",
    "№ 1125",
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


def test_five_thousand_searches_do_not_grow_memory(search_index):
    rng = random.Random(563)

    def burst(count: int) -> None:
        for _ in range(count):
            query = rng.choice(QUERIES)
            if rng.random() < 0.3:  # typed character by character, as in the window
                query = query[: rng.randrange(1, len(query) + 1)] if query else query
            search_index.search(query, limit=50, exact=rng.random() < 0.1)

    burst(1000)  # warm-up: caches fill, then must stay put
    gc.collect()
    after_warmup = rss_mb()
    burst(4000)
    gc.collect()
    after_run = rss_mb()
    growth = after_run - after_warmup
    print(
        f"\n5000 searches: RSS {after_warmup:.1f} MB after 1000, {after_run:.1f} MB after 5000 (+{growth:.1f} MB)"
    )
    assert growth < 15, f"memory grew by {growth:.1f} MB over 4000 searches"


def test_fifty_windows_opened_and_closed_do_not_grow_memory(
    qapp, qtbot, corpus, user_dirs, search_index
):
    from PySide6.QtCore import QCoreApplication, QEvent

    from gp_desktop.bookmarks import Bookmarks
    from gp_desktop.ui.main_window import MainWindow
    from gp_desktop.ui.settings import Settings

    def cycle(count: int) -> None:
        for k in range(count):
            window = MainWindow(
                corpus, Settings(), Bookmarks.load(), search_opener=lambda _c: search_index
            )
            window.show()
            qtbot.waitExposed(window)
            qtbot.waitUntil(lambda w=window: w.search_service.is_ready)
            window.open_node(f"polozhenie/p-{k % 25 + 1}")
            window.close()
            window.deleteLater()
            QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
            qapp.processEvents()

    cycle(10)
    gc.collect()
    after_warmup = rss_mb()
    cycle(40)
    gc.collect()
    after_run = rss_mb()
    growth = after_run - after_warmup
    print(
        f"\n50 windows: RSS {after_warmup:.1f} MB after 10, {after_run:.1f} MB after 50 (+{growth:.1f} MB)"
    )
    assert growth < 40, f"memory grew by {growth:.1f} MB over 40 windows"
    from PySide6.QtWidgets import QApplication

    assert not [w for w in QApplication.topLevelWidgets() if isinstance(w, MainWindow)]
