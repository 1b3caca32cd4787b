"""What starting the window does not load before its first paint, and the benchmark's ×N act.

The start-up figure in benchmarks/README.md depends on the window's modules leaving printing,
search and the importer for later (80 ms of QtPrintSupport, 100 ms of Whoosh and pymorphy3,
40 ms of sqlite-utils). Each check imports in a fresh process, so nothing an earlier test
loaded can hide an import.
"""

from __future__ import annotations

import importlib.util
import json
import subprocess
import sys

import pytest
from conftest import ROOT

LATER = (
    "whoosh",
    "pymorphy3",
    "sqlite_utils",
    "PySide6.QtPrintSupport",
    "gp_desktop.ui.excerpt.printing",
)


def modules_after(code: str) -> set[str]:
    program = f"{code}\nimport json, sys\nprint(json.dumps(sorted(sys.modules)))"
    done = subprocess.run(
        [sys.executable, "-c", program], capture_output=True, text=True, cwd=ROOT, timeout=120
    )
    assert done.returncode == 0, done.stderr
    return set(json.loads(done.stdout.splitlines()[-1]))


def loaded_early(modules: set[str]) -> set[str]:
    return {m for m in modules if m.startswith(LATER)}


def test_the_window_and_the_command_line_leave_printing_search_and_the_importer_for_later():
    modules = modules_after(
        "import gp_desktop.cli as cli\n"
        "cli.build_parser()\n"
        "import gp_desktop.ui.app, gp_desktop.ui.main_window, gp_desktop.ui.self_test"
    )
    assert "gp_desktop.ui.main_window" in modules
    assert loaded_early(modules) == set()


def test_reading_a_corpus_does_not_import_the_writer():
    modules = modules_after(
        "from gp_desktop.corpus.reader import Corpus\n"
        "from gp_desktop.paths import bundled_corpus\n"
        "Corpus(bundled_corpus())"
    )
    assert "sqlite_utils" not in modules


def test_printing_and_search_load_when_used():
    """The checks above would also pass if nothing imported them at all."""
    modules = modules_after(
        "from gp_desktop.ui.excerpt.panel import _printing\n_printing()\nfrom gp_desktop.search import SearchIndex"
    )
    assert {"gp_desktop.ui.excerpt.printing", "PySide6.QtPrintSupport", "whoosh"} <= modules


@pytest.fixture(scope="module")
def scaled():
    spec = importlib.util.spec_from_file_location("scaled", ROOT / "benchmarks" / "scaled.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_the_benchmarks_act_x3_is_read_by_the_importer_like_the_real_one(scaled, source_text):
    from gp_desktop.corpus import model as m
    from gp_desktop.corpus.parser import parse_act

    real = parse_act(source_text)
    tripled = parse_act(scaled.scaled_text(source_text, 3))

    def labels(parsed, kind: str) -> list[str]:
        return [n.label for n in parsed.nodes if n.kind == kind and n.id.startswith("polozhenie")]

    assert labels(real, m.CLAUSE) == [f"{k}." for k in range(1, 26)]
    assert labels(tripled, m.CLAUSE) == [f"{k}." for k in range(1, 76)]
    assert labels(tripled, m.CHAPTER) == [f"Глава {k}." for k in range(1, 16)]

    # The copies add no warnings but the real act's misplaced footnote, once per copy.
    def misplaced(parsed) -> int:
        return sum("сноска говорит о пункте" in w for w in parsed.warnings)

    assert misplaced(real) == 1 and misplaced(tripled) == 3
    assert len(tripled.warnings) - len(real.warnings) == 2
    # The parts after the Положение are all there, once.
    assert len(tripled.institutions) == len(real.institutions)
    assert tripled.nodes[-1].text == real.nodes[-1].text


def test_a_clause_of_a_copy_is_one_clause_with_the_same_text(scaled, source_text, tmp_path):
    from gp_desktop.corpus.build import build_corpus
    from gp_desktop.corpus.citations import resolve
    from gp_desktop.corpus.reader import Corpus

    source = tmp_path / "x2.md"
    source.write_text(scaled.scaled_text(source_text, 2), encoding="utf-8")
    build_corpus([source], tmp_path / "x2.sqlite")
    corpus = Corpus(tmp_path / "x2.sqlite")
    first, copy = resolve(corpus, "п. 19"), resolve(corpus, "п. 44")
    assert first and copy and first != copy
    assert corpus.by_id[copy].text == corpus.by_id[first].text


@pytest.mark.parametrize(
    ("argv", "window"),
    [
        ([], True),
        (["--self-test"], True),
        (["--corpus", "search"], True),  # a corpus file named like a command is still a file
        (["--corpus=x.sqlite", "--self-test"], True),
        (["search", "прокурор"], False),
        (["--corpus", "x.sqlite", "show", "19"], False),
        (["--help"], False),
        (["-h"], False),
    ],
)
def test_only_the_window_options_skip_the_sub_commands(argv, window):
    from gp_desktop.cli import opens_the_window

    assert opens_the_window(argv) is window


def test_opening_the_window_does_not_import_the_sub_commands_or_hash_the_corpus():
    """The window path parses its own options only; the corpus is hashed after the paint."""
    modules = modules_after(
        "import os; os.environ['QT_QPA_PLATFORM'] = 'offscreen'\n"
        "import gp_desktop.cli as cli\n"
        "assert cli.main(['--corpus', '/nonexistent/corpus.sqlite']) == 1\n"
        "from gp_desktop.corpus.reader import Corpus\n"
        "from gp_desktop.paths import bundled_corpus\n"
        "Corpus(bundled_corpus())"
    )
    assert "gp_desktop.ui.app" in modules
    assert not {m for m in modules if m.startswith("gp_desktop.commands")}
    assert "hashlib" not in modules
