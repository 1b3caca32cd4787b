"""How every node of the act is cited, in three forms, and how a citation is read back.

An official pastes our citation into a letter, so it must be the one a lawyer would write:

- ``citation`` — where the node is, outside in, for lists and the status bar:
  «Положение, Глава 3, п. 19, пп. 8)»;
- ``formal_citation`` — the short form of a paper, inside out, abbreviated:
  «пп. 8 п. 19 Положения о Генеральной прокуратуре Республики Казахстан, утв. Указом
  Президента РК от 13.10.2017 № 563»;
- ``full_citation`` — the same in words, ordinals of paragraphs in words, dates written out:
  «абзац второй пункта 1 Положения о Генеральной прокуратуре Республики Казахстан,
  утвержденного Указом Президента Республики Казахстан от 13 октября 2017 года № 563».

``resolve`` reads back any of the three (every node's, see tests/test_citations.py) and what
people type: «19», «п. 19», «19.8», «8) п. 19», «пп. 8 п. 19», «абз. 2 п. 1», «подпункт
3-1) пункта 15», «п. 2 Указа», «пункт 19 Положения», «абзац второй пункта 1 …», «глава 3».

The rules
=========

=============================  =======================================  ==================
node                           full form (short form)                   why
=============================  =======================================  ==================
clause «19.»                   пункт 19 (п. 19)                         numbered «1.»
the decree's own clause        пункт 2 Указа … (п. 2 Указа …)           no «утвержденного»
sub-clause «8)», «3-1)»        подпункт 8) (пп. 8)                      numbered «1)»
paragraph of a clause          абзац второй (абз. 2)                    opening line = 1st
paragraph of a sub-clause      абзац десятый подпункта 1) (абз. 10 пп.  opening line = 1st
                               1)
paragraph after sub-clauses    абзац второй пункта 19                   sub-clauses apart
line of the Структура          абзац первый структуры …                 unnumbered lines
paragraph of a part            абзац первый приложения 1 к Указу …      heading is not one
item of the institutions list  подпункт 1) раздела «Генеральная         numbering restarts
                               прокуратура» перечня … (пп. 1 разд. …)   in each group
chapter                        глава 3 (гл. 3)                          only when cited
                                                                        itself
preamble, signature, table     преамбула Указа …, подпись Указа …,
                               таблица пункта 6 изменений …
footnote                       сноска к пункту 1 Положения …            «к» + dative
footnote on a heading          сноска к заголовку перечня …
approval stamp «УТВЕРЖДЕНО»    гриф утверждения Положения …
annex stamp «ПРИЛОЖЕНИЕ 2 …»   гриф «ПРИЛОЖЕНИЕ 2 к Указу …» …
marker «Экз. № 08»             пометка «Экз. № 08» …
=============================  =======================================  ==================

The document named last, in the genitive (a whole document in the nominative):

- the decree: «Указа Президента Республики Казахстан от 13 октября 2017 года № 563 «О …»»
  («Указа Президента РК от 13.10.2017 № 563»);
- a document it approves (an «УТВЕРЖДЕН…» stamp above it), with the participle in its gender
  and number: Положения …, утвержденного; структуры …, утвержденной; изменений и дополнений
  …, утвержденных; перечня утративших силу …, утвержденного (short: «утв.»);
- an annex («ПРИЛОЖЕНИЕ 1 к Указу …» above it): «приложения 1 к Указу …»;
- the list of institutions: no stamp approves it and clause 1 of the decree, which lists what
  it approves, does not name it, so it is not called «утвержденный»: «перечня государственных
  учреждений, находящихся в ведении Генеральной прокуратуры и ее ведомств (Указ Президента
  Республики Казахстан от 13 октября 2017 года № 563)»;
- a part «для служебного пользования» whose text is not published and which has no name of
  its own: «первого документа для служебного пользования, утвержденного Указом …», counted in
  the order of the act so that the two of them differ.

Paragraphs (абзацы)
-------------------

1. A clause's or sub-clause's own opening line — the text after its number, «19. Полномочия
   Генерального Прокурора:» — is its абзац первый; the paragraphs under it are the second, the
   third … So ``polozhenie/p-1/abz-1`` is «абзац второй пункта 1» and a clause's only extra
   paragraph is «абзац второй», never an unnumbered «абзац».
2. Sub-clauses are structural units of their own, with their own paragraphs, and are not
   counted among the clause's paragraphs: the paragraph after the 47 sub-clauses of clause 19
   is «абзац второй пункта 19», the paragraphs of sub-clause 1) of clause 14 are «абзац
   второй … шестьдесят пятый подпункта 1) пункта 14».
3. A part's heading is its name, not a paragraph: the lines of the Структура and the
   paragraphs of an annex count from its first line under the heading.
4. Paragraphs are cited by ordinals in words in the full form, in figures in the short form;
   clauses and sub-clauses by their numbers; the full form writes a sub-clause with its
   bracket, as the act itself does («подпунктом 1) пункта 2 статьи 17-1» in its preamble), the
   short form without it («пп. 8 п. 19»), as abbreviated references usually do.

Sources (looked up for these rules; what each says, in short):

- The act itself: its preamble cites «подпунктом 1) пункта 2 статьи 17-1» (the bracket kept,
  numbers in figures); clause 1 of the decree lists what it approves (Положение, структура,
  перечень должностей, изменения и дополнения, перечень утративших силу) — not the list of
  institutions.
- Belarus, требования нормотворческой техники annexed to the Закон от 17.07.2018 № 130-З
  «О нормативных правовых актах», п. 24 and 32, as summarised by the Национальный центр
  правовой информации (etalonline.by, «Требования к оформлению абзаца»): the first paragraph
  of a пункт (подпункт) begins with a capital letter and, before a list, ends with a colon;
  in references the ordinal numbers of paragraphs are written in words. Hence rules 1 and 4.
- Russian practice, as a Q&A on the Трудовой кодекс puts it (roboliker.ru, «Как правильно:
  пункт или часть статьи»): the paragraphs of a part are counted from the one that begins it;
  numbered lines («1)») are not paragraphs but пункты/подпункты. Hence rules 1 and 2.
- Закон Свердловской области «О правовых актах в Свердловской области», ст. 24 «Структура
  статьи или пункта правового акта» (info.autowestnik.ru): «абзацы пункта» and «абзацы
  подпункта пункта» are distinct structural elements — a sub-clause's paragraphs belong to it,
  not to its clause (rule 2).
- Kazakhstan, Закон от 6 апреля 2016 года № 480-V «О правовых актах» (adilet.zan.kz
  Z1600000480; ст. 24 «Требования к содержанию и стилю изложения текста», pavlodar.com) uses
  the same units — пункт «1.», подпункт «1)», абзац — but does not say how to count
  paragraphs, which is why the rules are written down here.
"""

