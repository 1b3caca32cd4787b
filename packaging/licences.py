"""The copyright file of the Debian package: what the desktop folder carries, under which licence.

Nothing here is written by hand but the program's own entry: each Python package's licence is
read from its installed metadata (License-Expression, License, the licence classifiers, the
files named by License-File and the description's words on licensing), Python's from the
interpreter's LICENSE.txt, PyInstaller's bootloader (inside the program) from PyInstaller's
COPYING.txt, and each native library the build took from the build machine from the copyright
file of the Debian package that installed it. Licences shipped with every Debian system
(/usr/share/common-licenses) are referred to rather than repeated.
"""

from __future__ import annotations

import re
import subprocess
import sys
import sysconfig
from importlib import metadata
from pathlib import Path

from packaging.utils import canonicalize_name

PROJECT = "gp-desktop"
OWN_LICENCE = """\
 The authors of gp-desktop have not yet chosen a licence for it. Until they do,
 all rights in the program are reserved: it may be installed and used on the
 workstations it is given to, and it may not be copied for other purposes,
 changed or passed on without the authors' permission. The other parts of this
 package are under their own licences, listed below; nothing here restricts
 the rights those licences give."""
ACT = """\
 The text of Указ Президента Республики Казахстан от 13 октября 2017 года № 563
 «О некоторых вопросах органов прокуратуры Республики Казахстан», with the
 Положение о Генеральной прокуратуре it approves, as published in Әділет (the
 Reference Control Bank of legal acts of the Republic of Kazakhstan): an
 official document, which under Article 8 of the Law of the Republic of
 Kazakhstan «Об авторском праве и смежных правах» is not an object of
 copyright. Files: _internal/corpus.sqlite, _internal/resources/acts/."""
COMMON = {
    "LGPL-3": "LGPL-3",
    "LGPL-3.0": "LGPL-3",
    "LGPL-3.0-only": "LGPL-3",
    "LGPL-3.0-or-later": "LGPL-3",
    "LGPL-2.1": "LGPL-2.1",
    "LGPL-2.1-or-later": "LGPL-2.1",
    "GPL-2.0-only": "GPL-2",
    "GPL-2.0-or-later": "GPL-2",
    "GPL-3.0-only": "GPL-3",
    "GPL-3.0-or-later": "GPL-3",
    "Apache-2.0": "Apache-2.0",
    "MPL-2.0": "MPL-2.0",
}


# Licences whose full text every Debian system has: a text found in a package's files is
# replaced by a reference (from its heading to the end of its terms).
FULL_TEXTS = [
    (r"GNU LESSER GENERAL PUBLIC LICENSE\s+Version 3", "LGPL-3"),
    (r"GNU LESSER GENERAL PUBLIC LICENSE\s+Version 2\.1", "LGPL-2.1"),
    (r"GNU GENERAL PUBLIC LICENSE\s+Version 3", "GPL-3"),
    (r"GNU GENERAL PUBLIC LICENSE\s+Version 2", "GPL-2"),
    (r"Apache License\s+Version 2\.0, January 2004", "Apache-2.0"),
    (r"Mozilla Public License Version 2\.0", "MPL-2.0"),
]


def refer_to_common_licences(text: str) -> str:
    """``text`` with each full copy of a licence in /usr/share/common-licenses replaced by a
    line naming that file."""
    for heading, name in FULL_TEXTS:
        while found := re.search(heading, text):
            end = text.find("END OF TERMS AND CONDITIONS", found.end())
            end = len(text) if end < 0 else end + len("END OF TERMS AND CONDITIONS")
            start = text.rfind("\n", 0, found.start()) + 1
            text = (
                text[:start]
                + f"[The full text of {name} is in /usr/share/common-licenses/{name}.]"
                + text[end:]
            )
    return text


def _indent(text: str) -> str:
    """A text as the body of a copyright-file field: each line indented, blank lines as «.»."""
    lines = refer_to_common_licences(text).expandtabs().rstrip().splitlines()
    return "\n".join(f" {line.rstrip()}" if line.strip() else " ." for line in lines)


def bundled_names(folder: Path) -> set[str]:
    """Top-level names of what the folder carries: the modules in the program's archive
    (PyInstaller's PYZ, read with PyInstaller's own reader) and the entries of _internal/."""
    from PyInstaller.archive.readers import CArchiveReader

    program = CArchiveReader(str(folder / PROJECT))
    (pyz,) = [name for name in program.toc if name.endswith(".pyz")]
    modules = {name.split(".")[0] for name in program.open_embedded_archive(pyz).toc}
    return modules | {p.name.split(".")[0] for p in (folder / "_internal").iterdir()}


