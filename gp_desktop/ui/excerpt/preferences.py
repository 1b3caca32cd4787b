"""«Настройки выписки…»: the font, its size and the margins of the pages, and who certifies.

Set once and kept in the settings file (``gp_desktop.ui.settings``); the excerpt pane, the
printer, the PDF, ODT and DOCX and the act's print and export all read them through
``paper_from`` and ``certification_from``. «По умолчанию» brings back the official paper:
Times New Roman 14, left 30 mm, right 15, top and bottom 20.
"""

from __future__ import annotations

from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QDoubleSpinBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from gp_desktop.excerpt.paper import (
    BUNDLED_SERIF,
    DEFAULT_FAMILY,
    MAX_MARGIN_MM,
    MAX_POINT_SIZE,
    MIN_MARGIN_MM,
    MIN_POINT_SIZE,
    Certification,
    Paper,
)
from gp_desktop.ui import settings as keys
from gp_desktop.ui.settings import Settings

FAMILIES = (DEFAULT_FAMILY, BUNDLED_SERIF, "PT Serif", "DejaVu Serif")
"""Offered in the dialog; any installed family may be typed in."""


def paper_from(settings: Settings | None) -> Paper:
    """The paper the preferences name; the official one when there are none."""
    if settings is None:
        return Paper()
    try:
        margins = tuple(float(x) for x in settings.get(keys.EXCERPT_MARGINS).split())
    except ValueError:
        margins = ()
    if len(margins) != 4:
        margins = Paper().margins_mm
    return Paper(settings.get(keys.EXCERPT_FONT), settings.get(keys.EXCERPT_FONT_SIZE), margins)


def certification_from(settings: Settings | None) -> Certification | None:
    """«Выписка верна» with the position and name, when it is switched on."""
    if settings is None or not settings.get(keys.CERTIFY):
        return None
    cert = Certification(settings.get(keys.CERTIFY_POSITION), settings.get(keys.CERTIFY_NAME))
    return cert if cert.wanted else None


def save_preferences(settings: Settings, paper: Paper, certify: bool, cert: Certification) -> None:
    settings.set(keys.EXCERPT_FONT, paper.family)
    settings.set(keys.EXCERPT_FONT_SIZE, paper.point_size)
    settings.set(keys.EXCERPT_MARGINS, " ".join(f"{m:g}" for m in paper.margins_mm))
    settings.set(keys.CERTIFY, certify)
    settings.set(keys.CERTIFY_POSITION, cert.position.strip())
    settings.set(keys.CERTIFY_NAME, cert.name.strip())
    settings.sync()


def _millimetres(value: float) -> QDoubleSpinBox:
    box = QDoubleSpinBox()
    box.setRange(MIN_MARGIN_MM, MAX_MARGIN_MM)
    box.setDecimals(0)
    box.setSuffix(" мм")
    box.setValue(value)
    return box


class ExcerptPreferencesDialog(QDialog):
    """The form; ``accepted`` once the choices are written to ``settings``."""

    def __init__(self, settings: Settings, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.settings = settings
        self.setObjectName("excerptPreferences")
        self.setWindowTitle("Настройки выписки")
        paper = paper_from(settings)
        cert = Certification(settings.get(keys.CERTIFY_POSITION), settings.get(keys.CERTIFY_NAME))

        self.family = QComboBox()
        self.family.setObjectName("excerptFamily")
        self.family.setEditable(True)
        self.family.addItems(FAMILIES)
        self.family.setCurrentText(paper.family)
        self.size = QDoubleSpinBox()
        self.size.setObjectName("excerptPointSize")
        self.size.setRange(MIN_POINT_SIZE, MAX_POINT_SIZE)
        self.size.setDecimals(1)
        self.size.setSingleStep(0.5)
        self.size.setSuffix(" пт")
        self.size.setValue(paper.point_size)
        left, top, right, bottom = paper.margins_mm
        self.left, self.top = _millimetres(left), _millimetres(top)
        self.right, self.bottom = _millimetres(right), _millimetres(bottom)
        for name, box in (
            ("marginLeft", self.left),
            ("marginTop", self.top),
            ("marginRight", self.right),
            ("marginBottom", self.bottom),
        ):
            box.setObjectName(name)

        self.certify = QCheckBox("Заверять: «&Выписка верна»")
        self.certify.setObjectName("excerptCertify")
        self.certify.setChecked(settings.get(keys.CERTIFY))
        self.position = QLineEdit(cert.position)
        self.position.setObjectName("certifyPosition")
        self.position.setPlaceholderText("например: Главный специалист")
        self.name = QLineEdit(cert.name)
        self.name.setObjectName("certifyName")
        self.name.setPlaceholderText("например: А. Б. Иванов")

        form = QFormLayout()
        for text, field in (
            ("&Шрифт:", self.family),
            ("&Размер:", self.size),
            ("Поле с&лева:", self.left),
            ("Поле св&ерху:", self.top),
            ("Поле с&права:", self.right),
            ("Поле сн&изу:", self.bottom),
        ):
            label = QLabel(text)
            label.setBuddy(field)
            form.addRow(label, field)
        form.addRow(self.certify)
        for text, field in (("&Должность:", self.position), ("&Фамилия, инициалы:", self.name)):
            label = QLabel(text)
            label.setBuddy(field)
            form.addRow(label, field)

        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText("&Сохранить")
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setText("&Отмена")
        defaults = QPushButton("По &умолчанию")
        defaults.setObjectName("excerptDefaults")
        buttons.addButton(defaults, QDialogButtonBox.ButtonRole.ResetRole)
        defaults.clicked.connect(self.reset)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(buttons)

    def paper(self) -> Paper:
        margins = (self.left.value(), self.top.value(), self.right.value(), self.bottom.value())
        return Paper(self.family.currentText(), self.size.value(), margins)

    def certification(self) -> Certification:
        return Certification(self.position.text(), self.name.text())

    def reset(self) -> None:
        paper = Paper()
        self.family.setCurrentText(paper.family)
        self.size.setValue(paper.point_size)
        for box, value in zip(
            (self.left, self.top, self.right, self.bottom), paper.margins_mm, strict=True
        ):
            box.setValue(value)

    def accept(self) -> None:
        save_preferences(
            self.settings, self.paper(), self.certify.isChecked(), self.certification()
        )
        super().accept()


def ask_preferences(window) -> ExcerptPreferencesDialog:
    """Open the dialog over the main window; the выписка is composed again once saved."""
    dialog = ExcerptPreferencesDialog(window.settings, window)
    dialog.accepted.connect(window.excerpt_panel.compose)
    dialog.open()
    window.preferences_dialog = dialog
    return dialog
