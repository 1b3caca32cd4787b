"""The application icon as a QIcon, built from the PNGs in resources/icons.

Every size is added as its own file, so the window manager, the task bar and the Alt+Tab
switcher each get a sharp image at 16 to 256 pixels (the 16 and 32 pixel ones are drawn
separately, with fewer details); no SVG renderer is needed at run time.
"""

from __future__ import annotations

from PySide6.QtCore import QSize
from PySide6.QtGui import QIcon

from gp_desktop.paths import APP_ICON_SIZES, app_icon_path

# The desktop entry is resources/gp-desktop.desktop; Wayland compositors match the window to
# it by this name (QGuiApplication.setDesktopFileName).
DESKTOP_FILE_NAME = "gp-desktop"


def app_icon() -> QIcon:
    """The icon for QApplication.setWindowIcon (and so for every window of the app)."""
    icon = QIcon()
    for size in APP_ICON_SIZES:
        icon.addFile(str(app_icon_path(size)), QSize(size, size))
    return icon
