"""Search off the GUI thread: the index is opened (built the first time) and queried in a pool.

Results come back through queued signals tagged with a generation number; a new query
supersedes the one before it (a query still waiting in the queue is dropped, one already
running finishes but its answer is discarded), so the list always shows the last thing typed.

The workers run Python, and so does the GUI thread whenever Qt calls back into it (a model's
``data()``, a paint event, a slot): each such call waits for the interpreter lock, by default
up to 5 ms while a worker is busy, and painting a pane makes hundreds of them, so the window
froze for 100 ms and more while the index was built. A shorter switch interval bounds that
wait (``benchmarks/gui_stall_bench.py`` measures it); it costs nothing while no thread waits.
"""

from __future__ import annotations

import contextlib
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import QObject, QThreadPool, Signal

from gp_desktop.corpus.reader import Corpus

Opener = Callable[[Corpus], Any]
WARM_UP_QUERY = "прокуратура"
SWITCH_INTERVAL = 0.0005
"""Seconds a worker runs Python before handing the interpreter lock to a waiting GUI thread."""


def open_search_index(corpus: Corpus, cache_dir: Path | None = None) -> Any:
    from gp_desktop.search import SearchIndex

    return SearchIndex.open(corpus, cache_dir=cache_dir)


class SearchService(QObject):
    ready = Signal()
    """The index is open; searches can start."""
    unavailable = Signal(str)
    """The index could not be opened; the message is for the user."""
    finished = Signal(int, object, float)
    """Generation, SearchResults, seconds the search took on the worker."""
    failed = Signal(int, str)

    # Posted from the worker, received on the GUI thread (queued: the emitter is another thread).
    _opened = Signal(object, str, float)
    _done = Signal(int, object, float)
    _error = Signal(int, str)

    def __init__(
        self, corpus: Corpus, opener: Opener | None = None, parent: QObject | None = None
    ) -> None:
        super().__init__(parent)
        self.corpus = corpus
        self._opener = opener or open_search_index
        self._pool = QThreadPool(self)
        self._pool.setMaxThreadCount(1)
        self._index: Any = None
        self._generation = 0
        self._closed = False
        self.open_seconds = 0.0
        self.error = ""
        self._opened.connect(self._on_opened)
        self._done.connect(self._on_done)
        self._error.connect(self._on_error)

    @property
    def is_ready(self) -> bool:
        return self._index is not None

    @property
    def index(self) -> Any:
        return self._index

    def start(self) -> None:
        if sys.getswitchinterval() > SWITCH_INTERVAL:
            sys.setswitchinterval(SWITCH_INTERVAL)
        self._pool.start(self._open_on_worker)

    def _post(self, signal, *args) -> None:
        """Send a worker's answer to the GUI thread, unless the window has gone meanwhile."""
        if self._closed:
            return
        # The window may be destroyed while a worker runs; its answer then has nowhere to go.
        with contextlib.suppress(RuntimeError):
            signal.emit(*args)

    def _open_on_worker(self) -> None:
        began = time.perf_counter()
        try:
            index = self._opener(self.corpus)
            # The first query loads the analyser's dictionaries and caches (tens of ms): pay
            # that here, on the worker, not on the user's first keystroke.
            index.search(WARM_UP_QUERY, limit=1)
        except Exception as exc:  # any failure only disables search; the act stays readable
            self._post(self._opened, None, f"{type(exc).__name__}: {exc}", 0.0)
            return
        self._post(self._opened, index, "", time.perf_counter() - began)

    def _on_opened(self, index: Any, error: str, seconds: float) -> None:
        if self._closed:
            return
        if index is None:
            self.error = error
            self.unavailable.emit(error)
            return
        self._index = index
        self.open_seconds = seconds
        self.ready.emit()

    def search(self, query: str, exact: bool = False, limit: int = 50) -> int:
        """Queue a search; its results come with the returned generation in ``finished``."""
        self._generation += 1
        generation = self._generation
        index = self._index
        if index is None:
            return generation
        self._pool.clear()
        self._pool.start(lambda: self._search_on_worker(index, generation, query, exact, limit))
        return generation

    def cancel(self) -> None:
        """Forget whatever is queued or running."""
        self._generation += 1
        self._pool.clear()

    def _search_on_worker(
        self, index: Any, generation: int, query: str, exact: bool, limit: int
    ) -> None:
        if generation != self._generation or self._closed:
            return
        began = time.perf_counter()
        try:
            results = index.search(query, limit=limit, exact=exact)
        except Exception as exc:
            self._post(self._error, generation, f"{type(exc).__name__}: {exc}")
            return
        self._post(self._done, generation, results, time.perf_counter() - began)

    def _on_done(self, generation: int, results: Any, seconds: float) -> None:
        if generation == self._generation and not self._closed:
            self.finished.emit(generation, results, seconds)

    def _on_error(self, generation: int, message: str) -> None:
        if generation == self._generation and not self._closed:
            self.failed.emit(generation, message)

    def shutdown(self) -> None:
        """Stop delivering anything; work already running finishes on its own."""
        self._closed = True
        self._pool.clear()
