"""Text folded for matching as people type it: case, «ё», Kazakh letters on a Russian keyboard.

The filter boxes over the trees match substrings of folded text, so «улытау» finds «Ұлытау»
and «ее» finds «её». Search proper is the search package's business; this is only for the
quick filter.
"""

from __future__ import annotations

_TABLE = str.maketrans(
    {
        "ё": "е",
        "ә": "а",
        "ғ": "г",
        "қ": "к",
        "ң": "н",
        "ө": "о",
        "ұ": "у",
        "ү": "у",
        "һ": "х",
        "і": "и",
    }
)


def fold(text: str) -> str:
    return " ".join(text.lower().translate(_TABLE).split())
