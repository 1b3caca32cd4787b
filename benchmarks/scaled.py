"""The act scaled ×N: a source text the importer accepts, and the corpus built from it.

The Положение's chapters are repeated after its own with the numbering carried on (Глава 6…,
clauses 26…, footnotes «Пункт 26» …), so the result is one long act of the same kind: the
importer reads it like the real one (the only warnings are the real act's misplaced footnote,
once per copy), clause references resolve to one clause each, and the search meets the same
vocabulary at N times the volume. Files live in one temporary folder per run, built once and
shared by the sections that need them.
"""

from __future__ import annotations

import atexit
import re
import shutil
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SOURCE = ROOT / "resources" / "acts" / "ukaz-2017-563.md"

_CHAPTER = re.compile(r"^(#+\s*(?:\*\*)?Глава )(\d+)(\.)")
_CLAUSE = re.compile(r"^(#*\s*)(\d+)((?:-\d+)?\. )")
_FOOTNOTE = re.compile(r"^(\**Сноска\. Пункт )(\d+)()")

_folder: Path | None = None
_built: dict[tuple[str, int], Path] = {}


def work_folder() -> Path:
    """A temporary folder for this run, removed at exit."""
    global _folder
    if _folder is None:
        _folder = Path(tempfile.mkdtemp(prefix="gp-bench-"))
        atexit.register(shutil.rmtree, _folder, True)
    return _folder


def scaled_text(text: str, factor: int) -> str:
    """The act with the Положение's chapters repeated ``factor`` times in all, renumbered."""
    lines = text.split("\n")
    start = next(k for k, line in enumerate(lines) if _CHAPTER.match(line))
    # The Положение ends where the list of institutions under the Генеральная прокуратура begins.
    end = next(
        k
        for k, line in enumerate(lines)
        if line.startswith("**Перечень государственных учреждений")
    )
    chapters = lines[start:end]
    last_chapter = max(int(m.group(2)) for line in chapters if (m := _CHAPTER.match(line)))
    last_clause = max(int(m.group(2)) for line in chapters if (m := _CLAUSE.match(line)))

    def renumber(line: str, copy: int) -> str:
        def shift(by: int):
            return lambda m: f"{m.group(1)}{int(m.group(2)) + by}{m.group(3)}"

        line = _CHAPTER.sub(shift(copy * last_chapter), line)
        line = _CLAUSE.sub(shift(copy * last_clause), line)
        return _FOOTNOTE.sub(shift(copy * last_clause), line)

    out = lines[:end]
    for copy in range(1, factor):
        out.extend(renumber(line, copy) for line in chapters)
    out.extend(lines[end:])
    return "\n".join(out)


def scaled_source(factor: int) -> Path:
    """The source text scaled ×``factor`` (the real file itself for 1)."""
    if factor == 1:
        return SOURCE
    key = ("source", factor)
    if key not in _built:
        path = work_folder() / f"ukaz-2017-563-x{factor}.md"
        path.write_text(scaled_text(SOURCE.read_text(encoding="utf-8"), factor), encoding="utf-8")
        _built[key] = path
    return _built[key]


def scaled_corpus(factor: int) -> Path:
    """corpus.sqlite imported from the ×``factor`` source (the bundled corpus for 1)."""
    from gp_desktop.corpus.build import build_corpus
    from gp_desktop.paths import bundled_corpus

    if factor == 1:
        return bundled_corpus()
    key = ("corpus", factor)
    if key not in _built:
        path = work_folder() / f"corpus-x{factor}.sqlite"
        build_corpus([scaled_source(factor)], path, max_bytes=None)  # larger than any act
        _built[key] = path
    return _built[key]
