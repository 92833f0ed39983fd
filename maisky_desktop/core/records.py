"""The records the app reads from the store, each defined once, as frozen dataclasses.

The store's tables are derived from these where a table holds exactly one record
(``store.schema.columns_of``): a passage, a footnote marker and a boilerplate line are what the
corpus parser (``core.corpus``) makes of a source, defined here so that reading them does not
load the parser; a source is the provenance record (``core.sources``); an event row.
The build writes them with ``dataclasses.asdict``, the reader selects their fields by
name, and the synthetic benchmark store inserts ``dataclasses.astuple`` of them. The
composite records below (an event's detail, a person card, a passage with its notes) are
what the query services (``store.services``) return and what the text builders
(``core.text``) turn into the panes' content: they hold no Qt and no connection.
"""

from __future__ import annotations

from dataclasses import field

from maisky_desktop.core.record import record
from maisky_desktop.core.sources import Source

__all__ = [
    "Anchor",
    "AnchorDetail",
    "Anchored",
    "Boilerplate",
    "Conflict",
    "DocumentView",
    "Event",
    "EventDetail",
    "EventLink",
    "FootnoteRef",
    "Mention",
    "Named",
    "Passage",
    "PassageDetail",
    "PersonCard",
    "PersonListing",
    "Post",
    "Source",
    "SourceCount",
]


@record
class Passage:
    """One paragraph, or one piece of a paragraph that a page break cut in two."""

    id: str
    source_id: str
    seq: int
    kind: str
    char_start: int
    char_end: int
    text: str
    para_id: str  # id of the first piece of the logical paragraph
    piece: int  # 0 for the first piece, 1 for the next ...
    label: str | None = None  # footnote or reference label ("12", "*")
    para_no: int | None = None  # 1-based number of the body paragraph, for citations


@record
class Boilerplate:
    """A line that is not the author's text (web chrome, a cover sheet, a rule)."""

    source_id: str
    char_start: int
    char_end: int
    text: str
    reason: str


@record
class FootnoteRef:
    """A footnote marker in a passage and the note it points to."""

    passage_id: str
    char_start: int  # offsets in the source file
    char_end: int
    label: str
    note_id: str


@record
class Event:
    """An event as stored (a row of ``events``): EDTF date, its bounds as ISO days and day numbers."""

    id: str
    title: str
    summary: str
    date: str
    date_text: str
    date_from: str
    date_to: str
    precision: str
    unit: str
    approximate: int
    uncertain: int
    day_from: int
    day_to: int
    category_id: str
    note: str | None = None
    catalog_file: str | None = None
    catalog_line: int | None = None
    open_start: int = 0  # 1: the text gives no start ("by 1924", EDTF ../1924); date_from is the stated side's
    open_end: int = 0  # 1: the text gives no end ("after 1933", EDTF 1933/..); date_to is the stated side's


@record
class Anchor:
    """Where an event is anchored: a span (file offsets) of a passage, the quote, the reading if sources conflict."""

    event_id: str
    source_id: str
    passage_id: str
    char_start: int
    char_end: int
    quote: str
    reading: str | None = None
    reading_field: str | None = None  # the conflict (its field) this reading belongs to


@record
class Mention:
    """A passage that names a person (a ``person_passages`` group): the card's "Mentioned in" line."""

    passage_id: str
    source_id: str
    source_title: str
    para_no: int | None
    label: str | None
    kind: str
    text: str
    aliases: str  # the spellings used in this passage, "; "-separated
    char_start: int  # the first mention in the passage (source offsets)
    char_end: int
    passage_start: int  # where the passage's text starts in the source

    def snippet(self, before: int = 60, after: int = 90) -> str:
        """The words around the first mention, on one line."""
        at = self.char_start - self.passage_start
        return " ".join(self.text[max(at - before, 0) : at + after].split())

    @property
    def where(self) -> str:
        """'footnote 12' or 'body 7': where in the source the passage stands."""
        if self.kind == "footnote" and self.label:
            return f"footnote {self.label}"
        return f"{self.kind} {self.para_no or ''}".strip()


@record
class Named:
    """Something with an id and a display name (a person or place chip, a lane)."""

    id: str
    name: str


@record
class Conflict:
    """The sources disagree on this field of an event; the note says how."""

    field: str
    note: str


@record
class AnchorDetail:
    """An anchor with what it takes to show it: its source, the whole paragraph, the notes it cites."""

    anchor: Anchor
    source: Source
    passage: Passage
    pieces: tuple[Passage, ...]  # the paragraph's pieces, in reading order
    refs: tuple[FootnoteRef, ...] = ()  # footnote markers in those pieces
    notes: tuple[Passage, ...] = ()  # the notes the markers point to, in marker order


@record
class EventDetail:
    """Everything the passage pane shows for an event."""

    event: Event
    lane: str
    people: tuple[Named, ...] = ()
    places: tuple[Named, ...] = ()
    conflicts: tuple[Conflict, ...] = ()
    anchors: tuple[AnchorDetail, ...] = ()


@record
class Post:
    title: str
    date: str | None = None


@record
class EventLink:
    """An event named in a list: id, title and its EDTF date."""

    id: str
    title: str
    date: str


@record
class SourceCount:
    """A source and how many of someone's events it anchors."""

    id: str
    title: str
    events: int


@record
class PersonListing:
    """A line of the people list: the name, every spelling to match, the number of events."""

    id: str
    name: str
    aliases: tuple[str, ...]
    event_count: int


@record
class PersonCard:
    """The people card: life, spellings, posts, fate, the sources that mention them, their events."""

    id: str
    name: str
    born: str | None = None
    died: str | None = None
    summary: str | None = None
    fate: str | None = None
    aliases: tuple[str, ...] = ()
    posts: tuple[Post, ...] = ()
    events: tuple[EventLink, ...] = ()
    sources: tuple[SourceCount, ...] = ()
    mentions: tuple[Mention, ...] = ()  # every passage that names them, in source order

    @property
    def event_ids(self) -> list[str]:
        return [e.id for e in self.events]


@record
class PassageDetail:
    """A passage opened on its own (from search or history): its source, the events anchored in it, the span."""

    passage: Passage
    source: Source
    events: tuple[str, ...] = ()  # ids of the events anchored in it, in time order
    span: tuple[int, int] | None = None  # the first anchor's span in it (file offsets)
    refs: tuple[FootnoteRef, ...] = field(default=())
    notes: tuple[Passage, ...] = field(default=())


@record
class Anchored:
    """An event anchored in a passage (the reader lists those on screen)."""

    passage_id: str
    event_id: str
    title: str


@record
class DocumentView:
    """A whole source for the reader: its passages in reading order, footnote markers, anchored events."""

    source: Source
    passages: tuple[Passage, ...]
    refs: tuple[FootnoteRef, ...] = ()
    anchored: tuple[Anchored, ...] = ()
