"""Printing excerpts: one printer setup for print, print preview and PDF; ODT through Qt.

Every page is painted here, not by ``QTextDocument.print_``, because a выписка carries the
act's short name and «стр. N из M» at the foot of each page, which ``print_`` cannot draw. The
same painting serves the printer, the preview (``QPrintPreviewDialog.paintRequested``) and the
PDF (``QPdfWriter``), so what the user previews is what is printed and saved. Files are
rendered into a temporary file beside the target and renamed over it, so a failure never
leaves half a file. The command line uses this module too: ``ensure_app`` starts Qt offscreen
when there is no display.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QMarginsF, QPointF, QRectF, QSizeF, Qt
from PySide6.QtGui import (
    QFont,
    QFontDatabase,
    QFontMetricsF,
    QImage,
    QPagedPaintDevice,
    QPageLayout,
    QPageSize,
    QPainter,
    QPdfWriter,
    QPen,
    QTextBlock,
    QTextCharFormat,
    QTextCursor,
    QTextDocument,
    QTextDocumentWriter,
    QTextFormat,
    QTextFrame,
    QTextLine,
    QTextTable,
)
from PySide6.QtPrintSupport import QPrintDialog, QPrinter, QPrintPreviewDialog
from PySide6.QtWidgets import QApplication, QDialog, QWidget

from gp_desktop.atomic_file import verify_zip
from gp_desktop.excerpt import Excerpt, ExcerptError
from gp_desktop.excerpt.files import (
    output_format,
    suggested_stem,
    write_document,
    write_rendered,
)
from gp_desktop.excerpt.odt import add_page_style
from gp_desktop.excerpt.paper import BUNDLED_SERIF, FOOTER_POINT_SIZE, Paper
from gp_desktop.excerpt.word import write_docx_file
from gp_desktop.ui.fonts import register_bundled_fonts

# The chosen family (Times New Roman by default), then the bundled Liberation Serif with the
# same letter widths; both carry Cyrillic and the Kazakh letters (Ә, Ғ, Қ, Ң, Ө, Ұ, Ү, Һ, І).
SERIF_FAMILIES = ["Times New Roman", BUNDLED_SERIF]
BODY_POINT_SIZE = Paper().point_size
PAGE_MARGINS_MM = QMarginsF(*(Paper().margins_mm[i] for i in (0, 1, 2, 3)))
"""The default margins: left 30 mm for filing, top 20, right 15, bottom 20."""
PDF_RESOLUTION = 600
PUSHED_GAP = 8
"""More than this many pixels between a row's text and the next row: the next was pushed."""
KEEP_PASSES = 400
"""At most so many blocks are moved to the next page to keep them with what follows."""
LAYOUT_DPI = 96
TABLE_RULE_WIDTH = 0.75
_LIGATURE_TAGS = ("liga", "clig", "dlig")

_app: QCoreApplication | None = None
_printer: QPrinter | None = None


def ensure_app() -> QCoreApplication:
    """The running Qt application, or a new one for the command line.

    A command shows no window, so on Linux it runs Qt offscreen unless told otherwise: it
    then works without a display and with a stale one alike. Elsewhere the platform's own
    plugin is kept, for its font database holds the system's fonts.
    """
    global _app
    app = QCoreApplication.instance()
    if app is not None:
        return app
    if sys.platform.startswith("linux") and not os.environ.get("QT_QPA_PLATFORM"):
        os.environ["QT_QPA_PLATFORM"] = "offscreen"
    from gp_desktop.ui.display import screen_problem

    if problem := screen_problem():  # Qt would abort the process instead
        raise ExcerptError(problem)
    _app = QApplication(["gp-desktop"])
    register_bundled_fonts()
    return _app


