"""The session: one notification per field change, Back/Forward, JSON round-trip, reset to the opening state."""

import json

import pytest

from maisky_desktop.core import span
from maisky_desktop.core.filters import Filter
from maisky_desktop.core.session import Selection, Session, SessionError


def _recorder(session: Session) -> list[tuple[str, object]]:
    seen: list[tuple[str, object]] = []
    for name in ("view", "lane_mode", "filter", "selection", "search_text"):
        getattr(session.events, name).connect(lambda value, name=name: seen.append((name, value)))
    return seen


def _busy(session: Session) -> Session:
    session.view = (1930.0, 1940.0)
    session.select(event="treaty-of-rapallo")
    session.view = (1921.5, 1923.0)
    session.record_view()
    session.select(person="litvinov")
    session.lane_mode = "person"
    session.filter = Filter(lane="war", year_from=1938)
    session.search_text = "Maiskii"
    return session


def test_it_opens_on_the_period_of_study_with_nothing_open():
    s = Session()
    assert s.view == span.opening_view() == (1917.0, 1976.0)
    assert s.selection == Selection() and s.filter == Filter() and s.lane_mode == "category"
    assert not s.can_back() and not s.can_forward()


def test_each_change_notifies_its_own_field_once_and_a_same_value_not_at_all():
    s = Session()
    seen = _recorder(s)
    s.filter = Filter(person="maisky")
    s.filter = Filter(person="maisky")
    s.lane_mode = "person"
    s.view = (1930.0, 1940.0)
    s.view = (1930.0, 1940.0 + 1e-12)  # float noise from the view box is not a change
    assert seen == [("filter", Filter(person="maisky")), ("lane_mode", "person"), ("view", (1930.0, 1940.0))]


def test_selecting_keeps_what_else_is_open_and_back_forward_walk_the_history():
    s = Session()
    history = []
    s.events.history.connect(lambda h: history.append((h.can_back(), h.can_forward())))
    s.select(event="arcos-raid")
    s.view = (1930.0, 1940.0)
    s.record_view()
    s.select(person="maisky")
    assert s.selection == Selection(event="arcos-raid", person="maisky")
    s.back()
    assert s.view == (1930.0, 1940.0) and s.selection == Selection(event="arcos-raid")
    s.back()
    assert s.view == span.opening_view() and s.selection == Selection(event="arcos-raid")
    s.forward()
    s.forward()
    assert s.selection.person == "maisky" and not s.can_forward()
    assert history[0] == (True, False) and history[-1] == (True, False)


def test_bad_values_are_refused_with_the_field_named():
    s = Session()
    with pytest.raises(ValueError, match="lane mode"):
        s.lane_mode = "decades"
    with pytest.raises(ValueError, match="end after"):
        s.view = (1940.0, 1930.0)


def test_a_session_round_trips_through_json():
    s = _busy(Session())
    saved = s.dumps()
    other = Session()
    seen = _recorder(other)
    other.loads(saved)
    assert other.to_json() == s.to_json()
    assert json.loads(saved)["selection"] == {"event": "treaty-of-rapallo", "person": "litvinov", "passage": None}
    assert {name for name, _ in seen} == {"view", "lane_mode", "filter", "selection", "search_text"}
    other.back()
    assert other.selection == Selection(event="treaty-of-rapallo") and other.view == (1921.5, 1923.0)


def test_reset_returns_to_the_opening_state_and_tells_the_observers():
    s = _busy(Session())
    seen = _recorder(s)
    s.reset()
    assert s.to_json() == Session().to_json()
    assert {name for name, _ in seen} == {"view", "lane_mode", "filter", "selection", "search_text"}


@pytest.mark.parametrize(
    ("text", "words"),
    [
        ("{", "not JSON: line 1"),
        ("[]", "JSON object"),
        ('{"format": 99}', "format 99"),
        ('{"format": 1, "view": [1940, 1930]}', "view: must end after"),
        ('{"format": 1, "view": [1930, 1940], "lane_mode": "x"}', "lane_mode"),
    ],
)
def test_a_bad_saved_session_gives_one_message_and_changes_nothing(text, words):
    s = _busy(Session())
    before = s.to_json()
    with pytest.raises(SessionError, match=words):
        s.loads(text)
    assert s.to_json() == before


def test_a_saved_filter_with_a_wrong_field_is_named():
    data = Session().to_json()
    data["filter"]["year_from"] = "1938"
    with pytest.raises(SessionError, match="filter: year_from has the wrong type"):
        Session().restore(data)
    data = Session().to_json()
    data["selection"]["tour"] = "x"
    with pytest.raises(SessionError, match="unknown field 'tour'"):
        Session().restore(data)
