"""Which of Qt's files the desktop build leaves out: plugins, translations and their libraries.

PyInstaller's Qt hooks collect every plugin of each kind the used Qt modules may load (all
platform back-ends, every image format, Wayland, EGL, GTK themes …) and all of Qt's
translations, then add every shared library those plugins link to. ``build.spec`` filters the
collected files with :func:`trim`: it keeps the plugins in :data:`KEEP_PLUGINS` and the
translations in :data:`KEEP_TRANSLATIONS`, then drops the libraries that only the dropped
plugins needed. A library is dropped only if it is linked by a dropped plugin and by nothing
that stays, so what PyInstaller collected for another reason is left alone. A library goes
together with its links: PyInstaller links every library it collects into a sub-folder from the
top-level folder too (``_internal/libQt6Network.so.6`` → ``PySide6/Qt/lib/libQt6Network.so.6``,
SYMLINK entries that it files under ``datas``), and a link whose file is left out is left out
with it, so the folder holds no dangling link.
"""

from __future__ import annotations

import posixpath
from collections.abc import Callable, Iterable
from pathlib import PurePosixPath

# (destination in the bundle, source file, PyInstaller typecode)
Entry = tuple[str, str, str]
# source file → names of the shared libraries it links to
LinkedLibraries = Callable[[str], Iterable[str]]

# Qt plugins by folder: None keeps the whole folder, a set keeps the named plugins only
# (the file name without "lib" and the extension); a folder not listed is left out.
KEEP_PLUGINS: dict[str, set[str] | None] = {
    # xcb for an X11 desktop (a Wayland desktop runs it through XWayland), offscreen for
    # --self-test and the tests, the native ones on Windows and macOS.
    "platforms": {"qxcb", "qoffscreen", "qwindows", "qcocoa"},
    "platforms/darwin": None,
    "platforminputcontexts": None,  # compose key and IBus: how Kazakh letters are typed
    "platformthemes": {"qxdgdesktopportal"},  # not gtk3: it would bring all of GTK along
    "xcbglintegrations": None,
    "imageformats": {"qsvg", "qico", "qjpeg", "qgif"},
    "iconengines": None,  # SVG icons of the desktop's icon theme
    "printsupport": None,  # CUPS printers
    "styles": None,  # the native look on Windows and macOS
    "accessiblebridge": None,  # screen readers
}
LINKABLE = {"BINARY", "EXTENSION"}
SYMLINK = "SYMLINK"  # (link's destination, its target relative to the link's folder, SYMLINK)

# Qt's own strings (dialog buttons, the print dialog) in the users' languages.
KEEP_TRANSLATIONS = {"qt_ru", "qt_kk", "qtbase_ru", "qtbase_kk"}


def qt_part(dest: str) -> tuple[str, str] | None:
    """``("plugins", "platforms/libqxcb.so")`` or ``("translations", "qtbase_ru.qm")``.

    None for a file that is not one of Qt's plugins or translations.
    """
    parts = PurePosixPath(dest.replace("\\", "/")).parts
    for marker in ("plugins", "translations"):
        if marker in parts:
            index = parts.index(marker)
            if "PySide6" in parts[:index]:
                return marker, "/".join(parts[index + 1 :])
    return None


def _stem(name: str) -> str:
    stem = PurePosixPath(name).name.split(".")[0]
    return stem.removeprefix("lib")


def is_wanted(dest: str) -> bool:
    """Whether a collected file stays, judged by its place in the bundle alone."""
    part = qt_part(dest)
    if part is None:
        return True
    kind, rest = part
    if kind == "translations":
        return PurePosixPath(rest).name.split(".")[0] in KEEP_TRANSLATIONS
    folder = str(PurePosixPath(rest).parent)
    if folder not in KEEP_PLUGINS:
        return False
    keep = KEEP_PLUGINS[folder]
    return keep is None or _stem(rest) in keep


def _closure(
    start: Iterable[Entry], by_name: dict[str, Entry], linked: LinkedLibraries
) -> set[str]:
    """Basenames of the bundled libraries reachable from ``start`` through their links."""
    seen: set[str] = set()
    todo = list(start)
    while todo:
        _dest, source, typecode = todo.pop()
        if typecode not in LINKABLE:
            continue
        for name in linked(source):
            base = PurePosixPath(name.replace("\\", "/")).name
            if base in by_name and base not in seen:
                seen.add(base)
                todo.append(by_name[base])
    return seen


def trim(
    binaries: list[Entry], datas: list[Entry], linked: LinkedLibraries
) -> tuple[list[Entry], list[Entry], list[str]]:
    """The binaries and datas to keep, and the destinations of what was left out."""
    dropped_plugins = [e for e in binaries if not is_wanted(e[0])]
    kept = [e for e in binaries if is_wanted(e[0])]
    by_name = {
        PurePosixPath(e[0]).name: e for e in kept if qt_part(e[0]) is None and e[2] != SYMLINK
    }
    needed_by_dropped = _closure(dropped_plugins, by_name, linked)
    # What stays for its own sake: Python's extension modules and every file no dropped
    # plugin links to; the libraries dropped plugins link to stay if one of these needs them.
    roots = [
        e for e in kept if e[2] == "EXTENSION" or PurePosixPath(e[0]).name not in needed_by_dropped
    ]
    needed_by_kept = _closure(roots, by_name, linked)
    orphans = needed_by_dropped - needed_by_kept
    binaries_out = [e for e in kept if e[2] == SYMLINK or PurePosixPath(e[0]).name not in orphans]
    datas_out = [e for e in datas if is_wanted(e[0])]
    left_out = [e[0] for e in dropped_plugins] + sorted(
        e[0] for e in kept if e[2] != SYMLINK and PurePosixPath(e[0]).name in orphans
    )
    left_out += [e[0] for e in datas if not is_wanted(e[0])]
    dangling = dangling_links(binaries_out + datas_out)
    binaries_out = [e for e in binaries_out if e[0] not in dangling]
    datas_out = [e for e in datas_out if e[0] not in dangling]
    return binaries_out, datas_out, left_out + sorted(dangling)


def link_target(entry: Entry) -> str:
    """The destination a SYMLINK entry points to, as a path in the bundle."""
    dest, target, _typecode = entry
    folder = posixpath.dirname(dest.replace("\\", "/"))
    return posixpath.normpath(posixpath.join(folder, target.replace("\\", "/")))


def dangling_links(entries: Iterable[Entry]) -> set[str]:
    """Destinations of the SYMLINK entries that lead, directly or through other links, to no
    file that is collected."""
    entries = list(entries)
    files = {e[0].replace("\\", "/") for e in entries if e[2] != SYMLINK}
    links = {e[0].replace("\\", "/"): e for e in entries if e[2] == SYMLINK}

    def resolves(dest: str, seen: frozenset[str]) -> bool:
        target = link_target(links[dest])
        if target in files:
            return True
        return target in links and target not in seen and resolves(target, seen | {dest})

    return {links[dest][0] for dest in links if not resolves(dest, frozenset())}