def _top_names(dist: metadata.Distribution) -> set[str]:
    top_level = dist.read_text("top_level.txt")
    names = set(top_level.split()) if top_level else set()
    for file in dist.files or []:
        first = Path(str(file)).parts[0]
        if first.endswith((".dist-info", ".data")) or first in ("..", "__pycache__"):
            continue
        names.add(first.split(".")[0])
    return names


def bundled_distributions(folder: Path) -> list[metadata.Distribution]:
    """The installed distributions the folder carries a module or folder of (not the project)."""
    carried = bundled_names(folder)
    found: dict[str, metadata.Distribution] = {}
    for dist in metadata.distributions():
        name = canonicalize_name(dist.metadata["Name"])
        if name == PROJECT or name in found:
            continue
        if _top_names(dist) & carried:
            found[name] = dist
    return [found[n] for n in sorted(found)]


def licence_of(dist: metadata.Distribution) -> str:
    meta = dist.metadata
    expression = meta.get("License-Expression")
    if expression:
        return expression
    classifiers = [
        c.split("::")[-1].strip()
        for c in meta.get_all("Classifier") or []
        if c.startswith("License")
    ]
    declared = (meta.get("License") or "").strip()
    if declared and "\n" not in declared and len(declared) < 200:
        return "; ".join(dict.fromkeys([declared, *classifiers]))
    return "; ".join(classifiers) or "not stated in the package's metadata"


def _licence_files(dist: metadata.Distribution) -> list[tuple[str, str]]:
    named = set(dist.metadata.get_all("License-File") or [])
    found = []
    for file in dist.files or []:
        parts = Path(str(file)).parts
        in_dist_info = parts and parts[0].endswith(".dist-info")
        if not in_dist_info:
            continue
        name = Path(str(file)).name
        if (
            "licenses" in parts
            or name in named
            or re.match(r"(LICEN[CS]E|COPYING|NOTICE|AUTHORS)", name, re.I)
        ):
            path = Path(str(file.locate()))
            if path.is_file():
                found.append(
                    (str(Path(*parts[1:])), path.read_text(encoding="utf-8", errors="replace"))
                )
    return found


def _description_on_licensing(dist: metadata.Distribution) -> str:
    """The description's paragraphs that speak of licences (pymorphy3-dicts-ru's data)."""
    body = dist.metadata.get_payload() or ""  # type: ignore[attr-defined]
    paragraphs = re.split(r"\n\s*\n", body)
    return "\n\n".join(p.strip() for p in paragraphs if re.search(r"licen[cs]", p, re.I))


def _top_folders(dist: metadata.Distribution, carried: set[str]) -> list[str]:
    return sorted(_top_names(dist) & carried)


def python_entry() -> str:
    licence = Path(sysconfig.get_paths()["stdlib"]) / "LICENSE.txt"
    text = licence.read_text(encoding="utf-8") if licence.is_file() else ""
    version = ".".join(map(str, sys.version_info[:3]))
    return (
        f"Files: _internal/libpython*, _internal/base_library.zip, the Python modules\n"
        f"Comment: Python {version}: the interpreter and its standard library\n"
        f"License: PSF-2.0\n{_indent(text or 'PSF License Agreement for Python')}\n"
    )


def pyinstaller_entry() -> str:
    dist = metadata.distribution("pyinstaller")
    texts = [t for _n, t in _licence_files(dist) if "bootloader" in t.lower()][:1]
    return (
        f"Files: gp-desktop (its start-up code)\n"
        f"Comment: the bootloader of PyInstaller {dist.version}, which starts the program\n"
        f"License: GPL-2.0-or-later with the bootloader exception\n"
        f"{_indent(texts[0] if texts else licence_of(dist))}\n"
    )


def distribution_entry(dist: metadata.Distribution, carried: set[str]) -> str:
    meta = dist.metadata
    licence = licence_of(dist)
    lines = [
        f"Files: {', '.join(_top_folders(dist, carried))} (modules in the program, data in _internal)",
        f"Comment: {meta['Name']} {dist.version}"
        + (f", {meta['Summary']}" if meta["Summary"] else ""),
    ]
    homepage = meta.get("Home-page") or next(
        (u.split(",", 1)[1].strip() for u in meta.get_all("Project-URL") or []), ""
    )
    if homepage:
        lines.append(f" {homepage}")
    lines.append(f"License: {licence}")
    body = []
    common = sorted({COMMON[k] for k in re.findall(r"[A-Za-z][\w.+-]*", licence) if k in COMMON})
    for name in common:
        body.append(f"The full text of {name} is in /usr/share/common-licenses/{name}.")
    said = _description_on_licensing(dist)
    if said:
        body.append(said)
    for name, text in _licence_files(dist):
        body.append(f"{name}:\n\n{text.strip()}")
    if not body:
        body.append("No licence text is shipped in the package's metadata.")
    lines.append(_indent("\n\n".join(body)))
    return "\n".join(lines) + "\n"


