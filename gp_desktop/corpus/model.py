"""The act as data: frozen records shared by the importer, the corpus file and its readers."""

from __future__ import annotations

from dataclasses import dataclass, field

SCHEMA_VERSION = 2
"""The layout of corpus.sqlite; a reader refuses a file of another one. Here rather than in
``store`` so that reading a corpus does not import the writer's sqlite-utils (40 ms).
2: the ``word_forms`` table (the act's lexicon for search, see ``search/lexicon.py``)."""

WORD_FORMS = "word_forms"
"""The table of every form of the act's words with its morph terms: ``form`` (folded, the
primary key), ``terms`` (space-separated)."""

# Node kinds, from the outside in. ``part`` is one approved document (the decree, the
# Положение, the СТРУКТУРА …); the rest follow the wording of the text.
PART = "part"
CHAPTER = "chapter"
GROUP = "group"  # a heading inside a list (institutions under the Committee …)
CLAUSE = "clause"  # «14.»
SUBCLAUSE = "subclause"  # «3-1)»
PARAGRAPH = "paragraph"  # an unnumbered paragraph (абзац)
ITEM = "item"  # an entry of a list that is not a clause: an institution, a unit
TABLE = "table"
PREAMBLE = "preamble"
APPROVAL = "approval"  # «УТВЕРЖДЕНО Указом Президента …» and annex attributions
MARKER = "marker"  # «Для служебного пользования», «Экз. № 08»
FOOTNOTE = "footnote"
SIGNATURE = "signature"  # «Президент Республики Казахстан Н.Назарбаев»

# Amendment effects, as the footnotes word them.
NEW_EDITION = "new_edition"
CHANGED = "changed"
ADDED = "added"
REPEALED = "repealed"
EXCLUDED = "excluded"
EFFECTS = (NEW_EDITION, CHANGED, ADDED, REPEALED, EXCLUDED)


@dataclass(frozen=True)
class Node:
    id: str
    parent_id: str | None
    position: int
    """Order among the siblings, from 1."""
    seq: int
    """Order in the whole act, from 1: document order for export and excerpts."""
    kind: str
    label: str = ""
    heading: str = ""
    text: str = ""
    title: str = ""
    """Short name for trees and citations; may be derived, is never exported as act text."""
    source_line: int = 0


@dataclass(frozen=True)
class Amendment:
    id: str
    date: str
    number: str
    issuer: str = "Указ Президента РК"
    title: str = ""


@dataclass(frozen=True)
class NodeAmendment:
    node_id: str
    amendment_id: str
    effect: str
    footnote: str
    footnote_node_id: str | None = None


@dataclass(frozen=True)
class Institution:
    id: str
    name: str
    group_name: str
    position: int
    node_id: str


@dataclass(frozen=True)
class Act:
    id: str
    title: str
    kind: str
    date: str
    number: str
    edition_date: str


@dataclass
class ParsedAct:
    act: Act
    nodes: list[Node]
    amendments: list[Amendment]
    node_amendments: list[NodeAmendment]
    institutions: list[Institution]
    warnings: list[str] = field(default_factory=list)
    source_name: str = ""
    source_sha256: str = ""
    source_format: str = ""
    """The form the text came in: ``markdown``, ``plain_text``, ``html_page`` or ``docx``."""


EFFECT_NAMES = {
    NEW_EDITION: "в новой редакции",
    CHANGED: "изменён",
    ADDED: "дополнен",
    REPEALED: "утратил силу",
    EXCLUDED: "исключён",
    "enacted": "утверждён",
}
