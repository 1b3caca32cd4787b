"""Blocks → the act's tree, read from the wording of the text.

What starts what:
- «УТВЕРЖДЕН(О|А|Ы)» approval blocks and «ПРИЛОЖЕНИЕ N к Указу … № 563» start a part (with the
  «Для служебного пользования» / «Экз. №» markers just before them); so does the heading
  «Перечень государственных учреждений …», which the source gives no approval block.
- «Глава N.» a chapter, «14.» a clause, «3-1)» a sub-clause; in the list of institutions
  «N)» is an institution and an unnumbered heading a group of them.
- «Сноска. …» a footnote of the clause (or preamble, part) it follows.
- Anything else is a paragraph of the innermost open clause; a paragraph the original's page
  break cut in two (the first half ends without punctuation, the second starts with a letter)
  is joined back with one space.

Markdown heading levels are ignored on purpose: the source uses them inconsistently. The
parser gets its blocks from ``corpus.formats`` (Markdown, plain text, a saved page, a Word
file) and reads them alike: a block is first cut before any line that starts a unit of its own
(a clause, a footnote, a stamp), so it does not matter whether a format kept a clause and its
footnote in one paragraph or a stamp's lines in one block or five; a signature, a stamp and a
part's heading are gathered from their lines whichever way they came.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace

from gp_desktop.corpus import model as m
from gp_desktop.corpus.blocks import LINE, Block, Source, first_words
from gp_desktop.corpus.errors import SourceError
from gp_desktop.corpus.footnotes import (
    FOOTNOTE_START,
    REPEAL_TEXT,
    amendment_id,
    long_date,
    parse_footnote,
    parse_links,
    short_date,
)
from gp_desktop.corpus.institutions import collect_institutions

_APPROVAL = re.compile(r"^УТВЕРЖДЕН[АОЫ]?$")
_APPROVAL_CONT = re.compile(
    r"^(Указом Президента|к Указу Президента|Республики Казахстан|от \d{1,2} [а-я]+ \d{4} года|№ \d+)"
)
_ANNEX = re.compile(r"^ПРИЛОЖЕНИЕ\s+(\d+)$")
_MARKER = re.compile(r"^(Для служебного пользования|Экз\. № ?\d+)$")
_CHAPTER = re.compile(r"^Глава\s+(\d+)\.\s*(.*)$", re.DOTALL)
_CLAUSE = re.compile(r"^(\d+(?:-\d+)*)\.\s+(.*)$", re.DOTALL)
_SUBCLAUSE = re.compile(r"^(\d+(?:-\d+)*)\)\s+(.*)$", re.DOTALL)
_INSTITUTIONS_HEADING = re.compile(r"^Перечень государственных учреждений", re.IGNORECASE)
_SIGNATURE = re.compile(r"^Президент\nРеспублики Казахстан$")
# Lines that start a unit of their own wherever a format put them.
_UNIT_START = re.compile(
    r"^(\d+(?:-\d+)*[.)]\s|Сноска\.|Глава\s+\d+\.|УТВЕРЖДЕН[АОЫ]?$|ПРИЛОЖЕНИЕ\s+\d+$|"
    r"Для служебного пользования$|Экз\. № ?\d+$)"
)
MAX_WORD = 1000
MAX_PARAGRAPH = 100_000
_ACT_LINE = re.compile(
    r"Указ Президента Республики Казахстан от (\d{1,2}) ([а-я]+) (\d{4}) года № (\d+)"
)
_TERMINAL = re.compile(r"[.;:!?…][\"»”)\]]*$|[\"»”]$")
_MONTHS = {
    name: i + 1
    for i, name in enumerate(
        [
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
    )
}

# Parts recognised by their headings: (pattern, id, short title used in citations).
_PART_NAMES = [
    (re.compile(r"^О некоторых вопросах органов прокуратуры"), "ukaz", "Указ"),
    (re.compile(r"^ПОЛОЖЕНИЕ о Генеральной прокуратуре"), "polozhenie", "Положение"),
    (_INSTITUTIONS_HEADING, "perechen-uchrezhdeniy", "Перечень учреждений"),
    (re.compile(r"^СТРУКТУРА"), "struktura", "Структура"),
    (re.compile(r"^ИЗМЕНЕНИЯ И ДОПОЛНЕНИЯ"), "izmeneniya", "Изменения и дополнения"),
    (
        re.compile(r"^ПЕРЕЧЕНЬ\nутративших силу"),
        "perechen-utrativshih",
        "Перечень утративших силу указов",
    ),
]
REQUIRED_PARTS = (
    "ukaz",
    "polozhenie",
    "perechen-uchrezhdeniy",
    "struktura",
    "izmeneniya",
    "perechen-utrativshih",
)
_PROSE_KINDS = {m.CLAUSE, m.SUBCLAUSE, m.PARAGRAPH, m.PREAMBLE}


@dataclass(eq=False)
class _B:
    """A node under construction."""

    kind: str
    line: int
    label: str = ""
    heading: str = ""
    text: str = ""
    title: str = ""
    slug: str = ""
    parent: _B | None = None
    children: list[_B] = field(default_factory=list)
    footnote_subject: str = ""
    node_id: str = ""

    def add(self, child: _B) -> _B:
        child.parent = self
        self.children.append(child)
        return child


def _looks_like_heading(block: Block) -> bool:
    """Marked up as a heading, or — where the markup was lost — a short line with no full stop."""
    if block.heading or block.bold:
        return True
    text = block.text
    return (
        len(text) < 200
        and text[:1].isupper()
        and not _TERMINAL.search(text)
        and not _CLAUSE.match(text)
        and not _SUBCLAUSE.match(text)
    )


def _heading_goes_on(last: str, block: Block) -> bool:
    """Does ``block`` carry on a heading whose last line so far is ``last``?

    A word in capitals is followed by its subtitle («СТРУКТУРА» / «Генеральной прокуратуры…»,
    «ОБЩАЯ ШТАТНАЯ ЧИСЛЕННОСТЬ» / «прокуратуры…»); a line ending in a comma, or one that
    itself continues («которые вносятся в некоторые указы»), goes on to the next line.
    """
    text = block.text
    if (
        len(block.lines) > 1
        or block.table_row
        or len(text) >= 200
        or _TERMINAL.search(text)
        or _UNIT_START.match(text)
        or not text[:1].isalpha()
    ):
        return False
    letters = [ch for ch in last if ch.isalpha()]
    capitals = bool(letters) and all(ch.isupper() for ch in letters)
    follows = text[:1].islower()
    broken = last[:1].islower() and last[-1:].isalpha()
    return capitals or last.endswith(",") or follows or broken


def _starts_with_letter(text: str) -> bool:
    return bool(text) and text[0].isalpha()


def _unfinished(node: _B) -> bool:
    """Does the node's text stop mid-sentence, as where the original's page broke?"""
    tail = node.text[-1:]
    return node.kind in _PROSE_KINDS and (tail.isalnum() or tail in ",-–")


def _is_part_start(blocks: list[Block], i: int, act_number: str) -> bool:
    text = blocks[i].text
    if _APPROVAL.match(text.split("\n")[0]):
        return True
    if _INSTITUTIONS_HEADING.match(text) and _looks_like_heading(blocks[i]):
        return True
    if _ANNEX.match(text):
        # An annex of this act, not an annex of an amended decree quoted inside it.
        tail = " ".join(b.text for b in blocks[i + 1 : i + 5])
        return f"№ {act_number}" in tail and not _ANNEX.match(blocks[i - 1].text if i else "")
    return False


def _calm_caps(heading: str) -> str:
    """«ОБЩАЯ ШТАТНАЯ ЧИСЛЕННОСТЬ прокуратуры» → «Общая штатная численность прокуратуры»."""
    words = heading.split()
    calm = [w.lower() if w.isupper() and len(w) > 1 else w for w in words]
    text = " ".join(calm)
    return text[:1].upper() + text[1:]


def _find_act_line(blocks: list[Block]) -> tuple[str, str]:
    for block in blocks[:10]:
        found = _ACT_LINE.search(block.text)
        if found and found.group(2) in _MONTHS:
            day, month, year, number = found.groups()
            return f"{int(year):04d}-{_MONTHS[month]:02d}-{int(day):02d}", number
    raise SourceError(
        "это не текст Указа: в начале нет строки «Указ Президента Республики Казахстан от … № …»"
    )


class _Parser:
    def __init__(self, blocks: list[Block], act_number: str, source: Source) -> None:
        self.blocks = blocks
        self.act_number = act_number
        self.source = source
        self.root = _B(kind="root", line=0)
        self.warnings: list[str] = []
        self.footnotes: list[_B] = []
        self.repeals: list[_B] = []
        self.part: _B | None = None
        self._reset_part_state()

    def _reset_part_state(self) -> None:
        self.chapter: _B | None = None
        self.clause: _B | None = None
        self.subclause: _B | None = None
        self.group: _B | None = None
        self.last: _B | None = None  # the last node that holds prose, for page-break joins
        self.preamble: _B | None = None
        self.content_started = False

    def container(self) -> _B:
        assert self.part is not None
        return self.subclause or self.clause or self.group or self.chapter or self.part

    # -- the main loop -------------------------------------------------------------------
    def run(self) -> _B:
        blocks = self.blocks
        starts = {0}
        for i in range(1, len(blocks)):
            if _is_part_start(blocks, i, self.act_number):
                j = i
                while j - 1 > 0 and _MARKER.match(blocks[j - 1].text) and j - 1 not in starts:
                    j -= 1
                starts.add(j)
        i = 0
        while i < len(blocks):
            if i in starts:
                self.part = self.root.add(_B(kind=m.PART, line=blocks[i].line))
                self._reset_part_state()
            i = self.block(i)
        return self.root

    def block(self, i: int) -> int:
        """Handle block i (and any that continue it); return the index of the next block."""
        b = self.blocks[i]
        text = b.text
        part = self.part
        assert part is not None
        first_line = text.split("\n")[0]

        if _APPROVAL.match(first_line) or (_ANNEX.match(text)):
            lines = [text]
            j = i + 1
            # The attribution ends with the decree's number («№ 563»), on its own line or not.
            while (
                j < len(self.blocks)
                and _APPROVAL_CONT.match(self.blocks[j].text)
                and "№" not in lines[-1]
            ):
                lines.append(self.blocks[j].text)
                j += 1
            node = part.add(_B(kind=m.APPROVAL, line=b.line, text="\n".join(lines)))
            annex = _ANNEX.match(text)
            if annex and not part.title:
                part.title = f"Приложение {annex.group(1)}"
                part.slug = f"prilozhenie-{annex.group(1)}"
            self.last = node
            return j
        if _MARKER.match(text):
            part.add(_B(kind=m.MARKER, line=b.line, text=text))
            return i + 1
        if FOOTNOTE_START.match(text):
            self.footnote(b)
            return i + 1
        if b.table_row:
            return self.table(i)
        if (
            not part.heading
            and not self.content_started
            and _looks_like_heading(b)
            and not _CLAUSE.match(text)
        ):
            return self.part_heading(i)
        self.content_started = True

        if part.slug == "perechen-uchrezhdeniy":
            return self.institution_block(i)
        if part.slug == "struktura":
            return self.structure_block(i)

        if (found := _CHAPTER.match(text)) is not None:
            self.chapter = part.add(
                _B(
                    kind=m.CHAPTER,
                    line=b.line,
                    label=f"Глава {found.group(1)}.",
                    heading=found.group(2),
                    slug=f"gl-{found.group(1)}",
                )
            )
            self.clause = self.subclause = None
            self.last = None
            return i + 1
        if (found := _CLAUSE.match(text)) is not None:
            parent = self.chapter or part
            self.clause = parent.add(
                _B(
                    kind=m.CLAUSE,
                    line=b.line,
                    label=f"{found.group(1)}.",
                    text=found.group(2),
                    slug=f"p-{found.group(1)}",
                )
            )
            self.subclause = None
            self.last = self.clause
            if REPEAL_TEXT.match(found.group(2)):
                self.repeals.append(self.clause)
            return i + 1
        if (found := _SUBCLAUSE.match(text)) is not None and self.clause is not None:
            self.subclause = self.clause.add(
                _B(
                    kind=m.SUBCLAUSE,
                    line=b.line,
                    label=f"{found.group(1)})",
                    text=found.group(2),
                    slug=f"pp-{found.group(1)}",
                )
            )
            self.last = self.subclause
            return i + 1
        if (
            text == "Президент"
            and i + 1 < len(self.blocks)
            and self.blocks[i + 1].text == "Республики Казахстан"
        ):
            text = "Президент\nРеспублики Казахстан"
            i += 1
        if _SIGNATURE.match(text):
            lines = [text]
            j = i + 1
            if (
                j < len(self.blocks)
                and len(self.blocks[j].text) < 40
                and "\n" not in self.blocks[j].text
            ):
                lines.append(self.blocks[j].text)
                j += 1
            part.add(_B(kind=m.SIGNATURE, line=b.line, text="\n".join(lines), slug="podpis"))
            self.clause = self.subclause = None
            self.last = None
            return j
        self.paragraph(b)
        return i + 1

    # -- pieces --------------------------------------------------------------------------
    def part_heading(self, i: int) -> int:
        """Take the part's heading: one bold block, or a bare word («СТРУКТУРА») and its subtitle."""
        part = self.part
        assert part is not None
        lines = list(self.blocks[i].lines)
        j = i + 1
        while (
            j < len(self.blocks)
            and _heading_goes_on(lines[-1], self.blocks[j])
            and not FOOTNOTE_START.match(self.blocks[j].text)
        ):
            lines.extend(self.blocks[j].lines)
            j += 1
        heading = "\n".join(lines)
        part.heading = heading
        part.line = self.blocks[i].line
        for pattern, slug, title in _PART_NAMES:
            if pattern.match(heading):
                part.slug, part.title = slug, title
                break
        else:
            part.title = (
                f"{part.title}. {_calm_caps(heading)}" if part.title else _calm_caps(heading)
            )
        return j

    def footnote(self, b: Block) -> None:
        part = self.part
        assert part is not None
        info = parse_footnote(b.text)
        subject = info.subject.lower()
        anchor: _B
        if subject == "преамбула" and self.preamble is not None:
            anchor = self.preamble
        elif subject == "подпункт" and self.subclause is not None:
            anchor = self.subclause
        elif subject in ("пункт", "подпункт") and self.clause is not None:
            anchor = self.clause
            number = self.clause.label.rstrip(".")
            if subject == "пункт" and info.subject_number and info.subject_number != number:
                self.warnings.append(
                    f"{self.source.place(b)}: сноска говорит о пункте {info.subject_number}, а стоит после "
                    f"пункта {number}; отнесена к пункту {number} по месту"
                )
        elif subject == "глава" and self.chapter is not None:
            anchor = self.chapter
        else:
            anchor = part
            if subject in ("пункт", "подпункт"):
                self.warnings.append(
                    f"{self.source.place(b)}: сноска к пункту стоит вне пунктов; отнесена к части"
                )
        for problem in info.problems:
            self.warnings.append(f"{self.source.place(b)}: {problem}")
        note = anchor.add(
            _B(kind=m.FOOTNOTE, line=b.line, text=b.text, footnote_subject=info.subject)
        )
        self.footnotes.append(note)
        # A footnote closes the clause's text: what follows is not a continuation.
        self.last = None

    def table(self, i: int) -> int:
        rows = []
        j = i
        while j < len(self.blocks) and self.blocks[j].table_row:
            rows.append(self.blocks[j].text)
            j += 1
        self.container().add(_B(kind=m.TABLE, line=self.blocks[i].line, text="\n".join(rows)))
        self.last = None
        return j

    def paragraph(self, b: Block) -> None:
        if self.last is not None and _unfinished(self.last) and _starts_with_letter(b.text):
            self.last.text += " " + b.text
            return
        part = self.part
        assert part is not None
        if part.slug == "ukaz" and self.clause is None and "ПОСТАНОВЛЯЮ" in b.text:
            self.preamble = part.add(
                _B(kind=m.PREAMBLE, line=b.line, text=b.text, slug="preambula")
            )
            self.last = self.preamble
            return
        self.last = self.container().add(_B(kind=m.PARAGRAPH, line=b.line, text=b.text))

    def institution_block(self, i: int) -> int:
        b = self.blocks[i]
        part = self.part
        assert part is not None
        found = _SUBCLAUSE.match(b.text)
        if found is not None and self.group is not None:
            self.last = self.group.add(
                _B(
                    kind=m.ITEM,
                    line=b.line,
                    label=f"{found.group(1)})",
                    text=found.group(2),
                    slug=f"pp-{found.group(1)}",
                )
            )
        elif found is None and _looks_like_heading(b):
            self.group = part.add(_B(kind=m.GROUP, line=b.line, heading=b.text))
            self.last = None
        else:
            self.paragraph(b)
        return i + 1

    def structure_block(self, i: int) -> int:
        b = self.blocks[i]
        part = self.part
        assert part is not None
        if b.text[:1].isupper() and len(b.text) < 250 and "\n" not in b.text:
            part.add(_B(kind=m.ITEM, line=b.line, text=b.text))
            self.last = None
        else:
            self.last = part.add(_B(kind=m.PARAGRAPH, line=b.line, text=b.text))
        return i + 1


