"""Letters as people type them: the act's Kazakh letters on a Russian keyboard, «ё» as «е».

Shared by the search analyzer and the window's filter boxes, which must agree on what
«Улытау» matches; kept apart from both so the window can fold text without loading Whoosh.
"""

from __future__ import annotations

# Lower-case letters only: callers fold case first.
RUSSIAN_KEYBOARD = str.maketrans(
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
