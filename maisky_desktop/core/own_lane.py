"""The timeline's events plus the researcher's own, in a lane of their own at the bottom."""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np

from maisky_desktop.core.layout import Layout, OnDemand, Splice, Spliced, decimal_years

# An own event as the timeline takes it: id, title, the date as written, first and last day (ordinals),
# soft (coarser than a day), approximate, open on the left, open on the right, "some time in" (a month,
# season, year or decade: the store's rule for its own events).
OwnRow = tuple[str, str, str, int, int, bool, bool, bool, bool, bool]

OWN_LANE_NAME = "My events"
OWN_LANE_COLOUR = "#1f7a68"


def with_own_events(
    base: Layout,
    lanes: Sequence[tuple[str, str, str]],
    own: Sequence[OwnRow],
) -> tuple[Layout, list[tuple[str, str, str]]]:
    """(layout, lanes) with ``own`` events added in a last lane named "My events"; the store's lanes keep
    their indices, and its events their marks (open sides, "some time in" boxes) and unread text."""
    lanes = list(lanes)
    if base.lanes > len(lanes):  # the store has an "Other" lane for unknown categories: keep it
        lanes.append(("", "Other", "#8a8a8a"))
    own_index = len(lanes)
    lanes.append(("mine", OWN_LANE_NAME, OWN_LANE_COLOUR))
    if not own:  # the same events with one more (empty) lane: a big store's text stays on demand, unread
        return base.with_lanes(base.lane, len(lanes)), lanes
    ids, titles, stated, d0, d1, soft, approx, opens_left, opens_right, vague = zip(*own)
    own_d0, own_d1 = np.asarray(d0, dtype=np.int64), np.asarray(d1, dtype=np.int64)
    own_x0, own_x1 = decimal_years(own_d0), decimal_years(own_d1 + 1)
    order = np.argsort(np.concatenate([base.x0, own_x0]), kind="stable")  # the store's first on a tie

    def take(store_column: np.ndarray, own_column: np.ndarray) -> np.ndarray:
        return np.concatenate([store_column, own_column])[order]

    splice = Splice(order, len(base))

    def text(store_column: Sequence[str], own_column: Sequence[str]) -> Sequence[str]:
        if isinstance(store_column, OnDemand):  # a big store's text stays unread (see ``Spliced``)
            return Spliced(store_column, own_column, splice)
        merged = list(store_column) + list(own_column)
        return [merged[i] for i in order.tolist()]

    left, right = base.opens
    return Layout(
        ids=text(base.ids, ids),
        x0=take(base.x0, own_x0),
        x1=take(base.x1, own_x1),
        lane=take(base.lane, np.full(len(ids), own_index, dtype=np.int32)),
        point=take(base.point, own_d0 == own_d1),
        soft=take(base.soft, np.asarray(soft, dtype=bool) | np.asarray(approx, dtype=bool)),
        max_len=max(base.max_len, float((own_x1 - own_x0).max())),
        approx=take(base.circa, np.asarray(approx, dtype=bool)),
        titles=text(base.titles or base.ids, titles),
        stated=text(base.stated or [""] * len(base), stated),
        n_lanes=len(lanes),
        open_start=take(left, np.asarray(opens_left, dtype=bool)),
        open_end=take(right, np.asarray(opens_right, dtype=bool)),
        vague=take(base.within, np.asarray(vague, dtype=bool)),
        rowid=None if base.rowid is None else take(base.rowid, np.full(len(ids), -1, dtype=np.int64)),
        day_from=take(base.day0, own_d0),
        day_to=take(base.day1, own_d1),
    ), lanes