def debian_packages(paths: list[str]) -> dict[str, str]:
    """path → the Debian package that installed it, from one ``dpkg -S`` (a merged /usr is
    tried both ways: /lib/x/libz.so.1 may be listed as /usr/lib/x/libz.so.1 or the other)."""
    variants: dict[str, str] = {}
    for path in paths:
        for candidate in (path, str(Path(path).resolve())):
            for variant in (candidate, candidate.removeprefix("/usr"), "/usr" + candidate):
                variants.setdefault(variant, path)
    if not variants:
        return {}
    found = subprocess.run(["dpkg", "-S", *variants], capture_output=True, text=True)
    owners: dict[str, str] = {}
    for line in found.stdout.splitlines():
        packages, _, listed = line.partition(": ")
        if listed in variants:
            owners.setdefault(variants[listed], packages.split(",")[0].split(":")[0].strip())
    return owners


def library_paths() -> dict[str, str]:
    """soname → path of this machine's native libraries (``ldconfig -p``), 64-bit first."""
    listing = subprocess.run(["ldconfig", "-p"], capture_output=True, text=True).stdout
    entries = re.findall(r"^\s*(\S+) \(([^)]*)\) => (\S+)$", listing, re.M)
    paths = {name: path for name, flags, path in entries if "64" in flags}
    for name, _flags, path in entries:
        paths.setdefault(name, path)
    return paths


def system_library_entries(folder: Path) -> list[str]:
    """The native libraries the build took from the machine, grouped by Debian package."""
    paths = library_paths()
    internal = folder / "_internal"
    names = [
        p.name
        for p in sorted(internal.iterdir())
        if not p.is_symlink()
        and p.is_file()
        and ".so" in p.name
        and not p.name.startswith("libpython")
    ]
    owners = debian_packages([paths[n] for n in names if n in paths])
    by_package: dict[str, list[str]] = {}
    unknown = []
    for name in names:
        package = owners.get(paths.get(name, ""))
        if package is None:
            unknown.append(name)
        else:
            by_package.setdefault(package, []).append(name)
    entries = []
    for package, names in sorted(by_package.items()):
        version = subprocess.run(
            ["dpkg-query", "-W", "-f=${Version}", package], capture_output=True, text=True
        ).stdout.strip()
        copyright_file = Path("/usr/share/doc") / package.split(":")[0] / "copyright"
        text = (
            copyright_file.read_text(encoding="utf-8", errors="replace")
            if copyright_file.is_file()
            else ""
        )
        licences_named = sorted(set(re.findall(r"^License: *(\S.*)$", text, re.M)))
        entries.append(
            f"Files: {', '.join('_internal/' + n for n in names)}\n"
            f"Comment: from the Debian package {package} {version} of the build machine;\n"
            f" its copyright file follows.\n"
            f"License: {' / '.join(licences_named) or 'see below'}\n"
            f"{_indent(text or 'No copyright file installed for ' + package)}\n"
        )
    if unknown:
        entries.append(
            f"Files: {', '.join('_internal/' + n for n in unknown)}\n"
            f"Comment: native libraries whose package this build could not name\n"
            f"License: unknown\n"
            f" Built on a machine where no installed package owns these files.\n"
        )
    return entries


def copyright_text(folder: Path) -> str:
    """The whole copyright file for the desktop folder ``folder`` (dist/gp-desktop)."""
    carried = bundled_names(folder)
    parts = [
        f"{PROJECT}: what this package carries and under which licences.\n"
        "Comment: Paths below are inside /opt/gp-desktop. The licences of the Python\n"
        " packages are read from their metadata, those of the native libraries from\n"
        " the Debian packages of the machine the build was made on.\n",
        f"Files: *\nCopyright: the authors of gp-desktop\nLicense: not-yet-chosen\n{OWN_LICENCE}\n",
        f"Files: _internal/corpus.sqlite, _internal/resources/acts/*\n"
        f"Copyright: none (an official document)\nLicense: not-an-object-of-copyright\n{ACT}\n",
        python_entry(),
        pyinstaller_entry(),
        *(distribution_entry(d, carried) for d in bundled_distributions(folder)),
        *system_library_entries(folder),
    ]
    return "\n".join(parts)


if __name__ == "__main__":
    print(copyright_text(Path(sys.argv[1]) if len(sys.argv) > 1 else Path("dist/gp-desktop")))
