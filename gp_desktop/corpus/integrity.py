"""Whether a corpus file's content can be trusted by the readers: its tree, types and sizes.

SQLite checks its own pages (``PRAGMA integrity_check``), not what they mean. A crafted or
damaged corpus could hold a node that is its own parent (every walk up the tree would spin
for ever), a NULL or BLOB where text is expected, a schema version of «²», a chain of nodes
nested a hundred thousand deep, or one node of 57 MB. Each reader of the corpus (command
line, window, self-test) would fail on these far from their cause; instead the corpus is
checked once when it is opened (``Corpus``) and refused with the first problem as one line,
and ``gp-desktop check`` lists every problem. No Qt, no SQL: the checks take the records
the reader made from the rows, whatever types SQLite gave them.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from typing import Any

from gp_desktop.corpus import model as m
from gp_desktop.terminal import shown

MAX_NODES = 2_000_000
"""Nodes a corpus may hold; the act has about 450, a benchmark scales it to 100 000."""
MAX_NODE_CHARS = 2_000_000
"""Characters in one node's text, label, heading or title."""
MAX_TOTAL_CHARS = 256_000_000
"""Characters of text in the whole corpus: beyond this it is not an act."""
MAX_DEPTH = 64
"""Levels from a part down to its deepest node (the act has six); deeper is damage, and
recursive walks of the tree stay far from Python's limit."""
MAX_ID_CHARS = 1_000
MAX_PROBLEMS = 50
"""Problems listed; a corpus with more is damaged throughout and the rest says nothing new."""

_VERSION = re.compile(r"[0-9]{1,9}")

_NODE_TEXTS = ("kind", "label", "heading", "text", "title")


def schema_version(value: object) -> int | None:
    """The schema version stored in ``meta``, or None for anything but ASCII digits
    (NULL, «²» and «٣» are digits to ``str.isdigit`` but not to ``int`` or to us)."""
    if isinstance(value, str) and _VERSION.fullmatch(value):
        return int(value)
    return None


def _is_int(value: object) -> bool:
    return isinstance(value, int) and not isinstance(value, bool)


def _type_name(value: object) -> str:
    if value is None:
        return "NULL"
    if isinstance(value, (bytes, bytearray, memoryview)):
        return "BLOB"
    if isinstance(value, float):
        return "число с точкой"
    if _is_int(value):
        return "число"
    return type(value).__name__


def _node_name(node: Any) -> str:
    return shown(node.id) if isinstance(node.id, str) else f"({_type_name(node.id)})"


def _field_problems(records: Iterable[Any], table: str, texts: Sequence[str], ints=()) -> list:
    problems: list[str] = []
    for record in records:
        for name in texts:
            value = getattr(record, name)
            if not isinstance(value, str):
                problems.append(
                    f"в таблице {table} у {shown(str(getattr(record, 'id', '') or ''))} "
                    f"поле {name} — {_type_name(value)}, а не текст"
                )
            elif len(value) > MAX_NODE_CHARS:
                problems.append(
                    f"в таблице {table} поле {name} длиной {len(value)} символов "
                    f"(больше {MAX_NODE_CHARS})"
                )
        for name in ints:
            value = getattr(record, name)
            if not _is_int(value):
                problems.append(f"в таблице {table} поле {name} — {_type_name(value)}, а не число")
    return problems


def _one_node_problems(node: m.Node, ids: dict[str, m.Node]) -> list[str]:
    """What is wrong with one node (it failed the quick test); registers it in ``ids`` when
    its id is usable, so the tree check still sees it."""
    problems: list[str] = []
    name = _node_name(node)
    if not isinstance(node.id, str) or not node.id or len(node.id) > MAX_ID_CHARS:
        return [f"узел с неверным идентификатором {name}"]
    if node.id in ids:
        return [f"идентификатор узла повторяется: {name}"]
    ids[node.id] = node
    if node.parent_id is not None and not isinstance(node.parent_id, str):
        problems.append(f"у узла {name} родитель — {_type_name(node.parent_id)}")
    for field in ("position", "seq"):
        if not _is_int(getattr(node, field)):
            problems.append(
                f"у узла {name} поле {field} — {_type_name(getattr(node, field))}, а не число"
            )
    for field in _NODE_TEXTS:
        value = getattr(node, field)
        if not isinstance(value, str):
            problems.append(f"у узла {name} поле {field} — {_type_name(value)}, а не текст")
        elif len(value) > MAX_NODE_CHARS:
            problems.append(
                f"у узла {name} поле {field} длиной {len(value)} символов (больше {MAX_NODE_CHARS})"
            )
    if isinstance(node.kind, str) and not node.kind:
        problems.append(f"у узла {name} не указан вид")
    return problems


