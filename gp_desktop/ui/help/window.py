"""The help window (F1): the text of ``resources/help/help.md``, searchable as you type.

The text is written once in Russian as Markdown; two parts of it are filled in when the
window opens, so they cannot drift from the program: the table of keys comes from the
window's own actions (their names and shortcuts as they are now), and the folders are the
ones this installation really uses.
"""

from __future__ import annotations

import html
import re
from collections.abc import Iterable
from pathlib import Path

from PySide6.QtCore import QRegularExpression, Qt
from PySide6.QtGui import (
    QAction,
    QKeySequence,
    QShortcut,
    QTextCharFormat,
    QTextCursor,
    QTextDocument,
)
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QTextEdit,
    QVBoxLayout,
    QWidget,
)

from gp_desktop import paths
from gp_desktop.ui.look import reader_colours
from gp_desktop.ui.widgets.action_tips import plain_text, shortcut_text
from gp_desktop.ui.widgets.static_browser import StaticBrowser

HELP_FILE = "help/help.md"


def keys_table(actions: Iterable[QAction]) -> str:
    rows = ["| клавиши | действие |", "|---|---|"]
    for action in actions:
        keys = shortcut_text(action)
        if keys:
            rows.append(f"| {_cell(keys)} | {_cell(plain_text(action))} |")
    return "\n".join(rows)


def folders_table(corpus_path: Path | None) -> str:
    rows = ["| что | где |", "|---|---|"]
    if corpus_path is not None:
        rows.append(f"| текст акта (только чтение) | `{corpus_path}` |")
    rows += [
        f"| поисковый индекс (строится заново, если его нет) | `{paths.user_cache_dir()}` |",
        f"| закладки (`bookmarks.json`) | `{paths.user_data_dir()}` |",
        f"| настройки, расположение окна, выписка (`gp-desktop.ini`) "
        f"| `{paths.user_config_dir()}` |",
    ]
    return "\n".join(rows)


def _cell(text: str) -> str:
    return html.escape(text).replace("|", "&#124;")


def help_markdown(actions: Iterable[QAction], corpus_path: Path | None) -> str:
    text = (paths.resources_dir() / HELP_FILE).read_text(encoding="utf-8")
    return text.replace("{{keys}}", keys_table(actions)).replace(
        "{{folders}}", folders_table(corpus_path)
    )


def help_html(actions: Iterable[QAction], corpus_path: Path | None) -> str:
    # Imported when help is first shown, not with the window: python-markdown costs ~25 ms
    # of every start-up otherwise (-X importtime).
    import markdown

    body = markdown.markdown(help_markdown(actions, corpus_path), extensions=["tables"])
    # Qt's rich text draws no table borders from CSS: give the tables HTML attributes.
    body = body.replace("<table>", '<table border="1" cellspacing="0" cellpadding="4">')
    return f"<html><body>{body}</body></html>"


def find_pattern(text: str) -> str:
    """A regular expression for ``text`` as typed: «е» finds «ё», spaces any run of them."""
    words = text.split()
    parts = [re.escape(w).replace("е", "[её]").replace("ё", "[её]") for w in words]
    return r"\s+".join(parts)


