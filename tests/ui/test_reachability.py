"""Every event reachable: from the opening view, by clicking (a title, a mark, a count, a zoom),
every event of the shipped store can be selected, and selecting it opens its passage."""

from collections import Counter

from PySide6 import QtCore
from timeline_helpers import double_click, mark_centre

from maisky_desktop.core.markup import Piece, visible_text

MAX_STEPS = 25


def _paint(tl) -> None:
    tl.plot.grab()  # one full frame: the stacking and the boxes of this view


def _centre(rect) -> QtCore.QPoint:
    return rect.center().toPoint()


def reach(qtbot, tl, event_id: str) -> str:
    """Click towards an event as a user would; returns how it was finally selected."""
    lay = tl.layout_data
    i = lay.ids.index(event_id)
    vp = tl.plot.viewport()
    left_button = QtCore.Qt.MouseButton.LeftButton
    for _ in range(MAX_STEPS):
        _paint(tl)
        left, right = tl.view_range()
        if lay.x1[i] < left or lay.x0[i] > right:  # not in view: zoom out with the keyboard
            qtbot.keyClick(tl, QtCore.Qt.Key.Key_Minus)
            continue
        for box, rect in tl.labels.placed:
            if box.index == i:  # its title is shown: click it
                qtbot.mouseClick(vp, left_button, pos=_centre(rect))
                if tl.selected_id() == event_id:
                    return "title"
            if i in box.members:  # in a count: open it and pick the event from its list
                qtbot.mouseClick(vp, left_button, pos=_centre(rect))
                menu = tl.count_menu
                assert menu is not None and menu.isVisible()
                action = next(a for a in menu.actions() if a.data() == event_id or a.objectName() == "zoom")
                action.trigger()
                menu.close()
                if tl.selected_id() == event_id:
                    return "count"
                break  # listed beyond the menu's length: its zoom entry was taken
        else:
            pos = mark_centre(tl, i)
            qtbot.mouseClick(vp, left_button, pos=pos)
            if tl.selected_id() == event_id:
                return "mark"
            double_click(tl, pos)  # covered by another mark: zoom in around it
    raise AssertionError(f"{event_id} not reached in {MAX_STEPS} clicks")


def test_every_event_is_reachable_by_clicking_and_opens_its_passage(qtbot, window, store):
    tl = window.timeline
    opening = tl.view_range()
    how = Counter()
    for event_id in tl.layout_data.ids:
        tl.set_view(*opening)
        how[reach(qtbot, tl, event_id)] += 1
        assert tl.selected_id() == event_id
        assert window.pane.event_id == event_id
        shown = window.pane.toPlainText()
        for anchor in store.anchors(event_id):  # the passage is open, its quoted words in it (markup rendered)
            assert visible_text([Piece(0, anchor.quote)]).split()[0] in shown, (event_id, anchor.quote)
    assert sum(how.values()) == len(tl.layout_data.ids) == store.count("events")
    assert how["count"] > 0, "the opening view groups some events into counts, and they open"
    print(dict(how))


def test_a_count_lists_what_it_holds_on_hover_and_its_zoom_separates_them(qtbot, timeline):
    _paint(timeline)
    box, rect = next((b, r) for b, r in timeline.labels.placed if b.members)
    tip = timeline.tooltip_at(timeline.plot.mapToScene(_centre(rect)))
    assert tip is not None and f"{box.count} events here" in tip
    assert timeline.layout_data.title(min(box.members, key=lambda i: timeline.layout_data.x0[i])) in tip
    timeline.open_count(box)
    zoom = next(a for a in timeline.count_menu.actions() if a.objectName() == "zoom")
    before = timeline.view_range()
    zoom.trigger()
    left, right = timeline.view_range()
    assert right - left < before[1] - before[0]
    lay = timeline.layout_data
    assert all(lay.x0[i] <= right and lay.x1[i] >= left for i in box.members)
