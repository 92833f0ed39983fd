"""Gathers what an export needs from the shipped store and the user database (both read here, never written).

The writers in ``core/formats`` stay pure; this module turns event ids, a filter and the
user's notes into their records. The export dialog and ``maisky-desktop export`` share it.
"""

from __future__ import annotations

from maisky_desktop.core.dates import in_words
from maisky_desktop.core.filters import Filter
from maisky_desktop.core.formats import csl
from maisky_desktop.core.formats.events_table import EventExport
from maisky_desktop.core.formats.notes_markdown import NoteEntry
from maisky_desktop.core.formats.records import Citable, SourceInfo, citation_key
from maisky_desktop.core.own_events import OWN_ID_PREFIX, OWN_LANE
from maisky_desktop.store import own_records
from maisky_desktop.store.reader import Store
from maisky_desktop.store.search import filtered_event_ids
from maisky_desktop.store.userdata import Note, UserData


class Gatherer:
    """Reads records for exports; ``user`` may be None (no user data: shipped events only)."""

    def __init__(self, store: Store, user: UserData | None):
        self.store, self.user = store, user
        self._sources: dict[str, SourceInfo] = {}

    # -- sources and citables -----------------------------------------------------------

    def source_info(self, source_id: str) -> SourceInfo:
        if source_id not in self._sources:
            row = self.store.source(source_id)
            if row is not None:
                info = SourceInfo(
                    source_id,
                    row.title,
                    row.author,
                    row.outlet,
                    row.published,
                    row.kind or "document",
                )
            else:
                docs = {d[0]: d for d in own_records.documents(self.user)} if self.user else {}
                title = docs[source_id][1] if source_id in docs else source_id
                info = SourceInfo(source_id, title, None, None, None, "document")
            self._sources[source_id] = info
        return self._sources[source_id]

    def _para_no(self, passage_id: str | None) -> int | None:
        if not passage_id:
            return None
        p = self.store.passage(passage_id)
        if p is not None:
            return p.para_no
        if self.user is not None:
            row = self.user.db.execute("SELECT para_no FROM doc_passages WHERE id = ?", [passage_id]).fetchone()
            return row[0] if row else None
        return None

    def event_citables(self, event_ids: list[str], used: set[str] | None = None) -> list[Citable]:
        """One citable per anchor of each event (own events: their one anchor, if any)."""
        used = used if used is not None else set()
        out: list[Citable] = []
        for event_id in event_ids:
            if event_id.startswith(OWN_ID_PREFIX) and self.user is not None:
                own = own_records.own_event(self.user, event_id)
                if own is None or not own.source_id:
                    continue
                about = f"{own.title} ({own.date_words})"
                out.append(
                    Citable(
                        citation_key(f"{own.title}", used),
                        self.source_info(own.source_id),
                        own.quote or None,
                        self._para_no(own.passage_id),
                        own.note or None,
                        about,
                    )
                )
                continue
            event = self.store.event(event_id)
            if event is None:
                continue
            about = f"{event.title} ({in_words(event.date)})"
            for anchor in self.store.anchors(event_id):
                out.append(
                    Citable(
                        citation_key(f"{anchor.source_id}-{event_id}", used),
                        self.source_info(anchor.source_id),
                        anchor.quote,
                        self._para_no(anchor.passage_id),
                        event.summary or None,
                        about,
                    )
                )
        return out

    def note_citable(self, note: Note, used: set[str]) -> Citable | None:
        """A passage note cites its passage; an event note cites the event's first anchor."""
        if note.target_kind == "passage" and note.source_id:
            return Citable(
                citation_key(f"note-{note.id}", used),
                self.source_info(note.source_id),
                note.quote,
                self._para_no(note.target_id),
                note.body or None,
                None,
            )
        if note.target_kind == "event":
            cites = self.event_citables([note.target_id], used)
            if cites:
                c = cites[0]
                return Citable(c.key, c.source, c.quote, c.para_no, note.body or None, c.about)
        return None

    def note_citables(self, notes: list[Note]) -> list[Citable]:
        used: set[str] = set()
        return [c for c in (self.note_citable(n, used) for n in notes) if c is not None]

    # -- notes for the draft ------------------------------------------------------------

    def heading(self, note: Note) -> str:
        if note.target_kind == "event":
            if note.target_id.startswith(OWN_ID_PREFIX) and self.user is not None:
                own = own_records.own_event(self.user, note.target_id)
                return f"{own.title} ({own.date_words})" if own else note.target_id
            event = self.store.event(note.target_id)
            return f"{event.title} ({in_words(event.date)})" if event else note.target_id
        if note.target_kind == "person":
            card = self.store.person_card(note.target_id)
            return card.name if card else note.target_id
        para = self._para_no(note.target_id)
        title = self.source_info(note.source_id or "").title
        return f"{title}{f', ¶ {para}' if para else ''}"

    def note_entries(self, notes: list[Note], style: str = "chicago") -> list[NoteEntry]:
        used: set[str] = set()
        entries = []
        for note in notes:
            cite = self.note_citable(note, used)
            in_text = reference = None
            if cite is not None:
                in_text, reference = csl.render([cite], style)[0]
            quote = note.quote if note.target_kind == "passage" else (cite.quote if cite else None)
            entries.append(
                NoteEntry(self.heading(note), note.body, quote, in_text, reference, note.bookmark, note.updated)
            )
        return entries

    # -- events for tables --------------------------------------------------------------

    def events(self, f: Filter | None = None, include_own: bool = True) -> list[EventExport]:
        """Shipped events the filter leaves (all without one), then own events in the filter's years."""
        f = f or Filter()
        allowed = filtered_event_ids(self.store.conn, f)
        lanes = {c.id: c.name for c in self.store.categories()}
        out: list[EventExport] = []
        for e in self.store.events():
            if allowed is not None and e.id not in allowed:
                continue
            anchors = self.store.anchors(e.id)
            out.append(
                EventExport(
                    e.id,
                    e.title,
                    e.date,
                    in_words(e.date),
                    e.precision,
                    lanes.get(e.category_id, e.category_id),
                    tuple(p.name for p in self.store.event_people(e.id)),
                    anchors[0].source_id if anchors else "",
                    anchors[0].quote if anchors else "",
                    e.summary or "",
                    False,
                )
            )
        user = self.user if include_own and f.lane in (None, OWN_LANE) else None
        if user is not None and f.person is None and f.source is None:
            first, last = f.days()
            for own in own_records.own_events(user, first, last):
                out.append(
                    EventExport(
                        own.id,
                        own.title,
                        own.date,
                        own.date_words,
                        own.precision,
                        "My events",
                        tuple(own.people_list),
                        own.source_id or "",
                        own.quote or "",
                        own.note or "",
                        True,
                    )
                )
        return out
