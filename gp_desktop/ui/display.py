"""Is there a screen Qt can open? Asked before QApplication, which aborts the process when not.

Qt ends with SIGABRT and a dozen lines of advice when its platform plugin cannot start: an
X display that is gone (``DISPLAY=:99``), a Wayland socket that is not there, a
``QT_QPA_PLATFORM`` naming no plugin. The checks here look for the same things first —
the plugin file, the display's local socket — and give one line instead. Remote X
displays (``host:0``) are left to Qt: reaching them would mean using the network.

When a Wayland session's socket is missing but its X display answers (or the other way
round), the platform is chosen for Qt so the window opens on the one that works.
"""

from __future__ import annotations

import os
import re
import socket
import sys
from collections.abc import Mapping, MutableMapping
from pathlib import Path

HEADLESS = ("offscreen", "minimal", "vnc", "linuxfb", "eglfs", "minimalegl", "vkkhrdisplay")
_X_DISPLAY = re.compile(r"^(?P<host>[^:]*):(?P<number>\d+)(\.\d+)?$")


def platform_plugins() -> set[str]:
    """The names of the platform plugins Qt can load (``xcb``, ``wayland``, ``offscreen`` …)."""
    from PySide6.QtCore import QLibraryInfo

    folders = [Path(QLibraryInfo.path(QLibraryInfo.LibraryPath.PluginsPath)) / "platforms"]
    for variable in ("QT_PLUGIN_PATH",):
        folders += [
            Path(p) / "platforms" for p in os.environ.get(variable, "").split(os.pathsep) if p
        ]
    if extra := os.environ.get("QT_QPA_PLATFORM_PLUGIN_PATH"):
        folders.append(Path(extra))
    names: set[str] = set()
    for folder in folders:
        try:
            entries = list(folder.iterdir())
        except OSError:
            continue
        for entry in entries:
            match = re.match(r"^(?:lib)?q(\w+)\.(?:so|dll|dylib)$", entry.name)
            if match:
                names.add(match[1])
    return names


def _answers(path: str) -> bool:
    """Something listens on the local socket ``path`` (a leading NUL: the abstract one)."""
    with socket.socket(socket.AF_UNIX, socket.SOCK_STREAM) as sock:
        sock.settimeout(2)
        try:
            sock.connect(path)
        except OSError:
            return False
    return True


def x_display_reachable(display: str) -> bool | None:
    """True/False for a local X display; None when it cannot be told without the network."""
    match = _X_DISPLAY.match(display)
    if not match:
        return None if display.startswith("/") else False  # launchd's path, or nonsense
    if match["host"] not in ("", "unix"):
        return None
    path = f"/tmp/.X11-unix/X{match['number']}"
    return _answers(path) or (sys.platform.startswith("linux") and _answers("\0" + path))


def wayland_reachable(env: Mapping[str, str]) -> bool:
    name = env.get("WAYLAND_DISPLAY", "") or "wayland-0"
    path = name if name.startswith("/") else os.path.join(env.get("XDG_RUNTIME_DIR", ""), name)
    return bool(env.get("XDG_RUNTIME_DIR") or name.startswith("/")) and _answers(path)


def screen_problem(env: MutableMapping[str, str] | None = None) -> str:
    """Why Qt could not open a window here ("" if it can); may set QT_QPA_PLATFORM in
    ``env`` (``os.environ`` by default) to the display that works."""
    env = os.environ if env is None else env
    requested = env.get("QT_QPA_PLATFORM", "").strip()
    if requested:
        names = [part.split(":", 1)[0].strip() for part in requested.split(";") if part.strip()]
        available = platform_plugins()
        usable = [n for n in names if n in available]
        if not usable:
            return (
                f"платформа Qt «{requested}» (QT_QPA_PLATFORM) не найдена; "
                f"есть: {', '.join(sorted(available)) or 'ни одной'}"
            )
        first = usable[0]
        if first == "xcb" and x_display_reachable(env.get("DISPLAY", "")) is False:
            return _no_x(env)
        if first == "wayland" and not wayland_reachable(env):
            return f"экран Wayland «{env.get('WAYLAND_DISPLAY', 'wayland-0')}» недоступен"
        return ""
    if not sys.platform.startswith("linux"):
        return ""
    display, wayland = env.get("DISPLAY", ""), env.get("WAYLAND_DISPLAY", "")
    if not display and not wayland:
        return (
            "нет экрана для окна (не заданы DISPLAY и WAYLAND_DISPLAY); "
            "запустите в графическом сеансе или через xvfb-run"
        )
    x_ok = x_display_reachable(display) if display else False
    w_ok = wayland_reachable(env) if wayland else False
    if w_ok and x_ok is False:
        env["QT_QPA_PLATFORM"] = "wayland"
    elif x_ok is not False and not w_ok and wayland:
        env["QT_QPA_PLATFORM"] = "xcb"  # the session's Wayland socket is gone: use X
    if x_ok is False and not w_ok:
        if wayland and not display:
            return f"экран Wayland «{wayland}» недоступен (нет его сокета); запустите в графическом сеансе"
        return _no_x(env)
    return ""


def _no_x(env: Mapping[str, str]) -> str:
    display = env.get("DISPLAY", "")
    if not display:
        return "нет экрана для окна (не задан DISPLAY); запустите в графическом сеансе"
    return (
        f"экран DISPLAY={display} недоступен (X-сервер не отвечает); "
        "запустите в графическом сеансе или через xvfb-run"
    )
