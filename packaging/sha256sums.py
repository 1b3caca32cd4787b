"""``dist/SHA256SUMS``: the digest of every file ``make build`` and ``make deb`` leave in dist/.

An administrator checks a copy with ``cd dist && sha256sum -c SHA256SUMS`` (or the folder
alone: ``sha256sum -c --ignore-missing SHA256SUMS``). Listed: each regular file of
``gp-desktop/`` (links are checked through the files they point to) and each ``.deb``, by
path relative to dist/, sorted, in the format ``sha256sum`` writes and reads.

Usage: ``python packaging/sha256sums.py [DIST]`` (default: dist).
"""

from __future__ import annotations

import hashlib
import sys
from pathlib import Path

NAME = "gp-desktop"
SUMS = "SHA256SUMS"


def digest(path: Path) -> str:
    sha = hashlib.sha256()
    with path.open("rb") as fh:
        for chunk in iter(lambda: fh.read(1 << 20), b""):
            sha.update(chunk)
    return sha.hexdigest()


def listed_files(dist: Path) -> list[Path]:
    folder = dist / NAME
    files = [p for p in folder.rglob("*") if p.is_file() and not p.is_symlink()]
    files += [p for p in dist.glob("*.deb") if p.is_file()]
    return sorted(files, key=lambda p: p.relative_to(dist).as_posix())


def write_sums(dist: Path) -> Path:
    """Write dist/SHA256SUMS atomically (a rename over the old one) and return its path."""
    lines = [f"{digest(p)}  {p.relative_to(dist).as_posix()}\n" for p in listed_files(dist)]
    target = dist / SUMS
    partial = dist / f".{SUMS}.partial"
    partial.write_text("".join(lines), encoding="utf-8")
    partial.replace(target)
    return target


if __name__ == "__main__":
    dist = Path(sys.argv[1]) if len(sys.argv) > 1 else Path("dist")
    path = write_sums(dist)
    count = sum(1 for _ in path.open(encoding="utf-8"))
    print(f"{path}: {count} files", file=sys.stderr)
