"""Events in view on a big store: a view with more events than the timeline draws one by one is one line
that counts them (thousands of rows read and listed for nothing froze the window), and a narrower view
lists its events with their text read in one query per column, not one per event."""

from __future__ import annotations

import pytest
from PySide6 import QtCore
from timeline_helpers import shown_window

from maisky_desktop.store.synthetic import build_synthetic


@pytest.fixture(scope="module")
def big_store(tmp_path_factory):
    return build_synthetic(tmp_path_factory.mktemp("eiv") / "big.sqlite", 25000, 200)  # text read on demand


@pytest.fixture
def big_window(qtbot, big_store):
    with shown_window(qtbot, big_store) as window:
        yield window


def _reads(column, calls: list[int]):
    read = column._read
    column._read = lambda idx: calls.append(len(idx)) or read(idx)


def test_a_wide_view_of_a_big_store_is_counted_not_listed(qtbot, big_window):
    lay = big_window.timeline.layout_data
    calls: list[int] = []
    _reads(lay.ids, calls)
    big_window.timeline.set_view(1917.0, 1976.0)
    events = big_window.events_in_view
    events.refresh()
    assert big_window.timeline.items.is_coarse(1917.0, 1976.0)
    count = int(big_window.timeline.items.grid().total(1917.0, 1976.0).sum())
    assert events.count() == 1 and count > 2500
    line = events.item(0)
    assert line.text().startswith(f"{count:,} events between 1917 and 1976")
    assert "zoom in to list them" in line.data(QtCore.Qt.ItemDataRole.AccessibleTextRole)
    assert calls == []  # not one id read
    events.itemActivated.emit(line)  # Enter on the line opens nothing, and does not fail
    assert big_window.session.selection.event is None


def test_a_narrow_view_lists_its_events_reading_each_column_once(qtbot, big_window):
    lay = big_window.timeline.layout_data
    calls: list[int] = []
    for column in (lay.ids, lay.titles, lay.stated):
        _reads(column, calls)
    big_window.timeline.set_view(1941.40, 1941.45)
    events = big_window.events_in_view
    events.refresh()
    listed = [events.item(k).data(QtCore.Qt.ItemDataRole.UserRole) for k in range(events.count())]
    in_view = big_window.timeline.items.in_view(*big_window.timeline.view_range())
    assert 0 < len(listed) == len(in_view) <= 2500
    assert sorted(listed) == sorted(lay.ids[i] for i in in_view.tolist())
    starts = [float(lay.x0[lay.index_of(e)]) for e in listed]
    assert starts == sorted(starts)  # in time order
    assert len(calls) <= 3  # ids, titles, stated dates: a query each, not one per event
    first = events.item(0)
    assert first.text().split("\n")[0] == lay.title(lay.index_of(listed[0]))
