"""Every character right: text with combining marks is shown as the source has it, in every view.

For each passage whose text holds a combining mark: the reader's block, the passage pane and
a search snippet show the source slice character for character (footnote markers such as
``[2]`` shown as their label ``2``), every accent after the same letter as in the file; and
the font those views use draws the accents inside the line of their letters.
"""

import unicodedata

import pytest
from PySide6 import QtGui

from maisky_desktop.store.search import Searcher
from maisky_desktop.ui import text_font


def _marked(text: str) -> list[tuple[str, str]]:
    """(letter, mark) for every combining mark: the pairs a misplaced accent would change."""
    return [(text[i - 1], c) for i, c in enumerate(text) if unicodedata.combining(c) and i]


def _with_labels(text: str, start: int, refs) -> str:
    """The passage as a reader sees it: each footnote marker's characters replaced by its label."""
    out, at = [], start
    for ref in sorted(refs, key=lambda r: r.char_start):
        out += [text[at - start : ref.char_start - start], ref.label]
        at = ref.char_end
    out.append(text[at - start :])
    return "".join(out)


@pytest.fixture
def marked_passages(store, source_texts):
    found = [
        p
        for p in (store.passage(pid) for (pid,) in store.conn.execute("SELECT id FROM passages ORDER BY id"))
        if p is not None and any(unicodedata.combining(c) for c in p.text)
    ]
    assert found, "the shipped sources hold combining accents (Ива́н Миха́йлович Ма́йский)"
    for p in found:
        assert source_texts[p.source_id][p.char_start : p.char_end] == p.text
    return found


def test_reader_and_pane_show_the_source_slice_character_for_character(window, store, source_texts, marked_passages):
    for p in marked_passages:
        source = source_texts[p.source_id][p.char_start : p.char_end]
        expected = _with_labels(source, p.char_start, store.footnote_refs(p.id))
        assert window.reader.open(p.id)
        block = window.reader.text.document().findBlockByNumber(window.reader.block_of(p.id))
        assert block.text() == expected
        assert _marked(block.text()) == _marked(source)
        for event_id in store.events_of_passage(p.id):
            window.pane.show_event(event_id)
            shown = window.pane.toPlainText()
            assert expected in shown
            assert _marked(shown).count(_marked(source)[0]) >= 1


def test_search_snippets_keep_each_accent_on_its_letter(store, source_texts, marked_passages):
    searcher = Searcher(store.conn)
    for p in marked_passages:
        source = source_texts[p.source_id][p.char_start : p.char_end]
        stressed = next(w for w in source.split() if any(unicodedata.combining(c) for c in w)).strip("()[],;")
        hits = [h for h in searcher.search(stressed, limit=50).hits["passage"] if h.id == p.id]
        assert hits, f"{stressed!r} finds its passage"
        snippet = hits[0].snippet
        assert snippet.text.strip("…") in source  # a slice of the original: every accent where it was
        assert _marked(snippet.text)
        for a, b in snippet.spans:  # each highlight covers whole words of the original text
            word = snippet.text[a:b]
            assert word and word in source


def test_text_views_use_a_font_that_draws_accents_on_their_letters(window):
    for widget in (window.pane, window.reader.text, window.results, window.people.card):
        assert text_font.keeps_marks_on_letters(widget.font()), widget


def test_a_font_that_lifts_accents_off_cyrillic_letters_is_passed_over(qapp):
    if "DejaVu Sans" not in QtGui.QFontDatabase.families():
        pytest.skip("needs DejaVu Sans installed")
    # DejaVu Sans 2.37 draws the stress mark of "Ма́йский" a line too high: it is told apart
    # and the source font falls back to a family that draws it on its letter.
    sans = QtGui.QFont("DejaVu Sans")
    sans.setPointSizeF(10.0)
    if text_font.keeps_marks_on_letters(sans):
        pytest.skip("this DejaVu Sans draws the accents correctly")
    chosen = text_font.source_font(sans)
    assert chosen.family() != "DejaVu Sans"
    assert text_font.keeps_marks_on_letters(chosen)


def test_the_reader_renders_the_sources_markup_and_shows_only_their_characters(window, store, source_texts):
    """Every passage of every source: the reader's block is the file's own characters (markup syntax
    hidden, markers as labels), with no Markdown emphasis or <sup> tag printed."""
    from maisky_desktop.core.markup import Marker, Piece, visible_text

    printed = 0
    for source_id, text in source_texts.items():
        refs = {}
        for r in store.source_footnote_refs(source_id):
            refs.setdefault(r.passage_id, []).append(Marker(r.char_start, r.char_end, r.label, f"note:{r.note_id}"))
        first = store.source_passages(source_id)[0]
        assert window.reader.open(first.id)
        doc = window.reader.text.document()
        for n, p in enumerate(window.reader.passages):
            assert text[p.char_start : p.char_end] == p.text
            shown = doc.findBlockByNumber(n).text()
            expected = visible_text([Piece(p.char_start, p.text)], refs.get(p.id, ()))
            assert shown.rstrip(" ↩") == expected, p.id
            printed += ("**" in shown) + ("<sup>" in shown) + shown.startswith("#")
    assert printed == 0