def _lift_clause_paragraphs(node: _B) -> None:
    """Paragraphs after the last sub-clause that ends a sentence belong to the clause.

    «47) осуществляет иные полномочия ….» followed by «Исполнение полномочий …» closes the list
    of sub-clauses; the paragraph is the clause's own, not a continuation of sub-clause 47).
    """
    for child in node.children:
        _lift_clause_paragraphs(child)
    if node.kind != m.CLAUSE:
        return
    subs = [c for c in node.children if c.kind == m.SUBCLAUSE]
    if not subs or (node.children[-1] is not subs[-1] and node.children[-1].kind != m.FOOTNOTE):
        return
    last = subs[-1]
    if not last.text.endswith("."):
        return
    tail = []
    while (
        last.children
        and last.children[-1].kind == m.PARAGRAPH
        and last.children[-1].text[:1].isupper()
    ):
        tail.insert(0, last.children.pop())
    if not tail:
        return
    at = node.children.index(last) + 1
    for k, para in enumerate(tail):
        para.parent = node
        node.children.insert(at + k, para)


def _assign_ids(root: _B) -> None:
    used: set[str] = set()

    def unique(candidate: str) -> str:
        result, n = candidate, 2
        while result in used:
            result, n = f"{candidate}-{n}", n + 1
        used.add(result)
        return result

    for part_no, part in enumerate(root.children, start=1):
        if not part.slug:
            marker = any(c.kind == m.MARKER for c in part.children)
            part.slug = "dsp" if marker and not part.heading else f"chast-{part_no}"
            if not part.title:
                part.title = "Документ для служебного пользования" if marker else f"Часть {part_no}"
            elif marker and not part.heading:
                part.title += " (для служебного пользования)"
        part.node_id = unique(part.slug)
        _assign_children(part, unique)


