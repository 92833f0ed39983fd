"""What the window's start does before Qt is imported (``cli.cmd_gui``, and the benchmark that times it).

Two things, both measured on the start to the first frame:

- Python's garbage collector is paused until that frame (``collector``).
- The app's Qt-free layers (core and store, numpy with them) are imported first. PySide6 installs
  an import hook that reads the whole source file of every module imported after it, to see
  whether the module uses PySide: about a hundred modules of the app's and numpy's. Imported
  before Qt, they are not read (findsource calls 383 -> 282).
"""

from __future__ import annotations

from maisky_desktop import collector


def before_qt() -> None:
    """Pause the collector and import the Qt-free layers the window reads through."""
    collector.pause()
    import maisky_desktop.store.services  # noqa: F401  (imported for the order, used by the window)
