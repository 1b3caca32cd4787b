"""Errors the corpus layer raises for bad input; the command line turns them into one line."""


class CorpusError(Exception):
    """A source text or corpus file cannot be used; the message is for the user."""


class SourceError(CorpusError):
    """A source text cannot be imported (unreadable, wrong encoding, not the act, truncated)."""


class CorpusFileError(CorpusError):
    """A corpus.sqlite file is missing, damaged or of an unknown schema."""
