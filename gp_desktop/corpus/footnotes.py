"""Footnotes («Сноска. …») and repeal notes read as structured amendments.

A footnote may name several decrees with different effects:
«Пункт 1 - в редакции Указа … от 05.10.2023 № 366; с изменением, внесенным Указом … от
17.12.2025 № 1125.» Each date/number pair takes the effect named last before it.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from gp_desktop.corpus.model import ADDED, CHANGED, EXCLUDED, NEW_EDITION, REPEALED

_EFFECT_WORDS = [
    (re.compile(r"в\s+редакции", re.IGNORECASE), NEW_EDITION),
    (re.compile(r"изменени|изменен", re.IGNORECASE), CHANGED),
    (re.compile(r"дополнен", re.IGNORECASE), ADDED),
    (re.compile(r"утратил[аои]?\s+силу", re.IGNORECASE), REPEALED),
    (re.compile(r"исключен", re.IGNORECASE), EXCLUDED),
]
_DECREE = re.compile(r"(\d{1,2})\.(\d{1,2})\.(\d{4})\s*(?:года\s*)?№\s*(\d+(?:-\d+)?)")
_SUBJECT = re.compile(
    r"^Сноска\.\s*(?P<subject>[А-ЯЁа-яё]+)(?:\s+(?P<number>\d+(?:-\d+)?\)?))?", re.IGNORECASE
)
FOOTNOTE_START = re.compile(r"^Сноска\.", re.IGNORECASE)
REPEAL_TEXT = re.compile(r"^(?:Утратил[аои]?\s+силу|Исключен)", re.IGNORECASE)


@dataclass(frozen=True)
class DecreeLink:
    date: str
    """ISO date."""
    number: str
    effect: str


@dataclass(frozen=True)
class FootnoteInfo:
    subject: str
    """«Пункт», «Преамбула», «Положение» … as written, or "" for a repeal note."""
    subject_number: str
    links: tuple[DecreeLink, ...]
    problems: tuple[str, ...]


def parse_links(text: str, default_effect: str = CHANGED) -> tuple[list[DecreeLink], list[str]]:
    """All decree references of a footnote with their effects; impossible dates are problems."""
    events: list[tuple[int, str, object]] = []
    for pattern, effect in _EFFECT_WORDS:
        for m in pattern.finditer(text):
            events.append((m.start(), "effect", effect))
    for m in _DECREE.finditer(text):
        events.append((m.start(), "decree", m))
    events.sort(key=lambda e: e[0])
    effect = default_effect
    links: list[DecreeLink] = []
    problems: list[str] = []
    for _, what, value in events:
        if what == "effect":
            effect = value  # type: ignore[assignment]
            continue
        m = value  # type: ignore[assignment]
        day, month, year, number = int(m.group(1)), int(m.group(2)), int(m.group(3)), m.group(4)
        try:
            date = dt.date(year, month, day).isoformat()
        except ValueError:
            problems.append(f"невозможная дата «{m.group(0)}»")
            continue
        link = DecreeLink(date=date, number=number, effect=effect)
        if link not in links:
            links.append(link)
    return links, problems


def parse_footnote(text: str) -> FootnoteInfo:
    m = _SUBJECT.match(text)
    subject = m.group("subject") if m else ""
    number = (m.group("number") or "") if m else ""
    links, problems = parse_links(text)
    if not links and not problems:
        problems.append("в сноске не найден ни один указ с датой и номером")
    return FootnoteInfo(subject, number.rstrip(")"), tuple(links), tuple(problems))


def amendment_id(date: str, number: str) -> str:
    """A readable, stable id: «ukaz-2025-12-17-1125»."""
    return f"ukaz-{date}-{number}"


_MONTHS = [
    "января",
    "февраля",
    "марта",
    "апреля",
    "мая",
    "июня",
    "июля",
    "августа",
    "сентября",
    "октября",
    "ноября",
    "декабря",
]


def long_date(iso: str) -> str:
    """«2025-12-17» → «17 декабря 2025 года»."""
    d = dt.date.fromisoformat(iso)
    return f"{d.day} {_MONTHS[d.month - 1]} {d.year} года"


def short_date(iso: str) -> str:
    """«2025-12-17» → «17.12.2025»."""
    d = dt.date.fromisoformat(iso)
    return f"{d.day:02d}.{d.month:02d}.{d.year}"
