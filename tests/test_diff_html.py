"""The inline comparison of two editions (``corpus/diff_html.py``), without a display.

Built on the bundled text and the earlier one made for the tests (tests/data/editions): every
change stands once, in order, with its anchors; its words are marked exactly as the diff's
word operations say; read without the insertions the document is the older edition, read
without the deletions it is the newer one; unchanged text is folded or dimmed.
"""

from __future__ import annotations

import html
import re
from collections import Counter
from pathlib import Path

import pytest
from conftest import SOURCE

from gp_desktop.corpus.build import build_editions
from gp_desktop.corpus.diff import (
    CHANGE_NAMES,
    DELETED_STYLE,
    INSERTED_STYLE,
    diff_editions,
)
from gp_desktop.corpus.diff_html import change_anchor, change_of_anchor, comparison_html
from gp_desktop.corpus.export import export_text
from gp_desktop.corpus.reader import Corpus

DATA = Path(__file__).resolve().parent / "data" / "editions"
EARLIER = DATA / "ukaz-2017-563-2025-04-25.md"  # made for the tests
EARLIER_DATE = "2025-04-25"
_SPAN = '<span style="{}">(.*?)</span>'
_HEADS = re.compile(r'<p class="(?:change-head|compare-title|compare-legend|fold)".*?</p>', re.S)


@pytest.fixture(scope="module")
def pair(tmp_path_factory):
    path = tmp_path_factory.mktemp("diff-html") / "two.sqlite"
    build_editions([EARLIER, SOURCE], path)
    old, new = Corpus(path, EARLIER_DATE), Corpus(path)
    return old, new, diff_editions(old, new)


def _words(markup: str) -> list[str]:
    text = re.sub(r"<[^>]+>", "", markup.replace("<br>", " ").replace("</td>", " "))
    return html.unescape(text).replace("изм.", " ").split()


def _without(markup: str, style: str) -> str:
    return re.sub(_SPAN.format(re.escape(style)), "", markup, flags=re.S)


def test_every_change_once_in_order_with_its_anchors(pair):
    old, new, changes = pair
    page = comparison_html(old, new, changes)
    heads = re.findall(r'<p class="change-head".*?<small>(.*?)</small>', page, re.S)
    assert [re.sub(r"<[^>]+>", "", h) for h in heads] == [
        html.escape(f"{k + 1}. {c.citation} — {CHANGE_NAMES[c.change]}", quote=False)
        + (f" ({c.old_id} → {c.id})" if c.old_id not in (None, c.id) else "")
        for k, c in enumerate(changes)
    ]
    firsts = [n for n in re.findall(r'<a name="([^"]+)"', page) if n.endswith("-0")]
    assert firsts == [change_anchor(k) for k in range(len(changes))]
    assert [change_of_anchor(change_anchor(k, 3)) for k in range(3)] == [0, 1, 2]
    assert change_of_anchor("polozhenie/p-1") is None
    # A changed or added clause keeps its own anchor, for the reader to know where it is.
    for change in changes:
        if change.change != "removed":
            assert f'<a name="{change.id}">' in page


def test_the_words_are_marked_as_the_diff_says(pair):
    old, new, changes = pair
    page = comparison_html(old, new, changes)
    marked = {
        "delete": re.findall(_SPAN.format(re.escape(DELETED_STYLE)), page, re.S),
        "insert": re.findall(_SPAN.format(re.escape(INSERTED_STYLE)), page, re.S),
    }
    legend_spans = 1  # «зачёркнуто» and «подчёркнуто» in the legend
    expected = {"delete": [], "insert": []}
    for change in changes:
        for op in change.ops:
            if op.op in expected:
                expected[op.op].append(html.escape(op.text.lstrip()).replace("\n", "<br>"))
    for kind in ("delete", "insert"):
        assert marked[kind][legend_spans:] == expected[kind] or Counter(
            marked[kind][legend_spans:]
        ) >= Counter(expected[kind])
    # Clause 11 gained the words of the earlier text's README, underlined; clause 2 lost one.
    assert (
        ", а также Специального государственного фонда в части деятельности, касающейся "
        "возврата активов," in marked["insert"]
    )
    assert "ведомство" in marked["delete"] and "ведомства" in marked["insert"]
    # The marks carry the meaning, not the colours alone.
    assert "line-through" in DELETED_STYLE and "underline" in INSERTED_STYLE


def test_without_its_marks_the_dimmed_comparison_reads_as_each_edition(pair):
    old, new, changes = pair
    page = _HEADS.sub(" ", comparison_html(old, new, changes, show_unchanged=True))
    newer = _words(_without(page, DELETED_STYLE))
    older = _words(_without(page, INSERTED_STYLE))
    assert newer == export_text(new).split()
    # An equal run is spaced as the newer text spaces it: the older one compared by its letters.
    assert "".join(older) == "".join(export_text(old).split())


def test_unchanged_text_folded_or_dimmed(pair):
    old, new, changes = pair
    unchanged = new.node("polozhenie/p-5")
    folded = comparison_html(old, new, changes)
    dimmed = comparison_html(old, new, changes, show_unchanged=True)
    assert unchanged.text[:40] not in folded and "без изменений" in folded
    assert unchanged.text[:40] in dimmed and "без изменений" not in dimmed
    block = next(b for b in dimmed.split("\n") if 'name="polozhenie/p-5"' in b)
    assert 'style="color: #6a6a6a"' in block  # the dimmed text's colour
    assert "неизменённые пункты свёрнуты" in folded and "приглушены" in dimmed
    assert len(folded) < len(dimmed) / 5


def test_two_equal_editions_and_the_colours(pair):
    _old, new, _changes = pair
    page = comparison_html(new, new, [])
    assert "Изменений: 0" in page and "Различий нет" in page

    def luminance(hex_colour: str) -> float:
        channels = [int(hex_colour[k : k + 2], 16) / 255 for k in (1, 3, 5)]
        linear = [c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
        return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]

    for style in (DELETED_STYLE, INSERTED_STYLE):
        text, back = re.findall(r"#[0-9a-f]{6}", style)
        lighter, darker = sorted((luminance(text), luminance(back)), reverse=True)
        assert (lighter + 0.05) / (darker + 0.05) >= 7, style  # readable printed in grey too
