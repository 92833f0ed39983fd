"""Own events and own documents in the user database, and search over everything the user wrote.

Each function is one user action and one transaction (``UserData.action``): saving an
event, importing a whole CSV (all rows or none), importing a document with its passages.
Search uses the same query parser as the shipped store (``core.search.parse``: folding,
spellings, word forms, safe FTS5), over the user database's own FTS5 tables.
"""

from __future__ import annotations

import secrets
from collections.abc import Callable
from datetime import UTC, datetime

from maisky_desktop.core.dates import in_words
from maisky_desktop.core.own_documents import OwnDocument
from maisky_desktop.core.own_events import OWN_ID_PREFIX, EventDraft
from maisky_desktop.core.record import record
from maisky_desktop.core.search import MARK_CLOSE, MARK_OPEN, OWN_KINDS, Hit, Snippet, Spellings, parse
from maisky_desktop.store import own_search
from maisky_desktop.store.userdata import UserData

IMPORT_BATCH = 500


def _now() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")


@record
class OwnEvent:
    id: str
    title: str
    date: str
    date_text: str
    precision: str
    day_from: int
    day_to: int
    people: str
    source_id: str | None
    passage_id: str | None
    char_start: int | None
    char_end: int | None
    quote: str | None
    note: str
    created: str
    updated: str

    @property
    def date_words(self) -> str:
        return in_words(self.date)

    @property
    def people_list(self) -> list[str]:
        return [p for p in (self.people or "").split("; ") if p]


_EVENT_COLS = tuple(OwnEvent.__dataclass_fields__)


def _event_row(draft: EventDraft) -> dict:
    a = draft.anchor
    return {
        "title": draft.title,
        "date": draft.date,
        "date_text": draft.date_text,
        "precision": draft.precision,
        "day_from": draft.day_from,
        "day_to": draft.day_to,
        "people": "; ".join(draft.people),
        "source_id": draft.source_id,
        "passage_id": a.passage_id if a else None,
        "char_start": a.char_start if a else None,
        "char_end": a.char_end if a else None,
        "quote": a.quote if a else None,
        "note": draft.note,
    }


def new_event_id() -> str:
    return OWN_ID_PREFIX + secrets.token_hex(5)


def save_event(user: UserData, draft: EventDraft, event_id: str | None = None) -> OwnEvent:
    """Add an own event, or replace the fields of an existing one (``event_id``)."""
    stamp = _now()
    row = _event_row(draft)
    with user.action() as db:
        if event_id is None:
            event_id = new_event_id()
            db.table("own_events").insert({"id": event_id, **row, "created": stamp, "updated": stamp})
        else:
            db.table("own_events").update(event_id, {**row, "updated": stamp})
    found = own_event(user, event_id)
    assert found is not None
    return found


def delete_event(user: UserData, event_id: str) -> None:
    with user.action() as db:
        db.execute("DELETE FROM own_events WHERE id = ?", [event_id])
        db.execute("DELETE FROM notes WHERE target_kind = 'event' AND target_id = ?", [event_id])


def import_events(
    user: UserData, drafts: list[EventDraft], progress: Callable[[int, int], None] | None = None
) -> list[str]:
    """All drafts in one transaction (a failure leaves none of them); the new ids in order."""
    stamp = _now()
    ids = [new_event_id() for _ in drafts]
    with user.action() as db:
        table = db.table("own_events")
        for start in range(0, len(drafts), IMPORT_BATCH):
            chunk = drafts[start : start + IMPORT_BATCH]
            table.insert_all(
                {"id": i, **_event_row(d), "created": stamp, "updated": stamp}
                for i, d in zip(ids[start : start + IMPORT_BATCH], chunk)
            )
            if progress:
                progress(start + len(chunk), len(drafts))
    return ids


def own_event(user: UserData, event_id: str) -> OwnEvent | None:
    row = user.db.execute(f"SELECT {', '.join(_EVENT_COLS)} FROM own_events WHERE id = ?", [event_id]).fetchone()
    return OwnEvent(*row) if row else None


