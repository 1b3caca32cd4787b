"""Looks (light, dark, high contrast) readable in each; help (F1) complete and searchable."""

from __future__ import annotations

import pytest
from PySide6.QtGui import QAction, QColor, QKeySequence, QPalette
from PySide6.QtWidgets import QApplication

from gp_desktop import paths
from gp_desktop.ui import look
from gp_desktop.ui.help.window import HelpWindow, find_pattern, help_markdown
from gp_desktop.ui.widgets.action_tips import add_shortcut_tips

COLOUR_SETS = [look.LIGHT_COLOURS, look.DARK_COLOURS, look.CONTRAST_COLOURS]


@pytest.mark.parametrize("colours", COLOUR_SETS, ids=["light", "dark", "contrast"])
def test_text_stays_readable_on_every_band_of_every_look(colours):
    text = colours.text
    for band in (colours.current, colours.mark):
        assert look.contrast_ratio(text, band) >= 4.5, band.name()
    for word in (colours.word, colours.first_word):
        assert look.contrast_ratio(colours.word_text, word) >= 4.5, word.name()
    for css in (colours.document.footnote, colours.document.marker, colours.document.badge):
        for band in (colours.current, colours.mark):
            assert look.contrast_ratio(QColor(css), band) >= 3.0, (css, band.name())
    base = {"light": QColor("#ffffff"), "dark": QColor("#1e1e1e"), "contrast": QColor("#000000")}
    page = base[
        "light"
        if colours is look.LIGHT_COLOURS
        else "dark"
        if colours is look.DARK_COLOURS
        else "contrast"
    ]
    assert look.contrast_ratio(colours.accent, page) >= 4.5
    assert look.contrast_ratio(colours.text, page) >= 7
    # The bars beside the text stand out from the page.
    for bar in (colours.amend_bar, colours.current_bar, colours.focus):
        assert look.contrast_ratio(bar, colours.current) >= 1.8, bar.name()


def test_the_palette_decides_the_reader_colours():
    assert look.reader_colours(look._dark_palette()) is look.DARK_COLOURS
    assert look.reader_colours(look._contrast_palette()) is look.CONTRAST_COLOURS
    light = QPalette()
    light.setColor(QPalette.ColorRole.Base, QColor("#ffffff"))
    light.setColor(QPalette.ColorRole.Text, QColor("#000000"))
    assert look.reader_colours(light) is look.LIGHT_COLOURS


@pytest.fixture
def app_look(qapp):
    chosen = look.Look(qapp)
    yield chosen
    chosen.set_look(look.SYSTEM)
    chosen.set_font_size(0)


def test_dark_and_contrast_looks_repaint_the_reader(app_look, qtbot, corpus):
    from gp_desktop.ui.reader.view import Reader

    reader = Reader(corpus, 12)
    qtbot.addWidget(reader)
    assert reader.colours is look.LIGHT_COLOURS
    app_look.set_look(look.DARK)
    qtbot.waitUntil(lambda: reader.colours is look.DARK_COLOURS)
    assert "#e8e8e8" in reader.document().defaultStyleSheet()
    app_look.set_look(look.CONTRAST)
    qtbot.waitUntil(lambda: reader.colours is look.CONTRAST_COLOURS)
    app_look.set_look(look.SYSTEM)
    qtbot.waitUntil(lambda: reader.colours is look.LIGHT_COLOURS)


def test_window_font_size_reaches_every_widget(app_look, qapp):
    app_look.set_font_size(16)
    assert QApplication.font().pointSize() == 16
    app_look.set_font_size(0)
    assert QApplication.font().pointSize() != 16 or look._SYSTEM["font"].pointSize() == 16


def _actions():
    find = QAction("&Найти…")
    find.setShortcut(QKeySequence("Ctrl+F"))
    goto = QAction("Перейти к &пункту…")
    goto.setShortcut(QKeySequence("Ctrl+L"))
    return [find, goto, QAction("&О программе")]


def test_help_names_keys_syntax_marks_folders_and_updating(qtbot, user_dirs):
    actions = _actions()
    text = help_markdown(actions, paths.bundled_corpus())
    for section in ("## Клавиши", "## Поиск", "## Отметки и цвета", "## Где хранятся файлы"):
        assert section in text
    assert "## Как обновить текст акта" in text and "build-corpus" in text
    assert "| Ctrl+F | Найти |" in text and "| Ctrl+L | Перейти к пункту |" in text
    assert str(paths.user_data_dir()) in text and str(paths.user_config_dir()) in text
    assert "{{" not in text
    for example in ('"международное сотрудничество"', "OR", "-военный", "правоохран*", "п. 19"):
        assert example in text


def test_help_window_finds_words_and_says_when_it_cannot(qtbot, user_dirs):
    window = HelpWindow(_actions(), paths.bundled_corpus())
    qtbot.addWidget(window)
    window.show()
    assert window.find("выписк") >= 3
    first = window.browser.textCursor().selectionStart()
    window.step(1)
    assert window.browser.textCursor().selectionStart() > first
    assert "Место 2" in window.found_label.text()
    assert window.find("Ещё") == window.find("еще")  # ё as е
    assert window.find("жирафа") == 0
    assert "не встречается" in window.found_label.text()
    assert not window.next_button.isEnabled()


def test_find_pattern_reads_the_text_literally():
    assert find_pattern("п. 19") == r"п\.\s+19"
    assert find_pattern("  ") == ""


def test_every_shortcut_is_named_in_its_tooltip():
    actions = _actions()
    actions[1].setToolTip("Например: 19, п. 19")
    add_shortcut_tips(actions)
    assert actions[0].toolTip() == "Найти (Ctrl+F)"
    assert actions[1].toolTip() == "Например: 19, п. 19 (Ctrl+L)"
    add_shortcut_tips(actions)  # twice: still once
    assert actions[0].toolTip() == "Найти (Ctrl+F)"
