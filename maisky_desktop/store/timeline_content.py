"""What the timeline draws, from the store and the user's own events: for the window and for image exports."""

from __future__ import annotations

import functools
from collections.abc import Callable

from maisky_desktop.core import dates
from maisky_desktop.core.layout import Layout
from maisky_desktop.core.own_lane import OwnRow, with_own_events
from maisky_desktop.core.person_lanes import PersonLanes
from maisky_desktop.core.record import record
from maisky_desktop.core.viewport import Era
from maisky_desktop.store import own_records
from maisky_desktop.store import timeline as queries
from maisky_desktop.store.reader import Store
from maisky_desktop.store.userdata import UserData


@record
class TimelineContent:
    """Events (the store's and the user's own), lanes, eras, person lanes."""

    layout: Layout
    lanes: list[tuple[str, str, str]]
    eras: list[Era]
    people: PersonLanes | Callable[[], PersonLanes] | None  # the person lanes, or how to build them when first shown


def build_content(store: Store, user: UserData | None, base: Layout | None = None) -> TimelineContent:
    """The store's events plus the user's own in the "My events" lane (none without user data).

    Without own events the store's layout is kept as it is (one more lane): a big store's text stays
    on demand. With them, the layouts are merged, which reads the store's ids and titles once.
    """
    base = base if base is not None else queries.event_layout(store.conn)
    own = own_records.own_events(user) if user is not None else []
    rows = [_row(e) for e in own]
    layout, lanes = with_own_events(base, queries.lanes(store.conn), rows)
    people = functools.partial(queries.person_lanes, store.conn, layout)  # read when the People lanes are first shown
    return TimelineContent(layout, lanes, queries.eras(store.conn), people)


def _row(e: own_records.OwnEvent) -> OwnRow:
    """An own event's marks by the store's rules (``store.timeline``): open sides from its EDTF date."""
    when = dates.parse(e.date)  # checked when the event was saved
    return (
        e.id,
        e.title,
        e.date_text or e.date_words,
        e.day_from,
        e.day_to,
        e.precision != "day",
        "~" in e.date,
        when.open_start,
        when.open_end,
        e.precision in dates.WITHIN_PRECISIONS,
    )
