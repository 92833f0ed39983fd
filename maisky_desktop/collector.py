"""Python's cyclic garbage collector around the window's start.

Starting the window makes about 80,000 objects that live as long as the app: modules, classes,
Qt wrappers, the store's columns. CPython's collector walks all of them in every full collection:
before the first frame it spends about 60 ms in collections that find next to nothing, and after it
each full collection costs about 25 ms, more than a frame at 60 Hz, wherever it falls (in a zoom,
a drag). So the collector is paused from the start of the window to its first frame; then
``gc.freeze`` moves what the start made where later collections don't look (the use the Python
documentation gives it), and collection resumes. The start leaves about 900 unreachable objects
behind (measured): frozen with the rest they cost a few hundred KB once, where collecting them
first blocked the window for 58 ms just as it appeared.
"""

from __future__ import annotations

import gc

_paused = False


def pause() -> None:
    """Pause collection for the start; a collector that someone else turned off stays off."""
    global _paused
    if gc.isenabled():
        gc.disable()
        _paused = True


def settle() -> None:
    """Once the first frame is shown (or the start failed): freeze what the start made, resume collection."""
    global _paused
    if not _paused:
        return
    _paused = False
    gc.freeze()
    gc.enable()
