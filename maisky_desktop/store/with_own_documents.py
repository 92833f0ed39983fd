"""The shipped store's services seen together with the user's own documents, for the document reader.

Read-only on both sides. The reader asks for a passage, a source and a whole document
(``Services.passage``, ``source``, ``document``, and where a search matched in it,
``searched_words``); for an own document the answers come from the user database (own events
anchored in it count as its anchors). Everything else is the shipped store's.
"""

from __future__ import annotations

from maisky_desktop.core.own_documents import DOC_ID_PREFIX
from maisky_desktop.core.records import Anchored, DocumentView, Passage, Source
from maisky_desktop.core.search import Query
from maisky_desktop.store import own_records, own_search
from maisky_desktop.store.services import Services
from maisky_desktop.store.userdata import UserData


class WithOwnDocuments(Services):
    """``Services`` with the user's documents added; anything not about documents is the services' own.

    A subclass over the same store (not a wrapper forwarding by name), so the reader's ``services``
    keeps one type and every query that is not about documents is typed and inherited."""

    def __init__(self, services: Services, user: UserData) -> None:
        super().__init__(services.store)
        self._user = user

    def _row(self, doc_id: str, r: tuple) -> Passage:
        pid, seq, kind, a, b, text, para_id, piece, para_no = r
        return Passage(pid, doc_id, seq, kind, a, b, text, para_id, piece, None, para_no)

    def passage(self, passage_id: str) -> Passage | None:
        if not passage_id.startswith(DOC_ID_PREFIX):
            return super().passage(passage_id)
        r = self._user.db.execute(
            "SELECT document_id, id, seq, kind, char_start, char_end, text, para_id, piece, para_no "
            "FROM doc_passages WHERE id = ?",
            [passage_id],
        ).fetchone()
        return self._row(r[0], r[1:]) if r else None

    def source(self, source_id: str) -> Source | None:
        if not source_id.startswith(DOC_ID_PREFIX):
            return super().source(source_id)
        for did, title, file_name in own_records.documents(self._user):
            if did == source_id:
                return Source(did, file_name, "", title, outlet=f"your document {file_name}")
        return None

    def searched_words(self, source_id: str, query: Query) -> list[tuple[int, int]]:
        if not source_id.startswith(DOC_ID_PREFIX):
            return super().searched_words(source_id, query)
        return own_search.marks_in_document(self._user.db.conn, source_id, query)

    def document(self, source_id: str) -> DocumentView | None:
        own = tuple(
            Anchored(e.passage_id, e.id, e.title)
            for e in sorted(own_records.own_events(self._user), key=lambda e: e.char_start or 0)
            if e.source_id == source_id and e.passage_id
        )
        if not source_id.startswith(DOC_ID_PREFIX):
            shipped = super().document(source_id)
            if shipped is None or not own:
                return shipped
            return DocumentView(shipped.source, shipped.passages, shipped.refs, shipped.anchored + own)
        source = self.source(source_id)
        if source is None:
            return None
        rows = self._user.db.execute(
            "SELECT id, seq, kind, char_start, char_end, text, para_id, piece, para_no FROM doc_passages "
            "WHERE document_id = ? ORDER BY seq",
            [source_id],
        )
        return DocumentView(source, tuple(self._row(source_id, r) for r in rows), (), own)
