"""The editions in the window: the chooser and the band, comparing, updating the text,
«Что нового», the notice of a stale text, the excerpt choice and bookmarks across editions.

The corpora hold the bundled text and the editions made for the tests (tests/data/editions).
"""

from __future__ import annotations

import datetime as dt

import pytest
from conftest import CORPUS, SOURCE, corpus_copy
from edition_facts import EDITION_DATE, EDITION_DATE_RU, EDITION_STALE_FROM
from PySide6.QtCore import QPoint, Qt

from gp_desktop.corpus.build import build_editions
from gp_desktop.corpus.diff import CHANGE_NAMES, diff_editions
from gp_desktop.corpus.editions import months_old
from gp_desktop.corpus.reader import Corpus
from gp_desktop.corpus_choice import user_corpus

DATA = SOURCE.parent.parent.parent / "tests" / "data" / "editions"
EARLIER = DATA / "ukaz-2017-563-2025-04-25.md"
LATER = DATA / "ukaz-2017-563-2026-06-10.md"


@pytest.fixture(scope="module")
def two(tmp_path_factory):
    """The earlier text and the bundled one."""
    path = tmp_path_factory.mktemp("gui-editions") / "two.sqlite"
    build_editions([EARLIER, SOURCE], path)
    return path


def _window(qtbot, path, edition=None, settings=None):
    from gp_desktop.bookmarks import Bookmarks
    from gp_desktop.ui.main_window import MainWindow
    from gp_desktop.ui.settings import Settings

    window = MainWindow(Corpus(path, edition), settings or Settings(), Bookmarks.load())
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    return window


def _adopt(qtbot, window):
    """A window the feature opened (deleted when closed, so not handed to qtbot)."""
    qtbot.waitExposed(window)
    return window


@pytest.fixture(autouse=True)
def close_reopened_windows():
    yield
    from gp_desktop.ui.editions import feature

    for window in list(feature._open_windows):
        window.close()


def test_chooser_band_and_the_way_back(qtbot, user_dirs, two):
    window = _window(qtbot, two)
    feature = window.editions
    labels = [feature.chooser.itemText(k) for k in range(feature.chooser.count())]
    assert labels == [
        "Редакция от 25.04.2025 — недействующая",
        f"Редакция от {EDITION_DATE_RU} — действующая",
    ]
    assert not feature.band.isVisible()
    assert not window.actions["edition_current"].isEnabled()
    window.open_node("polozhenie/p-2")
    window.choice.set_all(["polozhenie/p-2", "polozhenie/p-15/pp-3-1"])
    window.bookmarks.add("polozhenie/p-15/pp-3-1")

    feature.chooser.setCurrentIndex(0)
    feature.chooser.activated.emit(0)
    old = _adopt(qtbot, _last_window(window))
    assert not old.corpus.is_current and old.corpus.edition.date == "2025-04-25"
    assert old.editions.band.isVisible()
    assert "Недействующая редакция от 25.04.2025" in old.editions.band_text.text()
    assert "недействующая" in old.windowTitle()
    assert old.current_node == "polozhenie/p-2"
    assert "имеет ведомство – Комитет" in old.reader.toPlainText()
    # The excerpt choice follows by id; a clause the edition lacks is named, not dropped.
    assert old.choice.ids == ("polozhenie/p-2",)
    assert old.absent_from_choice == ["polozhenie/p-15/pp-3-1"]
    assert "отсутствует в редакции от 25.04.2025" in old.statusBar().currentMessage()
    # A bookmark on a clause the edition lacks says so.
    texts = [
        old.bookmarks_panel.model.index(k, 0).data()
        for k in range(old.bookmarks_panel.model.rowCount())
    ]
    assert "polozhenie/p-15/pp-3-1 (отсутствует в редакции от 25.04.2025)" in texts

    qtbot.mouseClick(old.editions.band_button, Qt.MouseButton.LeftButton)
    back = _adopt(qtbot, _last_window(old))
    assert back.corpus.is_current and not back.editions.band.isVisible()
    # Back in the edition that has it, the clause is in the excerpt choice again.
    assert set(back.choice.ids) == {"polozhenie/p-2", "polozhenie/p-15/pp-3-1"}


def _last_window(previous):
    from gp_desktop.ui.editions import feature

    found = [w for w in feature._open_windows if w is not previous and w.isVisible()]
    assert found, "no new window was opened"
    return found[-1]


