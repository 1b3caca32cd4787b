"""The bundled serif (Liberation Serif, ``resources/fonts``) registered with Qt's font database.

A выписка is set in Times New Roman; on a workstation without it the bundled Liberation Serif,
with the same letter widths, takes its place, so the pages break the same everywhere and the
PDF embeds the same font. Registering it also means a font with Cyrillic and Kazakh letters is
always there: the checks before a PDF, a DOCX, printing and the self-test are satisfied by
the bundle even on a machine with no fonts installed.
"""

from __future__ import annotations

from PySide6.QtGui import QFontDatabase

from gp_desktop.excerpt.paper import BUNDLED_SERIF
from gp_desktop.paths import resources_dir

_registered: list[int] = []


def fonts_dir():
    return resources_dir() / "fonts"


def register_bundled_fonts() -> list[str]:
    """Add the bundled TTFs to the application's fonts once (a Qt application must exist);
    the families now available from them."""
    if not _registered:
        for path in sorted(fonts_dir().glob("*.ttf")):
            font_id = QFontDatabase.addApplicationFont(str(path))
            if font_id >= 0:
                _registered.append(font_id)
    families: list[str] = []
    for font_id in _registered:
        families += QFontDatabase.applicationFontFamilies(font_id)
    return sorted(set(families))


def bundled_serif_available() -> bool:
    return BUNDLED_SERIF in register_bundled_fonts()
