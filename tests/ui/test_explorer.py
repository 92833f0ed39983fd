"""The explorer end to end: pane, search, filters, people, reader, Back/Forward."""

import numpy as np
import pytest
from PySide6 import QtCore
from timeline_helpers import click_event

from maisky_desktop.core.filters import Filter


def test_clicking_an_event_shows_the_exact_source_slice_cited(qtbot, window, source_texts):
    with qtbot.waitSignal(window.timeline.event_selected, timeout=2000):
        click_event(qtbot, window, "arcos-raid")
    html = window.pane.toHtml()
    text = window.pane.toPlainText()
    for anchor in window.services.anchors("arcos-raid"):
        passage = window.services.passage(anchor.passage_id)
        assert passage.text == source_texts[passage.source_id][passage.char_start : passage.char_end]
        assert source_texts[anchor.source_id][anchor.char_start : anchor.char_end] in text
    assert "background-color:#ffe08a" in html and "Copy citation" in text and "Lane" in text
    assert window.pane.citations and "¶" in window.pane.citations[0]


def test_copy_citation_puts_quote_and_citation_on_the_clipboard(window):
    from PySide6 import QtGui

    window.choose("event", "treaty-of-rapallo")
    text = window.pane.copy_citation(0)
    assert QtGui.QGuiApplication.clipboard().text() == text
    assert "Kocho-Williams" in text and "Treaty of Rapallo" in text


def test_conflicting_sources_are_shown_side_by_side(window):
    window.choose("event", "maisky-born")
    text = window.pane.toPlainText()
    assert "The sources conflict on the date." in text
    assert "19 January 1884" in text and "aged 70 in 1953" in text
    # a second disagreement on the same event, with its own readings: the birth name
    assert "The sources conflict on the name." in text and "Ivan Mikhailovich Lyakhovetsky" in text


def test_search_then_choose_centres_the_timeline_and_opens_the_pane(qtbot, window):
    with qtbot.waitSignal(window.runner.results, timeout=5000):
        window.search_box.setText("Rapallo")
    hit = window.results.first()
    assert hit.kind == "event" and hit.id == "treaty-of-rapallo"
    window.timeline.set_view(1960, 1970)
    window.results.hit_chosen.emit(hit.kind, hit.id)
    left, right = window.timeline.view_range()
    assert left < 1922.3 < right and abs((left + right) / 2 - 1922.3) < 0.5
    assert window.tabs.currentWidget() is window.pane and window.pane.event_id == "treaty-of-rapallo"


def test_a_stale_search_never_overwrites_the_latest(qtbot, window):
    seen = []
    window.runner.results.connect(lambda r: seen.append(r.query.text))
    for text in ("M", "Ma", "Mai", "Maisk", "Litvinoff"):
        window.runner.search(text, Filter())
    qtbot.waitUntil(lambda: bool(seen) and seen[-1] == "Litvinoff", timeout=5000)
    assert seen == ["Litvinoff"]


def test_a_person_filter_leaves_only_their_events_drawn(qtbot, window):
    with qtbot.waitSignal(window.runner.filter_sets, timeout=5000):  # resolved off the UI thread
        window.people.filter_requested.emit("litvinov")
    items = window.timeline.items
    drawn = {window.timeline.layout_data.ids[i] for i in items.in_view(1800, 2000)}
    assert drawn == set(window.services.person_card("litvinov").event_ids)
    assert "person: Maxim Litvinov" in window.filter_bar.summary.text()
    assert set(window.people.shown_ids()) >= {"litvinov"} and len(window.people.shown_ids()) < 87
    with qtbot.waitSignal(window.runner.filter_sets, timeout=5000):
        window.filter_bar.clear.click()
    assert items.shown is None and not window.filter_bar.clear.isEnabled()


def test_selecting_a_person_highlights_their_events_and_fills_the_card(window):
    window.choose("person", "maisky")
    card = window.people.card.toPlainText()
    assert "Lyakhovetsky" in card and "Roles and posts" in card and "Sources that mention them" in card
    lay = window.timeline.layout_data
    lit = {lay.ids[i] for i in np.flatnonzero(window.timeline.items.emphasis)}
    assert lit == set(window.services.person_card("maisky").event_ids)


