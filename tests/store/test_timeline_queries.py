"""The timeline's queries on the real store and on a synthetic one with eras."""

import sqlite3
import time

import numpy as np

from maisky_desktop.store import timeline
from maisky_desktop.store.synthetic import LANES, build_synthetic


def test_the_real_store_loads_as_columns_in_category_lanes(store):
    lay = timeline.event_layout(store.conn)
    assert len(lay) == store.count("events") and lay.lanes == len(store.categories())
    i = lay.index_of("treaty-of-rapallo")
    assert lay.point[i] and not lay.soft[i] and lay.stated[i] == "on 16 April 1922"
    maisky = lay.index_of("maisky-ambassador-london")
    assert lay.soft[maisky] and not lay.point[maisky]  # years, not days: a softer mark
    assert lay.circa[lay.index_of("maisky-tokyo")]
    assert lay.x0[lay.index_of("maisky-born")] < 1917  # pre-1917 context is kept


def test_zero_eras_is_fine_and_synthetic_eras_load(tmp_path):
    path = build_synthetic(tmp_path / "s.sqlite", 500, 50)
    conn = sqlite3.connect(path)
    assert timeline.eras(conn) == []
    conn.executemany(
        "INSERT INTO eras (id, name, date, date_from, date_to) VALUES (?, ?, ?, ?, ?)",
        [
            ("war", "The war", "1939-09/1945-05", "1939-09-01", "1945-05-31"),
            ("nep", "NEP", "1921/1928", "1921-01-01", "1928-12-31"),
        ],
    )
    eras = timeline.eras(conn)
    assert [e.name for e in eras] == ["NEP", "The war"] and eras[1].x0 > 1939.6
    lay = timeline.event_layout(conn)
    assert len(lay) == 500 and lay.lanes == len(LANES) and not lay.soft[lay.point].any()


def test_person_lanes_put_maisky_first(store):
    lay = timeline.event_layout(store.conn)
    people = timeline.person_lanes(store.conn, lay)
    assert people.names[0] == "Ivan Maisky" and len(people.lane) == len(lay)
    assert people.lane[lay.index_of("maisky-ambassador-london")] == 0
    assert any(t.kind == "life" and t.lane == 0 for t in people.tracks)


def test_the_time_span_comes_from_the_store_and_reaches_the_1884_events(store):
    years = store.time_span()
    last = store.conn.execute("SELECT max(date_to) FROM events").fetchone()[0]
    assert years.first == 1884 and years.last == int(last[:4]) >= 1975


def test_the_stored_columns_are_the_layout_the_events_table_gives(store):
    """The build's precomputed arrays agree with laying the events out from the table."""
    stored = timeline.event_layout(store.conn)
    computed = timeline._compute(store.conn)
    assert len(stored) == len(computed) == store.count("events")
    for column in ("x0", "x1", "lane", "point", "soft", "day0", "day1"):
        assert (getattr(stored, column) == getattr(computed, column)).all(), column
    assert stored.lanes == computed.lanes
    rows = dict(store.conn.execute("SELECT rowid, id FROM events"))
    assert list(stored.ids) == [rows[r] for r in stored.rowid.tolist()]


def test_a_big_store_reads_text_on_demand_and_in_the_background(store):
    eager = timeline.event_layout(store.conn)
    lazy = timeline.event_layout(store.conn, store.open_sibling, eager=0)
    try:
        assert lazy.on_demand and not eager.on_demand
        i = eager.index_of("treaty-of-rapallo")
        assert lazy.index_of("treaty-of-rapallo") == i and lazy.index_of("no-such-event") is None
        view = lazy.visible(1922.0, 1923.0)
        assert not lazy.titles_ready(view).any()  # nothing read before it is asked for
        lazy.request_titles(view)
        deadline = time.monotonic() + 10
        while lazy.titles_pending and time.monotonic() < deadline:
            time.sleep(0.01)
        assert lazy.titles_ready(view).all()
        assert [lazy.titles.cached(j) for j in view.tolist()] == [eager.titles[j] for j in view.tolist()]
        assert lazy.stated[i] == eager.stated[i] == "on 16 April 1922"
        assert list(lazy.ids) == list(eager.ids)  # a bulk read, one query
    finally:
        lazy.titles.close()


def test_person_lanes_of_an_on_demand_layout_need_no_event_ids(store):
    lazy = timeline.event_layout(store.conn, eager=0)
    people = timeline.person_lanes(store.conn, lazy)
    eager = timeline.event_layout(store.conn)
    assert (people.lane == timeline.person_lanes(store.conn, eager).lane).all()
    assert not lazy.titles_ready(np.arange(len(lazy))).any()
