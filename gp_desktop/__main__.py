"""Allows ``python -m gp_desktop`` as well as the ``gp-desktop`` entry point."""

import sys

from gp_desktop.cli import main

sys.exit(main())
