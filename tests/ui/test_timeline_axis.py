"""The date axis labels ranges before 1970 right at every zoom (no POSIX timestamps)."""

import pytest

from maisky_desktop.ui.timeline.axis import DateAxis


def _labels(left, right, width=1200):
    axis = DateAxis()
    values = axis.tickValues(left, right, width)[0][1]
    return values, axis.tickStrings(values, 1.0, 0.0)


@pytest.mark.parametrize(
    "left, right, expected",
    [
        (1917.0, 1976.0, ["1920", "1925", "1930"]),
        (1880.0, 1920.0, ["1880", "1885", "1890"]),
        (1938.0, 1939.0, ["1938", "Feb", "Mar"]),
        (1941.4, 1941.7, ["Jun 1941", "Jul", "Aug"]),
    ],
)
def test_ticks_before_1970(left, right, expected):
    values, strings = _labels(left, right)
    assert strings[: len(expected)] == expected
    assert all(s for s in strings) and values == sorted(values)


def test_a_few_weeks_show_days_with_the_year_on_the_first():
    _, strings = _labels(1941 + 165 / 365, 1941 + 190 / 365)
    assert strings[0].endswith("1941") and "Jul" in strings and all(s for s in strings)
