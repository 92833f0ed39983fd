"""Tours: listed in the app, walked stop by stop with the timeline gliding and the pane following."""

import pytest
from PySide6 import QtCore


def test_every_tour_is_listed(window):
    listed = [window.tours.list.item(i).data(QtCore.Qt.ItemDataRole.UserRole) for i in range(window.tours.list.count())]
    assert listed == [t.id for t in window.services.tours()]
    assert len(listed) == 5


@pytest.mark.parametrize("tour_id", ["maisky-road-to-london", "alliance-1941"])
def test_a_tour_walks_all_its_stops(qtbot, window, tour_id):
    panel = window.tours
    window.glide.duration = 0  # the glide's end state, without waiting for the animation
    tour = panel.tours[tour_id]
    seen = []
    panel.stop_reached.connect(seen.append)
    assert panel.start(tour_id)
    assert panel.progress_label.text().startswith("Introduction")
    assert tour.intro[:40] in panel.narration.text()
    for n, stop in enumerate(tour.stops, 1):
        qtbot.mouseClick(panel.next_button, QtCore.Qt.MouseButton.LeftButton)
        assert panel.progress_label.text() == f"Stop {n} of {len(tour.stops)}"
        assert window.timeline.selected_id() == stop.event_id
        assert window.pane.event_id == stop.event_id  # the pane shows the stop's passage
        assert window.services.anchors(stop.event_id)[0].quote[:20] in window.pane.toPlainText()
        left, right = window.timeline.view_range()
        i = window.timeline.layout_data.index_of(stop.event_id)
        assert left <= window.timeline.layout_data.x0[i] and window.timeline.layout_data.x1[i] <= right
    assert seen == [s.event_id for s in tour.stops]
    assert not panel.next_button.isEnabled()
    qtbot.mouseClick(panel.previous_button, QtCore.Qt.MouseButton.LeftButton)
    assert window.timeline.selected_id() == tour.stops[-2].event_id
    qtbot.mouseClick(panel.exit_button, QtCore.Qt.MouseButton.LeftButton)
    assert not panel.playing and panel.pages.currentIndex() == 0


def test_the_glide_animates_and_a_touch_of_the_timeline_stops_it(qtbot, window):
    glide = window.glide
    glide.duration = 20000  # long enough to be caught under way on a loaded machine
    window.tours.start("alliance-1941")
    window.tours.next()
    assert glide.running

    def under_way():
        left, right = window.timeline.view_range()
        assert 6 < right - left < 58.9  # neither where it started nor where it ends

    qtbot.waitUntil(under_way, timeout=5000)
    assert glide.running
    qtbot.mousePress(window.timeline.plot.viewport(), QtCore.Qt.MouseButton.LeftButton)
    assert not glide.running
    stopped = window.timeline.view_range()
    qtbot.wait(100)
    assert window.timeline.view_range() == stopped


def test_unknown_tour_is_refused(window):
    assert not window.tours.start("no-such-tour")
    assert not window.tours.playing
