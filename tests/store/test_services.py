"""The query services: typed records built in one place, off-thread queries, records matching the schema."""

from dataclasses import fields

import pytest

from maisky_desktop.core.records import Boilerplate, Event, FootnoteRef, Passage, PersonCard, Source
from maisky_desktop.store import schema
from maisky_desktop.store.services import Services


@pytest.fixture
def services(built_store):
    s = Services.open(built_store)
    yield s
    s.close()


@pytest.mark.parametrize(
    ("table", "record"),
    [
        ("sources", Source),
        ("passages", Passage),
        ("events", Event),
        ("footnote_refs", FootnoteRef),
        ("boilerplate", Boilerplate),
    ],
)
def test_each_record_is_its_table(built_store, table, record):
    import sqlite3

    conn = sqlite3.connect(built_store)
    columns = [r[1] for r in conn.execute(f"PRAGMA table_info([{table}])")]
    conn.close()
    assert columns == [f.name for f in fields(record)] == [c for c, _ in schema.TABLES[table][0]]


def test_event_detail_has_anchors_people_places_and_conflicts(services, source_texts):
    detail = services.event_detail("maisky-born")
    assert detail.event.title and detail.lane == "Maisky's life and postings"
    assert [c.field for c in detail.conflicts] == ["date", "name"]  # the birth date and the birth name
    assert "maisky" in [p.id for p in detail.people] and "Kirillov" in [p.name for p in detail.places]
    readings = [a.anchor.reading for a in detail.anchors if a.anchor.reading]
    assert len(readings) >= 2
    for a in detail.anchors:
        assert a.passage in a.pieces and a.source.id == a.anchor.source_id
        assert source_texts[a.source.id][a.anchor.char_start : a.anchor.char_end] == a.anchor.quote
    assert services.event_detail("no-such-event") is None


def test_a_person_card_is_a_typed_record(services):
    card = services.person_card("maisky")
    assert isinstance(card, PersonCard) and card.name == "Ivan Maisky"
    assert "Lyakhovetsky" in " ".join(card.aliases) and card.posts and card.sources
    assert card.event_ids == sorted(card.event_ids, key=[e.id for e in card.events].index)
    assert services.person_card("nobody") is None


def test_a_passage_comes_with_its_events_span_and_notes(services):
    anchor = services.anchors("treaty-of-rapallo")[0]
    detail = services.passage_detail(anchor.passage_id, "treaty-of-rapallo")
    assert "treaty-of-rapallo" in detail.events and detail.span == (anchor.char_start, anchor.char_end)
    assert all(n.id == r.note_id for n, r in zip(detail.notes, detail.refs))
    doc = services.document(detail.source.id)
    assert detail.passage in doc.passages and any(a.event_id == "treaty-of-rapallo" for a in doc.anchored)


def test_the_filter_offers_the_data_years_from_1884(services):
    choices = services.filter_choices()
    assert choices.years.first == 1884 and len(choices.lanes) == len(services.timeline().lanes)
    assert "Maxim Litvinov" in [p.name for p in choices.people]


def test_the_layers_over_the_store_get_typed_answers_not_a_connection(services, tmp_path):
    """What the notes layer, the handouts and the self-test ask for (ui/ holds no connection)."""
    from maisky_desktop.core.filters import Filter
    from maisky_desktop.store.handout import HandoutError
    from maisky_desktop.store.userdata import UserData

    assert [s.id for s in services.sources()] == [n.id for n in services.filter_choices().sources]
    assert all(s.title and s.sha256 for s in services.sources())
    assert len(services.lanes()) == len(services.timeline().lanes) and services.eras()
    assert services.filtered_event_ids(Filter()) is None
    kept = services.filtered_event_ids(Filter(year_from=1922, year_to=1922))
    assert kept and "treaty-of-rapallo" in kept and "kirov-murder" not in kept
    handout = services.events_handout(["kirov-murder", "treaty-of-rapallo"], "Two")
    assert [e.event_id for e in handout.entries] == ["treaty-of-rapallo", "kirov-murder"]  # time order
    with pytest.raises(HandoutError):
        services.tour_handout("no-such-tour")
    assert services.searcher().search("Rapallo").all()
    user = UserData.open(tmp_path / "notes")
    try:
        content = services.timeline_content(user)
        assert len(content.layout.ids) == services.count("events")  # no own events yet
        assert services.all_sources(user).source_id("no such source") is None
        assert services.gatherer(user).events(Filter(year_from=1922, year_to=1922))
    finally:
        user.close()


def test_the_dates_of_many_events_come_in_one_answer_with_the_sources_words(services):
    dates = services.event_dates(["maisky-london-exile", "maisky-born", "own-not-in-the-store"])
    assert dates == {
        "maisky-london-exile": ("1912/1917", "In 1912, he settled in London until 1917"),
        "maisky-born": ("1884-01-19", "19 January 1884"),
    }
    assert services.event_dates([]) == {}