def _assign_children(parent: _B, unique) -> None:
    counters: dict[str, int] = {}
    prefix_names = {
        m.PARAGRAPH: "abz",
        m.TABLE: "tabl",
        m.APPROVAL: "utv",
        m.MARKER: "pometka",
        m.FOOTNOTE: "snoska",
        m.GROUP: "gr",
        m.ITEM: "ed",
        m.SIGNATURE: "podpis",
    }
    for child in parent.children:
        if child.slug:
            slug = child.slug
        else:
            name = prefix_names.get(child.kind, child.kind)
            counters[name] = counters.get(name, 0) + 1
            slug = f"{name}-{counters[name]}"
        # Clauses are cited without their chapter («п. 19»), so their ids skip it too.
        base = parent
        if child.kind == m.CLAUSE and parent.kind == m.CHAPTER:
            base = parent.parent  # type: ignore[assignment]
        child.node_id = unique(f"{base.node_id}/{slug}")
        _assign_children(child, unique)


def _place(source: Source, node: _B) -> str:
    words = first_words(node.heading or node.text or node.label)
    return f"{source.unit} {node.line} («{words}»)"


def _last_node(root: _B) -> _B:
    last = root
    while last.children:
        last = last.children[-1]
    return last


def _refuse_repeats(root: _B, source: Source) -> None:
    """The act twice in one file (pasted twice, or two editions one after the other)."""
    seen: set[str] = set()
    for part in root.children:
        if part.slug in REQUIRED_PARTS:
            if part.slug in seen:
                raise SourceError(
                    f"текст акта в файле повторён: часть «{part.title}» начинается второй раз "
                    f"({_place(source, part)}); оставьте в файле один текст акта"
                )
            seen.add(part.slug)


