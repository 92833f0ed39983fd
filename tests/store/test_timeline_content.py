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
