"""Text folded for matching as people type it: case, «ё», Kazakh letters on a Russian keyboard.

The filter boxes over the trees match substrings of folded text, so «улытау» finds «Ұлытау»
and «ее» finds «её». Search proper is the search package's business; this is only for the
quick filter.
"""

from __future__ import annotations

from gp_desktop.letters import RUSSIAN_KEYBOARD


def fold(text: str) -> str:
    return " ".join(text.lower().translate(RUSSIAN_KEYBOARD).split())
