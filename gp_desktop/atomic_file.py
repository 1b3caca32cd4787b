"""Safe handling of the user's files: atomic writes, and damaged files set aside, never lost.

A file is written so that readers see the old copy or the new one, never half of either; a
file that cannot be read is renamed aside (kept for the user or support) rather than
overwritten, so the app can start afresh without destroying anything.
"""

from __future__ import annotations

import datetime as dt
import os
import tempfile
from pathlib import Path


def write_atomic(path: str | Path, data: bytes | str, encoding: str = "utf-8") -> Path:
    """Write ``data`` to ``path`` through a temporary file in the same folder and a rename.

    Raises OSError (with the usual ``strerror``) when the folder cannot be written.
    """
    target = Path(path)
    folder = target.parent if str(target.parent) else Path(".")
    payload = data.encode(encoding) if isinstance(data, str) else data
    fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=folder)
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(payload)
            fh.flush()
            os.fsync(fh.fileno())
        os.chmod(tmp, 0o644)
        os.replace(tmp, target)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
    return target


def set_aside(path: str | Path) -> str:
    """Rename a damaged file to ``<name>.damaged-<time>``; say where it went, for a message."""
    source = Path(path)
    stamp = dt.datetime.now().strftime("%Y%m%d-%H%M%S")
    aside = source.with_name(f"{source.name}.damaged-{stamp}")
    try:
        source.replace(aside)
    except OSError:
        return "его не удалось переименовать"
    return f"он сохранён как {aside.name}"
