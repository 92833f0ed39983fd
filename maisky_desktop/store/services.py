"""The queries the app's widgets call, each returning typed records (``core.records``) built here.

Widgets receive a ``Services`` (and the session), never a ``Store`` or a connection: the store
is opened and checked once per start (``Services.open``), and what a pane shows is one call
(``event_detail``, ``person_card``, ``passage_detail``, ``document``). The queries that must
not run on the UI thread (search, resolving a filter into id sets) run in ``ui.search_worker``
on a connection of their own to the same file. The layers that join the shipped store with
the researcher's notes (exports, the own-events lane, own sources) and the handouts get them
from here too (``gatherer``, ``timeline_content``, ``all_sources``, ``tour_handout``), so no
ui module holds a ``Store`` or a connection or runs SQL.
"""

from __future__ import annotations

import functools
import sqlite3
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from maisky_desktop.core.filters import Filter
from maisky_desktop.core.layout import Layout
from maisky_desktop.core.person_lanes import PersonLanes
from maisky_desktop.core.record import record
from maisky_desktop.core.records import (
    Anchor,
    AnchorDetail,
    DocumentView,
    Event,
    EventDetail,
    Named,
    Passage,
    PassageDetail,
    PersonCard,
    PersonListing,
    Source,
)
from maisky_desktop.core.span import TimeSpan
from maisky_desktop.core.tour import Tour
from maisky_desktop.core.viewport import Era
from maisky_desktop.store import search, timeline, tours
from maisky_desktop.store.reader import Store, audit

if TYPE_CHECKING:  # the joins with the user's data and the handouts are imported when first asked for (start-up time)
    from maisky_desktop.core.handout import Handout
    from maisky_desktop.core.search import Query, Spellings
    from maisky_desktop.store.all_sources import AllSources
    from maisky_desktop.store.exports import Gatherer
    from maisky_desktop.store.timeline_content import TimelineContent
    from maisky_desktop.store.userdata import UserData


@record
class TimelineData:
    """What the timeline draws: the events' layout, the category lanes (id, name, colour), eras, person lanes."""

    layout: Layout
    lanes: list[tuple[str, str, str]]
    eras: list[Era]
    people: Callable[[], PersonLanes]  # person lanes are built on first use (the People lane switch)


@record
class FilterChoices:
    """What the filter bar offers: lanes, people, sources and the years of the data."""

    lanes: list[Named]
    people: list[Named]
    sources: list[Named]
    years: TimeSpan


