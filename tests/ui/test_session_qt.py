"""The Qt adapter: each session field's change arrives as its own Qt signal, once."""

from maisky_desktop.core.filters import Filter
from maisky_desktop.core.session import Selection, Session
from maisky_desktop.ui.session_qt import QtSession


def test_each_field_becomes_its_own_signal(qtbot):
    session = Session()
    adapter = QtSession(session)
    seen = []
    adapter.filter_changed.connect(lambda f: seen.append(("filter", f)))
    adapter.selection_changed.connect(lambda s: seen.append(("selection", s)))
    adapter.view_changed.connect(lambda v: seen.append(("view", v)))
    with qtbot.waitSignal(adapter.history_changed):
        session.select(event="arcos-raid")
    session.filter = Filter(lane="war")
    session.view = (1930.0, 1940.0)
    assert seen == [
        ("selection", Selection(event="arcos-raid")),
        ("filter", Filter(lane="war")),
        ("view", (1930.0, 1940.0)),
    ]
    adapter.detach()
    session.filter = Filter()
    assert len(seen) == 3
