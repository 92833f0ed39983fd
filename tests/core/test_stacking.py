"""Sub-rows for overlapping events: first fit by start within each lane, the row ending first when all are taken."""

import numpy as np
import pytest

from maisky_desktop.core import stacking


def _reference(lanes, starts, ends, title_w, rows):
    """The rule written out plainly: each event, in start order within its lane, on the first free row."""
    out = [0] * len(lanes)
    if rows <= 1:
        return out
    reach = [max(e, s + min(w, stacking.TITLE_ROOM)) + stacking.GAP for s, e, w in zip(starts, ends, title_w)]
    ends_by_lane: dict[int, list[float]] = {}
    for i in sorted(range(len(lanes)), key=lambda i: (lanes[i], starts[i], i)):
        row_end = ends_by_lane.setdefault(lanes[i], [float("-inf")] * rows)
        free = [r for r in range(rows) if row_end[r] <= starts[i]]
        row = free[0] if free else row_end.index(min(row_end))
        row_end[row] = max(row_end[row], reach[i])
        out[i] = row
    return out


def test_overlapping_titles_go_to_the_next_free_row_and_a_full_lane_reuses_the_row_ending_first():
    lanes = np.array([0, 0, 0, 0, 1])
    starts = np.array([0.0, 10.0, 20.0, 400.0, 10.0])
    ends = starts + 5
    widths = np.full(5, 100.0)
    rows = stacking.stack(lanes, starts, ends, widths, 2)
    assert rows.tolist() == [0, 1, 0, 0, 0]  # the third overlaps both: the row ending first (row 0, at 108)
    assert stacking.stack(lanes, starts, ends, widths, 1).tolist() == [0] * 5  # one row: nothing to stack


def test_events_on_one_row_never_overlap_while_rows_suffice():
    starts = np.arange(0.0, 600.0, 50.0)  # each title claims 158 px: 4 rows hold them
    lanes = np.zeros(len(starts), dtype=np.int32)
    rows = stacking.stack(lanes, starts, starts + 2, np.full(len(starts), 150.0), 4)
    for r in range(4):
        on_row = np.sort(starts[rows == r])
        assert (np.diff(on_row) >= 150.0 + stacking.GAP).all()


@pytest.mark.parametrize("seed", range(6))
def test_the_fast_loop_gives_the_rule_written_out(seed):
    rng = np.random.default_rng(seed)
    n = int(rng.integers(1, 1500))
    lanes = rng.integers(0, 9, n).astype(np.int32)
    starts = np.round(rng.uniform(-50, 1300, n) / (40 if seed % 2 else 1)) * (40 if seed % 2 else 1)  # ties too
    ends = starts + rng.exponential(30, n)
    widths = rng.uniform(20, 300, n)
    rows = int(rng.integers(2, stacking.MAX_ROWS + 1))
    got = stacking.stack(lanes, starts, ends, widths, rows)
    assert got.dtype == np.int32
    assert got.tolist() == _reference(lanes.tolist(), starts.tolist(), ends.tolist(), widths.tolist(), rows)
