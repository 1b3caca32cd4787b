"""``make deb``: the desktop folder (dist/gp-desktop) as a Debian package, built with dpkg-deb.

Administrators deploy software to many workstations as packages. The package installs

- the folder as ``/opt/gp-desktop`` (read-only at run time: nothing is written beside it),
- ``/usr/bin/gp-desktop``, a link to the program,
- the desktop entry in ``/usr/share/applications`` and the icons in the hicolor theme,
- ``/usr/share/doc/gp-desktop/copyright`` (what it carries and under which licences, read
  from the metadata of the packages the build was made from: ``packaging/licences.py``) and
  ``changelog.gz`` (from CHANGELOG.md).

It has no maintainer scripts and no configuration files, so ``dpkg -r`` leaves nothing. Its
``Depends`` are the Debian packages of the shared libraries the folder links to but does not
carry, found with objdump, ldconfig and ``dpkg -S`` on the machine it is built on.

Usage: ``.venv/bin/python packaging/make_deb.py [--folder dist/gp-desktop] [--out dist]``;
prints the path of the .deb. Linux (Debian or a derivative) only.
"""

from __future__ import annotations

import argparse
import email.utils
import gzip
import hashlib
import os
import re
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(HERE))

import licences  # noqa: E402 - packaging/licences.py

from gp_desktop import __version__  # noqa: E402

NAME = "gp-desktop"
PREFIX = Path("opt") / NAME
ICON_SIZES = (16, 32, 48, 64, 128, 256)
MAINTAINER = os.environ.get("DEB_MAINTAINER", "gp-desktop <gp-desktop@example.org>")
DESCRIPTION = """\
Offline reference for Decree No. 563 of the President of Kazakhstan
 gp-desktop is an offline desktop reference for Указ Президента Республики
 Казахстан от 13 октября 2017 года № 563 and the Положение о Генеральной
 прокуратуре it approves: the act clause by clause, search in any word form,
 the history of amendments and excerpts («выписка») to print, as PDF or ODT.
 .
 The program, Python and the part of Qt it uses are in /opt/gp-desktop;
 nothing is downloaded or sent at run time."""
# Lintian's findings that follow from what the package is, with the reason; kept in the
# package (usr/share/lintian/overrides) so that `lintian` reports them as overridden.
LINTIAN_OVERRIDES = {
    "dir-or-file-in-opt": "The package installs the self-contained desktop folder in /opt on purpose.",
    "custom-library-search-path": "PySide6's Qt libraries find each other through their RUNPATH "
    "($ORIGIN) inside the folder, as PyInstaller bundles them.",
    "embedded-library": "Qt, lxml and Python carry the libraries they were built with; the folder "
    "is self-contained by design.",
    "library-not-linked-against-libc": "Libraries of the bundled Python packages, as built upstream.",
}


def architecture() -> str:
    return subprocess.run(
        ["dpkg", "--print-architecture"], capture_output=True, text=True, check=True
    ).stdout.strip()


def is_elf(path: Path) -> bool:
    with path.open("rb") as fh:
        return fh.read(4) == b"\x7fELF"


def needed_libraries(folder: Path) -> set[str]:
    """Sonames the folder's ELF files link to that the folder does not carry."""
    carried = {p.name for p in folder.rglob("*")}
    needed: set[str] = set()
    for path in folder.rglob("*"):
        if path.is_symlink() or not path.is_file() or not is_elf(path):
            continue
        dump = subprocess.run(["objdump", "-p", str(path)], capture_output=True, text=True)
        needed.update(re.findall(r"^\s*NEEDED\s+(\S+)$", dump.stdout, re.M))
    return needed - carried


def depends(folder: Path) -> tuple[list[str], list[str]]:
    """The Debian packages of the libraries the folder needs, and the sonames not found."""
    paths = licences.library_paths()
    needed = sorted(needed_libraries(folder))
    found = {name: paths[name] for name in needed if name in paths}
    owners = licences.debian_packages(list(found.values()))
    packages = sorted({owners[p] for p in found.values() if p in owners})
    missing = [n for n in needed if n not in found or found[n] not in owners]
    return packages, missing


def debian_changelog(text: str) -> str:
    """CHANGELOG.md's versions as a Debian changelog (what lintian expects of a package), each
    dated by its heading («## 0.2.0 — 2026-12-01»)."""
    import datetime as dt
    import textwrap

    entries = []
    found = re.findall(r"^## (\S+) — (\d{4}-\d{2}-\d{2})\n(.*?)(?=^## |\Z)", text, re.M | re.S)
    for version, date, body in found:
        items = [
            " ".join(item.split())
            for item in re.findall(r"^- (.*?)(?=^- |^\S|\Z)", body, re.M | re.S)
        ]
        bullets = (
            "\n".join(
                textwrap.fill(
                    item,
                    78,
                    initial_indent="  * ",
                    subsequent_indent="    ",
                    break_on_hyphens=False,
                )
                for item in items
            )
            or "  * See CHANGELOG.md."
        )
        noon = dt.datetime.fromisoformat(date).replace(hour=12, tzinfo=dt.UTC)
        when = email.utils.format_datetime(noon)
        entries.append(
            f"{NAME} ({version}) unstable; urgency=medium\n\n{bullets}\n\n -- {MAINTAINER}  {when}\n"
        )
    return "\n".join(entries)


