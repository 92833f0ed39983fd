"""The timeline's events plus the researcher's own, in a lane of their own at the bottom."""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np

from maisky_desktop.core.layout import Layout, layout_from_columns

OWN_LANE_NAME = "My events"
OWN_LANE_COLOUR = "#1f7a68"


def with_own_events(
    base: Layout,
    lanes: Sequence[tuple[str, str, str]],
    own: Sequence[tuple[str, str, str, int, int, bool, bool]],
) -> tuple[Layout, list[tuple[str, str, str]]]:
    """(layout, lanes) with ``own`` events (id, title, stated date, first day, last day, soft, approx) added
    in a last lane named "My events"; the store's lanes keep their indices."""
    lanes = list(lanes)
    if base.lanes > len(lanes):  # the store has an "Other" lane for unknown categories: keep it
        lanes.append(("", "Other", "#8a8a8a"))
    own_index = len(lanes)
    lanes.append(("mine", OWN_LANE_NAME, OWN_LANE_COLOUR))
    if not own:  # the same events with one more (empty) lane: a big store's text stays on demand, unread
        return base.with_lanes(base.lane, len(lanes)), lanes
    ids, titles, stated, d0, d1, soft, approx = zip(*own)
    return layout_from_columns(
        list(base.ids) + list(ids),
        np.concatenate([base.day0, np.asarray(d0, dtype=np.int64)]),
        np.concatenate([base.day1, np.asarray(d1, dtype=np.int64)]),
        np.concatenate([base.lane, np.full(len(ids), own_index, dtype=np.int32)]),
        soft=np.concatenate([base.soft, np.asarray(soft, dtype=bool)]),
        approx=np.concatenate([base.circa, np.asarray(approx, dtype=bool)]),
        titles=(list(base.titles) if base.titles else list(base.ids)) + list(titles),
        stated=(list(base.stated) if base.stated else [""] * len(base.ids)) + list(stated),
        n_lanes=len(lanes),
    ), lanes
