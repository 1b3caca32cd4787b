"""«О программе»: the version, the act and its edition, the corpus file, the text's hash.

The hash is the one every выписка prints in its source line (``excerpt.names.text_digest``),
so a printed выписка can be matched with the program that made it."""

from __future__ import annotations

import html

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox, QWidget

from gp_desktop import __version__
from gp_desktop.corpus.footnotes import short_date
from gp_desktop.corpus.reader import Corpus
from gp_desktop.excerpt.names import text_digest


def about_text(corpus: Corpus) -> str:
    act = corpus.act
    return (
        f"<h3>gp-desktop {html.escape(__version__)}</h3>"
        "<p>Справочник без сети: "
        f"{html.escape(act.kind)} от {short_date(act.date)} № {html.escape(act.number)} "
        f"«{html.escape(act.title)}» и утверждённое им Положение о Генеральной прокуратуре "
        "Республики Казахстан.</p>"
        f"<p>Редакция акта по состоянию на <b>{short_date(act.edition_date)}</b>"
        f"{'' if corpus.is_current else ' (недействующая)'}; редакций в корпусе: "
        f"{len(corpus.editions)}, действующая — от "
        f"{short_date(next(e.date for e in corpus.editions if e.current))}.</p>"
        f"<p>Корпус: {html.escape(str(corpus.path))}<br>"
        f"Исходный текст: {html.escape(corpus.edition.source_name or '—')}<br>"
        # The same digest the выписка's source line gives (excerpt.names.text_digest).
        f"SHA-256: <tt>{text_digest(corpus)}</tt></p>"
        "<p>Программа ничего не загружает из сети.</p>"
    )


def show_about(parent: QWidget, corpus: Corpus) -> QMessageBox:
    box = QMessageBox(parent)
    box.setObjectName("aboutBox")
    box.setWindowTitle("О программе")
    box.setTextFormat(Qt.TextFormat.RichText)
    box.setText(about_text(corpus))
    box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    box.open()
    return box
