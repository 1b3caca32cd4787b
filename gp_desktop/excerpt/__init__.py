"""Excerpts («выписка») of chosen clauses: composed here without Qt, printed by gp_desktop.ui.

``compose_excerpt(corpus, refs)`` gives an ``Excerpt`` with the whole document as HTML and as
plain text; ``gp_desktop.ui.printing`` paints it onto pages (PDF, printer, preview) and writes
ODT; ``render_file`` writes the .html and .txt forms that need no Qt.
"""

from gp_desktop.excerpt.compose import combined_citation, compose_excerpt
from gp_desktop.excerpt.model import Excerpt, ExcerptError
from gp_desktop.excerpt.selection import select_nodes

__all__ = ["Excerpt", "ExcerptError", "combined_citation", "compose_excerpt", "select_nodes"]