def own_events(user: UserData, first_day: int | None = None, last_day: int | None = None) -> list[OwnEvent]:
    """Own events in time order, optionally those overlapping [first_day, last_day]."""
    where, args = [], []
    if first_day is not None:
        where.append("day_to >= ?")
        args.append(first_day)
    if last_day is not None:
        where.append("day_from <= ?")
        args.append(last_day)
    sql = f"SELECT {', '.join(_EVENT_COLS)} FROM own_events"
    if where:
        sql += " WHERE " + " AND ".join(where)
    return [OwnEvent(*r) for r in user.db.execute(sql + " ORDER BY day_from, id", args)]


# -- own documents ---------------------------------------------------------------------------


def save_document(user: UserData, doc: OwnDocument) -> str:
    """Store a document and its passages in one transaction; importing the same file again is a no-op."""
    if user.db["documents"].count_where("id = ?", [doc.id]):
        return doc.id
    with user.action() as db:
        db.table("documents").insert(
            {
                "id": doc.id,
                "title": doc.title,
                "file_name": doc.file_name,
                "sha256": doc.sha256,
                "text": doc.document.text,
                "imported": _now(),
            }
        )
        db.table("doc_passages").insert_all(
            {
                "id": p.id,
                "document_id": doc.id,
                "seq": p.seq,
                "kind": p.kind,
                "char_start": p.char_start,
                "char_end": p.char_end,
                "text": p.text,
                "para_id": p.para_id,
                "piece": p.piece,
                "para_no": p.para_no,
            }
            for p in doc.document.passages
        )
    return doc.id


def documents(user: UserData) -> list[tuple[str, str, str]]:
    """(id, title, file name) of the own documents, by title."""
    return user.db.execute("SELECT id, title, file_name FROM documents ORDER BY title COLLATE NOCASE").fetchall()


def document_text(user: UserData, doc_id: str) -> str | None:
    row = user.db.execute("SELECT text FROM documents WHERE id = ?", [doc_id]).fetchone()
    return row[0] if row else None


def document_passages(user: UserData, doc_id: str) -> list[tuple[str, int, int, str, int | None]]:
    """(id, char_start, char_end, text, para_no) of a document's passages in reading order."""
    return user.db.execute(
        "SELECT id, char_start, char_end, text, para_no FROM doc_passages WHERE document_id = ? ORDER BY seq",
        [doc_id],
    ).fetchall()


# -- search over the user's own things ------------------------------------------------------


def search(user: UserData, text: str, spellings: Spellings | None = None, limit: int = 20) -> dict[str, list[Hit]]:
    """Notes, own events and own document passages matching ``text``, best first (bm25).

    Own events and passages come from ``own_search``, as in the main search box."""
    query = parse(text, spellings)
    if query.empty:
        return {kind: [] for kind in ("note", *OWN_KINDS)}
    rows = user.db.execute(
        "SELECT t.id, coalesce(nullif(substr(t.body, 1, 80), ''), t.quote), highlight(notes_fts, 0, ?, ?), "
        "bm25(notes_fts) FROM notes_fts JOIN notes t ON t.rowid = notes_fts.rowid WHERE notes_fts MATCH ? "
        "ORDER BY bm25(notes_fts) LIMIT ?",
        [MARK_OPEN, MARK_CLOSE, query.fts(), limit],
    ).fetchall()
    notes = [Hit("note", str(r[0]), r[1] or "", "", Snippet.from_marked(r[2] or "").around(180), -r[3]) for r in rows]
    own, _more = own_search.search(user.db.conn, query, limits={kind: limit for kind in OWN_KINDS})
    return {"note": notes, **own}


def notes_matching(user: UserData, text: str, spellings: Spellings | None = None) -> list[int]:
    """Ids of notes whose body or quote matches, for the notes panel's search box."""
    return [int(h.id) for h in search(user, text, spellings, limit=1000)["note"]]
