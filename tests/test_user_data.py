"""The user's own files (bookmarks, settings): written atomically, damage set aside, never lost."""

from __future__ import annotations

import os

import pytest

from gp_desktop.atomic_file import write_atomic
from gp_desktop.bookmarks import Bookmarks


def test_a_crash_mid_write_keeps_the_previous_bookmarks(user_dirs, monkeypatch):
    bookmarks = Bookmarks.load()
    bookmarks.add("polozhenie/p-19")
    good = bookmarks.path.read_bytes()

    def crash(*_args, **_kwargs):
        raise OSError(28, "No space left on device")

    with monkeypatch.context() as patch, pytest.raises(OSError):
        patch.setattr(os, "replace", crash)
        write_atomic(bookmarks.path, b'{"bookmarks": [')  # the new copy never replaces the old
    assert bookmarks.path.read_bytes() == good
    assert sorted(p.name for p in bookmarks.path.parent.iterdir()) == [bookmarks.path.name]
    assert [b.node_id for b in Bookmarks.load()] == ["polozhenie/p-19"]


def test_damaged_settings_are_set_aside_and_defaults_used(qapp, user_dirs):
    from gp_desktop.ui.settings import FONT_SIZE, Settings, default_path

    path = default_path()
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(os.urandom(2000) + b"\x00")
    settings = Settings()
    assert "повреждён" in settings.problem and "damaged-" in settings.problem
    assert settings.get(FONT_SIZE) == FONT_SIZE.default
    aside = [p for p in path.parent.iterdir() if ".damaged-" in p.name]
    assert len(aside) == 1 and aside[0].read_bytes().endswith(b"\x00")
    settings.set(FONT_SIZE, 15)
    assert settings.sync() == ""
    assert Settings().get(FONT_SIZE) == 15 and Settings().problem == ""


def test_settings_with_wrong_values_read_as_defaults(qapp, user_dirs):
    from gp_desktop.ui.settings import FONT_SIZE, Settings, default_path

    path = default_path()
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text("[General]\nfont_size=много\ngeometry=@ByteArray(xyz)\n", encoding="utf-8")
    settings = Settings()
    assert settings.problem == ""  # well-formed INI: kept, bad values ignored
    assert settings.get(FONT_SIZE) == FONT_SIZE.default


def test_the_window_reports_damaged_user_files(qapp, qtbot, corpus, user_dirs, search_index):
    from PySide6.QtWidgets import QMessageBox

    from gp_desktop.bookmarks import default_path as bookmarks_path
    from gp_desktop.ui.settings import Settings
    from gp_desktop.ui.settings import default_path as settings_path
    from gp_desktop.ui.window_factory import make_window

    for path in (bookmarks_path(), settings_path()):
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(b"\xff\xfe\x00garbage")
    settings, bookmarks = Settings(), Bookmarks.load()
    window = make_window(corpus, settings, bookmarks, search_opener=lambda _c: search_index)
    qtbot.addWidget(window)
    window.show()
    for problem in (settings.problem, bookmarks.problem):
        window.report_startup_problem(problem)
    boxes = [b for b in window.findChildren(QMessageBox) if b.objectName() == "warningBox"]
    texts = " ".join(b.text() for b in boxes)
    assert "Файл настроек" in texts and "Файл закладок" in texts
    assert len(bookmarks) == 0
