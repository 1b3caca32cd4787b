"""The window's look: light, dark or high contrast, following the system by default.

One place decides the colours, so the reader's bands and marks, the tree's marks and the
act's text are always drawn from the same palette and stay readable in each look (each pair
of text and background keeps a contrast of at least 4.5:1, checked by the tests). The font
size of the whole window (menus, panes, dialogs) is chosen here too; the reader's text has
its own size on top of it (zoom).
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtGui import QColor, QFont, QGuiApplication, QPalette, QPen
from PySide6.QtWidgets import QApplication, QProxyStyle, QStyle, QStyleFactory

from gp_desktop.corpus.act_html import LIGHT, DocumentColours
from gp_desktop.ui.widgets import focus_frame

SYSTEM, LIGHT_LOOK, DARK, CONTRAST = "system", "light", "dark", "contrast"
LOOKS: dict[str, str] = {
    SYSTEM: "&Как в системе",
    LIGHT_LOOK: "&Светлые",
    DARK: "&Тёмные",
    CONTRAST: "&Высокий контраст",
}
WINDOW_FONT_SIZES = (0, 9, 10, 11, 12, 14, 16, 18)
"""Point sizes offered for the whole window; 0 is the system's own size."""


@dataclass(frozen=True)
class ReaderColours:
    """What the reader paints under and beside the text, and the text's own colours."""

    current: QColor
    mark: QColor
    word: QColor
    first_word: QColor
    word_text: QColor
    amend_bar: QColor
    current_bar: QColor
    focus: QColor
    accent: QColor
    """Small accent text on the page (the citation over a search hit)."""
    document: DocumentColours

    @property
    def text(self) -> QColor:
        return QColor(self.document.text)


LIGHT_COLOURS = ReaderColours(
    current=QColor("#edf3fb"),
    mark=QColor("#fcefc7"),
    word=QColor("#ffe27a"),
    first_word=QColor("#ffb84d"),
    word_text=QColor("#1b1b1b"),
    amend_bar=QColor("#d79a2b"),
    current_bar=QColor("#3d7bd9"),
    focus=QColor("#3d7bd9"),
    accent=QColor("#2d5f9a"),
    document=LIGHT,
)
DARK_COLOURS = ReaderColours(
    current=QColor("#22344c"),
    mark=QColor("#4a3a10"),
    word=QColor("#ffd54a"),
    first_word=QColor("#ff9f1a"),
    word_text=QColor("#111111"),
    amend_bar=QColor("#e0a030"),
    current_bar=QColor("#6aa4ff"),
    focus=QColor("#6aa4ff"),
    accent=QColor("#8fbcff"),
    document=DocumentColours(
        text="#e8e8e8",
        footnote="#b4b4b4",
        marker="#cccccc",
        table_border="#808080",
        badge="#f2b850",
    ),
)
CONTRAST_COLOURS = ReaderColours(
    current=QColor("#00285a"),
    mark=QColor("#553300"),
    word=QColor("#ffff00"),
    first_word=QColor("#00ffff"),
    word_text=QColor("#000000"),
    amend_bar=QColor("#ffa500"),
    current_bar=QColor("#00bfff"),
    focus=QColor("#ffff00"),
    accent=QColor("#00ffff"),
    document=DocumentColours(
        text="#ffffff",
        footnote="#ffffff",
        marker="#ffffff",
        table_border="#ffffff",
        badge="#ffff00",
    ),
)


def _dark_palette() -> QPalette:
    p = QPalette()
    roles = QPalette.ColorRole
    for role, colour in (
        (roles.Window, "#2b2b2b"),
        (roles.WindowText, "#e8e8e8"),
        (roles.Base, "#1e1e1e"),
        (roles.AlternateBase, "#262626"),
        (roles.ToolTipBase, "#3a3a3a"),
        (roles.ToolTipText, "#f0f0f0"),
        (roles.PlaceholderText, "#9a9a9a"),
        (roles.Text, "#e8e8e8"),
        (roles.Button, "#353535"),
        (roles.ButtonText, "#e8e8e8"),
        (roles.BrightText, "#ff6b6b"),
        (roles.Link, "#7fb4ff"),
        (roles.Highlight, "#2f65b5"),
        (roles.HighlightedText, "#ffffff"),
        (roles.Light, "#4a4a4a"),
        (roles.Midlight, "#3c3c3c"),
        (roles.Mid, "#2a2a2a"),
        (roles.Dark, "#1a1a1a"),
        (roles.Shadow, "#000000"),
    ):
        p.setColor(role, QColor(colour))
    disabled = QPalette.ColorGroup.Disabled
    for role in (roles.WindowText, roles.Text, roles.ButtonText):
        p.setColor(disabled, role, QColor("#8a8a8a"))
    return p


def _contrast_palette() -> QPalette:
    p = QPalette()
    roles = QPalette.ColorRole
    for role, colour in (
        (roles.Window, "#000000"),
        (roles.WindowText, "#ffffff"),
        (roles.Base, "#000000"),
        (roles.AlternateBase, "#141414"),
        (roles.ToolTipBase, "#000000"),
        (roles.ToolTipText, "#ffffff"),
        (roles.PlaceholderText, "#d0d0d0"),
        (roles.Text, "#ffffff"),
        (roles.Button, "#000000"),
        (roles.ButtonText, "#ffffff"),
        (roles.BrightText, "#ffff00"),
        (roles.Link, "#00ffff"),
        (roles.Highlight, "#ffff00"),
        (roles.HighlightedText, "#000000"),
        (roles.Light, "#ffffff"),
        (roles.Midlight, "#c0c0c0"),
        (roles.Mid, "#808080"),
        (roles.Dark, "#ffffff"),
        (roles.Shadow, "#ffffff"),
    ):
        p.setColor(role, QColor(colour))
    disabled = QPalette.ColorGroup.Disabled
    for role in (roles.WindowText, roles.Text, roles.ButtonText):
        p.setColor(disabled, role, QColor("#b0b0b0"))
    return p


