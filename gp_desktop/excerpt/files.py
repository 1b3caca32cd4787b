"""Where and how an excerpt is saved: the format by extension, the target checked first.

The .html and .txt forms are written here without Qt, .docx by ``excerpt.docx`` (python-docx);
.pdf and .odt need Qt and are written by ``gp_desktop.ui.excerpt.printing``, which also checks
a font with Cyrillic letters before a PDF or DOCX. Every form goes through a temporary file and a rename, so a
failure never leaves half a file in place of a good one.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from gp_desktop.atomic_file import (
    UnsafeWrite,
    failure_text,
    verify_docx,
    verify_pdf,
    verify_zip,
    writable_target,
    write_atomic,
    write_via_temp,
)
from gp_desktop.excerpt.model import Excerpt, ExcerptError

FORMATS = (".pdf", ".docx", ".odt", ".html", ".txt")

# How a finished file of each binary format is known to be whole before it replaces the old:
# Qt's PDF and ODF writers do not report a failed write (a full disk), so the file is read.
VERIFY: dict[str, Callable[[Path], None]] = {
    ".pdf": verify_pdf,
    ".odt": verify_zip,
    ".docx": verify_docx,
}


def output_format(path: str | Path) -> str:
    """The extension that names the format, or ExcerptError for one that cannot be written."""
    suffix = Path(path).suffix.lower()
    if suffix not in FORMATS:
        shown = f"«{suffix}»" if suffix else "без расширения"
        raise ExcerptError(
            f"{path}: неизвестный формат ({shown}); укажите файл {', '.join(FORMATS)}"
        )
    return suffix


NAME_LIMIT_BYTES = 255
"""The longest file name (one path component) ext4, NTFS and APFS accept, in bytes."""


def suggested_stem(excerpt: Excerpt) -> str:
    """The name a file of ``excerpt`` is offered under, without extension: «Выписка п. 13,
    пп. 8 п. 19 — 2026-12-01». Qt's print dialog adds «.pdf» to it (``QPrinter.docName``)."""
    return excerpt.file_stem


def suggested_name(excerpt: Excerpt, suffix: str = ".pdf") -> str:
    """``suggested_stem`` with ``suffix``, never over ``NAME_LIMIT_BYTES`` bytes of UTF-8."""
    stem = suggested_stem(excerpt)
    while len((stem + suffix).encode("utf-8")) > NAME_LIMIT_BYTES:
        stem = stem[:-1]
    return stem + suffix


def output_target(path: str | Path) -> Path:
    """``path`` as a file that can be replaced, or ExcerptError saying why it cannot.

    The rules are those of every writer (``atomic_file.writable_target``): a regular file
    or none, a symlink followed, the folder present."""
    try:
        writable_target(path)
    except UnsafeWrite as exc:
        raise write_failed(path, exc) from None
    return Path(path)


def write_failed(path: str | Path, exc: OSError) -> ExcerptError:
    return ExcerptError(failure_text(path, exc))


def write_document(excerpt: Excerpt, path: str | Path) -> Path:
    """The excerpt as .html (a whole page, nothing loaded from outside) or .txt, atomically."""
    suffix = output_format(path)
    if suffix not in (".html", ".txt"):
        raise ExcerptError(
            f"{path}: формат {suffix} создаётся не здесь (gp_desktop.ui, excerpt.docx)"
        )
    target = output_target(path)
    try:
        return write_atomic(target, excerpt.html if suffix == ".html" else excerpt.text)
    except OSError as exc:
        raise write_failed(path, exc) from None


def write_rendered(path: str | Path, render: Callable[[Path], None]) -> Path:
    """Save what ``render(tmp)`` makes at ``path`` the safe way, checked for its format.

    For the writers that need Qt (PDF, ODT) or another library (DOCX): ``render`` writes the
    whole file at ``tmp``; a failure of any kind leaves the old ``path`` as it was and ends
    in ExcerptError with one line for the user."""
    verify = VERIFY.get(Path(path).suffix.lower())
    try:
        return write_via_temp(path, render, verify=verify)
    except OSError as exc:
        raise write_failed(path, exc) from None
    except ExcerptError as exc:  # the renderer's own refusal (Qt could not start a page …)
        message = str(exc)
        if not message.startswith(f"{path}: "):
            message = f"{path}: {message}"
        if Path(path).is_file() and "прежний файл" not in message:
            message += "; прежний файл не изменён"
        raise ExcerptError(message) from None
