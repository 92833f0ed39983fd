"""Era names: as many header rows as the overlaps need, no two names overlapping at any zoom."""

import pytest
from PySide6 import QtGui

from maisky_desktop.core.era_rows import NamedSpan, assign_rows, name_boxes, overlapping

# Six zoom levels, from the whole span to a few weeks, over the overlapping eras of the 1930s-40s.
ZOOMS = [(1880.0, 1976.0), (1917.0, 1976.0), (1928.0, 1948.0), (1933.0, 1941.0), (1939.0, 1940.5), (1943.8, 1944.0)]


@pytest.mark.parametrize("view", ZOOMS)
def test_no_two_era_names_overlap(timeline, view):
    timeline.set_view(*view)
    image = timeline.plot.grab().toImage()
    assert not image.isNull()
    boxes = timeline.backdrop.placed_names
    assert boxes, "some era is named at every zoom"
    assert not overlapping(boxes), overlapping(boxes)
    metrics = QtGui.QFontMetricsF(timeline.backdrop.font)
    view_w = timeline.plot.getViewBox().width()
    for box in boxes:  # each name fits its box (elided) and stays on screen
        shown = metrics.elidedText(box.name, QtGui.Qt.TextElideMode.ElideRight, box.width)
        assert metrics.horizontalAdvance(shown) <= box.width + 0.5
        assert box.x >= 0 and box.right <= view_w


def test_overlapping_eras_get_their_own_rows(timeline):
    spans, rows = timeline.backdrop.spans, timeline.backdrop.rows
    row_of = {s.name: r for s, r in zip(spans, rows)}
    assert row_of["Maisky's London embassy"] != row_of["The Terror and the purges"]
    assert row_of["Maisky's London embassy"] != row_of["Second World War"]
    assert max(rows) + 1 == 2, "the shipped eras need two rows, not one per era"
    for a, ra in zip(spans, rows):  # eras on one row never share time
        for b, rb in zip(spans, rows):
            if a is not b and ra == rb:
                assert a.x1 <= b.x0 or b.x1 <= a.x0, (a.name, b.name)


def test_a_name_that_used_to_collide_is_whole_where_there_is_room():
    spans = [NamedSpan("Maisky's London embassy", 1932.0, 1944.0), NamedSpan("The Terror", 1934.9, 1939.6)]
    rows = assign_rows(spans)
    boxes = name_boxes(spans, rows, 1930.0, 1946.0, 1600.0, [150.0, 70.0])
    assert rows == [0, 1] and [b.width for b in boxes] == [150.0, 70.0] and not overlapping(boxes)
