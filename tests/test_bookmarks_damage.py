"""Bookmarks survive anything done to their file, and several windows and programs at once.

Damage is set aside or read as far as it goes with one message, never an exception; fields
of a newer version are kept; every change is merged into the file under a lock.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import threading

import pytest
from conftest import ROOT

from gp_desktop import bookmarks as bm
from gp_desktop.bookmarks import Bookmarks, BookmarksFileError


def _ids(path) -> list[str]:
    return [b.node_id for b in Bookmarks.load(path)]


def _aside(path) -> list:
    return sorted(path.parent.glob(path.name + ".damaged-*"))


def test_deep_nesting_is_set_aside_not_a_failed_start(tmp_path):
    path = tmp_path / "bookmarks.json"
    path.write_text('{"bookmarks": ' + "[" * 100_000 + "]" * 100_000 + "}")
    marks = Bookmarks.load(path)
    assert len(marks) == 0 and "повреждён" in marks.problem and "вложенность" in marks.problem
    assert len(_aside(path)) == 1 and not path.exists()
    marks.add("polozhenie/p-1")
    assert _ids(path) == ["polozhenie/p-1"]


def test_a_fifo_or_a_folder_in_its_place_does_not_hang(tmp_path):
    for make in (os.mkfifo, os.mkdir):
        folder = tmp_path / make.__name__
        folder.mkdir()
        path = folder / "bookmarks.json"
        make(path)
        marks = Bookmarks.load(path)  # a FIFO opened for reading would wait for ever
        assert "повреждён" in marks.problem and len(_aside(path)) == 1
        marks.add("polozhenie/p-2")
        assert _ids(path) == ["polozhenie/p-2"]


def test_a_byte_order_mark_is_not_damage(tmp_path):
    path = tmp_path / "bookmarks.json"
    body = {"version": 1, "bookmarks": [{"node_id": "polozhenie/p-19", "added": "2025-01-01"}]}
    path.write_bytes(b"\xef\xbb\xbf" + json.dumps(body).encode())
    marks = Bookmarks.load(path)
    assert marks.problem == "" and [b.node_id for b in marks] == ["polozhenie/p-19"]
    assert _aside(path) == []


def test_wrong_types_are_read_as_far_as_they_go_and_a_copy_kept(tmp_path):
    path = tmp_path / "bookmarks.json"
    entries = [
        {"node_id": "polozhenie/p-1", "added": 5},
        7,
        {"node_id": ["x"]},
        None,
        "polozhenie/p-3",
        {"node_id": "polozhenie/p-1"},  # a repeat: the first one counts
        {"node_id": ""},
    ]
    original = json.dumps({"version": 1, "bookmarks": entries}).encode()
    path.write_bytes(original)
    marks = Bookmarks.load(path)
    assert [b.node_id for b in marks] == ["polozhenie/p-1", "polozhenie/p-3"]
    assert marks.items[0].added == ""
    assert "4 записей не прочитано" in marks.problem and "копия" in marks.problem
    copies = _aside(path)
    assert len(copies) == 1 and copies[0].read_bytes() == original


def test_a_newer_version_keeps_its_fields(tmp_path):
    path = tmp_path / "bookmarks.json"
    newer = {
        "version": 3,
        "folders": [{"name": "Прокуратура", "ids": ["polozhenie/p-19"]}],
        "bookmarks": [
            {"node_id": "polozhenie/p-19", "added": "2030-01-01T10:00:00", "note": "см. «Ұлытау»"}
        ],
    }
    path.write_text(json.dumps(newer, ensure_ascii=False), encoding="utf-8")
    marks = Bookmarks.load(path)
    assert "более новой версией" in marks.problem and _aside(path) == []
    marks.add("polozhenie/p-20")
    written = json.loads(path.read_text(encoding="utf-8"))
    assert written["version"] == 3 and written["folders"] == newer["folders"]
    assert written["bookmarks"][0] == newer["bookmarks"][0]
    assert written["bookmarks"][1]["node_id"] == "polozhenie/p-20"


def test_two_windows_keep_both_stars_and_both_removals(tmp_path):
    path = tmp_path / "bookmarks.json"
    a, b = Bookmarks.load(path), Bookmarks.load(path)
    a.add("polozhenie/p-1")
    b.add("polozhenie/p-2")
    assert _ids(path) == ["polozhenie/p-1", "polozhenie/p-2"]
    assert [x.node_id for x in b] == ["polozhenie/p-1", "polozhenie/p-2"]
    assert a.refresh() and "polozhenie/p-2" in a and not a.refresh()
    b.remove("polozhenie/p-1")
    a.add("polozhenie/p-3")  # a still shows p-1: its next change must not bring it back
    assert _ids(path) == ["polozhenie/p-2", "polozhenie/p-3"]


def test_two_programs_starring_at_once_lose_nothing(tmp_path):
    path = tmp_path / "bookmarks.json"
    script = (
        "import sys\n"
        "from pathlib import Path\n"
        "from gp_desktop.bookmarks import Bookmarks\n"
        "marks = Bookmarks.load(Path(sys.argv[1]))\n"
        "for n in range(40):\n"
        "    marks.add(f'{sys.argv[2]}/p-{n}')\n"
    )
    procs = [
        subprocess.Popen([sys.executable, "-c", script, str(path), name], cwd=ROOT)
        for name in ("a", "b", "c")
    ]
    assert [p.wait(timeout=120) for p in procs] == [0, 0, 0]
    ids = _ids(path)
    assert len(ids) == 120 and len(set(ids)) == 120


def test_threads_of_one_program_merge_too(tmp_path):
    path = tmp_path / "bookmarks.json"
    windows = [Bookmarks.load(path) for _ in range(4)]

    def star(k: int) -> None:
        for n in range(25):
            windows[k].add(f"w{k}/p-{n}")

    threads = [threading.Thread(target=star, args=(k,)) for k in range(4)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert len(set(_ids(path))) == 100


def test_a_lock_held_for_ever_is_reported_not_waited_for(tmp_path, monkeypatch):
    fcntl = pytest.importorskip("fcntl")
    path = tmp_path / "bookmarks.json"
    marks = Bookmarks.load(path)
    monkeypatch.setattr(bm, "LOCK_WAIT_SECONDS", 0.2)
    with open(path.with_name("bookmarks.json.lock"), "w") as holder:
        # A lock of another open file description, as another process holds it.
        fcntl.flock(holder.fileno(), fcntl.LOCK_EX)
        with pytest.raises(BookmarksFileError, match="заняты"):
            marks.add("polozhenie/p-1")
    assert "polozhenie/p-1" in marks  # kept for the session, written with the next change
    marks.add("polozhenie/p-2")
    assert _ids(path) == ["polozhenie/p-1", "polozhenie/p-2"]


def test_a_failed_save_is_written_with_the_next_change(tmp_path, monkeypatch):
    path = tmp_path / "bookmarks.json"
    marks = Bookmarks.load(path)
    marks.add("polozhenie/p-1")

    def full(*_a, **_k):
        raise OSError(28, "No space left on device")

    with monkeypatch.context() as patch:
        patch.setattr(bm, "write_atomic", full)
        with pytest.raises(BookmarksFileError, match="нет места на диске"):
            marks.add("polozhenie/p-2")
    assert _ids(path) == ["polozhenie/p-1"] and "polozhenie/p-2" in marks
    marks.add("polozhenie/p-3")
    assert _ids(path) == ["polozhenie/p-1", "polozhenie/p-2", "polozhenie/p-3"]


def test_a_hundred_thousand_bookmarks_are_a_dictionary(tmp_path):
    """Load and lookup grow with the count, not its square (the timing is in benchmarks)."""
    path = tmp_path / "bookmarks.json"
    entries = [{"node_id": f"n/{k}", "added": ""} for k in range(100_000)]
    path.write_text(json.dumps({"version": 1, "bookmarks": entries}))
    marks = Bookmarks.load(path)
    assert len(marks) == 100_000 and marks.problem == ""

    class Counting(str):
        compared = 0

        def __eq__(self, other):
            Counting.compared += 1
            return str.__eq__(self, other)

        __hash__ = str.__hash__

    assert Counting("n/99999") in marks and Counting("absent") not in marks
    assert Counting.compared <= 2  # a hash lookup, not a scan of 100 000


def test_each_bookmark_is_written_on_its_line_exactly_as_json_writes_it(tmp_path):
    """The writer quotes the two usual fields itself (for speed); what it writes must be what
    ``json.dumps`` writes, for any text, and unknown fields still ride along."""
    import json

    path = tmp_path / "bookmarks.json"
    odd = ["polozhenie/p-1", 'Ұлытау «ә» — "q" \\ \t\n\u2028', "\x00\x1f", "😀"]
    marks = Bookmarks.load(path)
    for node_id in odd:
        assert marks.add(node_id)
    path.write_text(
        path.read_text(encoding="utf-8").replace(
            '"node_id": "😀",', '"node_id": "😀", "note": [1, {"a": "б"}],'
        ),
        encoding="utf-8",
    )
    marks = Bookmarks.load(path)
    marks.add("polozhenie/p-2")
    lines = [line.strip().rstrip(",") for line in path.read_text(encoding="utf-8").split("\n")]
    entries = json.loads(path.read_text(encoding="utf-8"))["bookmarks"]
    assert [e["node_id"] for e in entries] == [*odd, "polozhenie/p-2"]
    assert entries[3]["note"] == [1, {"a": "б"}]
    for entry in entries:
        assert json.dumps(entry, ensure_ascii=False) in lines
