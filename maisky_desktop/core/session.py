"""The app's state in one place, without Qt: what the researcher is looking at and how they got there.

A ``Session`` holds the timeline's view window, the lane mode, the filter, the selection (the
event in the passage pane, the person on the card, the passage in the reader), the search text
and the Back/Forward history. Each field notifies its own observers when it changes, once per
change and never when set to what it already was, napari-style::

    session.events.filter.connect(on_filter_changed)   # called with the new Filter

Widgets listen to the fields they show and write intent back through the session; a thin
adapter (``ui.session_qt``) turns the notifications into Qt signals. The session round-trips
through JSON (``to_json`` / ``restore``: the next start restores it, tests compare it) and
``reset()`` returns it to the opening state (what a kiosk does after idle time).
"""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import asdict, fields
from typing import Any, Generic, Literal, TypeVar, cast

from maisky_desktop.core import span
from maisky_desktop.core.filters import Filter
from maisky_desktop.core.history import History, View, same_range
from maisky_desktop.core.record import record

LaneMode = Literal["category", "person"]
LANE_MODES: tuple[LaneMode, ...] = ("category", "person")
FORMAT = 1  # the JSON layout's version

T = TypeVar("T")


class SessionError(ValueError):
    """A saved session that cannot be read; the message says which field and why."""


class Emitter(Generic[T]):
    """The notifications of one field: each observer is called with the new value."""

    def __init__(self, name: str) -> None:
        self.name = name
        self._callbacks: list[Callable[[T], object]] = []

    def connect(self, callback: Callable[[T], object]) -> Callable[[T], object]:
        """Call ``callback(value)`` on every change; returns it (usable as a decorator)."""
        self._callbacks.append(callback)
        return callback

    def disconnect(self, callback: Callable[[T], object]) -> None:
        self._callbacks.remove(callback)

    def emit(self, value: T) -> None:
        for callback in list(self._callbacks):  # an observer may disconnect itself
            callback(value)


@record
class Selection:
    """What is open: the event in the passage pane, the person on the card, the passage in the reader."""

    event: str | None = None
    person: str | None = None
    passage: str | None = None


class SessionEvents:
    """One emitter per field; ``history`` fires when Back/Forward become possible or not."""

    def __init__(self) -> None:
        self.view: Emitter[tuple[float, float]] = Emitter("view")
        self.lane_mode: Emitter[str] = Emitter("lane_mode")
        self.filter: Emitter[Filter] = Emitter("filter")
        self.selection: Emitter[Selection] = Emitter("selection")
        self.search_text: Emitter[str] = Emitter("search_text")
        self.history: Emitter[History] = Emitter("history")


_KEEP: Any = object()  # select(): leave this part of the selection as it is


class Session:
    """The evented state of one window. ``opening_view`` is where it starts and where ``reset`` returns."""

    def __init__(self, opening_view: tuple[float, float] | None = None) -> None:
        self.events = SessionEvents()
        self.opening_view = opening_view or span.opening_view()
        self._view = self.opening_view
        self._lane_mode: LaneMode = "category"
        self._filter = Filter()
        self._selection = Selection()
        self._search_text = ""
        self.history = History(View(*self.opening_view))
        self.navigating = False  # True while Back/Forward/restore set the fields: not new history

    # -- the fields ------------------------------------------------------------------------------
    @property
    def view(self) -> tuple[float, float]:
        """The timeline's window, (left, right) in decimal years."""
        return self._view

    @view.setter
    def view(self, value: tuple[float, float]) -> None:
        left, right = float(value[0]), float(value[1])
        if not right > left:
            raise ValueError(f"a view must end after it starts: {value!r}")
        if same_range((left, right), self._view):
            return
        self._view = (left, right)
        self.events.view.emit(self._view)

    @property
    def lane_mode(self) -> LaneMode:
        return self._lane_mode

    @lane_mode.setter
    def lane_mode(self, value: str) -> None:
        if value not in LANE_MODES:
            raise ValueError(f"lane mode must be one of {', '.join(LANE_MODES)}: {value!r}")
        if value != self._lane_mode:
            self._lane_mode = cast(LaneMode, value)
            self.events.lane_mode.emit(value)

    @property
    def filter(self) -> Filter:
        return self._filter

    @filter.setter
    def filter(self, value: Filter) -> None:
        if value != self._filter:
            self._filter = value
            self.events.filter.emit(value)

    @property
    def selection(self) -> Selection:
        return self._selection

    @selection.setter
    def selection(self, value: Selection) -> None:
        if value != self._selection:
            self._selection = value
            self.events.selection.emit(value)

    @property
    def search_text(self) -> str:
        return self._search_text

    @search_text.setter
    def search_text(self, value: str) -> None:
        if value != self._search_text:
            self._search_text = value
            self.events.search_text.emit(value)

    # -- intent ----------------------------------------------------------------------------------
    def select(self, *, event: str | None = _KEEP, person: str | None = _KEEP, passage: str | None = _KEEP) -> None:
        """Open something (the parts not named stay open) and make it one history entry with the current view."""
        old = self._selection
        self.selection = Selection(
            old.event if event is _KEEP else event,
            old.person if person is _KEEP else person,
            old.passage if passage is _KEEP else passage,
        )
        if not self.navigating:
            self._record(self.history.select(*self._view, **asdict(self._selection)))

    def record_view(self) -> None:
        """The view has settled after a pan or zoom: one history step however many moves it took."""
        if not self.navigating:
            self._record(self.history.move(*self._view))

    def back(self) -> None:
        self._show(self.history.back())

    def forward(self) -> None:
        self._show(self.history.forward())

    def can_back(self) -> bool:
        return self.history.can_back()

    def can_forward(self) -> bool:
        return self.history.can_forward()

    def _show(self, entry: View) -> None:
        self.navigating = True
        try:
            self.view = (entry.left, entry.right)
            self.selection = Selection(entry.event, entry.person, entry.passage)
        finally:
            self.navigating = False
        self.events.history.emit(self.history)

    def _record(self, _entry: View) -> None:
        self.events.history.emit(self.history)

    def reset(self) -> None:
        """Back to the opening state: opening view, category lanes, no filter, nothing open, no search, no history."""
        self.navigating = True
        try:
            self.view = self.opening_view
            self.lane_mode = "category"
            self.filter = Filter()
            self.selection = Selection()
            self.search_text = ""
        finally:
            self.navigating = False
        self.history = History(View(*self.opening_view))
        self.events.history.emit(self.history)

    # -- JSON ------------------------------------------------------------------------------------
    def to_json(self) -> dict[str, Any]:
        """Everything needed to come back here: the fields and the history with its cursor."""
        entries, at = self.history.state()
        return {
            "format": FORMAT,
            "view": list(self._view),
            "lane_mode": self._lane_mode,
            "filter": asdict(self._filter),
            "selection": asdict(self._selection),
            "search_text": self._search_text,
            "history": {"entries": [asdict(e) for e in entries], "at": at},
        }

    def dumps(self) -> str:
        return json.dumps(self.to_json(), ensure_ascii=False, indent=1)

    def restore(self, data: dict[str, Any]) -> None:
        """Take a saved state (``to_json``'s); observers see each field that changes. Raises SessionError
        before changing anything if the data is not a session this version can read."""
        parsed = _parse(data)
        self.navigating = True
        try:
            self.view = parsed["view"]
            self.lane_mode = parsed["lane_mode"]
            self.filter = parsed["filter"]
            self.selection = parsed["selection"]
            self.search_text = parsed["search_text"]
        finally:
            self.navigating = False
        self.history = parsed["history"]
        self.events.history.emit(self.history)

    def loads(self, text: str) -> None:
        try:
            data = json.loads(text)
        except json.JSONDecodeError as exc:
            raise SessionError(f"not JSON: line {exc.lineno} column {exc.colno}: {exc.msg}") from None
        self.restore(data)


