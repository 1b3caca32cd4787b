"""Take the README's screenshot of the main window: `xvfb-run -a -s "-screen 0 1400x900x24"
.venv/bin/python scripts/screenshot.py docs/screenshot.png`.

The window is set up as a user would leave it: a clause open from a search, the decree of
17.12.2025 chosen in the timeline, two clauses ticked for an excerpt; user folders are
temporary so nothing of the real home is read or written.
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


def main(out: str) -> int:
    tmp = Path(tempfile.mkdtemp(prefix="gp-desktop-shot-"))
    for name in ("XDG_CONFIG_HOME", "XDG_DATA_HOME", "XDG_CACHE_HOME"):
        os.environ[name] = str(tmp / name.lower())

    from PySide6.QtCore import QEventLoop
    from PySide6.QtWidgets import QApplication

    from gp_desktop.ui.window_factory import make_window

    app = QApplication(sys.argv[:1])
    app.setApplicationName("gp-desktop")
    window = make_window()
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
    window.grab().save(out, "PNG", 0)  # quality 0: the strongest (lossless) compression
    print(out)
    window.close()
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1] if len(sys.argv) > 1 else "docs/screenshot.png"))