def _validate(root: _B, warnings: list[str], source: Source) -> None:
    slugs = [p.slug for p in root.children]
    missing = [s for s in REQUIRED_PARTS if s not in slugs]
    if "polozhenie" in missing and "ukaz" in missing:
        raise SourceError("это не текст Указа № 563: не найдены ни Указ, ни Положение")
    if missing:
        names = {slug: title for _, slug, title in _PART_NAMES}
        found = [p for p in root.children if p.slug in REQUIRED_PARTS]
        unknown = [p for p in root.children if not p.slug and p.heading]
        where = f"последняя узнанная часть — «{found[-1].title}» ({_place(source, found[-1])})"
        if unknown:
            where += "; не узнаны части, начинающиеся так: " + "; ".join(
                _place(source, p) for p in unknown[:3]
            )
        where += f"; текст кончается: {_place(source, _last_node(root))}"
        raise SourceError(
            "в тексте нет части "
            + ", ".join(f"«{names.get(s, s)}»" for s in missing)
            + f": {where}"
        )
    polozhenie = root.children[slugs.index("polozhenie")]
    numbers: list[int] = []
    chapters: list[int] = []

    def walk(node: _B) -> None:
        for child in node.children:
            if child.kind == m.CLAUSE and child.parent is not None:
                numbers.append(int(child.label.rstrip(".").split("-")[0]))
            if child.kind == m.CHAPTER:
                chapters.append(int(child.label.split()[1].rstrip(".")))
            walk(child)

    walk(polozhenie)
    if not numbers:
        raise SourceError("в Положении не найдено ни одного пункта")
    for label, seq in (("пунктов Положения", numbers), ("глав Положения", chapters)):
        expected = list(range(1, len(set(seq)) + 1))
        if sorted(set(seq)) != expected or seq != sorted(seq):
            warnings.append(f"нумерация {label} нарушена: {', '.join(map(str, seq))}")
    last = _last_node(root)
    if last.kind in _PROSE_KINDS and not _TERMINAL.search(last.text):
        raise SourceError(
            f"текст обрывается посреди фразы: {source.unit} {last.line}, «…{last.text[-40:]}»"
        )


