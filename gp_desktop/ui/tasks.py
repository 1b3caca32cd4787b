"""Work off the GUI thread: a task runs on a thread pool, its result or error comes back on the
GUI thread.

``Tasks.run(func, done)`` calls ``func()`` on a worker and then ``done(result, error)`` on the
GUI thread: ``error`` is the exception ``func`` raised (``result`` is then None), or None. The
answer crosses threads by a queued signal, so ``done`` may touch widgets. After ``shutdown``
nothing more is delivered (a window being closed), and a task whose owner has been deleted
meanwhile has nobody to tell. The search service and the excerpt's file writer use it; the
model is MusicBrainz Picard's ``util/thread.py`` ``run_task``.
"""

from __future__ import annotations

import contextlib
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, QThreadPool, Signal

Done = Callable[[Any, BaseException | None], None]


class Tasks(QObject):
    """A pool of ``threads`` workers (one by default: tasks run in the order given)."""

    # Emitted on a worker, received on the GUI thread: the emitter lives in another thread,
    # so the connection is queued.
    _answer = Signal(object, object, object)

    def __init__(self, parent: QObject | None = None, threads: int = 1) -> None:
        super().__init__(parent)
        self._pool = QThreadPool(self)
        self._pool.setMaxThreadCount(threads)
        self._closed = False
        self._answer.connect(self._deliver)

    def run(self, func: Callable[[], Any], done: Done | None = None) -> None:
        """Queue ``func``; ``done(result, error)`` follows on the GUI thread."""
        self._pool.start(lambda: self._run_on_worker(func, done))

    def _run_on_worker(self, func: Callable[[], Any], done: Done | None) -> None:
        if self._closed:
            return
        try:
            result, error = func(), None
        except Exception as exc:  # handed to ``done``: the caller decides what the user sees
            result, error = None, exc
        if done is None or self._closed:
            return
        # The owner may be deleted while a worker runs; its answer then has nowhere to go.
        with contextlib.suppress(RuntimeError):
            self._answer.emit(done, result, error)

    def _deliver(self, done: Done, result: Any, error: BaseException | None) -> None:
        if not self._closed:
            done(result, error)

    def clear(self) -> None:
        """Drop the tasks still waiting in the queue (one already running finishes)."""
        self._pool.clear()

    def wait(self) -> None:
        """Block until every queued and running task is done."""
        self._pool.waitForDone()

    def shutdown(self) -> None:
        """Deliver nothing more; work already running finishes on its own."""
        self._closed = True
        self._pool.clear()
