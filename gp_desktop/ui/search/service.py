"""Search off the GUI thread: the index is opened (built the first time) and queried in a pool.

The work runs through ``gp_desktop.ui.tasks.Tasks``; answers come back on the GUI thread tagged
with a generation number, and a new query supersedes the one before it (a query still waiting
in the queue is dropped, one already running finishes but its answer is discarded), so the
list always shows the last thing typed.

The workers run Python, and so does the GUI thread whenever Qt calls back into it (a model's
``data()``, a paint event, a slot): each such call waits for the interpreter lock, by default
up to 5 ms while a worker is busy, and painting a pane makes hundreds of them, so the window
froze for 100 ms and more while the index was built. A shorter switch interval bounds that
wait (``benchmarks/gui_stall_bench.py`` measures it); it costs nothing while no thread waits.
"""

from __future__ import annotations

import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import QObject, Signal

from gp_desktop.corpus.reader import Corpus
from gp_desktop.ui.tasks import Tasks

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

    def __init__(
        self, corpus: Corpus, opener: Opener | None = None, parent: QObject | None = None
    ) -> None:
        super().__init__(parent)
        self.corpus = corpus
        self._opener = opener or open_search_index
        self._tasks = Tasks(self)
        self._index: Any = None
        self._generation = 0
        self.open_seconds = 0.0
        self.error = ""

    @property
    def is_ready(self) -> bool:
        return self._index is not None

    @property
    def index(self) -> Any:
        return self._index

    @property
    def where(self) -> str:
        """Where the open index lives, as the status bar says it: «в памяти» or «готов»."""
        return "в памяти" if getattr(self.index, "in_memory", False) else "готов"

    def start(self) -> None:
        if sys.getswitchinterval() > SWITCH_INTERVAL:
            sys.setswitchinterval(SWITCH_INTERVAL)
        self._tasks.run(self._open_on_worker, self._on_opened)

    def _open_on_worker(self) -> tuple[Any, float]:
        began = time.perf_counter()
        index = self._opener(self.corpus)
        # The first query loads the analyser's dictionaries and caches (tens of ms): pay
        # that here, on the worker, not on the user's first keystroke.
        index.search(WARM_UP_QUERY, limit=1)
        return index, time.perf_counter() - began

    def _on_opened(self, opened: tuple[Any, float] | None, error: BaseException | None) -> None:
        if opened is None:  # any failure only disables search; the act stays readable
            self.error = f"{type(error).__name__}: {error}"
            self.unavailable.emit(self.error)
            return
        self._index, self.open_seconds = opened
        self.ready.emit()

    def search(
        self,
        query: str,
        exact: bool = False,
        limit: int = 50,
        within: str | None = None,
        among: tuple[str, ...] | None = None,
    ) -> int:
        """Queue a search (in the part or chapter ``within``, among the nodes ``among``);
        its results come with the returned generation in ``finished``."""
        self._generation += 1
        generation = self._generation
        index = self._index
        if index is None:
            return generation
        self._tasks.clear()

        def on_worker() -> tuple[Any, float] | None:
            if generation != self._generation:
                return None  # superseded while it waited: its answer would be dropped anyway
            began = time.perf_counter()
            results = index.search(query, limit=limit, exact=exact, within=within, among=among)
            return results, time.perf_counter() - began

        self._tasks.run(on_worker, lambda answer, error: self._on_done(generation, answer, error))
        return generation

    def cancel(self) -> None:
        """Forget whatever is queued or running."""
        self._generation += 1
        self._tasks.clear()

    def _on_done(
        self, generation: int, answer: tuple[Any, float] | None, error: BaseException | None
    ) -> None:
        if generation != self._generation:
            return
        if error is not None:
            self.failed.emit(generation, f"{type(error).__name__}: {error}")
        elif answer is not None:
            self.finished.emit(generation, *answer)

    def shutdown(self) -> None:
        """Stop delivering anything; work already running finishes on its own."""
        self._tasks.shutdown()
