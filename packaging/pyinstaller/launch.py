"""The bundle's entry point for both executables: the window and the command line are one program."""

import sys

from maisky_desktop.cli import main

sys.exit(main())
