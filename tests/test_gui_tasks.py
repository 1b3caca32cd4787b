"""``gp_desktop.ui.tasks``: work runs on a worker, its answer comes back on the GUI thread."""

from __future__ import annotations

import threading

from PySide6.QtCore import QThread

from gp_desktop.ui.tasks import Tasks


def test_the_result_comes_back_on_the_gui_thread(qtbot):
    tasks = Tasks()
    gui = QThread.currentThread()
    ran_on, answers = [], []
    tasks.run(
        lambda: ran_on.append(threading.get_ident()) or 42,
        lambda result, error: answers.append((result, error, QThread.currentThread() is gui)),
    )
    qtbot.waitUntil(lambda: bool(answers))
    assert answers == [(42, None, True)]
    assert ran_on and ran_on[0] != threading.get_ident()


def test_an_error_is_handed_to_done_not_raised(qtbot):
    tasks = Tasks()
    answers = []

    def fail():
        raise OSError("диск переполнен")

    tasks.run(fail, lambda result, error: answers.append((result, error)))
    qtbot.waitUntil(lambda: bool(answers))
    result, error = answers[0]
    assert result is None and isinstance(error, OSError) and "переполнен" in str(error)


def test_tasks_run_in_order_and_nothing_comes_after_shutdown(qtbot):
    tasks = Tasks()
    release = threading.Event()
    answers = []
    tasks.run(lambda: release.wait(5) and "first", lambda r, _e: answers.append(r))
    tasks.run(lambda: "second", lambda r, _e: answers.append(r))
    release.set()
    qtbot.waitUntil(lambda: len(answers) == 2)
    assert answers == ["first", "second"]
    gate = threading.Event()
    tasks.run(lambda: gate.wait(5), lambda r, _e: answers.append("late"))
    tasks.shutdown()
    gate.set()
    tasks.wait()
    qtbot.wait(50)
    assert answers == ["first", "second"]
