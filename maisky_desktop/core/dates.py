"""Dates as the sources state them: a subset of EDTF with honest precision.

Everything here works on proleptic Gregorian calendar days (``date.toordinal``)
and decimal years, never on POSIX timestamps, so 1884 and 1917 behave the same
on every OS, Windows included.

Open intervals (``../1924`` "by 1924", ``1933/..`` "after 1933") keep the days of the
side the text states as ``start``/``end`` and flag the side it leaves open; nothing
here invents the open side's day. The grammar is checked against the ``edtf`` library
in the tests; it is not used here because it parses about 2000 times slower (11 ms a
date), and the store parses every event of a million-event build (README, "Dates").
"""

from __future__ import annotations

import calendar
import math
import re
from datetime import date

from maisky_desktop.core.record import record

SEASONS = {21: "spring", 22: "summer", 23: "autumn", 24: "winter"}
# Northern-hemisphere meteorological seasons: (first month, last month, year offset of last).
_SEASON_MONTHS = {21: (3, 5, 0), 22: (6, 8, 0), 23: (9, 11, 0), 24: (12, 2, 1)}
MONTHS = [calendar.month_name[i] for i in range(1, 13)]

_PART = re.compile(r"^(?P<year>\d{4}|\d{3}X)(?:-(?P<mm>\d{2})(?:-(?P<dd>\d{2}))?)?(?P<q>[~?%])?$")

PRECISIONS = ("day", "month", "season", "year", "decade", "approximate", "interval")
# Dates that name a period the event happened some time within (drawn as a faint "some time in" box).
WITHIN_PRECISIONS = ("month", "season", "year", "decade")


class DateError(ValueError):
    """An EDTF string this project cannot read; the message says why."""


@record
class Edtf:
    """One parsed date: its text, its unit, its qualifiers and its day bounds."""

    text: str
    unit: str  # day | month | season | year | decade | interval
    start: date
    end: date
    approximate: bool = False
    uncertain: bool = False
    open_start: bool = False  # "by 1924": the text gives no start (EDTF ``../1924``)
    open_end: bool = False  # "after 1933", "from 1936 on": the text gives no end (``1933/..``)

    @property
    def precision(self) -> str:
        """The precision vocabulary of the store: approximate wins over the unit."""
        if self.unit == "interval":
            return "interval"
        return "approximate" if self.approximate else self.unit

    @property
    def is_interval(self) -> bool:
        return self.unit == "interval"

    @property
    def is_open(self) -> bool:
        """One side of the interval is left open by the text."""
        return self.open_start or self.open_end


def _part(text: str) -> Edtf:
    """One side of a date; a date the calendar cannot hold (``000X``, ``9999-24``) is a DateError too."""
    try:
        return _part_days(text)
    except DateError:
        raise
    except (ValueError, OverflowError):
        raise DateError(f"date out of range (years 1 to 9999): {text!r}") from None


def _part_days(text: str) -> Edtf:
    m = _PART.match(text)
    if not m:
        raise DateError(f"not an EDTF date: {text!r}")
    q = m["q"] or ""
    approx, uncertain = q in "~%" and bool(q), q in "?%" and bool(q)
    ytext = m["year"]
    if ytext.endswith("X"):
        if m["mm"]:
            raise DateError(f"a decade cannot carry a month: {text!r}")
        y0 = int(ytext[:3]) * 10
        return Edtf(text, "decade", date(y0, 1, 1), date(y0 + 9, 12, 31), approx, uncertain)
    year = int(ytext)
    if year < 1:
        raise DateError(f"year out of range: {text!r}")
    if m["mm"] is None:
        return Edtf(text, "year", date(year, 1, 1), date(year, 12, 31), approx, uncertain)
    mm = int(m["mm"])
    if mm in _SEASON_MONTHS:
        if m["dd"]:
            raise DateError(f"a season cannot carry a day: {text!r}")
        first, last, off = _SEASON_MONTHS[mm]
        last_day = calendar.monthrange(year + off, last)[1]
        return Edtf(text, "season", date(year, first, 1), date(year + off, last, last_day), approx, uncertain)
    if not 1 <= mm <= 12:
        raise DateError(f"month must be 01-12 or a season 21-24: {text!r}")
    days = calendar.monthrange(year, mm)[1]
    if m["dd"] is None:
        return Edtf(text, "month", date(year, mm, 1), date(year, mm, days), approx, uncertain)
    dd = int(m["dd"])
    if not 1 <= dd <= days:
        raise DateError(f"day out of range for {year}-{mm:02d}: {text!r}")
    return Edtf(text, "day", date(year, mm, dd), date(year, mm, dd), approx, uncertain)


