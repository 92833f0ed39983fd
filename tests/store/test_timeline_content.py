"""With user data present, the timeline keeps a big store's text on demand unless own events must be merged."""

import numpy as np

from maisky_desktop.core.layout import OnDemand
from maisky_desktop.core.own_lane import OWN_LANE_NAME
from maisky_desktop.store import timeline as queries
from maisky_desktop.store.reader import Store
from maisky_desktop.store.timeline_content import build_content
from maisky_desktop.store.userdata import UserData


def test_notes_without_own_events_keep_the_big_store_layout_unread(tmp_path, built_store):
    store = Store.open(built_store)
    base = queries.event_layout(store.conn, eager=0)  # as a store of a million events: text read on demand
    user = UserData.open(tmp_path / "notes")
    user.add_note("event", "treaty-of-rapallo", "a note, no own event")
    content = build_content(store, user, base)
    layout = content.layout
    assert isinstance(layout.titles, OnDemand) and layout.titles is base.titles  # not one title read
    assert not any(layout.titles.cached(i) is not None for i in range(len(layout)))
    assert [name for _, name, _ in content.lanes][-1] == OWN_LANE_NAME and layout.lanes == len(content.lanes)
    assert np.array_equal(layout.x0, base.x0) and np.array_equal(layout.lane, base.lane)
    assert layout.opens[0].any() or layout.opens[1].any() or layout.within.any()  # open sides, vague marks kept
    assert callable(content.people)  # person lanes are read when first shown, not now
    people = content.people()
    assert people.names and len(people.lane) == len(layout)
    assert layout.index_of("treaty-of-rapallo") is not None
    user.close()
    store.close()


def test_own_events_join_a_big_store_without_reading_its_text_or_losing_its_marks(tmp_path, built_store):
    """A million-event store read every title to merge one own event (seconds); the merge now maps
    indices, so the store's text stays on demand and its open sides and "some time in" boxes stay."""
    from maisky_desktop.core.own_events import draft_event
    from maisky_desktop.store import own_records
    from maisky_desktop.store.all_sources import AllSources

    store = Store.open(built_store)
    base = queries.event_layout(store.conn, eager=0)
    user = UserData.open(tmp_path / "notes")
    sources = AllSources(store, user)
    own_records.save_event(user, draft_event(sources, "Talks at the Foreign Office", "summer 1938"))
    own_records.save_event(user, draft_event(sources, "Archive closed to readers", "../1924"))
    content = build_content(store, user, base)
    layout = content.layout
    assert len(layout) == len(base) + 2
    assert not any(layout.titles.cached(i) is not None for i in range(len(layout)) if layout.lane[i] < base.lanes)
    talks = next(i for i in range(len(layout)) if layout.lane[i] == base.lanes and layout.stated[i] == "summer 1938")
    assert layout.title(talks) == "Talks at the Foreign Office" and layout.titles_ready(np.array([talks]))[0]
    assert layout.index_of(layout.ids[talks]) == talks  # an own event is found by its id (a click, a session)
    rapallo = layout.index_of("treaty-of-rapallo")
    assert rapallo is not None and layout.title(rapallo) == base.title(base.index_of("treaty-of-rapallo"))
    shipped = layout.lane < base.lanes
    assert layout.opens[0][shipped].sum() == base.opens[0].sum() and layout.within[shipped].sum() == base.within.sum()
    mine = layout.lane == base.lanes
    assert layout.opens[0][mine].sum() == 1 and layout.within[mine].sum() == 1  # "../1924"; summer is a season
    assert np.all(np.diff(layout.x0) >= 0)
    people = content.people()
    assert len(people.lane) == len(layout)
    user.close()
    store.close()
