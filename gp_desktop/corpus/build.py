"""build-corpus: source texts → a new corpus file, replacing the old one only on success.

The file carries the act's lexicon for search (``search/lexicon.py``): every form of the act's
words with its dictionary lemmas, so that searching never loads the dictionary.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from gp_desktop.corpus.errors import SourceError
from gp_desktop.corpus.model import ParsedAct
from gp_desktop.corpus.parser import parse_act
from gp_desktop.corpus.source import MAX_SOURCE_BYTES, read_source
from gp_desktop.corpus.store import target_folder, write_corpus


def build_corpus(
    sources: Sequence[str | Path], output: str | Path, max_bytes: int | None = MAX_SOURCE_BYTES
) -> ParsedAct:
    """Import the act from ``sources`` into ``output``; return it (with its warnings).

    A source is Markdown, plain text, a saved page or a Word file (``corpus.formats``); files
    over ``max_bytes`` are refused (None: no limit, for the benchmark's scaled act).
    """
    if not sources:
        raise SourceError("не указан исходный текст")
    if len(sources) > 1:
        # The corpus holds one act; several sources would be several acts (a later schema).
        raise SourceError("пока поддерживается один исходный текст: текст Указа № 563")
    target_folder(output)  # before a second of work on the lexicon
    source = read_source(sources[0], max_bytes)
    try:
        parsed = parse_act(
            source.text,
            source_name=source.name,
            source_sha256=source.sha256,
            source=source.blocks,
        )
    except SourceError as exc:
        raise SourceError(f"{sources[0]}: {exc}") from None
    # The search's analysis, imported only here: the dictionary is needed to build, not to read.
    from gp_desktop.search.analysis import dictionary_version
    from gp_desktop.search.lexicon import act_word_forms

    write_corpus(parsed, output, act_word_forms(parsed.nodes), dictionary_version())
    return parsed
