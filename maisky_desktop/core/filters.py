"""What the researcher has narrowed the view to: lanes, a person, a source, a range of years.

One value object shared by the timeline, the people list and search, so they all honour
the same filter; the store turns it into sets of ids (``store.search.resolve_filter``).
"""

from __future__ import annotations

from dataclasses import replace
from datetime import date

from maisky_desktop.core.record import record


@record
class Filter:
    """An empty Filter lets everything through; each field narrows (AND)."""

    lane: str | None = None
    person: str | None = None
    source: str | None = None
    year_from: int | None = None
    year_to: int | None = None

    @property
    def active(self) -> bool:
        return any(v is not None for v in (self.lane, self.person, self.source, self.year_from, self.year_to))

    def days(self) -> tuple[int | None, int | None]:
        """The year range as proleptic Gregorian day numbers (never POSIX timestamps: 1917 is pre-1970)."""
        first = date(self.year_from, 1, 1).toordinal() if self.year_from is not None else None
        last = date(self.year_to, 12, 31).toordinal() if self.year_to is not None else None
        return first, last

    def without(self, name: str) -> Filter:
        return replace(self, **{name: None})

    def describe(self, names: dict[str, str] | None = None) -> str:
        """A short line for the filter bar: 'lane: War and alliance · person: Maisky · 1938–1941'."""
        names = names or {}
        fields = (("lane", self.lane), ("person", self.person), ("source", self.source))
        parts = [f"{k}: {names.get(v, v)}" for k, v in fields if v]
        if self.year_from is not None or self.year_to is not None:
            first = "…" if self.year_from is None else self.year_from
            last = "…" if self.year_to is None else self.year_to
            parts.append(f"{first}–{last}")
        return " · ".join(parts)


@record
class FilterSets:
    """A Filter resolved against one store: the ids it lets through (None: everything).

    ``store.search.resolve_filter`` computes it (off the UI thread); the timeline, the people
    list and search apply it.
    """

    events: frozenset[str] | None = None
    people: frozenset[str] | None = None
    passages: frozenset[str] | None = None
    source: str | None = None

    def allows(self, kind: str, item_id: str, source_id: str | None) -> bool:
        if kind == "passage" and self.source is not None and source_id != self.source:
            return False
        allowed = {"event": self.events, "person": self.people, "passage": self.passages}[kind]
        return allowed is None or item_id in allowed
