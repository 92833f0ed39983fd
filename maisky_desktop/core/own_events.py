"""A researcher's own event, checked the same way whether it comes from the form or a CSV row.

The date is read by ``core.user_dates`` (EDTF or words, never guessed); a quote, when
given, must be found verbatim, exactly once, in one passage of the named source (a shipped
source or an own document), and the anchor records its character offsets in that source.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Protocol

from maisky_desktop.core.dates import DateError
from maisky_desktop.core.record import record
from maisky_desktop.core.user_dates import read_span

OWN_LANE = "mine"  # the lane (category id) own events are drawn in
OWN_ID_PREFIX = "mine-"


class DraftError(ValueError):
    """Why a draft event cannot be saved, in one sentence (the CSV preview shows it per row)."""


@record
class Anchor:
    source_id: str
    passage_id: str
    char_start: int
    char_end: int
    quote: str


class Sources(Protocol):
    """What drafting needs to know about sources: their ids and their passages."""

    def source_id(self, name: str) -> str | None:
        """The id of a source named by id or by title (any case), or None."""

    def passages(self, source_id: str) -> Iterable[tuple[str, int, str]]:
        """(passage id, char_start, text) of every passage of a source."""


@record
class EventDraft:
    """An own event ready to store: EDTF date with its words and day bounds, optional anchor."""

    title: str
    date: str
    date_text: str
    date_words: str
    precision: str
    day_from: int
    day_to: int
    people: tuple[str, ...] = ()
    source_id: str | None = None  # the source it comes from, with or without a quote
    anchor: Anchor | None = None  # the quote's place in that source, when a quote is given
    note: str = ""


def locate(sources: Sources, source_id: str, quote: str) -> Anchor:
    """The one passage holding ``quote`` verbatim, with the quote's offsets in the source file."""
    found = []
    for passage_id, char_start, text in sources.passages(source_id):
        at = text.find(quote)
        while at >= 0:
            found.append(Anchor(source_id, passage_id, char_start + at, char_start + at + len(quote), quote))
            at = text.find(quote, at + 1)
    if not found:
        raise DraftError(f"the quote is not found verbatim in {source_id} (check spelling, quotes and dashes)")
    if len(found) > 1:
        raise DraftError(f"the quote occurs {len(found)} times in {source_id}; quote more words so it is found once")
    return found[0]


def draft_event(
    sources: Sources,
    title: str,
    date: str,
    end: str = "",
    people: str = "",
    source: str = "",
    quote: str = "",
    note: str = "",
) -> EventDraft:
    """Check one event as typed; raise DraftError with the first reason it cannot be saved."""
    title = title.strip()
    if not title:
        raise DraftError("no title")
    try:
        when = read_span(date, end)
    except DateError as exc:
        raise DraftError(f"date: {exc}") from None
    anchor, source_id = None, None
    source, quote = source.strip(), quote.strip()
    if quote and not source:
        raise DraftError("a quote needs its source (the source column)")
    if source:
        source_id = sources.source_id(source)
        if source_id is None:
            raise DraftError(f"unknown source “{source}” (give a source id or title, or import the document first)")
        if quote:
            anchor = locate(sources, source_id, quote)
    names = tuple(p.strip() for p in people.replace(",", ";").split(";") if p.strip())
    return EventDraft(
        title=title,
        date=when.edtf,
        date_text=when.typed if when.typed != when.edtf else "",
        date_words=when.words,
        precision=when.parsed.precision,
        day_from=when.parsed.start.toordinal(),
        day_to=when.parsed.end.toordinal(),
        people=names,
        source_id=source_id,
        anchor=anchor,
        note=note.strip(),
    )
