"""What the desktop shows of the app: its icon, its desktop entry, its Windows version information,
and the rules by which the desktop build leaves out unused Qt files.
"""

from __future__ import annotations

import configparser
import shutil
import subprocess
import sys
import types

import pytest
from conftest import ROOT

from gp_desktop import __version__
from gp_desktop.paths import APP_ICON_SIZES, app_icon_path, icons_dir

sys.path.insert(0, str(ROOT / "packaging"))
import qt_trim
import windows_version

DESKTOP_ENTRY = ROOT / "resources" / "gp-desktop.desktop"


def _desktop_entry() -> configparser.SectionProxy:
    parser = configparser.ConfigParser(interpolation=None, strict=True)
    parser.optionxform = str  # keys are case-sensitive
    parser.read_string(DESKTOP_ENTRY.read_text(encoding="utf-8"))
    return parser["Desktop Entry"]


def test_desktop_entry_starts_the_program_with_its_icon():
    entry = _desktop_entry()
    assert entry["Type"] == "Application"
    assert entry["Exec"].split()[0] == "gp-desktop"  # the program's name in the build
    assert entry["Icon"] == "gp-desktop" and (icons_dir() / "gp-desktop.svg").exists()
    assert entry["Terminal"] == "false"
    assert "Генеральной прокуратуре" in entry["Name[ru]"]
    assert entry["Categories"].endswith(";") and "Office" in entry["Categories"].split(";")
    spec = (ROOT / "build.spec").read_text(encoding="utf-8")
    assert 'NAME = "gp-desktop"' in spec


@pytest.mark.skipif(
    not shutil.which("desktop-file-validate"), reason="desktop-file-utils is not installed"
)
def test_desktop_entry_passes_the_freedesktop_validator():
    result = subprocess.run(
        ["desktop-file-validate", str(DESKTOP_ENTRY)], capture_output=True, text=True, timeout=30
    )
    assert result.returncode == 0 and result.stdout == "", result.stdout + result.stderr