def _units(source: Source) -> list[Block]:
    """The source's blocks within bounds, cut before every line that starts a unit.

    A stamp («УТВЕРЖДЕНО / Указом Президента / …») is cut into its lines, which the parser
    gathers again: one format keeps a stamp in one paragraph, another in five.
    """
    out: list[Block] = []
    step = 1 if source.unit == LINE else 0
    for b in source.blocks:
        size = sum(len(line) for line in b.lines)
        if size > MAX_PARAGRAPH:
            raise SourceError(
                f"{source.place(b)}: абзац в {size} знаков — в тексте акта абзацы не длиннее "
                f"{MAX_PARAGRAPH} знаков; это не текст акта или он склеен в одну строку"
            )
        longest = max((len(w) for line in b.lines for w in line.split()), default=0)
        if longest > MAX_WORD:
            raise SourceError(
                f"{source.place(b)}: «слово» в {longest} знаков без пробелов — в тексте акта "
                f"таких нет (не длиннее {MAX_WORD})"
            )
        if len(b.lines) == 1 or b.table_row:
            out.append(b)
            continue
        stamp = bool(_APPROVAL.match(b.lines[0]) or _ANNEX.match(b.lines[0]))
        start = 0
        for k in range(1, len(b.lines)):
            if stamp or _UNIT_START.match(b.lines[k]):
                out.append(replace(b, line=b.line + start * step, lines=b.lines[start:k]))
                start = k
        out.append(replace(b, line=b.line + start * step, lines=b.lines[start:]))
    return out


