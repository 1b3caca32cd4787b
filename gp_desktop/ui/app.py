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
from gp_desktop.corpus_choice import choose_corpus

EXIT_CORPUS = 1
EXIT_NO_SCREEN = 1
HEADLESS_PLATFORMS = ("offscreen", "minimal")


def _application():
    from PySide6.QtWidgets import QApplication

    from gp_desktop import __version__
    from gp_desktop.ui.fonts import register_bundled_fonts
    from gp_desktop.ui.qt_translations import install_qt_translations, russian_dates_by_default
    from gp_desktop.ui.widgets.app_icon import app_icon

    if QApplication.instance() is None:
        russian_dates_by_default()
    app = QApplication.instance() or QApplication(sys.argv[:1])
    register_bundled_fonts()  # the выписка's serif, and a Cyrillic font on any machine
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

    from gp_desktop.ui.widgets.plain_text import plain_box

    box = QMessageBox(QMessageBox.Icon.Critical, "gp-desktop", corpus_failure_text(message))
    plain_box(box)  # the message quotes the file's name, which may look like HTML
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


def font_problem() -> str:
    """ "" when a font with Cyrillic letters is installed; else what the user sees and why."""
    from PySide6.QtGui import QFontDatabase

    from gp_desktop.ui.fonts import register_bundled_fonts

    register_bundled_fonts()
    if QFontDatabase.families(QFontDatabase.WritingSystem.Cyrillic):
        return ""
    return (
        "Не найден ни один шрифт с кириллицей: текст акта будет показан квадратиками, "
        "выписка в PDF не создаётся. Установите шрифты (например, fonts-dejavu)."
    )


def run_gui(args: argparse.Namespace) -> int:
    started = getattr(args, "started_at", None) or time.perf_counter()
    self_test = bool(getattr(args, "self_test", False))
    if self_test and not os.environ.get("QT_QPA_PLATFORM"):
        os.environ["QT_QPA_PLATFORM"] = "offscreen"
    from gp_desktop.ui.display import screen_problem

    if problem := screen_problem():  # before Qt, which would abort the process
        print(f"gp-desktop: {problem}", file=sys.stderr)
        return EXIT_NO_SCREEN
    app = _application()
    choice = choose_corpus(getattr(args, "corpus", None))
    for note in choice.notes:
        print(f"gp-desktop: {note}", file=sys.stderr)
    corpus = open_corpus_or_explain(choice.path)
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
    for problem in (settings.problem, bookmarks.problem, font_problem(), *choice.notes):
        window.report_startup_problem(problem)
    return app.exec()
