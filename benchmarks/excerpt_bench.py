"""How long the whole Положение takes as one excerpt in PDF, against Qt printing the same HTML.

The baseline is the least a PDF of this text can cost with Qt: ``QTextDocument.print_`` of
the excerpt's own HTML to a ``QPdfWriter`` with the same page, no excerpt logic, no footer.
Ours composes the excerpt from the corpus and paints every page with its footer. The ratio
of the two medians, measured in the same run, is what to watch; seconds differ by machine.

Run alone: ``.venv/bin/python benchmarks/excerpt_bench.py [--quick]`` prints JSON.
"""

from __future__ import annotations

import json
import os
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))


def _median_seconds(run: Callable[[], object], repeats: int) -> float:
    times = []
    for _ in range(repeats):
        started = time.perf_counter()
        run()
        times.append(time.perf_counter() - started)
    return statistics.median(times)


def bench_excerpt(quick: bool = False) -> dict:
    """The whole Положение to PDF: ours and the Qt baseline, median seconds and their ratio."""
    from PySide6.QtGui import QTextDocument

    from gp_desktop.corpus.reader import Corpus
    from gp_desktop.excerpt import compose_excerpt
    from gp_desktop.paths import bundled_corpus
    from gp_desktop.ui.excerpt import printing

    printing.ensure_app()
    corpus = Corpus(bundled_corpus())
    repeats = 3 if quick else 10
    with tempfile.TemporaryDirectory(prefix="gp-excerpt-bench-") as folder:
        ours_path = Path(folder) / "ours.pdf"
        base_path = Path(folder) / "baseline.pdf"

        def ours() -> None:
            excerpt = compose_excerpt(corpus, ["polozhenie"])
            printing.write_pdf(excerpt, ours_path)

        html = compose_excerpt(corpus, ["polozhenie"]).html

        def baseline() -> None:
            writer = printing.pdf_writer(base_path)
            doc = QTextDocument()
            doc.setDefaultFont(printing.body_font())
            doc.setHtml(html)
            doc.print_(writer)

        ours()  # the first run loads fonts; neither side should pay for it
        baseline()
        compose = _median_seconds(lambda: compose_excerpt(corpus, ["polozhenie"]), repeats)
        ours_s = _median_seconds(ours, repeats)
        base_s = _median_seconds(baseline, repeats)
        pages = printing.paint_excerpt(
            printing.pdf_writer(Path(folder) / "count.pdf"), compose_excerpt(corpus, ["polozhenie"])
        )
    return {
        "name": "excerpt_polozhenie_pdf",
        "what": "whole Положение as one excerpt to PDF vs QTextDocument.print_ of the same HTML",
        "repeats": repeats,
        "pages": pages,
        "compose_seconds": round(compose, 4),
        "ours_seconds": round(ours_s, 4),
        "baseline_seconds": round(base_s, 4),
        "ratio": round(ours_s / base_s, 2),
    }


def main(argv: list[str]) -> int:
    if sys.platform.startswith("linux") and not os.environ.get("DISPLAY"):
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    print(json.dumps(bench_excerpt(quick="--quick" in argv), ensure_ascii=False, indent=1))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
