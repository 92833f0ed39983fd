"""Search for humans (issue 10): a top hit first, "Show more" per group, events sortable by date."""

from PySide6 import QtCore

from maisky_desktop.core.dates import parse as parse_date


def _search(qtbot, window, text):
    with qtbot.waitSignal(window.runner.results, timeout=5000):
        window.search_box.setText(text)


def test_a_name_in_another_spelling_puts_the_person_first(qtbot, window):
    _search(qtbot, window, "Maiskii")
    shown = window.results.shown()
    assert (shown[0].kind, shown[0].id) == ("person", "maisky")
    assert window.results.first().id == "maisky"  # Enter opens him
    text = window.results.toPlainText()
    assert text.index("Top hit") < text.index("Ivan Maisky") < text.index("Events")


def test_an_event_title_is_the_top_hit_when_no_person_is_named(qtbot, window):
    _search(qtbot, window, "Rapallo")
    assert (window.results.results.top.kind, window.results.results.top.id) == ("event", "treaty-of-rapallo")
    assert window.results.toPlainText().startswith("Top hit")


def test_a_word_naming_nothing_gives_no_top_hit(qtbot, window):
    _search(qtbot, window, "espionage")
    assert window.results.results.top is None and "Top hit" not in window.results.toPlainText()


def test_show_more_adds_results_to_the_group_and_marks_them_on_the_timeline(qtbot, window):
    _search(qtbot, window, "Maisky")
    before = [h.id for h in window.results.results.hits["event"]]
    assert len(before) == 10 and "Show more events" in window.results.toPlainText()
    with qtbot.waitSignal(window.runner.results, timeout=5000):
        window.results.anchorClicked.emit(QtCore.QUrl("more:event"))
    after = [h.id for h in window.results.results.hits["event"]]
    assert after[:10] == before and len(after) == 20
    assert len(window.results.results.hits["person"]) == 10  # the other groups keep their page
    emphasis = window.timeline.items.emphasis
    assert emphasis.sum() == 20  # every hit shown is marked on the timeline
    assert all(emphasis[window.timeline.layout_data.index_of(i)] for i in after)


def test_sort_by_date_orders_the_events_by_date_and_back(qtbot, window):
    _search(qtbot, window, "Maisky")
    ranked = [h for h in window.results.shown()[1:] if h.kind == "event"]  # after the top hit
    window.results.anchorClicked.emit(QtCore.QUrl("sort:date"))
    dated = [h for h in window.results.shown()[1:] if h.kind == "event"]
    starts = [parse_date(h.edtf).start for h in dated]
    assert starts == sorted(starts) and [h.id for h in dated] != [h.id for h in ranked]
    text = window.results.toPlainText()
    assert text.index(dated[0].title) < text.index(dated[-1].title)
    window.results.anchorClicked.emit(QtCore.QUrl("sort:rank"))
    assert [h.id for h in window.results.shown()[1:] if h.kind == "event"] == [h.id for h in ranked]
