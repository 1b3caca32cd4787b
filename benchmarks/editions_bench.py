"""Editions: the diff of the whole act, add-edition, start-up with ten editions, file growth.

- diff: ``diff_editions`` of the bundled edition and the later test edition (the whole act,
  clause by clause, word by word) beside ``difflib`` run once over the words of the two whole
  texts (a naive diff that knows no clauses), both in this process;
- add-edition: ``gp-desktop add-edition`` of one text into the bundled corpus beside
  ``gp-desktop build-corpus`` of that text alone, both spawned (the process start included);
- start-up: ``gp-desktop --self-test`` on a corpus of ten editions beside the same on a corpus
  of one edition with the same current text (the tenth alone: the same act in the window, so
  that only the nine editions held differ), spawned in turn as in the start-up section;
- growth: the file's size with 1 … 10 editions; the growth per edition beside the size of the
  one-edition file.

The ten editions are made here from the bundled text by made-up amending decrees (one clause
reworded and footnoted each); they exist only in a temporary folder.
"""

from __future__ import annotations

import difflib
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from harness import Figure, child_env, ratio, report, timed
from startup_bench import spawn

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
SOURCE = ROOT / "resources" / "acts" / "ukaz-2017-563.md"
CORPUS = ROOT / "corpus.sqlite"
LATER = ROOT / "tests" / "data" / "editions" / "ukaz-2017-563-2026-06-10.md"

# Clauses of the Положение reworded one by one by the made-up decrees: (their opening, new words).
_EDITS = [
    ("5. Генеральная прокуратура вступает", "5. Генеральная прокуратура самостоятельно вступает"),
    ("10. Настоящее Положение является", "10. Настоящее Положение является единственным"),
    ("8. Структура и лимит", "8. Структура, лимит"),
    ("4. Генеральная прокуратура является", "4. Генеральная прокуратура как орган является"),
    ("6. Генеральная прокуратура имеет право", "6. Генеральная прокуратура вправе"),
    ("3. Генеральная прокуратура осуществляет", "3. Генеральная прокуратура ведёт"),
    ("12. Генеральной прокуратуре запрещается", "12. Генеральной прокуратуре не разрешается"),
    ("9. Местонахождение юридического лица", "9. Местонахождение Генеральной прокуратуры"),
    ("7. Генеральная прокуратура по вопросам", "7. Генеральная прокуратура по всем вопросам"),
]


def make_editions(folder: Path, count: int) -> list[Path]:
    """The bundled text and ``count - 1`` later ones, each by one more made-up decree."""
    if count - 1 > len(_EDITS):
        raise ValueError(f"at most {len(_EDITS) + 1} editions")
    texts = [SOURCE]
    text = SOURCE.read_text(encoding="utf-8")
    for k in range(count - 1):
        old, new = _EDITS[k]
        number = 2000 + k
        date = f"{k + 1:02d}.01.2027"  # one a day: at most len(_EDITS) + 1 editions
        head, _, tail = text.partition(old)
        line_end = tail.index("\n")
        footnote = (
            f"\n\n**Сноска. Пункт {old.split('.')[0]} с изменением, внесенным Указом Президента РК "
            f"от {date} № {number}.**"
        )
        text = head + new + tail[:line_end] + footnote + tail[line_end:]
        path = folder / f"edition-{k + 2:02d}.md"
        path.write_text(text, encoding="utf-8")
        texts.append(path)
    return texts


def _spawned_seconds(command: list[str], env: dict[str, str]) -> float:
    started = time.perf_counter()
    subprocess.run(command, env=env, cwd=ROOT, check=True, capture_output=True)
    return time.perf_counter() - started


