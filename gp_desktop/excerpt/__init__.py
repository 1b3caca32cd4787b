"""Excerpts («выписка») of chosen clauses: composed here without Qt, printed by gp_desktop.ui.

``compose_excerpt(corpus, refs)`` gives an ``Excerpt`` with the whole document as HTML and as
plain text; ``files.write_document`` saves the .html and .txt forms; ``gp_desktop.ui.excerpt.printing``
paints it onto pages (printer, preview, PDF) and writes ODT.
"""

from gp_desktop.excerpt.compose import combined_citation, compose_excerpt
from gp_desktop.excerpt.model import Excerpt, ExcerptError
from gp_desktop.excerpt.selection import select_nodes

__all__ = ["Excerpt", "ExcerptError", "combined_citation", "compose_excerpt", "select_nodes"]