def test_compare_in_the_reader_steps_through_the_changes(qtbot, user_dirs, two):
    window = _window(qtbot, two)
    reader = window.reader
    assert not window.actions["compare_next"].isEnabled()  # nothing compared yet
    comparison = window.editions.compare()
    expected = diff_editions(Corpus(two, "2025-04-25"), Corpus(two))
    assert reader.comparing and comparison.bar.isVisible()
    assert reader.change_count == len(expected)
    box = comparison.change_box
    assert [box.itemText(k) for k in range(box.count())] == [
        f"{k + 1}/{len(expected)} · {c.citation} — {CHANGE_NAMES[c.change]}"
        for k, c in enumerate(expected)
    ]
    assert reader.current_change == 0 and window.current_node == expected[0].id
    # F8 / Shift+F8 on the keyboard, wherever the focus is in the window.
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    window.search_panel.field.setFocus()
    qtbot.keyClick(window, Qt.Key.Key_F8)
    assert reader.current_change == 1 and box.currentIndex() == 1
    assert window.current_node == expected[1].id
    qtbot.keyClick(window, Qt.Key.Key_F8, Qt.KeyboardModifier.ShiftModifier)
    assert reader.current_change == 0
    # The list of changed clauses: choosing one scrolls the reader to it.
    p11 = next(k for k, c in enumerate(expected) if c.id == "polozhenie/p-11")
    box.activated.emit(p11)
    assert reader.current_change == p11 and window.current_node == "polozhenie/p-11"
    top = reader.cursorForPosition(reader.viewport().rect().topLeft() + QPoint(40, 20))
    assert reader.change_at_block(top.blockNumber()) == p11
    html = reader.toHtml()
    assert "line-through" in html and "underline" in html  # not colour alone
    assert "Специального государственного фонда" in reader.toPlainText()
    # Unchanged clauses folded, or shown dimmed; the current change stays.
    unchanged = Corpus(two).node("polozhenie/p-5").text[:40]
    assert unchanged not in reader.toPlainText() and "без изменений" in reader.toPlainText()
    window.actions["compare_unchanged"].trigger()
    assert unchanged in reader.toPlainText() and reader.current_change == p11
    window.change_font_size(1)
    assert reader.comparing and reader.change_count == len(expected)
    window.actions["compare_unchanged"].trigger()
    # A click in a change makes it the current one.
    reader.show_change(3)
    first, _last = reader.change_blocks(4)  # folded, the next change is on the same screen
    rect = (
        reader.document()
        .documentLayout()
        .blockBoundingRect(reader.document().findBlockByNumber(first))
    )
    offset = reader.verticalScrollBar().value()
    click = QPoint(int(rect.left()) + 40, int(rect.top() - offset + rect.height() / 2))
    assert 0 <= click.y() < reader.viewport().height()
    qtbot.mouseClick(reader.viewport(), Qt.MouseButton.LeftButton, pos=click)
    assert reader.current_change == 4 and box.currentIndex() == 4
    # Going to a clause the comparison does not show brings the act back.
    window.open_node("polozhenie/p-5")
    assert not reader.comparing and not comparison.bar.isVisible()
    assert not window.actions["compare_next"].isEnabled()
    assert window.current_node == "polozhenie/p-5" and unchanged in reader.toPlainText()
    # «Было» and «Стало» the same edition: no differences; closing brings the act back.
    window.editions.compare(EDITION_DATE, EDITION_DATE)
    assert reader.comparing and reader.change_count == 0
    assert "Различий нет" in reader.toPlainText()
    window.actions["compare_close"].trigger()
    assert not reader.comparing and not comparison.bar.isVisible()
    assert "Различий нет" not in reader.toPlainText()


def test_changes_after_a_date_and_by_decree(qtbot, user_dirs, two):
    window = _window(qtbot, two)
    expected = diff_editions(Corpus(two, "2025-04-25"), Corpus(two))
    between = window.editions.changes_after("2025-05-01")
    assert window.reader.comparing and window.reader.change_count == len(expected)
    assert [c.id for c in between.changes] == [c.id for c in expected]
    window.editions.comparison.close()
    before = window.editions.changes_after("2024-01-01")
    qtbot.addWidget(before)
    listed = [before.changes.list.item(k).text() for k in range(before.changes.list.count())]
    assert len(listed) == len(Corpus(two).changed_since("2024-01-01")) and listed
    assert window.editions.decree_editions() == {
        Corpus(two).edition.amendment_id: ("2025-04-25", EDITION_DATE)
    }
    by_decree = window.editions.decree_changes(Corpus(two).edition.amendment_id)
    assert [c.id for c in by_decree.changes] == [c.id for c in expected]
    assert window.reader.comparing


