"""The whole act (or any run of its nodes) as plain text, HTML or JSON, in document order.

Plain text keeps every word of the source in order, footnotes included; the HTML escapes
everything taken from the act, so tag-like text in it is shown, never interpreted, and it
refers to no external resource.
"""

from __future__ import annotations

import dataclasses
import html
import json
from collections.abc import Iterable

from gp_desktop.corpus import model as m
from gp_desktop.corpus.citations import citations
from gp_desktop.corpus.reader import Corpus


def node_line(node: m.Node) -> str:
    """A node's own words as one block of text: label, heading, text."""
    return " ".join(part for part in (node.label, node.heading, node.text) if part)


def _own_text(node: m.Node) -> str:
    return node_line(node).replace("\t", "  ")


def export_text(corpus: Corpus, nodes: Iterable[m.Node] | None = None) -> str:
    blocks = [_own_text(n) for n in (nodes if nodes is not None else corpus.nodes)]
    return "\n\n".join(b for b in blocks if b) + "\n"


def _lines_html(text: str) -> str:
    return "<br>".join(html.escape(line) for line in text.split("\n"))


def _table_html(text: str) -> str:
    rows = []
    for line in text.split("\n"):
        cells = "".join(f"<td>{html.escape(c.strip())}</td>" for c in line.split("\t"))
        rows.append(f"<tr>{cells}</tr>")
    return f'<table class="act-table" border="1" cellspacing="0" cellpadding="4">{"".join(rows)}</table>'


def node_html(corpus: Corpus, node: m.Node, amended: bool | None = None) -> str:
    """One node as an HTML block with an anchor named by its id and classes by its kind."""
    anchor = html.escape(node.id, quote=True)
    classes = [node.kind]
    if amended if amended is not None else bool(corpus.amendments_of(node.id)):
        classes.append("amended")
    cls = " ".join(classes)
    label = f'<span class="label">{html.escape(node.label)}</span> ' if node.label else ""
    if node.kind == m.PART:
        body = _lines_html(node.heading) if node.heading else html.escape(node.title)
        return f'<h1 id="{anchor}" class="{cls}"><a name="{anchor}"></a>{body}</h1>'
    if node.kind == m.CHAPTER:
        return f'<h2 id="{anchor}" class="{cls}"><a name="{anchor}"></a>{label}{_lines_html(node.heading)}</h2>'
    if node.kind == m.GROUP:
        return f'<h3 id="{anchor}" class="{cls}"><a name="{anchor}"></a>{_lines_html(node.heading)}</h3>'
    if node.kind == m.TABLE:
        return f'<div id="{anchor}" class="{cls}"><a name="{anchor}"></a>{_table_html(node.text)}</div>'
    heading = f"<b>{_lines_html(node.heading)}</b> " if node.heading else ""
    return f'<p id="{anchor}" class="{cls}"><a name="{anchor}"></a>{label}{heading}{_lines_html(node.text)}</p>'


STYLE = """
body { font-family: 'DejaVu Serif', 'Times New Roman', serif; }
h1 { font-size: 130%; text-align: center; }
h2 { font-size: 115%; text-align: center; }
h3 { font-size: 105%; }
p.approval, p.marker { text-align: right; }
p.footnote { color: #555; font-size: 90%; margin-left: 2em; }
p.subclause, p.item { margin-left: 1.5em; }
p.paragraph { margin-left: 1.5em; }
span.label { font-weight: bold; }
"""


def export_html(corpus: Corpus) -> str:
    body = "\n".join(node_html(corpus, n) for n in corpus.nodes)
    title = html.escape(corpus.act.title)
    return (
        '<!DOCTYPE html>\n<html lang="ru"><head><meta charset="utf-8">'
        f"<title>{title}</title><style>{STYLE}</style></head>\n<body>\n{body}\n</body></html>\n"
    )


def export_json(corpus: Corpus) -> str:
    data = {
        "act": dataclasses.asdict(corpus.act),
        "nodes": [{**dataclasses.asdict(n), **citations(corpus, n.id)} for n in corpus.nodes],
        "amendments": [dataclasses.asdict(a) for a in corpus.amendments],
        "node_amendments": [dataclasses.asdict(x) for x in corpus.node_amendments],
        "institutions": [dataclasses.asdict(i) for i in corpus.institutions],
        "meta": corpus.meta,
    }
    return json.dumps(data, ensure_ascii=False, indent=1) + "\n"
