from datetime import date

import pytest

from maisky_desktop.core import dates


@pytest.mark.parametrize(
    ("text", "unit", "start", "end", "precision"),
    [
        ("1922-04-16", "day", date(1922, 4, 16), date(1922, 4, 16), "day"),
        ("1927-05", "month", date(1927, 5, 1), date(1927, 5, 31), "month"),
        ("1928-02", "month", date(1928, 2, 1), date(1928, 2, 29), "month"),
        ("1938-22", "season", date(1938, 6, 1), date(1938, 8, 31), "season"),
        ("1937-24", "season", date(1937, 12, 1), date(1938, 2, 28), "season"),
        ("1922~", "year", date(1922, 1, 1), date(1922, 12, 31), "approximate"),
        ("192X", "decade", date(1920, 1, 1), date(1929, 12, 31), "decade"),
        ("1932/1943", "interval", date(1932, 1, 1), date(1943, 12, 31), "interval"),
        ("1922-04-10/1922-05-19", "interval", date(1922, 4, 10), date(1922, 5, 19), "interval"),
        ("1884-01-19", "day", date(1884, 1, 19), date(1884, 1, 19), "day"),
    ],
)
def test_parse_bounds_and_precision(text, unit, start, end, precision):
    d = dates.parse(text)
    assert (d.unit, d.start, d.end, d.precision) == (unit, start, end, precision)


@pytest.mark.parametrize("bad", ["1922-13", "1922-02-30", "19xx", "1938-22-01", "1943/1932", "", "April 1922"])
def test_invalid_dates_are_refused_with_a_reason(bad):
    with pytest.raises(dates.DateError):
        dates.parse(bad)


@pytest.mark.parametrize(
    ("text", "words"),
    [
        ("1922-04-16", "16 April 1922"),
        ("1927-05", "May 1927"),
        ("1938-22", "summer 1938"),
        ("1922~", "c. 1922"),
        ("1932/1943", "1932–1943"),
        ("192X", "the 1920s"),
    ],
)
def test_dates_in_words_never_invent_a_day(text, words):
    assert dates.in_words(text) == words


def test_decimal_years_before_1970_round_trip():
    for day in [date(1884, 1, 19), date(1917, 11, 7), date(1941, 6, 22), date(1969, 12, 31), date(1975, 9, 3)]:
        assert dates.from_decimal_year(dates.decimal_year(day)) == day
    assert dates.decimal_year(date(1917, 1, 1)) == 1917.0


@pytest.mark.parametrize(
    ("text", "start", "end", "open_start", "open_end", "words"),
    [
        ("../1924", date(1924, 1, 1), date(1924, 12, 31), True, False, "by 1924"),
        ("1933/..", date(1933, 1, 1), date(1933, 12, 31), False, True, "after 1933"),
        ("1936-03/..", date(1936, 3, 1), date(1936, 3, 31), False, True, "after March 1936"),
        ("../1929~", date(1929, 1, 1), date(1929, 12, 31), True, False, "by c. 1929"),
    ],
)
def test_open_intervals_keep_the_stated_side_and_flag_the_open_one(text, start, end, open_start, open_end, words):
    d = dates.parse(text)
    assert (d.start, d.end, d.open_start, d.open_end) == (start, end, open_start, open_end)
    assert d.precision == "interval" and d.is_open
    assert dates.in_words(text) == words


@pytest.mark.parametrize("bad", ["../..", "/1924", "1924/", "../1924-13"])
def test_open_intervals_need_one_stated_end(bad):
    with pytest.raises(dates.DateError):
        dates.parse(bad)


def test_closed_dates_are_not_open():
    assert not dates.parse("1932/1943").is_open and not dates.parse("1922-04-16").is_open


def test_every_catalog_date_reads_as_the_edtf_library_reads_it(resolved):
    """The hand-written parser agrees with the maintained ``edtf`` package on every date the catalog
    writes (bounds and open sides). Winter is the one known difference: ``edtf`` reads 24 as
    December alone, the project as December to February (README, "Dates")."""
    import math
    import time

    edtf = pytest.importorskip("edtf")

    def day(struct):
        return date(struct.tm_year, struct.tm_mon, struct.tm_mday)

    texts = {ev.date for ev in resolved.catalog.events} | {"../1924", "1933/..", "1936-03/..", "../1929~"}
    texts |= {p.born for p in resolved.catalog.people if p.born} | {p.died for p in resolved.catalog.people if p.died}
    checked = 0
    for text in sorted(texts):
        ours = dates.parse(text)
        theirs = edtf.parse_edtf(text)
        lower, upper = theirs.lower_strict(), theirs.upper_strict()
        if "-24" in text:
            continue
        if ours.open_start:
            assert isinstance(lower, float) and math.isinf(lower), text
        else:
            assert isinstance(lower, time.struct_time) and day(lower) == ours.start, text
        if ours.open_end:
            assert isinstance(upper, float) and math.isinf(upper), text
        else:
            assert isinstance(upper, time.struct_time) and day(upper) == ours.end, text
        checked += 1
    assert checked > 100