def test_icon_pngs_have_their_sizes_and_the_shield_shape(qapp):
    from PySide6.QtGui import QImage

    for size in APP_ICON_SIZES:
        image = QImage(str(app_icon_path(size)))
        assert (image.width(), image.height()) == (size, size)
        assert image.hasAlphaChannel()
        assert image.pixelColor(0, 0).alpha() == 0  # outside the shield
        assert image.pixelColor(size // 2, size // 2).alpha() == 255


def test_icon_pngs_are_rendered_from_the_current_svg(qapp):
    """Catches an SVG edited without running scripts/render_icons.py."""
    from PySide6.QtCore import Qt
    from PySide6.QtGui import QImage, QPainter
    from PySide6.QtSvg import QSvgRenderer

    size = 64
    rendered = QImage(size, size, QImage.Format.Format_ARGB32_Premultiplied)
    rendered.fill(Qt.GlobalColor.transparent)
    painter = QPainter(rendered)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    QSvgRenderer(str(icons_dir() / "gp-desktop.svg")).render(painter)
    painter.end()
    committed = QImage(str(app_icon_path(size))).convertToFormat(rendered.format())
    difference = 0
    for y in range(size):
        for x in range(size):
            a, b = rendered.pixelColor(x, y), committed.pixelColor(x, y)
            difference += abs(a.red() - b.red()) + abs(a.green() - b.green())
            difference += abs(a.blue() - b.blue()) + abs(a.alpha() - b.alpha())
    assert difference / (size * size * 4) < 2.0


def test_windows_icon_holds_every_size(qapp):
    from PySide6.QtGui import QImageReader

    reader = QImageReader(str(icons_dir() / "gp-desktop.ico"))
    assert reader.imageCount() == len(APP_ICON_SIZES)
    sizes = []
    for index in range(reader.imageCount()):
        assert reader.jumpToImage(index)
        image = reader.read()
        assert not image.isNull(), reader.errorString()
        sizes.append(image.width())
    assert sorted(sizes) == sorted(APP_ICON_SIZES)


def test_app_icon_offers_every_size(qapp):
    from gp_desktop.ui.widgets.app_icon import app_icon

    icon = app_icon()
    assert sorted(s.width() for s in icon.availableSizes()) == sorted(APP_ICON_SIZES)
    assert not icon.pixmap(48).isNull()


def test_app_icon_path_refuses_a_size_that_was_not_drawn():
    with pytest.raises(ValueError):
        app_icon_path(17)


def test_windows_version_information_carries_the_app_version(monkeypatch):
    # PyInstaller's parser is the one the Windows build uses; it imports pefile and win32api
    # (Windows-only) at the top but needs them only to write an .exe.
    from PyInstaller import compat

    monkeypatch.setitem(sys.modules, "pefile", types.ModuleType("pefile"))
    monkeypatch.setattr(compat, "win32api", None, raising=False)
    from PyInstaller.utils.win32 import versioninfo

    text = windows_version.version_info_text(__version__)
    info = eval(text, vars(versioninfo))  # what load_version_info_from_text_file does
    assert isinstance(info, versioninfo.VSVersionInfo)
    parsed = eval(str(info), vars(versioninfo))  # PyInstaller's own serialisation reads back
    strings = {
        s.name: s.val for table in parsed.kids[0].kids for s in table.kids if hasattr(s, "val")
    }
    assert strings["FileVersion"] == strings["ProductVersion"] == __version__
    assert strings["OriginalFilename"] == "gp-desktop.exe"
    assert "Генеральной прокуратуре" in strings["FileDescription"]
    major, minor, patch, build = windows_version.version_numbers(__version__)
    assert parsed.ffi.fileVersionMS == (major << 16) | minor
    assert parsed.ffi.fileVersionLS == (patch << 16) | build


@pytest.mark.parametrize(
    ("version", "numbers"),
    [
        ("0.1.0", (0, 1, 0, 0)),
        ("1.2rc1", (1, 2, 0, 0)),
        ("2.3.4.5.6", (2, 3, 4, 5)),
        ("3", (3, 0, 0, 0)),
    ],
)
def test_version_numbers(version, numbers):
    assert windows_version.version_numbers(version) == numbers


@pytest.mark.parametrize(
    ("dest", "wanted"),
    [
        ("PySide6/Qt/plugins/platforms/libqxcb.so", True),
        ("PySide6/Qt/plugins/platforms/libqoffscreen.so", True),
        ("PySide6/Qt/plugins/platforms/qwindows.dll", True),
        ("PySide6/Qt/plugins/platforms/libqwayland.so", False),
        ("PySide6/Qt/plugins/platforms/libqeglfs.so", False),
        ("PySide6/Qt/plugins/imageformats/libqsvg.so", True),
        ("PySide6/Qt/plugins/imageformats/libqpdf.so", False),
        ("PySide6/Qt/plugins/printsupport/libcupsprintersupport.so", True),
        ("PySide6/Qt/plugins/platformthemes/libqgtk3.so", False),
        ("PySide6/Qt/plugins/networkinformation/libqnetworkmanager.so", False),
        ("PySide6/Qt/plugins/tls/libqopensslbackend.so", False),
        ("PySide6\\plugins\\platforms\\qwindows.dll", True),
        ("PySide6/Qt/translations/qtbase_ru.qm", True),
        ("PySide6/Qt/translations/qtbase_de.qm", False),
        ("PySide6/Qt/translations/qtdeclarative_ru.qm", False),
        ("PySide6/Qt/lib/libQt6Core.so.6", True),
        ("resources/translations/gp_desktop_ru.qm", True),  # the app's own files are not Qt's
        ("pymorphy3_dicts_ru/data/words.dawg", True),
    ],
)
def test_qt_trim_keeps_only_the_plugins_and_translations_the_app_uses(dest, wanted):
    assert qt_trim.is_wanted(dest) is wanted


def test_qt_trim_drops_only_libraries_that_nothing_kept_links_to():
    links = {
        "/src/qxcb.so": ["libQt6XcbQpa.so.6", "libQt6Gui.so.6"],
        "/src/qwayland.so": ["libQt6WaylandClient.so.6", "libQt6Gui.so.6", "libffi.so.8"],
        "/src/QtGui.abi3.so": ["libQt6Gui.so.6"],
        "/src/_ctypes.so": ["libffi.so.8"],
        "/src/libQt6WaylandClient.so.6": ["libwayland-client.so.0", "libQt6Gui.so.6"],
        "/src/libQt6XcbQpa.so.6": ["libQt6Gui.so.6"],
        "/src/libQt6Gui.so.6": ["libQt6Core.so.6"],
    }
    binaries = [
        ("PySide6/Qt/plugins/platforms/libqxcb.so", "/src/qxcb.so", "BINARY"),
        ("PySide6/Qt/plugins/platforms/libqwayland.so", "/src/qwayland.so", "BINARY"),
        ("PySide6/QtGui.abi3.so", "/src/QtGui.abi3.so", "EXTENSION"),
        ("python3.11/lib-dynload/_ctypes.so", "/src/_ctypes.so", "EXTENSION"),
        ("PySide6/Qt/lib/libQt6WaylandClient.so.6", "/src/libQt6WaylandClient.so.6", "BINARY"),
        ("libwayland-client.so.0", "/src/libwayland-client.so.0", "BINARY"),
        ("PySide6/Qt/lib/libQt6XcbQpa.so.6", "/src/libQt6XcbQpa.so.6", "BINARY"),
        ("PySide6/Qt/lib/libQt6Gui.so.6", "/src/libQt6Gui.so.6", "BINARY"),
        ("PySide6/Qt/lib/libQt6Core.so.6", "/src/libQt6Core.so.6", "BINARY"),
        ("libffi.so.8", "/src/libffi.so.8", "BINARY"),
        ("libsqlite3.so.0", "/src/libsqlite3.so.0", "BINARY"),  # collected for its own sake
    ]
    datas = [
        ("PySide6/Qt/translations/qtbase_ru.qm", "/src/ru.qm", "DATA"),
        ("PySide6/Qt/translations/qtbase_fr.qm", "/src/fr.qm", "DATA"),
        ("corpus.sqlite", "/src/corpus.sqlite", "DATA"),
    ]
    kept, kept_datas, left_out = qt_trim.trim(binaries, datas, lambda src: links.get(src, []))
    assert sorted(left_out) == [
        "PySide6/Qt/lib/libQt6WaylandClient.so.6",
        "PySide6/Qt/plugins/platforms/libqwayland.so",
        "PySide6/Qt/translations/qtbase_fr.qm",
        "libwayland-client.so.0",
    ]
    # Gui is linked by the dropped plugin too, and libffi too, but kept files need them.
    assert [e[0] for e in kept] == [e[0] for e in binaries if e[0] not in left_out]
    assert [e[0] for e in kept_datas] == ["PySide6/Qt/translations/qtbase_ru.qm", "corpus.sqlite"]


def test_qt_trim_leaves_out_a_library_with_its_links():
    """PyInstaller links a library collected into a sub-folder from the top level too, and
    files the link under datas; the link goes with the library, or the folder would carry a
    dangling link (which shutil.copytree refuses)."""
    links = {
        "/src/qwayland.so": ["libQt6WaylandClient.so.6"],
        "/src/qxcb.so": ["libQt6XcbQpa.so.6"],
    }
    binaries = [
        ("PySide6/Qt/plugins/platforms/libqwayland.so", "/src/qwayland.so", "BINARY"),
        ("PySide6/Qt/plugins/platforms/libqxcb.so", "/src/qxcb.so", "BINARY"),
        ("PySide6/Qt/lib/libQt6WaylandClient.so.6", "/src/libQt6WaylandClient.so.6", "BINARY"),
        ("PySide6/Qt/lib/libQt6XcbQpa.so.6", "/src/libQt6XcbQpa.so.6", "BINARY"),
    ]
    datas = [
        ("libQt6WaylandClient.so.6", "PySide6/Qt/lib/libQt6WaylandClient.so.6", "SYMLINK"),
        ("libQt6XcbQpa.so.6", "PySide6/Qt/lib/libQt6XcbQpa.so.6", "SYMLINK"),
        # a link to a link to the dropped library, relative to its own folder
        ("lib/wayland.so", "../libQt6WaylandClient.so.6", "SYMLINK"),
        ("corpus.sqlite", "/src/corpus.sqlite", "DATA"),
    ]
    kept, kept_datas, left_out = qt_trim.trim(binaries, datas, lambda src: links.get(src, []))
    assert [e[0] for e in kept] == [
        "PySide6/Qt/plugins/platforms/libqxcb.so",
        "PySide6/Qt/lib/libQt6XcbQpa.so.6",
    ]
    assert [e[0] for e in kept_datas] == ["libQt6XcbQpa.so.6", "corpus.sqlite"]
    assert {"libQt6WaylandClient.so.6", "lib/wayland.so"} <= set(left_out)
    assert qt_trim.dangling_links([*kept, *kept_datas]) == set()


def test_the_application_carries_the_icon_and_speaks_russian_in_qt_dialogs(qapp):
    from PySide6.QtCore import QTranslator
    from PySide6.QtWidgets import QDialogButtonBox

    from gp_desktop.ui.app import _application
    from gp_desktop.ui.qt_translations import TRANSLATOR_NAME

    try:
        app = _application()
        assert sorted(s.width() for s in app.windowIcon().availableSizes()) == sorted(
            APP_ICON_SIZES
        )
        box = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        assert box.button(QDialogButtonBox.StandardButton.Cancel).text() == "Отмена"
        _application()  # a second call installs nothing more
        assert len(app.findChildren(QTranslator, TRANSLATOR_NAME)) == 1
    finally:
        for translator in qapp.findChildren(QTranslator, TRANSLATOR_NAME):
            qapp.removeTranslator(translator)
            translator.setParent(None)
