"""Honest marks: each kind of date looks different, a year-only date is no year-long bar, a legend explains."""

import numpy as np
from PySide6 import QtGui

from maisky_desktop.ui.timeline import events_item as ei
from maisky_desktop.ui.timeline.legend import ENTRIES


def _looks(timeline, store):
    """Per store precision, the set of (shape, circa, open) the timeline draws its events with."""
    lay = timeline.layout_data
    idx = np.arange(len(lay))
    shapes, _ = timeline.items._styles(idx)
    left, right = lay.opens
    looks: dict[str, set] = {}
    for event_id, precision, date in store.conn.execute("SELECT id, precision, date FROM events"):
        i = lay.index_of(event_id)
        kind = "open" if ".." in date else precision
        if lay.point[i] and not lay.circa[i]:
            look = ("circle",)
        else:
            look = (int(shapes[i]), bool(lay.circa[i]), bool(left[i] or right[i]))
        looks.setdefault(kind, set()).add(look)
    return looks


def test_each_kind_of_date_has_its_own_look(timeline, store):
    looks = _looks(timeline, store)
    assert looks["day"] == {("circle",)}
    assert all(look[0] == ei._VAGUE for k in ("month", "season", "year", "decade") for look in looks.get(k, ()))
    assert all(look[1] for look in looks["approximate"])  # circa: the fading mark
    assert all(look[2] for look in looks.get("open", ()))  # open-ended: an open side
    day_precise_spans = {look for look in looks["interval"] if look[0] == ei._HARD and not look[1] and not look[2]}
    assert day_precise_spans, "a span known from day to day is a solid bar"
    assert not day_precise_spans & looks["year"], "a year-only date never looks like a year-long span"


def test_a_year_only_date_is_drawn_as_a_faint_dotted_box_not_a_solid_bar(timeline, store):
    event_id = "munich-agreement"  # 1938, known to the year only
    i = timeline.layout_data.index_of(event_id)
    shapes, _ = timeline.items._styles(np.array([i]))
    assert shapes[0] == ei._VAGUE
    fill = timeline.items._brushes[int(timeline.layout_data.lane[i])][(ei._VAGUE, ei._NORMAL)]
    solid = timeline.items._brushes[int(timeline.layout_data.lane[i])][(ei._HARD, ei._NORMAL)]
    assert fill.alpha() < solid.alpha() / 4
    assert timeline.items._pens[0][ei._NORMAL].style() == QtGui.Qt.PenStyle.CustomDashLine


def test_the_legend_toggles_and_explains_every_kind_of_mark(qtbot, timeline):
    assert timeline.legend is None or not timeline.legend.isVisible()
    timeline.legend_button.click()
    assert timeline.legend.isVisible() and timeline.legend_button.isChecked()
    kinds = [k for k, _ in ENTRIES]
    assert {"day", "interval", "vague", "circa", "open", "count"} <= set(kinds)
    image = timeline.legend.grab().toImage()
    assert not image.isNull() and image.width() > 200
    legend_rect = timeline.legend.geometry()
    assert timeline.plot.rect().contains(legend_rect)  # inside the plot, fully shown
    timeline.legend_button.click()
    assert not timeline.legend.isVisible()
