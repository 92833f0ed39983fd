from itertools import pairwise

from maisky_desktop.core import ticks


def test_six_decades_are_labelled_by_round_years():
    labels = [label for _, label in ticks.ticks(1917.0, 1976.0, 1200)]
    assert labels[0] in ("1920", "1925")
    assert all(label.isdigit() and int(label) % 5 == 0 for label in labels)


def test_months_before_1970_are_labelled_correctly():
    major = ticks.ticks(1938.0, 1939.0, 1200)
    labels = [label for _, label in major]
    assert labels[:3] == ["1938", "Feb", "Mar"]


def test_days_are_labelled_for_a_few_weeks_before_1970():
    major = ticks.ticks(1941 + 170 / 365, 1941 + 185 / 365, 1400)
    labels = [label for _, label in major]
    assert "Jul" in labels and "30" in labels  # June 30 and the 1st of July, 1941


def test_labels_never_crowd_closer_than_the_minimum_spacing():
    for left, right, width in [(1917, 1976, 600), (1930, 1931, 300), (1900, 2000, 1920)]:
        xs = [x for x, _ in ticks.ticks(left, right, width)]
        px = [(b - a) * width / (right - left) for a, b in pairwise(xs)]
        assert min(px) >= 60
