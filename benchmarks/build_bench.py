"""Build times: ``build-corpus`` and the search index, for the bundled act and the act ×100.

- ``build-corpus`` (``gp_desktop.corpus.build.build_corpus``, what the command runs after
  parsing its arguments) against the least a corpus file can cost: read the same source
  bytes, decode them, split them into paragraphs and write those to a new SQLite file, with
  the same temporary file, fsync and rename, and no analysis at all. Ours includes the act's
  lexicon (``search/lexicon.py``), computed with the dictionary's caches empty and the
  dictionary loaded, as a fresh ``gp-desktop build-corpus`` after its 0.1 s load.
- Import from each format the act arrives in (plain text as copied, a saved page, a Word
  file: the renditions of tests/renditions.py) beside the import of the Markdown source, in
  the same run: reading the file, recognising its format, its blocks and the parse — the part
  that differs between formats (the lexicon and the SQLite file after it are the same work
  for all). The issue's target is ≤ 1.5× the Markdown import.
- The search index (``SearchIndex.open`` on an empty cache folder: analysis, Whoosh writing,
  the finished index moved into place and opened) against FTS5 fed the same analysed term
  streams in an SQLite file in the same folder. Both analyse with the corpus's lexicon, from
  empty caches, as the first build after a start does.
"""

from __future__ import annotations

import os
import sqlite3
import statistics
import sys
import tempfile
from pathlib import Path

from harness import Figure, ratio, report, timed
from scaled import scaled_corpus, scaled_source
from search_bench import Fts5Baseline

from gp_desktop.corpus.build import build_corpus
from gp_desktop.corpus.reader import Corpus


def plain_import(source: Path, output: Path) -> int:
    """The baseline: the source's paragraphs into SQLite, unanalysed, replaced atomically."""
    text = source.read_bytes().decode("utf-8")
    paragraphs = [(k, p) for k, p in enumerate(text.split("\n\n")) if p.strip()]
    fd, tmp = tempfile.mkstemp(prefix=f".{output.name}.", suffix=".tmp", dir=output.parent)
    os.close(fd)
    conn = sqlite3.connect(tmp)
    try:
        with conn:
            conn.execute("CREATE TABLE paragraphs (position INTEGER PRIMARY KEY, text TEXT)")
            conn.executemany("INSERT INTO paragraphs VALUES (?, ?)", paragraphs)
    finally:
        conn.close()
    with open(tmp, "rb") as fh:
        os.fsync(fh.fileno())
    os.replace(tmp, output)
    return len(paragraphs)


def _forget_analysis() -> None:
    """Empty the caches of the dictionary's answers, as in a fresh process (builds of the
    corpus ask the dictionary; builds of the index read the corpus's lexicon)."""
    from gp_desktop.search.analysis import lemmas, morph_analyzer, stem
    from gp_desktop.search.lexicon import _paradigm, _word_forms

    morph_analyzer()  # loaded once per process, before any build; not part of either
    lemmas.cache_clear()
    stem.cache_clear()
    _paradigm.cache_clear()
    _word_forms.cache_clear()


def _cold_build_corpus(source: Path, output: Path) -> None:
    _forget_analysis()
    build_corpus([source], output, max_bytes=None)  # the act ×100 is larger than any edition


def _corpus_build(factor: int, repeats: int, folder: Path) -> dict:
    source = scaled_source(factor)
    _forget_analysis()  # loads the dictionary outside the timed builds
    ours = timed(lambda: _cold_build_corpus(source, folder / f"corpus-x{factor}.sqlite"), repeats)
    paragraphs = plain_import(source, folder / f"plain-x{factor}.sqlite")
    plain = timed(lambda: plain_import(source, folder / f"plain-x{factor}.sqlite"), repeats)
    result = {
        "source_mb": round(source.stat().st_size / 1e6, 2),
        "paragraphs": paragraphs,
        "ms": round(statistics.median(ours) * 1000, 1),
        "baseline_ms": round(statistics.median(plain) * 1000, 1),
        "repeats": repeats,
    }
    result["ratio"] = ratio(result["ms"], result["baseline_ms"])
    report(
        f"  build-corpus ×{factor} ({result['source_mb']} MB): {result['ms']:.0f} ms, "
        f"plain import {result['baseline_ms']:.1f} ms, ratio {result['ratio']}×"
    )
    return result


