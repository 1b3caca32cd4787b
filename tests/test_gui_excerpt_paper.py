"""The выписка's paper in the real window: preferences, the act printed and exported, the save
dialog's folder and name, Qt's dialogs in Russian."""

from __future__ import annotations

import re
from pathlib import Path

import docx
from conftest import pdf_text, when_shown
from PySide6.QtCore import QDate, QLibraryInfo, QLocale
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import (
    QAbstractButton,
    QApplication,
    QFileDialog,
    QGroupBox,
    QLabel,
    QTabWidget,
    QWidget,
)

from gp_desktop.excerpt.files import NAME_LIMIT_BYTES
from gp_desktop.ui import settings as keys
from gp_desktop.ui.excerpt import printing
from gp_desktop.ui.excerpt.act_output import ActPartDialog
from gp_desktop.ui.excerpt.preferences import ExcerptPreferencesDialog, paper_from


def test_preferences_set_the_paper_and_the_certification(window, qtbot):
    window.choice.set_chosen("polozhenie/p-19/pp-8", True)
    assert window.excerpt_panel.excerpt.paper == paper_from(None)  # the official paper
    window.actions["excerpt_preferences"].trigger()
    dialog = window.findChild(ExcerptPreferencesDialog)
    qtbot.waitUntil(dialog.isVisible)
    assert (dialog.family.currentText(), dialog.size.value()) == ("Times New Roman", 14)
    assert [b.value() for b in (dialog.left, dialog.top, dialog.right, dialog.bottom)] == [
        30,
        20,
        15,
        20,
    ]
    dialog.left.setValue(25)
    dialog.size.setValue(13)
    dialog.certify.setChecked(True)
    dialog.position.setText("Главный специалист")
    dialog.name.setText("Ә. Қ. Серікбаев")
    dialog.accept()
    excerpt = window.excerpt_panel.excerpt
    assert excerpt.paper.margins_mm[0] == 25 and excerpt.paper.point_size == 13
    assert "Выписка верна\nГлавный специалист _______________ Ә. Қ. Серікбаев" in excerpt.text
    assert "Выписка верна" in window.excerpt_panel.preview_view.toPlainText()
    assert window.settings.get(keys.EXCERPT_MARGINS) == "25 20 15 20"
    assert window.settings.get(keys.CERTIFY_NAME) == "Ә. Қ. Серікбаев"
    # «По умолчанию» brings the official paper back.
    window.actions["excerpt_preferences"].trigger()
    dialog = window.preferences_dialog
    qtbot.waitUntil(dialog.isVisible)
    assert dialog.left.value() == 25 and dialog.certify.isChecked()
    dialog.findChild(QAbstractButton, "excerptDefaults").click()
    assert dialog.left.value() == 30 and dialog.size.value() == 14
    dialog.accept()
    assert window.excerpt_panel.excerpt.paper == paper_from(None)


def _letters(root: QWidget) -> list[str]:
    found = []
    for widget in root.findChildren(QWidget):
        text = ""
        if isinstance(widget, QAbstractButton) or (
            isinstance(widget, QLabel) and widget.buddy() is not None
        ):
            text = widget.text()
        elif isinstance(widget, QGroupBox):
            text = widget.title()
        hit = re.search(r"&([^&\s])", text.replace("&&", ""))
        if hit:
            found.append(hit.group(1).lower())
    return found


def test_the_new_dialogs_have_unique_access_letters(window, qtbot):
    window.actions["excerpt_preferences"].trigger()
    window.actions["act_export"].trigger()
    for dialog in (window.preferences_dialog, window.act_dialog):
        qtbot.waitUntil(dialog.isVisible)
        letters = _letters(dialog)
        assert len(letters) >= 3 and len(letters) == len(set(letters)), letters
        dialog.reject()
    assert window.menus["file"].title() == "&Файл"
    file_letters = [
        re.search(r"&(\w)", a.text()).group(1).lower()
        for a in window.menus["file"].actions()
        if a.text()
    ]
    assert len(file_letters) == len(set(file_letters))
    assert {"Печать акта…", "Экспорт акта…"} <= {
        a.text().replace("&", "") for a in window.menus["file"].actions()
    }