def bench_editions(quick: bool) -> dict:
    from gp_desktop.corpus.build import build_editions
    from gp_desktop.corpus.diff import diff_editions
    from gp_desktop.corpus.export import export_text
    from gp_desktop.corpus.reader import Corpus

    repeats = 5 if quick else 20
    result: dict = {}
    figures: list[Figure] = []
    with tempfile.TemporaryDirectory(prefix="gp-bench-editions-") as tmp:
        folder = Path(tmp)
        env = child_env(folder)
        two = folder / "two.sqlite"
        build_editions([SOURCE, LATER], two)
        old, new = Corpus(two, Corpus(two).editions[0].id), Corpus(two)
        ours = timed(lambda: diff_editions(old, new), repeats)
        a, b = export_text(old).split(), export_text(new).split()
        naive = timed(
            lambda: difflib.SequenceMatcher(None, a, b, autojunk=False).get_opcodes(), repeats
        )
        diff = {
            "ms": round(statistics.median(ours) * 1000, 1),
            "baseline_ms": round(statistics.median(naive) * 1000, 1),
            "changes": len(diff_editions(old, new)),
            "nodes": len(new.nodes),
        }
        diff["ratio"] = ratio(diff["ms"], diff["baseline_ms"])
        report(
            f"  diff of the whole act ({diff['nodes']} nodes, {diff['changes']} changes): "
            f"{diff['ms']} ms; difflib over the whole text's words {diff['baseline_ms']} ms"
        )
        figures.append(
            Figure(
                "editions.diff_ms",
                diff["ms"],
                diff["baseline_ms"],
                "ms",
                "difflib.SequenceMatcher over the words of the two whole texts",
                "≤ 50 ms",
                diff["ms"] <= 50,
            )
        )
        result["diff"] = diff

        cli = [sys.executable, "-m", "gp_desktop"]
        rounds = 1 if quick else 3
        add_runs, build_runs = [], []
        for k in range(rounds):
            out = folder / f"added-{k}.sqlite"
            add_runs.append(
                _spawned_seconds(
                    [*cli, "add-edition", str(LATER), "--corpus", str(CORPUS), "-o", str(out)],
                    env,
                )
            )
            build_runs.append(
                _spawned_seconds(
                    [*cli, "build-corpus", str(LATER), "-o", str(folder / f"b-{k}.sqlite")], env
                )
            )
        add = {
            "s": round(statistics.median(add_runs), 2),
            "baseline_s": round(statistics.median(build_runs), 2),
        }
        add["ratio"] = ratio(add["s"], add["baseline_s"])
        report(f"  add-edition {add['s']} s; build-corpus of the same text {add['baseline_s']} s")
        figures.append(
            Figure(
                "editions.add_edition_s",
                add["s"],
                add["baseline_s"],
                "s",
                "build-corpus of the same text alone, spawned the same way",
                "≤ 3 s",
                add["s"] <= 3,
            )
        )
        result["add_edition"] = add

        texts = make_editions(folder, 10)
        sizes = []
        for count in range(1, 11):
            path = folder / f"editions-{count}.sqlite"
            build_editions(texts[:count], path)
            sizes.append(path.stat().st_size)
        per_edition = (sizes[-1] - sizes[0]) / 9
        growth = {
            "bytes": sizes,
            "per_edition_bytes": round(per_edition),
            "one_edition_bytes": sizes[0],
        }
        growth["ratio"] = ratio(per_edition, sizes[0])
        report(
            f"  file: {sizes[0] / 1024:.0f} KiB with one edition, {sizes[-1] / 1024:.0f} KiB with "
            f"ten; {per_edition / 1024:.1f} KiB per edition ({growth['ratio']}× the one-edition file)"
        )
        figures.append(
            Figure(
                "editions.growth_per_edition_kib",
                round(per_edition / 1024, 1),
                round(sizes[0] / 1024, 1),
                "KiB",
                "the size of the one-edition corpus file",
            )
        )
        result["growth"] = growth

        runs = 3 if quick else 7
        # The baseline shows the same act: the tenth text alone (editions-1 is the first text,
        # with nine decrees fewer in its history pane and footnotes).
        one, ten = folder / "tenth-alone.sqlite", folder / "editions-10.sqlite"
        build_editions(texts[-1:], one)
        log = folder / "stderr.log"
        app = [*cli, "--self-test", "--corpus"]
        spawn([*app, str(one)], env, log)  # index builds, bytecode, page cache
        spawn([*app, str(ten)], env, log)
        with_one, with_ten = [], []
        for _ in range(runs):
            with_ten.append(spawn([*app, str(ten)], env, log)["spawn_to_first_paint_ms"])
            with_one.append(spawn([*app, str(one)], env, log)["spawn_to_first_paint_ms"])
        start = {
            "ms": round(statistics.median(with_ten), 1),
            "baseline_ms": round(statistics.median(with_one), 1),
            "runs": runs,
        }
        start["ratio"] = ratio(start["ms"], start["baseline_ms"])
        report(
            f"  start-up with ten editions {start['ms']} ms, with one {start['baseline_ms']} ms "
            f"({start['ratio']}×)"
        )
        figures.append(
            Figure(
                "editions.startup_ten_ms",
                start["ms"],
                start["baseline_ms"],
                "ms",
                "the same self-test on one edition of the same text",
                "≤ 1.05×",
                start["ratio"] is not None and start["ratio"] <= 1.05,
            )
        )
        result["startup"] = start
    return {"editions": result, "figures": figures}
