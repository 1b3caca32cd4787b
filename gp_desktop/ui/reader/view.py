"""The reader: the whole act as formatted text, with the current clause, marks and hits shown.

The act is one document (a few hundred nodes render in a few tens of milliseconds), so the
reader scrolls rather than pages. A corpus far longer than the act (a hundred thousand
nodes would take minutes to lay out) is shown a window of ``WINDOW_NODES`` at a time, moved
to wherever the user goes, with links to the nodes before and after it. After loading, every
text block is mapped to the node whose anchor opened it; that map turns scroll positions and
clicks into node ids and node ids into the blocks to tint. Nothing is ever fetched
(``StaticBrowser``).

Comparing editions (``show_comparison``), the reader shows the comparison's document
(``corpus/diff_html.py``) in place of the act until ``leave_comparison``: the same style sheet,
zoom and looks; its blocks are mapped to the changes by their anchors, the current change is
banded, and a click on a change says which (``change_clicked``).
"""

from __future__ import annotations

import bisect
from collections.abc import Iterable

from PySide6.QtCore import QEvent, QPoint, QPointF, QRectF, Qt, QTimer, QUrl, Signal
from PySide6.QtGui import (
    QAction,
    QContextMenuEvent,
    QFocusEvent,
    QFont,
    QHelpEvent,
    QKeyEvent,
    QMouseEvent,
    QPainter,
    QPaintEvent,
    QTextBlock,
    QTextCharFormat,
    QTextCursor,
    QTextDocument,
)
from PySide6.QtWidgets import QTextBrowser, QTextEdit, QToolTip, QWidget

from gp_desktop.corpus import model as m
from gp_desktop.corpus.act_html import AMEND_SCHEME, SERIF_FAMILIES, document_html, style_sheet
from gp_desktop.corpus.diff_html import change_of_anchor
from gp_desktop.corpus.outline import tree_node_id
from gp_desktop.corpus.reader import Corpus
from gp_desktop.corpus.titles import amendment_note
from gp_desktop.ui.look import ReaderColours, reader_colours
from gp_desktop.ui.widgets.focus_frame import OWN_RULE
from gp_desktop.ui.widgets.plain_text import plain_tip
from gp_desktop.ui.widgets.static_browser import StaticBrowser

MARGIN = 34
PAGE_EMS = 58
"""The text column's width in font sizes (about 80 characters of the serif)."""
SCROLL_MARGIN = 0
"""Pixels left above a node scrolled to the top (its block's own top margin already is)."""
_BAR_WIDTH = 3
WINDOW_NODES = 1000
"""Nodes laid out at once: the whole act (about 450) and then some; beyond, a window
(Qt's setHtml grows with the square of the blocks: 1000 nodes take 0.1 s, 4000 take 1.5 s)."""
WINDOW_SCHEME = "gp-window"
_WINDOW_STARTS = (m.PART, m.CHAPTER, m.CLAUSE)


def _window_link(direction: str, text: str) -> str:
    return f'<p class="window"><a href="{WINDOW_SCHEME}:{direction}">{text}</a></p>'


_FOCUS_WIDTH = 3
MIN_WIDTH = 360
"""The text never narrower, so the panes cannot squeeze it away (an 800-pixel screen still fits)."""


