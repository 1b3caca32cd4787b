"""One way to make the main window, for the app, the self-test, the tests, the benchmarks and
``scripts/screenshot.py``: whatever is not given is found as the app finds it.

The corpus defaults to the bundled one, the settings and bookmarks to the user's own files —
or to ``folder`` (``settings.ini``, ``bookmarks.json`` in it) for a run that must leave the
user's files alone (the self-test). A test or a benchmark passes the search index it opened
once as ``search_opener`` instead of opening it again in each window.
"""

from __future__ import annotations

from pathlib import Path

from gp_desktop.bookmarks import Bookmarks
from gp_desktop.corpus.reader import Corpus
from gp_desktop.paths import bundled_corpus
from gp_desktop.ui.main_window import MainWindow
from gp_desktop.ui.search.service import Opener
from gp_desktop.ui.settings import Settings


def make_window(
    corpus: Corpus | None = None,
    settings: Settings | None = None,
    bookmarks: Bookmarks | None = None,
    *,
    folder: Path | None = None,
    search_opener: Opener | None = None,
    persist: bool = True,
) -> MainWindow:
    """The main window over ``corpus``, not shown yet; ``persist=False``: closing it saves no
    settings."""
    if settings is None:
        settings = Settings(folder / "settings.ini") if folder is not None else Settings()
    if bookmarks is None:
        bookmarks = Bookmarks.load(folder / "bookmarks.json" if folder is not None else None)
    return MainWindow(
        corpus if corpus is not None else Corpus(bundled_corpus()),
        settings,
        bookmarks,
        search_opener=search_opener,
        persist=persist,
    )
