"""Qt's own words in Russian: the buttons of standard dialogs, the print and file dialogs.

The app's own strings are Russian already; Qt's are English unless its translation catalogue
is installed. The catalogue comes with PySide6 (and with the desktop build, which keeps the
Russian and Kazakh ones), in the folder QLibraryInfo names.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator

LANGUAGE = QLocale.Language.Russian
TRANSLATOR_NAME = "qtbase_ru"


def install_qt_translations(app: QCoreApplication) -> bool:
    """Install Qt's Russian catalogue on ``app`` once; False (English buttons) if it is missing."""
    if app.findChild(QTranslator, TRANSLATOR_NAME) is not None:
        return True
    translator = QTranslator(app)  # parented, so it lives as long as the application
    translator.setObjectName(TRANSLATOR_NAME)
    folder = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    if not translator.load(QLocale(LANGUAGE), "qtbase", "_", folder):
        translator.deleteLater()
        return False
    return app.installTranslator(translator)
