"""Wheel, drag, keys, double-click, pinch and the overview strip move the view, within bounds."""

import pytest
from PySide6 import QtCore
from timeline_helpers import double_click, drag, key, to_viewport, wheel

from maisky_desktop.core import viewport
from maisky_desktop.core.viewport import Era

Key = QtCore.Qt.Key


def _y_range(w):
    return tuple(w.plot.getViewBox().viewRange()[1])


def test_opens_on_1917_1975(timeline):
    left, right = timeline.view_range()
    assert left == pytest.approx(1917.0) and right == pytest.approx(1976.0)


def test_wheel_zooms_around_the_cursor_and_nothing_moves_vertically(timeline):
    y_before = _y_range(timeline)
    pos = to_viewport(timeline, 1932.0, 2.5)
    wheel(timeline, pos, 3)
    left, right = timeline.view_range()
    assert right - left < 59 * 0.9
    assert (1932.0 - left) / (right - left) == pytest.approx((1932.0 - 1917.0) / 59.0, abs=0.01)
    wheel(timeline, pos, -2)
    assert _y_range(timeline) == y_before


def test_drag_pans_by_the_dragged_distance(timeline):
    timeline.set_view(1930.0, 1940.0)
    start = to_viewport(timeline, 1935.0, 2.5)
    end = to_viewport(timeline, 1937.0, 2.5)
    drag(timeline, start, end)
    left, right = timeline.view_range()
    assert right - left == pytest.approx(10.0, rel=1e-3)
    assert left == pytest.approx(1928.0, abs=0.15)


def test_keys_zoom_pan_and_go_home(qtbot, timeline):
    key(qtbot, timeline, Key.Key_Plus)
    left, right = timeline.view_range()
    assert right - left == pytest.approx(59 * 0.8) and (left + right) / 2 == pytest.approx(1946.5)
    key(qtbot, timeline, Key.Key_Right)
    assert timeline.view_range()[0] == pytest.approx(left + 0.15 * (right - left))
    key(qtbot, timeline, Key.Key_Minus)
    key(qtbot, timeline, Key.Key_Home)
    assert timeline.view_range() == pytest.approx(viewport.HOME)


def test_zoom_bounds_hold_for_keys_and_wheel(qtbot, timeline):
    for _ in range(60):
        key(qtbot, timeline, Key.Key_Plus)
    left, right = timeline.view_range()
    assert right - left == pytest.approx(viewport.MIN_SPAN, rel=1e-3)
    for _ in range(40):
        wheel(timeline, to_viewport(timeline, (left + right) / 2, 2.0), -3)
    left, right = timeline.view_range()
    b = timeline.bounds
    assert left >= b.lo - 1e-6 and right <= b.hi + 1e-6 and right - left == pytest.approx(b.max_span, rel=1e-3)
    assert b.lo < 1884.1 and b.hi > 1975  # the pre-1917 context is reachable


def test_double_click_zooms_in_on_the_point(qtbot, timeline):
    pos = to_viewport(timeline, 1930.0, -0.2)  # in the era strip: no event under it
    double_click(timeline, pos)
    left, right = timeline.view_range()
    assert right - left == pytest.approx(29.5) and left < 1930 < right


def test_pinch_zooms_around_the_fingers(timeline):
    timeline.navigator.pinch(2.0, 1940.0)
    left, right = timeline.view_range()
    assert right - left == pytest.approx(29.5)
    assert (1940 - left) / (right - left) == pytest.approx((1940 - 1917) / 59)


def test_page_keys_walk_synthetic_eras(qtbot, timeline):
    timeline.set_eras([Era("Civil war", 1918.0, 1921.0), Era("The war", 1939.7, 1945.4)])
    key(qtbot, timeline, Key.Key_PageDown)
    assert timeline.view_range()[0] < 1918 < 1921 < timeline.view_range()[1] < 1922
    key(qtbot, timeline, Key.Key_PageDown)
    assert timeline.view_range()[0] < 1939.7 and timeline.view_range()[1] > 1945.4
    key(qtbot, timeline, Key.Key_PageUp)
    assert timeline.view_range()[1] < 1922


def test_the_overview_strip_moves_the_view(qtbot, timeline):
    timeline.set_view(1930.0, 1935.0)
    strip = timeline.overview
    x = int(strip._to_x(1960.0))
    qtbot.mouseClick(strip, QtCore.Qt.MouseButton.LeftButton, pos=QtCore.QPoint(x, strip.height() // 2))
    left, right = timeline.view_range()
    assert right - left == pytest.approx(5.0) and (left + right) / 2 == pytest.approx(1960.0, abs=0.2)
    assert strip.view == pytest.approx((left, right))


def test_view_changed_is_emitted(qtbot, timeline):
    with qtbot.waitSignal(timeline.view_changed, timeout=1000) as sig:
        timeline.set_view(1920.0, 1925.0)
    assert sig.args == pytest.approx([1920.0, 1925.0])
