from datetime import date

import numpy as np
import pytest

from maisky_desktop.core import dates
from maisky_desktop.core.layout import build_layout, days_at, decimal_years, layout_from_columns


@pytest.mark.parametrize(
    "day", [date(1884, 1, 19), date(1900, 3, 1), date(1917, 11, 7), date(1944, 12, 31), date(1975, 9, 3)]
)
def test_vectorised_decimal_years_match_the_scalar_ones_before_1970(day):
    assert decimal_years([day.toordinal()])[0] == pytest.approx(dates.decimal_year(day), abs=1e-12)
    assert days_at(decimal_years([day.toordinal()]) + 1e-9)[0] == day.toordinal()


def test_every_day_of_a_leap_century_round_trips():
    days = np.arange(date(1896, 1, 1).toordinal(), date(1905, 1, 1).toordinal())
    assert np.array_equal(days_at(decimal_years(days) + 1e-9), days)


def test_columns_are_sorted_by_start_and_keep_their_titles():
    d = date(1922, 4, 16).toordinal()
    lay = layout_from_columns(["b", "a"], [d + 5, d], [d + 5, d + 40], [1, 0], titles=["B", "A"], n_lanes=2)
    assert lay.ids == ["a", "b"] and lay.titles == ["A", "B"]
    assert list(lay.point) == [False, True] and list(lay.soft) == [True, False]
    assert lay.index_of("b") == 1 and lay.title(1) == "B"
    assert list(lay.visible(1922.4, 1922.5)) == [0]


def test_visible_finds_exactly_the_overlapping_events():
    rng = np.random.default_rng(3)
    d0 = rng.integers(date(1917, 1, 1).toordinal(), date(1975, 1, 1).toordinal(), 2000)
    d1 = d0 + rng.integers(0, 900, 2000)
    lay = layout_from_columns([str(i) for i in range(2000)], d0, d1, np.zeros(2000, int))
    for left, right in [(1930.0, 1931.0), (1917.0, 1976.0), (1950.2, 1950.25)]:
        expected = set(np.flatnonzero((lay.x1 >= left) & (lay.x0 <= right)).tolist())
        assert set(lay.visible(left, right).tolist()) == expected
        assert lay.count_visible(left, right) >= len(expected)


def test_build_layout_keeps_the_row_api_and_adds_a_lane_only_for_unknown_categories():
    rows = [("x", "1927-05-12", "1927-05-12", "war", False), ("y", "1930-01-01", "1930-12-31", "nope", True)]
    lay = build_layout(rows, ["maisky", "war"])
    assert lay.lanes == 3 and list(lay.lane) == [1, 2] and list(lay.circa) == [False, True]
    assert build_layout(rows[:1], ["maisky", "war"]).lanes == 2


def test_with_lanes_keeps_the_event_order():
    rows = [("x", "1927-05-12", "1927-05-12", "war", False), ("y", "1930-01-01", "1930-12-31", "war", False)]
    lay = build_layout(rows, ["war"])
    moved = lay.with_lanes(np.array([3, 0]), 4)
    assert moved.ids == lay.ids and moved.lanes == 4 and list(moved.lane) == [3, 0]


def test_on_demand_knows_what_it_holds_as_a_mask_and_forgets_it_with_its_cache(monkeypatch):
    from maisky_desktop.core.layout import OnDemand

    reads = []
    column = OnDemand(10, lambda idx: reads.append(idx.tolist()) or [f"t{i}" for i in idx.tolist()])
    column.fill(np.array([2, 5]), ["two", "five"])
    assert column.ready(np.array([1, 2, 5, 9])).tolist() == [False, True, True, False]
    assert column.missing(np.array([1, 2, 5, 9])).tolist() == [1, 9]
    column.request(np.array([1, 2]))  # no loader: read now, and only what is missing
    assert reads == [[1]] and column.ready(np.array([1])).all() and column[1] == "t1"
    monkeypatch.setattr(OnDemand, "CACHE_LIMIT", 2)
    column.fill(np.array([7]), ["seven"])  # past the limit: the cache starts again with this fill
    assert column.ready(np.arange(10)).tolist() == [i == 7 for i in range(10)]
    assert column.cached(7) == "seven" and column.cached(2) is None
