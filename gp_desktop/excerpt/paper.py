"""How a выписка is set on paper, and who certifies it: the choices every format shares.

Official papers of the Republic are set in Times New Roman 14 on A4 with a left margin of
30 mm for filing, 10–15 mm on the right and 20 mm at the top and the bottom (the rules of
office work: Правила документирования и управления документацией, ГОСТ Р 7.0.97 for the
fields). The program bundles Liberation Serif (SIL OFL), whose letters have the widths of Times
New Roman, so a выписка breaks its lines and pages the same on a workstation without Times.

The PDF, the printer, the ODT and the DOCX read the same ``Paper``; the certification
(«Выписка верна», position, name, date) is part of the document itself, so it is in the
HTML and text forms too. Both are set once in the preferences (``gp_desktop.ui.settings``).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

BUNDLED_SERIF = "Liberation Serif"
"""The serif shipped in ``resources/fonts``: metric-compatible with Times New Roman."""
DEFAULT_FAMILY = "Times New Roman"
DEFAULT_POINT_SIZE = 14.0
DEFAULT_MARGINS_MM = (30.0, 20.0, 15.0, 20.0)
"""Left, top, right, bottom."""
MIN_POINT_SIZE, MAX_POINT_SIZE = 8.0, 20.0
MIN_MARGIN_MM, MAX_MARGIN_MM = 5.0, 50.0
FOOTER_POINT_SIZE = 9.0
A4_MM = (210.0, 297.0)


def _clamp(value: float, low: float, high: float) -> float:
    return max(low, min(high, float(value)))


@dataclass(frozen=True)
class Paper:
    """A4 with margins in millimetres, the body font and its size in points."""

    family: str = DEFAULT_FAMILY
    point_size: float = DEFAULT_POINT_SIZE
    margins_mm: tuple[float, float, float, float] = DEFAULT_MARGINS_MM

    def __post_init__(self) -> None:
        object.__setattr__(self, "family", self.family.strip() or DEFAULT_FAMILY)
        size = _clamp(self.point_size, MIN_POINT_SIZE, MAX_POINT_SIZE)
        object.__setattr__(self, "point_size", size)
        margins = tuple(_clamp(m, MIN_MARGIN_MM, MAX_MARGIN_MM) for m in self.margins_mm)
        object.__setattr__(self, "margins_mm", margins)

    @property
    def families(self) -> list[str]:
        """The chosen family, then the bundled one standing in for it where it is missing."""
        return [self.family] if self.family == BUNDLED_SERIF else [self.family, BUNDLED_SERIF]

    @property
    def text_width_mm(self) -> float:
        left, _top, right, _bottom = self.margins_mm
        return A4_MM[0] - left - right


@dataclass(frozen=True)
class Certification:
    """«Выписка верна», who certifies it and their position; the date is the day it is made."""

    position: str = ""
    name: str = ""

    @property
    def wanted(self) -> bool:
        return bool(self.position.strip() or self.name.strip())


SIGNATURE_LINE = "_______________"


def certification_lines(cert: Certification, made: dt.date) -> list[str]:
    """The block as lines: «Выписка верна», «position ____ name», the date."""
    who = " ".join(p for p in (cert.position.strip(), SIGNATURE_LINE, cert.name.strip()) if p)
    return ["Выписка верна", who, made.strftime("%d.%m.%Y")]


def made_line(made: dt.date) -> str:
    """«Дата изготовления: 01.12.2026»."""
    return f"Дата изготовления: {made.strftime('%d.%m.%Y')}"