def _index_build(factor: int, repeats: int, folder: Path) -> dict:
    from gp_desktop.search import SearchIndex

    corpus = Corpus(scaled_corpus(factor))
    ours, theirs, analysis = [], [], []
    for attempt in range(repeats):
        _forget_analysis()
        cache = folder / f"cache-x{factor}-{attempt}"
        [seconds] = timed(lambda c=cache: SearchIndex.open(corpus, cache_dir=c).close(), 1)
        ours.append(seconds)
        _forget_analysis()
        fts = Fts5Baseline(corpus, folder / f"fts5-x{factor}-{attempt}.sqlite")
        fts.db.close()
        theirs.append(fts.build_seconds)
        analysis.append(fts.analysis_seconds)
    result = {
        "documents": fts.documents,
        "ms": round(statistics.median(ours) * 1000, 1),
        "baseline_ms": round(statistics.median(theirs) * 1000, 1),
        "analysis_ms": round(statistics.median(analysis) * 1000, 1),
        "repeats": repeats,
    }
    result["ratio"] = ratio(result["ms"], result["baseline_ms"])
    report(
        f"  index ×{factor} ({result['documents']} documents): {result['ms']:.0f} ms, "
        f"FTS5 {result['baseline_ms']:.0f} ms (of which analysis {result['analysis_ms']:.0f} ms), "
        f"ratio {result['ratio']}×"
    )
    return result


FORMATS = {
    "plain_text": "plain-one-line-each-bom-crlf",
    "plain_text_blank_lines": "plain-blank-lines-utf8",
    "html_page": "page-full-page",
    "docx": "word-styled",
    "docx_numbered": "word-numbered-clauses",
}


def _import(path: Path) -> int:
    from gp_desktop.corpus.parser import parse_act
    from gp_desktop.corpus.source import read_source

    source = read_source(path)
    return len(parse_act(source.text, source=source.blocks).nodes)


def _format_imports(repeats: int, folder: Path) -> dict:
    """Each format's import of the bundled act beside the Markdown import, interleaved."""
    tests = Path(__file__).resolve().parent.parent / "tests"
    if str(tests) not in sys.path:
        sys.path.insert(0, str(tests))
    import renditions

    blocks = renditions.act_blocks()
    files = {"markdown": renditions.SOURCE}
    for key, name in FORMATS.items():
        suffix, make = renditions.ALL[name]
        files[key] = folder / f"act-{key}{suffix}"
        files[key].write_bytes(make(blocks))
    counts = {key: _import(path) for key, path in files.items()}  # warm, and all the same act
    assert len(set(counts.values())) == 1, counts
    samples: dict[str, list[float]] = {key: [] for key in files}
    for _ in range(repeats):
        for key, path in files.items():
            samples[key] += timed(lambda p=path: _import(p), 1)
    base = statistics.median(samples["markdown"]) * 1000
    result = {"markdown_ms": round(base, 1), "repeats": repeats}
    for key in FORMATS:
        ms = statistics.median(samples[key]) * 1000
        result[key] = {"ms": round(ms, 1), "ratio": ratio(ms, base)}
        report(
            f"  import from {key}: {ms:.0f} ms, Markdown {base:.0f} ms, ratio {ratio(ms, base)}×"
        )
    return result


PLAIN_IS = "same text read, split into paragraphs, written to SQLite; no analysis"
FTS5_IS = "FTS5 file fed the same analysed tokens (analysis included)"


def build(quick: bool) -> dict:
    factor = 10 if quick else 100
    scale = f"x{factor}"
    report(f"build: build-corpus and search index, bundled act and act ×{factor}")
    with tempfile.TemporaryDirectory(prefix="gp-bench-build-") as tmp:
        folder = Path(tmp)
        corpus = {
            "x1": _corpus_build(1, 3 if quick else 7, folder),
            scale: _corpus_build(factor, 2 if quick else 3, folder),
        }
        formats = _format_imports(3 if quick else 9, folder)
        index = {
            "x1": _index_build(1, 2 if quick else 5, folder),
            scale: _index_build(factor, 1, folder),
        }
    figures = [
        Figure(f"build.corpus.{k}.ms", v["ms"], v["baseline_ms"], "ms", PLAIN_IS)
        for k, v in corpus.items()
    ]
    figures += [
        Figure(f"build.index.{k}.ms", v["ms"], v["baseline_ms"], "ms", FTS5_IS)
        for k, v in index.items()
    ]
    figures += [
        Figure(
            f"build.formats.{key}.ms",
            formats[key]["ms"],
            formats["markdown_ms"],
            "ms",
            "the same act imported from the Markdown source",
            target="≤ 1.5×",
            met=formats[key]["ratio"] is not None and formats[key]["ratio"] <= 1.5,
        )
        for key in FORMATS
    ]
    return {
        "build": {"corpus": corpus, "formats": formats, "index": index},
        "figures": figures,
    }
