"""«О программе»: the version, the act and its edition, the corpus file and its hash."""

from __future__ import annotations

import html

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox, QWidget

from gp_desktop import __version__
from gp_desktop.corpus.footnotes import short_date
from gp_desktop.corpus.reader import Corpus


def about_text(corpus: Corpus) -> str:
    act = corpus.act
    return (
        f"<h3>gp-desktop {html.escape(__version__)}</h3>"
        "<p>Справочник без сети: "
        f"{html.escape(act.kind)} от {short_date(act.date)} № {html.escape(act.number)} "
        f"«{html.escape(act.title)}» и утверждённое им Положение о Генеральной прокуратуре "
        "Республики Казахстан.</p>"
        f"<p>Редакция акта по состоянию на <b>{short_date(act.edition_date)}</b>.</p>"
        f"<p>Корпус: {html.escape(corpus.path.name)}<br>"
        f"SHA-256: <tt>{corpus.file_sha256}</tt></p>"
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
