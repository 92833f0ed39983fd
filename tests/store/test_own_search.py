"""Own events and documents searched over a read-only connection of their own (the search worker's)."""

import sqlite3

import pytest

from maisky_desktop.core.filters import Filter
from maisky_desktop.core.own_documents import read_document
from maisky_desktop.core.own_events import OWN_LANE, draft_event
from maisky_desktop.core.search import parse
from maisky_desktop.store import own_records, own_search
from maisky_desktop.store.all_sources import AllSources
from maisky_desktop.store.own_reader import OwnReader
from maisky_desktop.store.search import load_spellings
from maisky_desktop.store.userdata import UserData


@pytest.fixture
def user(tmp_path):
    u = UserData.open(tmp_path / "user")
    yield u
    u.close()


def test_a_reader_sees_what_the_ui_thread_wrote_and_cannot_write(user, store):
    reader = OwnReader.open(user.path)
    spellings = load_spellings(store.conn)
    assert reader.search(parse("Litvinoff", spellings))[0]["own event"] == []
    sources = AllSources(store, user)
    saved = own_records.save_event(user, draft_event(sources, "Litvinov's cable on Munich", "c. 1938"))
    hits, more = reader.search(parse("Litvinoff muni", spellings))  # spelling + half-typed word
    assert [(h.kind, h.id, h.date, h.edtf) for h in hits["own event"]] == [("own event", saved.id, "c. 1938", "1938~")]
    assert hits["own event"][0].snippet.bracketed() == "[Litvinov]'s cable on [Munich]" and more["own event"] is False
    with pytest.raises(sqlite3.OperationalError, match="readonly"):
        reader._conn.execute("DELETE FROM own_events")  # the connection itself refuses: opened mode=ro
    reader.close()
    assert len(own_records.own_events(user)) == 1


def test_filters_narrow_own_events_as_they_narrow_the_own_lane(user, store):
    sources = AllSources(store, user)
    anchor = store.anchors("treaty-of-rapallo")[0]
    quoted = own_records.save_event(
        user, draft_event(sources, "Rapallo again", "1922-04", source=anchor.source_id, quote=anchor.quote[:30])
    )
    plain = own_records.save_event(user, draft_event(sources, "Rapallo rumours", "1921"))
    query = parse("rapallo")

    def found(f):
        return [h.id for h in own_search.search(user.db.conn, query, f)[0]["own event"]]

    assert sorted(found(Filter())) == sorted([quoted.id, plain.id])
    assert found(Filter(year_from=1922, year_to=1922)) == [quoted.id]
    assert found(Filter(source=anchor.source_id)) == [quoted.id]
    assert found(Filter(lane=OWN_LANE, year_to=1921)) == [plain.id]
    assert found(Filter(lane="diplomacy")) == [] and found(Filter(person="litvinov")) == []


def test_document_passages_and_titles_paged_with_more(user, tmp_path):
    path = tmp_path / "diary.md"
    path.write_text("# Embassy diary\n\n" + "".join(f"Tea with Vansittart, day {i}.\n\n" for i in range(14)), "utf-8")
    doc = read_document(path)
    own_records.save_document(user, doc)
    hits, more = own_search.search(user.db.conn, parse("vansittart"))
    assert len(hits["own passage"]) == 10 and more["own passage"]
    hits, more = own_search.search(user.db.conn, parse("vansittart"), limits={"own passage": 20})
    assert len(hits["own passage"]) == 14 and not more["own passage"]
    titled, _ = own_search.search(user.db.conn, parse("embassy diar"))
    first = titled["own passage"][0]
    assert (first.title, first.id) == ("Embassy diary", doc.document.passages[0].id)
    assert own_search.search(user.db.conn, parse("vansittart"), Filter(year_from=1938))[0]["own passage"] == []
    assert len(own_search.search(user.db.conn, parse("vansittart"), Filter(source=doc.id))[0]["own passage"]) == 10


def test_the_words_a_search_matched_in_an_own_document_are_file_offsets_of_those_very_words(user, tmp_path):
    text = "# Notes\n\nStraße, ﬁne: <i>Munich</i> & MÜNICH.\n\nAfter munich, nothing.\n"
    path = tmp_path / "notes.md"
    path.write_text(text, encoding="utf-8")
    doc = read_document(path)
    own_records.save_document(user, doc)
    marks = own_search.marks_in_document(user.db.conn, doc.id, parse("munich"))
    assert [text[a:b] for a, b in marks] == ["Munich", "MÜNICH", "munich"]  # folded lengths differ before them
    assert own_search.marks_in_document(user.db.conn, doc.id, parse("")) == []
    assert own_search.marks_in_document(user.db.conn, "doc-another", parse("munich")) == []