def _parse(data: object) -> dict[str, Any]:
    """Check a saved session field by field; one message naming the first bad field."""
    if not isinstance(data, dict):
        raise SessionError("a session is a JSON object")
    if data.get("format") != FORMAT:
        raise SessionError(f"session format {data.get('format')!r}; this app reads format {FORMAT}")
    view = data.get("view")
    if not (isinstance(view, list) and len(view) == 2 and all(isinstance(v, int | float) for v in view)):
        raise SessionError("view: expected [left, right] in decimal years")
    if not view[1] > view[0]:
        raise SessionError("view: must end after it starts")
    if data.get("lane_mode") not in LANE_MODES:
        raise SessionError(f"lane_mode: expected one of {', '.join(LANE_MODES)}")
    if not isinstance(data.get("search_text"), str):
        raise SessionError("search_text: expected a string")
    filt = _record_of(Filter, data.get("filter"), "filter")
    selection = _record_of(Selection, data.get("selection"), "selection")
    hist = data.get("history")
    if not isinstance(hist, dict) or not isinstance(hist.get("entries"), list) or not hist["entries"]:
        raise SessionError("history: expected {entries: [...], at: N} with at least one entry")
    entries = [_record_of(View, e, f"history entry {i}") for i, e in enumerate(hist["entries"])]
    at = hist.get("at")
    if not isinstance(at, int) or not 0 <= at < len(entries):
        raise SessionError(f"history: 'at' must be an entry index 0-{len(entries) - 1}")
    history = History(entries[0])
    history.restore(entries, at)
    return {
        "view": (float(view[0]), float(view[1])),
        "lane_mode": data["lane_mode"],
        "filter": filt,
        "selection": selection,
        "search_text": data["search_text"],
        "history": history,
    }


_R = TypeVar("_R")


def _record_of(cls: type[_R], value: object, where: str) -> _R:
    """A dataclass from a JSON object whose keys are its fields, each of the declared kind."""
    if not isinstance(value, dict):
        raise SessionError(f"{where}: expected an object")
    known = {f.name: f for f in fields(cls)}  # type: ignore[arg-type]
    unknown = sorted(set(value) - set(known))
    if unknown:
        raise SessionError(f"{where}: unknown field {unknown[0]!r}")
    for name, item in value.items():
        kinds = _KINDS[str(known[name].type)]
        if not isinstance(item, kinds):
            raise SessionError(f"{where}: {name} has the wrong type ({type(item).__name__})")
    try:
        return cls(**value)
    except TypeError as exc:
        raise SessionError(f"{where}: {exc}") from None


_KINDS: dict[str, tuple[type, ...]] = {
    "str | None": (str, type(None)),
    "int | None": (int, type(None)),
    "float": (int, float),
    "bool": (bool,),
}
