"""Qt's own words in Russian: the buttons of standard dialogs, the print and file dialogs.

The app's own strings are Russian already; Qt's are English unless its translation catalogue
is installed. The catalogue (``qtbase_ru.qm``) comes with PySide6-Essentials (and with the
desktop build, which keeps the Russian and Kazakh ones), in the folder QLibraryInfo names.
It lacks a few strings the file and print dialogs show («Look in:», «Files of type:», «Page
Set:»): a small translator of our own, installed after it, supplies those. Dates in Qt's
dialogs follow the locale: when the system's is not Russian or Kazakh (``C`` on a server,
English elsewhere), the Russian one is set before the application starts, so the file dialog
shows «01.12.2026», not «1 12 2026» or «12/1/26».
"""

from __future__ import annotations

import os

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator

LANGUAGE = QLocale.Language.Russian
TRANSLATOR_NAME = "qtbase_ru"
SUPPLEMENT_NAME = "gp_desktop_qt_ru"
_OUR_LANGUAGES = ("ru", "kk")

MISSING = {
    ("QFileDialog", "&Look in:"): "&Папка:",
    ("QFileDialog", "Files of &type:"): "&Тип файлов:",
    ("QPrintSettingsOutput", "Page &Set:"): "&Страницы:",
    ("QPageSetupWidget", "Page &order:"): "&Порядок страниц:",
    ("QPageSetupWidget", "Pages &per sheet:"): "Страниц на &листе:",
}
"""(context, source) → Russian, for what ``qtbase_ru.qm`` leaves in English."""


class _Supplement(QTranslator):
    """The strings of ``MISSING``; None for the rest, so Qt asks the other catalogues."""

    def translate(self, context, source, disambiguation=None, n=-1):
        return MISSING.get((context, source))

    def isEmpty(self) -> bool:
        return False


def russian_dates_by_default() -> None:
    """Before the application exists: Russian date formats when the system has none of ours.

    Qt reads the system locale once, from LC_ALL, LC_TIME and LANG; the file dialog takes its
    dates from it. An LC_ALL the user set is left alone."""
    current = os.environ.get("LC_ALL") or os.environ.get("LC_TIME") or os.environ.get("LANG", "")
    language = current.split(".")[0].split("_")[0].lower()
    if language not in _OUR_LANGUAGES and not os.environ.get("LC_ALL"):
        os.environ["LC_TIME"] = "ru_RU.UTF-8"


def install_qt_translations(app: QCoreApplication) -> bool:
    """Install Qt's Russian catalogue and our supplement on ``app`` once; False (English
    buttons) if the catalogue is missing. The default locale becomes Russian."""
    QLocale.setDefault(QLocale(LANGUAGE, QLocale.Country.Russia))
    if app.findChild(QTranslator, TRANSLATOR_NAME) is not None:
        return True
    translator = QTranslator(app)  # parented, so it lives as long as the application
    translator.setObjectName(TRANSLATOR_NAME)
    folder = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    loaded = translator.load(QLocale(LANGUAGE), "qtbase", "_", folder)
    if loaded:
        app.installTranslator(translator)
    else:
        translator.deleteLater()
    supplement = _Supplement(app)
    supplement.setObjectName(SUPPLEMENT_NAME)
    app.installTranslator(supplement)  # asked first: the last installed is asked first
    return loaded
