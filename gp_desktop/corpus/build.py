"""build-corpus and add-edition: source texts → a new corpus file, replacing the old one only
on success.

Several texts of the act become its editions, ordered by their dates; the latest is the
current one (the contract tables), the others are kept as what they differ in
(``corpus/editions.py``). The file carries the act's lexicon for search
(``search/lexicon.py``): every form of the words of every edition with its dictionary lemmas,
so that searching never loads the dictionary.
"""

from __future__ import annotations

import os
import sqlite3
import tempfile
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path

from gp_desktop.corpus import model as m
from gp_desktop.corpus.editions import EditionText, now_iso, order_editions, source_format
from gp_desktop.corpus.errors import CorpusError, CorpusFileError, SourceError
from gp_desktop.corpus.footnotes import short_date
from gp_desktop.corpus.model import ParsedAct
from gp_desktop.corpus.parser import parse_act
from gp_desktop.corpus.reader import Corpus
from gp_desktop.corpus.source import MAX_SOURCE_BYTES, read_source
from gp_desktop.corpus.store import target_folder, write_corpus
from gp_desktop.read_only import connect_read_only


def import_edition(
    path: str | Path, imported_at: str | None = None, max_bytes: int | None = MAX_SOURCE_BYTES
) -> EditionText:
    """Read and parse one source text as an edition.

    A source is Markdown, plain text, a saved page or a Word file (``corpus.formats``); files
    over ``max_bytes`` are refused (None: no limit, for the benchmark's scaled act).
    """
    source = read_source(path, max_bytes)
    try:
        parsed = parse_act(
            source.text,
            source_name=source.name,
            source_sha256=source.sha256,
            source=source.blocks,
        )
    except SourceError as exc:
        raise SourceError(f"{path}: {exc}") from None
    declared = getattr(source, "format", None)
    return EditionText(parsed, source_format(source.name, declared), imported_at or now_iso())


def _word_forms(nodes: Iterable[m.Node]) -> tuple[Mapping[str, tuple[str, ...]], str]:
    # The search's analysis, imported only here: the dictionary is needed to build, not to read.
    from gp_desktop.search.analysis import dictionary_version
    from gp_desktop.search.lexicon import act_word_forms

    return act_word_forms(nodes), dictionary_version()


def _write(
    editions: Sequence[EditionText],
    output: str | Path,
    word_forms: Mapping[str, tuple[str, ...]],
    dictionary: str,
    inputs: Sequence[str | Path] = (),
) -> ParsedAct:
    current = editions[-1].parsed
    write_corpus(current, output, word_forms, dictionary, editions, inputs)
    return current


def build_editions(
    sources: Sequence[str | Path], output: str | Path, max_bytes: int | None = MAX_SOURCE_BYTES
) -> list[EditionText]:
    """Import ``sources`` as the editions of one corpus written to ``output``; oldest first."""
    if not sources:
        raise SourceError("не указан исходный текст")
    target_folder(output, sources)  # before a second of work on the lexicon
    imported_at = now_iso()
    editions = order_editions(import_edition(s, imported_at, max_bytes) for s in sources)
    word_forms, dictionary = _word_forms(n for e in editions for n in e.parsed.nodes)
    _write(editions, output, word_forms, dictionary, sources)
    return editions


def build_corpus(
    sources: Sequence[str | Path], output: str | Path, max_bytes: int | None = MAX_SOURCE_BYTES
) -> ParsedAct:
    """Import the act from ``sources`` into ``output``; return its current edition (with its
    warnings)."""
    return build_editions(sources, output, max_bytes)[-1].parsed


def held_editions(corpus_path: str | Path) -> list[EditionText]:
    """Every edition of a corpus file, as records to write again; oldest first."""
    current = Corpus(corpus_path)
    result = []
    for edition in current.editions:
        corpus = current if edition.current else Corpus(corpus_path, edition.id)
        parsed = ParsedAct(
            act=corpus.act,
            nodes=list(corpus.nodes),
            amendments=list(corpus.amendments),
            node_amendments=list(corpus.node_amendments),
            institutions=list(corpus.institutions),
            warnings=list(corpus.warnings),
            source_name=edition.source_name,
            source_sha256=edition.source_sha256,
        )
        result.append(EditionText(parsed, edition.source_format, edition.imported_at))
    return result