from __future__ import annotations

import re
import weakref
from dataclasses import dataclass
from typing import TYPE_CHECKING

from gp_desktop.corpus import model as m
from gp_desktop.corpus.footnotes import long_date, parse_footnote, short_date
from gp_desktop.corpus.ordinals import ordinal, pattern, read_ordinal

if TYPE_CHECKING:
    from gp_desktop.corpus.reader import Corpus

DEFAULT_PART = "polozhenie"
SHORT, FULL = "short", "full"
_PATH = "path"
"""``citation``'s steps: abbreviated as SHORT, sub-clauses with their bracket («пп. 8)»)."""
_CASES = ("nom", "gen", "dat")


# What is worked out once per corpus (and again when it switches edition: new nodes).
_memos: weakref.WeakKeyDictionary[Corpus, tuple[dict, dict[str, dict]]] = (
    weakref.WeakKeyDictionary()
)


def _memo(corpus: Corpus, name: str) -> dict:
    held = _memos.get(corpus)
    if held is None or held[0] is not corpus.by_id:
        held = (corpus.by_id, {})
        _memos[corpus] = held
    return held[1].setdefault(name, {})


# -- documents -----------------------------------------------------------------------------
@dataclass(frozen=True)
class _Name:
    nom: str
    gen: str
    dat: str
    gender: str
    """«m», «f», «n» or «pl»: the participle agrees with it."""

    def case(self, case: str) -> str:
        return getattr(self, case)


