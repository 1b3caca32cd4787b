"""The start-up baseline: a bare PySide6 main window that opens and paints, then exits.

It is spawned exactly as ``gp-desktop --self-test`` is (same interpreter, same environment,
offscreen) and tells its first paint the same way the main window does: an event filter on
the central widget's viewport, the first Paint event. It prints one JSON line with the wall
clock time of that paint, so ``startup_bench.py`` measures both from the moment it spawned
them, interpreter start and imports included.

    python benchmarks/bare_window.py [WIDTH HEIGHT]
"""

from __future__ import annotations

import json
import sys
import time

started = time.perf_counter()

from PySide6.QtCore import QEvent, QObject, QTimer  # noqa: E402
from PySide6.QtWidgets import QApplication, QMainWindow, QTextBrowser  # noqa: E402


class FirstPaint(QObject):
    def __init__(self, app: QApplication) -> None:
        super().__init__()
        self.app = app
        self.done = False

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if not self.done and event.type() == QEvent.Type.Paint:
            self.done = True
            report = {
                "ok": True,
                "first_paint_at": time.time(),
                "start_to_first_paint_ms": round((time.perf_counter() - started) * 1000, 1),
            }
            print(json.dumps(report), flush=True)
            QTimer.singleShot(0, self.app.quit)
        return False


def show_and_run(app: QApplication, window: QMainWindow, reader: QTextBrowser, size) -> int:
    """Size the window, watch the reader's first paint, show it and run until that paint."""
    window.resize(*size)
    watcher = FirstPaint(app)
    reader.viewport().installEventFilter(watcher)
    window.show()
    return app.exec()


def main(argv: list[str]) -> int:
    width, height = (int(argv[0]), int(argv[1])) if len(argv) == 2 else (1280, 800)
    app = QApplication(sys.argv[:1])
    window = QMainWindow()
    window.setWindowTitle("bare window")
    reader = QTextBrowser()
    window.setCentralWidget(reader)
    return show_and_run(app, window, reader, (width, height))


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
