from datetime import date

import numpy as np
import pytest

from maisky_desktop.core.density import DensityGrid, block_edges, column_edges, depth_runs, layered_alpha, union_spans
from maisky_desktop.core.layout import layout_from_columns


def _layout(n=3000, lanes=5, seed=7):
    rng = np.random.default_rng(seed)
    d0 = rng.integers(date(1917, 1, 1).toordinal(), date(1975, 12, 31).toordinal(), n)
    d1 = d0 + np.where(rng.random(n) < 0.6, 0, rng.integers(1, 2000, n))
    return layout_from_columns([str(i) for i in range(n)], d0, d1, rng.integers(0, lanes, n), n_lanes=lanes)


def _brute(lay, edges, shown=None):
    out = np.zeros((lay.lanes, len(edges) - 1), dtype=int)
    keep = np.ones(len(lay), bool) if shown is None else shown
    for j in range(len(edges) - 1):
        a, b = edges[j], edges[j + 1]
        for lane in range(lay.lanes):
            sel = keep & (lay.lane == lane)
            out[lane, j] = int(np.sum(sel & (lay.x0 < b) & (lay.x1 > a)))
    return out


BOTH = pytest.mark.parametrize("sort", [False, True], ids=["prefix counts", "sorted days"])


@BOTH
def test_counts_match_a_brute_force_count_for_coarse_columns(sort):
    lay = _layout()
    edges = column_edges(1917.0, 1976.0, 59)  # one column per year: day rounding does not matter
    assert np.array_equal(DensityGrid(lay, sort=sort).counts(edges), _brute(lay, edges))


@BOTH
def test_counts_match_in_columns_of_a_day_and_less_and_beyond_the_events(sort):
    lay = _layout(n=400, lanes=3, seed=11)
    for edges in (column_edges(1939.5, 1939.6, 97), column_edges(1800.0, 2100.0, 300)):
        assert np.array_equal(DensityGrid(lay, sort=sort).counts(edges), DensityGrid(lay, sort=not sort).counts(edges))
    edges = column_edges(1900.0, 1990.0, 9)
    assert np.array_equal(DensityGrid(lay, sort=sort).counts(edges), _brute(lay, edges))


@BOTH
def test_a_filter_counts_only_the_events_it_leaves(sort):
    lay = _layout()
    shown = np.zeros(len(lay), bool)
    shown[::3] = True
    edges = column_edges(1930.0, 1940.0, 10)
    assert np.array_equal(DensityGrid(lay, shown, sort=sort).counts(edges), _brute(lay, edges, shown))


def test_a_small_store_sorts_its_days_and_a_big_one_keeps_prefix_counts():
    assert DensityGrid(_layout(n=210, lanes=8)).sorted
    assert not DensityGrid(_layout(n=100_000, lanes=5)).sorted


@BOTH
def test_no_events_count_nothing(sort):
    lay = layout_from_columns([], np.array([], np.int64), np.array([], np.int64), np.array([], np.int32), n_lanes=2)
    assert DensityGrid(lay, sort=sort).counts(column_edges(1917.0, 1976.0, 5)).tolist() == [[0] * 5, [0] * 5]


@BOTH
def test_a_single_day_is_counted_once_in_any_column_narrower_than_a_day(sort):
    d = date(1941, 6, 22).toordinal()
    lay = layout_from_columns(["a"], [d], [d], [0], n_lanes=1)
    grid = DensityGrid(lay, sort=sort)
    x = float(lay.x0[0])
    counts = grid.counts(column_edges(x - 2 / 365, x + 2 / 365, 400))
    assert counts.max() == 1 and counts.sum() > 1  # every column showing the day holds it
    assert grid.total(1941.0, 1942.0).tolist() == [1]
    assert grid.total(1950.0, 1951.0).tolist() == [0]


def test_blocks_are_aligned_to_the_axis_so_counts_do_not_shift_while_panning():
    a = block_edges(1930.13, 1935.0, 0.5)
    b = block_edges(1930.37, 1935.2, 0.5)
    assert a[0] == 1930.0 and b[0] == 1930.0 and a[-1] >= 1935.0


def test_union_spans_merges_overlapping_and_touching_spans_only():
    x0 = np.array([5.0, 0.0, 2.0, 10.0, 10.4])
    x1 = np.array([6.0, 3.0, 4.0, 10.2, 12.0])
    a, b = union_spans(x0, x1, 0.25)
    assert a.tolist() == [0.0, 5.0, 10.0] and b.tolist() == [4.0, 6.0, 12.0]


def test_depth_runs_count_the_spans_over_every_point_and_cover_only_them():
    rng = np.random.default_rng(7)
    x0 = rng.uniform(0, 100, 300)
    x1 = x0 + rng.exponential(8, 300)
    x1[:20] = x0[:20]  # empty spans cover nothing
    starts, ends, depth = depth_runs(x0, x1)
    assert np.all(ends > starts) and np.all(starts[1:] >= ends[:-1])  # runs in order, never overlapping
    for x in rng.uniform(-5, 130, 2000):
        covering = int(((x0 <= x) & (x < x1)).sum())
        run = np.flatnonzero((starts <= x) & (x < ends))
        assert (int(depth[run[0]]) if len(run) else 0) == covering


def test_one_layer_of_the_layered_alpha_blends_like_the_stack():
    background, colour = 250.0, 40.0
    for alpha in (235, 95, 31):
        for depth in range(1, 8):
            stacked = background
            for _ in range(depth):
                stacked = colour * alpha / 255 + stacked * (1 - alpha / 255)
            once_alpha = int(layered_alpha(alpha, np.array([depth]))[0])
            once = colour * once_alpha / 255 + background * (1 - once_alpha / 255)
            assert abs(once - stacked) <= 0.6  # within the rounding of an 8-bit alpha
