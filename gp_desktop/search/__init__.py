"""Russian full-text search over the act (Whoosh), without Qt.

    from gp_desktop.search import SearchIndex
    index = SearchIndex.open(corpus)           # builds or opens the cached index
    results = index.search("огневая подготовка", limit=50, exact=False, within="Глава 3")

Modules: ``analysis`` (tokens, folding, lemmas), ``query`` (what the user typed → Whoosh
query), ``references`` (clause references and decree numbers), ``documents`` (one document
per node; section names), ``snippets`` (matched words, highlighted snippet), ``store`` (the
index folder in the user's cache), ``index`` (``SearchIndex``), ``results`` (``Hit``,
``SearchResults``).

Threads: ``SearchIndex.search`` may be called from any thread, including several at once;
calls on one index take turns on a lock around the Whoosh searcher (a search takes
milliseconds), and everything else they touch is immutable or thread-safe. ``open`` may be
called from a worker thread too; it does not touch the instance it returns to other threads.
"""

from gp_desktop.search.index import SearchIndex
from gp_desktop.search.results import Hit, SearchResults

__all__ = ["Hit", "SearchIndex", "SearchResults"]