# The documents the decree approves and the list it carries, by part id (the importer's ids).
_NAMES = {
    "polozhenie": _Name(
        "Положение о Генеральной прокуратуре Республики Казахстан",
        "Положения о Генеральной прокуратуре Республики Казахстан",
        "Положению о Генеральной прокуратуре Республики Казахстан",
        "n",
    ),
    "struktura": _Name(
        "структура Генеральной прокуратуры Республики Казахстан",
        "структуры Генеральной прокуратуры Республики Казахстан",
        "структуре Генеральной прокуратуры Республики Казахстан",
        "f",
    ),
    "perechen-uchrezhdeniy": _Name(
        "перечень государственных учреждений, находящихся в ведении Генеральной прокуратуры "
        "и ее ведомств",
        "перечня государственных учреждений, находящихся в ведении Генеральной прокуратуры "
        "и ее ведомств",
        "перечню государственных учреждений, находящихся в ведении Генеральной прокуратуры "
        "и ее ведомств",
        "m",
    ),
    "izmeneniya": _Name(
        "изменения и дополнения, которые вносятся в некоторые указы Президента Республики "
        "Казахстан",
        "изменений и дополнений, которые вносятся в некоторые указы Президента Республики "
        "Казахстан",
        "изменениям и дополнениям, которые вносятся в некоторые указы Президента Республики "
        "Казахстан",
        "pl",
    ),
    "perechen-utrativshih": _Name(
        "перечень утративших силу некоторых указов Президента Республики Казахстан",
        "перечня утративших силу некоторых указов Президента Республики Казахстан",
        "перечню утративших силу некоторых указов Президента Республики Казахстан",
        "m",
    ),
}
_RESTRICTED = _Name(
    "документ для служебного пользования",
    "документа для служебного пользования",
    "документу для служебного пользования",
    "m",
)
_ANNEX = _Name("приложение {n}", "приложения {n}", "приложению {n}", "n")
_PARTICIPLE = {
    "m": {"nom": "утвержденный", "gen": "утвержденного", "dat": "утвержденному"},
    "n": {"nom": "утвержденное", "gen": "утвержденного", "dat": "утвержденному"},
    "f": {"nom": "утвержденная", "gen": "утвержденной", "dat": "утвержденной"},
    "pl": {"nom": "утвержденные", "gen": "утвержденных", "dat": "утвержденным"},
}
_ACT_WORD = {
    "Указ": {"nom": "Указ", "gen": "Указа", "dat": "Указу", "ins": "Указом"},
    "Закон": {"nom": "Закон", "gen": "Закона", "dat": "Закону", "ins": "Законом"},
    "Постановление": {
        "nom": "Постановление",
        "gen": "Постановления",
        "dat": "Постановлению",
        "ins": "Постановлением",
    },
}
_ANNEX_STAMP = re.compile(r"^ПРИЛОЖЕНИЕ\s+(\d+(?:-\d+)?)\s+к\s+Указу.*№\s*(\S+)$", re.S)
_APPROVAL_STAMP = re.compile(r"^УТВЕРЖДЕН", re.I)


def act_name(corpus: Corpus, case: str, form: str = FULL, with_title: bool = False) -> str:
    """«Указа Президента Республики Казахстан от 13 октября 2017 года № 563» in ``case``
    (nom, gen, dat, ins); the short form «Указа Президента РК от 13.10.2017 № 563»."""
    act = corpus.act
    first, _, rest = act.kind.partition(" ")
    word = _ACT_WORD.get(first, {}).get(case, first)
    if form == SHORT:
        rest = rest.replace("Республики Казахстан", "РК")
        return f"{word} {rest} от {short_date(act.date)} № {act.number}".replace("  ", " ")
    name = f"{word} {rest} от {long_date(act.date)} № {act.number}".replace("  ", " ")
    return f"{name} «{act.title}»" if with_title and act.title else name


def approving_decree(corpus: Corpus) -> str:
    """«Указом Президента РК от 13.10.2017 № 563»."""
    return act_name(corpus, "ins", SHORT)


@dataclass(frozen=True)
class _Document:
    kind: str
    """«act» (the decree itself), «approved», «annex» or «carried» (in the decree, not
    approved by it)."""
    name: _Name | None
    number: str = ""


def _stamps(corpus: Corpus, part: m.Node) -> list[str]:
    return [" ".join(c.text.split()) for c in corpus.children(part.id) if c.kind == m.APPROVAL]


def _document(corpus: Corpus, part: m.Node) -> _Document:
    memo = _memo(corpus, "documents")
    if part.id not in memo:
        memo[part.id] = _find_document(corpus, part)
    return memo[part.id]


