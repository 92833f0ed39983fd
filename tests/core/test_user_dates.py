"""Dates typed by a researcher: EDTF or words, read by the edtf package, never guessed."""

import pytest

from maisky_desktop.core.dates import DateError
from maisky_desktop.core.user_dates import read_date, read_span


@pytest.mark.parametrize(
    ("typed", "edtf", "words"),
    [
        ("summer 1938", "1938-22", "summer 1938"),
        ("1938-22", "1938-22", "summer 1938"),
        ("16 April 1922", "1922-04-16", "16 April 1922"),
        ("September 1, 1939", "1939-09-01", "1 September 1939"),
        ("Sept 1939", "1939-09", "September 1939"),
        ("c. 1922", "1922~", "c. 1922"),
        ("around March 1939", "1939-03~", "c. March 1939"),
        ("the 1930s", "193X", "the 1930s"),
        ("1932-1943", "1932/1943", "1932–1943"),
        ("spring 1941?", "1941-21?", "spring 1941 (uncertain)"),
        ("spring 1941 (uncertain)", "1941-21?", "spring 1941 (uncertain)"),  # the app's words read back
        ("1918 (uncertain)", "1918?", "1918 (uncertain)"),
        ("1939-08-23/1939-09-01", "1939-08-23/1939-09-01", "23 August 1939–1 September 1939"),
    ],
)
def test_edtf_and_words_are_read(typed, edtf, words):
    got = read_date(typed)
    assert (got.edtf, got.words) == (edtf, words)


@pytest.mark.parametrize(
    ("typed", "reason"),
    [
        ("mid 1938", "“mid” is not a date word"),  # the library alone would say 1938
        ("early 1930s", "“early” is not a date word"),
        ("1938 or 1939", "“or” is not a date word"),
        ("2 Aug 39", "no four-digit year"),  # the library alone would say 2039
        ("03/04/1939", "ambiguous"),  # the library alone would say 4 March
        ("1938-13", "month must be 01-12"),
        ("1938-02-30", "day out of range"),
        ("tomorrow", "not a date word"),
        ("", "no date given"),
    ],
)
def test_guesses_are_refused_with_the_reason(typed, reason):
    with pytest.raises(DateError, match=reason):
        read_date(typed)


def test_a_span_from_date_and_end():
    span = read_span("summer 1938", "1939-09-01")
    assert span.edtf == "1938-22/1939-09-01" and span.parsed.is_interval
    with pytest.raises(DateError, match="ends before it starts"):
        read_span("1940", "1939")
