"""Entry script of the desktop build: PyInstaller freezes this file as the ``gp-desktop`` program.

It only hands over to the same ``gp_desktop.cli.main`` that the installed ``gp-desktop``
command runs, so the desktop build and a checkout behave alike.
"""

import multiprocessing
import sys

from gp_desktop.cli import main

if __name__ == "__main__":
    # A frozen program that starts worker processes must let them run as workers, not as
    # another copy of the app (Windows spawns them through this executable).
    multiprocessing.freeze_support()
    sys.exit(main())