def _find_document(corpus: Corpus, part: m.Node) -> _Document:
    if part is corpus.parts()[0]:  # the decree comes first, the documents it approves follow
        return _Document("act", None)
    stamps = _stamps(corpus, part)
    for stamp in stamps:
        annex = _ANNEX_STAMP.match(stamp)
        if annex and annex.group(2) == corpus.act.number:
            return _Document("annex", _ANNEX, annex.group(1))
    approved = any(_APPROVAL_STAMP.match(s) for s in stamps)
    name = _NAMES.get(part.id)
    if name is None:
        generic = [p for p in corpus.parts() if _NAMES.get(p.id) is None and p.title == part.title]
        number = str(generic.index(part) + 1) if len(generic) > 1 else ""
        name = _RESTRICTED if "служебного" in part.title.lower() else _Name(*[part.title] * 3, "m")
        return _Document("approved" if approved else "carried", name, number)
    return _Document("approved" if approved else "carried", name)


def _capital(text: str) -> str:
    return text[:1].upper() + text[1:]


def part_reference(corpus: Corpus, part_id: str, case: str = "gen", form: str = SHORT) -> str:
    """The document ``part_id`` in ``case`` with the decree that approved or carries it:
    «Положения о Генеральной прокуратуре Республики Казахстан, утв. Указом …»."""
    part = corpus.node(part_id)
    doc = _document(corpus, part)
    if doc.kind == "act":
        return act_name(corpus, case, form, with_title=form == FULL)
    assert doc.name is not None
    name = doc.name.case(case).replace("{n}", doc.number)
    if doc.name is _RESTRICTED and doc.number:
        name = f"{ordinal(int(doc.number), case)} {name}"
    if form == SHORT and doc.name is _ANNEX:
        name = f"прил. {doc.number}"
    if doc.kind == "annex":
        return f"{name} к {act_name(corpus, 'dat', form)}"
    if doc.kind == "approved":
        participle = "утв." if form == SHORT else _PARTICIPLE[doc.name.gender][case]
        return f"{name}, {participle} {act_name(corpus, 'ins', form)}"
    return f"{name} ({act_name(corpus, 'nom', form)})"


# -- the steps inside a document -----------------------------------------------------------
_WORDS = {
    m.CHAPTER: (("глава", "главы", "главе"), "гл."),
    m.CLAUSE: (("пункт", "пункта", "пункту"), "п."),
    m.SUBCLAUSE: (("подпункт", "подпункта", "подпункту"), "пп."),
    m.GROUP: (("раздел", "раздела", "разделу"), "разд."),
    m.PARAGRAPH: (("абзац", "абзаца", "абзацу"), "абз."),
    m.TABLE: (("таблица", "таблицы", "таблице"), "табл."),
    m.PREAMBLE: (("преамбула", "преамбулы", "преамбуле"), "преамбула"),
    m.SIGNATURE: (("подпись", "подписи", "подписи"), "подпись"),
    m.MARKER: (("пометка", "пометки", "пометке"), "пометка"),
    m.APPROVAL: (("гриф", "грифа", "грифу"), "гриф"),
}
_FOOTNOTE_WORDS = ("сноска", "сноски", "сноске")
_ORDINAL_FEMININE = {"nom": "ая", "gen": "ой", "dat": "ой"}


def _is_paragraph(node: m.Node) -> bool:
    """Unnumbered lines: paragraphs, and the items of a list without numbers (Структура)."""
    return node.kind == m.PARAGRAPH or (node.kind == m.ITEM and not node.label)


def paragraph_number(corpus: Corpus, node: m.Node) -> int:
    """Which абзац of its clause, sub-clause or part the node is, by the rules above."""
    memo = _memo(corpus, "paragraphs")
    if node.id not in memo:
        parent = corpus.node(node.parent_id) if node.parent_id else None
        opening = parent is not None and parent.kind != m.PART and bool(parent.text.strip())
        siblings = [c for c in corpus.children(node.parent_id) if _is_paragraph(c)]
        for number, sibling in enumerate(siblings, start=1 + int(opening)):
            memo[sibling.id] = number
    return memo[node.id]


def _numbered(corpus: Corpus, node: m.Node, same: list[m.Node]) -> str:
    """« 2» when the node has siblings cited alike, else ""."""
    return f" {same.index(node) + 1}" if len(same) > 1 else ""


def _quoted(text: str) -> str:
    return "«" + " ".join(text.split()).strip('«»"') + "»"


def _group_name(node: m.Node) -> str:
    return _quoted(re.sub(r"[\s\"»;.,]+$", "", node.heading))


