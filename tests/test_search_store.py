"""The index in the user's cache: keyed by the corpus, built aside, rebuilt when stale or
damaged, in memory when the cache cannot be written, shared by processes opening it at once."""

from __future__ import annotations

import json
import shutil
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import CORPUS, ROOT

from gp_desktop.corpus.reader import Corpus
from gp_desktop.search import SearchIndex
from gp_desktop.search.store import FOLDER, KEEP, MARKER, cache_key


def index_folders(cache: Path) -> list[Path]:
    root = cache / FOLDER
    return sorted(p for p in root.iterdir() if not p.name.startswith(".")) if root.exists() else []


def leftovers(cache: Path) -> list[Path]:
    root = cache / FOLDER
    return sorted(p for p in root.iterdir() if p.name.startswith(".")) if root.exists() else []


def edited_corpus(tmp_path: Path, name: str, value: str) -> Corpus:
    """A copy of the real corpus with one meta value changed, hence another file hash."""
    path = tmp_path / f"{name}.sqlite"
    shutil.copyfile(CORPUS, path)
    with sqlite3.connect(path) as conn:
        conn.execute("UPDATE meta SET value = ? WHERE key = 'generator'", (value,))
    conn.close()
    return Corpus(path)


def probe(index: SearchIndex) -> list[str]:
    return [h.id for h in index.search("огневая подготовка").hits]


def test_built_once_then_reused_from_the_cache(corpus, tmp_path):
    first = SearchIndex.open(corpus, cache_dir=tmp_path)
    assert not first.in_memory and first.build_seconds > 0
    assert first.location == tmp_path / FOLDER / cache_key(corpus.file_sha256)
    assert (first.location / MARKER).is_file()
    assert probe(first) == ["polozhenie/p-19/pp-45"]
    again = SearchIndex.open(corpus, cache_dir=tmp_path)
    assert again.location == first.location and again.build_seconds == 0.0
    assert probe(again) == probe(first)
    assert index_folders(tmp_path) == [first.location] and leftovers(tmp_path) == []
    first.close()
    again.close()


def test_a_changed_corpus_gets_a_fresh_index(corpus, tmp_path):
    original = SearchIndex.open(corpus, cache_dir=tmp_path)
    changed = SearchIndex.open(edited_corpus(tmp_path, "changed", "other"), cache_dir=tmp_path)
    assert changed.location != original.location and changed.build_seconds > 0
    assert probe(changed) == probe(original)
    original.close()
    changed.close()
    # Old corpora's indexes are dropped beyond the few most recently used.
    for number in range(KEEP + 1):
        SearchIndex.open(edited_corpus(tmp_path, f"c{number}", str(number)), tmp_path).close()
    assert len(index_folders(tmp_path)) == KEEP