def _stored_word_forms(corpus_path: str | Path) -> dict[str, tuple[str, ...]]:
    path = Path(corpus_path)
    try:
        conn = connect_read_only(path)
        try:
            rows = conn.execute(f"SELECT form, terms FROM [{m.WORD_FORMS}]").fetchall()
        finally:
            conn.close()
    except sqlite3.Error as exc:
        raise CorpusFileError(f"{path}: файл SQLite повреждён ({exc})") from None
    return {form: tuple(terms.split()) for form, terms in rows}


def check_new_edition(held: Sequence[EditionText], new: EditionText) -> None:
    """SourceError when ``new`` cannot join ``held``: another act, or a text (or a date) the
    corpus already has."""
    for old in held:
        if old.parsed.source_sha256 == new.parsed.source_sha256:
            raise SourceError(
                f"{new.parsed.source_name}: этот текст уже есть в корпусе — "
                f"редакция от {short_date(old.date)}"
            )
    order_editions([*held, new])


def add_edition(
    source: str | Path, corpus_path: str | Path, output: str | Path
) -> tuple[EditionText, list[EditionText]]:
    """Add the text ``source`` to the editions of ``corpus_path`` and write them all to
    ``output`` atomically. Returns the new edition and all editions, oldest first."""
    target_folder(output, [source])
    held = held_editions(corpus_path)
    new = import_edition(source)
    check_new_edition(held, new)
    editions = order_editions([*held, new])
    word_forms = _stored_word_forms(corpus_path)
    dictionary = Corpus(corpus_path).meta.get("dictionary", "")
    # The lexicon already has every word of the editions held: only the new text's new words
    # need the dictionary (loading it and looking up the act's 20 000 forms is most of a build).
    from gp_desktop.search.analysis import distinct_words
    from gp_desktop.search.lexicon import node_texts

    known = distinct_words(node_texts(n for e in held for n in e.parsed.nodes))
    unseen = distinct_words(node_texts(new.parsed.nodes)) - known
    if unseen:
        from gp_desktop.search.analysis import dictionary_version
        from gp_desktop.search.lexicon import word_forms as lexicon_of

        for form, terms in lexicon_of(unseen).items():
            word_forms.setdefault(form, terms)
        dictionary = dictionary_version()
    _write(editions, output, word_forms, dictionary, [source])
    return new, editions


@dataclass
class PreparedEdition:
    """A new text imported and written, with every edition held, to a hidden file beside the
    target, so that what it changes can be shown before anything is replaced: ``accept`` puts
    it in place (a rename), ``discard`` removes it."""

    path: Path
    target: Path
    new: EditionText
    editions: list[EditionText]

    @property
    def becomes_current(self) -> bool:
        return self.new is self.editions[-1]

    def accept(self) -> Path:
        try:
            os.replace(self.path, self.target)
        except OSError as exc:
            self.discard()
            raise CorpusError(f"{self.target}: не удалось записать ({exc.strerror})") from None
        return self.target

    def discard(self) -> None:
        self.path.unlink(missing_ok=True)


def prepare_edition(
    source: str | Path, corpus_path: str | Path, target: str | Path
) -> PreparedEdition:
    """``add_edition`` into a hidden file beside ``target`` (see ``PreparedEdition``)."""
    target = Path(target)
    folder = target_folder(target)
    fd, name = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".new", dir=folder)
    os.close(fd)
    staged = Path(name)
    try:
        new, editions = add_edition(source, corpus_path, staged)
    except BaseException:
        staged.unlink(missing_ok=True)
        raise
    return PreparedEdition(staged, target, new, editions)