def _bare(label: str) -> str:
    """«8)» → «8»: the short form writes a sub-clause's number without its bracket
    («пп. 8 п. 19», as issue 15 and the usual abbreviated references have it); the full form
    keeps it, as the act itself writes («подпунктом 1) пункта 2»)."""
    return label.rstrip(")")


def _step(corpus: Corpus, node: m.Node, case: str, form: str) -> str:
    """One node as a step of a citation: «подпункта 8)», «абз. 2», «раздела «…»»."""
    index = _CASES.index(case)
    bare = form == SHORT  # the path form (``citation``) is abbreviated but keeps the bracket
    form = SHORT if form == _PATH else form
    if node.kind == m.ITEM and node.label:
        words, short = _WORDS[m.SUBCLAUSE]
        if form == SHORT:
            return f"{short} {_bare(node.label) if bare else node.label}"
        return f"{words[index]} {node.label}"
    kind = m.PARAGRAPH if _is_paragraph(node) else node.kind
    words, short = _WORDS.get(kind, ((kind, kind, kind), kind))
    word = short if form == SHORT and short.endswith(".") else words[index]
    if kind == m.CHAPTER:
        return f"{word} {node.label.split()[-1].rstrip('.')}"
    if kind == m.CLAUSE:
        return f"{word} {node.label.rstrip('.')}"
    if kind == m.SUBCLAUSE:
        return f"{word} {_bare(node.label) if bare else node.label}"
    if kind == m.GROUP:
        return f"{word} {_group_name(node)}"
    if kind == m.PARAGRAPH:
        number = paragraph_number(corpus, node)
        return f"{word} {number if form == SHORT else ordinal(number, case)}"
    if kind == m.MARKER:
        return f"{word} {_quoted(node.text)}"
    if kind == m.APPROVAL:
        if _APPROVAL_STAMP.match(node.text):
            return f"{word} утверждения"
        return f"{word} {_quoted(node.text)}"
    if kind == m.TABLE:
        same = [c for c in corpus.children(node.parent_id) if c.kind == m.TABLE]
        return word + _numbered(corpus, node, same)
    return word


def _chain(corpus: Corpus, node_id: str) -> tuple[m.Node, list[m.Node]]:
    """The part and the steps inside it, innermost first; chapters only when cited."""
    chain = [*corpus.ancestors(node_id), corpus.node(node_id)]
    part, inner = chain[0], chain[1:]
    steps = [n for n in inner if n.kind != m.CHAPTER or n is inner[-1]]
    return part, steps[::-1]


def _where(corpus: Corpus, steps: list[m.Node], part: m.Node, case: str, form: str) -> str:
    """``steps`` (innermost first) and the part: the first in ``case``, the rest genitive."""
    words = [_step(corpus, n, case if i == 0 else "gen", form) for i, n in enumerate(steps)]
    document = part_reference(corpus, part.id, case if not steps else "gen", form)
    return " ".join([*words, document])


def _footnote(corpus: Corpus, node: m.Node, form: str) -> str:
    part, steps = _chain(corpus, node.parent_id or node.id)
    parent = corpus.node(node.parent_id) if node.parent_id else part
    if parent.kind == m.PART:
        steps = []
    heading = parse_footnote(node.text).subject.lower() == "заголовок"
    about = (
        "к заголовку " + _where(corpus, steps, part, "gen", form)
        if heading
        else "к " + _where(corpus, steps, part, "dat", form)
    )
    alike = [
        c
        for c in corpus.footnotes(parent.id)
        if (parse_footnote(c.text).subject.lower() == "заголовок") == heading
    ]
    if len(alike) > 1:
        number = alike.index(node) + 1
        if form == SHORT:
            return f"сноска {number} {about}"
        return f"{ordinal(number)[:-2]}{_ORDINAL_FEMININE['nom']} сноска {about}"
    return f"сноска {about}"


def _cited(corpus: Corpus, node_id: str, form: str) -> str:
    node = corpus.node(node_id)
    if node.kind == m.PART:
        return _capital(part_reference(corpus, node_id, "nom", form))
    if node.kind == m.FOOTNOTE:
        return _footnote(corpus, node, form)
    part, steps = _chain(corpus, node_id)
    return _where(corpus, steps, part, "nom", form)


