"""Own events, CSV import (all or nothing), own documents as sources, search over the user's things."""

import pytest

from maisky_desktop.core.csv_import import preview_text
from maisky_desktop.core.own_documents import DocumentError, read_document
from maisky_desktop.core.own_events import DraftError, draft_event
from maisky_desktop.store import own_records
from maisky_desktop.store.all_sources import AllSources
from maisky_desktop.store.userdata import UserData, UserDataError

LETTER = """# Letters from London, 1938

Maisky called on Halifax at the Foreign Office. The talk turned to Czechoslovakia and the French guarantee.

Nothing came of it; he wrote to Litvinov that evening.
"""


@pytest.fixture
def user(tmp_path):
    u = UserData.open(tmp_path / "user")
    yield u
    u.close()


def test_an_own_event_from_words_anchored_verbatim_in_a_shipped_source(user, store, source_texts):
    anchor = store.anchors("treaty-of-rapallo")[0]
    draft = draft_event(
        AllSources(store, user), "My Rapallo", "spring 1922", source=anchor.source_id, quote=anchor.quote[5:40]
    )
    saved = own_records.save_event(user, draft)
    assert saved.id.startswith("mine-") and saved.date == "1922-21" and saved.date_words == "spring 1922"
    assert saved.passage_id == anchor.passage_id
    assert (
        source_texts[anchor.source_id][saved.char_start : saved.char_end] == saved.quote == anchor.quote[5:40].strip()
    )
    edited = own_records.save_event(user, draft_event(AllSources(store, user), "Renamed", "1922-04"), saved.id)
    assert edited.title == "Renamed" and edited.source_id is None and edited.created == saved.created
    assert [e.id for e in own_records.own_events(user)] == [saved.id]
    own_records.delete_event(user, saved.id)
    assert own_records.own_events(user) == []


def test_a_csv_import_writes_nothing_until_confirmed_and_then_everything_at_once(user, store):
    sources = AllSources(store, user)
    text = "title,date\nA,1938\nB,mid 1938\nC,1939-09-01\n"
    preview = preview_text(text, "x.csv", sources)
    assert [r.row for r in preview.bad] == [3]
    assert own_records.own_events(user) == []  # previewing wrote nothing
    ids = own_records.import_events(user, preview.good)
    assert [e.title for e in own_records.own_events(user)] == ["A", "C"] and len(ids) == 2


def test_an_import_that_fails_half_way_leaves_nothing(user, store):
    preview = preview_text(
        "title,date\n" + "".join(f"E{i},1938\n" for i in range(1200)), "x.csv", AllSources(store, user)
    )
    pages = user.db.execute("PRAGMA page_count").fetchone()[0]
    user.db.execute(f"PRAGMA max_page_count = {pages + 3}")  # the disk fills up during the import
    with pytest.raises(UserDataError, match="disk is full"):
        own_records.import_events(user, preview.good)
    assert own_records.own_events(user) == []


def test_an_own_document_becomes_a_source_with_exact_passages(user, store, tmp_path):
    path = tmp_path / "letters.md"
    path.write_text(LETTER, encoding="utf-8")
    doc = read_document(path)
    assert doc.title == "Letters from London, 1938"
    own_records.save_document(user, doc)
    text = own_records.document_text(user, doc.id)
    assert text == LETTER
    for _pid, a, b, ptext, _para in own_records.document_passages(user, doc.id):
        assert text[a:b] == ptext  # every passage is the exact slice of the file
    sources = AllSources(store, user)
    assert sources.source_id("letters.md") == doc.id
    draft = draft_event(sources, "Halifax talk", "1938", source=doc.id, quote="turned to Czechoslovakia")
    assert text[draft.anchor.char_start : draft.anchor.char_end] == "turned to Czechoslovakia"
    hits = own_records.search(user, "czechoslovak")
    assert [h.title for h in hits["own passage"]] == ["Letters from London, 1938, ¶ 1"]  # where in the document


def test_documents_that_cannot_be_sources_are_refused_with_file_and_line(tmp_path):
    bad = tmp_path / "latin1.txt"
    bad.write_bytes("line one\nMa\xefsky\n".encode("latin-1"))
    with pytest.raises(DocumentError, match=r"latin1.txt:2: not UTF-8"):
        read_document(bad)
    pdf = tmp_path / "paper.pdf"
    pdf.write_bytes(b"%PDF-1.4")
    with pytest.raises(DocumentError, match="only plain text or Markdown"):
        read_document(pdf)


def test_search_over_notes_is_tolerant_like_the_search_box(user, store):
    from maisky_desktop.store.search import load_spellings

    user.add_note("event", "treaty-of-rapallo", "Compare with Maisky's memoirs about Litvinov")
    user.add_note("passage", "x/p1", "", source_id="x", char_start=0, char_end=5, quote="Yrjö Koskinen's treaties")
    spellings = load_spellings(store.conn)
    assert len(own_records.notes_matching(user, "Litvinoff", spellings)) == 1  # a known spelling
    assert len(own_records.notes_matching(user, "Mayski", spellings)) == 1  # a transliteration
    assert len(own_records.notes_matching(user, "yrjo treaty", spellings)) == 1  # diacritics, word forms
    assert own_records.notes_matching(user, 'AND (" *', spellings) == []  # operators are words, never errors


def test_drafts_name_their_problem():
    class NoSources:
        def source_id(self, name):
            return None

        def passages(self, source_id):
            return []

    with pytest.raises(DraftError, match="a quote needs its source"):
        draft_event(NoSources(), "T", "1938", quote="words")
    with pytest.raises(DraftError, match="date: no four-digit year"):
        draft_event(NoSources(), "T", "Aug 38")
