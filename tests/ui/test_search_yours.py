"""The main search box finds the researcher's own events and documents, marked as theirs, and opens them."""

import pytest
from PySide6 import QtCore

from maisky_desktop.core.filters import Filter
from maisky_desktop.core.own_events import OWN_LANE, draft_event
from maisky_desktop.store import own_records
from maisky_desktop.ui.notes.research import attach

LETTER = """# Letters from Kensington Palace Gardens

Maisky called on Halifax at the Foreign Office. The talk turned to Czechoslovakia and the guarantee.

He wrote to Litvinoff that evening about the Sudeten crisis.
"""


@pytest.fixture
def research(window, tmp_path):
    return attach(window, tmp_path / "notes", restore=False)


def _search(qtbot, window, text):
    with qtbot.waitSignal(window.runner.results, timeout=5000):
        window.search_box.setText(text)


def _click(qtbot, pane, words):
    """Click the link showing ``words`` in the results, as a user does with the mouse."""
    cursor = pane.document().find(words)
    assert not cursor.isNull(), words
    cursor.setPosition(cursor.selectionStart() + 1)
    pane.setTextCursor(cursor)
    pane.ensureCursorVisible()
    point = pane.cursorRect(cursor).center()
    qtbot.mouseClick(pane.viewport(), QtCore.Qt.MouseButton.LeftButton, pos=point)


def _own_event(research, title, date, note=""):
    sources = research.services.all_sources(research.user)
    saved = own_records.save_event(research.user, draft_event(sources, title, date, note=note))
    research.refresh_own_events()
    return saved


def test_an_own_event_is_found_in_any_spelling_marked_yours_and_selected_on_click(qtbot, window, research):
    mine = _own_event(research, "Lunch with Beaverbrook at Cherkley", "1938-09-02", note="Litvinov's telegram read out")
    _search(qtbot, window, "Litvinoff telegr")  # a spelling the store knows, a half-typed word
    hits = window.results.results.hits["own event"]
    assert [h.id for h in hits] == [mine.id] and hits[0].date == "2 September 1938"
    text = window.results.toPlainText()
    assert "Your events" in text and "yours · Lunch with Beaverbrook at Cherkley" in text
    listed = [h.kind for h in window.results.shown() if h is not window.results.results.top]
    assert listed[0] == "own event" and {"event", "passage"} <= set(listed)  # first, then the store's groups
    assert window.timeline.items.emphasis[window.timeline.layout_data.index_of(mine.id)]  # marked on the timeline
    _click(qtbot, window.results, "Lunch with Beaverbrook")
    assert window.timeline.selected_id() == mine.id
    assert window.tabs.currentWidget() is research.own_view and "Cherkley" in research.own_view.toPlainText()


def test_an_own_document_is_found_by_its_words_or_title_and_opens_in_the_reader(qtbot, window, research, tmp_path):
    path = tmp_path / "letters.md"
    path.write_text(LETTER, encoding="utf-8")
    doc_id = research.import_document(path)
    _search(qtbot, window, "sudeten")
    hits = window.results.results.hits["own passage"]
    assert len(hits) == 1 and hits[0].title.startswith("Letters from Kensington Palace Gardens, ¶")
    assert "yours · Letters from Kensington" in window.results.toPlainText()
    window.tabs.setCurrentWidget(window.results)
    _click(qtbot, window.results, "Letters from Kensington")
    assert window.tabs.currentWidget() is window.reader and window.reader.source_id == doc_id
    assert "Sudeten crisis" in window.reader.text.toPlainText()
    _search(qtbot, window, "kensington palace")  # the title names the document: its first passage
    assert [h.title for h in window.results.results.hits["own passage"]] == ["Letters from Kensington Palace Gardens"]


def test_a_new_own_event_shows_in_the_open_search_and_filters_narrow_own_hits(qtbot, window, research):
    _search(qtbot, window, "Cherkley")
    assert window.results.results.hits["own event"] == [] and "Your events" not in window.results.toPlainText()
    with qtbot.waitSignal(window.runner.results, timeout=5000):
        mine = _own_event(research, "Weekend at Cherkley", "summer 1938")
    assert [h.id for h in window.results.results.hits["own event"]] == [mine.id]
    with qtbot.waitSignal(window.runner.results, timeout=5000):
        window.session.filter = Filter(year_from=1940, year_to=1941)
    assert window.results.results.hits["own event"] == []  # outside the years asked for
    with qtbot.waitSignal(window.runner.results, timeout=5000):
        window.session.filter = Filter(lane=OWN_LANE, year_from=1938, year_to=1938)
    assert [h.id for h in window.results.results.hits["own event"]] == [mine.id]


def test_show_more_pages_own_events(qtbot, window, research):
    sources = research.services.all_sources(research.user)
    own_records.import_events(research.user, [draft_event(sources, f"Cable {i} to Moscow", "1939") for i in range(14)])
    research.refresh_own_events()
    _search(qtbot, window, "cable moscow")
    assert len(window.results.results.hits["own event"]) == 10
    assert "Show more your events" in window.results.toPlainText()
    with qtbot.waitSignal(window.runner.results, timeout=5000):
        window.results.anchorClicked.emit(QtCore.QUrl("more:own-event"))
    assert len(window.results.results.hits["own event"]) == 14


def test_without_notes_the_search_box_lists_only_the_store(qtbot, window):
    _search(qtbot, window, "Rapallo")
    assert not any(window.results.results.hits.get(k) for k in ("own event", "own passage"))
    assert "yours" not in window.results.toPlainText()


def test_a_user_database_the_search_cannot_read_is_told_once_and_the_store_is_still_searched(
    qtbot, window, research, tmp_path
):
    broken = tmp_path / "elsewhere" / "userdata.sqlite"
    broken.parent.mkdir()
    broken.write_bytes(b"not a database at all\n" * 200)
    told: list[str] = []
    window.runner.own_failed.connect(told.append)
    window.runner.use_user_data(broken)  # the notes point at a file that is no SQLite database
    _search(qtbot, window, "Rapallo")
    assert window.results.results.hits["event"]  # the store's results are listed all the same
    qtbot.waitUntil(lambda: bool(told))
    assert len(told) == 1 and str(broken) in told[0] and "cannot be searched" in told[0]
    assert "cannot be searched" in window.statusBar().currentMessage()  # said where the user looks
    _search(qtbot, window, "Litvinov")  # the thread lives on, and says it only once
    assert window.results.results.hits["event"] and window.runner.is_running() and len(told) == 1
    assert broken.read_bytes() == b"not a database at all\n" * 200
