"""The side pane: what the sources say about the selected event, verbatim and cited.

Title, the date in words and as the source states it, people (links), places, lane; then
each anchor: its paragraph with the quoted span highlighted, the citation, the footnotes the
paragraph refers to, and actions (open in document, copy citation). Where the sources
conflict, the readings stand side by side under the conflict's name. Every source
character goes through ``html.escape`` (via ``core.markup``): a passage is data.
"""

from __future__ import annotations

import html
import re

from PySide6 import QtCore, QtGui, QtWidgets

from maisky_desktop.core.dates import in_words
from maisky_desktop.core.markup import Marker, Piece, paragraph_html
from maisky_desktop.store.reader import AnchorRow, PassageRow, Store
from maisky_desktop.ui.text_font import use_source_font

PLACEHOLDER = "<p style='color:#666'>Click an event on the timeline to read what the sources say.</p>"
CHIP = (
    "<a href='person:{id}' style='text-decoration:none; color:#1d3f6e; background-color:#e6edf7'>&nbsp;{name}&nbsp;</a>"
)


def anchor_name(passage_id: str) -> str:
    """An HTML anchor name for a passage or note id (ids hold '/')."""
    return "n-" + re.sub(r"[^A-Za-z0-9_-]", "-", passage_id)


def citation(source: dict[str, str | None], passage: PassageRow) -> str:
    """'Author, “Title”, Outlet, Year, ¶ 12' (plain text: the clipboard's and the pane's)."""
    where = f"¶ {passage.para_no}" if passage.para_no else passage.kind
    parts = [source.get("author"), f"“{source.get('title')}”", source.get("outlet"), source.get("published"), where]
    return ", ".join(p for p in parts if p)


