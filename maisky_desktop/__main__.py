"""``python -m maisky_desktop`` is the ``maisky-desktop`` command."""

import sys

from maisky_desktop.cli import main

sys.exit(main())
