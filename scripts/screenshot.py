"""Take the README's screenshots of the main window under Xvfb:

    xvfb-run -a -s "-screen 0 1400x900x24" .venv/bin/python scripts/screenshot.py docs/screenshot.png
    xvfb-run -a -s "-screen 0 1024x768x24" .venv/bin/python scripts/screenshot.py \
        docs/screen-1024x768.png --first-start
    ... scripts/screenshot.py docs/dark-1366x768.png --first-start --look dark
    ... scripts/screenshot.py docs/help.png --help-window

The window is set up as a user would leave it: a clause open from a search, the latest decree
chosen in the timeline, two clauses ticked for an excerpt; user folders are temporary so
nothing of the real home is read or written. ``--first-start`` leaves the window at the size
it takes by itself on that screen (the first start); otherwise it is 1280×800.
"""

from __future__ import annotations

import os
import sys
import tempfile
import time
from pathlib import Path

QUERY = "международное сотрудничество"
HIT = 2  # п. 15, пп. 4): a clause changed by decrees, inside the marked clause 15
EVENT = "ukaz-2025-12-17-1125"


def main(
    out: str, first_start: bool = False, look: str = "system", help_window: bool = False
) -> int:
    tmp = Path(tempfile.mkdtemp(prefix="gp-desktop-shot-"))
    for name in ("XDG_CONFIG_HOME", "XDG_DATA_HOME", "XDG_CACHE_HOME"):
        os.environ[name] = str(tmp / name.lower())

    from PySide6.QtCore import QEventLoop
    from PySide6.QtWidgets import QApplication

    from gp_desktop.ui.settings import LOOK, Settings
    from gp_desktop.ui.window_factory import make_window

    app = QApplication(sys.argv[:1])
    app.setApplicationName("gp-desktop")
    settings = Settings()
    settings.set(LOOK, look)
    window = make_window(settings=settings)
    if not first_start:
        window.resize(1280, 800)
    window.show()

    def settle(seconds: float, until=lambda: False) -> None:
        deadline = time.monotonic() + seconds
        while time.monotonic() < deadline and not until():
            app.processEvents(QEventLoop.ProcessEventsFlag.AllEvents, 20)
            time.sleep(0.005)

    settle(60, lambda: window.search_service.is_ready)
    window.bookmarks.add("polozhenie/p-19")
    window.bookmarks.add("polozhenie/p-15/pp-3-1")
    window.choice.set_all(["polozhenie/p-15/pp-4", "polozhenie/p-19/pp-8"])
    window.timeline.choose_event(EVENT)
    window.search_panel.search(QUERY)
    settle(30, lambda: window.search_panel.results is not None)
    window.search_panel.choose_row(HIT)
    window.search_panel.view.setFocus()
    settle(1.0)
    if help_window:
        window.show_help()
        settle(0.5)
        window.help_window.find("выписк")
        settle(0.5)
        window.help_window.grab().save(out, "PNG", 0)
    else:
        window.grab().save(out, "PNG", 0)  # quality 0: the strongest (lossless) compression
    print(out)
    window.close()
    return 0


if __name__ == "__main__":
    import argparse

    parser = argparse.ArgumentParser(description="Снимок главного окна для README и docs/")
    parser.add_argument("out", nargs="?", default="docs/screenshot.png")
    parser.add_argument("--first-start", action="store_true", help="размер первого запуска")
    parser.add_argument("--look", default="system", help="system, light, dark, contrast")
    parser.add_argument("--help-window", action="store_true", help="снимок окна справки")
    args = parser.parse_args()
    sys.exit(main(args.out, args.first_start, args.look, args.help_window))