def _documents(tmp_path, monkeypatch) -> Path:
    home = tmp_path / "home"
    home.mkdir()
    monkeypatch.setenv("HOME", str(home))
    monkeypatch.delenv("XDG_DOCUMENTS_DIR", raising=False)
    return home / "Documents"


def test_export_of_a_chapter_goes_to_documents_with_a_short_name(
    window, qtbot, tmp_path, monkeypatch
):
    documents = _documents(tmp_path, monkeypatch)
    window.excerpt_panel.folder = ""  # as on a first start
    asked = {}

    def save_dialog(parent, title, suggested, filters, chosen=""):
        asked.update(title=title, suggested=suggested, filters=filters)
        return str(tmp_path / "глава 3.docx"), "Документ Word (*.docx)"

    monkeypatch.setattr(QFileDialog, "getSaveFileName", staticmethod(save_dialog))

    def choose_chapter(dialog):
        dialog.part.setChecked(True)
        dialog.parts.setCurrentIndex(dialog.parts.findData("polozhenie/gl-3"))
        dialog.accept()

    when_shown(ActPartDialog, choose_chapter)
    with qtbot.waitSignal(window.excerpt_panel.saved, timeout=60_000):
        window.actions["act_export"].trigger()
        qtbot.waitUntil(lambda: "suggested" in asked, timeout=10_000)
    suggested = Path(asked["suggested"])
    assert asked["title"] == "Экспорт акта" and "*.docx" in asked["filters"]
    assert suggested.parent == documents and documents.is_dir()
    assert re.fullmatch(r"Выписка [Гг]л\. 3 — \d{4}-\d\d-\d\d\.pdf", suggested.name), suggested
    assert len(suggested.name.encode("utf-8")) <= NAME_LIMIT_BYTES
    texts = [p.text for p in docx.Document(str(tmp_path / "глава 3.docx")).paragraphs]
    assert any(t.startswith("Глава 3. Статус") for t in texts)
    assert not any(t.startswith("Глава 4") for t in texts)
    # The folder is remembered, in the settings too.
    assert window.settings.get(keys.EXCERPT_FOLDER) == str(tmp_path)
    window.choice.set_chosen("polozhenie/p-13", True)
    window.choice.set_chosen("polozhenie/p-19/pp-8", True)
    asked.clear()
    monkeypatch.setattr(
        QFileDialog,
        "getSaveFileName",
        staticmethod(lambda *a: (asked.update(suggested=a[2]), ("", ""))[1]),
    )
    window.actions["excerpt_save"].trigger()
    suggested = Path(asked["suggested"])
    assert suggested.parent == tmp_path
    assert re.fullmatch(r"Выписка п\. 13, пп\. 8 п\. 19 — \d{4}-\d\d-\d\d\.pdf", suggested.name)


def test_the_whole_act_is_printed_from_the_file_menu(window, qtbot, tmp_path):
    target = tmp_path / "act.pdf"
    printer = printing.shared_printer()
    printer.setOutputFileName(str(target))
    seen = {}

    def accept_print(dialog):
        seen["doc"] = printer.docName()
        dialog.accept()

    try:
        when_shown(ActPartDialog, lambda dialog: dialog.accept())  # «Весь акт»
        when_shown(QPrintDialog, accept_print)
        window.actions["act_print"].trigger()
        qtbot.waitUntil(lambda: target.exists() and target.stat().st_size > 0, timeout=60_000)
    finally:
        printer.setOutputFileName("")
    text = pdf_text(target)
    assert text.startswith("Указ Президента Республики Казахстан от 13 октября 2017 года № 563")
    assert "ПОЛОЖЕНИЕ" in text and "Ұлытау" in text
    assert re.fullmatch(r"Указ № 563 — \d{4}-\d\d-\d\d", seen["doc"])


def _english(root: QWidget) -> list[str]:
    texts = []
    for widget in root.findChildren(QWidget):
        if isinstance(widget, QLabel | QAbstractButton):
            texts.append(widget.text())
        elif isinstance(widget, QGroupBox):
            texts.append(widget.title())
        elif isinstance(widget, QTabWidget):
            texts += [widget.tabText(i) for i in range(widget.count())]
    return [t for t in texts if re.search(r"[A-Za-z]{3}", t) and not re.search("[А-Яа-я]", t)]


