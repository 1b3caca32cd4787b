"""``gp-desktop --self-test``: the real window, offscreen: a search, a clause, its excerpt.

It proves that an installed copy works on this machine (Qt libraries, fonts, the corpus, the
search index in the user's cache) and prints what it took as one JSON line. Settings and
bookmarks go to a temporary folder so the test leaves the user's own untouched.
"""

from __future__ import annotations

import json
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QEventLoop, QtMsgType, qInstallMessageHandler
from PySide6.QtWidgets import QApplication

from gp_desktop.corpus.outline import tree_node_id
from gp_desktop.corpus.reader import Corpus
from gp_desktop.ui.main_window import MainWindow
from gp_desktop.ui.window_factory import make_window

QUERY = "огневая подготовка"
PAINT_TIMEOUT = 30.0
INDEX_TIMEOUT = 300.0
SEARCH_TIMEOUT = 60.0


def _ms(since: float) -> float:
    return round((time.perf_counter() - since) * 1000, 1)


def wait_until(app: QApplication, condition: Callable[[], bool], timeout: float) -> bool:
    deadline = time.monotonic() + timeout
    while not condition():
        if time.monotonic() > deadline:
            return False
        app.processEvents(QEventLoop.ProcessEventsFlag.AllEvents, 20)
        time.sleep(0.001)
    return True


def _quiet_offscreen_warnings(kind: QtMsgType, context, message: str) -> None:
    # The offscreen platform warns about window hints it cannot honour; that is not news.
    if "propagateSizeHints" in message:
        return
    print(message, file=sys.stderr)


def run_self_test(app: QApplication, corpus: Corpus, started: float) -> int:
    qInstallMessageHandler(_quiet_offscreen_warnings)
    report: dict[str, object] = {"ok": False}
    with tempfile.TemporaryDirectory(prefix="gp-desktop-self-test-") as tmp:
        folder = Path(tmp)
        window = make_window(corpus, folder=folder, persist=False)
        painted: list[float] = []

        def on_first_paint() -> None:
            painted.append(_ms(started))
            # Wall-clock time, so that whoever spawned the process can count from the spawn
            # (interpreter start and imports included): benchmarks/startup_bench.py does.
            report["first_paint_at"] = time.time()

        window.first_painted.connect(on_first_paint)
        window.show()
        try:
            _run(app, window, started, painted, report)
            if report["ok"]:
                _excerpt(window, folder, report)
        finally:
            window.close()
            window.deleteLater()
            app.processEvents()
    report["corpus_sha256"] = corpus.file_sha256
    print(json.dumps(report, ensure_ascii=False), flush=True)
    return 0 if report["ok"] else 1


def _run(
    app: QApplication, window: MainWindow, started: float, painted: list[float], report: dict
) -> None:
    if not wait_until(app, lambda: bool(painted), PAINT_TIMEOUT):
        report["error"] = "окно не отрисовалось"
        return
    report["start_to_first_paint_ms"] = painted[0]

    service = window.search_service
    if not wait_until(app, lambda: service.is_ready or bool(service.error), INDEX_TIMEOUT):
        report["error"] = "поисковый индекс не открылся вовремя"
        return
    if not service.is_ready:
        report["error"] = f"поиск недоступен: {service.error}"
        return
    report["start_to_search_ready_ms"] = _ms(started)
    report["index_open_ms"] = round(service.open_seconds * 1000, 1)
    report["index_in_memory"] = bool(getattr(service.index, "in_memory", False))

    panel = window.search_panel
    panel.search(QUERY)
    done = wait_until(
        app,
        lambda: panel.results is not None and panel.results.query == QUERY,
        SEARCH_TIMEOUT,
    )
    if not done:
        report["error"] = "поиск не ответил вовремя"
        return
    report["search_ms"] = round(panel.last_search_ms, 1)
    report["query"] = QUERY
    report["hits"] = panel.results.total
    if not panel.results.hits:
        report["error"] = f"по запросу «{QUERY}» ничего не найдено"
        return

    began = time.perf_counter()
    hit = panel.results.hits[0]
    panel.choose_row(0)
    app.processEvents()
    window.reader.viewport().repaint()
    report["open_clause_ms"] = _ms(began)
    report["clause"] = hit.citation
    if window.reader.current_node != tree_node_id(window.corpus, hit.id):
        report["error"] = "найденный пункт не открылся"
        return
    report["highlighted"] = window.reader.highlighted_words
    if not report["highlighted"]:
        report["error"] = "найденные слова не выделены в тексте"
        return
    report["ok"] = True


def _excerpt(window: MainWindow, folder: Path, report: dict) -> None:
    """Tick the clause found and print its выписка to a PDF, as the Print button would."""
    began = time.perf_counter()
    window.toggle_excerpt()
    excerpt = window.excerpt_panel.excerpt
    if excerpt is None:
        report.update(ok=False, error="выписка не составилась")
        return
    from gp_desktop.ui.excerpt import printing  # after the timed first paint, as in the window

    pdf = printing.write_pdf(excerpt, folder / "выписка.pdf")
    report["excerpt_pdf_ms"] = _ms(began)
    report["excerpt_pdf_bytes"] = pdf.stat().st_size
    if report["excerpt_pdf_bytes"] == 0:
        report.update(ok=False, error="PDF выписки пуст")