@pytest.mark.parametrize("damage", ["garbage", "truncate", "marker", "empty"])
def test_a_damaged_index_is_rebuilt(corpus, tmp_path, damage):
    SearchIndex.open(corpus, cache_dir=tmp_path).close()
    (folder,) = index_folders(tmp_path)
    if damage == "marker":
        (folder / MARKER).write_text("{not json", encoding="utf-8")
    elif damage == "empty":
        for path in folder.iterdir():
            path.unlink()
    else:
        for path in folder.iterdir():
            if path.name != MARKER and path.stat().st_size:
                data = path.read_bytes()
                path.write_bytes(
                    b"\x00garbage" * 100 if damage == "garbage" else data[: len(data) // 2]
                )
    index = SearchIndex.open(corpus, cache_dir=tmp_path)
    assert not index.in_memory and index.build_seconds > 0 and index.location == folder
    assert probe(index) == ["polozhenie/p-19/pp-45"]
    assert leftovers(tmp_path) == []
    index.close()


def test_in_memory_when_the_cache_cannot_be_written(corpus, tmp_path):
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("a file where the cache folder should be", encoding="utf-8")
    for cache in (blocker, blocker / "below"):
        index = SearchIndex.open(corpus, cache_dir=cache)
        assert index.in_memory and index.location is None
        assert probe(index) == ["polozhenie/p-19/pp-45"]
        assert index.search("п. 19").hits[0].id == "polozhenie/p-19"
        index.close()
    assert blocker.read_text(encoding="utf-8").startswith("a file")


_OPEN_AND_SEARCH = """
import json, sys
from gp_desktop.corpus.reader import Corpus
from gp_desktop.search import SearchIndex
index = SearchIndex.open(Corpus(sys.argv[1]), cache_dir=sys.argv[2])
hits = [h.id for h in index.search("прокуратура", limit=20).hits]
print(json.dumps({"location": str(index.location), "memory": index.in_memory, "hits": hits}))
"""


def test_processes_opening_at_once_all_work(tmp_path):
    cache = tmp_path / "cache"
    processes = [
        subprocess.Popen(
            [sys.executable, "-c", _OPEN_AND_SEARCH, str(CORPUS), str(cache)],
            cwd=ROOT,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        for _ in range(4)
    ]
    outputs = []
    for process in processes:
        out, err = process.communicate(timeout=120)
        assert process.returncode == 0, err
        outputs.append(json.loads(out))
    assert {o["location"] for o in outputs} == {str(p) for p in index_folders(cache)}
    assert not any(o["memory"] for o in outputs)
    assert all(o["hits"] == outputs[0]["hits"] and o["hits"] for o in outputs)
    assert leftovers(cache) == []


def test_damage_found_after_the_probe_falls_back_to_memory(corpus, tmp_path, monkeypatch):
    from gp_desktop.search import index as index_module

    real = index_module.NormBM25F.for_searcher
    calls = []

    def unreadable_once(searcher, fieldnames):
        calls.append(fieldnames)
        if len(calls) == 1:
            raise EOFError("a posting list cut short")
        return real(searcher, fieldnames)

    monkeypatch.setattr(index_module.NormBM25F, "for_searcher", unreadable_once)
    index = SearchIndex.open(corpus, cache_dir=tmp_path)
    assert index.in_memory and len(calls) == 2
    assert probe(index) == ["polozhenie/p-19/pp-45"]
    index.close()


def test_in_memory_build_needs_no_temp_folder(corpus, tmp_path, monkeypatch):
    """Whoosh's RAM storage keeps its scratch files in <tempdir>/MAIN.tmp, one folder shared by
    every process; ours keeps them in RAM. With a temp folder that cannot be created, the
    in-memory fallback must still build (and parallel builds share nothing on disk)."""
    import tempfile
    import threading

    from gp_desktop.search.index import _filler, schema
    from gp_desktop.search.store import build_in_memory

    blocker = tmp_path / "a-file"
    blocker.write_text("not a folder")
    monkeypatch.setattr(tempfile, "tempdir", str(blocker / "tmp"))
    counts: list[int] = []
    errors: list[BaseException] = []

    def build() -> None:
        try:
            counts.append(build_in_memory(schema(), _filler(corpus)).doc_count())
        except BaseException as exc:
            errors.append(exc)

    threads = [threading.Thread(target=build) for _ in range(3)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert errors == []
    assert len(counts) == 3 and len(set(counts)) == 1 and counts[0] > 400


def test_a_deleted_index_is_rebuilt(corpus, tmp_path):
    SearchIndex.open(corpus, cache_dir=tmp_path).close()
    shutil.rmtree(tmp_path / FOLDER)
    index = SearchIndex.open(corpus, cache_dir=tmp_path)
    assert not index.in_memory and index.build_seconds > 0
    assert probe(index) == ["polozhenie/p-19/pp-45"]
    index.close()


def test_an_index_locked_by_another_process_still_searches(corpus, tmp_path):
    """A writer elsewhere (or one that crashed and left its lock) must not stop reading."""
    from whoosh.index import LockError, open_dir

    SearchIndex.open(corpus, cache_dir=tmp_path).close()
    (folder,) = index_folders(tmp_path)
    holder = subprocess.Popen(
        [
            sys.executable,
            "-c",
            "import sys, time\nfrom whoosh.index import open_dir\n"
            f"ix = open_dir({str(folder)!r})\nw = ix.writer()\nprint('locked', flush=True)\ntime.sleep(60)\n",
        ],
        stdout=subprocess.PIPE,
        text=True,
        cwd=ROOT,
    )
    try:
        assert holder.stdout.readline().strip() == "locked"
        with pytest.raises(LockError):
            open_dir(str(folder)).writer(timeout=0.1)  # the lock is really held
        index = SearchIndex.open(corpus, cache_dir=tmp_path)
        assert probe(index) == ["polozhenie/p-19/pp-45"] and index.location == folder
        index.close()
    finally:
        holder.kill()
        holder.wait()


def test_another_corpuss_index_under_a_forged_marker_is_not_used(corpus, tmp_path):
    """An index folder copied from another corpus, its marker rewritten with this corpus's key
    and document count: the documents themselves are checked, and it is rebuilt."""
    other_path = tmp_path / "other.sqlite"
    shutil.copyfile(CORPUS, other_path)
    with sqlite3.connect(other_path) as conn:
        conn.execute(
            "UPDATE nodes SET text = 'подменённый текст о ловле рыбы' WHERE id = 'polozhenie/p-19/pp-45'"
        )
    conn.close()
    other = SearchIndex.open(Corpus(other_path), cache_dir=tmp_path)
    assert [h.id for h in other.search("ловля рыбы").hits] == ["polozhenie/p-19/pp-45"]
    other.close()
    forged = tmp_path / FOLDER / cache_key(corpus.file_sha256)
    shutil.copytree(other.location, forged)
    marker = json.loads((forged / MARKER).read_text(encoding="utf-8"))
    marker["key"] = cache_key(corpus.file_sha256)
    (forged / MARKER).write_text(json.dumps(marker), encoding="utf-8")

    index = SearchIndex.open(corpus, cache_dir=tmp_path)
    assert not index.search("ловля рыбы").hits and probe(index) == ["polozhenie/p-19/pp-45"]
    assert index.location == forged and not index.in_memory
    index.close()
    again = SearchIndex.open(corpus, cache_dir=tmp_path)
    assert again.build_seconds == 0.0  # the rebuilt one is trusted next time
    again.close()


def test_the_cache_deleted_while_the_index_is_built(corpus, tmp_path):
    """Deleting the cache folder is always safe: mid-build, the search still answers."""
    from gp_desktop.search import store
    from gp_desktop.search.index import schema

    def fill_then_delete(index):
        writer = index.writer()
        writer.add_document(id="x", citation="x", digest="", **{"text": "слово", "exact": "слово"})
        shutil.rmtree(tmp_path / FOLDER, ignore_errors=True)  # the user empties the cache now
        writer.commit()
        return 1

    index, location, built = store.open_or_build(tmp_path, "sha", schema(), fill_then_delete)
    assert location is None and built and index.doc_count() == 1


def test_the_command_line_survives_the_cache_being_deleted_repeatedly(tmp_path):
    import threading

    cache = tmp_path / "cache"
    stop = threading.Event()

    def keep_deleting():
        while not stop.is_set():
            shutil.rmtree(cache / "gp-desktop", ignore_errors=True)

    deleter = threading.Thread(target=keep_deleting)
    deleter.start()
    try:
        for _ in range(3):
            result = subprocess.run(
                [sys.executable, "-m", "gp_desktop", "search", "огневая подготовка", "--json"],
                capture_output=True,
                text=True,
                encoding="utf-8",
                cwd=ROOT,
                env={**__import__("os").environ, "XDG_CACHE_HOME": str(cache)},
                timeout=120,
            )
            assert result.returncode == 0, result.stderr
            assert json.loads(result.stdout)[0]["id"] == "polozhenie/p-19/pp-45"
    finally:
        stop.set()
        deleter.join()