def _update(qtbot, window, source):
    """Файл → «Обновить текст акта…» with ``source``: read on a worker; its dialog, or None."""
    window.editions.update_from(str(source))
    qtbot.waitUntil(lambda: not window.editions.updating, timeout=120_000)
    return window.editions.update_dialog  # a child of the window, deleted when closed


def _warning(window):
    from PySide6.QtWidgets import QMessageBox

    boxes = [b for b in window.findChildren(QMessageBox, "warningBox") if b.isVisible()]
    return boxes[-1].text() if boxes else ""


def test_update_runs_off_the_gui_thread_with_a_busy_bar(qtbot, user_dirs, tmp_path, monkeypatch):
    import threading

    from PySide6.QtCore import QTimer

    from gp_desktop.ui.editions import feature

    window = _window(qtbot, corpus_copy(tmp_path))
    # The real import, held at its start until the window's event loop has turned once more:
    # run on the GUI thread, it would wait for that in vain.
    gate, seen = threading.Event(), {}
    real = feature.prepare_update

    def held(*args):
        seen["thread"] = threading.get_ident()
        seen["released"] = gate.wait(30)
        return real(*args)

    monkeypatch.setattr(feature, "prepare_update", held)
    window.editions.update_from(str(LATER))
    # The call returned at once: the text is read on a worker, the window says so.
    assert window.editions.updating and window.editions.busy.isVisible()
    assert not window.actions["edition_update"].isEnabled()
    assert "Читается текст акта" in window.statusBar().currentMessage()
    window.open_node("polozhenie/p-5")  # the window still does what it is asked
    assert window.current_node == "polozhenie/p-5"

    def release():
        seen["updating_when_released"] = window.editions.updating
        gate.set()

    QTimer.singleShot(20, release)
    qtbot.waitUntil(lambda: not window.editions.updating, timeout=120_000)
    assert seen["thread"] != threading.get_ident() and seen["released"]
    assert seen["updating_when_released"] is True
    assert not window.editions.busy.isVisible() and window.actions["edition_update"].isEnabled()
    dialog = window.editions.update_dialog
    assert dialog.isVisible() and "станет действующей" in dialog.summary.text()
    dialog.reject()


def test_update_shows_what_changes_then_writes_the_users_corpus(qtbot, user_dirs, tmp_path):
    bundled = corpus_copy(tmp_path)
    window = _window(qtbot, bundled)
    assert window.editions.compare() is None  # one edition: nothing to compare
    dialog = _update(qtbot, window, LATER)
    target = user_corpus()
    assert not target.exists()  # nothing replaced before «Принять»
    summary = dialog.summary.text()
    assert "Редакция от <b>10.06.2026</b>" in summary and "№ 1200" in summary
    assert "станет действующей" in summary
    assert "Изменено пунктов: 1, добавлено: 1, исключено: 1" in summary
    assert dialog.changes.list.count() == 5
    dialog.accept_button.click()
    new = _adopt(qtbot, _last_window(window))
    assert target.exists() and new.corpus.path == target
    assert new.corpus.edition.date == "2026-06-10" and new.corpus.is_current
    assert [e.date for e in new.corpus.editions] == [EDITION_DATE, "2026-06-10"]

    # The same text again, a damaged one: a clear message, nothing changes.
    before = target.read_bytes()
    damaged = tmp_path / "damaged.md"
    damaged.write_bytes(LATER.read_bytes()[:3000])
    for bad in (LATER, damaged):
        assert _update(qtbot, new, bad) is None
        assert "Текст акта не добавлен" in new.statusBar().currentMessage()
        assert "Текст акта не добавлен" in _warning(new)  # a dialog, not a traceback
    assert target.read_bytes() == before
    assert not [p for p in target.parent.iterdir() if p.name.startswith(".")]


