"""How an excerpt names what it was taken from: the title «Выписка из …» and the page footer.

An excerpt from one approved document names that document and the decree that approved it
(«из Положения о …, утвержденного Указом …»); anything else is an excerpt from the decree
itself, with the parts' own headings in the body. The participle agrees with the document's
gender and number, as an official would write it.
"""

from __future__ import annotations

from dataclasses import dataclass

from gp_desktop.corpus.footnotes import long_date, short_date
from gp_desktop.corpus.model import Act
from gp_desktop.corpus.reader import Corpus


@dataclass(frozen=True)
class PartName:
    genitive: str
    """«Положения о Генеральной прокуратуре Республики Казахстан» (выписка из чего)."""
    participle: str
    """«утвержденного» agreeing with the genitive; "" for a document the decree carries
    without approving it (then the decree is named in brackets)."""
    short: str
    """The name in the nominative, for the footer."""


PART_NAMES = {
    "polozhenie": PartName(
        "Положения о Генеральной прокуратуре Республики Казахстан",
        "утвержденного",
        "Положение о Генеральной прокуратуре Республики Казахстан",
    ),
    "struktura": PartName(
        "структуры Генеральной прокуратуры Республики Казахстан",
        "утвержденной",
        "Структура Генеральной прокуратуры Республики Казахстан",
    ),
    # Not approved: no stamp above it, and clause 1 of the decree does not name it.
    "perechen-uchrezhdeniy": PartName(
        "перечня государственных учреждений, находящихся в ведении Генеральной прокуратуры "
        "и ее ведомств",
        "",
        "Перечень государственных учреждений в ведении Генеральной прокуратуры",
    ),
    "izmeneniya": PartName(
        "изменений и дополнений, которые вносятся в некоторые указы Президента Республики "
        "Казахстан",
        "утвержденных",
        "Изменения и дополнения в некоторые указы Президента Республики Казахстан",
    ),
    "perechen-utrativshih": PartName(
        "перечня утративших силу некоторых указов Президента Республики Казахстан",
        "утвержденного",
        "Перечень утративших силу указов Президента Республики Казахстан",
    ),
}

# «Указ Президента …» in the cases a title needs; the first word is the one that declines.
_GENITIVE_WORD = {"Указ": "Указа", "Закон": "Закона", "Постановление": "Постановления"}
_INSTRUMENTAL_WORD = {"Указ": "Указом", "Закон": "Законом", "Постановление": "Постановлением"}


def _decline(kind: str, table: dict[str, str]) -> str:
    first, _, rest = kind.partition(" ")
    return " ".join(w for w in (table.get(first, first), rest) if w)


def act_reference(act: Act, case: str = "genitive") -> str:
    """«Указа Президента Республики Казахстан от 13 октября 2017 года № 563 «О …»»."""
    table = _GENITIVE_WORD if case == "genitive" else _INSTRUMENTAL_WORD
    return f"{_decline(act.kind, table)} от {long_date(act.date)} № {act.number} «{act.title}»"


def act_title(act: Act) -> str:
    """«Указ Президента Республики Казахстан от 13 октября 2017 года № 563 «О …»»."""
    return f"{act.kind} от {long_date(act.date)} № {act.number} «{act.title}»"


def act_short_name(act: Act) -> str:
    """«Указ Президента РК от 13.10.2017 № 563»."""
    kind = act.kind.replace("Республики Казахстан", "РК")
    return f"{kind} от {short_date(act.date)} № {act.number}"


def excerpt_source(act: Act, part_id: str | None) -> tuple[str, str]:
    """The excerpt's title and footer: from one named part, or from the act as a whole."""
    name = PART_NAMES.get(part_id or "")
    if name is None:
        return f"Выписка из {act_reference(act)}", act_short_name(act)
    if not name.participle:
        nominative = f"{act.kind} от {long_date(act.date)} № {act.number} «{act.title}»"
        return f"Выписка из {name.genitive} ({nominative})", name.short
    decree = act_reference(act, "instrumental")
    return f"Выписка из {name.genitive}, {name.participle} {decree}", name.short


def edition_line(act: Act, current: bool = True) -> str:
    """«в редакции по состоянию на 17.12.2025»; an edition no longer in force says so:
    «в редакции по состоянию на 25.04.2025; недействующая редакция»."""
    if act.edition_date and act.edition_date != act.date:
        line = f"в редакции по состоянию на {short_date(act.edition_date)}"
    else:
        line = f"в первоначальной редакции от {short_date(act.date)}"
    return line if current else f"{line}; недействующая редакция"


def text_digest(corpus: Corpus) -> str:
    """The SHA-256 that identifies the edition's text: of its source file, or of the corpus
    file when the source's is not recorded. «О программе» and the выписка's source line
    both show this one, whole, so a printed выписка can be matched to the program's text."""
    return corpus.edition.source_sha256 or corpus.file_sha256


def source_identity(corpus: Corpus) -> str:
    """«исходный текст ukaz-2017-563.md, SHA-256 …» for the source line and «О программе»."""
    name = corpus.edition.source_name
    digest = text_digest(corpus)
    if name:
        return f"исходный текст {name}, SHA-256 {digest}"
    return f"SHA-256 {digest}" if digest else ""
