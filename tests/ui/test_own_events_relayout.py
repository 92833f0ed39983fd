"""Own events added while a search marks others (an import, a new event): the marks stay on the same events.

Found on the real window: a search, then an Excel import of three own events, and the app died
(a segmentation fault) at the next paint: the timeline grew by three events while the search's
emphasis still had the old count, so the paint indexed past its end.
"""

import pytest

from maisky_desktop.core.own_events import draft_event
from maisky_desktop.store import own_records
from maisky_desktop.ui.notes.research import attach


@pytest.fixture
def research(window, tmp_path):
    return attach(window, tmp_path / "notes", restore=False)


def _save(research, title, date):
    sources = research.services.all_sources(research.user)
    return own_records.save_event(research.user, draft_event(sources, title, date))


def _emphasised(timeline):
    marks = timeline.items.emphasis
    return None if marks is None else {timeline.layout_data.ids[i] for i in marks.nonzero()[0]}


def test_new_own_events_keep_the_search_marks_and_selection_on_the_same_events(qtbot, window, research):
    first = _save(research, "Zebra walkthrough meeting", "1938-09-29")
    research.refresh_own_events()
    timeline = window.timeline
    timeline.select(first.id)
    with qtbot.waitSignal(window.runner.results, timeout=5000):
        window.search_box.setText("zebra")
    marked = _emphasised(timeline)
    assert marked and first.id in marked
    before = len(timeline.layout_data.ids)
    for title, date in (("Yak meeting in London", "1939-04-17"), ("Yak birth check", "1884-01-19"), ("Yak", "1938")):
        _save(research, title, date)
    window.runner.blockSignals(True)  # the paint that comes before the search's answer
    try:
        research.refresh_own_events()
        assert len(timeline.layout_data.ids) == before + 3
        assert _emphasised(timeline) == marked  # the same events stand out, counted in the new layout
        assert timeline.selected_id() == first.id
        timeline.plot.grab()  # paints every item: raised in EventsItem.paint (the app's segfault) before
    finally:
        window.runner.blockSignals(False)


def test_a_selected_own_event_deleted_elsewhere_leaves_nothing_selected(qtbot, window, research):
    mine = _save(research, "Zebra walkthrough meeting", "1938-09-29")
    research.refresh_own_events()
    window.timeline.select(mine.id)
    own_records.delete_event(research.user, mine.id)
    research.refresh_own_events()
    assert window.timeline.selected_id() is None  # not whichever event took its place in the arrays
    window.timeline.plot.grab()