def node_problems(nodes: Sequence[m.Node]) -> list[str]:
    """Every problem of the nodes: types, sizes, duplicate ids, missing parents, cycles, depth."""
    problems: list[str] = []
    if len(nodes) > MAX_NODES:
        return [f"слишком много узлов: {len(nodes)} (больше {MAX_NODES})"]
    ids: dict[str, m.Node] = {}
    total = 0
    for node in nodes:
        node_id, kind, label, heading, text, title = (
            node.id,
            node.kind,
            node.label,
            node.heading,
            node.text,
            node.title,
        )
        # The usual case in one test (100 000 nodes: a tenth of a second); the details of
        # what is wrong only for a node that fails it.
        if (
            type(node_id) is str
            and 0 < len(node_id) <= MAX_ID_CHARS
            and node_id not in ids
            and (node.parent_id is None or type(node.parent_id) is str)
            and type(node.position) is int
            and type(node.seq) is int
            and type(kind) is str
            and kind
            and type(label) is str
            and type(heading) is str
            and type(text) is str
            and type(title) is str
            and max(len(label), len(heading), len(text), len(title)) <= MAX_NODE_CHARS
        ):
            ids[node_id] = node
            total += len(label) + len(heading) + len(text) + len(title) + len(kind)
            continue
        problems.extend(_one_node_problems(node, ids))
    if total > MAX_TOTAL_CHARS:
        problems.append(f"слишком много текста: {total} символов (больше {MAX_TOTAL_CHARS})")
    seqs = [n.seq for n in ids.values() if _is_int(n.seq)]
    if len(set(seqs)) != len(seqs):
        problems.append("порядок узлов (seq) повторяется")
    problems.extend(tree_problems(ids))
    return problems


def tree_problems(by_id: dict[str, m.Node]) -> list[str]:
    """Parents that are missing, cycles, nesting deeper than MAX_DEPTH, no top-level part.

    One pass up from each node, remembering the depth of every node already placed: linear
    in the number of nodes, whatever the shape."""
    problems: list[str] = []
    depth: dict[str, int] = {}
    broken: set[str] = set()
    for node_id, node in by_id.items():
        # Parents come before their children in a sound corpus: one lookup each.
        parent = node.parent_id
        if parent is None:
            depth[node_id] = 1
        elif parent in depth and parent != node_id:
            level = depth[parent] + 1
            depth[node_id] = level
            if level == MAX_DEPTH + 1:
                problems.append(f"слишком глубокая вложенность узлов (у {shown(node_id)})")
    for start in by_id:
        if start in depth or start in broken:
            continue
        path: list[str] = []
        on_path: set[str] = set()
        node_id: str | None = start
        base = 0
        fault = ""
        while node_id is not None:
            if node_id in depth:
                base = depth[node_id]
                break
            if node_id in broken:
                fault = "known"
                break
            if node_id in on_path:
                cycle = path[path.index(node_id) :]
                names = " → ".join(shown(n, 40) for n in [*cycle[:4], node_id])
                problems.append(f"узлы образуют цикл: {names}")
                fault = "cycle"
                break
            node = by_id.get(node_id)
            if node is None:
                problems.append(f"нет родителя {shown(node_id)} у узла {shown(path[-1])}")
                fault = "missing"
                break
            path.append(node_id)
            on_path.add(node_id)
            parent = node.parent_id
            node_id = parent if isinstance(parent, str) else None
        if fault:
            broken.update(path)
            continue
        for offset, placed in enumerate(reversed(path), start=1):
            depth[placed] = base + offset
            if base + offset == MAX_DEPTH + 1:
                problems.append(f"слишком глубокая вложенность узлов (у {shown(placed)})")
    if by_id and not any(
        n.parent_id is None or not isinstance(n.parent_id, str) for n in by_id.values()
    ):
        problems.append("нет ни одной части акта верхнего уровня")
    return problems


def corpus_problems(
    act: m.Act,
    nodes: Sequence[m.Node],
    amendments: Sequence[m.Amendment],
    node_amendments: Sequence[m.NodeAmendment],
    institutions: Sequence[m.Institution],
) -> list[str]:
    """Every problem of the corpus's records, one line each (most serious first)."""
    problems = _field_problems([act], "acts", ("id", "title", "kind", "date", "number"))
    if act.edition_date is not None and not isinstance(act.edition_date, str):
        problems.append(f"в таблице acts поле edition_date — {_type_name(act.edition_date)}")
    problems += node_problems(nodes)
    problems += _field_problems(amendments, "amendments", ("id", "date", "number", "title"))
    amendment_ids = {a.id for a in amendments if isinstance(a.id, str)}
    node_ids = {n.id for n in nodes if isinstance(n.id, str)}
    links = _field_problems(node_amendments, "node_amendments", ("effect", "footnote"))
    for link in node_amendments:
        if link.node_id not in node_ids:
            links.append(f"сноска об изменении у неизвестного узла {shown(str(link.node_id))}")
        if link.amendment_id not in amendment_ids:
            links.append(f"ссылка на неизвестный указ {shown(str(link.amendment_id))}")
    problems += links[:20] + ([f"… и ещё {len(links) - 20}"] if len(links) > 20 else [])
    problems += _field_problems(
        institutions, "institutions", ("name", "group_name"), ints=("position",)
    )
    for institution in institutions:
        if institution.node_id not in node_ids:
            problems.append(
                f"учреждение {shown(str(institution.name))} ссылается на неизвестный узел"
            )
    if len(problems) > MAX_PROBLEMS:
        problems = [*problems[:MAX_PROBLEMS], f"… и ещё {len(problems) - MAX_PROBLEMS}"]
    return problems