def _install(source: Path, target: Path, mode: int = 0o644) -> None:
    target.parent.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(source, target)
    target.chmod(mode)


def stage(folder: Path, root: Path, epoch: int) -> list[str]:
    """Lay the package's files out under ``root``; the sonames no package provides."""
    opt = root / PREFIX
    shutil.copytree(folder, opt, symlinks=True)
    for path in [opt, *opt.rglob("*")]:
        if path.is_symlink():
            continue
        if path.is_dir():
            path.chmod(0o755)
        else:
            path.chmod(0o755 if path == opt / NAME else 0o644)
    usr = root / "usr"
    (usr / "bin").mkdir(parents=True)
    (usr / "bin" / NAME).symlink_to(Path("/") / PREFIX / NAME)
    resources = ROOT / "resources"
    _install(resources / f"{NAME}.desktop", usr / "share" / "applications" / f"{NAME}.desktop")
    icons = usr / "share" / "icons" / "hicolor"
    for size in ICON_SIZES:
        source = resources / "icons" / f"{NAME}-{size}.png"
        _install(source, icons / f"{size}x{size}" / "apps" / f"{NAME}.png")
    _install(resources / "icons" / f"{NAME}.svg", icons / "scalable" / "apps" / f"{NAME}.svg")
    doc = usr / "share" / "doc" / NAME
    doc.mkdir(parents=True)
    (doc / "copyright").write_text(licences.copyright_text(folder), encoding="utf-8")
    changelog = debian_changelog((ROOT / "CHANGELOG.md").read_text(encoding="utf-8"))
    with gzip.GzipFile(doc / "changelog.gz", "wb", compresslevel=9, mtime=epoch) as fh:
        fh.write(changelog.encode("utf-8"))
    overrides = usr / "share" / "lintian" / "overrides" / NAME
    overrides.parent.mkdir(parents=True)
    overrides.write_text(
        "".join(f"# {why}\n{NAME}: {tag}\n" for tag, why in LINTIAN_OVERRIDES.items()),
        encoding="utf-8",
    )
    packages, missing = depends(opt)
    control = root / "DEBIAN"
    control.mkdir()
    size_kib = sum(p.lstat().st_size for p in root.rglob("*") if not p.is_dir()) // 1024
    (control / "control").write_text(
        f"Package: {NAME}\n"
        f"Version: {__version__}\n"
        f"Architecture: {architecture()}\n"
        f"Maintainer: {MAINTAINER}\n"
        f"Installed-Size: {size_kib}\n"
        f"Depends: {', '.join(packages)}\n"
        "Section: misc\n"
        "Priority: optional\n"
        f"Description: {DESCRIPTION}\n",
        encoding="utf-8",
    )
    sums = []
    for path in sorted(root.rglob("*")):
        if path.is_file() and not path.is_symlink() and control not in path.parents:
            digest = hashlib.md5(path.read_bytes(), usedforsecurity=False).hexdigest()
            sums.append(f"{digest}  {path.relative_to(root).as_posix()}\n")
    (control / "md5sums").write_text("".join(sums), encoding="utf-8")
    for path in control.iterdir():
        path.chmod(0o644)
    return missing


def source_date_epoch() -> int:
    """The last commit's time (reproducible file dates), or now outside a git checkout."""
    if os.environ.get("SOURCE_DATE_EPOCH"):
        return int(os.environ["SOURCE_DATE_EPOCH"])
    found = subprocess.run(
        ["git", "-C", str(ROOT), "log", "-1", "--format=%ct"], capture_output=True, text=True
    )
    import time

    return (
        int(found.stdout.strip())
        if found.returncode == 0 and found.stdout.strip()
        else int(time.time())
    )


def build_deb(folder: Path, out: Path) -> Path:
    if not (folder / NAME).is_file():
        raise SystemExit(f"make_deb: {folder / NAME} not found: run `make build` first")
    epoch = source_date_epoch()
    out.mkdir(parents=True, exist_ok=True)
    deb = out / f"{NAME}_{__version__}_{architecture()}.deb"
    with tempfile.TemporaryDirectory(prefix="gp-desktop-deb-") as tmp:
        root = Path(tmp) / "root"
        root.mkdir()
        root.chmod(0o755)
        missing = stage(folder, root, epoch)
        if missing:
            print(
                "make_deb: no installed package provides "
                f"{', '.join(missing)} (left out of Depends)",
                file=sys.stderr,
            )
        for path in [root, *root.rglob("*")]:
            os.utime(path, (epoch, epoch), follow_symlinks=False)
        env = {**os.environ, "SOURCE_DATE_EPOCH": str(epoch)}
        subprocess.run(
            ["dpkg-deb", "--root-owner-group", "-Zgzip", "-z6", "--build", str(root), str(deb)],
            check=True,
            env=env,
            stdout=subprocess.DEVNULL,
        )
    return deb


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--folder", type=Path, default=ROOT / "dist" / NAME)
    parser.add_argument("--out", type=Path, default=ROOT / "dist")
    args = parser.parse_args(argv)
    print(build_deb(args.folder, args.out))
    return 0


if __name__ == "__main__":
    sys.exit(main())
