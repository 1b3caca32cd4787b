"""Plain text as copied from the act's page (Notepad, «Сохранить как… .txt») → blocks.

A copied page has no markup, and how its paragraphs are told apart depends on how it was
copied; three layouts are read:

- **blank lines** between paragraphs: a run of lines between blank lines is one paragraph,
  its line breaks are the page's ``<br>`` (the approval stamp, a two-line heading);
- **indented** paragraphs, no blank lines: an indented line starts a paragraph, a line at the
  margin continues the one above;
- **one line per paragraph**: every line is a paragraph, except where the wording shows a line
  broken inside one — a short line that ends in the middle of a phrase («Подлежит
  опубликованию в» / «Собрании актов Президента и») or a comma, a short line followed by one
  that starts with a small letter or a bracket, a colon that opens a broken sentence.

Lines with tabs between cells are table rows. Where a paragraph really ends is also read from
the wording by the parser (a new clause, footnote or stamp starts its own block in any layout),
so these layouts only have to tell a line break from a paragraph break.
"""

from __future__ import annotations

import itertools
import re

from gp_desktop.corpus.blocks import LINE, Block, Source

NAME = "plain_text"

_INDENT = re.compile(r"^[ \t\u00a0\u2000-\u200a\u202f\u3000]+")
_BLANK = re.compile(r"^[\s\u00a0\u200b\ufeff]*$")
# A short line that ends in a preposition or conjunction has been broken mid-phrase.
_DANGLING = re.compile(
    r"(?:^|\s)(?:в|во|и|а|по|с|со|к|ко|о|об|на|за|из|от|до|для|при|под|над|не|или)$",
    re.IGNORECASE,
)
_ENDS_SENTENCE = re.compile(r"[.;!?…][\"»”)\]]*$")
_STARTS_UNIT = re.compile(
    r"^(\d+(?:-\d+)*[.)]\s|Сноска\.|Глава\s+\d|УТВЕРЖДЕН|ПРИЛОЖЕНИЕ\s+\d|Для служебного|Экз\.)"
)
SHORT = 60  # a line of a stamp or heading; the paragraphs of the act run far longer


def read(text: str) -> Source:
    rows = [(k, raw) for k, raw in enumerate(text.split("\n"), start=1)]
    filled = [(k, raw) for k, raw in rows if not _BLANK.match(raw)]
    if not filled:
        return Source(blocks=[], format=NAME, unit=LINE)
    adjacent = sum(1 for (a, _), (b, _) in itertools.pairwise(filled) if b == a + 1)
    indented = sum(1 for _, raw in filled if _INDENT.match(raw))
    if adjacent < 0.5 * (len(filled) - 1):
        groups = _by_blank_lines(rows)
    elif 0.2 * len(filled) < indented < 0.97 * len(filled):
        groups = _by_indent(filled)
    else:
        groups = _by_wording(filled)
    blocks = []
    for group in groups:
        blocks.extend(_block(group))
    return Source(blocks=blocks, format=NAME, unit=LINE)


def _is_row(raw: str) -> bool:
    return raw.strip(" \u00a0").count("\t") >= 2


def _block(group: list[tuple[int, str]]) -> list[Block]:
    """A group of lines as a block; table rows stand alone, one block each."""
    out: list[Block] = []
    lines: list[tuple[int, str]] = []
    for k, raw in group:
        if _is_row(raw) or (
            raw.strip(" \u00a0").count("\t") == 1 and any(_is_row(r) for _, r in group)
        ):
            if lines:
                out.append(Block(line=lines[0][0], lines=tuple(r for _, r in lines)))
                lines = []
            out.append(Block(line=k, lines=(raw.strip(" \u00a0\r"),), table_row=True))
        else:
            lines.append((k, raw.strip()))
    if lines:
        out.append(Block(line=lines[0][0], lines=tuple(r for _, r in lines)))
    return out


def _by_blank_lines(rows: list[tuple[int, str]]) -> list[list[tuple[int, str]]]:
    groups: list[list[tuple[int, str]]] = [[]]
    for k, raw in rows:
        if _BLANK.match(raw):
            if groups[-1]:
                groups.append([])
        else:
            groups[-1].append((k, raw))
    return [g for g in groups if g]


def _by_indent(filled: list[tuple[int, str]]) -> list[list[tuple[int, str]]]:
    groups: list[list[tuple[int, str]]] = []
    for k, raw in filled:
        if not groups or _INDENT.match(raw) or _is_row(raw):
            groups.append([(k, raw)])
        else:
            groups[-1].append((k, raw))
    return groups


def _by_wording(filled: list[tuple[int, str]]) -> list[list[tuple[int, str]]]:
    texts = [raw.strip() for _, raw in filled]
    joins = [_continues(texts[i - 1], texts[i]) for i in range(1, len(texts))]
    # A colon that opens a broken sentence: «…, в том числе:» / «Генеральная прокуратура,
    # Академия» / «правоохранительных органов, …» — the line after the colon is itself broken.
    for i in range(1, len(texts) - 1):
        if (
            not joins[i - 1]
            and joins[i]
            and texts[i - 1].endswith(":")
            and len(texts[i - 1]) <= SHORT
            and len(texts[i]) <= SHORT
            and not _ENDS_SENTENCE.search(texts[i])
            and not _STARTS_UNIT.match(texts[i])
        ):
            joins[i - 1] = True
    groups = [[filled[0]]]
    for i in range(1, len(filled)):
        if joins[i - 1]:
            groups[-1].append(filled[i])
        else:
            groups.append([filled[i]])
    return groups


def _continues(above: str, line: str) -> bool:
    """Does ``line`` continue the paragraph of ``above`` (a line break, not a paragraph end)?"""
    if len(above) > SHORT or _STARTS_UNIT.match(line) or "\t" in line or "\t" in above:
        return False
    if _ENDS_SENTENCE.search(above) or above.endswith(":"):
        return False
    first = line[:1]
    return first.islower() or first == "(" or above.endswith(",") or bool(_DANGLING.search(above))
