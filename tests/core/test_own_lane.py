"""Own events join the timeline in a lane of their own; the store's events keep their lanes and dates."""

from datetime import date

import numpy as np

from maisky_desktop.core.layout import layout_from_columns
from maisky_desktop.core.own_lane import OWN_LANE_NAME, with_own_events


def test_own_events_get_the_last_lane_and_their_own_days():
    d = date(1938, 9, 29).toordinal()
    base = layout_from_columns(["a", "b"], [d, d + 10], [d, d + 40], [0, 1], titles=["A", "B"], n_lanes=2)
    lanes = [("x", "X", "#000"), ("y", "Y", "#111")]
    summer = (date(1938, 6, 1).toordinal(), date(1938, 8, 31).toordinal())
    layout, names = with_own_events(base, lanes, [("mine-1", "Talks", "summer 1938", *summer, True, False)])
    assert [n for _, n, _ in names] == ["X", "Y", OWN_LANE_NAME] and layout.lanes == 3
    i = layout.index_of("mine-1")
    assert layout.lane[i] == 2 and layout.title(i) == "Talks" and bool(layout.soft[i])
    assert (int(layout.day0[i]), int(layout.day1[i])) == summer
    j = layout.index_of("b")
    assert layout.lane[j] == 1 and (int(layout.day0[j]), int(layout.day1[j])) == (d + 10, d + 40)
    assert list(layout.ids) == ["mine-1", "a", "b"]  # sorted by start, as the timeline needs
    assert np.all(np.diff(layout.x0) >= 0)
