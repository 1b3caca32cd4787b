"""The Markdown source (as in resources/acts) → blocks, read with the ``markdown`` package.

The package turns the text into HTML (with its tables extension for pipe tables) and the
shared HTML walk turns that into blocks. Three of its readings would change the act's
wording and are switched off: numbered lists (``14.`` is the clause's own number, which an
``<ol>`` would drop and renumber), indented code blocks (indentation in the source is
layout) and raw HTML (the ``<p>`` a conversion left inside a table row is text to remove
and report, not markup to obey); code spans and links are off too, since backticks and
brackets in an act are wording.

Two things the package cannot know are done here: a tab separates the cells of a table row
(the package would expand it to spaces, so it is kept aside as a private character while the
package works), and a line «- 14) …» inside a paragraph is a bullet the conversion added to a
list, not wording (the package keeps it as text: a list cannot interrupt a paragraph).

Each block is given the source line it starts on, found by its first words, so that warnings
and errors point into the file the user has.
"""

from __future__ import annotations

import re
from dataclasses import replace
from functools import lru_cache

from gp_desktop.corpus.blocks import LINE, Block, Source
from gp_desktop.corpus.formats.html_blocks import element_blocks

NAME = "markdown"
_TAB = "\ue000"  # a private-use character: never in a text, kept through the conversion
_BULLET = re.compile(r"^\s*[-*+]\s+")


@lru_cache(maxsize=1)
def _converter():
    import markdown
    from markdown.extensions.tables import TableExtension  # by class: the frozen build sees it

    md = markdown.Markdown(extensions=[TableExtension()])
    md.parser.blockprocessors.deregister("olist")
    md.parser.blockprocessors.deregister("code")
    md.preprocessors.deregister("html_block")
    md.inlinePatterns.deregister("html")
    # Backticks, brackets and angle brackets in an act are its wording, never code or links.
    for pattern in (
        "backtick",
        "reference",
        "link",
        "image_link",
        "image_reference",
        "short_reference",
        "short_image_ref",
        "autolink",
        "automail",
    ):
        md.inlinePatterns.deregister(pattern, strict=False)
    return md


def read(text: str) -> Source:
    from lxml import html

    md = _converter()
    md.reset()
    body = md.convert(text.replace("\t", _TAB))
    root = html.fragment_fromstring(body or "<p></p>", create_parent="div")
    blocks = [_undress(b) for b in element_blocks(root, markdown=True)]
    return Source(blocks=_place(blocks, text.split("\n")), format=NAME, unit=LINE)


def _undress(block: Block) -> Block:
    lines = [line.replace(_TAB, "\t") for line in block.lines]
    bullet = block.bullet
    if _BULLET.match(lines[0]):
        lines[0] = _BULLET.sub("", lines[0], count=1)
        bullet = True
    table_row = block.table_row or any("\t" in line.strip() for line in lines)
    return replace(block, lines=tuple(lines), bullet=bullet, table_row=table_row)


def _place(blocks: list[Block], lines: list[str]) -> list[Block]:
    """Give each block the number of the source line it starts on (searching forward)."""
    placed: list[Block] = []
    at = 0
    for block in blocks:
        probe = block.lines[0].strip()[:24]
        k = at
        while k < len(lines) and probe not in lines[k]:
            k += 1
        if k < len(lines):
            at = k
        placed.append(replace(block, line=at + 1))
        if k < len(lines):
            at = k + 1 if len(block.lines) == 1 else k + len(block.lines)
            at = min(at, len(lines))
    return placed
