"""Lane names wrap into the lines their lane has room for, eliding the last words, never cut mid-line.

Found on Xvfb at 1366x768 with the text at 150%: "Terror and the Narkomindel purge" wrapped onto
three lines in a two-line lane, its first and last lines cut off by the lanes above and below.
"""

import pytest
from PySide6 import QtCore, QtGui
from timeline_helpers import show

from maisky_desktop.store.services import Services
from maisky_desktop.ui.timeline import style
from maisky_desktop.ui.timeline.lane_header import WIDTH, LaneHeader, fit_name
from maisky_desktop.ui.timeline.widget import TimelineWidget

WRAP = QtCore.Qt.TextFlag.TextWordWrap


def _lines(metrics, text, width):
    return round(metrics.boundingRect(QtCore.QRectF(0, 0, width, 1e6), WRAP, text).height() / metrics.height())


@pytest.mark.parametrize("scale", [1.0, 1.5, 2.0])
def test_a_long_lane_name_keeps_to_two_lines(qapp, monkeypatch, scale):
    monkeypatch.setattr(style, "FONT_SCALE", scale)
    metrics = QtGui.QFontMetricsF(style.ui_font(9.0, bold=True))
    width = WIDTH - 24  # the header's text column
    name = "Terror and the Narkomindel purge"
    fitted = fit_name(metrics, name, width, 2)
    assert _lines(metrics, fitted, width) <= 2
    assert fitted == name or (fitted.endswith("…") and name.startswith(fitted[:-1]))
    if scale == 1.0:
        assert fitted == name  # room enough: the whole name


def test_at_150_percent_the_whole_name_would_take_three_lines(qapp, monkeypatch):
    monkeypatch.setattr(style, "FONT_SCALE", 1.5)
    metrics = QtGui.QFontMetricsF(style.ui_font(9.0, bold=True))
    assert _lines(metrics, "Terror and the Narkomindel purge", WIDTH - 24) == 3  # what was drawn, and cut


def _header_pixels(timeline) -> QtGui.QImage:
    image = timeline.plot.grab().toImage()
    return image.copy(0, 0, WIDTH, image.height())


def test_the_lane_names_are_painted_once_while_zooming_sideways_and_again_when_the_lanes_change(
    qtbot, embedded_store, monkeypatch
):
    """Zoom and pan frames reuse the painted names (they only move sideways); a change of lanes shows the new ones."""
    painted = []
    paint = LaneHeader.paint
    monkeypatch.setattr(LaneHeader, "paint", lambda self, *a: painted.append(1) or paint(self, *a))
    services = Services.open(embedded_store)
    timeline = show(qtbot, TimelineWidget.from_data(services.timeline()))
    categories = _header_pixels(timeline)
    painted.clear()
    for left, right in [(1930.0, 1950.0), (1938.0, 1942.0), (1939.0, 1939.5), (1920.0, 1925.0)]:
        timeline.set_view(left, right)
        assert _header_pixels(timeline) == categories  # the same names, not painted again
    assert painted == []
    timeline.set_lane_mode("person")
    people = _header_pixels(timeline)
    assert painted and people != categories  # Ivan Maisky's lane and the others, not the cached categories
    timeline.set_lane_mode("category")
    assert _header_pixels(timeline) == categories
    services.close()
