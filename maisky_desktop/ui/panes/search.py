"""Search results, grouped by kind, with the matched words highlighted in escaped snippets."""

from __future__ import annotations

import html

from PySide6 import QtCore, QtWidgets

from maisky_desktop.core.search import KINDS, Hit, Results
from maisky_desktop.ui.text_font import use_source_font

_HEADINGS = {"event": "Events", "person": "People", "passage": "Passages"}


class SearchPane(QtWidgets.QTextBrowser):
    """Renders Results; a click on a hit emits ``hit_chosen(kind, id)``."""

    hit_chosen = QtCore.Signal(str, str)

    def __init__(self, parent: QtWidgets.QWidget | None = None) -> None:
        super().__init__(parent)
        self.setOpenLinks(False)
        use_source_font(self)
        self.anchorClicked.connect(self._on_link)
        self.results: Results | None = None
        self.setHtml("<p style='color:#666'>Type in the search box: events, people and passages.</p>")

    def first(self) -> Hit | None:
        hits = self.results.all() if self.results else []
        return hits[0] if hits else None

    def show_results(self, results: Results) -> None:
        self.results = results
        if results.query.empty:
            self.setHtml("<p style='color:#666'>Type a word, a name in any spelling, or a \"phrase\".</p>")
            return
        parts = []
        for kind in KINDS:
            hits = results.hits.get(kind, [])
            if not hits:
                continue
            more = f" <span style='color:#888'>(best {len(hits)} shown)</span>" if results.more.get(kind) else ""
            parts.append(f"<h3 style='margin-bottom:2px'>{_HEADINGS[kind]}{more}</h3>")
            for hit in hits:
                date = f" <span style='color:#666'>{html.escape(hit.date)}</span>" if hit.date else ""
                parts.append(
                    f"<p style='margin-top:4px'><a href='{kind}:{html.escape(hit.id)}'>"
                    f"<b>{html.escape(hit.title)}</b></a>{date}<br>{hit.snippet.html()}</p>"
                )
        self.setHtml("".join(parts) or "<p style='color:#666'>Nothing found.</p>")

    def _on_link(self, url: QtCore.QUrl) -> None:
        kind, _, value = url.toString().partition(":")
        if kind in _HEADINGS:
            self.hit_chosen.emit(kind, value)
