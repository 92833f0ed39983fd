"""The tour walk clamps at both ends and says where the visitor is; the glide path is even."""

import math

import pytest

from maisky_desktop.core import glide
from maisky_desktop.core.tour import Stop, Tour, TourWalk

TOUR = Tour("t", "T", "intro", tuple(Stop(f"e{i}", f"n{i}", f"E{i}", "1932-12", "") for i in range(3)))


def test_walk_starts_at_the_introduction_and_clamps_at_both_ends():
    walk = TourWalk(TOUR)
    assert walk.stop is None and walk.progress() == "Introduction · 3 stops"
    assert not walk.previous()
    assert walk.next() and walk.stop.event_id == "e0" and walk.progress() == "Stop 1 of 3"
    assert walk.go(99) and walk.at_end and walk.stop.event_id == "e2"
    assert not walk.next() and walk.position == 2
    assert walk.stop.date_words == "December 1932"


def test_frame_centres_the_event_and_keeps_room():
    left, right = glide.frame(1939.6, 1939.7)
    assert (left + right) / 2 == pytest.approx(1939.65) and right - left == pytest.approx(glide.STOP_WIDTH)
    left, right = glide.frame(1932.0, 1943.0)
    assert right - left == pytest.approx(11 * 1.4)


def test_glide_path_ends_exactly_and_zooms_evenly_on_a_log_scale():
    start, end = (1917.0, 1976.0), (1938.0, 1944.0)
    assert glide.between(start, end, 0) == pytest.approx(start)
    assert glide.between(start, end, 1) == pytest.approx(end)
    left, right = glide.between(start, end, 0.5)
    assert right - left == pytest.approx(math.sqrt(59 * 6))