def local_citation(corpus: Corpus, node_id: str, form: str = SHORT) -> str:
    """Where the node is inside its document, without the document: «пп. 8 п. 19»,
    «абз. 2 п. 1» ("" for a whole document). With ``part_reference(corpus, part_id)`` after
    it, it gives ``formal_citation`` (footnotes aside): what a combined citation joins."""
    node = corpus.node(node_id)
    if node.kind == m.PART:
        return ""
    full = _cited(corpus, node_id, form)
    tail = " " + part_reference(corpus, corpus.part_of(node_id).id, "gen", form)
    if node.kind != m.FOOTNOTE and full.endswith(tail):
        return full[: -len(tail)]
    return full


def formal_citation(corpus: Corpus, node_id: str) -> str:
    """«пп. 8 п. 19 Положения о Генеральной прокуратуре Республики Казахстан, утв. Указом
    Президента РК от 13.10.2017 № 563»: the short form of a paper."""
    return _cited(corpus, node_id, SHORT)


def full_citation(corpus: Corpus, node_id: str) -> str:
    """«абзац второй пункта 1 Положения о Генеральной прокуратуре Республики Казахстан,
    утвержденного Указом Президента Республики Казахстан от 13 октября 2017 года № 563»."""
    return _cited(corpus, node_id, FULL)


# -- the path -------------------------------------------------------------------------------
def _part_title(corpus: Corpus, part: m.Node) -> str:
    same = [p for p in corpus.parts() if p.title == part.title]
    return part.title + (f" ({same.index(part) + 1})" if len(same) > 1 else "")


def _path_step(corpus: Corpus, node: m.Node) -> str:
    if node.kind == m.PART:
        return _part_title(corpus, node)
    if node.kind == m.CHAPTER:
        return node.label.rstrip(".")
    if node.kind == m.GROUP:
        return node.heading
    if node.kind == m.ITEM and node.label:
        return node.label
    if node.kind in (m.FOOTNOTE, m.APPROVAL):
        same = [c for c in corpus.children(node.parent_id) if c.kind == node.kind]
        return _WORDS.get(node.kind, (_FOOTNOTE_WORDS, "сноска"))[1] + _numbered(corpus, node, same)
    return _step(corpus, node, "nom", _PATH)


def citation(corpus: Corpus, node_id: str) -> str:
    """«Положение, Глава 3, п. 19, пп. 8)»: where the node is, outside in."""
    chain = [*corpus.ancestors(node_id), corpus.node(node_id)]
    return ", ".join(_path_step(corpus, n) for n in chain)


def citations(corpus: Corpus, node_id: str) -> dict[str, str]:
    """The three forms, under the names ``show --json`` gives them."""
    return {
        "citation": citation(corpus, node_id),
        "formal_citation": formal_citation(corpus, node_id),
        "full_citation": full_citation(corpus, node_id),
    }


# -- gender, for the history's wording -------------------------------------------------------
_KIND_GENDER = {m.CHAPTER: "f", m.PREAMBLE: "f", m.TABLE: "f", m.FOOTNOTE: "f"}
_KIND_GENDER |= {m.SIGNATURE: "f", m.MARKER: "f"}


def gender(corpus: Corpus, node_id: str) -> str:
    """The grammatical gender of what the node is called: «m», «f», «n» or «pl»."""
    node = corpus.node(node_id)
    if node.kind == m.PART:
        doc = _document(corpus, node)
        return "m" if doc.kind == "act" or doc.name is None else doc.name.gender
    return _KIND_GENDER.get(node.kind, "m")


_EFFECT_FORMS = {
    m.CHANGED: {"m": "изменён", "f": "изменена", "n": "изменено", "pl": "изменены"},
    m.ADDED: {"m": "дополнен", "f": "дополнена", "n": "дополнено", "pl": "дополнены"},
    m.REPEALED: {
        "m": "утратил силу",
        "f": "утратила силу",
        "n": "утратило силу",
        "pl": "утратили силу",
    },
    m.EXCLUDED: {"m": "исключён", "f": "исключена", "n": "исключено", "pl": "исключены"},
    "approved": {"m": "утверждён", "f": "утверждена", "n": "утверждено", "pl": "утверждены"},
}
HEADING = "заголовок"
"""What a footnote «Сноска. Заголовок – в редакции …» changed: the heading, not the part."""


def heading_only(footnote: str) -> bool:
    """Whether a footnote speaks of a heading alone («Сноска. Заголовок – в редакции …»)."""
    return parse_footnote(footnote).subject.lower() == HEADING


