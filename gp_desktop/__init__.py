"""gp-desktop: an offline reference for Decree No. 563 and the Положение о Генеральной прокуратуре."""

__version__ = "0.2.0"
