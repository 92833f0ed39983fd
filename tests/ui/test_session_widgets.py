"""Each widget follows the session: change the session, never the widget, and the widget shows it (napari's pattern)."""

import pytest

from maisky_desktop.core.filters import Filter
from maisky_desktop.core.session import Selection


def test_the_timeline_follows_the_view_and_the_lane_mode(window):
    window.session.view = (1930.0, 1940.0)
    assert window.timeline.view_range() == pytest.approx((1930.0, 1940.0), abs=1e-6)
    window.session.lane_mode = "person"
    assert window.timeline.lane_mode == "person" and window.timeline.lane_buttons.buttons()[1].isChecked()


def test_the_pane_and_the_timeline_follow_the_selected_event(window):
    window.session.select(event="treaty-of-rapallo")
    assert window.pane.event_id == "treaty-of-rapallo" and "Treaty of Rapallo" in window.pane.toPlainText()
    assert window.timeline.selected_id() == "treaty-of-rapallo"
    window.session.selection = Selection()
    assert window.pane.event_id is None and window.timeline.selected_id() is None


def test_the_people_card_and_the_highlight_follow_the_selected_person(window):
    window.session.select(person="maisky")
    assert window.people.person_id == "maisky" and "Roles and posts" in window.people.card.toPlainText()
    assert window.timeline.items.emphasis is not None


def test_the_filter_bar_timeline_and_people_follow_the_filter(qtbot, window):
    with qtbot.waitSignal(window.runner.filter_sets, timeout=5000):
        window.session.filter = Filter(person="litvinov")
    assert "person: Maxim Litvinov" in window.filter_bar.summary.text()
    assert window.timeline.items.shown is not None and "litvinov" in window.people.shown_ids()


def test_the_search_box_follows_the_search_text(window):
    window.session.search_text = "Rapallo"
    assert window.search_box.text() == "Rapallo"


def test_the_reader_follows_a_restored_passage(window):
    anchor = window.services.anchors("treaty-of-rapallo")[0]
    data = window.session.to_json()
    data["selection"] = {"event": "treaty-of-rapallo", "person": None, "passage": anchor.passage_id}
    window.session.restore(data)
    assert window.tabs.currentWidget() is window.reader and window.reader.block_of(anchor.passage_id) is not None


def test_reset_brings_every_widget_back_to_the_opening_state(qtbot, window):
    window.choose("event", "arcos-raid")
    window.choose("person", "maisky")
    window.session.view = (1930.0, 1931.0)
    window.session.lane_mode = "person"
    window.session.search_text = "Maisky"
    with qtbot.waitSignal(window.runner.filter_sets, timeout=5000):
        window.session.filter = Filter(lane=window.filter_bar.lane.itemData(1))
    with qtbot.waitSignal(window.runner.filter_sets, timeout=5000):
        window.session.reset()
    assert window.timeline.view_range() == pytest.approx(window.session.opening_view, abs=1e-6)
    assert window.timeline.lane_mode == "category" and window.timeline.items.shown is None
    assert window.pane.event_id is None and window.search_box.text() == ""
    assert not window.filter_bar.clear.isEnabled()
    assert not window.back_action.isEnabled() and not window.forward_action.isEnabled()
