"""Where the Whoosh index lives: the user's cache, keyed by the corpus, built aside and moved in.

The index folder is named by a hash of the corpus file (which carries the act's lexicon, so
it covers the dictionary too), the index format and Whoosh's version, so a changed corpus (or
a program that analyses differently) gets a fresh index and never reads a stale one. A build
goes into a temporary folder beside it and is renamed into place only when complete, so a
crash leaves no half index under the real name. When two processes build at once, the first
rename wins and the other process drops its copy and opens the winner's. A folder that fails
to open or to answer a probe is treated as damaged and replaced. When nothing can be written
(read-only or full disk, a file where the folder should be), the index is built in memory
instead; callers learn it from ``SearchIndex.in_memory`` (the details go to the log at INFO
level, not to the user).
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import logging
import os
import shutil
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

import whoosh
import whoosh.index
from whoosh.fields import Schema
from whoosh.filedb.filestore import RamStorage
from whoosh.index import Index

log = logging.getLogger(__name__)

INDEX_FORMAT = 5
"""Bump when the schema, the analysis, the document set or what a document stores changes.
2: terms from the corpus's lexicon; the dictionary's version left the key.
3: each document stores a digest of its text, checked against the corpus when opened.
4: a table is a document per row (``id`` the row's key, ``node`` its node).
5: the stored citations count paragraphs from the clause's opening line (corpus/citations.py)."""
FOLDER = "search-index"
MARKER = "gp-desktop-index.json"
KEEP = 3
"""Index folders kept per cache (the most recently used); older ones are removed."""
STALE_BUILD_SECONDS = 24 * 3600


def cache_key(corpus_sha256: str) -> str:
    recipe = f"{corpus_sha256}|{INDEX_FORMAT}|{whoosh.versionstring()}"
    return hashlib.sha256(recipe.encode()).hexdigest()[:24]


Fill = Callable[[Index], int]
"""Adds the documents to a fresh index, commits, and returns how many it added."""


def open_valid(folder: Path, key: str, schema: Schema | None = None) -> Index | None:
    """The complete index in ``folder``, or None if it is missing, foreign or damaged.

    With ``schema``, the index uses it instead of the one pickled in it, whose morph analyser
    has lost its lexicon (and would ask the dictionary)."""
    try:
        marker = json.loads((folder / MARKER).read_text(encoding="utf-8"))
        if marker.get("key") != key:
            return None
        index = whoosh.index.open_dir(str(folder), readonly=True, schema=schema)
        documents = int(marker["documents"])
        if index.doc_count() != documents:
            return None
        with index.searcher() as searcher:
            # Touch the stored fields, the term dictionary and a posting list.
            first = searcher.stored_fields(0)
            searcher.stored_fields(documents - 1)
            if searcher.document_number(id=first["id"]) != 0:
                return None
        return index
    except (FileNotFoundError, NotADirectoryError):
        return None
    except Exception as exc:  # any failure of a damaged index: it is rebuilt, not trusted
        log.info("search index %s is damaged (%s: %s)", folder, type(exc).__name__, exc)
        return None


class _PrivateRamStorage(RamStorage):
    """RAM storage whose scratch space is RAM too.

    Whoosh's RamStorage puts its writer's scratch files in ``<tempdir>/MAIN.tmp`` — one fixed
    folder shared by every process, so two in-memory builds at once deleted each other's files,
    and a machine whose temp folder cannot be written could not search at all.
    """

    def temp_storage(self, name: str | None = None) -> RamStorage:
        return RamStorage()


def build_in_memory(schema: Schema, fill: Fill) -> Index:
    index = _PrivateRamStorage().create_index(schema)
    fill(index)
    return index


def discard(folder: Path) -> None:
    """Remove an index folder found not to be the corpus's (a forged or foreign marker)."""
    _remove(folder)


def _remove(folder: Path) -> None:
    shutil.rmtree(folder, ignore_errors=True)


def _build_aside(root: Path, key: str, schema: Schema, fill: Fill) -> Path:
    building = Path(tempfile.mkdtemp(prefix=f".{key}.", suffix=".building", dir=root))
    try:
        index = whoosh.index.create_in(str(building), schema)
        documents = fill(index)
        marker = {"key": key, "documents": documents, "format": INDEX_FORMAT}
        (building / MARKER).write_text(json.dumps(marker), encoding="utf-8")
    except BaseException:
        _remove(building)
        raise
    return building


def _move_into_place(building: Path, final: Path, key: str, schema: Schema) -> None:
    try:
        os.rename(building, final)
        return
    except OSError:
        if not final.exists():
            _remove(building)
            raise
    # Someone else's index is already there: keep it if it is sound (another process won
    # the race), otherwise move the damaged one aside and put ours in its place.
    if open_valid(final, key, schema) is not None:
        _remove(building)
        return
    aside = final.with_name(f".{final.name}.{os.getpid()}.damaged")
    try:
        os.rename(final, aside)
        os.rename(building, final)
    except OSError:
        _remove(building)
        raise
    _remove(aside)


def _tidy(root: Path, keep: str) -> None:
    """Remove indexes of other corpora beyond the most recent few, and abandoned builds."""
    now = time.time()
    with contextlib.suppress(OSError):
        (root / keep / MARKER).touch()  # mark as recently used
    try:
        entries = list(root.iterdir())
    except OSError:
        return
    indexes = []
    for entry in entries:
        try:  # anything here may vanish meanwhile (the user deleting the cache is safe)
            mtime = entry.stat().st_mtime
            if entry.name.startswith("."):
                if now - mtime > STALE_BUILD_SECONDS:
                    _remove(entry)
            elif entry.name != keep and entry.is_dir():
                marker = entry / MARKER
                indexes.append((marker.stat().st_mtime if marker.exists() else mtime, entry))
        except OSError:
            continue
    for _, entry in sorted(indexes, reverse=True)[KEEP - 1 :]:
        _remove(entry)


def open_or_build(
    cache_dir: Path, corpus_sha256: str, schema: Schema, fill: Fill
) -> tuple[Index, Path | None, bool]:
    """The index for the corpus: ``(index, folder or None if in memory, built now)``."""
    key = cache_key(corpus_sha256)
    root = cache_dir / FOLDER
    final = root / key
    index = open_valid(final, key, schema)
    if index is not None:
        _tidy(root, key)
        return index, final, False
    try:
        root.mkdir(parents=True, exist_ok=True)
        building = _build_aside(root, key, schema, fill)
        _move_into_place(building, final, key, schema)
    except Exception as exc:
        # Not writable, full, or deleted while the index was being built (Whoosh then fails
        # with errors of its own): the search still works, from memory.
        log.info("search index kept in memory: cannot write %s (%s)", root, exc)
        return build_in_memory(schema, fill), None, True
    index = open_valid(final, key, schema)
    if index is None:  # vanished or broken right after the build: do not fail the search
        log.info("search index kept in memory: %s did not open after the build", final)
        return build_in_memory(schema, fill), None, True
    _tidy(root, key)
    return index, final, True