class Reader(StaticBrowser):
    node_clicked = Signal(str)
    """The user clicked in a node's text; the id is the tree row that stands for it."""
    node_pointed = Signal(str)
    """The exact node (a paragraph, a footnote) a context menu was opened on."""
    visible_node_changed = Signal(str)
    """The node at the top of the view changed by scrolling (settled, not every pixel)."""
    amendment_clicked = Signal(str)
    """The «изм.» badge of a node was clicked."""
    change_clicked = Signal(int)
    """Comparing editions: the user clicked in the text of this change (its index)."""

    def __init__(self, corpus: Corpus, font_size: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setProperty(OWN_RULE, True)  # its rules down the sides (paintEvent)
        self.corpus = corpus
        self._font_size = font_size
        self.colours: ReaderColours = reader_colours(self.palette())
        """The bands, marks and text colours in use, drawn from the palette (look.py)."""
        self._current = ""
        self._marked: frozenset[str] = frozenset()
        self._words: tuple[str, ...] = ()
        self._words_node = ""
        self._word_ranges: list[tuple[int, int]] = []
        self._block_node: list[str] = []
        self._block_starts: list[int] = []
        self._first_block: dict[str, int] = {}
        self._amended = frozenset(
            link.node_id
            for link in corpus.node_amendments
            if link.node_id in corpus.by_id and corpus.by_id[link.node_id].kind != m.PART
        )
        self.setTextInteractionFlags(
            Qt.TextInteractionFlag.TextSelectableByMouse
            | Qt.TextInteractionFlag.TextSelectableByKeyboard
            | Qt.TextInteractionFlag.LinksAccessibleByMouse
        )
        # One stop in the Tab order: Tab leaves the text instead of walking its dozens of
        # «изм.» links; the marks have their own key (Enter: the decrees of the current clause).
        self.setTabChangesFocus(True)
        self.setAccessibleName("Текст акта")
        self.setAccessibleDescription("Текст Указа и Положения; выделен текущий пункт")
        self.setFrameShape(QTextBrowser.Shape.NoFrame)
        self.setMinimumWidth(MIN_WIDTH)  # the panes around may not squeeze the text away
        self.anchorClicked.connect(self._on_anchor)
        self._scroll_settle = QTimer(self, singleShot=True, interval=150)
        self._scroll_settle.timeout.connect(self._report_visible)
        self.verticalScrollBar().valueChanged.connect(lambda _v: self._scroll_settle.start())
        self._placed_at = -1
        self._scroll_target = ""
        self._order = {n.id: k for k, n in enumerate(corpus.nodes)}
        self._window = (0, min(len(corpus.nodes), WINDOW_NODES))
        self.context_actions: list[QAction] = []
        """The window's actions offered in the context menu after the standard ones."""
        self._comparison: str | None = None
        self._change_blocks: dict[int, tuple[int, int]] = {}
        self._current_change = -1
        self._load()

    # -- loading -------------------------------------------------------------------------
    def _load(self) -> None:
        doc = self.document()
        doc.setDocumentMargin(MARGIN)
        font = QFont()
        font.setFamilies(list(SERIF_FAMILIES))
        font.setPointSize(self._font_size)
        doc.setDefaultFont(font)
        doc.setDefaultStyleSheet(style_sheet(self._font_size, self.colours.document))
        start, end = self._window
        if self._comparison is not None:
            html = self._comparison
        else:
            html = document_html(self.corpus, self.corpus.nodes[start:end])
            if start > 0:
                link = _window_link("prev", "↑ Предыдущие пункты")
                html = html.replace("<body>", f"<body>{link}", 1)
            if end < len(self.corpus.nodes):
                link = _window_link("next", "↓ Следующие пункты")
                html = html.replace("</body>", f"{link}</body>")
        self.setHtml(html)
        self._fit_page()
        self._map_blocks()
        self._refresh_selections()

    def _map_blocks(self) -> None:
        """Which node each block belongs to: the last anchor met, in document order."""
        self._block_node = []
        self._first_block = {}
        self._change_blocks = {}
        current = self.corpus.nodes[self._window[0]].id
        block = self.document().begin()
        while block.isValid():
            it = block.begin()
            while not it.atEnd():
                fmt = it.fragment().charFormat()
                if fmt.isAnchor():
                    for name in fmt.anchorNames():
                        if name in self.corpus.by_id and name not in self._first_block:
                            self._first_block[name] = block.blockNumber()
                            current = name
                        elif (change := change_of_anchor(name)) is not None:
                            number = block.blockNumber()
                            first, _last = self._change_blocks.get(change, (number, number))
                            self._change_blocks[change] = (first, number)
                it += 1
            self._block_node.append(current)
            block = block.next()
        self._block_starts = sorted(self._first_block.values())
        self._ranges: dict[str, tuple[int, int] | None] = {}

    # -- comparing editions --------------------------------------------------------------
    @property
    def comparing(self) -> bool:
        return self._comparison is not None

    def show_comparison(self, html: str) -> None:
        """Show a comparison of editions (``diff_html.comparison_html``) in place of the act."""
        self._comparison = html
        self._current_change = -1
        self._load()
        self.verticalScrollBar().setValue(0)

    def leave_comparison(self) -> None:
        """The act again, at the node that was current."""
        if self._comparison is None:
            return
        self._comparison = None
        self._current_change = -1
        self._load()
        if self._current:
            self._scroll_to(self._current, None)

    @property
    def change_count(self) -> int:
        """Changes in the comparison shown (0 when the act is)."""
        return len(self._change_blocks)

    @property
    def current_change(self) -> int:
        return self._current_change

    def change_blocks(self, index: int) -> tuple[int, int] | None:
        """The first and last block of change ``index`` of the comparison shown."""
        return self._change_blocks.get(index)

    def change_at_block(self, number: int) -> int:
        """The change whose text holds block ``number``, or -1."""
        for change, (first, last) in self._change_blocks.items():
            if first <= number <= last:
                return change
        return -1

    def show_change(self, index: int) -> None:
        """Scroll to change ``index`` of the comparison and band it."""
        span = self._change_blocks.get(index)
        if span is None:
            return
        self._current_change = index
        self.setTextCursor(QTextCursor(self.document().findBlockByNumber(span[0])))
        self._scroll_to_top(self._block_top(span[0]), SCROLL_MARGIN + 8)

    # -- ranges of blocks ----------------------------------------------------------------
    def _own_range(self, node_id: str) -> tuple[int, int] | None:
        first = self._first_block.get(node_id)
        if first is None:
            return None
        after = bisect.bisect_right(self._block_starts, first)
        last = (
            self._block_starts[after] - 1
            if after < len(self._block_starts)
            else len(self._block_node) - 1
        )
        return first, max(first, last)

    def block_range(self, node_id: str) -> tuple[int, int] | None:
        """First and last block of the node with everything it contains (parts: heading only)."""
        if node_id not in self._ranges:
            self._ranges[node_id] = self._subtree_range(node_id)
        return self._ranges[node_id]

    def _subtree_range(self, node_id: str) -> tuple[int, int] | None:
        own = self._own_range(node_id)
        node = self.corpus.by_id.get(node_id)
        if own is None or node is None or node.kind == m.PART:
            return own
        last_node = self.corpus.subtree(node_id)[-1]
        end = self._own_range(last_node.id)
        if end is None:  # the node goes on past the window
            return own[0], len(self._block_node) - 1
        return own[0], end[1]

    def node_at_block(self, number: int) -> str:
        if 0 <= number < len(self._block_node):
            return self._block_node[number]
        return ""

    def node_at(self, pos: QPoint) -> str:
        """The node whose text is at ``pos`` (viewport coordinates)."""
        return self.node_at_block(self.cursorForPosition(pos).blockNumber())

    # -- what is shown -------------------------------------------------------------------
    @property
    def current_node(self) -> str:
        return self._current

    @property
    def marked_nodes(self) -> frozenset[str]:
        """The nodes banded as marked by the timeline."""
        return self._marked

    @property
    def font_size(self) -> int:
        return self._font_size

    @property
    def highlighted_words(self) -> list[str]:
        """The text of every highlighted hit word, in order (for tests and the status bar)."""
        doc = self.document()
        result = []
        for start, end in self._word_ranges:
            cursor = QTextCursor(doc)
            cursor.setPosition(start)
            cursor.setPosition(end, QTextCursor.MoveMode.KeepAnchor)
            result.append(cursor.selectedText())
        return result

    def top_node(self) -> str:
        return self.node_at(QPoint(MARGIN + 4, SCROLL_MARGIN + 6))

    def show_node(self, node_id: str, words: Iterable[str] = ()) -> None:
        """Scroll to the node, make it current and highlight ``words`` in it."""
        if node_id not in self.corpus.by_id:
            return
        self._ensure_shown(node_id)
        self._current = tree_node_id(self.corpus, node_id)
        self._words = tuple(w for w in words if w)
        self._words_node = node_id
        self._scroll_target = node_id
        self._refresh_selections()
        # The caret goes there too: QTextEdit scrolls back to its caret on relayout, and
        # keyboard reading and selection should start where the user was taken.
        first_word = self._first_word_position()
        cursor = QTextCursor(self.block_of(node_id))
        if first_word is not None:
            cursor.setPosition(first_word)
        self.setTextCursor(cursor)
        self._scroll_to(node_id, first_word)

    def clear_words(self) -> None:
        self._words = ()
        self._refresh_selections()

    @property
    def marked(self) -> frozenset[str]:
        """The nodes marked by the timeline (``set_marked``), painted with a band."""
        return self._marked

    @property
    def amended(self) -> frozenset[str]:
        """The nodes a decree changed (their footnotes say so), painted with a bar."""
        return self._amended

    def set_marked(self, node_ids: Iterable[str]) -> None:
        self._marked = frozenset(node_ids)
        self._refresh_selections()

    def zoom(self, delta: int, smallest: int, largest: int) -> int:
        """Make the text ``delta`` points larger within [smallest, largest]; the size now."""
        size = max(smallest, min(largest, self.font_size + delta))
        if size != self.font_size:
            self.set_font_size(size)
        return size

    def set_font_size(self, size: int) -> None:
        """Re-lay the act in another size, keeping the same node at the top."""
        self._font_size = size
        self._reload()

    def _reload(self) -> None:
        top = self.top_node()
        self._load()
        if top:
            self._scroll_to(top, None)

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() in (QEvent.Type.PaletteChange, QEvent.Type.ApplicationPaletteChange):
            colours = reader_colours(self.palette())
            if colours != self.colours:
                self.colours = colours
                self._reload()  # the act's text colours live in its style sheet

    def _block_top(self, number: int) -> float:
        block = self.document().findBlockByNumber(number)
        return self.document().documentLayout().blockBoundingRect(block).top()

    def _scroll_to(
        self, node_id: str, word_position: int | None, margin: int = SCROLL_MARGIN
    ) -> None:
        span = self._own_range(node_id)
        if span is None:
            return
        top = self._block_top(span[0])
        if word_position is not None:
            # Keep the node's start in view unless the hit is further down than one screen.
            cursor = QTextCursor(self.document())
            cursor.setPosition(word_position)
            word_top = self._block_top(cursor.blockNumber())
            if word_top - top > self.viewport().height() * 0.6:
                top = word_top - self.viewport().height() // 3
        self._scroll_to_top(top, margin)

    def _scroll_to_top(self, top: float, margin: int) -> None:
        # Qt lays long documents out lazily, up to what was asked for, and finishes in idle
        # time; meanwhile the scroll range is an estimate. A screen of text laid out below the
        # target is enough to scroll there; only near the end must all of it be laid out for
        # the range to be right (the whole act: ~10 ms that the first paint need not wait for).
        doc = self.document()
        layout = doc.documentLayout()
        below = top + self.viewport().height()
        reached = doc.findBlock(layout.hitTest(QPointF(0, below), Qt.HitTestAccuracy.FuzzyHit))
        bar = self.verticalScrollBar()
        highest = bar.maximum()
        if layout.blockBoundingRect(reached).bottom() < below:
            # The scroll bar takes the finished size in a zero timer; clamp to it now, or the
            # view would move when it does and that move be taken for the user's scrolling.
            layout.blockBoundingRect(doc.lastBlock())
            highest = min(highest, int(layout.documentSize().height()) - self.viewport().height())
        # The settle timer this starts must not report the move back as the user's scrolling.
        target = max(bar.minimum(), min(highest, int(top) - margin))
        self._placed_at = target
        bar.setValue(target)
        self.viewport().update()

    # -- tints: current node, timeline marks, hit words ----------------------------------
    def _find_words(self) -> list[tuple[int, int]]:
        if not self._words:
            return []
        span = self.block_range(self._words_node)
        if span is None:
            return []
        doc = self.document()
        start = doc.findBlockByNumber(span[0]).position()
        last = doc.findBlockByNumber(span[1])
        end = last.position() + last.length()
        found: set[tuple[int, int]] = set()
        flags = QTextDocument.FindFlag.FindWholeWords
        for word in self._words:
            cursor = QTextCursor(doc)
            cursor.setPosition(start)
            while True:
                cursor = doc.find(word, cursor, flags)
                if cursor.isNull() or cursor.selectionStart() >= end:
                    break
                found.add((cursor.selectionStart(), cursor.selectionEnd()))
        return sorted(found)

    def _first_word_position(self) -> int | None:
        return self._word_ranges[0][0] if self._word_ranges else None

    def _refresh_selections(self) -> None:
        # Marks and the current node are painted as bands under the text (paintEvent);
        # only the hit words are character selections.
        selections = []
        self._word_ranges = self._find_words()
        for i, (start, end) in enumerate(self._word_ranges):
            selection = QTextEdit.ExtraSelection()
            cursor = QTextCursor(self.document())
            cursor.setPosition(start)
            cursor.setPosition(end, QTextCursor.MoveMode.KeepAnchor)
            selection.cursor = cursor
            fmt = QTextCharFormat()
            fmt.setBackground(self.colours.first_word if i == 0 else self.colours.word)
            fmt.setForeground(self.colours.word_text)
            selection.format = fmt
            selections.append(selection)
        self.setExtraSelections(selections)
        self.viewport().update()

    # -- margin bars for amended nodes and the current one -------------------------------
    def _visible_spans(self, node_ids: Iterable[str]) -> Iterable[tuple[str, QRectF]]:
        return self._visible_blocks((n, self.block_range(n)) for n in node_ids)

    def _visible_blocks(
        self, spans: Iterable[tuple[str, tuple[int, int] | None]]
    ) -> Iterable[tuple[str, QRectF]]:
        layout = self.document().documentLayout()
        offset = self.verticalScrollBar().value()
        height = self.viewport().height()
        doc = self.document()
        # Only blocks on screen are measured: asking where a block further down lies would
        # lay the act out down to it, and the first paint need not wait for that.
        first = max(0, self.cursorForPosition(QPoint(MARGIN, 0)).blockNumber() - 1)
        last = self.cursorForPosition(QPoint(MARGIN, height)).blockNumber() + 1
        for node_id, span in spans:
            if span is None or span[1] < first or span[0] > last:
                continue
            if span[0] >= first:
                top = layout.blockBoundingRect(doc.findBlockByNumber(span[0])).top() - offset
            else:
                top = -1.0
            if span[1] <= last:
                bottom = layout.blockBoundingRect(doc.findBlockByNumber(span[1])).bottom() - offset
            else:
                bottom = height + 1.0
            if bottom < 0 or top > height:
                continue
            yield node_id, QRectF(0, top, 0, bottom - top)

    def paintEvent(self, event: QPaintEvent) -> None:
        # Bands first, under the text: one continuous band per marked or current node reads
        # better than per-line selections, which leave the indents and the gaps white.
        width = self.viewport().width()
        if self._comparison is not None:
            self._paint_change(width)
            super().paintEvent(event)
            self._paint_focus(width)
            return
        painter = QPainter(self.viewport())
        for _, rect in self._visible_spans(self._marked):
            painter.fillRect(
                QRectF(MARGIN - 6, rect.top(), width - 2 * MARGIN + 12, rect.height()),
                self.colours.mark,
            )
        if self._current and self._current not in self._marked:
            for _, rect in self._visible_spans([self._current]):
                painter.fillRect(
                    QRectF(MARGIN - 6, rect.top(), width - 2 * MARGIN + 12, rect.height()),
                    self.colours.current,
                )
        painter.end()
        super().paintEvent(event)
        painter = QPainter(self.viewport())
        for _, rect in self._visible_spans(self._amended):
            painter.fillRect(
                QRectF(MARGIN - 14, rect.top() + 2, _BAR_WIDTH, rect.height() - 4),
                self.colours.amend_bar,
            )
        if self._current:
            for _, rect in self._visible_spans([self._current]):
                painter.fillRect(
                    QRectF(MARGIN - 6, rect.top(), _BAR_WIDTH + 1, rect.height()),
                    self.colours.current_bar,
                )
        painter.end()
        self._paint_focus(width)

    def _paint_change(self, width: int) -> None:
        """Comparing: the current change banded, with the bar of the current node."""
        span = self._change_blocks.get(self._current_change)
        painter = QPainter(self.viewport())
        for _, rect in self._visible_blocks([("", span)]):
            painter.fillRect(
                QRectF(MARGIN - 6, rect.top(), width - 2 * MARGIN + 12, rect.height()),
                self.colours.current,
            )
            painter.fillRect(
                QRectF(MARGIN - 6, rect.top(), _BAR_WIDTH + 1, rect.height()),
                self.colours.current_bar,
            )
        painter.end()

    def _paint_focus(self, width: int) -> None:
        if self.hasFocus():
            # The focus stays visible: a rule down each side of the text (not across the top
            # and bottom, where it would hide the bands of the clauses running past them).
            painter = QPainter(self.viewport())
            height = self.viewport().height()
            painter.fillRect(QRectF(0, 0, _FOCUS_WIDTH, height), self.colours.focus)
            painter.fillRect(
                QRectF(width - _FOCUS_WIDTH, 0, _FOCUS_WIDTH, height), self.colours.focus
            )
            painter.end()

    # -- tooltips, clicks, scrolling -----------------------------------------------------
    def amended_owner(self, node_id: str) -> str:
        """The node itself or the nearest enclosing clause a decree changed, or ""."""
        node = self.corpus.by_id.get(node_id)
        if node is None:
            return ""
        if node.kind == m.PART:
            return node_id if self.corpus.amendments_of(node_id) else ""
        for candidate in [node_id, *(a.id for a in reversed(self.corpus.ancestors(node_id)))]:
            if candidate in self._amended:
                return candidate
        return ""

    def tooltip_at(self, pos: QPoint) -> str:
        anchor = self.anchorAt(pos)
        if anchor.startswith(f"{AMEND_SCHEME}:"):
            return amendment_note(self.corpus, anchor.split(":", 1)[1])
        if pos.x() < MARGIN:
            node_id = self.node_at(QPoint(MARGIN + 4, pos.y()))
            owner = self.amended_owner(node_id) if node_id else ""
            if owner:
                return amendment_note(self.corpus, owner)
        return ""

    def viewportEvent(self, event: QEvent) -> bool:
        if event.type() == QEvent.Type.ToolTip:
            help_event: QHelpEvent = event  # type: ignore[assignment]
            text = self.tooltip_at(help_event.pos())
            if text:
                QToolTip.showText(help_event.globalPos(), plain_tip(text), self.viewport())
            else:
                QToolTip.hideText()
                event.ignore()
            return True
        return super().viewportEvent(event)

    def contextMenuEvent(self, event: QContextMenuEvent) -> None:
        # The clause under the pointer becomes current first, so «в закладки» means it.
        node_id = self.node_at(event.pos())
        if node_id:
            self.node_pointed.emit(node_id)
        if node_id and not self.textCursor().hasSelection():
            self._current = tree_node_id(self.corpus, node_id)
            self._refresh_selections()
            self.node_clicked.emit(self._current)
        menu = self.createStandardContextMenu()
        if self.context_actions:
            menu.addSeparator()
            menu.addActions(self.context_actions)
        menu.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        menu.popup(event.globalPos())

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and not event.modifiers():
            owner = self.amended_owner(self._current) if self._current else ""
            if owner:
                self.amendment_clicked.emit(owner)
                return
        super().keyPressEvent(event)

    def focusInEvent(self, event: QFocusEvent) -> None:
        super().focusInEvent(event)
        self.viewport().update()  # the focus frame

    def focusOutEvent(self, event: QFocusEvent) -> None:
        super().focusOutEvent(event)
        self.viewport().update()

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        super().mouseReleaseEvent(event)
        if event.button() != Qt.MouseButton.LeftButton or self.textCursor().hasSelection():
            return
        if self.anchorAt(event.position().toPoint()):
            return
        if self._comparison is not None:
            change = self.change_at_block(
                self.cursorForPosition(event.position().toPoint()).blockNumber()
            )
            if change >= 0:
                self._current_change = change
                self.viewport().update()
                self.change_clicked.emit(change)
            return
        node_id = self.node_at(event.position().toPoint())
        if node_id:
            self._current = tree_node_id(self.corpus, node_id)
            self._refresh_selections()
            self.node_clicked.emit(self._current)

    def _on_anchor(self, url: QUrl) -> None:
        if url.scheme() == AMEND_SCHEME:
            self.amendment_clicked.emit(url.path())
        elif url.scheme() == WINDOW_SCHEME:
            start, end = self._window
            nodes = self.corpus.nodes
            if url.path() == "prev" and start > 0:
                self._move_window(start - 1, at_end=True)
                target = nodes[start - 1].id
            elif url.path() == "next" and end < len(nodes):
                self._move_window(end)
                target = nodes[end].id
            else:
                return
            self._current = tree_node_id(self.corpus, target)
            self._refresh_selections()
            self._scroll_to(target, None)
            self.node_clicked.emit(self._current)

    # -- the window on a long corpus -----------------------------------------------------
    @property
    def shown_range(self) -> tuple[int, int]:
        """The nodes laid out now: ``corpus.nodes[start:end]`` (all of them for the act)."""
        return self._window

    def _ensure_shown(self, node_id: str) -> None:
        index = self._order[node_id]
        if not self._window[0] <= index < self._window[1]:
            self._move_window(index)

    def _move_window(self, index: int, at_end: bool = False) -> None:
        """Lay out the window that holds node ``index``: starting a little before it (or,
        ``at_end``, ending with it), at the start of a clause, chapter or part."""
        nodes = self.corpus.nodes
        wanted = index - WINDOW_NODES + WINDOW_NODES // 10 if at_end else index - WINDOW_NODES // 10
        start = max(0, wanted)
        earliest = max(0, start - 200)
        while start > earliest and nodes[start].kind not in _WINDOW_STARTS:
            start -= 1
        end = min(len(nodes), start + WINDOW_NODES)
        if (start, end) == self._window:
            return
        self._window = (start, end)
        self._load()

    def _fit_page(self) -> None:
        """Lines of a readable length: past that width the page is centred between margins."""
        page = round(self._font_size * PAGE_EMS) + 2 * MARGIN
        bar = self.verticalScrollBar().sizeHint().width()
        side = max(0, (self.width() - bar - page) // 2)
        if self.viewportMargins().left() != side:
            self.setViewportMargins(side, 0, side, 0)

    def resizeEvent(self, event) -> None:
        # Re-wrapping moves the text: keep the node that was at the top (or was asked for).
        keep = self._scroll_target or self.top_node()
        self._fit_page()
        super().resizeEvent(event)
        if keep:
            self._scroll_to(keep, self._first_word_position() if self._scroll_target else None)

    def _report_visible(self) -> None:
        if self.verticalScrollBar().value() == self._placed_at:
            return  # where we put it, not where the user scrolled to
        self._placed_at = -1
        self._scroll_target = ""
        node_id = self.top_node()
        if node_id:
            self.visible_node_changed.emit(tree_node_id(self.corpus, node_id))

    def block_of(self, node_id: str) -> QTextBlock:
        """The first block of ``node_id`` (the window's first block if it is not laid out)."""
        return self.document().findBlockByNumber(self._first_block.get(node_id, 0))
