"""The main window on the embedded store: the timeline draws events; a click opens the passage."""

import pytest
from timeline_helpers import click_event


def test_window_opens_on_the_embedded_store(window):
    assert window.timeline.layout_data.ids
    left, right = window.timeline.view_range()
    assert left == pytest.approx(1917, abs=0.5) and right == pytest.approx(1976, abs=0.5)


def test_clicking_an_event_shows_its_verbatim_passage(qtbot, window, source_texts):
    with qtbot.waitSignal(window.timeline.event_selected, timeout=2000) as sig:
        click_event(qtbot, window, "treaty-of-rapallo")
    assert sig.args == ["treaty-of-rapallo"]
    shown = window.pane.toPlainText()
    anchor = window.services.anchors("treaty-of-rapallo")[0]
    quote = source_texts[anchor.source_id][anchor.char_start : anchor.char_end]
    assert quote in shown
    assert "16 April 1922" in shown


def test_a_filter_leaves_only_its_events_clickable(qtbot, window):
    window.timeline.set_filter({"arcos-raid"})
    lay = window.timeline.layout_data
    i = lay.ids.index("treaty-of-rapallo")
    items = window.timeline.items

    def y():  # the middle of the event's marks band (its lane and sub-row)
        items.stack_view()
        return items.band_top(lay.lane[i], items.row[i], 0.31)

    assert items.hit((lay.x0[i] + lay.x1[i]) / 2, y(), 0.001) is None
    window.timeline.set_filter(None)
    assert items.hit((lay.x0[i] + lay.x1[i]) / 2, y(), 0.001) == i


def test_center_on_moves_the_view_to_the_event(window):
    window.timeline.center_on("anglo-soviet-break-1927")
    left, right = window.timeline.view_range()
    assert left < 1927.4 < right and right - left == pytest.approx(59, abs=1)