def test_qts_dialogs_speak_russian_and_show_russian_dates(window, tmp_path):
    from gp_desktop.ui import app

    assert app._application() is QApplication.instance()  # as the program starts
    folder = Path(QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath))
    assert (folder / "qtbase_ru.qm").is_file()  # shipped in the PySide6-Essentials wheel
    files = QFileDialog(window, "Сохранить выписку", str(tmp_path))
    files.setOption(QFileDialog.Option.DontUseNativeDialog)
    printer = QPrinter()  # kept: the dialog holds only a pointer to it
    prints = QPrintDialog(printer, window)
    try:
        for dialog in (files, prints):
            assert _english(dialog) == [], type(dialog).__name__
        labels = [w.text() for w in files.findChildren(QLabel)]
        assert "&Папка:" in labels and "&Тип файлов:" in labels
    finally:
        files.deleteLater()
        prints.deleteLater()
    date = QLocale().toString(QDate(2026, 12, 1), QLocale.FormatType.ShortFormat)
    assert date == "01.12.2026"
    assert QApplication.instance() is not None


XCB_PRINT = """
import json, sys
from pathlib import Path
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QComboBox, QLineEdit
from PySide6.QtPrintSupport import QPrintDialog
from gp_desktop.ui import app as start
application = start._application()
from gp_desktop.corpus.reader import Corpus
from gp_desktop.excerpt import compose_excerpt
from gp_desktop.paths import bundled_corpus
from gp_desktop.ui.excerpt import printing
excerpt = compose_excerpt(Corpus(bundled_corpus()), ["13", "19.8"])
printer = printing.make_printer()
seen = {}
def poll():
    for widget in QApplication.topLevelWidgets():
        if isinstance(widget, QPrintDialog) and widget.isVisible():
            seen["field"] = widget.findChild(QLineEdit, "filename").text()
            printers = widget.findChild(QComboBox, "printers")
            seen["printers"] = [printers.itemText(i) for i in range(printers.count())]
            printers.setCurrentIndex(printers.count() - 1)  # Qt's «print to a PDF file»
            widget.accept()
            return
    QTimer.singleShot(50, poll)
QTimer.singleShot(0, poll)
seen["printed"] = printing.print_excerpt(None, excerpt, printer=printer)
seen["output"] = printer.outputFileName()
print(json.dumps(seen, ensure_ascii=False))
"""


def test_the_real_print_dialogs_default_pdf_name_prints(tmp_path):
    """Under Xvfb with Qt's xcb dialog, as a user sees it: the file field offers
    «<home>/Выписка п. 13, пп. 8 п. 19 — <date>.pdf», and printing to it makes the PDF."""
    import json
    import os
    import shutil
    import subprocess
    import sys

    import pytest
    from conftest import ROOT

    if shutil.which("xvfb-run") is None:
        pytest.skip("xvfb-run is not installed")
    home = tmp_path / "home"
    home.mkdir()
    env = {k: v for k, v in os.environ.items() if k not in ("DISPLAY", "WAYLAND_DISPLAY")}
    env.update(QT_QPA_PLATFORM="xcb", HOME=str(home), PYTHONIOENCODING="utf-8")
    for name in ("XDG_CONFIG_HOME", "XDG_DATA_HOME", "XDG_CACHE_HOME"):
        env[name] = str(tmp_path / name.lower())
    result = subprocess.run(
        ["xvfb-run", "-a", sys.executable, "-c", XCB_PRINT],
        capture_output=True,
        text=True,
        encoding="utf-8",
        cwd=ROOT,
        env=env,
        timeout=120,
    )
    assert result.returncode == 0, result.stderr
    seen = json.loads(result.stdout.strip().splitlines()[-1])
    field = Path(seen["field"])
    assert field.parent == home
    assert re.fullmatch(r"Выписка п\. 13, пп\. 8 п\. 19 — \d{4}-\d\d-\d\d\.pdf", field.name)
    assert len(field.name.encode("utf-8")) <= NAME_LIMIT_BYTES
    assert seen["printed"] is True and seen["output"] == str(field)
    assert field.is_file() and "Полномочия Генерального Прокурора" in pdf_text(field)
    assert all(re.search("[А-Яа-я]", name) for name in seen["printers"]), seen["printers"]