def cyrillic_font_problem() -> str:
    """ "" when a font with Cyrillic letters is installed (the bundled one counts once it is
    registered); otherwise the reason, for the self-test and the PDF, which would be boxes."""
    ensure_app()
    register_bundled_fonts()
    if QFontDatabase.families(QFontDatabase.WritingSystem.Cyrillic):
        return ""
    return (
        "нет шрифта с кириллицей: текст вышел бы квадратиками; установите шрифты "
        "(например, fonts-dejavu или fonts-liberation)"
    )


def installed_families(paper: Paper | None = None) -> list[str]:
    """The paper's families that Qt has (the bundled serif always, once registered)."""
    register_bundled_fonts()
    installed = set(QFontDatabase.families())
    wanted = (paper or Paper()).families
    return [f for f in wanted if f in installed] or wanted


def body_font(point_size: float = BODY_POINT_SIZE, paper: Paper | None = None) -> QFont:
    """The excerpt's serif, naming only families that are installed so Qt does not guess."""
    families = installed_families(paper)
    font = QFont()
    font.setFamilies(families)
    font.setStyleHint(QFont.StyleHint.Serif)
    font.setPointSizeF(point_size)
    _no_ligatures(font)
    return font


def _no_ligatures(font: QFont) -> None:
    # «ff» drawn as one glyph comes back out of the PDF as «ﬀ»: copied text would differ.
    for tag in _LIGATURE_TAGS:
        font.setFeature(QFont.Tag(tag), 0)


def page_layout(paper: Paper | None = None) -> QPageLayout:
    """A4 portrait with the paper's margins (left, top, right, bottom in millimetres)."""
    left, top, right, bottom = (paper or Paper()).margins_mm
    return QPageLayout(
        QPageSize(QPageSize.PageSizeId.A4),
        QPageLayout.Orientation.Portrait,
        QMarginsF(left, top, right, bottom),
        QPageLayout.Unit.Millimeter,
    )


def make_printer(paper: Paper | None = None) -> QPrinter:
    """A printer set up for excerpts: A4, the excerpt margins, high resolution."""
    ensure_app()
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setPageLayout(page_layout(paper))
    printer.setFullPage(False)
    return printer


def shared_printer() -> QPrinter:
    """One printer for the session, so the choices made in the print dialog are kept."""
    global _printer
    if _printer is None:
        _printer = make_printer()
    return _printer


def excerpt_document(excerpt: Excerpt) -> QTextDocument:
    """The excerpt's HTML as a QTextDocument in the excerpt's font."""
    ensure_app()
    doc = QTextDocument()
    doc.setDefaultFont(body_font(excerpt.paper.point_size, excerpt.paper))
    html = excerpt.html
    families = installed_families(excerpt.paper)
    if families != excerpt.paper.families:  # name only what Qt has, or it guesses a sans
        wanted = ", ".join(f"'{f}'" for f in excerpt.paper.families)
        html = html.replace(wanted, ", ".join(f"'{f}'" for f in families), 1)
    doc.setHtml(html)
    plain = QTextCharFormat()
    plain.setFontFeatures({QFont.Tag(tag): 0 for tag in _LIGATURE_TAGS})
    cursor = QTextCursor(doc)
    cursor.select(QTextCursor.SelectionType.Document)
    cursor.mergeCharFormat(plain)
    doc.setMetaInformation(QTextDocument.MetaInformation.DocumentTitle, excerpt.title)
    return doc


def _page_range(device: QPagedPaintDevice, pages: int) -> range:
    """The pages to paint: all, or those chosen in the print dialog."""
    if isinstance(device, QPrinter) and device.printRange() == QPrinter.PrintRange.PageRange:
        first = max(device.fromPage(), 1)
        last = min(device.toPage() or pages, pages)
        return range(first - 1, last)
    return range(pages)


