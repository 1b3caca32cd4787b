"""The command line speaks Russian: ``--help`` of every command and every usage error.

The sub-commands are read from the real parser, so a command added later is checked too; the
messages argparse can write are read from argparse's own source, so a Python release that adds
one fails here instead of printing English to a user.
"""

from __future__ import annotations

import argparse
import ast
import inspect
import re
from pathlib import Path

import pytest

from gp_desktop import argparse_ru, cli

ROOT = Path(__file__).resolve().parent.parent
# What argparse writes in English when a message is not translated.
ENGLISH = re.compile(
    r"usage:|positional arguments|optional arguments|options:|show this help|"
    r"version number|invalid choice|arguments are required|unrecognized|expected .*argument"
)


def _sub_commands() -> dict[str, argparse.ArgumentParser]:
    parser, _runners = cli.build_parser()
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            return dict(action.choices)
    raise AssertionError("the parser has no sub-commands")


def _argparse_message_ids() -> set[str]:
    found: set[str] = set()
    for node in ast.walk(ast.parse(inspect.getsource(argparse))):
        if isinstance(node, ast.Call) and isinstance(node.func, ast.Name):
            literal = [a.value for a in node.args if isinstance(a, ast.Constant)]
            if node.func.id == "_" and literal:
                found.add(literal[0])
            elif node.func.id == "ngettext" and len(literal) >= 2:
                found.add((literal[0], literal[1]))  # type: ignore[arg-type]
    return found


def test_every_message_argparse_can_write_has_a_russian_form():
    ids = _argparse_message_ids()
    assert "usage: " in ids and "invalid choice: %(value)r (choose from %(choices)s)" in ids
    missing = [m for m in ids if (m not in argparse_ru.PLURALS and m not in argparse_ru.MESSAGES)]
    assert not missing, missing
    # The placeholders survive translation, or argparse's % formatting would fail.
    for english, russian in argparse_ru.MESSAGES.items():
        assert sorted(re.findall(r"%\(\w+\)\w|%\w", english)) == sorted(
            re.findall(r"%\(\w+\)\w|%\w", russian)
        ), english


@pytest.mark.parametrize("n, form", [(1, 0), (2, 1), (4, 1), (5, 2), (11, 2), (21, 0), (22, 1)])
def test_plural_forms_follow_russian_numerals(n, form):
    forms = argparse_ru.PLURALS[("expected %s argument", "expected %s arguments")]
    assert argparse_ru.ngettext("expected %s argument", "expected %s arguments", n) == forms[form]


def _help_of(argv: list[str], capsys) -> str:
    with pytest.raises(SystemExit) as stop:
        cli.main(argv)
    assert stop.value.code == 0
    return capsys.readouterr().out


def test_top_level_help_is_russian_and_lists_every_command(capsys):
    text = _help_of(["--help"], capsys)
    assert text.startswith("использование: gp-desktop")
    assert (
        "показать эту справку и выйти" in text
        and "показать версию программы и корпуса и выйти" in text
    )
    assert not ENGLISH.search(text), ENGLISH.search(text)
    for name in _sub_commands():
        assert name in text


def test_every_sub_commands_help_is_russian(capsys):
    commands = _sub_commands()
    assert len(commands) >= 5
    for name in commands:
        text = _help_of([name, "--help"], capsys)
        assert text.startswith(f"использование: gp-desktop {name}"), name
        assert not ENGLISH.search(text), (name, ENGLISH.search(text))
        assert "параметры:" in text, name


@pytest.mark.parametrize(
    "argv, expected",
    [
        (["no-such-command"], "недопустимое значение: 'no-such-command' (возможны: "),
        (["search"], "не хватает обязательных аргументов: QUERY"),
        (["--no-such-option"], "лишние аргументы: --no-such-option"),
        (["export", "--format", "doc"], "аргумент --format: недопустимое значение: 'doc'"),
        (["search", "x", "--limit"], "аргумент --limit: нужно одно значение"),
    ],
)
def test_usage_errors_are_one_russian_line_and_exit_2(argv, expected, capsys):
    with pytest.raises(SystemExit) as stop:
        cli.main(argv)
    assert stop.value.code == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and err.startswith("gp-desktop"), err
    assert "ошибка: " in err and expected in err, err
    assert not ENGLISH.search(err), err


def test_readme_command_line_reference_matches_the_parsers():
    """Every sub-command and each of its options is in the README's command-line table."""
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    section = readme.split("## Command line", 1)[1].split("\n## ", 1)[0]
    rows = {
        m.group(1): m.group(0)
        for m in re.finditer(r"^\| `gp-desktop ([\w-]+)[^|]*\|.*$", section, re.M)
    }
    for name, parser in _sub_commands().items():
        assert name in rows, f"README has no row for `gp-desktop {name}`"
        for action in parser._actions:
            options = action.option_strings
            if not options or set(options) & {"-h", "--corpus"}:
                continue
            # `-o` or `--output`: either spelling of the option will do.
            assert any(re.search(rf"{o}\b", rows[name]) for o in options), (name, options)
