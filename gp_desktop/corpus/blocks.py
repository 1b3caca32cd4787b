"""Source Markdown → blocks: the conversion's markup removed, its wording untouched.

The Adilet-style Markdown marks little reliably: heading levels are arbitrary, bold is
decoration, list bullets were added by the converter. So this module only removes the markup
(``#``, ``**``, bullets, the ``<p>`` residue, table rule lines) and records where it was; what a
block *means* is decided by ``parser`` from its wording.

A block is a run of lines joined by Markdown hard breaks (two trailing spaces); the break is
kept as ``\\n``. Every other line ends its block, so bullets and table rows stand alone.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

_BULLET = re.compile(r"^\s*[-*+]\s+")
_HEADING = re.compile(r"^\s{0,3}#{1,6}\s+")
_TABLE_RULE = re.compile(r"^[\s|:]*-{2,}[-\s|:\t]*$")
_P_BOUNDARY = re.compile(r"</p>\s*<p>", re.IGNORECASE)
# Only the paragraph tags the converter left behind are markup; any other tag-like text
# belongs to the act's wording and must survive (and be shown as text).
_P_TAG = re.compile(r"</?p\s*>", re.IGNORECASE)


@dataclass(frozen=True)
class Block:
    line: int
    """1-based number of the block's first source line."""
    text: str
    heading: bool = False
    bold: bool = False
    bullet: bool = False
    table_row: bool = False


def clean_line(raw: str) -> tuple[str, dict[str, bool]]:
    """Strip the markup of one source line; return the text and what was stripped."""
    flags = {"heading": False, "bold": False, "bullet": False, "table_row": False}
    line = raw.rstrip()
    if _HEADING.match(line):
        flags["heading"] = True
        line = _HEADING.sub("", line, count=1)
    if _BULLET.match(line) and not _TABLE_RULE.match(line):
        flags["bullet"] = True
        line = _BULLET.sub("", line, count=1)
    if "**" in line:
        flags["bold"] = True
        line = line.replace("**", "")
    if "\t" in line:
        flags["table_row"] = True
        line = _P_BOUNDARY.sub("\t", line)
    line = _P_TAG.sub("", line)
    line = re.sub(r"[ \u00a0]+$", "", line)
    return line.strip(" "), flags


def split_blocks(text: str) -> list[Block]:
    """Split a source text into blocks in document order."""
    blocks: list[Block] = []
    lines = text.split("\n")
    parts: list[str] = []
    flags: dict[str, bool] = {}
    start = 0

    def flush() -> None:
        nonlocal parts, flags
        body = "\n".join(p for p in parts if p)
        if body.strip():
            blocks.append(Block(line=start, text=body, **flags))
        parts, flags = [], {}

    for number, raw in enumerate(lines, start=1):
        if not raw.strip():
            flush()
            continue
        if _TABLE_RULE.match(raw.strip()) and (
            "\t" in raw or "|" in raw or raw.strip().startswith("---")
        ):
            flush()
            continue
        cleaned, line_flags = clean_line(raw)
        if not parts:
            start = number
            flags = line_flags
        else:
            flags = {k: flags[k] or v for k, v in line_flags.items()}
        parts.append(cleaned)
        if not re.search(r"\S {2,}$", raw):
            flush()
    flush()
    return blocks
