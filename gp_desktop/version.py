"""``gp-desktop --version``: the program's version and the corpus it would open, so that an
administrator can tell from one command which build and which text of the act a workstation has.

Printed: the version, the corpus file chosen as every command chooses it (``corpus_choice``)
with the reason, its current edition (date and last amending decree) and two SHA-256 digests:
of the file and of the edition's source text. A corpus that cannot be opened still leaves the
program's version on stdout; the reason is then one line on stderr and the exit code 1.
"""

from __future__ import annotations

import argparse

from gp_desktop import __version__

HELP = "показать версию программы и корпуса и выйти"


def version_lines(corpus_option: str | None = None) -> list[str]:
    """The lines of ``--version`` after the first; CorpusError when the corpus is unusable."""
    from gp_desktop.corpus.footnotes import short_date
    from gp_desktop.corpus.reader import Corpus
    from gp_desktop.corpus_choice import choose_corpus

    choice = choose_corpus(corpus_option)
    corpus = Corpus(choice.path)
    edition = corpus.edition
    decree = f", указ № {edition.amendment_number}" if edition.amendment_number else ""
    return [
        *(f"примечание: {note}" for note in choice.notes),
        f"корпус: {choice.path} ({choice.reason_text})",
        f"действующая редакция: от {short_date(edition.date)}{decree}",
        f"sha256 корпуса: {corpus.file_sha256}",
        f"sha256 текста редакции: {edition.source_sha256}",
    ]


class VersionAction(argparse.Action):
    """Like argparse's ``version`` action, with the corpus: ``--corpus PATH`` given before
    ``--version`` names the file to describe."""

    def __init__(self, option_strings, dest=argparse.SUPPRESS, default=argparse.SUPPRESS, **kw):  # type: ignore[no-untyped-def]
        kw.setdefault("help", HELP)
        super().__init__(option_strings, dest=dest, default=default, nargs=0, **kw)

    def __call__(self, parser, namespace, values, option_string=None):  # type: ignore[no-untyped-def]
        from gp_desktop.corpus.errors import CorpusError
        from gp_desktop.terminal import one_line

        print(f"gp-desktop {__version__}", flush=True)
        try:
            lines = version_lines(getattr(namespace, "corpus", None))
        except CorpusError as exc:
            parser.exit(1, f"gp-desktop: {one_line(str(exc))}\n")
        print("\n".join(lines))
        parser.exit(0)
