"""Render the application icon from its SVG drawings into the PNGs and the Windows .ico.

The PNGs and the .ico are committed, so neither the app nor the desktop build needs an SVG
renderer; run this again after changing an SVG:

    .venv/bin/python scripts/render_icons.py

16 and 32 pixels come from ``gp-desktop-small.svg`` (no fine details, letters on the pixel
grid), the larger sizes from ``gp-desktop.svg``. The .ico holds every size as a PNG image,
which Windows reads since Vista; packing it takes a few lines of ``struct``, less than a
dependency on an imaging library would cost.
"""

from __future__ import annotations

import os
import struct
import sys
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, Qt
from PySide6.QtGui import QGuiApplication, QImage, QPainter
from PySide6.QtSvg import QSvgRenderer

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from gp_desktop.atomic_file import write_atomic  # noqa: E402
from gp_desktop.paths import APP_ICON_SIZES, app_icon_path, icons_dir  # noqa: E402

SMALL_SIZES = (16, 32)


def render_png(svg: Path, size: int) -> bytes:
    renderer = QSvgRenderer(str(svg))
    if not renderer.isValid():
        raise SystemExit(f"render_icons: cannot read {svg}")
    image = QImage(size, size, QImage.Format.Format_ARGB32_Premultiplied)
    image.fill(Qt.GlobalColor.transparent)
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    renderer.render(painter)
    painter.end()
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    image.save(buffer, "PNG")
    buffer.close()
    return bytes(data.data())


def pack_ico(pngs: dict[int, bytes]) -> bytes:
    """An ICO file (ICONDIR, one ICONDIRENTRY per size, then the PNG images)."""
    header = struct.pack("<HHH", 0, 1, len(pngs))
    offset = len(header) + 16 * len(pngs)
    entries, images = b"", b""
    for size, png in sorted(pngs.items()):
        side = 0 if size >= 256 else size  # 0 stands for 256 in the one-byte fields
        entries += struct.pack("<BBBBHHII", side, side, 0, 0, 1, 32, len(png), offset)
        images += png
        offset += len(png)
    return header + entries + images


def main() -> int:
    app = QGuiApplication(sys.argv[:1])  # noqa: F841 - QImage needs an application object
    folder = icons_dir()
    pngs = {}
    for size in APP_ICON_SIZES:
        svg = folder / ("gp-desktop-small.svg" if size in SMALL_SIZES else "gp-desktop.svg")
        pngs[size] = render_png(svg, size)
        write_atomic(app_icon_path(size), pngs[size])
    write_atomic(folder / "gp-desktop.ico", pack_ico(pngs))
    print(f"render_icons: {len(pngs)} PNGs and gp-desktop.ico in {folder.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
