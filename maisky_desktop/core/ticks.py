"""Date-axis ticks for decimal-year coordinates: decades down to days, never overlapping.

Pure calendar arithmetic on ``datetime.date`` (no POSIX timestamps), so 1884 and
1917 label correctly on every OS.
"""

from __future__ import annotations

import calendar
from datetime import date, timedelta

from maisky_desktop.core.dates import decimal_year, from_decimal_year

_ABBR = [calendar.month_abbr[i] for i in range(1, 13)]
# (unit, step) from coarse to fine.
_STEPS = [
    ("year", 50),
    ("year", 20),
    ("year", 10),
    ("year", 5),
    ("year", 2),
    ("year", 1),
    ("month", 6),
    ("month", 3),
    ("month", 1),
    ("day", 7),
    ("day", 1),
]
_APPROX_YEARS = {"year": 1.0, "month": 1 / 12, "day": 1 / 365.25}


def _label(unit: str, step: int, day: date) -> str:
    if unit == "year":
        return str(day.year)
    if unit == "month":
        return str(day.year) if day.month == 1 else f"{_ABBR[day.month - 1]}"
    if day.day == 1:
        return f"{_ABBR[day.month - 1]} {day.year}" if day.month == 1 else _ABBR[day.month - 1]
    return str(day.day)


def _days(unit: str, step: int, first: date, last: date) -> list[date]:
    out: list[date] = []
    if unit == "year":
        y = (first.year // step) * step
        while y <= last.year:
            if y >= 1:
                out.append(date(y, 1, 1))
            y += step
    elif unit == "month":
        y, m = first.year, ((first.month - 1) // step) * step + 1
        while (y, m) <= (last.year, last.month):
            out.append(date(y, m, 1))
            m += step
            if m > 12:
                y, m = y + 1, m - 12
    else:
        d = first
        if step == 7:  # weeks start on the 1st, 8th, 15th, 22nd of a month: readable
            d = date(first.year, first.month, 1)
            while d <= last:
                for dd in (1, 8, 15, 22):
                    cand = date(d.year, d.month, dd)
                    if first <= cand <= last:
                        out.append(cand)
                d = date(d.year + (d.month == 12), d.month % 12 + 1, 1)
            return out
        while d <= last:
            out.append(d)
            d += timedelta(days=step)
    return [d for d in out if first <= d <= last]


def choose_step(span_years: float, width_px: float, min_px: float = 70.0) -> tuple[str, int]:
    """The finest step whose labels stand at least ``min_px`` apart."""
    px_per_year = width_px / max(span_years, 1e-9)
    chosen = _STEPS[0]
    for unit, step in _STEPS:
        if step * _APPROX_YEARS[unit] * px_per_year >= min_px:
            chosen = (unit, step)
        else:
            break
    return chosen


def ticks(left: float, right: float, width_px: float, min_px: float = 70.0) -> list[tuple[float, str]]:
    """(position, label) of the major ticks for the visible range [left, right]."""
    if right <= left or width_px <= 0:
        return []
    left, right = max(left, 1.0), min(right, 9998.0)
    unit, step = choose_step(right - left, width_px, min_px if right - left > 2 else max(min_px, 84.0))
    first, last = from_decimal_year(left), from_decimal_year(right)
    days = _days(unit, step, first, last)
    out = [(decimal_year(d), _label(unit, step, d)) for d in days]
    if out and unit != "year" and not any(d.month == 1 and d.day == 1 for d in days):
        # no year boundary in view: the first label carries the year, so a month is never yearless
        d = days[0]
        out[0] = (
            out[0][0],
            f"{_ABBR[d.month - 1]} {d.year}"
            if unit == "month" or d.day == 1
            else f"{d.day} {_ABBR[d.month - 1]} {d.year}",
        )
    return out
