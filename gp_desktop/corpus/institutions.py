"""The institutions of the act: those under the Генеральная прокуратура, under its Committee,
and the structural units of the СТРУКТУРА, with names cleaned of the conversion's residue."""

from __future__ import annotations

import re

from gp_desktop.corpus import model as m

_QUOTED = re.compile(r"[\"«]([^\"»]+)[\"»]")
_RESIDUE = re.compile(r"[\s\"»;.,]+$")
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
