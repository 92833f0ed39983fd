"""The overview strip's year labels never run into each other, at any text size.

Found on Xvfb at 1366x768 with the text at 150%: "'1890'1900'1910'1920" in one unreadable run,
the strip having picked its step for a fixed label width.
"""

import pytest
from PySide6 import QtGui

from maisky_desktop.ui.timeline import style


@pytest.mark.parametrize("scale", [1.0, 1.5, 2.0])
@pytest.mark.parametrize("width", [403, 640, 1100])
def test_neighbouring_year_labels_leave_a_gap(timeline, monkeypatch, scale, width):
    monkeypatch.setattr(style, "FONT_SCALE", scale)
    strip = timeline.overview
    font = style.ui_font(7.5)
    step = strip.label_step(width, font)
    spacing = width / (strip.hi - strip.lo) * step  # pixels between two labelled ticks
    # a label starts 2 px after its tick; 6 px more keep it clear of the next
    assert spacing >= QtGui.QFontMetricsF(font).horizontalAdvance("1950") + 8
