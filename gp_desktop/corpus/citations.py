"""How clauses are named: short citation paths, formal citations, and references read back.

A short path («Положение, Глава 3, п. 19, пп. 8)») orients the reader in lists; the formal
citation («пп. 8) п. 19 Положения о Генеральной прокуратуре Республики Казахстан, утв. Указом
Президента РК от 13.10.2017 № 563») is what an official writes in a paper. ``resolve`` reads
the references people type («19», «п. 19», «19.8», «пп. 8 п. 19», «пункт 32-1», «глава 3»).
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from gp_desktop.corpus import model as m
from gp_desktop.corpus.footnotes import short_date

if TYPE_CHECKING:
    from gp_desktop.corpus.reader import Corpus

DEFAULT_PART = "polozhenie"

# The parts' names in the genitive, for formal citations.
_GENITIVE = {
    "polozhenie": "Положения о Генеральной прокуратуре Республики Казахстан",
    "struktura": "структуры Генеральной прокуратуры Республики Казахстан",
    "perechen-uchrezhdeniy": "перечня государственных учреждений, находящихся в ведении "
    "Генеральной прокуратуры и ее ведомств",
    "izmeneniya": "изменений и дополнений, которые вносятся в некоторые указы Президента "
    "Республики Казахстан",
    "perechen-utrativshih": "перечня утративших силу некоторых указов Президента Республики Казахстан",
}

_STEP = {
    m.PARAGRAPH: "абз.",
    m.TABLE: "таблица",
    m.FOOTNOTE: "сноска",
    m.APPROVAL: "гриф",
    m.MARKER: "пометка",
    m.PREAMBLE: "преамбула",
    m.SIGNATURE: "подпись",
}


def _step(corpus: Corpus, node: m.Node) -> str:
    if node.kind == m.PART:
        return node.title
    if node.kind == m.CHAPTER:
        return node.label.rstrip(".")
    if node.kind == m.CLAUSE:
        return f"п. {node.label.rstrip('.')}"
    if node.kind == m.SUBCLAUSE:
        return f"пп. {node.label}"
    if node.kind == m.GROUP:
        return node.heading
    if node.kind == m.ITEM:
        return node.label or node.text
    word = _STEP.get(node.kind, node.kind)
    if node.kind in (m.PARAGRAPH, m.FOOTNOTE, m.TABLE):
        siblings = [c for c in corpus.children(node.parent_id) if c.kind == node.kind]
        if len(siblings) > 1:
            return f"{word} {siblings.index(node) + 1}"
    return word


def citation(corpus: Corpus, node_id: str) -> str:
    """«Положение, Глава 3, п. 19, пп. 8)»."""
    chain = [*corpus.ancestors(node_id), corpus.node(node_id)]
    return ", ".join(_step(corpus, n) for n in chain)


def approving_decree(corpus: Corpus) -> str:
    act = corpus.act
    return f"Указом Президента РК от {short_date(act.date)} № {act.number}"


def formal_citation(corpus: Corpus, node_id: str) -> str:
    """«пп. 8) п. 19 Положения о Генеральной прокуратуре Республики Казахстан, утв. Указом …»."""
    chain = [*corpus.ancestors(node_id), corpus.node(node_id)]
    part = chain[0]
    inner = [
        _step(corpus, n)
        for n in reversed(chain[1:])
        if n.kind not in (m.CHAPTER, m.GROUP) or n is chain[-1]
    ]
    act = corpus.act
    if part.id == "ukaz":
        where = f"Указа Президента РК от {short_date(act.date)} № {act.number}"
    else:
        where = f"{_GENITIVE.get(part.id, part.title)}, утв. {approving_decree(corpus)}"
    return " ".join([*inner, where]) if inner else where[:1].upper() + where[1:]


_NUM = r"(\d+(?:-\d+)*)"
_CLAUSE_WORD = r"(?:п\.?|пункт[а-я]*)"
_SUB_WORD = r"(?:пп\.?|подп\.?|подпункт[а-я]*)"
_PATTERNS = [
    (re.compile(rf"^{_SUB_WORD}\s*{_NUM}\)?\s*,?\s*{_CLAUSE_WORD}\s*{_NUM}\.?$"), ("sub", 2, 1)),
    (re.compile(rf"^{_CLAUSE_WORD}\s*{_NUM}\.?\s*,?\s*{_SUB_WORD}\s*{_NUM}\)?$"), ("sub", 1, 2)),
    (re.compile(rf"^{_NUM}\.{_NUM}\)?$"), ("sub", 1, 2)),
    (re.compile(rf"^(?:{_CLAUSE_WORD}\s*)?{_NUM}\.?$"), ("clause", 1, 0)),
    (re.compile(rf"^{_SUB_WORD}\s*{_NUM}\)?$"), ("any_sub", 1, 0)),
    (re.compile(r"^(?:глава|гл\.?)\s*(\d+)\.?$"), ("chapter", 1, 0)),
]


def resolve(corpus: Corpus, reference: str, part: str = DEFAULT_PART) -> str | None:
    """The node a typed reference names, or None. Bare numbers mean the Положение."""
    ref = reference.strip()
    if ref in corpus.by_id:
        return ref
    text = " ".join(ref.lower().replace("ё", "е").replace("№", " ").split())
    for pattern, (what, a, b) in _PATTERNS:
        found = pattern.match(text)
        if not found:
            continue
        if what == "chapter":
            node_id = f"{part}/gl-{found.group(a)}"
            return node_id if node_id in corpus.by_id else None
        if what == "sub":
            node_id = f"{part}/p-{found.group(a)}/pp-{found.group(b)}"
            return node_id if node_id in corpus.by_id else None
        number = found.group(a)
        if what == "clause":
            node_id = f"{part}/p-{number}"
            if node_id in corpus.by_id:
                return node_id
        # «пункт 32-1» is what people call sub-clause 32-1) of clause 19: accept a unique one.
        subs = [
            n.id
            for n in corpus.nodes
            if n.kind == m.SUBCLAUSE and n.label == f"{number})" and n.id.startswith(f"{part}/")
        ]
        return subs[0] if len(subs) == 1 else None
    return None