def is_dark(palette: QPalette) -> bool:
    return palette.color(QPalette.ColorRole.Base).lightness() < 128


def is_high_contrast(palette: QPalette) -> bool:
    base, text = palette.color(QPalette.ColorRole.Base), palette.color(QPalette.ColorRole.Text)
    return contrast_ratio(base, text) >= 18


def reader_colours(palette: QPalette) -> ReaderColours:
    """The reader's colours for a palette: ours or the system's, light, dark or high contrast
    (a system's own high-contrast theme gets the high-contrast marks too)."""
    if is_dark(palette):
        return CONTRAST_COLOURS if is_high_contrast(palette) else DARK_COLOURS
    return LIGHT_COLOURS


def contrast_ratio(a: QColor, b: QColor) -> float:
    """WCAG 2 contrast ratio of two colours (1 to 21)."""

    def luminance(c: QColor) -> float:
        def channel(v: float) -> float:
            return v / 12.92 if v <= 0.03928 else ((v + 0.055) / 1.055) ** 2.4

        return (
            0.2126 * channel(c.redF()) + 0.7152 * channel(c.greenF()) + 0.0722 * channel(c.blueF())
        )

    high, low = sorted((luminance(a), luminance(b)), reverse=True)
    return (high + 0.05) / (low + 0.05)


_SYSTEM: dict[str, object] = {}
"""The platform's own style, palette and font, as found before any look was applied."""


def _system(app: QApplication) -> tuple[str, QPalette, QFont]:
    if not _SYSTEM:
        _SYSTEM.update(style=app.style().name(), palette=QPalette(app.palette()), font=app.font())
    return _SYSTEM["style"], _SYSTEM["palette"], _SYSTEM["font"]  # type: ignore[return-value]


def _palette_for(look: str, system_palette: QPalette) -> QPalette | None:
    """The palette a look needs, or None for the platform's own."""
    if look == SYSTEM:
        # The platform's palette where it has a dark one; ours where it only says «dark».
        dark = QGuiApplication.styleHints().colorScheme() == Qt.ColorScheme.Dark
        return _dark_palette() if dark and not is_dark(system_palette) else None
    if look == DARK:
        return _dark_palette()
    if look == CONTRAST:
        return _contrast_palette()
    if is_dark(system_palette):
        return QStyleFactory.create("Fusion").standardPalette()
    return None


class _PlainStyle(QProxyStyle):
    """Fusion, with check boxes and text fields outlined in the text's colour: Fusion draws their outline a
    shade darker than the window, which on a dark or black page cannot be seen."""

    def drawPrimitive(self, element, option, painter, widget=None) -> None:
        super().drawPrimitive(element, option, painter, widget)
        if element in (
            QStyle.PrimitiveElement.PE_IndicatorCheckBox,
            QStyle.PrimitiveElement.PE_IndicatorItemViewItemCheck,
            QStyle.PrimitiveElement.PE_FrameLineEdit,
        ):
            painter.save()
            colour = QColor(option.palette.color(QPalette.ColorRole.Text))
            colour.setAlpha(170)
            painter.setPen(QPen(colour, 1))
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.drawRect(option.rect.adjusted(0, 0, -1, -1))
            painter.restore()


class Look(QObject):
    """The look and the window's font size in force; ``changed`` after either changes.

    Widgets follow by themselves: Qt sends them a palette and a font change, and the reader
    and the tree take their colours from :func:`reader_colours` of the palette.
    """

    changed = Signal()

    def __init__(self, app: QApplication, look: str = SYSTEM, font_size: int = 0) -> None:
        super().__init__(app)
        self.app = app
        self.look = look if look in LOOKS else SYSTEM
        self.font_size = font_size if font_size in WINDOW_FONT_SIZES else 0
        focus_frame.install(app)  # the focus in sight on lists and trees, in every look
        hints = QGuiApplication.styleHints()
        if hasattr(hints, "colorSchemeChanged"):
            hints.colorSchemeChanged.connect(lambda _scheme: self._apply())
        self._apply()

    def set_look(self, look: str) -> None:
        if look in LOOKS and look != self.look:
            self.look = look
            self._apply()

    def set_font_size(self, size: int) -> None:
        if size in WINDOW_FONT_SIZES and size != self.font_size:
            self.font_size = size
            self._apply()

    def _apply(self) -> None:
        style, system_palette, system_font = _system(self.app)
        palette = _palette_for(self.look, system_palette)
        # Fusion draws every palette faithfully; the platform's style only its own.
        plain = palette is not None
        if isinstance(self.app.style(), _PlainStyle) != plain:
            self.app.setStyle(_PlainStyle(QStyleFactory.create("Fusion")) if plain else style)
        wanted = palette if palette is not None else system_palette
        if self.app.palette() != wanted:
            self.app.setPalette(wanted)
        font = QFont(system_font)
        if self.font_size:
            font.setPointSize(self.font_size)
        if self.app.font() != font:
            self.app.setFont(font)
        self.changed.emit()
