"""What the window calls a node or an event of the act's history, in one line of Russian.

The tree, the clause lists, the timeline and the reader's tooltips show these; they are plain
text built from the corpus, so they are tested without a display.
"""

from __future__ import annotations

import re

from gp_desktop.corpus import model as m
from gp_desktop.corpus.citations import HEADING, effect_words, heading_only
from gp_desktop.corpus.footnotes import short_date
from gp_desktop.corpus.reader import Change, Corpus, Event
from gp_desktop.wording import changes

_TITLE_LIMIT = 160
_CHAPTER = re.compile(r", Глава \d+(?=,)")


def node_title(node: m.Node) -> str:
    """What a row shows: «Глава 2. Задачи и полномочия…», «19. Полномочия…», «8) дает…»."""
    if node.kind == m.PART:
        text = node.title
    elif node.kind == m.PREAMBLE:
        text = "Преамбула"
    elif node.kind == m.TABLE:
        text = "Таблица"
    elif node.kind in (m.CHAPTER, m.GROUP):
        text = " ".join(p for p in (node.label, node.heading) if p)
    else:
        text = " ".join(p for p in (node.label, node.heading, node.text) if p)
    text = " ".join(text.split())
    return text if len(text) <= _TITLE_LIMIT else text[: _TITLE_LIMIT - 1].rstrip() + "…"


def amendment_words(corpus: Corpus, link: m.NodeAmendment) -> str:
    """«изменён», «утратила силу», «заголовок — в новой редакции»: what the decree did."""
    if heading_only(link.footnote):
        return f"{HEADING} — {effect_words(corpus, link.node_id, link.effect, heading=True)}"
    return effect_words(corpus, link.node_id, link.effect)


def amendment_note(corpus: Corpus, node_id: str) -> str:
    """«Изменения: 05.10.2023 № 366 — в новой редакции; …» or "" for an untouched node."""
    links = corpus.amendments_of(node_id)
    if not links:
        return ""
    parts = [
        f"Указ от {short_date(a.date)} № {a.number} — {amendment_words(corpus, link)}"
        for a, link in links
    ]
    return "Изменения:\n" + "\n".join(parts)


def event_title(event: Event) -> str:
    """«17.12.2025 № 1125 — 7 изменений» or «13.10.2017 № 563 — исходный текст»."""
    head = f"{short_date(event.date)} № {event.number}"
    if event.original:
        return f"{head} — исходный текст"
    return f"{head} — {changes(len(event.changes))}"


def change_title(change: Change) -> str:
    """«Положение, п. 2 — в новой редакции»: the chapter is left to the tooltip, for width."""
    where = _CHAPTER.sub("", change.citation)
    return f"{where} — {change.effect_text or m.EFFECT_NAMES.get(change.effect, change.effect)}"