def _many(user, store, n, note="cable from the embassy; lunch with Halifax at the Foreign Office"):
    sources = AllSources(store, user)
    own_records.import_events(user, [draft_event(sources, f"Cable {i}", "1938", note=note) for i in range(n)])


def test_over_many_own_events_the_ones_the_query_names_come_first(user, store):
    """300 notes mention Halifax, then two events are titled with him and one names him among its people:
    those three lead the page, though they were added last, after every note that mentions him."""
    _many(user, store, 300)
    sources = AllSources(store, user)
    titled = [
        own_records.save_event(user, draft_event(sources, title, "1939"))
        for title in ("Halifax at Chequers", "Tea with Lord Halifax and the Webbs")
    ]
    named = own_records.save_event(user, draft_event(sources, "Dinner at the embassy", "1939", people="Lord Halifax"))
    hits, more = own_search.search(user.db.conn, parse("halifax"))
    first = [h.id for h in hits["own event"][:3]]
    assert first == [titled[0].id, titled[1].id, named.id]  # the shorter title first, as bm25 has it
    assert hits["own event"][0].snippet.bracketed() == "[Halifax] at Chequers"
    assert len(hits["own event"]) == 10 and more["own event"]
    wider, more = own_search.search(user.db.conn, parse("halifax"), limits={"own event": 20})  # Show more
    assert [h.id for h in wider["own event"][:10]] == [h.id for h in hits["own event"]] and more["own event"]


def _steps(conn, query) -> int:
    """SQLite virtual-machine steps a search of own data takes (in hundreds): its work, not its time."""
    steps = [0]

    def count() -> int:
        steps[0] += 1
        return 0

    conn.set_progress_handler(count, 100)
    own_search.search(conn, query)
    conn.set_progress_handler(None, 0)
    return steps[0]


def test_the_work_of_ranking_own_events_stays_flat_as_they_grow(tmp_path, store):
    """Four times the own events matching a word: the search does about the same work, not four times it."""
    steps = []
    for n in (1200, 4800):
        user = UserData.open(tmp_path / f"user-{n}")
        _many(user, store, n)
        steps.append(_steps(user.db.conn, parse("halifax")))
        assert len(own_search.search(user.db.conn, parse("halifax"))[0]["own event"]) == 10
        user.close()
    assert steps[1] < 1.3 * steps[0], steps


def _diary(user, folder, paragraphs: int) -> str:
    """An own document of ``paragraphs`` paragraphs, each mentioning Halifax once; returns its first passage's id."""
    path = folder / f"diary-{paragraphs}.md"
    body = "".join(f"Day {i}: lunch with Halifax at the Foreign Office.\n\n" for i in range(paragraphs))
    path.write_text(f"# Embassy diary\n\n{body}", encoding="utf-8")
    doc = read_document(path)
    own_records.save_document(user, doc)
    return doc.document.passages[0].id


def test_the_work_of_searching_own_documents_stays_flat_as_they_grow(tmp_path, monkeypatch):
    """Four times the paragraphs matching a word, and a title search of a long document: about the same work
    once more match than are ranked (a pool of 300 here, for a test's sizes)."""
    monkeypatch.setattr(own_search, "PASSAGE_POOL", 300)
    steps = []
    for n in (1200, 4800):
        user = UserData.open(tmp_path / f"user-{n}")
        first = _diary(user, tmp_path, n)
        steps.append(_steps(user.db.conn, parse("halifax")) + _steps(user.db.conn, parse("embassy diary")))
        hits, more = own_search.search(user.db.conn, parse("halifax"))
        assert len(hits["own passage"]) == 10 and more["own passage"]
        assert all("[Halifax]" in h.snippet.bracketed() for h in hits["own passage"])
        titled = own_search.search(user.db.conn, parse("embassy diary"))[0]["own passage"][0]
        assert (titled.title, titled.id) == ("Embassy diary", first)
        user.close()
    assert steps[1] < 1.3 * steps[0], steps


def test_over_many_matching_paragraphs_the_one_saying_it_most_leads(user, tmp_path):
    """Among 300 paragraphs naming Halifax once, the 250th, naming him three times in as many words, comes first."""
    path = tmp_path / "diary.md"
    paras = [f"Day {i}: lunch with Halifax at the Foreign Office." for i in range(300)]
    paras[249] = "Halifax, Halifax, Halifax."
    path.write_text("# Embassy diary\n\n" + "\n\n".join(paras) + "\n", encoding="utf-8")
    doc = read_document(path)
    own_records.save_document(user, doc)
    hits, more = own_search.search(user.db.conn, parse("halifax"))
    assert hits["own passage"][0].snippet.bracketed() == "[Halifax], [Halifax], [Halifax]."
    assert hits["own passage"][0].title == "Embassy diary, ¶ 250" and more["own passage"]