def test_people_list_finds_any_spelling(window):
    window.people.box.setText("Mayski")
    assert window.people.shown_ids() == ["maisky"]
    window.people.box.setText("Литвинов")
    assert "litvinov" in window.people.shown_ids()  # transliterated, though no source spells it in Cyrillic
    window.people.box.setText("litvinoff")
    assert "litvinov" in window.people.shown_ids()


def test_reader_highlights_the_anchored_span_and_lists_events_in_view(window, source_texts):
    window.choose("event", "treaty-of-rapallo")
    anchor = window.services.anchors("treaty-of-rapallo")[0]
    window.pane.open_in_document.emit(anchor.passage_id, anchor.char_start, anchor.char_end)
    reader = window.reader
    assert window.tabs.currentWidget() is reader
    block = reader.text.document().findBlockByNumber(reader.block_of(anchor.passage_id))
    highlighted = "".join(
        frag.fragment().text()
        for frag in _fragments(block)
        if frag.fragment().charFormat().background().color().name() == "#ffe08a"
    )
    assert highlighted == source_texts[anchor.source_id][anchor.char_start : anchor.char_end]
    assert "treaty-of-rapallo" in [eid for eid, _ in reader.events_in_view()]
    item = reader.in_view.findItems("Treaty of Rapallo signed", QtCore.Qt.MatchFlag.MatchExactly)[0]
    window.timeline.set_view(1960, 1970)
    reader.in_view.itemClicked.emit(item)
    left, right = window.timeline.view_range()
    assert left < 1922.3 < right


def _fragments(block):
    it = block.begin()
    while not it.atEnd():
        yield it
        it += 1


def test_back_returns_to_where_one_was_after_a_search_jump(qtbot, window):
    window.choose("event", "arcos-raid")
    before = window.timeline.view_range()
    window.choose("event", "treaty-of-rapallo")
    assert window.back_action.isEnabled()
    qtbot.keyClick(window, QtCore.Qt.Key.Key_Left, QtCore.Qt.KeyboardModifier.AltModifier)
    assert window.pane.event_id == "arcos-raid"
    assert window.timeline.view_range() == pytest.approx(before, abs=1e-6)
    window.forward_action.trigger()
    assert window.pane.event_id == "treaty-of-rapallo"


def test_start_options_focus_an_event_and_start_a_search(qtbot, window):
    assert window.focus_event("arcos-raid") and window.pane.event_id == "arcos-raid"
    assert not window.focus_event("no-such-event")
    with qtbot.waitSignal(window.runner.results, timeout=5000):
        window.start_search("Litvinoff")
    assert window.results.first().id.startswith("litvinov")


def test_a_disagreement_on_the_cause_is_shown_with_its_readings_side_by_side(window):
    window.choose("event", "maisky-recalled-1943")
    text = window.pane.toPlainText()
    assert "The sources conflict on the cause." in text
    assert "official: their advice was needed in Moscow" in text and "he failed to obtain a Second Front" in text
    assert "The sources conflict on the date." not in text  # June 1943 and 1943 agree


def test_the_person_card_lists_the_passages_that_mention_them_and_opens_one(window, source_texts):
    window.choose("person", "bukharin")
    card = window.people.card.toPlainText()
    mentions = window.services.person_card("bukharin").mentions
    assert "Mentioned in" in card and f"({len(mentions)} passages)" in card
    first = mentions[0]
    window.people._on_link(QtCore.QUrl(f"passage:{first.passage_id}:{first.char_start}:{first.char_end}"))
    assert window.tabs.currentWidget() is window.reader
    assert source_texts[first.source_id][first.char_start : first.char_end] == "Bukharin"


def test_an_open_ended_date_reads_by_and_after_in_the_pane(window):
    window.choose("event", "narkomindel-compromise-on-propaganda")
    assert "by 1924" in window.pane.toPlainText()
    window.choose("event", "kollontai-shuns-german-diplomats")
    assert "after 1933" in window.pane.toPlainText()


def test_the_year_filter_reaches_the_earliest_events_in_the_store(qtbot, window):
    bar = window.filter_bar
    bar.year_from.setValue(1884)
    with qtbot.waitSignal(window.runner.filter_sets, timeout=5000):
        bar.year_to.setValue(1884)
    assert bar.current() == Filter(year_from=1884, year_to=1884)
    drawn = {window.timeline.layout_data.ids[i] for i in window.timeline.items.in_view(1800, 2000)}
    assert "maisky-born" in drawn
