"""The institutions of the act: those under the Генеральная прокуратура, under its Committee,
and the structural units of the СТРУКТУРА, with names cleaned of the conversion's residue."""

from __future__ import annotations

import re

from gp_desktop.corpus import model as m

_QUOTED = re.compile(r"[\"«]([^\"»]+)[\"»]")
_RESIDUE = re.compile(r"[\s\"»;.,>]+$")
STRUCTURE_GROUP = "Структура Генеральной прокуратуры"


def clean_name(text: str) -> str:
    """«государственное учреждение "Прокуратура области Ұлытау";» → «Прокуратура области Ұлытау»."""
    quoted = _QUOTED.search(text)
    name = quoted.group(1) if quoted else text
    return _RESIDUE.sub("", " ".join(name.split()))


def collect_institutions(nodes: list[m.Node]) -> list[m.Institution]:
    by_id = {n.id: n for n in nodes}
    result: list[m.Institution] = []
    positions: dict[str, int] = {}
    for node in nodes:
        if node.kind != m.ITEM or node.parent_id is None:
            continue
        parent = by_id[node.parent_id]
        if parent.kind == m.GROUP:
            group = _RESIDUE.sub("", " ".join(parent.heading.split()))
        elif node.id.startswith("struktura/"):
            group = STRUCTURE_GROUP
        else:
            continue
        positions[group] = positions.get(group, 0) + 1
        result.append(
            m.Institution(
                id=node.id,
                name=clean_name(node.text),
                group_name=group,
                position=positions[group],
                node_id=node.id,
            )
        )
    return result


SHARED_WORDS = 4
"""A run of names is shortened only where they share at least this many leading words…"""
SHARED_BY = 3
"""…and at least this many names share them (the Committee's twenty regional departments)."""


def distinguishing_names(names: list[str]) -> list[str]:
    """Each name with the words it shares with its neighbours in the list cut to «…».

    Twenty names «Департамент Комитета по правовой статистике и специальным учетам Генеральной
    прокуратуры Республики Казахстан по …» differ only in their last words, which a narrow
    pane cuts off; shown as «Департамент … по области Ұлытау» they can be told apart. The
    first word stays, so the kind of body is still said; names unlike the others stay whole.
    """
    split = [name.split() for name in names]
    result = []
    for words in split:
        # The prefix shared by the most names, the longest of those: «Департамент Комитета
        # … Республики Казахстан», not «… по городу», which only three share.
        best, best_count = 0, SHARED_BY
        for k in range(SHARED_WORDS, len(words)):
            count = sum(1 for other in split if other[:k] == words[:k])
            if count >= best_count:
                best, best_count = k, count
        if best:
            result.append(f"{words[0]} … {' '.join(words[best:])}")
        else:
            result.append(" ".join(words))
    return result
