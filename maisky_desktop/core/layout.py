"""Events -> arrays the timeline draws: axis extents and lanes, computed once per store.

Pure numpy so the timeline's geometry is testable without a display and cheap to
slice per frame (sorted starts allow a binary search for the events in view). Day
numbers are proleptic Gregorian ordinals (``date.toordinal``), never POSIX
timestamps, so 1884 is as exact as 1975 on every OS.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date
from functools import cached_property

import numpy as np

from maisky_desktop.core import span

# Ordinal of 1 January of years 1..10000: the table behind the vectorised conversions.
_JAN1 = np.array([date(y, 1, 1).toordinal() for y in range(1, 10000)] + [date(9999, 12, 31).toordinal() + 1])
CONTEXT_BEFORE = span.context_before()  # events ending before the period of study are context


def decimal_years(days: np.ndarray | Sequence[int]) -> np.ndarray:
    """Axis positions of day ordinals: year plus the fraction elapsed (``dates.decimal_year``, vectorised)."""
    d = np.asarray(days, dtype=np.int64)
    k = np.clip(np.searchsorted(_JAN1, d, side="right") - 1, 0, len(_JAN1) - 2)
    return (k + 1) + (d - _JAN1[k]) / (_JAN1[k + 1] - _JAN1[k])


def days_at(years: np.ndarray | Sequence[float]) -> np.ndarray:
    """Day ordinals at axis positions (the day that contains each position)."""
    x = np.clip(np.asarray(years, dtype=np.float64), 1.0, 9999.999)
    k = np.floor(x).astype(np.int64) - 1
    length = _JAN1[k + 1] - _JAN1[k]
    return _JAN1[k] + np.minimum(np.floor((x - (k + 1)) * length).astype(np.int64), length - 1)


@dataclass(frozen=True)
class Layout:
    """Column arrays, one row per event, sorted by start."""

    ids: list[str]
    x0: np.ndarray  # decimal years, first day
    x1: np.ndarray  # decimal years, end of last day
    lane: np.ndarray  # lane index, 0 at the top
    point: np.ndarray  # True where the date is a single day (drawn as a marker)
    soft: np.ndarray  # True where the date is coarser than a day (month, year...): a softer mark
    max_len: float  # longest span, bounds the left edge of a visible-range search
    approx: np.ndarray | None = None  # True for circa dates: the mark fades out at its edges
    titles: list[str] = field(default_factory=list)
    stated: list[str] = field(default_factory=list)  # the date as the source states it
    n_lanes: int = 0  # lanes drawn (0: one more than the highest lane index)
    open_start: np.ndarray | None = None  # True for "by 1924" (EDTF ../1924): drawn open on the left
    open_end: np.ndarray | None = None  # True for "after 1933" (EDTF 1933/..): drawn open on the right

    def __len__(self) -> int:
        return len(self.ids)

    @cached_property
    def day0(self) -> np.ndarray:
        """First day of each event as an ordinal (for the density grid)."""
        return days_at(self.x0 + 1e-9)

    @cached_property
    def day1(self) -> np.ndarray:
        """Last day of each event as an ordinal."""
        return np.maximum(days_at(self.x1 - 1e-9), self.day0)

    @cached_property
    def circa(self) -> np.ndarray:
        return self.approx if self.approx is not None else np.zeros(len(self.ids), dtype=bool)

    @cached_property
    def opens(self) -> tuple[np.ndarray, np.ndarray]:
        """(open on the left, open on the right) per event: the side the text leaves open."""
        none = np.zeros(len(self.ids), dtype=bool)
        left = self.open_start if self.open_start is not None else none
        right = self.open_end if self.open_end is not None else none
        return left, right

    @cached_property
    def lanes(self) -> int:
        return self.n_lanes or (int(self.lane.max()) + 1 if len(self.ids) else 1)

    @cached_property
    def _index(self) -> dict[str, int]:
        return {eid: i for i, eid in enumerate(self.ids)}

    def index_of(self, event_id: str) -> int | None:
        return self._index.get(event_id)

    def title(self, i: int) -> str:
        return self.titles[i] if self.titles else self.ids[i]

    def extent(self) -> tuple[float, float]:
        """First and last axis position of any event (the opening view when there are none)."""
        if not len(self.ids):
            return span.opening_view()
        return float(self.x0[0]), float(self.x1.max())

    def visible(self, left: float, right: float) -> np.ndarray:
        """Indices of events overlapping [left, right], without scanning them all."""
        hi = int(np.searchsorted(self.x0, right, side="right"))
        lo = int(np.searchsorted(self.x0, left - self.max_len, side="left"))
        idx = np.arange(lo, hi)
        return idx[self.x1[lo:hi] >= left]

    def count_visible(self, left: float, right: float) -> int:
        """An upper bound on ``len(visible(left, right))`` in O(log n): picks the drawing level cheaply."""
        hi = int(np.searchsorted(self.x0, right, side="right"))
        lo = int(np.searchsorted(self.x0, left - self.max_len, side="left"))
        return hi - lo

    def with_lanes(self, lane: np.ndarray, n_lanes: int) -> Layout:
        """The same events (same order, same indices) distributed over other lanes."""
        return dataclasses.replace(self, lane=np.asarray(lane, dtype=np.int32), n_lanes=n_lanes)


def layout_from_columns(
    ids: Sequence[str],
    day_from: Sequence[int],
    day_to: Sequence[int],
    lane: Sequence[int],
    *,
    soft: Sequence[bool] | None = None,
    approx: Sequence[bool] | None = None,
    titles: Sequence[str] | None = None,
    stated: Sequence[str] | None = None,
    n_lanes: int = 0,
    open_start: Sequence[bool] | None = None,
    open_end: Sequence[bool] | None = None,
) -> Layout:
    """Vectorised: a million events in well under a second (no per-row date parsing)."""
    d0 = np.asarray(day_from, dtype=np.int64)
    d1 = np.asarray(day_to, dtype=np.int64)
    n = len(d0)
    order = np.argsort(d0, kind="stable")
    x0 = decimal_years(d0)[order]
    x1 = decimal_years(d1 + 1)[order]
    point = (d0 == d1)[order]
    soft_arr = (np.asarray(soft, dtype=bool) if soft is not None else ~(d0 == d1))[order]
    approx_arr = np.asarray(approx, dtype=bool)[order] if approx is not None else np.zeros(n, dtype=bool)
    ident = np.array_equal(order, np.arange(n))

    def pick(seq: Sequence[str] | None) -> list[str]:
        if seq is None:
            return []
        return list(seq) if ident else [seq[i] for i in order]

    return Layout(
        ids=pick(ids),
        x0=x0,
        x1=x1,
        lane=np.asarray(lane, dtype=np.int32)[order],
        point=point,
        soft=soft_arr | approx_arr,
        max_len=float((x1 - x0).max()) if n else 0.0,
        approx=approx_arr,
        titles=pick(titles),
        stated=pick(stated),
        n_lanes=n_lanes,
        open_start=np.asarray(open_start, dtype=bool)[order] if open_start is not None else None,
        open_end=np.asarray(open_end, dtype=bool)[order] if open_end is not None else None,
    )


def build_layout(rows: Sequence[tuple[str, str, str, str, bool]], lanes: Sequence[str]) -> Layout:
    """rows: (event id, date_from ISO, date_to ISO, category id, approximate); unknown categories go last."""
    index = {lane: i for i, lane in enumerate(lanes)}
    unknown = any(r[3] not in index for r in rows)
    return layout_from_columns(
        [r[0] for r in rows],
        [date.fromisoformat(r[1]).toordinal() for r in rows],
        [date.fromisoformat(r[2]).toordinal() for r in rows],
        [index.get(r[3], len(lanes)) for r in rows],
        approx=[bool(r[4]) for r in rows],
        n_lanes=len(lanes) + unknown,
    )
