"""What the command line prints: bounded error lines, corpus text harmless on a terminal."""

from __future__ import annotations

import os
import pty
import select
import subprocess
import sys

from conftest import ROOT, corpus_copy, run_cli

from gp_desktop.terminal import neutralised, one_line, shown

ESCAPES = "\x1b]0;взломано\x07\x1b[2J\x1b[31m\u202e"


def _on_a_terminal(*args: str, env: dict | None = None) -> str:
    """Run the command line with its stdout on a pseudo-terminal; what it printed there."""
    master, slave = pty.openpty()
    proc = subprocess.Popen(
        [sys.executable, "-m", "gp_desktop", *args],
        stdout=slave,
        stderr=subprocess.PIPE,
        cwd=ROOT,
        env={**os.environ, "PYTHONIOENCODING": "utf-8", **(env or {})},
    )
    os.close(slave)
    chunks = []
    while True:
        ready, _, _ = select.select([master], [], [], 120)
        if not ready:
            proc.kill()
            raise AssertionError("no output in 120 s")
        try:
            chunk = os.read(master, 65536)
        except OSError:  # the other end closed
            break
        if not chunk:
            break
        chunks.append(chunk)
    os.close(master)
    assert proc.wait(timeout=60) == 0, proc.stderr.read()
    return b"".join(chunks).decode("utf-8")


def _crafted(tmp_path):
    return corpus_copy(
        tmp_path,
        (
            "UPDATE nodes SET text = text || ? WHERE id = 'polozhenie/p-19/pp-8'",
            (" прокурорский надзор" + ESCAPES,),
        ),
    )


def test_show_and_search_neutralise_escapes_on_a_terminal(tmp_path):
    path = _crafted(tmp_path)
    shown_text = _on_a_terminal("show", "пп. 8 п. 19", "--corpus", str(path))
    found = _on_a_terminal(
        "search",
        "прокурорский надзор",
        "--corpus",
        str(path),
        env={"XDG_CACHE_HOME": str(tmp_path / "cache")},
    )
    for out in (shown_text, found):
        assert "\x1b]" not in out and "\x07" not in out and "\u202e" not in out
        assert "\x1b[2J" not in out and "\x1b[31m" not in out
        assert "\\x1b]0;взломано\\x07" in out
    assert "\x1b[1m" in found  # the program's own bold stays


def test_a_pipe_gets_the_text_as_it_is(tmp_path):
    path = _crafted(tmp_path)
    result = run_cli("show", "пп. 8 п. 19", "--corpus", str(path))
    assert result.returncode == 0 and ESCAPES in result.stdout


def test_an_error_line_does_not_echo_a_huge_input():
    result = run_cli("show", "ж" * 10_000)
    assert result.returncode == 1
    line = result.stderr
    assert line.count("\n") == 1 and len(line) < 700 and "не найден пункт" in line
    result = run_cli("show", "19\x1b[2J\nвторая строка")
    assert result.stderr.count("\n") == 1 and "\x1b" not in result.stderr


def test_the_helpers():
    assert shown("a" * 500).startswith("a" * 79 + "…") and "(500 символов)" in shown("a" * 500)
    assert shown("x\x1by") == "x\\x1by"
    assert one_line("a\nb") == "a b"
    assert len(one_line("слово " * 5000)) < 700
    assert neutralised("строка\tи\nещё\x1b[0m") == "строка\tи\nещё\\x1b[0m"
    text = "Ұлытау «Жетісу» – п. 3-1)"
    assert neutralised(text) is text