class HelpWindow(QDialog):
    """The help, in a window of its own beside the main one (not modal)."""

    @classmethod
    def show_once(cls, window: HelpWindow | None, *args) -> HelpWindow:
        """Show ``window`` (made from ``args`` the first time), raised, its field focused."""
        if window is None:
            window = cls(*args)
        window.show()
        window.raise_()
        window.activateWindow()
        window.field.setFocus()
        return window

    def __init__(
        self,
        actions: Iterable[QAction],
        corpus_path: Path | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("helpWindow")
        self.setWindowTitle("Справка — gp-desktop")
        self.setAccessibleName("Справка")
        self.browser = StaticBrowser()
        self.browser.setObjectName("helpText")
        self.browser.setAccessibleName("Текст справки")
        self.browser.setHtml(help_html(actions, corpus_path))

        self.field = QLineEdit()
        self.field.setObjectName("helpFind")
        self.field.setClearButtonEnabled(True)
        self.field.setPlaceholderText("слово или часть слова")
        self.field.setAccessibleName("Найти в справке")
        label = QLabel("&Найти в справке:")
        label.setBuddy(self.field)
        self.next_button = QPushButton("&Дальше")
        self.next_button.setObjectName("helpFindNext")
        self.next_button.setToolTip("Следующее место (Enter)")
        self.previous_button = QPushButton("&Раньше")
        self.previous_button.setObjectName("helpFindPrevious")
        self.previous_button.setToolTip("Предыдущее место (Shift+Enter)")
        self.found_label = QLabel()
        self.found_label.setObjectName("helpFound")

        row = QHBoxLayout()
        row.addWidget(label)
        row.addWidget(self.field, 1)
        row.addWidget(self.next_button)
        row.addWidget(self.previous_button)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.button(QDialogButtonBox.StandardButton.Close).setText("&Закрыть")
        buttons.rejected.connect(self.close)
        layout = QVBoxLayout(self)
        layout.addLayout(row)
        layout.addWidget(self.found_label)
        layout.addWidget(self.browser, 1)
        layout.addWidget(buttons)

        self._matches: list[tuple[int, int]] = []
        self.field.textChanged.connect(self._find_all)
        self.field.returnPressed.connect(lambda: self.step(1))
        self.next_button.clicked.connect(lambda: self.step(1))
        self.previous_button.clicked.connect(lambda: self.step(-1))
        back = QShortcut(QKeySequence("Shift+Return"), self.field)
        back.setContext(Qt.ShortcutContext.WidgetShortcut)
        back.activated.connect(lambda: self.step(-1))
        self._update_buttons()
        self.resize(760, 640)

    @property
    def match_count(self) -> int:
        return len(self._matches)

    def find(self, text: str) -> int:
        """Put ``text`` in the field and highlight its places; returns how many there are."""
        self.field.setText(text)
        return self.match_count

    def _find_all(self, text: str) -> None:
        doc: QTextDocument = self.browser.document()
        self._matches = []
        pattern = find_pattern(text)
        if pattern:
            regex = QRegularExpression(
                pattern, QRegularExpression.PatternOption.CaseInsensitiveOption
            )
            cursor = QTextCursor(doc)
            while True:
                cursor = doc.find(regex, cursor)
                if cursor.isNull():
                    break
                self._matches.append((cursor.selectionStart(), cursor.selectionEnd()))
        colours = reader_colours(self.palette())
        selections = []
        for start, end in self._matches:
            selection = QTextEdit.ExtraSelection()
            cursor = QTextCursor(doc)
            cursor.setPosition(start)
            cursor.setPosition(end, QTextCursor.MoveMode.KeepAnchor)
            selection.cursor = cursor
            fmt = QTextCharFormat()
            fmt.setBackground(colours.word)
            fmt.setForeground(colours.word_text)
            selection.format = fmt
            selections.append(selection)
        self.browser.setExtraSelections(selections)
        if not text.strip():
            self.found_label.setText("")
        elif self._matches:
            self.found_label.setText(f"Найдено мест: {len(self._matches)}")
            self._go_to(0)
        else:
            self.found_label.setText(f"«{text.strip()}» в справке не встречается")
        self._update_buttons()

    def _update_buttons(self) -> None:
        for button in (self.next_button, self.previous_button):
            button.setEnabled(bool(self._matches))

    def _go_to(self, number: int) -> None:
        start, end = self._matches[number]
        cursor = QTextCursor(self.browser.document())
        cursor.setPosition(start)
        cursor.setPosition(end, QTextCursor.MoveMode.KeepAnchor)
        self.browser.setTextCursor(cursor)
        self.browser.ensureCursorVisible()
        self._at = number

    def step(self, delta: int) -> None:
        """Go to the next (``delta`` 1) or previous (-1) place, round the end."""
        if not self._matches:
            return
        position = self.browser.textCursor().selectionStart()
        if delta > 0:
            after = [i for i, (s, _e) in enumerate(self._matches) if s > position]
            number = after[0] if after else 0
        else:
            before = [i for i, (s, _e) in enumerate(self._matches) if s < position]
            number = before[-1] if before else len(self._matches) - 1
        self._go_to(number)
        self.found_label.setText(f"Место {number + 1} из {len(self._matches)}")