def test_update_cancelled_writes_nothing(qtbot, user_dirs, tmp_path):
    window = _window(qtbot, corpus_copy(tmp_path))
    dialog = _update(qtbot, window, EARLIER)
    assert "будет добавлена в историю" in dialog.summary.text()
    dialog.reject()
    target = user_corpus()
    assert not target.exists()
    assert not [p for p in target.parent.iterdir() if p.name.startswith(".")]


def test_whats_new_once_after_a_newer_edition(qtbot, user_dirs, tmp_path):
    from gp_desktop.ui import settings as keys
    from gp_desktop.ui.settings import Settings

    three = tmp_path / "three.sqlite"
    build_editions([SOURCE, LATER], three)
    settings = Settings()
    settings.set(keys.LAST_SEEN_EDITION, EDITION_DATE)
    window = _window(qtbot, three, settings=settings)
    qtbot.waitUntil(lambda: getattr(window.editions, "whats_new", None) is not None)
    dialog = window.editions.whats_new
    assert dialog.isVisible()
    assert dialog.changes.list.count() == len(
        diff_editions(Corpus(three, EDITION_DATE), Corpus(three))
    )
    assert settings.get(keys.LAST_SEEN_EDITION) == "2026-06-10"
    dialog.close()
    again = _window(qtbot, three, settings=settings)
    qtbot.waitUntil(lambda: again.editions.whats_new_checked)
    assert getattr(again.editions, "whats_new", None) is None
    # The bundled, older corpus opened in between does not make the newer edition new again.
    older = _window(qtbot, CORPUS, settings=settings)
    qtbot.waitUntil(lambda: older.editions.whats_new_checked)
    assert settings.get(keys.LAST_SEEN_EDITION) == "2026-06-10"
    later = _window(qtbot, three, settings=settings)
    qtbot.waitUntil(lambda: later.editions.whats_new_checked)
    assert getattr(later.editions, "whats_new", None) is None


def test_the_notice_of_a_stale_text(qtbot, user_dirs):
    window = _window(qtbot, CORPUS)
    stale = months_old(EDITION_DATE, dt.date.today()) >= 6
    assert window.editions.stale is stale
    assert window.editions.currency.isVisible() is stale
    if stale:
        assert "старше 6 мес." in window.editions.currency.text()
        assert window.editions.currency_button.defaultAction() is window.actions["edition_update"]
    stale_from = dt.date.fromisoformat(EDITION_STALE_FROM)
    assert months_old(EDITION_DATE, stale_from - dt.timedelta(days=1)) == 5
    assert months_old(EDITION_DATE, stale_from) == 6


def test_the_menus_carry_the_edition_actions(qtbot, user_dirs, two):
    window = _window(qtbot, two)
    file_items = [a.objectName() for a in window.menus["file"].actions()]
    assert file_items[0] == "edition_update" and "quit" in file_items
    history = [a.objectName() for a in window.menus["history"].actions()]
    for name in ("edition_compare", "edition_changes_after", "edition_decree", "edition_current"):
        assert name in history


def test_the_history_pane_shows_a_clause_before_and_after_its_decree(qtbot, user_dirs, two):
    from PySide6.QtCore import QItemSelectionModel

    from gp_desktop.ui.widgets.roles import Role

    window = _window(qtbot, two)
    history = window.editions.clause_history
    model = window.timeline.model
    decree = Corpus(two).edition.amendment_id
    event = model.index_of_event(decree)
    rows = [model.index(k, 0, event) for k in range(model.rowCount(event))]
    p11 = next(i for i in rows if i.data(Role.NODE_ID) == "polozhenie/p-11")
    window.timeline.view.selectionModel().setCurrentIndex(
        p11, QItemSelectionModel.SelectionFlag.ClearAndSelect
    )
    assert "до и после указа (25.04.2025 →" in history.title.text()
    text = history.view.toPlainText()
    assert "а также Специального государственного фонда" in text
    assert "line-through" in history.view.toHtml() or "underline" in history.view.toHtml()
    # A decree without the edition before it in the corpus: said so, nothing invented.
    older = next(e for e in Corpus(two).amendments if e.id != decree)
    index = model.index_of_event(older.id)
    child = model.index(0, 0, index)
    window.timeline.view.selectionModel().setCurrentIndex(
        child, QItemSelectionModel.SelectionFlag.ClearAndSelect
    )
    assert "в корпусе нет" in history.title.text() and history.view.toPlainText() == ""
