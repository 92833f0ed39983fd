"""The shipped store seen together with the user's own documents, for the document reader.

Read-only on both sides. The reader asks five questions (a passage, a source, a source's
passages, its footnote markers, its anchors); for an own document the answers come from
the user database (own events anchored in it count as its anchors). Everything else is
the shipped store's.
"""

from __future__ import annotations

from maisky_desktop.core.own_documents import DOC_ID_PREFIX
from maisky_desktop.store import own_records
from maisky_desktop.store.reader import PassageRow, Store
from maisky_desktop.store.userdata import UserData


class WithOwnDocuments:
    def __init__(self, store: Store, user: UserData):
        self._store, self._user = store, user

    def __getattr__(self, name: str):
        return getattr(self._store, name)

    def _row(self, doc_id: str, r: tuple) -> PassageRow:
        pid, seq, kind, a, b, text, para_id, piece, para_no = r
        return PassageRow(pid, doc_id, seq, kind, a, b, text, para_id, piece, None, para_no)

    def passage(self, passage_id: str) -> PassageRow | None:
        if not passage_id.startswith(DOC_ID_PREFIX):
            return self._store.passage(passage_id)
        r = self._user.db.execute(
            "SELECT document_id, id, seq, kind, char_start, char_end, text, para_id, piece, para_no "
            "FROM doc_passages WHERE id = ?",
            [passage_id],
        ).fetchone()
        return self._row(r[0], r[1:]) if r else None

    def source(self, source_id: str) -> dict | None:
        if not source_id.startswith(DOC_ID_PREFIX):
            return self._store.source(source_id)
        for did, title, file_name in own_records.documents(self._user):
            if did == source_id:
                return {"id": did, "title": title, "author": None, "outlet": f"your document {file_name}"}
        return None

    def source_passages(self, source_id: str) -> list[PassageRow]:
        if not source_id.startswith(DOC_ID_PREFIX):
            return self._store.source_passages(source_id)
        rows = self._user.db.execute(
            "SELECT id, seq, kind, char_start, char_end, text, para_id, piece, para_no FROM doc_passages "
            "WHERE document_id = ? ORDER BY seq",
            [source_id],
        )
        return [self._row(source_id, r) for r in rows]

    def source_footnote_refs(self, source_id: str) -> list:
        return [] if source_id.startswith(DOC_ID_PREFIX) else self._store.source_footnote_refs(source_id)

    def source_anchors(self, source_id: str) -> list[tuple[str, str, str, int, int]]:
        shipped = [] if source_id.startswith(DOC_ID_PREFIX) else self._store.source_anchors(source_id)
        own = [
            (e.passage_id, e.id, e.title, e.char_start, e.char_end)
            for e in own_records.own_events(self._user)
            if e.source_id == source_id and e.passage_id
        ]
        return sorted(shipped + own, key=lambda r: r[3])
