"""The time the app covers: the period of study (one setting) and the span of the data.

``STUDY`` is the setting: the years the app is about (Soviet diplomacy, 1917-1975). The opening
view shows them whole, Home returns to them, the window title names them, and events before
them are drawn as context. Everything else comes from the store: ``TimeSpan`` is the first
and last year of any event (1884 for Maisky's birth), which bounds the view and the year filter.
"""

from __future__ import annotations

from datetime import date

from maisky_desktop.core.record import record

STUDY: tuple[int, int] = (1917, 1975)  # first and last year of the period of study, inclusive


def opening_view(study: tuple[int, int] = STUDY) -> tuple[float, float]:
    """Where the app opens and Home returns, in decimal years: the first year's start to the last one's end."""
    return float(study[0]), float(study[1] + 1)


def centred(x0: float, x1: float, width: float, study: tuple[int, int] = STUDY) -> tuple[float, float]:
    """A view ``width`` wide around the event x0..x1, slid back inside the period of study when it fits.

    Centring an event of 1922 in a 59-year view would show 1892-1951: a quarter of the plot before
    1917 with nothing in it. The view slides into the study's years as long as the event stays in
    view; an event outside them (Maisky's birth) keeps the plain centred view.
    """
    mid = (x0 + x1) / 2
    left, right = mid - width / 2, mid + width / 2
    lo, hi = opening_view(study)
    if width > hi - lo:
        return left, right
    shifted = min(max(left, lo), hi - width)
    if shifted <= x0 and x1 <= shifted + width:
        return shifted, shifted + width
    return left, right


def context_before(study: tuple[int, int] = STUDY) -> float:
    """Events that end before this axis position are context (drawn greyed, hatched)."""
    return float(study[0])


def study_words(study: tuple[int, int] = STUDY) -> str:
    """'1917–1975', for the title and the key hints."""
    return f"{study[0]}–{study[1]}"


@record
class TimeSpan:
    """The first and last year of the data (the study's years when there is no data)."""

    first: int
    last: int

    @classmethod
    def from_days(cls, day_from: int | None, day_to: int | None) -> TimeSpan:
        """From proleptic Gregorian day numbers (``date.toordinal``), as the store keeps them."""
        if day_from is None or day_to is None:
            return cls(*STUDY)
        return cls(date.fromordinal(day_from).year, date.fromordinal(day_to).year)

    def covering(self, study: tuple[int, int] = STUDY) -> TimeSpan:
        """This span widened to include the period of study (the year filter offers both)."""
        return TimeSpan(min(self.first, study[0]), max(self.last, study[1]))
