"""Blocks: what every source format hands the parser — the act's paragraphs, in order.

A block is one paragraph of the source as its format marks it (a Markdown paragraph, a run
of lines of a plain text, a ``<p>`` of a saved page, a paragraph of a Word file), with its
lines as a list: a hard line break inside a paragraph (Markdown's two spaces, ``<br>``, Word's
line break) separates lines, nothing else does. What a block *means* is decided by ``parser``
from its wording; the flags only say how the source dressed it, and no rule needs them.

``Source`` is a whole file turned into blocks: the blocks, the format's name, what it counts
places in (lines of a text, paragraphs of a page or Word file) and the warnings about markup
the conversion left in the text, which ``markup`` removes.
"""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True)
class Block:
    line: int
    """Where the block starts: its first line (text formats) or its paragraph's number."""
    lines: tuple[str, ...]
    heading: bool = False
    bold: bool = False
    bullet: bool = False
    table_row: bool = False
    """A row of a table: its cells joined by tabs."""

    @property
    def text(self) -> str:
        return "\n".join(self.lines)


LINE = "строка"
PARAGRAPH = "абзац"


@dataclass
class Source:
    blocks: list[Block]
    format: str
    """``markdown``, ``plain_text``, ``html_page`` or ``docx``."""
    unit: str = LINE
    """What ``Block.line`` counts: «строка» or «абзац»."""
    warnings: list[str] = field(default_factory=list)

    def place(self, block: Block | int) -> str:
        """«строка 98 («Сноска. Пункт 11 с…»)»: a place a reader can find in the file."""
        if isinstance(block, int):
            return f"{self.unit} {block}"
        return f"{self.unit} {block.line} («{first_words(block.text)}»)"


def first_words(text: str, words: int = 5) -> str:
    parts = text.split()
    head = " ".join(parts[:words])
    if len(head) > 60:
        head = head[:60]
    return head + ("…" if len(parts) > words or len(head) == 60 else "")
