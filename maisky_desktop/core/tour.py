"""A tour and where a visitor is in it: a pure walk the tour panel, the kiosk and the soak share.

Position -1 is the tour's introduction; 0..n-1 are its stops. Stepping past either end
stays put, so a double tap on Next at the last stop does nothing surprising.
"""

from __future__ import annotations

from maisky_desktop.core.dates import in_words
from maisky_desktop.core.record import record


@record
class Stop:
    event_id: str
    narration: str
    title: str
    date: str  # EDTF
    date_text: str  # the date as the source states it ('' when the source gives none of its own)

    @property
    def date_words(self) -> str:
        return in_words(self.date)


@record
class Tour:
    id: str
    title: str
    intro: str
    stops: tuple[Stop, ...]


class TourWalk:
    """Where a visitor stands in a tour; ``go`` clamps, so callers never index out of range."""

    INTRO = -1

    def __init__(self, tour: Tour) -> None:
        self.tour = tour
        self.position = self.INTRO

    @property
    def stop(self) -> Stop | None:
        return self.tour.stops[self.position] if self.position >= 0 else None

    def go(self, position: int) -> bool:
        """Move to a position (clamped); True if it changed."""
        target = min(max(position, self.INTRO), len(self.tour.stops) - 1)
        changed = target != self.position
        self.position = target
        return changed

    def next(self) -> bool:
        return self.go(self.position + 1)

    def previous(self) -> bool:
        return self.go(self.position - 1)

    @property
    def at_end(self) -> bool:
        return self.position == len(self.tour.stops) - 1

    def progress(self) -> str:
        """'Introduction' or 'Stop 3 of 11': what the progress line says."""
        if self.position < 0:
            return f"Introduction · {len(self.tour.stops)} stops"
        return f"Stop {self.position + 1} of {len(self.tour.stops)}"
