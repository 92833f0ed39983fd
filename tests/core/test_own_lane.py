"""Own events join the timeline in a lane of their own; the store's events keep their lanes and dates."""

import dataclasses
from datetime import date

import numpy as np

from maisky_desktop.core.layout import OnDemand, layout_from_columns
from maisky_desktop.core.own_lane import OWN_LANE_NAME, with_own_events


def test_own_events_get_the_last_lane_and_their_own_days():
    d = date(1938, 9, 29).toordinal()
    base = layout_from_columns(["a", "b"], [d, d + 10], [d, d + 40], [0, 1], titles=["A", "B"], n_lanes=2)
    lanes = [("x", "X", "#000"), ("y", "Y", "#111")]
    summer = (date(1938, 6, 1).toordinal(), date(1938, 8, 31).toordinal())
    layout, names = with_own_events(
        base, lanes, [("mine-1", "Talks", "summer 1938", *summer, True, False, False, False, True)]
    )
    assert [n for _, n, _ in names] == ["X", "Y", OWN_LANE_NAME] and layout.lanes == 3
    i = layout.index_of("mine-1")
    assert layout.lane[i] == 2 and layout.title(i) == "Talks" and bool(layout.soft[i])
    assert (int(layout.day0[i]), int(layout.day1[i])) == summer
    j = layout.index_of("b")
    assert layout.lane[j] == 1 and (int(layout.day0[j]), int(layout.day1[j])) == (d + 10, d + 40)
    assert list(layout.ids) == ["mine-1", "a", "b"]  # sorted by start, as the timeline needs
    assert np.all(np.diff(layout.x0) >= 0)


def test_the_stores_events_keep_their_marks_and_own_events_get_theirs():
    """Open sides and "some time in" boxes of the store survive the merge (they were lost once an own
    event existed), and an own "../1924" or "1938" is drawn as the store draws the same date."""
    d = date(1930, 1, 1).toordinal()
    base = layout_from_columns(
        ["by", "in", "day"],
        [d, d + 100, d + 200],
        [d + 50, d + 465, d + 200],
        [0, 0, 1],
        titles=["By 1930", "In 1930", "A day"],
        n_lanes=2,
        open_start=[True, False, False],
        vague=[False, True, False],
    )
    lanes = [("x", "X", "#000"), ("y", "Y", "#111")]
    by_1924 = ("mine-by", "Mine, by 1924", "by 1924", d - 2000, d - 1700, True, False, True, False, False)
    in_1938 = ("mine-in", "Mine, 1938", "1938", d + 3000, d + 3364, True, False, False, False, True)
    layout, _ = with_own_events(base, lanes, [in_1938, by_1924])
    left, right = layout.opens
    marks = {layout.ids[i]: (bool(left[i]), bool(right[i]), bool(layout.within[i])) for i in range(len(layout))}
    assert marks == {
        "by": (True, False, False),
        "in": (False, False, True),
        "day": (False, False, False),
        "mine-by": (True, False, False),
        "mine-in": (False, False, True),
    }
    assert list(layout.ids) == ["mine-by", "by", "in", "day", "mine-in"]
    assert [int(layout.day0[layout.index_of(e)]) for e in ("by", "mine-in")] == [d, d + 3000]


def test_a_big_stores_text_is_read_only_where_asked_after_own_events_join():
    reads = []

    def read(idx):
        reads.append(len(idx))
        return [f"title {i}" for i in idx.tolist()]

    n = 1000
    days = np.arange(n) * 10 + date(1917, 1, 1).toordinal()
    plain = layout_from_columns([str(i) for i in range(n)], days, days, np.zeros(n, dtype=np.int32), n_lanes=1)
    ids = OnDemand(n, lambda idx: [str(i) for i in idx.tolist()], find=lambda v: int(v) if v.isdigit() else None)
    base = dataclasses.replace(plain, ids=ids, titles=OnDemand(n, read), stated=OnDemand(n, read))
    mine = ("mine", "Mine", "1930", int(days[500]) + 1, int(days[500]) + 1, False, False, False, False, False)
    layout, _ = with_own_events(base, [("x", "X", "#000")], [mine])
    assert reads == []  # the merge read no text
    at = layout.index_of("mine")
    assert at == 501 and layout.title(at) == "Mine" and layout.titles_ready(np.array([at]))[0]
    assert layout.index_of("700") == 701 and layout.title(701) == "title 700"  # after the own event: moved by one
    assert layout.index_of("300") == 300 and not layout.titles_ready(np.array([299]))[0]
    layout.request_titles(np.arange(495, 505))
    assert layout.titles_ready(np.arange(495, 505)).all() and sum(reads) == 1 + 9  # one single read, then the rest
