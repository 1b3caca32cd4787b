"""Bookmarks (plain Python) and the settings file: kept in the user's folders, never lost."""

from __future__ import annotations

import json
import os

import pytest

from gp_desktop.bookmarks import Bookmarks, BookmarksFileError


def test_bookmarks_round_trip_in_order(tmp_path):
    path = tmp_path / "sub" / "bookmarks.json"
    marks = Bookmarks.load(path)
    assert len(marks) == 0 and marks.problem == ""
    assert marks.add("polozhenie/p-19") and marks.add("perechen-uchrezhdeniy/gr-1/pp-23")
    assert not marks.add("polozhenie/p-19")
    again = Bookmarks.load(path)
    assert [b.node_id for b in again] == ["polozhenie/p-19", "perechen-uchrezhdeniy/gr-1/pp-23"]
    assert all(b.added for b in again)
    assert again.remove("polozhenie/p-19") and not again.remove("polozhenie/p-19")
    assert [b.node_id for b in Bookmarks.load(path)] == ["perechen-uchrezhdeniy/gr-1/pp-23"]
    assert json.loads(path.read_text(encoding="utf-8"))["version"] == 1
    assert sorted(p.name for p in path.parent.iterdir()) == [
        "bookmarks.json",
        "bookmarks.json.lock",
    ]


@pytest.mark.parametrize(
    "content",
    [b"", b"\xff\xfe\x00", b"[1, 2]", b'{"bookmarks": [{"x": 1}]}', b'{"bookmarks": "no"}'],
)
def test_damaged_file_is_set_aside_not_overwritten(tmp_path, content):
    path = tmp_path / "bookmarks.json"
    path.write_bytes(content)
    marks = Bookmarks.load(path)
    assert len(marks) == 0 and "повреждён" in marks.problem
    aside = list(tmp_path.glob("bookmarks.json.damaged-*"))
    assert len(aside) == 1 and aside[0].read_bytes() == content
    marks.add("polozhenie/p-1")
    assert [b.node_id for b in Bookmarks.load(path)] == ["polozhenie/p-1"]


@pytest.mark.skipif(
    os.geteuid() == 0 if hasattr(os, "geteuid") else True, reason="root writes anywhere"
)
def test_unwritable_folder_is_reported(tmp_path):
    tmp_path.chmod(0o500)
    try:
        marks = Bookmarks.load(tmp_path / "bookmarks.json")
        with pytest.raises(BookmarksFileError, match="не удалось сохранить"):
            marks.add("polozhenie/p-1")
    finally:
        tmp_path.chmod(0o700)


def test_unwritable_path_is_reported(tmp_path):
    blocker = tmp_path / "file"
    blocker.write_text("x")
    marks = Bookmarks.load(blocker / "bookmarks.json")
    with pytest.raises(BookmarksFileError, match="не удалось сохранить"):
        marks.add("polozhenie/p-1")
    assert "polozhenie/p-1" in marks  # kept for this session


def test_settings_types_defaults_and_bad_values(qapp, tmp_path):
    from PySide6.QtCore import QByteArray

    from gp_desktop.ui import settings as keys
    from gp_desktop.ui.settings import Settings

    path = tmp_path / "conf" / "gp-desktop.ini"
    s = Settings(path)
    assert s.get(keys.FONT_SIZE) == keys.FONT_SIZE.default and s.get(keys.EXACT_FORM) is False
    assert s.get(keys.GEOMETRY) == QByteArray()
    s.set(keys.FONT_SIZE, 16)
    s.set(keys.EXACT_FORM, True)
    s.set(keys.LAST_NODE, "polozhenie/p-19")
    s.set(keys.GEOMETRY, QByteArray(b"\x01\x02"))
    assert s.sync() == ""
    again = Settings(path)
    assert again.get(keys.FONT_SIZE) == 16 and again.get(keys.EXACT_FORM) is True
    assert again.get(keys.LAST_NODE) == "polozhenie/p-19"
    assert again.get(keys.GEOMETRY) == QByteArray(b"\x01\x02")
    text = path.read_text(encoding="utf-8")
    assert "[preferences]" in text and "[window]" in text
    path.write_text(
        "[preferences]\nreader_font_size=huge\nsearch_exact_form=maybe\n[window]\ngeometry=7\n"
    )
    bad = Settings(path)
    assert bad.get(keys.FONT_SIZE) == keys.FONT_SIZE.default
    assert bad.get(keys.EXACT_FORM) is False
    assert bad.get(keys.GEOMETRY) == QByteArray()
    path.write_text("[preferences]\nreader_font_size=500\n")
    assert Settings(path).get(keys.FONT_SIZE) == keys.MAX_FONT_SIZE
