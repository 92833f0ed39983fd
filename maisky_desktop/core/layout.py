"""Events -> arrays the timeline draws: axis extents and lanes, computed once per store.

Pure numpy so the timeline's geometry is testable without a display and cheap to
slice per frame (sorted starts allow a binary search for the events in view). Day
numbers are proleptic Gregorian ordinals (``date.toordinal``), never POSIX
timestamps, so 1884 is as exact as 1975 on every OS.
"""

from __future__ import annotations

import dataclasses
import operator
import threading
from collections.abc import Callable, Iterator, Sequence
from dataclasses import field
from datetime import date
from functools import cached_property
from typing import Protocol

import numpy as np

from maisky_desktop.core import span
from maisky_desktop.core.record import record

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


class Loader(Protocol):
    """Reads requested values off the UI thread and fills the columns (``store.timeline.TextLoader``)."""

    @property
    def pending(self) -> bool: ...

    @property
    def usable(self) -> bool: ...  # False once it cannot read (its store file was replaced): read here instead

    def request(self, idx: np.ndarray) -> None: ...

    def close(self) -> None: ...


class OnDemand(Sequence[str]):
    """A text column of a big store (ids, titles, stated dates) by layout index, read when asked.

    A million titles as Python strings cost seconds and hundreds of MB, and a frame shows at
    most a few thousand. The numbers a frame needs are arrays; text comes from here: indexing
    reads a missing value at once (a click, a tooltip: one indexed row), ``cached`` never reads
    (the paint path), and ``request`` hands indices to ``background``, a loader that reads them
    off the UI thread and ``fill``s them. Values are cached; the cache is dropped past
    ``CACHE_LIMIT`` entries so a long session does not grow without end.
    """

    CACHE_LIMIT = 200_000

    def __init__(
        self,
        n: int,
        read: Callable[[np.ndarray], list[str]],
        *,
        find: Callable[[str], int | None] | None = None,
        background: Loader | None = None,
    ) -> None:
        self._n = n
        self._read = read
        self._find = find
        self._background = background
        self._cache: dict[int, str] = {}
        self._ready = np.zeros(n, dtype=bool)  # what the cache holds, as a mask: the paint path asks per frame
        self._lock = threading.Lock()
        self._version = 0

    @property
    def version(self) -> int:
        """Bumped by every fill: a painter that skipped missing text knows to repaint."""
        return self._version

    def __len__(self) -> int:
        return self._n

    def __getitem__(self, i):
        if isinstance(i, slice):
            return [self[j] for j in range(*i.indices(self._n))]
        i = operator.index(i)
        if i < 0:
            i += self._n
        if not 0 <= i < self._n:
            raise IndexError(i)
        return self._value(i)

    def _value(self, i: int) -> str:
        """The value at a valid index, read now if it is not cached."""
        value = self._cache.get(i)
        if value is None:
            self.fill(np.array([i]), self._read(np.array([i])))
            value = self._cache[i]
        return value

    def __iter__(self) -> Iterator[str]:
        """Every value, read in one go (an export, a merge with own events): not for the paint path."""
        everything = np.arange(self._n)
        values = self._read(everything)
        return iter(values)

    def cached(self, i: int) -> str | None:
        return self._cache.get(i)

    def values(self, idx: np.ndarray) -> list[str]:
        """The values at ``idx``, what is not cached read now in one go (a list of a view's events, not a frame)."""
        idx = np.asarray(idx, dtype=np.int64)
        todo = self.missing(idx)
        if len(todo):
            self.fill(todo, self._read(todo))
        cache = self._cache
        return [cache[i] if i in cache else self[i] for i in idx.tolist()]  # ``self[i]``: dropped past the limit

    def ready(self, idx: np.ndarray) -> np.ndarray:
        """Which of these values are cached (a mask, no Python loop: asked every frame)."""
        return self._ready[np.asarray(idx, dtype=np.int64)]

    def missing(self, idx: np.ndarray) -> np.ndarray:
        idx = np.asarray(idx, dtype=np.int64)
        return idx[~self.ready(idx)]

    def fill(self, idx: np.ndarray, values: Sequence[str]) -> None:
        with self._lock:
            if len(self._cache) > self.CACHE_LIMIT:
                self._ready[:] = False  # first: a painter never sees a value as ready that is gone
                self._cache = {}
            self._cache.update(zip(idx.tolist(), values))
            self._ready[np.asarray(idx, dtype=np.int64)] = True
            self._version += 1

    def request(self, idx: np.ndarray) -> None:
        """Have the values at ``idx`` read in the background (or now, without a loader)."""
        todo = self.missing(idx)
        if not len(todo):
            return
        if self._background is not None and self._background.usable:
            self._background.request(todo)
        else:
            self.fill(todo, self._read(todo))

    @property
    def pending(self) -> bool:
        """Whether values asked for with ``request`` are still on their way."""
        return self._background is not None and self._background.pending

    def close(self) -> None:
        """Stop the background loader (the timeline showing this column is gone)."""
        if self._background is not None:
            self._background.close()

    def find(self, value: str) -> int | None:
        """Index of ``value`` (an event id) without reading the column."""
        if self._find is not None:
            return self._find(value)
        return next((i for i, v in enumerate(self) if v == value), None)


