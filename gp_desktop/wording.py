"""Russian wording the window needs: numerals agreeing with their nouns."""

from __future__ import annotations


def plural(n: int, one: str, few: str, many: str) -> str:
    """«1 пункт», «3 пункта», «11 пунктов», «21 пункт»."""
    tail, tens = n % 10, n % 100
    if tail == 1 and tens != 11:
        word = one
    elif 2 <= tail <= 4 and not 12 <= tens <= 14:
        word = few
    else:
        word = many
    return f"{n} {word}"


def clauses(n: int) -> str:
    return plural(n, "пункт", "пункта", "пунктов")


def changes(n: int) -> str:
    return plural(n, "изменение", "изменения", "изменений")
