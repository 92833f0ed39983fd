"""A date typed by a researcher, as EDTF or in words ("summer 1938"), read without guessing.

The words are read by the maintained ``edtf`` package (``text_to_edtf``). That function
is generous: it reads "mid 1938" as 1938, "2 Aug 39" as 2039 and "03/04/1939" as 4 March,
silently. A researcher's date must never be a guess, so before it is asked, the text is
checked: every word must be a month, a season, a circa word or an ordinal; the year must
be written with four digits; day and month must not both be bare numbers. Whatever the
library returns must then parse as the project's EDTF (``core.dates``) and keep the
typed year. Anything else is refused with the reason and an example to type instead.
"""

from __future__ import annotations

import calendar
import re

from maisky_desktop.core.dates import DateError, Edtf, in_words, parse
from maisky_desktop.core.record import record

_MONTH_WORDS = {m.lower() for m in calendar.month_name[1:]} | {m.lower() for m in calendar.month_abbr[1:]} | {"sept"}
_SEASON_WORDS = {"spring", "summer", "autumn", "fall", "winter"}
_CIRCA_WORDS = {"c", "ca", "circa", "about", "around", "approximately", "approx"}
_GLUE_WORDS = {"st", "nd", "rd", "th", "of", "the", "s"}
_EDTF_LIKE = re.compile(r"^[\dX~?%/\-.]+$")
_YEAR_RANGE = re.compile(r"^(\d{4})\s*[-–]\s*(\d{4})$")  # 1932-1943: a span of years, as books write it
_NUMERIC_DAY = re.compile(r"^\d{1,2}[/.\-]\d{1,2}[/.\-]\d{2,4}$")  # 03/04/1939: day first or month first?
_SAID_UNCERTAIN = re.compile(r"\s*\(uncertain\)$", re.IGNORECASE)  # dates.UNCERTAIN, as in_words writes it
_TOKEN = re.compile(r"[^\W\d_]+|\d+|\?")
EXAMPLES = "1938-08-23, 1938-06, 1938-22 (summer), 1938~ (circa), 1932/1943, or words: 23 August 1938, summer 1938"


@record
class ReadDate:
    """What a typed date was read as: EDTF, the EDTF in words, the day bounds."""

    typed: str
    edtf: str
    words: str
    parsed: Edtf


def _from_words(text: str) -> str:
    from edtf import text_to_edtf

    tokens = _TOKEN.findall(text)
    unknown = [
        t
        for t in tokens
        if not t.isdigit() and t != "?" and t.lower() not in _MONTH_WORDS | _SEASON_WORDS | _CIRCA_WORDS | _GLUE_WORDS
    ]
    if unknown:
        raise DateError(f"“{unknown[0]}” is not a date word that can be read without guessing; type e.g. {EXAMPLES}")
    numbers = [t for t in tokens if t.isdigit()]
    years = [n for n in numbers if len(n) == 4]
    if not years:
        raise DateError(f"no four-digit year in “{text}”; type e.g. {EXAMPLES}")
    small = [n for n in numbers if len(n) != 4]
    if len(years) > 2 or len(small) > 1 or (small and not any(t.lower() in _MONTH_WORDS for t in tokens)):
        raise DateError(f"“{text}” is ambiguous (which number is the day, which the month?); type e.g. {EXAMPLES}")
    result = text_to_edtf(text)
    if not result:
        raise DateError(f"“{text}” cannot be read as a date; type e.g. {EXAMPLES}")
    try:
        parsed = parse(result)
    except DateError:
        raise DateError(f"“{text}” cannot be read as a date; type e.g. {EXAMPLES}") from None
    kept = {str(parsed.start.year), str(parsed.end.year)}
    if not set(years) <= kept and not (parsed.unit == "decade" and len(years) == 1):
        raise DateError(f"“{text}” was read as {result}, which changes the year; type the EDTF instead")
    return result


def read_date(text: str) -> ReadDate:
    """Read EDTF (``1938-22``) or words (``summer 1938``); raise DateError with the reason otherwise."""
    typed = text.strip()
    if not typed:
        raise DateError("no date given")
    text = _SAID_UNCERTAIN.sub("?", typed)  # the app's own words for EDTF's "?" read back
    years = _YEAR_RANGE.match(text)
    if _NUMERIC_DAY.match(text):
        raise DateError(f"“{typed}” is ambiguous (day first or month first?); type e.g. {EXAMPLES}")
    if years:
        edtf = f"{years[1]}/{years[2]}"
    elif _EDTF_LIKE.match(text):
        edtf = text  # EDTF as typed; its own parser says what is wrong with it
    else:
        edtf = _from_words(text)
    parsed = parse(edtf)
    return ReadDate(typed, edtf, in_words(edtf), parsed)


def read_span(start: str, end: str | None) -> ReadDate:
    """A date, or an interval from a start and an end (the CSV import's date and end columns)."""
    first = read_date(start)
    if not end or not end.strip():
        return first
    last = read_date(end)
    if first.parsed.is_interval or last.parsed.is_interval:
        raise DateError("give an interval either in the date (1932/1943) or as date and end, not both")
    edtf = f"{first.edtf}/{last.edtf}"
    parsed = parse(edtf)
    return ReadDate(f"{first.typed} – {last.typed}", edtf, in_words(edtf), parsed)
