"""Back and Forward through views and selections, as in a browser.

A ``View`` is what the researcher sees: the timeline's range and the selected event (or
person, or passage open in the reader). Selecting something pushes a new entry; moving the
view (pan, zoom) after a selection pushes one entry and then keeps updating it, so a pan of
a hundred small steps is one step back, not a hundred. Going back and then choosing
something new drops the forward entries, as a browser does.
"""

from __future__ import annotations

from dataclasses import replace

from maisky_desktop.core.record import record


@record
class View:
    """One place in the history: the timeline range (decimal years) and what is open."""

    left: float
    right: float
    event: str | None = None
    person: str | None = None
    passage: str | None = None  # a passage open in the document reader
    moved: bool = False  # an entry made by panning or zooming, updated while the view keeps moving


class History:
    """A list of views with a cursor; pure, so Back/Forward are tested without a screen."""

    def __init__(self, first: View, limit: int = 200) -> None:
        self._entries = [first]
        self._at = 0
        self._limit = limit

    @property
    def current(self) -> View:
        return self._entries[self._at]

    def can_back(self) -> bool:
        return self._at > 0

    def can_forward(self) -> bool:
        return self._at < len(self._entries) - 1

    def select(self, left: float, right: float, **opened: str | None) -> View:
        """Something was chosen (an event, a person, a passage) with the view it is shown in: a new entry."""
        view = View(left, right, moved=False, **opened)
        if view != self.current:
            self._push(view)
        return self.current

    def move(self, left: float, right: float) -> View:
        """The timeline range changed: a new entry, or the same one if the last entry was a move."""
        if same_range((left, right), (self.current.left, self.current.right)):
            return self.current
        view = replace(self.current, left=left, right=right, moved=True)
        if self.current.moved and not self.can_forward():
            self._entries[self._at] = view
        else:
            self._push(view)
        return self.current

    def state(self) -> tuple[list[View], int]:
        """The entries and the cursor (for saving a session)."""
        return list(self._entries), self._at

    def restore(self, entries: list[View], at: int) -> None:
        """Take saved entries and cursor (the newest ``limit`` of them)."""
        if not entries or not 0 <= at < len(entries):
            raise ValueError("a history needs at least one entry and a cursor on one of them")
        drop = max(len(entries) - self._limit, 0)
        self._entries = list(entries[drop:])
        self._at = max(at - drop, 0)

    def back(self) -> View:
        if self.can_back():
            self._at -= 1
        return self.current

    def forward(self) -> View:
        if self.can_forward():
            self._at += 1
        return self.current

    def _push(self, view: View) -> None:
        del self._entries[self._at + 1 :]
        self._entries.append(view)
        if len(self._entries) > self._limit:
            del self._entries[0]
        self._at = len(self._entries) - 1


def same_range(a: tuple[float, float], b: tuple[float, float]) -> bool:
    """Equal up to float noise from the view box (a millionth of the span)."""
    tolerance = 1e-6 * max(abs(a[1] - a[0]), 1e-9)
    return abs(a[0] - b[0]) <= tolerance and abs(a[1] - b[1]) <= tolerance
