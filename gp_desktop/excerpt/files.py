"""Where an excerpt may be written: checked before any work, with messages a user can act on."""

from __future__ import annotations

from pathlib import Path

from gp_desktop.excerpt.model import ExcerptError


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
