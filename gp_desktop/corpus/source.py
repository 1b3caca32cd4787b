"""Reading a source text from disk: bytes → str, with a clear error for every bad file.

The act contains Kazakh letters (Ұ, Ә, І …) that Windows-1251 cannot hold, so a file in that
encoding has already lost text and is refused rather than guessed at. UTF-16 with a byte-order
mark is lossless and accepted.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from pathlib import Path

from gp_desktop.corpus.errors import SourceError


@dataclass(frozen=True)
class SourceText:
    name: str
    text: str
    sha256: str


def decode_source(data: bytes, name: str = "<source>") -> str:
    """Decode the bytes of a source text or raise SourceError naming what is wrong."""
    if not data.strip():
        raise SourceError(f"{name}: файл пуст")
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            return data.decode("utf-16")
        except UnicodeDecodeError as exc:
            raise SourceError(
                f"{name}: повреждён текст в кодировке UTF-16 ({exc.reason})"
            ) from None
    if b"\x00" in data:
        text = _utf16_without_bom(data)
        if text is None:
            raise SourceError(f"{name}: двоичный файл, а не текст акта")
        return text.replace("\r\n", "\n").replace("\r", "\n")
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
    bad = sum(1 for ch in text if ord(ch) < 32 and ch not in "\t\n\r\f")
    if bad > 0:
        raise SourceError(f"{name}: в тексте {bad} управляющих символов — это не текст акта")
    return text.replace("\r\n", "\n").replace("\r", "\n")


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


def read_source(path: str | Path) -> SourceText:
    """Read and decode one source file."""
    p = Path(path)
    try:
        data = p.read_bytes()
    except FileNotFoundError:
        raise SourceError(f"{p}: файл не найден") from None
    except IsADirectoryError:
        raise SourceError(f"{p}: это папка, а не файл") from None
    except OSError as exc:
        raise SourceError(f"{p}: не удаётся прочитать ({exc.strerror})") from None
    text = decode_source(data, str(p))
    return SourceText(name=p.name, text=text, sha256=hashlib.sha256(data).hexdigest())
