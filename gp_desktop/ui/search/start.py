"""When the search starts: once the window is on screen, not before.

Search (Whoosh, the dictionary, the first time an index build) starts once the window has
been painted: started earlier, the worker's imports and analysis would take turns with the
first paint on the interpreter lock and hold it back. A window that is not painted by
``LATEST_MS`` (hidden, minimised) starts its search anyway.
"""

from __future__ import annotations

import gc
from collections.abc import Callable

from PySide6.QtCore import QObject, QTimer, SignalInstance

LATEST_MS = 1000


def _freeze_startup_objects() -> None:
    """Once per process, after the first window is up: the modules, the corpus and the window
    live as long as the process, so the collector's full passes need not walk them. Each pass
    stops every thread, and while the index builds (many new objects) they came every few
    hundred ms and took 20–30 ms of the window's time; frozen, they take a millisecond or two.
    Reference counting still frees whatever of it is dropped later."""
    if not getattr(_freeze_startup_objects, "done", False):
        _freeze_startup_objects.done = True  # type: ignore[attr-defined]
        gc.freeze()


def start_after_first_paint(
    owner: QObject, first_painted: SignalInstance, start: Callable[[], None]
) -> QTimer:
    """Call ``start`` once, just after ``first_painted`` or at the latest after ``LATEST_MS``."""
    timer = QTimer(owner, singleShot=True, interval=LATEST_MS)

    def go() -> None:
        _freeze_startup_objects()
        start()

    def soon() -> None:
        # A zero timer fires once the paint under way has been drawn; not at all if the
        # latest start has come first.
        if timer.isActive():
            timer.start(0)

    timer.timeout.connect(go)
    timer.start()
    first_painted.connect(soon)
    return timer