class Splice:
    """Where each index of a merged layout comes from: the store's column or the own values after it.

    One for the three text columns of a merge (ids, titles, stated dates): two int64 arrays the
    length of the store, 16 MB at a million events.
    """

    def __init__(self, order: np.ndarray, n_base: int) -> None:
        """``order``: for each merged index, its index in the store's column followed by the own values."""
        self.order = order
        self.n_base = n_base
        from_base = order < n_base
        self.merged_of_base = np.empty(n_base, dtype=np.int64)
        self.merged_of_base[order[from_base]] = np.flatnonzero(from_base)
        self.merged_of_extra = np.flatnonzero(~from_base)[np.argsort(order[~from_base], kind="stable")]


class Spliced(OnDemand):
    """A big store's text column with a few values of the researcher's spliced in, by merged index.

    Own events join a big store's layout in start order, so every index after the first own
    event moves; reading the store's whole column to rebuild it took 20 s and 1 GB at a million
    events. This maps each merged index to the store's column (whose reads, cache and background
    loader stay as they were) or to the own values, which are always at hand.
    """

    def __init__(self, base: OnDemand, extra: Sequence[str], splice: Splice) -> None:
        self._base = base
        self._extra = list(extra)
        self._splice = splice
        self._n = len(splice.order)
        self._find_extra: dict[str, int] | None = None

    @property
    def version(self) -> int:
        return self._base.version

    def _value(self, i: int) -> str:
        at, n_base = int(self._splice.order[i]), self._splice.n_base
        return self._base[at] if at < n_base else self._extra[at - n_base]

    def __iter__(self) -> Iterator[str]:
        merged = list(self._base) + self._extra
        return iter(merged[at] for at in self._splice.order.tolist())

    def cached(self, i: int) -> str | None:
        at, n_base = int(self._splice.order[i]), self._splice.n_base
        return self._base.cached(at) if at < n_base else self._extra[at - n_base]

    def values(self, idx: np.ndarray) -> list[str]:
        at, mine = self._in_base(idx)
        from_base = iter(self._base.values(at[mine]))
        n_base = self._splice.n_base
        return [next(from_base) if m else self._extra[a - n_base] for a, m in zip(at.tolist(), mine.tolist())]

    def _in_base(self, idx: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
        at = self._splice.order[np.asarray(idx, dtype=np.int64)]
        mine = at < self._splice.n_base
        return at, mine

    def ready(self, idx: np.ndarray) -> np.ndarray:
        at, mine = self._in_base(idx)
        out = np.ones(len(at), dtype=bool)
        out[mine] = self._base.ready(at[mine])
        return out

    def fill(self, idx: np.ndarray, values: Sequence[str]) -> None:
        at, mine = self._in_base(idx)
        self._base.fill(at[mine], [v for v, m in zip(values, mine.tolist()) if m])

    def request(self, idx: np.ndarray) -> None:
        at, mine = self._in_base(idx)
        self._base.request(at[mine])

    @property
    def pending(self) -> bool:
        return self._base.pending

    def close(self) -> None:
        self._base.close()

    def find(self, value: str) -> int | None:
        if self._find_extra is None:
            self._find_extra = dict(zip(self._extra, self._splice.merged_of_extra.tolist()))
        if value in self._find_extra:
            return self._find_extra[value]
        at = self._base.find(value)
        return None if at is None else int(self._splice.merged_of_base[at])


@record
class Layout:
    """Column arrays, one row per event, sorted by start."""

    ids: Sequence[str]  # a list, or ``OnDemand`` for a big store
    x0: np.ndarray  # decimal years, first day
    x1: np.ndarray  # decimal years, end of last day
    lane: np.ndarray  # lane index, 0 at the top
    point: np.ndarray  # True where the date is a single day (drawn as a marker)
    soft: np.ndarray  # True where the date is coarser than a day (month, year...): a softer mark
    max_len: float  # longest span, bounds the left edge of a visible-range search
    approx: np.ndarray | None = None  # True for circa dates: the mark fades out at its edges
    titles: Sequence[str] = field(default_factory=list)
    stated: Sequence[str] = field(default_factory=list)  # the date as the source states it
    n_lanes: int = 0  # lanes drawn (0: one more than the highest lane index)
    open_start: np.ndarray | None = None  # True for "by 1924" (EDTF ../1924): drawn open on the left
    open_end: np.ndarray | None = None  # True for "after 1933" (EDTF 1933/..): drawn open on the right
    vague: np.ndarray | None = None  # True where only the month, season, year or decade is known: "some time in"
    rowid: np.ndarray | None = None  # the events table's rowid of each event (a store's layout)
    day_from: np.ndarray | None = None  # first and last day ordinals when the store has them (else derived)
    day_to: np.ndarray | None = None

    def __len__(self) -> int:
        return len(self.ids)

    @cached_property
    def day0(self) -> np.ndarray:
        """First day of each event as an ordinal (for the density grid)."""
        if self.day_from is not None:
            return self.day_from
        return days_at(self.x0 + 1e-9)

    @cached_property
    def day1(self) -> np.ndarray:
        """Last day of each event as an ordinal."""
        if self.day_to is not None:
            return self.day_to
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
    def within(self) -> np.ndarray:
        """True where the date names a span the event happened some time within (not its duration)."""
        return self.vague if self.vague is not None else np.zeros(len(self.ids), dtype=bool)

    @cached_property
    def lanes(self) -> int:
        return self.n_lanes or (int(self.lane.max()) + 1 if len(self.ids) else 1)

    @cached_property
    def _index(self) -> dict[str, int]:
        return {eid: i for i, eid in enumerate(self.ids)}

    def index_of(self, event_id: str) -> int | None:
        if isinstance(self.ids, OnDemand):
            return self.ids.find(event_id)
        return self._index.get(event_id)

    def title(self, i: int) -> str:
        return self.titles[i] if self.titles else self.ids[i]

    def texts(self, idx: np.ndarray) -> tuple[list[str], list[str], list[str]]:
        """(ids, titles, stated dates) of these events, a big store's read in one query each, not one per event."""

        def column(values: Sequence[str]) -> list[str]:
            if isinstance(values, OnDemand):
                return values.values(idx)
            return [values[i] for i in idx.tolist()] if values else [""] * len(idx)

        ids = column(self.ids)
        return ids, column(self.titles) if self.titles else ids, column(self.stated)

    @property
    def on_demand(self) -> bool:
        """Whether titles are read from the store as they come into view (a big store)."""
        return isinstance(self.titles, OnDemand)

    def titles_ready(self, idx: np.ndarray) -> np.ndarray:
        """Which of these events have their title at hand (the paint path draws only those)."""
        cache = self.titles
        if not isinstance(cache, OnDemand):
            return np.ones(len(idx), dtype=bool)
        return cache.ready(idx)

    def request_titles(self, idx: np.ndarray) -> None:
        """Have the text of these events read off the UI thread (nothing to do for a small store)."""
        if isinstance(self.titles, OnDemand):
            self.titles.request(idx)

    @property
    def titles_pending(self) -> bool:
        """Whether titles asked for are still being read."""
        return isinstance(self.titles, OnDemand) and self.titles.pending

    @property
    def text_version(self) -> int:
        return self.titles.version if isinstance(self.titles, OnDemand) else 0

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


# Columns are read with ``np.asarray``: a list from a query or an array from the store both do.
IntColumn = np.ndarray | Sequence[int]
BoolColumn = np.ndarray | Sequence[bool]


def layout_from_columns(
    ids: Sequence[str],
    day_from: IntColumn,
    day_to: IntColumn,
    lane: IntColumn,
    *,
    soft: BoolColumn | None = None,
    approx: BoolColumn | None = None,
    titles: Sequence[str] | None = None,
    stated: Sequence[str] | None = None,
    n_lanes: int = 0,
    open_start: BoolColumn | None = None,
    open_end: BoolColumn | None = None,
    vague: BoolColumn | None = None,
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

    def pick(seq: Sequence[str] | None) -> Sequence[str]:
        if seq is None:
            return []
        if isinstance(seq, OnDemand):
            seq = list(seq)  # one read of the whole column, not one per row
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
        vague=np.asarray(vague, dtype=bool)[order] if vague is not None else None,
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
