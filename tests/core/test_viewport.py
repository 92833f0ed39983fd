import pytest

from maisky_desktop.core import viewport
from maisky_desktop.core.viewport import Bounds, Era

B = Bounds.around(1884.0, 1987.0)


def test_zoom_keeps_the_anchor_at_the_same_screen_fraction():
    left, right = viewport.zoom(1917.0, 1977.0, 0.5, 1932.0, B)
    assert right - left == pytest.approx(30.0)
    assert (1932.0 - left) / (right - left) == pytest.approx(0.25)


def test_zoom_is_bounded_at_a_week_and_at_the_data_plus_margin():
    left, right = 1930.0, 1931.0
    for _ in range(200):
        left, right = viewport.zoom(left, right, 0.5, 1930.5, B)
    assert right - left == pytest.approx(viewport.MIN_SPAN)
    for _ in range(200):
        left, right = viewport.zoom(left, right, 2.0, 1930.5, B)
    assert (left, right) == (B.lo, B.hi) == (1882.0, 1989.0)


def test_pan_stops_at_the_ends():
    assert viewport.pan(1917.0, 1977.0, -10, B) == (B.lo, B.lo + 60)
    assert viewport.pan(1940.0, 1950.0, 0.5, B) == (1945.0, 1955.0)


def test_reveal_moves_only_when_needed():
    assert viewport.reveal(1930.0, 1940.0, 1935.0, 1935.1, B) == (1930.0, 1940.0)
    left, right = viewport.reveal(1930.0, 1940.0, 1950.0, 1950.1, B)
    assert right - left == pytest.approx(10) and left < 1950.0 < right


ERAS = [Era("Revolution and civil war", 1917.0, 1921.0), Era("Recognition", 1921.0, 1929.0), Era("War", 1939.7, 1945.4)]


def test_page_down_and_up_walk_the_eras():
    view = viewport.clamp(*viewport.HOME, B)
    view = viewport.page(ERAS, *view, 1, B)
    assert view[0] < 1917.0 and 1921.0 < view[1] < 1922  # from the whole span: the first era
    view = viewport.page(ERAS, *view, 1, B)
    assert view[0] < 1921.0 < view[1] and view[1] < 1930  # Recognition
    view = viewport.page(ERAS, *view, 1, B)
    assert view[0] < 1939.7 and view[1] > 1945.4
    assert viewport.page(ERAS, *view, 1, B) == view  # no era after the last
    view = viewport.page(ERAS, *view, -1, B)
    assert view[0] < 1921.0 < view[1] < 1930


def test_without_eras_paging_moves_by_a_view_width():
    assert viewport.page([], 1930.0, 1935.0, 1, B) == (1935.0, 1940.0)
    assert viewport.page([], 1930.0, 1935.0, -1, B) == (1925.0, 1930.0)
