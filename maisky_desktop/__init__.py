"""Maisky Timeline: a desktop timeline of Soviet diplomacy, every event anchored in its sources.

The app does no linear algebra, so numpy's OpenBLAS is given one thread unless the user chose
otherwise. Its worker threads spin for a while after numpy loads: at every start about 150 ms of
CPU on a second thread, which on a two-core laptop competes with the window being built (start
to first frame, median of 9: 549 -> 523 ms wall, 665 -> 535 ms CPU). Set here, the package's
first line, because it must come before numpy is imported and every entry point imports this.
"""

import os

os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")
