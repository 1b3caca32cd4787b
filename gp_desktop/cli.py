"""The ``gp-desktop`` command: the window by default, sub-commands for everything else.

Every failure the user can cause ends in one line on stderr and a non-zero exit code:
1 for bad input or an unusable file, 2 for bad usage (argparse), 70 for a bug.
"""

from __future__ import annotations

import argparse
import contextlib
import importlib
import os
import sys
import time
from collections.abc import Sequence

from gp_desktop import argparse_ru
from gp_desktop.corpus.errors import CorpusError
from gp_desktop.terminal import one_line
from gp_desktop.version import VersionAction

argparse_ru.install()

# Each module in gp_desktop/commands/ with add_parser() and run().
COMMAND_MODULES = [
    "build_corpus",
    "show",
    "timeline",
    "export",
    "check",
    "excerpt",
    "search",
    "editions",
    "diff",
    "add_edition",
]

EXIT_ERROR = 1
EXIT_BUG = 70


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> None:  # one line, as everywhere else
        self.exit(2, f"{self.prog}: ошибка: {message}\n")

    def add_argument(self, *args, **kwargs):  # type: ignore[no-untyped-def]
        # Python 3.11 gives --version an English help that bypasses argparse's gettext hooks.
        if kwargs.get("action") == "version" and "help" not in kwargs:
            kwargs["help"] = argparse_ru.gettext("show program's version number and exit")
        return super().add_argument(*args, **kwargs)


def _window_parser() -> argparse.ArgumentParser:
    """The options of the window itself, which the full parser has too."""
    parser = _Parser(
        prog="gp-desktop",
        description="Справочник по Указу Президента РК от 13.10.2017 № 563 "
        "и Положению о Генеральной прокуратуре. Без команды открывает окно.",
    )
    parser.add_argument("--version", action=VersionAction)
    parser.add_argument("--corpus", metavar="PATH", help="файл корпуса (по умолчанию — встроенный)")
    parser.add_argument(
        "--self-test",
        action="store_true",
        help="открыть окно без экрана, выполнить поиск и открыть пункт, "
        "вывести время в JSON и выйти",
    )
    return parser


def build_parser() -> tuple[argparse.ArgumentParser, dict[str, object]]:
    parser = _window_parser()
    sub = parser.add_subparsers(
        title="команды", dest="command", metavar="КОМАНДА", parser_class=_Parser
    )
    runners: dict[str, object] = {}
    for name in COMMAND_MODULES:
        module = importlib.import_module(f"gp_desktop.commands.{name}")
        module.add_parser(sub)
        runners[module.NAME] = module.run
    return parser, runners


def opens_the_window(argv: Sequence[str]) -> bool:
    """True when ``argv`` names no sub-command and asks for no help: then the window's own
    options are all there is to parse, and the sub-commands' modules (13 ms of imports, half
    of them never used by the window) need not load before its first paint."""
    expect_value = False
    for arg in argv:
        if expect_value:
            expect_value = False
        elif arg == "--corpus":
            expect_value = True
        elif arg in ("-h", "--help") or not arg.startswith("-"):
            return False
    return True


def _configure_streams() -> None:
    for stream in (sys.stdout, sys.stderr):
        with contextlib.suppress(AttributeError, ValueError):
            stream.reconfigure(encoding="utf-8", errors="replace")  # type: ignore[union-attr]


def _fail(message: str) -> None:
    """The one line of a failure: bounded in length, control characters made visible."""
    print(f"gp-desktop: {one_line(message)}", file=sys.stderr)


def main(argv: Sequence[str] | None = None) -> int:
    started_at = time.perf_counter()
    _configure_streams()
    argv = sys.argv[1:] if argv is None else list(argv)
    if opens_the_window(argv):
        parser, runners = _window_parser(), {}
        args = parser.parse_args(argv)
        args.command = None
    else:
        parser, runners = build_parser()
        args = parser.parse_args(argv)
    args.started_at = started_at
    if args.self_test and args.command is not None:
        parser.error("--self-test не сочетается с командой")
    try:
        if args.command is None:
            from gp_desktop.ui.app import run_gui

            return run_gui(args)
        code = runners[args.command](args)  # type: ignore[operator]
        sys.stdout.flush()  # a reader that went away (`| head`) shows here, not at exit
        return code
    except CorpusError as exc:
        _fail(str(exc))
        return EXIT_ERROR
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:
        # Python would try the flush again at exit and print a warning: let it write nowhere.
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 0
    except ImportError as exc:
        _fail(f"не удаётся загрузить модуль: {exc}")
        return EXIT_ERROR
    except Exception as exc:
        _fail(f"внутренняя ошибка: {type(exc).__name__}: {exc}")
        return EXIT_BUG


if __name__ == "__main__":
    sys.exit(main())
