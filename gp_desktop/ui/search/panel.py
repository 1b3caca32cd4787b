"""Search as you type: the toolbar field, the exact-form toggle and the list of hits.

The field waits for a pause in typing before it asks the search service (which runs on a
worker thread); Enter asks at once. Each hit shows its citation path and a snippet with the
matched words in bold; choosing one (click, arrow keys, F3 / Shift+F3) asks the window to
show it in the reader with those words highlighted.

Beside the field, the part or chapter to search in (``scope``); above the list, «Искать в
найденном» limits the next searches to the clauses found; below it, under «Найдено не по
всем словам», the best partial matches, each naming the words it lacks.
"""

from __future__ import annotations

import html
import re
import time
from typing import Any

from PySide6 import QtWidgets
from PySide6.QtCore import (
    QModelIndex,
    QPersistentModelIndex,
    QRectF,
    QSize,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtGui import (
    QAbstractTextDocumentLayout,
    QAction,
    QKeySequence,
    QPalette,
    QShortcut,
    QTextDocument,
)
from PySide6.QtWidgets import (
    QApplication,
    QCheckBox,
    QLabel,
    QLineEdit,
    QListView,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QVBoxLayout,
    QWidget,
)

from gp_desktop.corpus.outline import choice_node
from gp_desktop.ui.excerpt.choice import ExcerptChoice
from gp_desktop.ui.look import reader_colours
from gp_desktop.ui.search.scope import ScopeChooser
from gp_desktop.ui.search.service import SearchService
from gp_desktop.ui.widgets.plain_text import plain_tip
from gp_desktop.ui.widgets.record_list import Index, RecordListModel
from gp_desktop.ui.widgets.roles import Role
from gp_desktop.ui.widgets.user_choice import on_user_choice

DEBOUNCE_MS = 300
LIMIT = 100
RESULTS_BATCH = 15
"""Hits sized per pass of the event loop (about 3 ms of layout)."""
SCROLL_RETRY_MS = 10
SCROLL_TRIES = 100
"""A hit chosen before the list has sized it is scrolled to once it has (within a second)."""
_TAG = re.compile(r"(</?b>)")


def safe_snippet(snippet: str) -> str:
    """Only the <b> marks of a snippet survive as markup; anything else is shown as text."""
    parts = _TAG.split(snippet)
    return "".join(p if p in ("<b>", "</b>") else html.escape(html.unescape(p)) for p in parts)


def plain_snippet(snippet: str) -> str:
    return html.unescape(_TAG.sub("", snippet))


PARTIAL_TITLE = "Найдено не по всем словам"
AMONG_TITLE = "Искать в найденном"


def hit_heading(hit: Any) -> str:
    """The line over a hit's snippet: its citation, the words it lacks, a note on the text."""
    parts = [hit.citation]
    missing = getattr(hit, "missing", ())
    if missing:
        parts.append("нет: " + ", ".join(f"«{w}»" for w in missing))
    if getattr(hit, "note", ""):
        parts.append(hit.note)
    return " — ".join(parts)


class SearchResultsModel(RecordListModel):
    """The hits of the last search (``set_records(results.hits)``)."""

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self._choice: ExcerptChoice | None = None

    def attach_choice(self, choice: ExcerptChoice) -> None:
        """Give each hit a check box that ticks its clause for the excerpt."""
        self.beginResetModel()
        self._choice = choice
        self.endResetModel()
        choice.changed.connect(self._on_choice_changed)

    def _on_choice_changed(self, _node_ids: list[str]) -> None:
        if self.records:
            roles = [int(Qt.ItemDataRole.CheckStateRole)]
            self.dataChanged.emit(self.index(0), self.index(len(self.records) - 1), roles)

    def flags(self, index: Index) -> Qt.ItemFlag:
        flags = super().flags(index)
        if index.isValid() and self._choice is not None:
            flags |= Qt.ItemFlag.ItemIsUserCheckable
        return flags

    def setData(self, index: Index, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        hit = self.record(index)
        if hit is None or role != Qt.ItemDataRole.CheckStateRole or self._choice is None:
            return False
        node_id = choice_node(self._choice.corpus, hit.id)
        self._choice.set_chosen(node_id, Qt.CheckState(value) == Qt.CheckState.Checked)
        return True

    def record_data(self, hit: Any, role: int) -> Any:
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            return f"{hit.citation}: {plain_snippet(hit.snippet)}"
        if role == Qt.ItemDataRole.ToolTipRole:
            return hit_heading(hit)
        if role == Qt.ItemDataRole.CheckStateRole:
            if self._choice is None:
                return None
            chosen = choice_node(self._choice.corpus, hit.id) in self._choice
            return Qt.CheckState.Checked if chosen else Qt.CheckState.Unchecked
        if role == Role.CITATION:
            return hit_heading(hit)
        if role == Role.SNIPPET:
            lead = getattr(hit, "lead_in", "")
            return f"{lead} … {hit.snippet}" if lead else hit.snippet
        if role == Role.NODE_ID:
            return hit.id
        if role == Role.KIND:
            return "hit"
        if role == Role.RECORD:
            return hit
        return None


class HitDelegate(QStyledItemDelegate):
    """Citation in small accent letters over the snippet, matched words bold on yellow."""

    PAD = 6

    def _document(
        self, index: QModelIndex, width: float, option: QStyleOptionViewItem, selected=False
    ):
        doc = QTextDocument()
        doc.setDocumentMargin(0)
        doc.setDefaultFont(option.font)
        # On the selection colour the citation takes the selected text's colour to stay legible.
        colours = reader_colours(option.palette)
        cite = "" if selected else f".cite {{ color: {colours.accent.name()}; }}"
        doc.setDefaultStyleSheet(
            f"b {{ background-color: {colours.word.name()}; color: {colours.word_text.name()}; }}"
            f" {cite}"
        )
        cite = html.escape(index.data(Role.CITATION) or "")
        snippet = safe_snippet(index.data(Role.SNIPPET) or "")
        doc.setHtml(f'<div class="cite"><small>{cite}</small></div><div>{snippet}</div>')
        doc.setTextWidth(max(50.0, width))
        return doc

    def paint(self, painter, option: QStyleOptionViewItem, index: QModelIndex) -> None:
        opt = QStyleOptionViewItem(option)
        self.initStyleOption(opt, index)
        opt.text = ""
        style = opt.widget.style() if opt.widget else QApplication.style()
        # QStyle is reached through the module, here and below: imported by name it would be
        # built (twelve enums, 4 ms) before the window's first paint, where no result is drawn.
        style.drawControl(QtWidgets.QStyle.ControlElement.CE_ItemViewItem, opt, painter, opt.widget)
        selected = bool(opt.state & QtWidgets.QStyle.StateFlag.State_Selected)
        text_rect = style.subElementRect(
            QtWidgets.QStyle.SubElement.SE_ItemViewItemText, opt, opt.widget
        )
        doc = self._document(index, text_rect.width() - 2 * self.PAD, opt, selected)
        painter.save()
        painter.translate(text_rect.left() + self.PAD, opt.rect.top() + self.PAD)
        context = QAbstractTextDocumentLayout.PaintContext()
        group = (
            QPalette.ColorGroup.Active
            if opt.state & QtWidgets.QStyle.StateFlag.State_Active
            else QPalette.ColorGroup.Inactive
        )
        colour_role = QPalette.ColorRole.HighlightedText if selected else QPalette.ColorRole.Text
        context.palette.setColor(QPalette.ColorRole.Text, opt.palette.color(group, colour_role))
        context.clip = QRectF(0, 0, opt.rect.width(), opt.rect.height())
        doc.documentLayout().draw(painter, context)
        painter.restore()

    def sizeHint(self, option: QStyleOptionViewItem, index: QModelIndex) -> QSize:
        view = self.parent()
        width = view.viewport().width() if isinstance(view, QListView) else option.rect.width()
        opt = QStyleOptionViewItem(option)
        self.initStyleOption(opt, index)
        opt.rect.setWidth(width)
        style = opt.widget.style() if opt.widget else QApplication.style()
        text_width = style.subElementRect(
            QtWidgets.QStyle.SubElement.SE_ItemViewItemText, opt, opt.widget
        ).width()
        doc = self._document(index, text_width - 2 * self.PAD, option)
        return QSize(int(width), int(doc.size().height()) + 2 * self.PAD + 1)


class SearchPanel(QWidget):
    """The results pane; it also owns the toolbar's search field and exact-form toggle."""

    hit_chosen = Signal(object)
    """A hit was chosen in the list (or by next/previous); the window shows it."""
    results_changed = Signal()
    amendment_chosen = Signal(str)
    """The query named a decree («№ 1125») and the user asked to see it in the timeline."""
    leave_requested = Signal()
    """Escape in the search field: back to the text."""

    def __init__(
        self,
        service: SearchService,
        exact_action: QAction,
        choice: ExcerptChoice | None = None,
        parent: QWidget | None = None,
    ) -> None:
        """``exact_action`` is the checkable «Точная форма» (declared in ``gp_desktop.ui.actions``,
        built by the window, shown on its tool bar): toggling it searches again. With
        ``choice``, each hit has a check box that ticks its clause for the excerpt."""
        super().__init__(parent)
        self.service = service
        self.results: Any = None
        self.last_search_ms = 0.0
        self._asked_at = 0.0
        self._pending_query = ""
        self._generation = 0
        self._suggestion: str | None = None

        self.field = QLineEdit()
        self.field.setObjectName("searchField")
        self.field.setAccessibleName("Поиск по тексту акта")
        self.field.setClearButtonEnabled(True)
        self.field.setMinimumWidth(280)
        self.exact_action = exact_action

        self.status = QLabel()
        self.status.setObjectName("searchStatus")
        self.status.setWordWrap(True)
        self.status.setTextFormat(Qt.TextFormat.RichText)
        self.status.setOpenExternalLinks(False)
        self.status.setTextInteractionFlags(Qt.TextInteractionFlag.LinksAccessibleByMouse)
        self.status.setContentsMargins(6, 4, 6, 4)
        self.status.linkActivated.connect(self._on_link)

        self.scope = ScopeChooser(service.corpus)
        self.scope.currentIndexChanged.connect(lambda _i: self.run_now())
        self.among = QCheckBox(AMONG_TITLE)
        self.among.setObjectName("searchAmong")
        self.among.setToolTip("Следующий поиск — только в пунктах, найденных сейчас")
        self.among.setEnabled(False)
        self.among.toggled.connect(self._on_among)
        self._among_ids: tuple[str, ...] | None = None

        self.model = SearchResultsModel(self)
        if choice is not None:
            self.model.attach_choice(choice)
        self.view = self._hit_list("searchResults", "Результаты поиска", self.model)
        self.partial_model = SearchResultsModel(self)
        self.partial_label = QLabel(f"<b>{PARTIAL_TITLE}</b>")
        self.partial_label.setObjectName("searchPartialTitle")
        self.partial_label.setContentsMargins(6, 4, 6, 2)
        self.partial_view = self._hit_list("searchPartial", PARTIAL_TITLE, self.partial_model)
        self.partial_label.hide()
        self.partial_view.hide()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(self.status)
        layout.addWidget(self.among)
        layout.addWidget(self.view, 2)
        layout.addWidget(self.partial_label)
        layout.addWidget(self.partial_view, 1)

        self._debounce = QTimer(self, singleShot=True, interval=DEBOUNCE_MS)
        self._debounce.timeout.connect(self.run_now)
        self.field.textEdited.connect(self._on_edited)
        self.field.textChanged.connect(self._on_text_changed)
        self.field.returnPressed.connect(self._on_return)
        leave = QShortcut(QKeySequence(Qt.Key.Key_Escape), self.field)
        leave.setContext(Qt.ShortcutContext.WidgetShortcut)
        leave.activated.connect(self.leave_requested)
        self.exact_action.toggled.connect(lambda _on: self.run_now())

        service.ready.connect(self._on_ready)
        service.unavailable.connect(self._on_unavailable)
        service.finished.connect(self._on_finished)
        service.failed.connect(self._on_failed)
        self._set_waiting()

    def _hit_list(self, name: str, accessible: str, model: SearchResultsModel) -> QListView:
        view = QListView()
        view.setObjectName(name)
        view.setAccessibleName(accessible)
        view.setModel(model)
        view.setItemDelegate(HitDelegate(view))
        view.setResizeMode(QListView.ResizeMode.Adjust)
        view.setUniformItemSizes(False)
        # Each hit's height comes from laying out its snippet (0.2 ms); a hundred hits sized
        # at once held the GUI thread for 25-40 ms. In batches the list shows its first hits
        # at once and sizes the rest between events.
        view.setLayoutMode(QListView.LayoutMode.Batched)
        view.setBatchSize(RESULTS_BATCH)
        view.setVerticalScrollMode(QListView.ScrollMode.ScrollPerPixel)
        view.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        on_user_choice(view, self._on_current)
        view.activated.connect(self._on_activated)
        return view

    # -- where -------------------------------------------------------------------------
    @property
    def scope_id(self) -> str:
        """The part or chapter searched in ("" for the whole act)."""
        return self.scope.scope_id

    def set_scope(self, node_id: str) -> None:
        self.scope.set_scope(node_id)

    def _on_among(self, on: bool) -> None:
        hits = self.results.hits + self.results.partial if on and self.results else ()
        self._among_ids = tuple(h.id for h in hits) if on else None
        self.run_now()

    # -- states ------------------------------------------------------------------------
    def _set_waiting(self) -> None:
        self.field.setEnabled(False)
        self.field.setPlaceholderText("Поиск: индекс готовится…")
        self.status.setText("Поисковый индекс готовится; текст акта уже можно читать.")

    def _on_ready(self) -> None:
        self.field.setEnabled(True)
        self.field.setPlaceholderText("Поиск по тексту (Ctrl+F)")
        self.status.setText("Введите слова для поиска: найдутся все их формы.")
        if self.field.text().strip():
            self.run_now()

    def _on_unavailable(self, message: str) -> None:
        self.field.setEnabled(False)
        self.field.setPlaceholderText("Поиск недоступен")
        self.field.setToolTip(plain_tip(message))
        self.status.setText(f"Поиск недоступен: {html.escape(message)}")

    @property
    def ready(self) -> bool:
        return self.service.is_ready

    # -- asking ------------------------------------------------------------------------
    def _on_edited(self, _text: str) -> None:
        self._debounce.start()

    def _on_text_changed(self, text: str) -> None:
        if not text.strip():
            self._debounce.stop()
            self.service.cancel()
            self._show(None)

    def _on_return(self) -> None:
        query = self.field.text().strip()
        if (
            self.results is not None
            and self.results.query == query
            and not self._debounce.isActive()
        ):
            self.choose_row(max(0, self.view.currentIndex().row()))
        else:
            self.run_now()

    def run_now(self) -> None:
        self._debounce.stop()
        query = self.field.text().strip()
        if not query:
            self._show(None)
            return
        if not self.service.is_ready:
            return
        self._pending_query = query
        self._asked_at = time.perf_counter()
        self._generation = self.service.search(
            query, self.exact_action.isChecked(), LIMIT, self.scope_id or None, self._among_ids
        )

    def search(self, query: str) -> None:
        """Type ``query`` into the field and search at once (for other panes and the self-test)."""
        self.field.setText(query)
        self.run_now()

    def _on_link(self, link: str) -> None:
        if link.startswith("suggest:"):
            self.search(self._suggestion or "")
        elif link.startswith("event:"):
            self.amendment_chosen.emit(link.split(":", 1)[1])

    # -- answers -----------------------------------------------------------------------
    def _on_finished(self, generation: int, results: Any, _seconds: float) -> None:
        if generation != self._generation:
            return
        self.last_search_ms = (time.perf_counter() - self._asked_at) * 1000
        self._show(results)

    def _on_failed(self, generation: int, message: str) -> None:
        if generation == self._generation:
            self.status.setText(f"Ошибка поиска: {html.escape(message)}")

    def _show(self, results: Any) -> None:
        self.results = results
        self._suggestion = None
        if results is None:
            self.model.set_records(())
            self.partial_model.set_records(())
            self.partial_label.hide()
            self.partial_view.hide()
            if self.service.is_ready:
                self.status.setText("Введите слова для поиска: найдутся все их формы.")
            self.results_changed.emit()
            return
        self.model.set_records(results.hits)
        partial = getattr(results, "partial", ())
        self.partial_model.set_records(partial)
        self.partial_label.setVisible(bool(partial))
        self.partial_view.setVisible(bool(partial))
        self.among.setEnabled(bool(results.hits or partial) or self.among.isChecked())
        shown, total = len(results.hits), results.total
        query = html.escape(results.query)
        if total == 0:
            text = f"По запросу «{query}» ничего не найдено."
            if results.suggestion:
                self._suggestion = results.suggestion
                text += (
                    f' Возможно, имелось в виду: <a href="suggest:">'
                    f"{html.escape(results.suggestion)}</a>"
                )
        elif shown < total:
            text = f"Найдено фрагментов: {total}, показаны первые {shown}."
        else:
            text = f"Найдено фрагментов: {total}."
        if total == 0 and partial:
            text += f" Ниже — {PARTIAL_TITLE.lower()}."
        if results.exact and total:
            text += " Точная форма слов."
        amendment = getattr(results, "amendment_id", None)
        if amendment:
            text += f' <a href="event:{html.escape(amendment, quote=True)}">Указ в истории изменений</a>'
        self.status.setText(text)
        self.results_changed.emit()

    @property
    def suggestion(self) -> str | None:
        return self._suggestion

    # -- focus -------------------------------------------------------------------------
    def focus(self) -> None:
        """The keyboard focus to the list of hits."""
        self.view.setFocus(Qt.FocusReason.ShortcutFocusReason)

    def focus_field(self) -> None:
        """The caret in the search field, its text selected, ready to be typed over."""
        self.field.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.field.selectAll()

    def current_hit(self) -> Any:
        """The hit of the list's current row, or None."""
        return self.view.currentIndex().data(Role.RECORD)

    def focused_hit(self) -> Any:
        """The current hit while the list has the keyboard focus, else None: what a key such
        as Ctrl+E acts on instead of the clause open in the reader."""
        return self.current_hit() if QApplication.focusWidget() is self.view else None

    # -- choosing ----------------------------------------------------------------------
    def _on_current(self, current: QModelIndex) -> None:
        if current.isValid():
            self.hit_chosen.emit(current.data(Role.RECORD))

    def _on_activated(self, index: QModelIndex) -> None:
        if index.isValid():
            self.hit_chosen.emit(index.data(Role.RECORD))

    def choose_row(self, row: int) -> None:
        if not 0 <= row < self.model.rowCount():
            return
        index = self.model.index(row)
        if self.view.currentIndex() == index:
            self.hit_chosen.emit(index.data(Role.RECORD))
        else:
            self.view.setCurrentIndex(index)
        self._scroll_to(QPersistentModelIndex(index), SCROLL_TRIES)

    def _scroll_to(self, index: QPersistentModelIndex, tries: int) -> None:
        # A row the batched layout has not reached yet has no place to scroll to: try again
        # once the next batches are laid out (a new search drops the old index).
        if not index.isValid():
            return
        row = self.model.index(index.row())
        if self.view.visualRect(row).isValid() or tries <= 0:
            self.view.scrollTo(row)
        else:
            QTimer.singleShot(SCROLL_RETRY_MS, self, lambda: self._scroll_to(index, tries - 1))

    def step(self, delta: int) -> bool:
        """Next (+1) or previous (−1) hit, wrapping around; False when there are no hits."""
        count = self.model.rowCount()
        if count == 0:
            return False
        row = self.view.currentIndex().row()
        row = (0 if delta > 0 else count - 1) if row < 0 else (row + delta) % count
        self.choose_row(row)
        return True

    @property
    def hit_count(self) -> int:
        return self.model.rowCount()
