"""What every format's lines go through: spacing made plain, a conversion's leftovers removed.

Spacing carries no wording: indentation, runs of spaces, non-breaking and thin spaces become
one plain space, so a text copied from a page reads as its Markdown does. Markup that a
conversion left inside the text (``<p>`` tags, a stray ``>`` glued to a word, unmatched ``**``)
is not the act's wording either: it is removed and reported with its place. Anything else that
looks like a tag stays — it may be the act's own wording, and is shown as text.
"""

from __future__ import annotations

import re
from dataclasses import replace

from gp_desktop.corpus.blocks import Block, Source

_SPACES = re.compile(r"[ \t\u00a0\u2000-\u200a\u202f\u205f\u3000]+")
_INVISIBLE = re.compile(r"[\u00ad\u200b\u200c\u200d\u2060\ufeff]")
_P_BOUNDARY = re.compile(r"</p>\s*<p>", re.IGNORECASE)
_P_TAG = re.compile(r"</?p\s*>", re.IGNORECASE)
# A «>» glued to the end of a word where no «<» opens anything: «области Абай>»;».
_STRAY_GT = re.compile(r"(?<=[\w\"»”)])>(?=[\s\"»”;,.:)]|$)")
_TABLE_RULE = re.compile(r"^[\s|:\-–—]*$")


def tidy_line(raw: str, table_row: bool = False) -> tuple[str, list[str]]:
    """One line with its spacing made plain and conversion markup removed; what was removed."""
    removed: list[str] = []
    line = _INVISIBLE.sub("", raw)
    if "<" in line or ">" in line:
        if table_row:
            line = _P_BOUNDARY.sub("\t", line)
        if _P_TAG.search(line):
            removed.append("<p>")
            line = _P_TAG.sub("", line)
        if "<" not in line and _STRAY_GT.search(line):
            removed.append(">")
            line = _STRAY_GT.sub("", line)
    if "**" in line:
        removed.append("**")
        line = line.replace("**", "")
    if table_row:
        cells = [_SPACES.sub(" ", cell).strip() for cell in line.split("\t")]
        line = "\t".join(cells).strip("\t")
    else:
        line = _SPACES.sub(" ", line).strip()
    return line, removed


def tidy(source: Source) -> Source:
    """Tidy every line of every block; drop what is left empty; report what was removed."""
    blocks: list[Block] = []
    for block in source.blocks:
        lines: list[str] = []
        removed: list[str] = []
        for raw in block.lines:
            line, gone = tidy_line(raw, block.table_row)
            removed += [g for g in gone if g not in removed]
            if line and not (block.table_row and _TABLE_RULE.match(line)):
                lines.append(line)
        if not lines:
            continue
        tidied = replace(block, lines=tuple(lines))
        for mark in removed:
            source.warnings.append(
                f"{source.place(tidied)}: убрана разметка «{mark}», оставшаяся от преобразования "
                "текста (слова не изменены)"
            )
        blocks.append(tidied)
    source.blocks = blocks
    return source
