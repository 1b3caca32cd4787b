"""Russian full-text search over the act (Whoosh), without Qt.

    from gp_desktop.search import SearchIndex
    index = SearchIndex.open(corpus)           # builds or opens the cached index
    results = index.search("огневая подготовка", limit=50, exact=False, within="Глава 3")

Modules: ``analysis`` (tokens, folding, lemmas), ``lexicon`` (the act's word forms with their
lemmas, computed by ``build-corpus`` and stored in the corpus: the search never loads the
dictionary), ``query`` (what the user typed → Whoosh query), ``references`` (clause references and decree numbers), ``documents`` (one document
per node; section names), ``snippets`` (matched words, highlighted snippet), ``store`` (the
index folder in the user's cache), ``index`` (``SearchIndex``), ``results`` (``Hit``,
``SearchResults``).

Threads: ``SearchIndex.search`` may be called from any thread, several at once, while the
GUI thread does other things: calls on one index take turns on a lock around its Whoosh
searcher (a search takes milliseconds), and the rest of what they touch (the corpus, the
lexicon and its cache) is read-only or thread-safe. ``SearchIndex.open`` (which may build the index,
about half a second for the act) is meant for a worker thread as well; hand the finished
index to other threads only after it returns.

Importing the package imports neither Whoosh nor the index: ``SearchIndex``, ``Hit`` and
``SearchResults`` load on first use, so that ``build-corpus`` and ``add-edition``, which need
only ``analysis`` and ``lexicon``, do not pay for Whoosh's import (a fifth of add-edition).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from gp_desktop.search.index import SearchIndex
    from gp_desktop.search.results import Hit, SearchResults

__all__ = ["Hit", "SearchIndex", "SearchResults"]


def __getattr__(name: str) -> Any:
    if name == "SearchIndex":
        from gp_desktop.search.index import SearchIndex

        return SearchIndex
    if name in ("Hit", "SearchResults"):
        from gp_desktop.search import results

        return getattr(results, name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
