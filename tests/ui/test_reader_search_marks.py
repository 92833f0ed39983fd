"""An own document opened from a search shows the searched words highlighted, verbatim and escaped."""

import pytest
from PySide6 import QtGui
from test_search_yours import _click, _search

from maisky_desktop.ui.notes.research import attach

# Markup-like text that is data, and letters whose folded form is longer (ß -> ss, the ligature ﬁ -> fi)
# before the word: an offset counted in a folded copy would land two characters off here.
LETTER = """# Letters from Kensington Palace Gardens

Die Straße, a ﬁne view: <b>Sudeten</b> & "crisis" — and the Sudeten-Krise again.

He wrote to Litvinoff that evening about the sudeten question.
"""
HIGHLIGHT = QtGui.QColor("#ffe08a")


@pytest.fixture
def research(window, tmp_path):
    return attach(window, tmp_path / "notes", restore=False)


def highlighted(browser) -> list[str]:
    """The runs of text the reader shows on the highlight colour, in reading order."""
    out = []
    block = browser.document().begin()
    while block.isValid():
        it = block.begin()
        while not it.atEnd():
            fragment = it.fragment()
            background = fragment.charFormat().background()
            if background.style() != QtGui.Qt.BrushStyle.NoBrush and background.color() == HIGHLIGHT:
                out.append(fragment.text())
            it += 1
        block = block.next()
    return out


def test_an_own_document_opened_from_the_results_highlights_every_searched_word(qtbot, window, research, tmp_path):
    path = tmp_path / "letters.md"
    path.write_text(LETTER, encoding="utf-8")
    doc_id = research.import_document(path)
    window.reader.clear()
    _search(qtbot, window, "sudeten")
    assert len(window.results.results.hits["own passage"]) == 2
    window.tabs.setCurrentWidget(window.results)
    _click(qtbot, window.results, "Letters from Kensington")
    assert window.tabs.currentWidget() is window.reader and window.reader.source_id == doc_id
    assert highlighted(window.reader.text) == ["Sudeten", "Sudeten", "sudeten"]  # as written, no letter off
    shown = window.reader.text.toPlainText()
    assert 'Die Straße, a ﬁne view: <b>Sudeten</b> & "crisis"' in shown  # the file's own characters, not markup


def test_a_store_passage_keeps_its_one_highlight_the_quote(qtbot, window, research):
    _search(qtbot, window, "Rapallo")
    anchored = [h for h in window.results.results.hits["passage"] if window.services.passage_detail(h.id).events]
    window.open_hit("passage", anchored[0].id)
    detail = window.services.passage_detail(anchored[0].id, window.session.selection.event)
    assert detail is not None and detail.span is not None
    a, b = detail.span
    quote = "".join(detail.passage.text[a - detail.passage.char_start : b - detail.passage.char_start].split())
    assert "".join("".join(highlighted(window.reader.text)).split()) == quote


def test_the_notes_panel_search_highlights_the_words_in_the_document_it_opens(window, research, tmp_path):
    path = tmp_path / "letters.md"
    path.write_text(LETTER, encoding="utf-8")
    research.import_document(path)
    window.reader.clear()
    research.panel.search.setText("litvinov")  # a spelling of the name the document spells Litvinoff
    found = [f for f in research.panel.found_shown() if f.kind == "own passage"]
    research.jump(found[0])
    assert highlighted(window.reader.text) == ["Litvinoff"]
