"""The document reader: a whole source, scrolled to a passage with the quoted span (or the searched words) highlighted.

Each passage is one block of the document, in reading order, so a block number is a passage
index: that is how the reader scrolls to a passage and how it lists the events anchored in
the part on screen (document -> timeline). Footnote markers jump to their note; each note
ends with a link back to the paragraph that cites it.
"""

from __future__ import annotations

import html
from typing import TYPE_CHECKING

from PySide6 import QtCore, QtWidgets

from maisky_desktop.core.markup import Marker, Piece, paragraph_html
from maisky_desktop.core.records import DocumentView, Passage
from maisky_desktop.ui.text_font import use_source_font

if TYPE_CHECKING:  # the type only: widgets get the services handed in, they never open a store
    from maisky_desktop.core.search import Query
    from maisky_desktop.store.services import Services

_TAGS = {"heading": "h3", "caption": "p", "footnote": "p", "reference": "p", "body": "p"}
_STYLE = {"caption": "color:#555; font-style:italic", "footnote": "font-size:small", "reference": "font-size:small"}


class DocumentReader(QtWidgets.QWidget):
    """A source document with a list of the events anchored in what is on screen."""

    event_activated = QtCore.Signal(str)

    def __init__(self, services: Services, parent: QtWidgets.QWidget | None = None) -> None:
        super().__init__(parent)
        self.services = services
        self.source_id: str | None = None
        self.passages: list[Passage] = []
        self._index: dict[str, int] = {}
        self._anchors: dict[str, list[tuple[str, str]]] = {}
        self.title = QtWidgets.QLabel("Open a passage in its document from the passage pane or a search.")
        self.title.setWordWrap(True)
        self.text = QtWidgets.QTextBrowser()
        self.text.setOpenLinks(False)
        use_source_font(self.text)
        self.text.anchorClicked.connect(self._on_link)
        self.in_view = QtWidgets.QListWidget()
        self.in_view.setMaximumHeight(130)
        self.in_view.itemActivated.connect(self._on_item)
        self.in_view.itemClicked.connect(self._on_item)
        self._settle = QtCore.QTimer(self, singleShot=True, interval=80)
        self._settle.timeout.connect(self._update_in_view)
        self.text.verticalScrollBar().valueChanged.connect(lambda _v: self._settle.start())
        box = QtWidgets.QVBoxLayout(self)
        box.setContentsMargins(4, 4, 4, 4)
        box.addWidget(self.title)
        box.addWidget(self.text, 1)
        box.addWidget(QtWidgets.QLabel("Events anchored in this part of the document:"))
        box.addWidget(self.in_view)

    def clear(self) -> None:
        """Show no document (its passage was filtered away): nothing stale stays on screen."""
        self.source_id, self.passages, self._index, self._anchors = None, [], {}, {}
        self.title.setText("Open a passage in its document from the passage pane or a search.")
        self.text.clear()
        self.in_view.clear()

    def open(self, passage_id: str, span: tuple[int, int] | None = None, searched: Query | None = None) -> bool:
        """Show the passage's whole source, scrolled to it, the span (file offsets) highlighted.

        ``searched``: the search a hit was chosen from; the words it matched in the document are
        highlighted too (``Services.searched_words``: the user's own documents), as the results
        pane marks them in the snippet, so the reader shows why the passage was found."""
        passage = self.services.passage(passage_id)
        doc = self.services.document(passage.source_id) if passage else None
        if doc is None:
            return False
        marks = self.services.searched_words(doc.source.id, searched) if searched is not None else []
        self._load(doc, [span, *marks] if span else marks)
        self.scroll_to(passage_id)
        return True

    def _load(self, doc: DocumentView, highlights: list[tuple[int, int]]) -> None:
        source = doc.source
        self.source_id = source.id
        self.title.setText(
            f"<b>{html.escape(source.title or source.id)}</b> — "
            f"{html.escape(', '.join(v for v in (source.author, source.outlet) if v))}"
        )
        self.passages = list(doc.passages)
        self._index = {p.id: i for i, p in enumerate(self.passages)}
        refs: dict[str, list[Marker]] = {}
        cited_by: dict[str, str] = {}
        for r in doc.refs:
            refs.setdefault(r.passage_id, []).append(Marker(r.char_start, r.char_end, r.label, f"note:{r.note_id}"))
            cited_by.setdefault(r.note_id, r.passage_id)
        self._anchors = {}
        for a in doc.anchored:
            self._anchors.setdefault(a.passage_id, []).append((a.event_id, a.title))
        blocks = []
        for p in self.passages:
            mine = [h for h in highlights if p.char_start <= h[0] < p.char_end]
            body = paragraph_html([Piece(p.char_start, p.text)], mine, refs.get(p.id, ()))
            if p.id in cited_by:
                body += f" <a href='back:{html.escape(cited_by[p.id])}'>↩</a>"
            tag = _TAGS.get(p.kind, "p")
            # pre-wrap: a tab, a thin space or two spaces in the source are shown as they are, not collapsed
            blocks.append(f"<{tag} style='white-space:pre-wrap; {_STYLE.get(p.kind, '')}'>{body}</{tag}>")
        self.text.setHtml("".join(blocks))

    def block_of(self, passage_id: str) -> int | None:
        return self._index.get(passage_id)

    def scroll_to(self, passage_id: str) -> None:
        """Bring a passage to the upper third of the view."""
        i = self._index.get(passage_id)
        if i is None:
            return
        doc = self.text.document()
        doc.setTextWidth(self.text.viewport().width())  # lay out now, even while the tab is hidden
        block = doc.findBlockByNumber(i)
        top = doc.documentLayout().blockBoundingRect(block).top()
        self.text.verticalScrollBar().setValue(int(top) - self.text.viewport().height() // 4)
        self._update_in_view()

    def visible_passages(self) -> list[Passage]:
        """The passages at least partly on screen."""
        if not self.passages:
            return []
        view = self.text.viewport()
        first = self.text.cursorForPosition(QtCore.QPoint(0, 0)).blockNumber()
        last = self.text.cursorForPosition(QtCore.QPoint(view.width() - 1, view.height() - 1)).blockNumber()
        return self.passages[max(first, 0) : min(last, len(self.passages) - 1) + 1]

    def events_in_view(self) -> list[tuple[str, str]]:
        """(event id, title) of the events anchored in the visible passages, in reading order, once each."""
        seen: dict[str, str] = {}
        for p in self.visible_passages():
            for event_id, title in self._anchors.get(p.id, []):
                seen.setdefault(event_id, title)
        return list(seen.items())

    def _update_in_view(self) -> None:
        self.in_view.clear()
        for event_id, title in self.events_in_view():
            item = QtWidgets.QListWidgetItem(title)
            item.setData(QtCore.Qt.ItemDataRole.UserRole, event_id)
            self.in_view.addItem(item)

    def _on_item(self, item: QtWidgets.QListWidgetItem) -> None:
        self.event_activated.emit(item.data(QtCore.Qt.ItemDataRole.UserRole))

    def _on_link(self, url: QtCore.QUrl) -> None:
        kind, _, value = url.toString().partition(":")
        if kind in ("note", "back"):
            self.scroll_to(value)
