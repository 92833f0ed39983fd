"""The timeline's look in one place: lane geometry (in lane units), colours, fonts, limits.

A lane is one unit tall: marks fill a band in its upper part, titles sit in a text row
under it, so a label can never cover a mark. The strip above lane 0 names the eras.
"""

from __future__ import annotations

from PySide6 import QtGui

ERA_ROW = 0.3  # height of one row of era names above the first lane (as many rows as eras overlap)
BAR_TOP, BAR_BOTTOM = 0.12, 0.50  # the marks band inside a lane
TEXT_TOP, TEXT_BOTTOM = 0.54, 0.96  # the label row inside a lane
POINT_PX = 10.0  # diameter of a single-day marker
MIN_BAR_PX = 2.0  # an interval is never drawn narrower than this
DETAIL_LIMIT = 2500  # above this many events in view, lanes draw as density bands
MAX_CIRCLES = 900  # above this many single days in view, markers draw as plain ticks

VAGUE_FILL_ALPHA = 40  # "some time in 1938": a faint fill ...
VAGUE_MIN_PX = 7.0  # ... in a dotted box at least this wide
BACKGROUND = "#fbfaf7"
INK = "#2a2a2a"
MUTED_INK = "#6b6b6b"
GRID = "#e6e2d9"
STRIPE = "#f4f1ea"
CONTEXT = "#ece9e2"
SELECT_HALO = "#f2b300"
OTHER_LANE = "#8a8a8a"
ERA_TINTS = ("#efe7d6", "#e3eaf0")


FONT_SCALE = 1.0  # the font-size setting (ui.theme): every timeline text is scaled by it


def ui_font(point_size: float = 9.0, bold: bool = False) -> QtGui.QFont:
    font = QtGui.QFont()
    font.setPointSizeF(point_size * FONT_SCALE)
    font.setBold(bold)
    return font


def vague_pen(colour: QtGui.QColor, faint: bool = False) -> QtGui.QPen:
    """The dotted outline of a date known only to its month, season, year or decade."""
    ink = QtGui.QColor(colour)
    ink.setAlpha(90 if faint else 230)
    pen = QtGui.QPen(ink)
    pen.setCosmetic(True)
    pen.setWidthF(1.4)
    pen.setDashPattern([2.0, 2.0])
    return pen


def muted(colour: QtGui.QColor, amount: float = 0.6) -> QtGui.QColor:
    """The colour mixed towards grey: pre-1917 context and dimmed events."""
    grey = 150
    r = int(colour.red() * (1 - amount) + grey * amount)
    g = int(colour.green() * (1 - amount) + grey * amount)
    b = int(colour.blue() * (1 - amount) + grey * amount)
    return QtGui.QColor(r, g, b)
