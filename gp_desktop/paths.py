"""Where the app finds its bundled files and keeps the user's own, frozen or not.

Bundled files (corpus.sqlite, resources/) sit next to the package in a checkout and in
PyInstaller's ``sys._MEIPASS`` in a desktop build; both are read-only at run time. Whatever
the app writes goes under the user's cache, data and config folders (XDG on Linux, the platform's
usual places elsewhere), never next to the program.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

APP_NAME = "gp-desktop"


def bundle_root() -> Path:
    frozen = getattr(sys, "_MEIPASS", None)
    if frozen:
        return Path(frozen)
    return Path(__file__).resolve().parent.parent


def bundled_corpus() -> Path:
    return bundle_root() / "corpus.sqlite"


def resources_dir() -> Path:
    return bundle_root() / "resources"


# The application icon, rendered from resources/icons/gp-desktop.svg by scripts/render_icons.py.
APP_ICON_SIZES = (16, 32, 48, 64, 128, 256)


def icons_dir() -> Path:
    return resources_dir() / "icons"


def app_icon_path(size: int = 256) -> Path:
    """The application icon as a PNG of ``size`` pixels (one of APP_ICON_SIZES)."""
    if size not in APP_ICON_SIZES:
        raise ValueError(f"no {size}-pixel icon; sizes: {APP_ICON_SIZES}")
    return icons_dir() / f"gp-desktop-{size}.png"


def _base(env: str, fallback: str) -> Path:
    if sys.platform == "win32":
        return Path(os.environ.get("LOCALAPPDATA") or Path.home() / "AppData" / "Local")
    if sys.platform == "darwin":
        sub = "Caches" if env == "XDG_CACHE_HOME" else "Application Support"
        return Path.home() / "Library" / sub
    value = os.environ.get(env)
    return Path(value) if value else Path.home() / fallback


def user_cache_dir() -> Path:
    """Search index and other data that can be rebuilt at any time."""
    base = _base("XDG_CACHE_HOME", ".cache")
    return base / APP_NAME / ("cache" if sys.platform == "win32" else "")


def user_data_dir() -> Path:
    """Bookmarks and other data only the user can recreate."""
    return _base("XDG_DATA_HOME", ".local/share") / APP_NAME


def user_config_dir() -> Path:
    """Preferences and the window's layout."""
    if sys.platform == "darwin":
        return Path.home() / "Library" / "Preferences" / APP_NAME
    return _base("XDG_CONFIG_HOME", ".config") / APP_NAME