def _layout_device() -> QImage:
    """A stand-in device at the CSS reference resolution (96 dpi) to lay the excerpt out on.

    Qt takes lengths in the HTML's CSS (margins, indents, cell padding) as pixels of the
    layout's device. Laid out at 96 dpi, as a browser would, and then scaled onto the page,
    the excerpt looks the same on a 300 dpi printer, in a 600 dpi PDF and in the preview.
    """
    image = QImage(1, 1, QImage.Format.Format_ARGB32)
    dots_per_metre = round(LAYOUT_DPI / 0.0254)
    image.setDotsPerMeterX(dots_per_metre)
    image.setDotsPerMeterY(dots_per_metre)
    return image


class _Pages:
    """The excerpt laid out in pages of one size: which lines and table cells fall on each.

    Text is drawn line by line onto the page that holds it. Qt's own document painting also
    draws, clipped out of sight, the last line of a paragraph that ends on the previous page;
    a PDF would keep that hidden line, and text copied or extracted from the page would
    repeat it. Table rules are drawn here for the same reason: Qt draws them only together
    with the text.
    """

    def __init__(self, excerpt: Excerpt, width: float, height: float) -> None:
        self.reference = _layout_device()
        self.doc = excerpt_document(excerpt)
        self.doc.setUseDesignMetrics(True)  # advances that scale exactly onto the page
        self.doc.setDocumentMargin(0)  # the page layout's margins frame the text
        tables = [f for f in _frames(self.doc.rootFrame()) if isinstance(f, QTextTable)]
        for table in tables:
            table_format = table.format()
            table_format.setBorder(0)
            table.setFormat(table_format)
        layout = self.doc.documentLayout()
        layout.setPaintDevice(self.reference)
        self.size = QSizeF(width, height)
        self.doc.setPageSize(self.size)
        self.moved = keep_together(self.doc, excerpt.keep_with_next, height)
        self.count = self.doc.pageCount()
        self.lines: dict[int, list[tuple[QTextLine, QPointF]]] = {}
        block = self.doc.begin()
        while block.isValid():
            text_layout = block.layout()
            origin = layout.blockBoundingRect(block).topLeft()
            for i in range(text_layout.lineCount()):
                line = text_layout.lineAt(i)
                middle = origin.y() + line.y() + line.height() / 2
                self.lines.setdefault(int(middle // height), []).append((line, origin))
            block = block.next()
        self.cells = [rect for table in tables for rect in _cell_rects(self.doc, table)]

    def paint(self, painter: QPainter, page: int) -> None:
        top = page * self.size.height()
        bottom = top + self.size.height()
        painter.save()
        painter.translate(0, -top)
        # Only the page break needs a clip; a glyph hinted a hair wider on a screen-resolution
        # preview must not be cut at the right margin.
        spare = self.size.width() * 0.05
        painter.setClipRect(QRectF(-spare, top, self.size.width() + 2 * spare, self.size.height()))
        # Black whatever the desktop theme: a dark theme must not print white text.
        painter.setPen(QPen(Qt.GlobalColor.black))
        for line, origin in self.lines.get(page, []):
            line.draw(painter, origin)
        painter.setPen(QPen(Qt.GlobalColor.black, TABLE_RULE_WIDTH))
        painter.setBrush(Qt.BrushStyle.NoBrush)
        inset = TABLE_RULE_WIDTH / 2
        for cell in self.cells:
            if cell.bottom() <= top or cell.top() >= bottom:
                continue
            # Rules on the text's edge would be cut in half by the page clip.
            rect = QRectF(
                QPointF(max(cell.left(), inset), cell.top()),
                QPointF(min(cell.right(), self.size.width() - inset), cell.bottom()),
            )
            painter.drawRect(rect)
            # A row split by the page break is closed at the foot of one page and the head
            # of the next.
            if rect.bottom() > bottom:
                painter.drawLine(
                    QPointF(rect.left(), bottom - inset), QPointF(rect.right(), bottom - inset)
                )
            if rect.top() < top:
                painter.drawLine(
                    QPointF(rect.left(), top + inset), QPointF(rect.right(), top + inset)
                )
        painter.restore()


def _anchor_of(block: QTextBlock) -> str:
    """The first anchor name at the start of ``block`` (the excerpt names its paragraphs)."""
    it = block.begin()
    while not it.atEnd():
        names = it.fragment().charFormat().anchorNames()
        if names:
            return names[0]
        it += 1
    return ""


def _page_span(doc: QTextDocument, block: QTextBlock, height: float) -> tuple[int, int, float]:
    """The pages of ``block``'s first and last lines, and the top of its first line."""
    rect = doc.documentLayout().blockBoundingRect(block)
    layout = block.layout()
    if layout.lineCount() == 0:
        top = rect.top()
        return int(top // height), int(top // height), top
    first, last = layout.lineAt(0), layout.lineAt(layout.lineCount() - 1)
    top = rect.top() + first.y()
    bottom = rect.top() + last.y() + last.height() / 2
    return int((top + first.height() / 2) // height), int(bottom // height), top


def keep_together(doc: QTextDocument, keep: frozenset[str], height: float) -> int:
    """Move to the next page each run of blocks that must stay with the block after them
    (headings, lead-ins, the last lines before the source line) and would end a page; a
    table that does not fit where it starts but fits on a page starts on the next, so no
    row is cut in two. The number of blocks moved."""
    moved = 0
    block = doc.begin()
    run_start: QTextBlock | None = None  # the first of the keep-with-next blocks before
    previous: QTextBlock | None = None
    while block.isValid() and moved < KEEP_PASSES:
        table = _in_table(block)
        if table is not None:
            moved += _keep_table(doc, table, run_start, height)
            run_start = previous = None
            block = _after_table(doc, table)
            continue
        if run_start is not None and previous is not None:
            _, last_page, _ = _page_span(doc, previous, height)
            here, _, _ = _page_span(doc, block, height)
            if here > last_page and not _at_page_top(doc, run_start, height):
                _break_before(run_start)
                moved += 1
        run_start = (run_start or block) if _anchor_of(block) in keep else None
        previous = block
        block = block.next()
    return moved


def _break_before(block: QTextBlock) -> None:
    fmt = block.blockFormat()
    fmt.setPageBreakPolicy(QTextFormat.PageBreakFlag.PageBreak_AlwaysBefore)
    QTextCursor(block).setBlockFormat(fmt)
    relayout(block.document())


def relayout(doc: QTextDocument) -> None:
    """Lay the whole document out again now: after a format change Qt lays out lazily, and
    the positions (and the page count) read next would be those of the old layout."""
    size = doc.pageSize()
    doc.setPageSize(QSizeF(size.width(), size.height() + 1))
    doc.setPageSize(size)


def _at_page_top(doc: QTextDocument, block: QTextBlock, height: float) -> bool:
    _, _, top = _page_span(doc, block, height)
    return top - (top // height) * height < 1 or block == doc.begin()


def _in_table(block: QTextBlock) -> QTextTable | None:
    frame = QTextCursor(block).currentFrame()
    while frame is not None:
        if isinstance(frame, QTextTable):
            return frame
        frame = frame.parentFrame()
    return None


def _after_table(doc: QTextDocument, table: QTextTable) -> QTextBlock:
    return doc.findBlock(table.lastPosition() + 1)


def _keep_table(
    doc: QTextDocument, table: QTextTable, run_start: QTextBlock | None, height: float
) -> int:
    """Start a table on the next page (with the headings before it) when a row of it would
    be cut by the page's foot and the table fits on a page; a longer table has each row that
    would be cut start on the next page instead."""
    layout = doc.documentLayout()
    rect = layout.frameBoundingRect(table)
    if rect.height() <= 0:
        return 0
    top_page, bottom_page = int(rect.top() // height), int((rect.bottom() - 1) // height)
    if top_page == bottom_page:
        return 0
    if rect.height() >= height:
        return _keep_rows(doc, table, height)
    if run_start is not None:
        _break_before(run_start)
    else:
        fmt = table.format()
        fmt.setPageBreakPolicy(QTextFormat.PageBreakFlag.PageBreak_AlwaysBefore)
        table.setFormat(fmt)
        relayout(doc)
    return 1


def _row_cells(table: QTextTable, row: int) -> list:
    cells = [table.cellAt(row, column) for column in range(table.columns())]
    return [c for c in cells if c.row() == row and c.rowSpan() == 1]


def _cell_text_span(doc: QTextDocument, cell) -> tuple[float, float]:
    """The top of a cell's first line and the bottom of its last, in document coordinates."""
    layout = doc.documentLayout()
    first = cell.firstCursorPosition().block()
    last = cell.lastCursorPosition().block()
    top_rect, bottom_rect = layout.blockBoundingRect(first), layout.blockBoundingRect(last)
    first_layout, last_layout = first.layout(), last.layout()
    top = top_rect.top() + (first_layout.lineAt(0).y() if first_layout.lineCount() else 0)
    bottom = bottom_rect.bottom()
    if last_layout.lineCount():
        line = last_layout.lineAt(last_layout.lineCount() - 1)
        bottom = bottom_rect.top() + line.y() + line.height()
    return top, bottom


def _keep_rows(doc: QTextDocument, table: QTextTable, height: float) -> int:
    """Push each row the page's foot would cut to the top of the next page, by a top padding
    of each of its cells (Qt's layout ignores a margin there)."""
    moved = 0
    padding = table.format().cellPadding()
    for row in range(table.rows()):
        cells = _row_cells(table, row)
        if not cells:
            continue
        spans = [_cell_text_span(doc, cell) for cell in cells]
        top = min(t for t, _ in spans) - padding
        bottom = max(b for _, b in spans) + padding
        if bottom - top >= height or int(top // height) == int((bottom - 1) // height):
            continue
        gap = (int(top // height) + 1) * height - top + 1
        for cell in cells:
            fmt = cell.format().toTableCellFormat()
            fmt.setTopPadding(padding + gap)
            cell.setFormat(fmt)
        relayout(doc)
        moved += 1
    return moved


def _frames(frame: QTextFrame) -> list[QTextFrame]:
    found = []
    for child in frame.childFrames():
        found.append(child)
        found.extend(_frames(child))
    return found


def _cell_rects(doc: QTextDocument, table: QTextTable) -> list[QRectF]:
    """Each cell's box in document coordinates, from where the layout put the cells' text."""
    layout = doc.documentLayout()
    padding = table.format().cellPadding()
    cells = {}
    for row in range(table.rows()):
        for column in range(table.columns()):
            cell = table.cellAt(row, column)
            if (cell.row(), cell.column()) == (row, column):
                first = layout.blockBoundingRect(cell.firstCursorPosition().block())
                cells[row, column] = (cell, first.topLeft() - QPointF(padding, padding))
    if not cells:
        return []
    lefts = [
        min(p.x() for (_, c), (_, p) in cells.items() if c == col) for col in range(table.columns())
    ]
    tops = [
        min(p.y() for (r, _), (_, p) in cells.items() if r == row) for row in range(table.rows())
    ]
    frame = layout.frameBoundingRect(table)
    right, bottom = lefts[0] + frame.width(), tops[0] + frame.height()
    # A row starts where its text does (less the padding): a row pushed to the next page by
    # ``_keep_rows`` has its box there, and the row above it ends with its own text.
    for row in range(table.rows()):
        spans = [_cell_text_span(doc, cell) for cell in _row_cells(table, row)]
        if spans:
            tops[row] = min(t for t, _ in spans) - padding
    ends = {}
    for row in range(table.rows()):
        spans = [_cell_text_span(doc, cell) for cell in _row_cells(table, row)]
        if spans:
            ends[row] = max(b for _, b in spans) + padding
    rects = []
    for (row, column), (cell, _) in cells.items():
        last_column = column + cell.columnSpan()
        last_row = row + cell.rowSpan()
        x1 = lefts[last_column] if last_column < len(lefts) else right
        y1 = tops[last_row] if last_row < len(tops) else bottom
        if cell.rowSpan() == 1 and row in ends and y1 - ends[row] > PUSHED_GAP:
            y1 = ends[row]  # the next row was pushed to the next page: end with the text
        rects.append(QRectF(QPointF(lefts[column], tops[row]), QPointF(x1, y1)))
    return rects


def _paginate(device: QPagedPaintDevice, excerpt: Excerpt) -> tuple[_Pages, float, float]:
    """The excerpt in pages of ``device``'s size, with the scale from 96 dpi to the device."""
    ensure_app()
    scale_x = device.logicalDpiX() / LAYOUT_DPI
    scale_y = device.logicalDpiY() / LAYOUT_DPI
    width, height = device.width() / scale_x, device.height() / scale_y
    footer_font = body_font(FOOTER_POINT_SIZE, excerpt.paper)
    footer_height = QFontMetricsF(footer_font, _layout_device()).height() * 2.5
    return _Pages(excerpt, width, height - footer_height), scale_x, scale_y


def page_count(device: QPagedPaintDevice, excerpt: Excerpt) -> int:
    """How many pages the excerpt takes on ``device``."""
    return _paginate(device, excerpt)[0].count


def paint_excerpt(device: QPagedPaintDevice, excerpt: Excerpt) -> int:
    """Lay the excerpt out in pages of ``device`` and paint them with footers; the page count.

    The layout is made at 96 dpi and scaled onto the device, so the pages look the same on
    paper, in the PDF and in the preview. Pages break between lines, never through one; each
    page carries the act's short name and «стр. N из M» under a rule at its foot.
    """
    pages, scale_x, scale_y = _paginate(device, excerpt)
    footer_font = body_font(FOOTER_POINT_SIZE, excerpt.paper)
    painter = QPainter()
    if not painter.begin(device):
        raise ExcerptError("не удалось начать печать выписки (устройство недоступно)")
    try:
        painter.scale(scale_x, scale_y)
        for n, page in enumerate(_page_range(device, pages.count)):
            if n and not device.newPage():
                raise ExcerptError("не удалось начать новую страницу выписки")
            pages.paint(painter, page)
            _paint_footer(painter, excerpt, page + 1, pages.count, footer_font)
    finally:
        painter.end()
    return pages.count


def _paint_footer(painter: QPainter, excerpt: Excerpt, page: int, pages: int, font: QFont) -> None:
    """The act's name and «стр. N из M» under a rule, drawn in the device's own units."""
    device = painter.device()
    width, height = float(device.width()), float(device.height())
    painter.save()
    painter.resetTransform()
    painter.setClipping(False)
    painter.setFont(font)
    painter.setPen(QPen(Qt.GlobalColor.black, 0))  # cosmetic: a hairline on any device
    metrics = QFontMetricsF(font, device)
    baseline = height - metrics.descent()
    rule = baseline - metrics.ascent() - metrics.height() * 0.5
    painter.drawLine(QPointF(0, rule), QPointF(width, rule))
    name, number = excerpt.page_footer(page, pages)
    number_width = metrics.horizontalAdvance(number)
    gap = metrics.horizontalAdvance("    ")
    name = metrics.elidedText(name, Qt.TextElideMode.ElideRight, width - number_width - gap)
    painter.drawText(QPointF(0, baseline), name)
    painter.drawText(QPointF(width - number_width, baseline), number)
    painter.restore()


def pdf_writer(path: str | Path, title: str = "", paper: Paper | None = None) -> QPdfWriter:
    """A PDF device with the excerpt's page: A4, its margins, 600 dpi, title in the metadata."""
    writer = QPdfWriter(str(path))
    writer.setResolution(PDF_RESOLUTION)
    writer.setPageLayout(page_layout(paper))
    writer.setTitle(title)
    writer.setCreator("gp-desktop")
    return writer


def save_excerpt(excerpt: Excerpt, path: str | Path) -> Path:
    """Save in the format the extension names: .pdf, .docx, .odt, .html or .txt."""
    suffix = output_format(path)
    if suffix == ".pdf":
        return write_pdf(excerpt, path)
    if suffix == ".odt":
        return write_odt(excerpt, path)
    if suffix == ".docx":
        return write_docx(excerpt, path)
    return write_document(excerpt, path)


def write_docx(excerpt: Excerpt, path: str | Path) -> Path:
    """The excerpt as a Word file (``gp_desktop.excerpt.docx``), after the same check as the
    PDF that a font with Cyrillic letters is there (the bundled serif counts)."""
    if problem := cyrillic_font_problem():
        raise ExcerptError(f"{path}: {problem}")
    return write_docx_file(excerpt, path)


def write_pdf(excerpt: Excerpt, path: str | Path) -> Path:
    """The excerpt as a PDF with its fonts embedded, written atomically to ``path``."""
    ensure_app()

    if problem := cyrillic_font_problem():
        raise ExcerptError(f"{path}: {problem}")

    def render(tmp: Path) -> None:
        writer = pdf_writer(tmp, excerpt.title, excerpt.paper)
        paint_excerpt(writer, excerpt)
        del writer  # the file is complete once the writer is gone

    # Qt reports no write error (a full disk): write_rendered checks the PDF's trailer.
    return write_rendered(path, render)


def write_odt(excerpt: Excerpt, path: str | Path) -> Path:
    """The excerpt as an OpenDocument text with the footer on every page, written atomically."""
    ensure_app()

    def render(tmp: Path) -> None:
        writer = QTextDocumentWriter(str(tmp), b"odf")
        if not writer.write(excerpt_document(excerpt)):
            raise ExcerptError(f"{path}: не удалось записать ODT")
        del writer  # closes the file before it is reopened below
        verify_zip(tmp)  # Qt says nothing of a full disk: a cut package fails here, not later
        add_page_style(
            tmp, excerpt.footer, excerpt.paper.margins_mm, installed_families(excerpt.paper)[0]
        )

    return write_rendered(path, render)


def print_excerpt(
    parent: QWidget | None, excerpt: Excerpt, printer: QPrinter | None = None
) -> bool:
    """Print through the platform's print dialog; False when the user cancels.

    The document's name is the short file name (``files.suggested_name``): Qt's dialog offers
    it as the name of a PDF, and the title (399 bytes in UTF-8) would be over the 255-byte
    limit of a file name."""
    printer = printer or shared_printer()
    printer.setPageLayout(page_layout(excerpt.paper))
    printer.setDocName(suggested_stem(excerpt))
    if problem := cyrillic_font_problem():
        raise ExcerptError(problem)
    dialog = QPrintDialog(printer, parent)
    dialog.setWindowTitle("Печать выписки")
    dialog.setMinMax(1, page_count(printer, excerpt))  # the page range the user may choose
    if dialog.exec() != QDialog.DialogCode.Accepted:
        return False
    paint_excerpt(printer, excerpt)
    return True


def preview_excerpt(
    parent: QWidget | None, excerpt: Excerpt, printer: QPrinter | None = None
) -> bool:
    """Show the pages as they will be printed; True when printed from the preview."""
    printer = printer or shared_printer()
    printer.setPageLayout(page_layout(excerpt.paper))
    printer.setDocName(suggested_stem(excerpt))
    dialog = QPrintPreviewDialog(printer, parent)
    dialog.setWindowTitle(f"Предварительный просмотр — {excerpt.title}")
    dialog.paintRequested.connect(lambda device: paint_excerpt(device, excerpt))
    return dialog.exec() == QDialog.DialogCode.Accepted
