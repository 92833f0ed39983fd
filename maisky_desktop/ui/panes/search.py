"""Search results: a top hit, then the groups by kind, with the matched words highlighted in escaped snippets.

The researcher's own events and documents, when the notes are open, come right after the top
hit in groups of their own, each hit marked "yours" in the own lane's colour: a researcher
looks for what they wrote first, and never mistakes it for the sources.

Each cut-short group ends in "Show more" (``more_wanted``: the window asks the search for a
longer page of that kind); events can be listed by date instead of by rank, which only
reorders what is shown, so it needs no new search.
"""

from __future__ import annotations

import html

from PySide6 import QtCore, QtWidgets

from maisky_desktop.core.own_lane import OWN_LANE_COLOUR
from maisky_desktop.core.search import KINDS, OWN_KINDS, Hit, Results, by_date
from maisky_desktop.ui.text_font import use_source_font

_HEADINGS = {
    "event": "Events",
    "person": "People",
    "passage": "Passages",
    "own event": "Your events",
    "own passage": "Your documents",
}
_GROUPS = (*OWN_KINDS, *KINDS)  # the order the pane lists them in
_DATED = ("event", "own event")  # groups "by date" reorders
_LINK = {kind: kind.replace(" ", "-") for kind in _HEADINGS}  # a link scheme holds no space
_KIND_OF_LINK = {link: kind for kind, link in _LINK.items()}


class SearchPane(QtWidgets.QTextBrowser):
    """Renders Results; a click on a hit emits ``hit_chosen(kind, id)``, on "Show more" ``more_wanted(kind)``."""

    hit_chosen = QtCore.Signal(str, str)
    more_wanted = QtCore.Signal(str)

    def __init__(self, parent: QtWidgets.QWidget | None = None) -> None:
        super().__init__(parent)
        self.setOpenLinks(False)
        use_source_font(self)
        self.anchorClicked.connect(self._on_link)
        self.results: Results | None = None
        self.events_by_date = False
        self.setHtml("<p style='color:#666'>Type in the search box: events, people and passages.</p>")

    def first(self) -> Hit | None:
        """What Enter opens: the top hit, else the first hit shown."""
        if self.results and self.results.top:
            return self.results.top
        hits = self.shown()
        return hits[0] if hits else None

    def shown(self) -> list[Hit]:
        """The hits in the order the pane lists them (top hit first)."""
        if self.results is None or self.results.query.empty:
            return []
        top = [self.results.top] if self.results.top else []
        return top + [h for kind in _GROUPS for h in self._group(kind)]

    def set_events_by_date(self, on: bool) -> None:
        """List event hits by date (True) or best first (False)."""
        self.events_by_date = on
        if self.results is not None:
            self._render(keep_scroll=True)

    def show_results(self, results: Results) -> None:
        same = self.results is not None and self.results.query.text == results.query.text
        self.results = results
        self._render(keep_scroll=same)  # "Show more" keeps the reader where they were

    def _group(self, kind: str) -> list[Hit]:
        hits = self.results.hits.get(kind, []) if self.results else []
        return by_date(hits) if kind in _DATED and self.events_by_date else list(hits)

    def _render(self, keep_scroll: bool) -> None:
        results = self.results
        assert results is not None
        scroll = self.verticalScrollBar().value()
        if results.query.empty:
            self.setHtml("<p style='color:#666'>Type a word, a name in any spelling, or a \"phrase\".</p>")
            return
        parts = []
        if results.top is not None:
            parts.append("<h3 style='margin-bottom:2px'>Top hit</h3>")
            parts.append(_hit_html(results.top))
        for kind in _GROUPS:
            hits = self._group(kind)
            if not hits:
                continue
            more = f" <span style='color:#888'>(best {len(hits)} shown)</span>" if results.more.get(kind) else ""
            order = ""
            if kind in _DATED:
                order = (
                    " <a href='sort:rank'>best first</a>" if self.events_by_date else " <a href='sort:date'>by date</a>"
                )
            parts.append(f"<h3 style='margin-bottom:2px'>{_HEADINGS[kind]}{more}{order}</h3>")
            parts.extend(_hit_html(hit) for hit in hits)
            if results.more.get(kind):
                parts.append(f"<p><a href='more:{_LINK[kind]}'>Show more {_HEADINGS[kind].lower()}</a></p>")
        self.setHtml("".join(parts) or "<p style='color:#666'>Nothing found.</p>")
        if keep_scroll:
            self.verticalScrollBar().setValue(scroll)

    def _on_link(self, url: QtCore.QUrl) -> None:
        link, _, value = url.toString().partition(":")
        if link in _KIND_OF_LINK:
            self.hit_chosen.emit(_KIND_OF_LINK[link], value)
        elif link == "more" and value in _KIND_OF_LINK:
            self.more_wanted.emit(_KIND_OF_LINK[value])
        elif link == "sort":
            self.set_events_by_date(value == "date")


YOURS = f"<span style='color:{OWN_LANE_COLOUR}'>yours</span> · "


def _hit_html(hit: Hit) -> str:
    date = f" <span style='color:#666'>{html.escape(hit.date)}</span>" if hit.date else ""
    mine = YOURS if hit.kind in OWN_KINDS else ""
    return (
        f"<p style='margin-top:4px'>{mine}<a href='{_LINK[hit.kind]}:{html.escape(hit.id)}'>"
        f"<b>{html.escape(hit.title)}</b></a>{date}<br>{hit.snippet.html()}</p>"
    )
