"""The side pane: what the sources say about the selected event, verbatim and cited.

Its content is ``core.text.event_html`` of the event's detail (``Services.event_detail``): title,
the date in words and as the source states it, people (links), places, lane, conflicts with the
readings side by side, then each anchor (paragraph with the quoted span highlighted, citation,
footnotes, open in document, copy citation). This widget only shows it and routes the links.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6 import QtCore, QtGui, QtWidgets

from maisky_desktop.core.cite import quoted
from maisky_desktop.core.records import Anchor
from maisky_desktop.core.text import PASSAGE_PLACEHOLDER, anchor_name, event_citations, event_html
from maisky_desktop.ui.text_font import use_source_font

if TYPE_CHECKING:  # the type only: widgets get the services handed in, they never open a store
    from maisky_desktop.store.services import Services


class PassagePane(QtWidgets.QTextBrowser):
    """Shows an event's anchors; links route intent out through signals."""

    person_activated = QtCore.Signal(str)
    open_in_document = QtCore.Signal(str, int, int)  # passage id, span start, span end
    message = QtCore.Signal(str)

    def __init__(self, services: Services, parent: QtWidgets.QWidget | None = None):
        super().__init__(parent)
        self.services = services
        self.setOpenLinks(False)
        use_source_font(self)
        self.setMinimumWidth(320)
        self.anchorClicked.connect(self._on_link)
        self.event_id: str | None = None
        self.offer_copy = True  # the Copy citation links (a kiosk switches them off)
        self.citations: list[str] = []
        self._anchors: list[Anchor] = []
        self.setHtml(PASSAGE_PLACEHOLDER)

    def clear_event(self) -> None:
        self.event_id, self.citations, self._anchors = None, [], []
        self.setHtml(PASSAGE_PLACEHOLDER)

    def show_event(self, event_id: str) -> None:
        detail = self.services.event_detail(event_id)
        if detail is None:
            return
        self.event_id = event_id
        self._anchors = [a.anchor for a in detail.anchors]
        self.citations = event_citations(detail)
        self.setHtml(event_html(detail, copy_links=self.offer_copy))

    def copy_citation(self, index: int = 0) -> str:
        """Put an anchor's citation (with its quoted words) on the clipboard; returns it."""
        if not 0 <= index < len(self.citations):
            return ""
        text = quoted(self._anchors[index].quote, self.citations[index])
        QtGui.QGuiApplication.clipboard().setText(text)
        self.message.emit("Citation copied")
        return text

    def open_first(self) -> None:
        """Open the first anchor's passage in the reader (the Open in document command)."""
        if self._anchors:
            a = self._anchors[0]
            self.open_in_document.emit(a.passage_id, a.char_start, a.char_end)

    def _on_link(self, url: QtCore.QUrl) -> None:
        kind, _, value = url.toString().partition(":")
        if kind == "person":
            self.person_activated.emit(value)
        elif kind == "note":
            self.scrollToAnchor(anchor_name(value))
        elif kind == "open" and value.isdigit() and int(value) < len(self._anchors):
            a = self._anchors[int(value)]
            self.open_in_document.emit(a.passage_id, a.char_start, a.char_end)
        elif kind == "copy" and value.isdigit() and self.offer_copy:
            self.copy_citation(int(value))
