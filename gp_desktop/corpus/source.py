"""Reading a source file from disk: bytes → blocks of its format, a clear error for every bad file.

The act contains Kazakh letters (Ұ, Ә, І …) that Windows-1251 cannot hold, so a file in that
encoding has already lost text and is refused rather than guessed at. UTF-16 with a byte-order
mark is lossless and accepted. Only a regular file of at most a few megabytes is read (the act
is 0.13 MB): a device (``/dev/zero``), a FIFO or a huge file is refused before reading, so
nothing hangs or fills memory.
"""

from __future__ import annotations

import hashlib
import os
import re
import stat
from dataclasses import dataclass, field
from pathlib import Path

from gp_desktop.corpus.blocks import Source
from gp_desktop.corpus.errors import SourceError

_LONG_WORD = re.compile(r"\S{1001}")  # parser.MAX_WORD + 1
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0e-\x1f]")
MAX_SOURCE_BYTES = 8 * 1024 * 1024
"""The largest source read: some sixty times the act, room for a much longer edition."""


@dataclass(frozen=True)
class SourceText:
    name: str
    text: str
    """The decoded text (for a Word file, its paragraphs as plain text, one per line pair)."""
    sha256: str
    format: str = "markdown"
    """``markdown``, ``plain_text``, ``html_page`` or ``docx`` (see ``corpus.formats``)."""
    blocks: Source | None = field(default=None, compare=False, repr=False)


def decode_source(data: bytes, name: str = "<source>") -> str:
    """Decode the bytes of a source text or raise SourceError naming what is wrong."""
    if not data.strip():
        raise SourceError(f"{name}: файл пуст")
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            text = data.decode("utf-16")
        except UnicodeDecodeError as exc:
            raise SourceError(
                f"{name}: повреждён текст в кодировке UTF-16 ({exc.reason})"
            ) from None
        return _checked(text, name).replace("\r\n", "\n").replace("\r", "\n")
    if b"\x00" in data:
        text = _utf16_without_bom(data)
        if text is None:
            raise SourceError(f"{name}: двоичный файл, а не текст акта")
        return _checked(text, name).replace("\r\n", "\n").replace("\r", "\n")
    if data.startswith(b"\xef\xbb\xbf"):
        data = data[3:]
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        hint = ""
        try:
            data.decode("cp1251")
            hint = " (похоже на Windows-1251; сохраните файл в UTF-8)"
        except UnicodeDecodeError:
            pass
        raise SourceError(f"{name}: текст не в кодировке UTF-8, байт {exc.start}{hint}") from None
    return _checked(text, name).replace("\r\n", "\n").replace("\r", "\n")


def _checked(text: str, name: str) -> str:
    text = text.removeprefix("\ufeff")
    if _CONTROL.search(text):
        bad = len(_CONTROL.findall(text))
        raise SourceError(f"{name}: в тексте {bad} управляющих символов — это не текст акта")
    return text


def _page_in_declared_charset(data: bytes) -> str | None:
    """A saved page in the single-byte charset its ``<meta>`` declares (Kazakh letters are then
    character references, so nothing is lost); None for anything else."""
    head = data[:2048].lower()
    if b"<html" not in head and b"<!doctype" not in head:
        return None
    try:
        data.decode("utf-8")
        return None
    except UnicodeDecodeError:
        pass
    found = re.search(rb"charset\s*=\s*[\"']?([a-z0-9_-]+)", head)
    if not found:
        return None
    try:
        return data.decode(found.group(1).decode("ascii")).replace("\r\n", "\n")
    except (LookupError, UnicodeDecodeError):
        return None


def _utf16_without_bom(data: bytes) -> str | None:
    """UTF-16 saved without a byte-order mark: every other byte of Cyrillic text is 0x04 or 0."""
    if len(data) % 2:
        return None
    for encoding in ("utf-16-le", "utf-16-be"):
        try:
            text = data.decode(encoding)
        except UnicodeDecodeError:
            continue
        readable = sum(1 for ch in text if ch.isprintable() or ch in "\n\t\r")
        cyrillic = sum(1 for ch in text if "\u0400" <= ch <= "\u04ff")
        if readable > 0.99 * len(text) and cyrillic > 0.3 * len(text):
            return text
    return None


