"""The act as data: source text → tree → corpus.sqlite, and reading it back. No Qt here."""

from gp_desktop.corpus.errors import CorpusError, CorpusFileError, SourceError
from gp_desktop.corpus.model import Act, Amendment, Institution, Node, NodeAmendment, ParsedAct
from gp_desktop.corpus.reader import Change, Corpus, Event

__all__ = [
    "Act",
    "Amendment",
    "Change",
    "Corpus",
    "CorpusError",
    "CorpusFileError",
    "Event",
    "Institution",
    "Node",
    "NodeAmendment",
    "ParsedAct",
    "SourceError",
]
