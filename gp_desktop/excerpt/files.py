"""Where and how an excerpt is saved: the format by extension, the target checked first.

The .html and .txt forms are written here without Qt; .pdf and .odt need Qt and are written
by ``gp_desktop.ui.excerpt.printing``. Every form goes through a temporary file and a rename, so a
failure never leaves half a file in place of a good one.
"""

from __future__ import annotations

from pathlib import Path

from gp_desktop.atomic_file import write_atomic
from gp_desktop.excerpt.model import Excerpt, ExcerptError

FORMATS = (".pdf", ".odt", ".html", ".txt")


def output_format(path: str | Path) -> str:
    """The extension that names the format, or ExcerptError for one that cannot be written."""
    suffix = Path(path).suffix.lower()
    if suffix not in FORMATS:
        shown = f"«{suffix}»" if suffix else "без расширения"
        raise ExcerptError(
            f"{path}: неизвестный формат ({shown}); укажите файл {', '.join(FORMATS)}"
        )
    return suffix


def output_target(path: str | Path) -> Path:
    """``path`` as a file that can be replaced, or ExcerptError saying why it cannot."""
    target = Path(path)
    if target.is_dir():
        raise ExcerptError(f"{path}: это папка, а не файл")
    folder = target.parent if str(target.parent) else Path(".")
    if not folder.exists():
        raise ExcerptError(f"{path}: нет такой папки «{folder}»")
    if not folder.is_dir():
        raise ExcerptError(f"{path}: «{folder}» — это файл, а не папка")
    return target


def write_failed(path: str | Path, exc: OSError) -> ExcerptError:
    return ExcerptError(f"{path}: не удалось записать ({exc.strerror or exc})")


def write_document(excerpt: Excerpt, path: str | Path) -> Path:
    """The excerpt as .html (a whole page, nothing loaded from outside) or .txt, atomically."""
    suffix = output_format(path)
    if suffix not in (".html", ".txt"):
        raise ExcerptError(f"{path}: формат {suffix} создаётся средствами Qt (gp_desktop.ui)")
    target = output_target(path)
    try:
        return write_atomic(target, excerpt.html if suffix == ".html" else excerpt.text)
    except OSError as exc:
        raise write_failed(path, exc) from None
