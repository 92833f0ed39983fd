"""Filters apply everywhere; search hits are marked on the timeline."""

from maisky_desktop.core.filters import Filter


def _apply(qtbot, window, f: Filter) -> None:
    window.filter_bar.set_filter(f)
    qtbot.waitUntil(lambda: window.session.filter == f, timeout=3000)
    qtbot.waitUntil(lambda: (window.timeline.items.shown is not None) == f.active, timeout=3000)


def test_a_year_filter_moves_the_view_to_its_years(qtbot, window):
    _apply(qtbot, window, Filter(year_from=1938, year_to=1939))
    left, right = window.timeline.view_range()
    assert (left, right) == (1938.0, 1940.0)


def test_a_selection_the_filter_removes_is_cleared_in_timeline_pane_and_reader(qtbot, window):
    window.choose("event", "treaty-of-rapallo")
    assert window.pane.event_id == "treaty-of-rapallo"
    window.reader.open(window.services.event_detail("treaty-of-rapallo").anchors[0].anchor.passage_id)
    _apply(qtbot, window, Filter(year_from=1938, year_to=1939))
    assert window.timeline.items.selected is None
    assert window.pane.event_id is None
    assert window.reader.source_id is None and window.reader.text.toPlainText() == ""


def test_clear_filter_clears_every_highlight(qtbot, window):
    window.choose("person", "litvinov")
    assert window.timeline.items.emphasis is not None
    _apply(qtbot, window, Filter(year_from=1930))
    _apply(qtbot, window, Filter())
    assert window.timeline.items.emphasis is None
    assert window.session.selection.person is None


def test_search_hits_are_marked_on_the_timeline(qtbot, window):
    window.start_search("Rapallo")
    qtbot.waitUntil(lambda: window.timeline.items.emphasis is not None, timeout=5000)
    lay = window.timeline.layout_data
    marked = {lay.ids[i] for i in window.timeline.items.emphasis.nonzero()[0]}
    assert "treaty-of-rapallo" in marked and len(marked) < len(lay)
