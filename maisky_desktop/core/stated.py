"""What a sentence says about time: the finest date unit it states, and the dates in a reading.

Used by ``check`` to catch a precision the anchors do not carry (a day taken from a cited
letter's date, a month from a journal issue) and a "conflict" whose date readings are
compatible (June 1943 lies within 1943). It reads English prose and the purge table's
abbreviations ("a. Sept 1937"); it is a mechanical safety net, not a date parser.
"""

from __future__ import annotations

import re
from datetime import date

from maisky_desktop.core import dates

# Finest first: the index is the rank compared between an event's date and its anchors.
UNITS = ("day", "month", "season", "year", "decade")

_MONTHS = {
    "january": 1, "jan": 1, "february": 2, "feb": 2, "march": 3, "mar": 3, "april": 4, "apr": 4, "may": 5,
    "june": 6, "jun": 6, "july": 7, "jul": 7, "august": 8, "aug": 8, "september": 9, "sept": 9, "sep": 9,
    "october": 10, "oct": 10, "november": 11, "nov": 11, "december": 12, "dec": 12,
}  # fmt: skip
_MONTH = r"(?:January|February|March|April|May|June|July|August|September|October|November|December" \
    r"|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec)\.?"  # fmt: skip
_YEAR = r"(?:1[89]\d\d|'?\d\d)"
_DAY = re.compile(
    rf"\b(?:\d{{1,2}}(?:st|nd|rd|th)?\s+(?:of\s+)?{_MONTH}|{_MONTH},?\s+\d{{1,2}}(?:st|nd|rd|th)?\b(?!\d)"
    r"|\d{1,2}\.\d{1,2}\.(?:1[89])?\d\d)"
)
_DAY_FULL = re.compile(
    rf"\b(?:(?P<d1>\d{{1,2}})(?:st|nd|rd|th)?\s+(?P<m1>{_MONTH})|(?P<m2>{_MONTH})\s+(?P<d2>\d{{1,2}})(?:st|nd|rd|th)?,?)"
    r"\s+(?P<y>1[89]\d\d)\b"
)
_MONTH_RE = re.compile(rf"\b(?P<m>{_MONTH})(?:\s+(?:of\s+)?(?P<y>{_YEAR})\b)?")
_SEASON = re.compile(r"\b(?:spring|summer|autumn|fall|winter)\b", re.IGNORECASE)
_YEAR_RE = re.compile(r"(?<![\d/])(?P<y>1[89]\d\d)(?!\d|s\b|'s)")
_DECADE = re.compile(r"\b(?:1[89]\d0s|1[89]\d0's|(?:twenties|thirties|forties|fifties)|\d0's)\b", re.IGNORECASE)
# Words that lend a date from a neighbouring clause: the implied precision needs the context.
RELATIVE = re.compile(
    r"\b(?:later|earlier|afterwards|the next|the following|the same|that (?:day|month|year)|the day|"
    r"a (?:day|week|month|year) (?:later|after|before)|(?:days|weeks|months) (?:later|after|before))\b",
    re.IGNORECASE,
)


def finest_unit(text: str) -> str | None:
    """The finest date unit the text states, or None when it states no date at all."""
    if _DAY.search(text):
        return "day"
    if _MONTH_RE.search(text):
        return "month"
    if _SEASON.search(text):
        return "season"
    if _YEAR_RE.search(text):
        return "year"
    if _DECADE.search(text):
        return "decade"
    return None


def finest_of_edtf(text: str) -> str:
    """The finest unit an EDTF date writes (for an interval, its finer stated end)."""
    parts = [p for p in text.split("/") if p and p != dates.OPEN]
    units = []
    for part in parts:
        e = dates.parse(part)
        units.append(e.unit)
    return min(units, key=UNITS.index)


def is_finer(unit: str, than: str) -> bool:
    return UNITS.index(unit) < UNITS.index(than)


def reading_span(reading: str) -> tuple[date, date] | None:
    """The days a conflict's date reading names: its first month-and-year or year, else None.

    "June 1943" -> June 1943, "1943 (official reason ...)" -> 1943, "no date" -> None.
    """
    try:
        e = dates.parse(reading.strip())
        return e.start, e.end
    except dates.DateError:
        pass
    d = _DAY_FULL.search(reading)
    if d:
        month = _MONTHS[(d["m1"] or d["m2"]).rstrip(".").lower()]
        try:
            day = date(int(d["y"]), month, int(d["d1"] or d["d2"]))
            return day, day
        except ValueError:
            pass
    m = _MONTH_RE.search(reading)
    y = _YEAR_RE.search(reading)
    if m and m["y"] and len(m["y"]) == 4:
        e = dates.parse(f"{m['y']}-{_MONTHS[m['m'].rstrip('.').lower()]:02d}")
        return e.start, e.end
    if y:
        e = dates.parse(y["y"])
        return e.start, e.end
    return None


def compatible(spans: list[tuple[date, date]]) -> bool:
    """Every pair of spans nests (one within the other): the readings differ in precision only."""
    for i, (a0, a1) in enumerate(spans):
        for b0, b1 in spans[i + 1 :]:
            if not ((a0 <= b0 and b1 <= a1) or (b0 <= a0 and a1 <= b1)):
                return False
    return True