class Services:
    """Typed, read-only queries over one store, opened and checked once."""

    def __init__(self, store: Store) -> None:
        self._store = store
        self.path = store.path

    @classmethod
    def open(cls, path: Path) -> Services:
        """Open and vet the store (raises ``StoreError`` with a one-line message)."""
        return cls(Store.open(path))

    def close(self) -> None:
        self._store.close()

    def open_sibling(self, cancelled: Callable[[], bool] | None = None) -> sqlite3.Connection:
        """A connection of its own, for the search thread, to the very file opened (``Store.open_sibling``).

        ``cancelled``: checked every ``search.PROGRESS_STEPS`` steps of a running statement; when it
        turns true the statement stops with ``sqlite3.OperationalError`` ("interrupted"), so a
        stale search ends at once. Installed here so the UI never handles the connection itself.
        """
        conn = self._store.open_sibling()
        if cancelled is not None:
            conn.set_progress_handler(cancelled, search.PROGRESS_STEPS)
        return conn

    @property
    def store(self) -> Store:
        """The row-level queries themselves, for the app's start (the search worker's sibling connection,
        a replaced store's check). Widgets and layers use the methods below."""
        return self._store

    # -- the whole store ----------------------------------------------------------------------
    def count(self, table: str) -> int:
        """Rows in one of the store's tables (events, passages, sources ...)."""
        return self._store.count(table)

    def events(self) -> list[Event]:
        """Every event in time order (by first day, then id)."""
        return self._store.events()

    def summary(self) -> str:
        """'210 events from 5 sources', for the status bar."""
        return f"{self._store.count('events')} events from {self._store.count('sources')} sources"

    def timeline(self) -> TimelineData:
        conn = self._store.conn
        layout = timeline.event_layout(conn, self._store.open_sibling)
        people = functools.partial(timeline.person_lanes, conn, layout)  # built when first asked for
        return TimelineData(layout, timeline.lanes(conn), timeline.eras(conn), people)

    def filter_choices(self) -> FilterChoices:
        people = [Named(p.id, p.name) for p in self._store.people()]
        return FilterChoices(self._store.categories(), people, self._store.sources(), self._store.time_span())

    def people(self) -> list[PersonListing]:
        return self._store.people()

    def tours(self) -> list[Tour]:
        return tours.tours(self._store.conn)

    # -- one thing ------------------------------------------------------------------------------
    def event(self, event_id: str) -> Event | None:
        return self._store.event(event_id)

    def event_dates(self, event_ids: Sequence[str]) -> dict[str, tuple[str, str]]:
        """id -> (EDTF date, the source's words) of the store's events among these, in one query: the Events
        in view list dates every event on screen each time the view settles, too many for a query each."""
        return self._store.event_dates(event_ids)

    def anchors(self, event_id: str) -> list[Anchor]:
        """Where an event is anchored, in the catalog's order."""
        return self._store.anchors(event_id)

    def event_detail(self, event_id: str) -> EventDetail | None:
        """The passage pane's content: the event, its lane, people, places, conflicts and each anchor in full."""
        store = self._store
        event = store.event(event_id)
        if event is None:
            return None
        lanes = {c.id: c.name for c in store.categories()}
        anchors = []
        for anchor in store.anchors(event_id):
            passage, source = store.passage(anchor.passage_id), store.source(anchor.source_id)
            if passage is None or source is None:
                continue
            pieces = tuple(store.paragraph(passage.para_id))
            refs = tuple(r for p in pieces for r in store.footnote_refs(p.id))
            notes = tuple(n for n in (store.passage(r.note_id) for r in refs) if n is not None)
            anchors.append(AnchorDetail(anchor, source, passage, pieces, refs, notes))
        return EventDetail(
            event,
            lanes.get(event.category_id, event.category_id),
            tuple(store.event_people(event_id)),
            tuple(store.event_places(event_id)),
            tuple(store.conflicts(event_id)),
            tuple(anchors),
        )

    def passage(self, passage_id: str) -> Passage | None:
        return self._store.passage(passage_id)

    def source(self, source_id: str) -> Source | None:
        return self._store.source(source_id)

    def passage_detail(self, passage_id: str, event_id: str | None = None) -> PassageDetail | None:
        """A passage with its source, footnotes and the events anchored in it; the span is ``event_id``'s
        anchor in it if it has one, else the first anchor's (the earliest event's)."""
        store = self._store
        passage = store.passage(passage_id)
        source = store.source(passage.source_id) if passage else None
        if passage is None or source is None:
            return None
        events = tuple(store.events_of_passage(passage_id))
        span = next(
            (
                (a.char_start, a.char_end)
                for e in ([event_id] if event_id in events else []) + list(events)
                for a in store.anchors(e)
                if a.passage_id == passage_id
            ),
            None,
        )
        refs = tuple(store.footnote_refs(passage_id))
        notes = tuple(n for n in (store.passage(r.note_id) for r in refs) if n is not None)
        return PassageDetail(passage, source, events, span, refs, notes)

    def document(self, source_id: str) -> DocumentView | None:
        """A whole source for the reader."""
        store = self._store
        source = store.source(source_id)
        if source is None:
            return None
        return DocumentView(
            source,
            tuple(store.source_passages(source_id)),
            tuple(store.source_footnote_refs(source_id)),
            tuple(store.source_anchors(source_id)),
        )

    def searched_words(self, source_id: str, query: Query) -> list[tuple[int, int]]:
        """Where a search matched in a document, as file offsets, for the reader to highlight.

        Empty for the shipped sources: their passages open on the quote an event anchors there,
        which is the one highlight the reader shows for them. The user's own documents anchor
        nothing until the researcher quotes them, so there the searched words are what a user
        looks for (``WithOwnDocuments`` answers for them)."""
        return []

    def person_card(self, person_id: str) -> PersonCard | None:
        return self._store.person_card(person_id)

    def sources(self) -> list[Source]:
        """Every shipped source, whole, in the store's order."""
        return [s for named in self._store.sources() if (s := self._store.source(named.id)) is not None]

    # -- for the layers above the shipped store -------------------------------------------------------
    def lanes(self) -> list[tuple[str, str, str]]:
        """The category lanes (id, name, colour), without building a layout."""
        return timeline.lanes(self._store.conn)

    def eras(self) -> list[Era]:
        return timeline.eras(self._store.conn)

    def spellings(self) -> Spellings:
        """Every name the store knows, for the tolerant search of the notes (the same as the main search's)."""
        return search.load_spellings(self._store.conn)

    def filtered_event_ids(self, f: Filter) -> frozenset[str] | None:
        """Ids of the shipped events a filter leaves (None if it filters nothing); on the caller's thread."""
        return search.filtered_event_ids(self._store.conn, f)

    def tour_handout(self, tour_id: str) -> Handout:
        """A tour's stops on paper (``HandoutError`` names an unknown tour)."""
        from maisky_desktop.store import handout  # a handout is asked for rarely: not imported at start-up

        return handout.tour_handout(self._store.conn, tour_id)

    def events_handout(self, event_ids: list[str], title: str = "Selected events") -> Handout:
        """Chosen events on paper, in time order (``HandoutError`` if none is known)."""
        from maisky_desktop.store import handout

        return handout.events_handout(self._store.conn, event_ids, title)

    def audit(self, inputs_sha256: str) -> int:
        """The store's integrity and every quote at its offsets (``store.reader.audit``); the anchors checked."""
        return audit(self._store.conn, inputs_sha256)

    def searcher(self) -> search.Searcher:
        """A searcher on this store's connection, for this thread only (the window searches on a thread)."""
        return search.Searcher(self._store.conn)

    def gatherer(self, user: UserData | None) -> Gatherer:
        """What exports and citations read: the shipped events and sources joined with the user's notes."""
        from maisky_desktop.store.exports import Gatherer

        return Gatherer(self._store, user)

    def timeline_content(self, user: UserData | None, base: Layout | None = None) -> TimelineContent:
        """The timeline with the user's own events in the My events lane (``base``: the layout already built)."""
        from maisky_desktop.store.timeline_content import build_content

        return build_content(self._store, user, base)

    def all_sources(self, user: UserData | None) -> AllSources:
        """Shipped sources and the user's own documents, for the event form and the CSV import."""
        from maisky_desktop.store.all_sources import AllSources

        return AllSources(self._store, user)
