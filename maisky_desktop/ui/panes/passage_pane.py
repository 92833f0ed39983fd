"""The side pane: what the sources say about the selected event, verbatim."""

from __future__ import annotations

import html

from PySide6 import QtWidgets

from maisky_desktop.core.dates import in_words
from maisky_desktop.core.markup import Marker, Piece, paragraph_html
from maisky_desktop.store.reader import Store


class PassagePane(QtWidgets.QTextBrowser):
    """Shows an event's title, its date as stated, and each anchor's paragraph."""

    def __init__(self, store: Store, parent: QtWidgets.QWidget | None = None):
        super().__init__(parent)
        self.store = store
        self.setOpenLinks(False)
        self.setMinimumWidth(320)
        self.event_id: str | None = None
        self.setHtml("<p style='color:#666'>Click an event on the timeline to read what the sources say.</p>")

    def show_event(self, event_id: str) -> None:
        ev = self.store.event(event_id)
        if ev is None:
            return
        self.event_id = event_id
        parts = [
            f"<h2>{html.escape(ev.title)}</h2>",
            f"<p><b>{html.escape(in_words(ev.date))}</b>"
            + (f" &nbsp;<span style='color:#666'>“{html.escape(ev.date_text)}”</span>" if ev.date_text else "")
            + "</p>",
            f"<p>{html.escape(ev.summary)}</p>",
        ]
        for anchor in self.store.anchors(event_id):
            passage = self.store.passage(anchor.passage_id)
            if passage is None:
                continue
            source = self.store.source(anchor.source_id) or {}
            pieces = self.store.paragraph(passage.para_id)
            markers = [
                Marker(s, e, label, f"note:{note}")
                for p in pieces
                for s, e, label, note in self.store.footnote_refs(p.id)
            ]
            body = paragraph_html(
                [Piece(p.char_start, p.text) for p in pieces], (anchor.char_start, anchor.char_end), markers
            )
            where = f"¶ {passage.para_no}" if passage.para_no else passage.kind
            parts.append(
                "<hr><p style='color:#555'>"
                + html.escape(
                    f"{source.get('author') or ''}, “{source.get('title')}”, {source.get('outlet') or ''}, {where}"
                )
                + "</p>"
                + f"<p>{body}</p>"
            )
        self.setHtml("".join(parts))