def _without_preface(blocks: list[Block], source: Source) -> list[Block]:
    """What was copied above the act's title (a site's menu, a search box) is not the act.

    The act opens with its title and then «Указ Президента Республики Казахстан от … № …»;
    lines before the title are left out and reported.
    """
    found = next(
        (
            k
            for k, b in enumerate(blocks[:200])
            if _ACT_LINE.match(b.text) and b.text.startswith("Указ")
        ),
        None,
    )
    if found is None or found < 2:
        return blocks
    start = found - 1
    source.warnings.append(
        f"{source.place(blocks[0])}: {start} абзац(ев) перед заголовком акта пропущены — "
        "это не текст акта (меню или шапка страницы)"
    )
    return blocks[start:]


def parse_act(
    text: str, source_name: str = "", source_sha256: str = "", source: Source | None = None
) -> m.ParsedAct:
    """Parse the whole act; raise SourceError when the text is not (all of) the act.

    ``source`` is the text's blocks as its format gave them (``read_source`` makes them); without
    it the text's format is recognised from the text itself.
    """
    if source is None:
        from gp_desktop.corpus.formats import text_blocks

        source = text_blocks(text)
    blocks = _without_preface(_units(source), source)
    if not blocks:
        raise SourceError("файл не содержит текста")
    date, number = _find_act_line(blocks)
    parser = _Parser(blocks, number, source)
    root = parser.run()
    _refuse_repeats(root, source)
    _lift_clause_paragraphs(root)
    _validate(root, parser.warnings, source)
    parser.warnings[:0] = source.warnings
    _assign_ids(root)

    nodes: list[m.Node] = []

    def emit(node: _B, parent_id: str | None, position: int) -> None:
        nodes.append(
            m.Node(
                id=node.node_id,
                parent_id=parent_id,
                position=position,
                seq=0,
                kind=node.kind,
                label=node.label,
                heading=node.heading,
                text=node.text,
                title=node.title,
                source_line=node.line,
            )
        )
        for k, child in enumerate(node.children, start=1):
            emit(child, node.node_id, k)

    for k, part in enumerate(root.children, start=1):
        emit(part, None, k)
    # Document order is source order; a part's heading comes after its approval block.
    order = sorted(range(len(nodes)), key=lambda k: (nodes[k].source_line, k))
    seq_of = {k: s for s, k in enumerate(order, start=1)}
    nodes = [m.Node(**{**n.__dict__, "seq": seq_of[k]}) for k, n in enumerate(nodes)]

    amendments: dict[str, m.Amendment] = {}
    links: list[m.NodeAmendment] = []

    def link(
        node_id: str, date: str, number: str, effect: str, footnote: str, note_id: str | None
    ) -> None:
        aid = amendment_id(date, number)
        amendments.setdefault(
            aid,
            m.Amendment(
                id=aid,
                date=date,
                number=number,
                issuer="Указ Президента РК",
                title=f"Указ Президента Республики Казахстан от {long_date(date)} № {number}",
            ),
        )
        row = m.NodeAmendment(node_id, aid, effect, footnote, note_id)
        if row not in links:
            links.append(row)

    for note in parser.footnotes:
        info = parse_footnote(note.text)
        assert note.parent is not None
        for dl in info.links:
            link(note.parent.node_id, dl.date, dl.number, dl.effect, note.text, note.node_id)
    for clause in parser.repeals:
        found, problems = parse_links(clause.text, default_effect=m.REPEALED)
        parser.warnings.extend(f"{_place(source, clause)}: {p}" for p in problems)
        for dl in found:
            link(clause.node_id, dl.date, dl.number, dl.effect, clause.text, None)

    ordered = sorted(amendments.values(), key=lambda a: (a.date, int(a.number.split("-")[0])))
    edition = ordered[-1].date if ordered else date
    title_block = next(n for n in nodes if n.id == "ukaz")
    act = m.Act(
        id=f"ukaz-{date}-{number}",
        title=title_block.heading,
        kind="Указ Президента Республики Казахстан",
        date=date,
        number=number,
        edition_date=edition,
    )
    return m.ParsedAct(
        act=act,
        nodes=nodes,
        amendments=ordered,
        node_amendments=links,
        institutions=collect_institutions(nodes),
        warnings=parser.warnings,
        source_name=source_name,
        source_sha256=source_sha256,
        source_format=source.format,
    )


__all__ = ["REQUIRED_PARTS", "parse_act", "short_date"]