class PassagePane(QtWidgets.QTextBrowser):
    """Shows an event's anchors; links route intent out through signals."""

    person_activated = QtCore.Signal(str)
    open_in_document = QtCore.Signal(str, int, int)  # passage id, span start, span end
    message = QtCore.Signal(str)

    def __init__(self, store: Store, parent: QtWidgets.QWidget | None = None):
        super().__init__(parent)
        self.store = store
        self.setOpenLinks(False)
        use_source_font(self)
        self.setMinimumWidth(320)
        self.anchorClicked.connect(self._on_link)
        self.event_id: str | None = None
        self.citations: list[str] = []
        self._anchors: list[AnchorRow] = []
        self._lanes = {lane_id: name for lane_id, name, _ in store.categories()}
        self.setHtml(PLACEHOLDER)

    def clear_event(self) -> None:
        self.event_id, self.citations, self._anchors = None, [], []
        self.setHtml(PLACEHOLDER)

    def show_event(self, event_id: str) -> None:
        ev = self.store.event(event_id)
        if ev is None:
            return
        self.event_id = event_id
        self._anchors = self.store.anchors(event_id)
        self.citations = []
        parts = [f"<h2 style='margin-bottom:2px'>{html.escape(ev.title)}</h2>", self._facts(ev)]
        parts.append(f"<p>{html.escape(ev.summary)}</p>")
        parts.append(self._conflicts(event_id))
        for i, anchor in enumerate(self._anchors):
            parts.append(self._anchor_html(i, anchor))
        self.setHtml("".join(parts))

    def _facts(self, ev) -> str:
        said = (
            f" &nbsp;<span style='color:#666'>the source: “{html.escape(ev.date_text)}”</span>" if ev.date_text else ""
        )
        rows = [f"<p style='margin-top:0'><b>{html.escape(in_words(ev.date))}</b>{said}</p>"]
        people = self.store.event_people(ev.id)
        if people:
            chips = " ".join(CHIP.format(id=html.escape(pid), name=html.escape(name)) for pid, name in people)
            rows.append(f"<p><span style='color:#666'>People</span>&nbsp; {chips}</p>")
        places = self.store.event_places(ev.id)
        if places:
            rows.append(
                f"<p><span style='color:#666'>Places</span>&nbsp; {html.escape(', '.join(n for _, n in places))}</p>"
            )
        lane = self._lanes.get(ev.category_id, ev.category_id)
        rows.append(f"<p><span style='color:#666'>Lane</span>&nbsp; {html.escape(lane)}</p>")
        return "".join(rows)

    def _conflicts(self, event_id: str) -> str:
        conflicts = self.store.conflicts(event_id)
        if not conflicts:
            return ""
        out = []
        for field, note in conflicts:  # each conflict's readings side by side, two to a row, under its field
            cells = []
            for a in self._anchors:
                if not a.reading or a.reading_field not in (field, None):
                    continue
                source = self.store.source(a.source_id) or {}
                cells.append(
                    "<td valign='top' width='50%' style='border-top:1px solid #e0c9a6'>"
                    f"<b>{html.escape(a.reading or '')}</b>"
                    f"<br><span style='color:#666'>{html.escape(str(source.get('title') or a.source_id))}</span></td>"
                )
            grid = "".join(f"<tr>{''.join(cells[i : i + 2])}</tr>" for i in range(0, len(cells), 2))
            out.append(
                "<table width='100%' cellspacing='0' cellpadding='4' style='background-color:#fff4e5'>"
                f"<tr><td colspan='2'><b>The sources conflict on the {html.escape(field)}.</b> "
                f"{html.escape(note)}</td></tr>{grid}</table>"
            )
        return "".join(out)

    def _anchor_html(self, i: int, anchor: AnchorRow) -> str:
        passage = self.store.passage(anchor.passage_id)
        if passage is None:
            return ""
        source = self.store.source(anchor.source_id) or {}
        pieces = self.store.paragraph(passage.para_id)
        refs = [(s, e, label, note) for p in pieces for s, e, label, note in self.store.footnote_refs(p.id)]
        markers = [Marker(s, e, label, f"note:{note}") for s, e, label, note in refs]
        body = paragraph_html(
            [Piece(p.char_start, p.text) for p in pieces], (anchor.char_start, anchor.char_end), markers
        )
        cite = citation(source, passage)
        self.citations.append(cite)
        notes = []
        for _, _, _label, note_id in refs:
            note = self.store.passage(note_id)
            if note is not None:
                notes.append(
                    f"<p style='font-size:small; color:#333'><a name='{anchor_name(note_id)}'></a>"
                    f"{html.escape(note.text)}</p>"
                )
        reading = (
            f"<p style='color:#8a5a00'>This source reads: {html.escape(anchor.reading)}</p>" if anchor.reading else ""
        )
        return (
            f"<hr><p style='color:#555'>{html.escape(cite)}</p>{reading}<p>{body}</p>{''.join(notes)}"
            f"<p><a href='open:{i}'>Open in document</a> &nbsp;·&nbsp; <a href='copy:{i}'>Copy citation</a></p>"
        )

    def copy_citation(self, index: int = 0) -> str:
        """Put an anchor's citation (with its quoted words) on the clipboard; returns it."""
        if not 0 <= index < len(self.citations):
            return ""
        anchor = self._anchors[index]
        text = f"“{anchor.quote}” — {self.citations[index]}"
        QtGui.QGuiApplication.clipboard().setText(text)
        self.message.emit("Citation copied")
        return text

    def _on_link(self, url: QtCore.QUrl) -> None:
        kind, _, value = url.toString().partition(":")
        if kind == "person":
            self.person_activated.emit(value)
        elif kind == "note":
            self.scrollToAnchor(anchor_name(value))
        elif kind == "open" and value.isdigit() and int(value) < len(self._anchors):
            a = self._anchors[int(value)]
            self.open_in_document.emit(a.passage_id, a.char_start, a.char_end)
        elif kind == "copy" and value.isdigit():
            self.copy_citation(int(value))
