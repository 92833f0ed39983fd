"""A big store's timeline: drawn from the stored columns, titles arriving off the paint path."""

import numpy as np
from timeline_helpers import show

from maisky_desktop.store import timeline as queries
from maisky_desktop.store.reader import Store
from maisky_desktop.ui.timeline.widget import TimelineWidget


def test_titles_of_the_view_arrive_in_the_background_and_are_then_drawn(qtbot, embedded_store):
    store = Store.open(embedded_store)
    layout = queries.event_layout(store.conn, store.open_sibling, eager=0)  # as a store of a million events
    widget = show(qtbot, TimelineWidget(layout, queries.lanes(store.conn)))
    widget.destroyed.connect(layout.titles.close)
    widget.set_view(1938.5, 1939.8)
    qtbot.waitUntil(lambda: not layout.titles_pending, timeout=10000)
    qtbot.waitUntil(lambda: bool(widget.labels.placed), timeout=5000)  # the poll repainted the labels
    widget.plot.grab()
    drawn = {box.index for box, _ in widget.labels.placed if box.index >= 0}
    assert drawn and layout.titles_ready(np.array(sorted(drawn))).all()
    eager = queries.event_layout(store.conn)
    assert {layout.titles.cached(i) for i in drawn} <= set(eager.titles)
    received = []
    widget.event_selected.connect(received.append)
    widget.select("treaty-of-rapallo")  # an id resolved through the store, not a list of a million
    assert received == ["treaty-of-rapallo"] and widget.selected_id() == "treaty-of-rapallo"
    store.close()
