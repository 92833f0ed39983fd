"""Parsing of the five documents: offsets exact, kinds recognised, footnotes linked, splits rejoined."""

from collections import Counter

import pytest

from maisky_desktop.core.corpus import parse_document


def test_every_passage_is_the_exact_slice_of_its_file(resolved):
    for doc in resolved.documents.values():
        assert doc.passages
        for p in doc.passages:
            assert doc.text[p.char_start : p.char_end] == p.text


def test_every_non_blank_line_is_a_passage_or_recognised_boilerplate(resolved):
    for doc in resolved.documents.values():
        covered = sorted(
            [(p.char_start, p.char_end) for p in doc.passages] + [(b.char_start, b.char_end) for b in doc.boilerplate]
        )
        rebuilt = [doc.text[a:b] for a, b in covered]
        lines = [line.strip() for line in doc.text.split("\n") if line.strip()]
        assert rebuilt == lines


@pytest.mark.parametrize(
    ("source", "kinds"),
    [
        ("harvey-news", {"heading", "body"}),
        ("gorodetsky-globe", {"heading", "body", "caption"}),
        ("wikipedia-maisky", {"heading", "body", "caption", "reference"}),
        ("kocho-williams-comintern", {"heading", "body", "caption", "footnote"}),
        ("kocho-williams-purges", {"heading", "body", "caption", "footnote"}),
    ],
)
def test_each_document_has_its_kinds_of_passage(resolved, source, kinds):
    assert kinds <= {p.kind for p in resolved.documents[source].passages}


def test_web_and_wiki_boilerplate_is_not_body_text(resolved):
    body = " ".join(p.text for d in resolved.documents.values() for p in d.passages if p.kind == "body")
    for chrome in ("Skip to main content", "Jump to navigation", "From Wikipedia, the free encyclopedia"):
        assert chrome not in body
    reasons = Counter(b.reason for d in resolved.documents.values() for b in d.boilerplate)
    assert reasons["web page chrome"] == 1 and reasons["wiki navigation"] == 1
    headings = [p.text for p in resolved.documents["wikipedia-maisky"].passages if p.kind == "heading"]
    assert "Life and career[edit]" in headings


def test_wiki_reference_markers_link_to_the_reference_list(resolved):
    doc = resolved.documents["wikipedia-maisky"]
    notes = {p.id: p for p in doc.passages}
    ref = next(r for r in doc.refs if r.label == "12")
    assert doc.text[ref.char_start : ref.char_end] == "[12]"
    assert notes[ref.note_id].kind == "reference"
    assert "pg. 362" in notes[ref.note_id].text


def test_sup_tag_footnote_markers_link_to_their_notes(resolved):
    doc = resolved.documents["kocho-williams-comintern"]
    by_id = {p.id: p for p in doc.passages}
    ref = next(r for r in doc.refs if r.label == "76")
    assert doc.text[ref.char_start : ref.char_end] == "<sup>76</sup>"
    assert by_id[ref.note_id].text.startswith("<sup>76</sup> The All Russian Co-operative Society")
    assert len({r.label for r in doc.refs}) == 81


def test_unicode_superscript_markers_link_to_their_notes(resolved):
    doc = resolved.documents["kocho-williams-purges"]
    by_id = {p.id: p for p in doc.passages}
    ref = next(r for r in doc.refs if r.label == "3")
    assert doc.text[ref.char_start : ref.char_end] == "³"
    assert by_id[ref.note_id].text.startswith("³ Kirov's murder")
    multi = next(r for r in doc.refs if r.label == "45")
    assert doc.text[multi.char_start : multi.char_end] == "⁴⁵"


def test_paragraphs_cut_by_interleaved_footnotes_are_rejoined(resolved):
    doc = resolved.documents["kocho-williams-purges"]
    first = next(p for p in doc.passages if p.text.endswith("Maksim Maksimovich Litvinov and the"))
    pieces = doc.paragraph(first.para_id)
    assert len(pieces) == 2
    assert pieces[1].text.startswith("Soviet diplomats serving under him responded")
    between = doc.text[pieces[0].char_end : pieces[1].char_start]
    assert "¹ The main works" in between  # a footnote stood between the two pieces
    assert all(doc.text[p.char_start : p.char_end] == p.text for p in pieces)
    assert pieces[0].para_no == pieces[1].para_no


def test_page_break_splits_in_the_comintern_article_are_rejoined(resolved):
    doc = resolved.documents["kocho-williams-comintern"]
    first = next(p for p in doc.passages if p.text.endswith("The Soviet"))
    pieces = doc.paragraph(first.para_id)
    assert [p.piece for p in pieces] == [0, 1]
    assert pieces[1].text.startswith("Union's diplomats were to prove")


def test_end_note_continuations_join_their_note(resolved):
    doc = resolved.documents["kocho-williams-comintern"]
    cont = next(p for p in doc.passages if p.text.startswith("reads: 'That each party refrains"))
    assert cont.kind == "footnote" and cont.piece == 1
    assert doc.paragraph(cont.para_id)[0].label == "67"


def test_complete_sentences_are_not_joined():
    text = "Title\n\nFirst paragraph ends here.\n\nSecond paragraph.\n"
    doc = parse_document("t", text)
    assert [p.piece for p in doc.passages] == [0, 0, 0]
    assert [p.kind for p in doc.passages] == ["heading", "body", "body"]


def test_table_rows_are_their_own_passages(resolved):
    doc = resolved.documents["kocho-williams-purges"]
    row = next(p for p in doc.passages if p.text.startswith("Shot\tN. I. Krestinskii"))
    assert row.piece == 0 and row.kind == "body"
