"""What reaches a terminal: long inputs shortened, control characters made harmless.

An error line that quotes what the user typed must stay one readable line even for a
10 000-character argument; text from a corpus (the act's, or a crafted file's) printed by
``show`` or ``search`` must not carry escape sequences that a terminal would obey (retitle
the window, move the cursor, hide the rest of the line). Only the terminal needs this: a
pipe or a file gets the text exactly as it is in the corpus.
"""

from __future__ import annotations

import re
import sys
from typing import TextIO

SHOWN_CHARS = 80
"""How much of a quoted value an error line shows."""
MESSAGE_CHARS = 600
"""The longest error line; a longer one keeps its start and end."""

_CONTROL = {c: f"\\x{c:02x}" for c in (*range(0x00, 0x20), *range(0x7F, 0xA0))}
_LINE_CONTROL = {k: v for k, v in _CONTROL.items() if k not in (0x09, 0x0A)}
# Bidirectional overrides can make a line read in another order than it is written.
_BIDI = {c: f"\\u{c:04x}" for c in (*range(0x202A, 0x202F), *range(0x2066, 0x206A))}
_VISIBLE = str.maketrans({**_CONTROL, **_BIDI})
_VISIBLE_LINES = str.maketrans({**_LINE_CONTROL, **_BIDI})
_CONTROLS = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")


def shown(value: str, limit: int = SHOWN_CHARS) -> str:
    """``value`` for a message: control characters as ``\\xNN``, at most ``limit`` characters."""
    text = str(value).translate(_VISIBLE)
    if len(text) <= limit:
        return text
    return f"{text[: limit - 1]}… ({len(value)} символов)"


def one_line(message: str, limit: int = MESSAGE_CHARS) -> str:
    """An error message as one line of bounded length, control characters made visible."""
    text = message.replace("\r\n", " ").replace("\n", " ").translate(_VISIBLE)
    if len(text) <= limit:
        return text
    head, tail = limit * 2 // 3, limit // 4
    return f"{text[:head]} … {text[-tail:]}"


def neutralised(text: str) -> str:
    """``text`` with every control character but tab and newline shown as ``\\xNN``."""
    return text.translate(_VISIBLE_LINES) if _CONTROLS.search(text) else text


def on_terminal(stream: TextIO | None = None) -> bool:
    stream = stream or sys.stdout
    try:
        return bool(stream.isatty())
    except (AttributeError, ValueError, OSError):
        return False


def for_stdout(text: str) -> str:
    """``text`` as it may be written to stdout: neutralised on a terminal, as is elsewhere."""
    return neutralised(text) if on_terminal() else text


def say(*values: object, end: str = "\n") -> None:
    """``print`` to stdout for text that comes from a corpus (see ``for_stdout``)."""
    sys.stdout.write(for_stdout(" ".join(str(v) for v in values) + end))