def effect_words(corpus: Corpus, node_id: str, effect: str, heading: bool = False) -> str:
    """What a decree did to the node, agreeing with what it is called: «Положение —
    утверждено», «Структура — в новой редакции», «Преамбула — изменена», «Указ — подписан»;
    ``heading``: to its heading only («заголовок — в новой редакции»)."""
    node = corpus.node(node_id)
    if effect == "enacted":
        doc = _document(corpus, node) if node.kind == m.PART else None
        if doc is not None and doc.kind == "act":
            return "подписан"
        if doc is not None and doc.kind == "approved":
            return _EFFECT_FORMS["approved"][gender(corpus, node_id)]
        return "в исходной редакции"
    forms = _EFFECT_FORMS.get(effect)
    if forms is None:
        return m.EFFECT_NAMES.get(effect, effect)
    return forms["m" if heading else gender(corpus, node_id)]


# -- reading references back -----------------------------------------------------------------
def _fold(text: str) -> str:
    text = text.lower().replace("ё", "е").replace("№", " № ")
    text = re.sub(r"[«»“”„\"]", '"', text)
    text = re.sub(r"[‑–—]", "-", text)
    return " ".join(text.split()).strip(" .;")


def _printed(corpus: Corpus) -> dict[str, str]:
    """Every citation the program prints, folded, → its node (built once per corpus)."""
    table = _memo(corpus, "printed")
    if not table:
        for node in corpus.nodes:
            for text in citations(corpus, node.id).values():
                table.setdefault(_fold(text), node.id)
    return table


_NUM = r"(\d+(?:-\d+)*)"
_NOT_AFTER_LETTER = r"(?<![а-я])"
_DOCUMENTS = [
    (r"указ[а-я]*", "act"),
    (r"положени[а-я]*", "polozhenie"),
    (r"структур[а-я]*", "struktura"),
    (r"перечн[а-я]* государственных учреждений", "perechen-uchrezhdeniy"),
    (r"перечн[а-я]* учреждений", "perechen-uchrezhdeniy"),
    (r"перечн[а-я]* утративших", "perechen-utrativshih"),
    (r"изменени[а-я]* и дополнени[а-я]*", "izmeneniya"),
    (r"(?:приложени[а-я]*|прил\.)\s*(?P<annex>\d+(?:-\d+)?)", "annex"),
]
_DOCUMENT = re.compile(
    _NOT_AFTER_LETTER
    + "(?:"
    + "|".join(f"(?P<d{i}>{body})" for i, (body, _) in enumerate(_DOCUMENTS))
    + ")"
)


def _steps_pattern() -> re.Pattern[str]:
    ordinal_words = pattern()
    alternatives = [
        ("paragraph", rf"(?:абзац[а-я]*|абз\.?)\s*(?:(\d+)|({ordinal_words}))"),
        ("subclause", rf"(?:подпункт[а-я]*|подп\.?|пп\.?)\s*{_NUM}\)?"),
        ("clause", rf"(?:пункт[а-я]*|п\.?)\s*{_NUM}\.?"),
        ("chapter", r"(?:глав[а-я]*|гл\.?)\s*(\d+)\.?"),
        ("group", r'(?:раздел[а-я]*|разд\.?)\s*"([^"]+)"'),
        ("dotted", r"(\d+)\.(\d+(?:-\d+)*)\)?"),
        ("bracket", rf"{_NUM}\)"),
        ("bare", rf"{_NUM}\.?"),
        ("preamble", r"преамбул[а-я]*"),
    ]
    joined = "|".join(f"(?P<{name}>{body})" for name, body in alternatives)
    return re.compile(rf"{_NOT_AFTER_LETTER}(?:{joined})")


_STEPS: re.Pattern[str] | None = None
_SEPARATORS = re.compile(r"^[\s,.;:()-]*$")


def _part_for(corpus: Corpus, what: str, number: str) -> str | None:
    for part in corpus.parts():
        doc = _document(corpus, part)
        if what == "act" and doc.kind == "act":
            return part.id
        if what == "annex" and doc.kind == "annex" and doc.number == number:
            return part.id
        if part.id == what:
            return part.id
    return None


