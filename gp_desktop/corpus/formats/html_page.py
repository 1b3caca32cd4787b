"""A page saved from the browser («веб-страница полностью» or «только HTML») → blocks.

The act sits somewhere among the site's furniture: menus, banners, tabs, breadcrumbs, a
footer, scripts and style sheets. Furniture is dropped by what it is (navigation, footer and
aside elements, ARIA roles, hidden elements, the usual class names of menus and tabs), then
the act's container is found by where the text is: from ``<body>`` down, as long as one
child holds most of the text, the act is inside that child (or, where the site wraps each
part in an element of its own, in the one that holds all the parts' approval stamps). The act begins at its title — the
line before «Указ Президента Республики Казахстан от … № …», in the container or just above it
(a site may show title and that line above its tabs) — and takes the container's text from
there, so tabs, badges and buttons around the text are left out.

A page saved as «только HTML» from a site that loads the text by script has no text of the
act at all; that is said, with what to do instead.
"""

from __future__ import annotations

import re
from dataclasses import replace

from gp_desktop.corpus.blocks import PARAGRAPH, Source
from gp_desktop.corpus.errors import SourceError
from gp_desktop.corpus.formats.html_blocks import (
    SKIPPED,
    HtmlWalker,
    parse_html,
    tag_of,
)

NAME = "html_page"

_FURNITURE_TAGS = frozenset(("nav", "footer", "aside", "menu", "dialog"))
_FURNITURE_ROLES = frozenset(
    [
        "navigation",
        "banner",
        "contentinfo",
        "menu",
        "menubar",
        "tablist",
        "tab",
        "search",
        "complementary",
        "dialog",
        "toolbar",
    ]
)
_FURNITURE_NAMES = re.compile(
    r"(?:^|[-_\s])(?:nav|navbar|navigation|menu|topmenu|footer|breadcrumbs?|sidebar|tabs?|"
    r"cookies?|banner|modal|popup|share|social|pagination|toolbar|advert|ads)(?:$|[-_\s])",
    re.IGNORECASE,
)
_HIDDEN_STYLE = re.compile(r"display\s*:\s*none|visibility\s*:\s*hidden", re.IGNORECASE)
ACT_LINE = re.compile(r"^Указ Президента Республики Казахстан от \d{1,2} [а-я]+ \d{4} года № \d+")
_PLAIN = re.compile(r"[\s\u00a0]+")
_SENTENCE_END = re.compile(r"[.;:!?]$")
DOMINANT = 0.7
# Elements that hold a paragraph, not paragraphs: the descent stops above them (a layout
# table is descended into, down to the cell that holds the act).
_LEAVES = frozenset(["p", "li", "pre", "blockquote", "h1", "h2", "h3", "h4", "h5", "h6"])


def read(text: str) -> Source:
    tree = parse_html(text)
    if tree is None:
        raise SourceError("страница HTML не читается: в файле нет разметки страницы")
    has_script = bool(tree.xpath("//script"))
    _drop_furniture(tree)
    bodies = tree.xpath("//body")
    body = bodies[0] if bodies else tree
    container = _holding_every_part(body, _dominant(body))

    walker = HtmlWalker()
    inside: list[bool] = []

    def collect(element, within: bool) -> None:
        before = len(walker.blocks)
        walker.walk(element)
        walker.end_block()
        inside.extend([within] * (len(walker.blocks) - before))

    _walk_marking(body, container, collect, walker)
    blocks = walker.blocks
    firsts = [_PLAIN.sub(" ", b.lines[0]).strip() for b in blocks]
    matches = [k for k, line in enumerate(firsts) if ACT_LINE.match(line)]
    if not matches:
        if has_script:
            raise SourceError(
                "в сохранённой странице нет текста акта: сайт загружает его сценарием, а "
                "страница сохранена как «только HTML». Сохраните её в браузере как «веб-страница "
                "полностью» или скопируйте текст акта со страницы в Блокнот и импортируйте .txt"
            )
        raise SourceError("в странице нет текста Указа: не найдена строка «Указ Президента …»")
    act = _act_line(matches, inside)
    keep = [k for k in range(act, len(blocks)) if inside[k] or k == act]
    title = _PLAIN.sub(" ", blocks[act - 1].text).strip() if act else ""
    if title and not _SENTENCE_END.search(title) and len(title) < 300:
        keep.insert(0, act - 1)
    chosen = [replace(blocks[k], line=n) for n, k in enumerate(keep, start=1)]
    return Source(blocks=chosen, format=NAME, unit=PARAGRAPH)


def _act_line(matches: list[int], inside: list[bool]) -> int:
    """Which «Указ Президента … № …» line starts the act: the container's own near its top,
    else the last one just above the container (a page may show it above its tabs)."""
    first_inside = next((k for k, flag in enumerate(inside) if flag), 0)
    own = [k for k in matches if inside[k] and k - first_inside < 10]
    if own:
        return own[0]
    above = [k for k in matches if k < first_inside]
    return above[-1] if above else matches[0]


def _walk_marking(body, container, collect, walker) -> None:
    """Walk the body in order, marking the blocks that come from inside the container."""
    if container is body:
        collect(body, True)
        return
    path = set(container.iterancestors())

    def visit(element) -> None:
        if element is container:
            collect(element, True)
        elif element in path:
            walker.end_block()
            walker._text(element.text, False)
            for child in element:
                visit(child)
            walker.end_block()
            walker._text(element.tail, False)
        else:
            collect(element, False)

    visit(body)


def _is_furniture(element) -> bool:
    tag = tag_of(element)
    if tag in _FURNITURE_TAGS or tag in SKIPPED:
        return True
    if element.get("hidden") is not None or element.get("aria-hidden") == "true":
        return True
    if (element.get("role") or "").lower() in _FURNITURE_ROLES:
        return True
    if _HIDDEN_STYLE.search(element.get("style") or ""):
        return True
    names = f"{element.get('class') or ''} {element.get('id') or ''}"
    return bool(names.strip()) and bool(_FURNITURE_NAMES.search(names))


def _drop_furniture(tree) -> None:
    doomed = [el for el in tree.iter() if tag_of(el) and tag_of(el) != "body" and _is_furniture(el)]
    for element in doomed:
        if element.getparent() is not None:
            element.drop_tree()  # keeps the tail text, which belongs to the parent


_STAMP = re.compile(r"^\s*УТВЕРЖДЕН[АОЫ]?\b")


def _holding_every_part(body, container):
    """The container, or its ancestor that holds every approval stamp of the act: a site that
    wraps each part in its own element lets the Положение alone hold most of the text."""
    stamps = [el for el in body.iter() if tag_of(el) and _STAMP.match(el.text or "")]
    if not stamps:
        return container
    common = set(stamps[0].iterancestors()) | {stamps[0]}
    for stamp in stamps[1:]:
        common &= set(stamp.iterancestors()) | {stamp}
    lowest = next((el for el in stamps[0].iterancestors() if el in common), body)
    return lowest if lowest in set(container.iterancestors()) else container


def _dominant(body):
    """The deepest element holding most of the text, from body down."""
    mass: dict = {}
    for element in reversed(list(body.iter())):
        if not tag_of(element):
            continue
        own = len((element.text or "").strip())
        for child in element:
            own += mass.get(child, 0) + len((child.tail or "").strip())
        mass[element] = own
    node = body
    while True:
        total = mass.get(node, 0)
        heavy = [c for c in node if tag_of(c) and mass.get(c, 0) >= DOMINANT * total]
        if not heavy or total == 0 or tag_of(heavy[0]) in _LEAVES:
            return node
        node = heavy[0]
