"""Russian ordinal numerals in words, for paragraphs: «абзац второй», «абзаца двадцать пятого».

Unnumbered structural units (абзацы) are cited by their ordinal in words (see
``corpus/citations.py``); this module writes them in the cases a citation needs and reads
them back in any case, so that «абзацем шестьдесят четвертым» is understood as 64.
"""

from __future__ import annotations

from functools import cache

_UNITS = ["", "первый", "второй", "третий", "четвертый", "пятый", "шестой", "седьмой"]
_UNITS += ["восьмой", "девятый"]
_TEENS = ["десятый", "одиннадцатый", "двенадцатый", "тринадцатый", "четырнадцатый"]
_TEENS += ["пятнадцатый", "шестнадцатый", "семнадцатый", "восемнадцатый", "девятнадцатый"]
_TENS_ORDINAL = ["", "", "двадцатый", "тридцатый", "сороковой", "пятидесятый"]
_TENS_ORDINAL += ["шестидесятый", "семидесятый", "восьмидесятый", "девяностый"]
_TENS_CARDINAL = ["", "", "двадцать", "тридцать", "сорок", "пятьдесят", "шестьдесят"]
_TENS_CARDINAL += ["семьдесят", "восемьдесят", "девяносто"]
LIMIT = 199
"""The largest ordinal written in words; larger numbers are written in figures."""

CASES = ("nom", "gen", "dat", "ins", "pre")


def _decline_word(word: str, case: str) -> str:
    """One masculine ordinal adjective in a case: «второй» → «второго», «третий» → «третьего»."""
    if case == "nom":
        return word
    if word.endswith("ий"):  # третий: the soft stem
        stem = word[:-2] + "ь"
        return stem + {"gen": "его", "dat": "ему", "ins": "им", "pre": "ем"}[case]
    stem = word[:-2]
    return stem + {"gen": "ого", "dat": "ому", "ins": "ым", "pre": "ом"}[case]


def ordinal(number: int, case: str = "nom") -> str:
    """``ordinal(2) == "второй"``, ``ordinal(25, "gen") == "двадцать пятого"``."""
    if not 1 <= number <= LIMIT:
        return str(number)
    words: list[str] = []
    if number >= 100:
        if number == 100:
            return _decline_word("сотый", case)
        words.append("сто")
        number -= 100
    if number < 10:
        words.append(_decline_word(_UNITS[number], case))
    elif number < 20:
        words.append(_decline_word(_TEENS[number - 10], case))
    else:
        tens, units = divmod(number, 10)
        if units:
            words += [_TENS_CARDINAL[tens], _decline_word(_UNITS[units], case)]
        else:
            words.append(_decline_word(_TENS_ORDINAL[tens], case))
    return " ".join(words)


@cache
def _forms() -> dict[str, int]:
    return {ordinal(n, case).replace("ё", "е"): n for n in range(1, LIMIT + 1) for case in CASES}


def pattern() -> str:
    """A regular expression (no groups) for an ordinal in words in any case: «второй»,
    «двадцать пятого», «сто первым». It matches the shape; ``read_ordinal`` checks the word
    (a list of every form compiles slowly, and this runs on the first reference typed)."""
    tens = "|".join(t for t in _TENS_CARDINAL if t)
    endings = "ый|ой|ий|ого|его|ому|ему|ым|им|ом|ем"
    return rf"(?:сто\s+)?(?:(?:{tens})\s+)?[а-я]+?(?:{endings})(?![а-я])"


def read_ordinal(text: str) -> int | None:
    """The number an ordinal in words names («двадцать пятого» → 25), or None."""
    return _forms().get(" ".join(text.lower().replace("ё", "е").split()))
