"""Starting the window: the Qt application, the corpus (or a clear refusal), settings, bookmarks.

A corpus that is missing or damaged is the one thing the window cannot do without: the user
gets a dialog and a line on stderr, and the process exits with 1. Everything else that can
go wrong at start (bookmarks, the search index) leaves the act readable.
"""

from __future__ import annotations

import argparse
import os
import sys
import time
from pathlib import Path

from gp_desktop.bookmarks import Bookmarks
from gp_desktop.corpus.errors import CorpusError
from gp_desktop.corpus.reader import Corpus
from gp_desktop.paths import bundled_corpus

EXIT_CORPUS = 1
EXIT_NO_SCREEN = 1
HEADLESS_PLATFORMS = ("offscreen", "minimal")


def _application():
    from PySide6.QtWidgets import QApplication

    from gp_desktop import __version__
    from gp_desktop.ui.qt_translations import install_qt_translations
    from gp_desktop.ui.widgets.app_icon import app_icon

    app = QApplication.instance() or QApplication(sys.argv[:1])
    app.setApplicationName("gp-desktop")
    app.setApplicationDisplayName("gp-desktop")
    app.setApplicationVersion(__version__)
    app.setDesktopFileName("gp-desktop")
    app.setWindowIcon(app_icon())
    install_qt_translations(app)
    return app


def corpus_failure_text(message: str) -> str:
    return (
        f"Не удаётся открыть файл акта.\n\n{message}\n\n"
        "Программу нужно переустановить, или укажите исправный файл корпуса: "
        "gp-desktop --corpus ПУТЬ"
    )


def show_fatal(message: str, parent=None):
    """The refusal dialog; not shown where there is no screen to show it on."""
    from PySide6.QtGui import QGuiApplication
    from PySide6.QtWidgets import QMessageBox

    box = QMessageBox(QMessageBox.Icon.Critical, "gp-desktop", corpus_failure_text(message))
    box.setObjectName("corpusErrorBox")
    if QGuiApplication.platformName() not in HEADLESS_PLATFORMS:
        box.exec()
    return box


def open_corpus_or_explain(path: Path) -> Corpus | None:
    try:
        return Corpus(path)
    except CorpusError as exc:
        print(f"gp-desktop: {exc}", file=sys.stderr)
        show_fatal(str(exc))
        return None


def no_screen() -> bool:
    """On Linux with no display to show a window on, Qt would abort with a long message."""
    return (
        sys.platform.startswith("linux")
        and not os.environ.get("QT_QPA_PLATFORM")
        and not os.environ.get("DISPLAY")
        and not os.environ.get("WAYLAND_DISPLAY")
    )


def run_gui(args: argparse.Namespace) -> int:
    started = getattr(args, "started_at", None) or time.perf_counter()
    self_test = bool(getattr(args, "self_test", False))
    if self_test and not os.environ.get("QT_QPA_PLATFORM"):
        os.environ["QT_QPA_PLATFORM"] = "offscreen"
    if no_screen():
        print(
            "gp-desktop: нет экрана для окна (не заданы DISPLAY и WAYLAND_DISPLAY); "
            "запустите в графическом сеансе или через xvfb-run",
            file=sys.stderr,
        )
        return EXIT_NO_SCREEN
    app = _application()
    path = Path(args.corpus) if getattr(args, "corpus", None) else bundled_corpus()
    corpus = open_corpus_or_explain(path)
    if corpus is None:
        return EXIT_CORPUS
    if self_test:
        from gp_desktop.ui.self_test import run_self_test

        return run_self_test(app, corpus, started)

    from gp_desktop.ui.settings import Settings
    from gp_desktop.ui.window_factory import make_window

    bookmarks = Bookmarks.load()
    settings = Settings()
    window = make_window(corpus, settings, bookmarks)
    window.show()
    for problem in (settings.problem, bookmarks.problem):
        window.report_startup_problem(problem)
    return app.exec()