def _parse(corpus: Corpus, text: str, default_part: str) -> str | None:
    global _STEPS
    if _STEPS is None:
        _STEPS = _steps_pattern()
    document = _DOCUMENT.search(text)
    inner = text[: document.start()] if document else text
    part_id = default_part
    if document:
        index = next(i for i in range(len(_DOCUMENTS)) if document.group(f"d{i}"))
        what = _DOCUMENTS[index][1]
        found = _part_for(corpus, what, document.group("annex") or "")
        if found is None:
            return None
        part_id = found
    found_steps: dict[str, tuple[str, ...]] = {}
    position = 0
    for match in _STEPS.finditer(inner):
        if not _SEPARATORS.match(inner[position : match.start()]):
            return None
        position = match.end()
        kind = match.lastgroup or ""
        values = tuple(g for g in match.groups() if g is not None)[1:]
        if kind == "dotted":
            found_steps.setdefault("clause", values[:1])
            found_steps.setdefault("subclause", values[1:2])
        elif kind == "bracket":
            found_steps.setdefault("subclause", values)
        elif kind == "bare":
            found_steps.setdefault("clause", values)
        elif kind in found_steps:
            return None
        else:
            found_steps[kind] = values
    if not _SEPARATORS.match(inner[position:]) or not found_steps:
        return None
    return _walk(corpus, part_id, found_steps, explicit=document is not None)


def _walk(
    corpus: Corpus, part_id: str, steps: dict[str, tuple[str, ...]], explicit: bool
) -> str | None:
    node_id = part_id
    if "group" in steps:
        if not explicit:
            part_id = node_id = "perechen-uchrezhdeniy"
        wanted = _fold(steps["group"][0])
        groups = [
            g for g in corpus.children(part_id) if g.kind == m.GROUP and _fold(g.heading) == wanted
        ]
        if len(groups) != 1:
            return None
        node_id = groups[0].id
    if "preamble" in steps:
        if not explicit:
            part_id = node_id = _part_for(corpus, "act", "") or part_id
        found = [c.id for c in corpus.children(node_id) if c.kind == m.PREAMBLE]
        return found[0] if len(found) == 1 and len(steps) == 1 else None
    if "clause" in steps:
        node_id = f"{node_id}/p-{steps['clause'][0]}"
        if node_id not in corpus.by_id:
            # «пункт 32-1» is what people call sub-clause 32-1) of clause 19: a unique one.
            if "subclause" in steps or "paragraph" in steps:
                return None
            return _unique_subclause(corpus, part_id, steps["clause"][0])
    elif "chapter" in steps and len(steps) == 1:
        node_id = f"{part_id}/gl-{steps['chapter'][0]}"
        return node_id if node_id in corpus.by_id else None
    if "subclause" in steps:
        label = f"{steps['subclause'][0]})"
        if node_id == part_id and "group" not in steps:
            found = _unique_subclause(corpus, part_id, steps["subclause"][0])
            if found is None:
                return None
            node_id = found
        else:
            subs = [c.id for c in corpus.children(node_id) if c.label == label]
            if len(subs) != 1:
                return None
            node_id = subs[0]
    if "chapter" in steps:
        chapter = f"{part_id}/gl-{steps['chapter'][0]}"
        if chapter not in {a.id for a in corpus.ancestors(node_id)}:
            return None
    if "paragraph" in steps:
        digits, words = (steps["paragraph"] + ("",))[:2]
        number = int(digits) if digits and digits.isdigit() else read_ordinal(digits or words)
        if number is None:
            return None
        paragraphs = [
            c
            for c in corpus.children(node_id)
            if _is_paragraph(c) and paragraph_number(corpus, c) == number
        ]
        return paragraphs[0].id if paragraphs else None
    return node_id if node_id != part_id else None


def _unique_subclause(corpus: Corpus, part_id: str, number: str) -> str | None:
    subs = [
        n.id
        for n in corpus.nodes
        if n.kind == m.SUBCLAUSE and n.label == f"{number})" and n.id.startswith(f"{part_id}/")
    ]
    return subs[0] if len(subs) == 1 else None


def resolve(corpus: Corpus, reference: str, part: str = DEFAULT_PART) -> str | None:
    """The node a reference names, or None: a node id, any citation the program prints, or
    a hand-typed reference. Bare numbers mean the Положение."""
    ref = reference.strip()
    if ref in corpus.by_id:
        return ref
    text = _fold(ref)
    if not text:
        return None
    # What people type is read by its grammar; the printed forms it cannot read (the paths,
    # footnotes, stamps) are looked up among all the citations, worked out on first need.
    parsed = _parse(corpus, text, part)
    if parsed is not None:
        return parsed
    return _printed(corpus).get(text)
