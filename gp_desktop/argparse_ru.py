"""argparse's own words in Russian: «использование:», «параметры», every usage error.

The command line speaks Russian like the rest of the program, but argparse writes its headings
(«usage:», «positional arguments», «options»), the help of ``-h`` and ``--version`` and its
errors («invalid choice», «the following arguments are required») in English. It looks each of
them up through the module-level names ``_`` and ``ngettext`` (its gettext hooks), at the
moment it writes them; :func:`install` points those names at the table below. This works for
every parser and sub-command, including ones added later, without each of them doing anything,
and does not depend on the user's locale or on a compiled ``.mo`` file.

A message the table does not know is left in English rather than lost;
``tests/test_cli_help.py`` reads argparse's source and fails when a Python release adds one.
"""

from __future__ import annotations

import argparse

# argparse's message ids (Python 3.11–3.13) → Russian. The %-placeholders are kept as they are.
MESSAGES: dict[str, str] = {
    "usage: ": "использование: ",
    "positional arguments": "позиционные аргументы",
    "options": "параметры",
    "optional arguments": "параметры",
    "show this help message and exit": "показать эту справку и выйти",
    "show program's version number and exit": "показать версию программы и выйти",
    "%(prog)s: error: %(message)s\n": "%(prog)s: ошибка: %(message)s\n",
    "argument %(argument_name)s: %(message)s": "аргумент %(argument_name)s: %(message)s",
    "unrecognized arguments: %s": "лишние аргументы: %s",
    "ambiguous option: %(option)s could match %(matches)s": (
        "неоднозначный параметр: %(option)s может означать %(matches)s"
    ),
    "invalid choice: %(value)r (choose from %(choices)s)": (
        "недопустимое значение: %(value)r (возможны: %(choices)s)"
    ),
    "invalid %(type)s value: %(value)r": "недопустимое значение (%(type)s): %(value)r",
    "can't open '%(filename)s': %(error)s": "не удаётся открыть «%(filename)s»: %(error)s",
    "expected one argument": "нужно одно значение",
    "expected at most one argument": "нужно не больше одного значения",
    "expected at least one argument": "нужно хотя бы одно значение",
    "the following arguments are required: %s": "не хватает обязательных аргументов: %s",
    "one of the arguments %s is required": "нужен один из аргументов: %s",
    "not allowed with argument %s": "не сочетается с аргументом %s",
    "ignored explicit argument %r": "лишнее значение %r",
    "unexpected option string: %s": "неожиданный параметр: %s",
    "unknown parser %(parser_name)r (choices: %(choices)s)": (
        "неизвестная команда %(parser_name)r (возможны: %(choices)s)"
    ),
    'argument "-" with mode %r': "аргумент «-» в режиме %r",
    "%r is not callable": "%r нельзя вызвать",
    "cannot merge actions - two groups are named %r": (
        "нельзя объединить действия: две группы называются %r"
    ),
    "invalid option string %(option)r: must start with a character %(prefix_chars)r": (
        "недопустимый параметр %(option)r: должен начинаться с символа %(prefix_chars)r"
    ),
    "dest= is required for options like %r": "для параметров вида %r нужен dest=",
    "invalid conflict_resolution value: %r": "недопустимое значение conflict_resolution: %r",
    "cannot have multiple subparser arguments": "команда может быть только одна",
    "conflicting subparser: %s": "команда уже есть: %s",
    "conflicting subparser alias: %s": "другое имя команды уже есть: %s",
    ".__call__() not defined": ".__call__() не определён",
    "'required' is an invalid argument for positionals": (
        "«required» нельзя задать позиционному аргументу"
    ),
    "mutually exclusive arguments must be optional": (
        "взаимоисключающие аргументы должны быть необязательными"
    ),
    "sub-commands": "команды",
    "subcommands": "команды",
}

# Plural messages: (singular id, plural id) → the three Russian forms (1, 2–4, 5–20).
PLURALS: dict[tuple[str, str], tuple[str, str, str]] = {
    ("expected %s argument", "expected %s arguments"): (
        "нужно %s значение",
        "нужно %s значения",
        "нужно %s значений",
    ),
    ("conflicting option string: %s", "conflicting option strings: %s"): (
        "параметр уже есть: %s",
        "параметры уже есть: %s",
        "параметры уже есть: %s",
    ),
}


def gettext(message: str) -> str:
    """The Russian of one argparse message; the message itself when there is none."""
    return MESSAGES.get(message, message)


def ngettext(singular: str, plural: str, n: int) -> str:
    forms = PLURALS.get((singular, plural))
    if forms is None:
        return singular if n == 1 else plural
    n = abs(n)
    if n % 10 == 1 and n % 100 != 11:
        return forms[0]
    if 2 <= n % 10 <= 4 and not 12 <= n % 100 <= 14:
        return forms[1]
    return forms[2]


def install() -> None:
    """Make argparse write Russian from now on (safe to call more than once)."""
    argparse._ = gettext  # type: ignore[attr-defined]
    argparse.ngettext = ngettext  # type: ignore[attr-defined]