def read_bytes(path: str | Path, max_bytes: int | None = MAX_SOURCE_BYTES) -> bytes:
    """The bytes of a regular file of at most ``max_bytes``; SourceError for anything else."""
    p = Path(path)
    try:
        info = p.stat()
    except FileNotFoundError:
        raise SourceError(f"{p}: файл не найден") from None
    except OSError as exc:
        raise SourceError(f"{p}: не удаётся прочитать ({exc.strerror})") from None
    if stat.S_ISDIR(info.st_mode):
        raise SourceError(f"{p}: это папка, а не файл")
    if not stat.S_ISREG(info.st_mode):
        # Opening a FIFO waits for a writer; reading /dev/zero never ends.
        raise SourceError(f"{p}: это не обычный файл (устройство, канал или сокет)")
    limit = max_bytes if max_bytes is not None else info.st_size + 1
    if info.st_size > limit:
        raise SourceError(
            f"{p}: файл слишком велик для текста акта ({info.st_size / 1e6:.1f} МБ, "
            f"допускается до {limit / 1e6:.0f} МБ)"
        )
    try:
        fd = os.open(p, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0))
        with os.fdopen(fd, "rb") as fh:
            data = fh.read(limit + 1)  # the file may have grown since stat()
    except OSError as exc:
        raise SourceError(f"{p}: не удаётся прочитать ({exc.strerror})") from None
    if len(data) > limit:
        raise SourceError(f"{p}: файл слишком велик для текста акта")
    return data


def _within_bounds(text: str, name: str) -> None:
    """Refuse at once a text with a line or a «word» no act has: before any parsing, so a
    megabyte without a space costs a regular-expression scan, not a Markdown conversion."""
    from gp_desktop.corpus.blocks import first_words
    from gp_desktop.corpus.parser import MAX_PARAGRAPH, MAX_WORD

    def place(at: int) -> str:
        start = text.rfind("\n", 0, at) + 1
        return (
            f"строка {text.count(chr(10), 0, at) + 1} («{first_words(text[start : start + 400])}»)"
        )

    found = _LONG_WORD.search(text)
    if found:
        raise SourceError(
            f"{name}: {place(found.start())}: «слово» длиннее {MAX_WORD} знаков без пробелов — "
            "в тексте акта таких нет"
        )
    at = 0
    for line in text.split("\n"):
        if len(line) > MAX_PARAGRAPH:
            raise SourceError(
                f"{name}: {place(at)}: строка в {len(line)} знаков — в тексте акта абзацы короче "
                f"{MAX_PARAGRAPH} знаков; это не текст акта или он склеен в одну строку"
            )
        at += len(line) + 1


def read_source(path: str | Path, max_bytes: int | None = MAX_SOURCE_BYTES) -> SourceText:
    """Read one source file, recognise its format and turn it into blocks."""
    from gp_desktop.corpus import formats
    from gp_desktop.corpus.formats import detection

    p = Path(path)
    data = read_bytes(p, max_bytes)
    if not data.strip():
        raise SourceError(f"{p}: файл пуст")
    suffix = p.suffix.lower()
    sha = hashlib.sha256(data).hexdigest()
    if detection.binary_format(data, str(p), suffix) == detection.DOCX:
        blocks = formats.docx_blocks(data, str(p))
        text = "\n\n".join(b.text for b in blocks.blocks) + "\n"
        return SourceText(name=p.name, text=text, sha256=sha, format=detection.DOCX, blocks=blocks)
    text = _page_in_declared_charset(data) or decode_source(data, str(p))
    fmt = detection.text_format(text, suffix)
    if fmt != detection.HTML_PAGE:  # a page's markup may run long (a minified page, data: URIs)
        _within_bounds(text, str(p))
    try:
        blocks = formats.text_blocks(text, fmt=fmt)
    except SourceError as exc:
        raise SourceError(f"{p}: {exc}") from None
    return SourceText(name=p.name, text=text, sha256=sha, format=fmt, blocks=blocks)