OPEN = ".."


def parse(text: str) -> Edtf:
    """Read an EDTF date or interval; raise DateError with the reason otherwise.

    An open side (``..``) takes the stated side's days as the extent, so the event
    sorts and draws at what the text says, and sets ``open_start`` or ``open_end``.
    """
    text = text.strip()
    if "/" not in text:
        return _part(text)
    left, _, right = text.partition("/")
    if left == OPEN and right == OPEN:
        raise DateError(f"an interval needs at least one stated end: {text!r}")
    if not left or not right:
        raise DateError(f"an interval end is empty; write '..' for an end the text leaves open: {text!r}")
    if left == OPEN:
        b = _part(right)
        return Edtf(text, "interval", b.start, b.end, b.approximate, b.uncertain, open_start=True)
    if right == OPEN:
        a = _part(left)
        return Edtf(text, "interval", a.start, a.end, a.approximate, a.uncertain, open_end=True)
    a, b = _part(left), _part(right)
    if b.end < a.start:
        raise DateError(f"interval ends before it starts: {text!r}")
    return Edtf(text, "interval", a.start, b.end, a.approximate or b.approximate, a.uncertain or b.uncertain)


def decimal_year(day: date) -> float:
    """Position of a day on the timeline axis: the year plus the fraction elapsed."""
    first = date(day.year, 1, 1).toordinal()
    length = 366 if calendar.isleap(day.year) else 365
    return day.year + (day.toordinal() - first) / length


def from_decimal_year(x: float) -> date:
    """The day at an axis position; clamps to the calendar's range."""
    year = min(max(math.floor(x), 1), 9998)
    length = 366 if calendar.isleap(year) else 365
    offset = round((x - year) * length)
    offset = min(max(offset, 0), length - 1)
    return date.fromordinal(date(year, 1, 1).toordinal() + offset)


def span_years(edtf: Edtf) -> tuple[float, float]:
    """Axis extent of a date: from its first day to the end of its last day."""
    return decimal_year(edtf.start), decimal_year(edtf.end) + 1 / 366


# EDTF's "?" said in words: a reader of the card, the pane or a handout is not expected to know
# that "1918?" means the source's year is doubtful (the catalog marks a year lent by a
# neighbouring sentence so); "c." is the historian's own abbreviation and stays.
UNCERTAIN = " (uncertain)"


def _words_part(e: Edtf) -> str:
    s = e.start
    if e.unit == "day":
        words = f"{s.day} {MONTHS[s.month - 1]} {s.year}"
    elif e.unit == "month":
        words = f"{MONTHS[s.month - 1]} {s.year}"
    elif e.unit == "season":
        words = f"{SEASONS[int(e.text[5:7])]} {int(e.text[:4])}"
    elif e.unit == "decade":
        words = f"the {s.year}s"
    else:
        words = str(s.year)
    if e.approximate:
        words = "c. " + words
    if e.uncertain:
        words += UNCERTAIN
    return words


def in_words(text: str) -> str:
    """The date as a reader says it: '16 April 1922', 'summer 1938', 'c. 1922', '1932-1943',
    'by 1924' (``../1924``), 'after 1933' (``1933/..``), '1918 (uncertain)' (``1918?``)."""
    e = parse(text)
    if not e.is_interval:
        return _words_part(e)
    left, right = text.strip().split("/")
    if e.open_start:
        return f"by {_words_part(_part(right))}"
    if e.open_end:
        return f"after {_words_part(_part(left))}"
    return f"{_words_part(_part(left))}–{_words_part(_part(right))}"
