"""The page style of an excerpt saved as ODT: A4, the excerpt's margins, a footer on each page.

Qt's ODF writer stores the text and its formats but no page style, so a word processor would
open the excerpt without the act's name and the page numbers at the foot of the pages. This
adds a ``styles.xml`` with a master page whose footer holds the name and «стр. N из M» as
fields the word processor fills in, and rewrites the package with ``mimetype`` first and
uncompressed, as the OpenDocument format requires.
"""

from __future__ import annotations

import re
import zipfile
from pathlib import Path
from xml.sax.saxutils import escape

_NS = (
    'xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" '
    'xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0" '
    'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" '
    'xmlns:fo="urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0"'
)
PAGE_WIDTH_MM = 210
PAGE_HEIGHT_MM = 297


def styles_xml(footer: str, margins_mm: tuple[float, float, float, float], font: str) -> str:
    """``styles.xml`` with one master page «Standard»; margins are left, top, right, bottom."""
    left, top, right, bottom = margins_mm
    text_width = PAGE_WIDTH_MM - left - right
    return (
        '<?xml version="1.0" encoding="UTF-8"?>\n'
        f'<office:document-styles {_NS} office:version="1.2">'
        "<office:automatic-styles>"
        '<style:page-layout style:name="ExcerptPage">'
        f'<style:page-layout-properties fo:page-width="{PAGE_WIDTH_MM}mm" '
        f'fo:page-height="{PAGE_HEIGHT_MM}mm" style:print-orientation="portrait" '
        f'fo:margin-left="{left}mm" fo:margin-top="{top}mm" fo:margin-right="{right}mm" '
        f'fo:margin-bottom="{bottom}mm"/>'
        '<style:footer-style><style:header-footer-properties fo:min-height="0mm" '
        'fo:margin-top="4mm" fo:padding-top="1mm" fo:border-top="0.5pt solid #000000"/>'
        "</style:footer-style>"
        "</style:page-layout>"
        '<style:style style:name="ExcerptFooter" style:family="paragraph">'
        "<style:paragraph-properties><style:tab-stops>"
        f'<style:tab-stop style:position="{text_width}mm" style:type="right"/>'
        "</style:tab-stops></style:paragraph-properties>"
        f'<style:text-properties fo:font-family="{escape(font, {chr(34): "&quot;"})}" '
        'fo:font-size="9pt"/>'
        "</style:style>"
        "</office:automatic-styles>"
        "<office:master-styles>"
        '<style:master-page style:name="Standard" style:page-layout-name="ExcerptPage">'
        '<style:footer><text:p text:style-name="ExcerptFooter">'
        f"{escape(footer)}<text:tab/>стр. "
        '<text:page-number text:select-page="current"/> из <text:page-count/>'
        "</text:p></style:footer>"
        "</style:master-page>"
        "</office:master-styles>"
        "</office:document-styles>\n"
    )


def _manifest_with_styles(manifest: str) -> str:
    if 'full-path="styles.xml"' in manifest:
        return manifest
    entry = '<manifest:file-entry manifest:media-type="text/xml" manifest:full-path="styles.xml"/>'
    return re.sub(r"(\s*</manifest:manifest>)", f"\n {entry}\\1", manifest, count=1)


def add_page_style(
    path: str | Path,
    footer: str,
    margins_mm: tuple[float, float, float, float],
    font: str = "DejaVu Serif",
) -> None:
    """Rewrite the ODT package at ``path`` in place with the excerpt's page style and footer."""
    with zipfile.ZipFile(path) as package:
        entries = {name: package.read(name) for name in package.namelist()}
    entries["styles.xml"] = styles_xml(footer, margins_mm, font).encode("utf-8")
    manifest = entries.get("META-INF/manifest.xml", b"").decode("utf-8")
    entries["META-INF/manifest.xml"] = _manifest_with_styles(manifest).encode("utf-8")
    mimetype = entries.pop("mimetype", b"application/vnd.oasis.opendocument.text")
    with zipfile.ZipFile(path, "w") as package:
        package.writestr("mimetype", mimetype, compress_type=zipfile.ZIP_STORED)
        for name, data in entries.items():
            package.writestr(name, data, compress_type=zipfile.ZIP_DEFLATED)
