"""Clicking a drawn mark selects exactly that event; Tab walks events in time; selection persists."""

import pytest
from PySide6 import QtCore
from timeline_helpers import key, mark_centre, to_viewport, wheel

Key = QtCore.Qt.Key


def _click(qtbot, timeline, pos):
    qtbot.mouseClick(timeline.plot.viewport(), QtCore.Qt.MouseButton.LeftButton, pos=pos)


@pytest.mark.parametrize(
    "event_id, view",
    [
        ("treaty-of-rapallo", (1921.5, 1923.0)),  # a single day
        ("maisky-ambassador-london", (1925.0, 1950.0)),  # a long bar
        ("maisky-tokyo", (1926.0, 1929.0)),  # a circa date
        ("maisky-born", (1880.0, 1890.0)),  # pre-1917 context
    ],
)
def test_clicking_a_drawn_mark_selects_exactly_that_event(qtbot, timeline, event_id, view):
    timeline.set_view(*view)
    timeline.plot.grab()
    i = timeline.layout_data.index_of(event_id)
    with qtbot.waitSignal(timeline.event_selected, timeout=1000) as sig:
        _click(qtbot, timeline, mark_centre(timeline, i))
    assert sig.args == [event_id] and timeline.selected_id() == event_id


def test_every_visible_single_day_is_picked_by_its_own_mark(qtbot, timeline):
    lay = timeline.layout_data
    for i in [i for i in range(len(lay)) if lay.point[i]][:12]:
        x = float(lay.x0[i])
        timeline.set_view(x - 0.1, x + 0.1)
        _click(qtbot, timeline, mark_centre(timeline, i))
        assert timeline.selected_id() == lay.ids[i]


def test_clicking_empty_space_keeps_the_selection(qtbot, timeline):
    timeline.select("treaty-of-rapallo")
    _click(qtbot, timeline, to_viewport(timeline, 1960.0, -0.2))
    assert timeline.selected_id() == "treaty-of-rapallo"


def test_tab_moves_the_selection_in_time_order_and_keeps_it_in_view(qtbot, timeline):
    lay = timeline.layout_data
    timeline.set_view(1922.0, 1923.0)
    timeline.select("treaty-of-rapallo")
    seen = []
    for _ in range(15):
        key(qtbot, timeline, Key.Key_Tab)
        i = timeline.items.selected
        seen.append(float(lay.x0[i]))
        left, right = timeline.view_range()
        assert left <= lay.x0[i] <= right or left <= lay.x1[i] <= right or (lay.x0[i] < left and lay.x1[i] > right)
        assert right - left == pytest.approx(1.0)
    assert seen == sorted(seen) and seen[0] >= lay.x0[lay.index_of("treaty-of-rapallo")]
    key(qtbot, timeline, Key.Key_Backtab)
    assert float(lay.x0[timeline.items.selected]) == seen[-2]


def test_tab_skips_events_a_filter_hides(qtbot, timeline):
    timeline.set_filter({"treaty-of-rapallo", "arcos-raid", "maisky-died"})
    timeline.select("treaty-of-rapallo")
    key(qtbot, timeline, Key.Key_Tab)
    assert timeline.selected_id() == "arcos-raid"
    key(qtbot, timeline, Key.Key_Tab)
    assert timeline.selected_id() == "maisky-died"


def test_selection_survives_zoom_pan_and_a_lane_switch(qtbot, timeline):
    timeline.select("treaty-of-rapallo")
    wheel(timeline, to_viewport(timeline, 1930.0, 1.5), 4)
    key(qtbot, timeline, Key.Key_Right)
    timeline.set_lane_mode("person")
    assert timeline.selected_id() == "treaty-of-rapallo"
    timeline.center_on("treaty-of-rapallo")
    timeline.plot.grab()
    i = timeline.items.selected
    _click(qtbot, timeline, mark_centre(timeline, i))
    assert timeline.selected_id() == "treaty-of-rapallo"


def test_person_lanes_show_the_most_present_people(timeline):
    timeline.set_lane_mode("person")
    names = [name for name, _ in timeline.header.lanes]
    assert names[0] == "Ivan Maisky" and names[-2:] == ["Other people", "No person named"]
    assert timeline.layout_data.lanes == len(names)
    assert any(t.kind == "life" for t in timeline.backdrop.tracks)
    timeline.set_lane_mode("category")
    assert timeline.header.lanes[0][0] == "Maisky's life and postings" and not timeline.backdrop.tracks


def test_hover_shows_title_and_date_as_stated(qtbot, timeline, monkeypatch):
    shown = []
    monkeypatch.setattr("PySide6.QtWidgets.QToolTip.showText", lambda _pos, text, *_a: shown.append(text))
    timeline.set_view(1921.5, 1923.0)
    timeline.plot.grab()
    i = timeline.layout_data.index_of("treaty-of-rapallo")
    pos = mark_centre(timeline, i)
    timeline._on_hover(timeline.plot.mapToScene(pos))
    assert shown and "Treaty of Rapallo" in shown[-1] and "on 16 April 1922" in shown[-1]


def test_highlight_dims_the_others_and_none_restores(timeline):
    timeline.highlight({"treaty-of-rapallo"})
    assert timeline.items.emphasis.sum() == 1
    timeline.highlight(None)
    assert timeline.items.emphasis is None


def test_an_open_side_is_drawn_beyond_the_stated_bound(qtbot, timeline):
    """ "By 1924" (../1924) fades out to the left of 1924: the drawing follows the open-side flag."""
    import dataclasses

    import numpy as np

    lay = timeline.layout_data
    i = lay.index_of("narkomindel-compromise-on-propaganda")
    timeline.set_view(1921.0, 1927.0)
    px, _ = timeline.plot.getViewBox().viewPixelSize()
    ((rect, side),) = timeline.items.open_side_rects(i, px)
    assert side == "left" and abs(rect.right() - lay.x0[i]) < 1e-9 and rect.width() > 10 * px
    tail = to_viewport(timeline, rect.left() + rect.width() * 0.4, rect.center().y())
    drawn = timeline.plot.grab().toImage().pixelColor(tail)
    closed = dataclasses.replace(lay, open_start=np.zeros(len(lay.ids), dtype=bool))
    timeline.items.set_layout(closed, [c.name() for c in timeline.items._colours[: lay.lanes]])
    assert timeline.items.open_side_rects(i, px) == []
    plain = timeline.plot.grab().toImage().pixelColor(tail)
    assert drawn != plain
