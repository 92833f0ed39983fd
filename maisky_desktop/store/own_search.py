"""The researcher's own events and documents found by a parsed query, over any connection to the user database.

Why a connection and not ``UserData``: the main search box searches off the UI thread, and
that thread reads the user database through a read-only connection of its own (``own_reader.OwnReader``)
beside its connection to the shipped store; the notes dock searches on the UI thread through
``UserData.db``. Both call these functions, with the same parsed ``Query`` (folding,
spellings, word forms, the half-typed last word), so "yours" is found with the same
tolerance as the store.

A filter narrows own events as it narrows the timeline's own lane: by years and by the source
they quote; a lane or person filter keeps them only when it is the own lane (they name no
catalog person). Passages of own documents have no date, lane or people: any filter other
than one on that very document leaves them out, as it leaves out the store's unanchored passages.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Mapping

from maisky_desktop.core.dates import DateError, in_words
from maisky_desktop.core.filters import Filter
from maisky_desktop.core.own_events import OWN_LANE
from maisky_desktop.core.search import MARK_CLOSE, MARK_OPEN, OWN_KINDS, Hit, Query, Snippet, words

SNIPPET_CHARS = 180
PAGE = 10


def search(
    conn: sqlite3.Connection, query: Query, f: Filter | None = None, limits: Mapping[str, int] | None = None
) -> tuple[dict[str, list[Hit]], dict[str, bool]]:
    """Own events and own document passages matching ``query``, best first (bm25): (hits, more) by kind."""
    hits: dict[str, list[Hit]] = {kind: [] for kind in OWN_KINDS}
    more: dict[str, bool] = {kind: False for kind in OWN_KINDS}
    if query.empty:
        return hits, more
    f = f or Filter()
    for kind in OWN_KINDS:
        page = (limits or {}).get(kind, PAGE)
        found = own_events(conn, query, f, page + 1) if kind == "own event" else own_passages(conn, query, f, page + 1)
        hits[kind], more[kind] = found[:page], len(found) > page
    return hits, more


def own_events(conn: sqlite3.Connection, query: Query, f: Filter, limit: int) -> list[Hit]:
    """Own events whose title, note, quote or people match; dated in words like the store's events."""
    where, args = _event_filter(f)
    if where is None:
        return []
    marks = ", ".join(f"highlight(own_events_fts, {c}, ?, ?)" for c in range(4))
    rows = conn.execute(
        f"SELECT t.id, t.title, t.date, {marks} FROM own_events_fts "
        "JOIN own_events t ON t.rowid = own_events_fts.rowid "
        f"WHERE own_events_fts MATCH ?{where} ORDER BY bm25(own_events_fts, 3.0, 1.0, 1.0, 2.0), t.day_from LIMIT ?",
        [*([MARK_OPEN, MARK_CLOSE] * 4), query.fts(), *args, limit],
    ).fetchall()
    return [
        Hit("own event", r[0], r[1], _words(r[2]), _snippet(r[3:]), float(-i), edtf=r[2]) for i, r in enumerate(rows)
    ]


def own_passages(conn: sqlite3.Connection, query: Query, f: Filter, limit: int) -> list[Hit]:
    """Documents whose title the query names (their first passage), then passages whose text matches."""
    if f.active and f != Filter(source=f.source):
        return []
    only = f.source
    hits: list[Hit] = []
    for doc_id, title, first_id, first_text in conn.execute(
        "SELECT d.id, d.title, p.id, p.text FROM documents d JOIN doc_passages p ON p.document_id = d.id "
        "AND p.seq = (SELECT min(seq) FROM doc_passages WHERE document_id = d.id) ORDER BY d.title COLLATE NOCASE"
    ):
        if (only is None or only == doc_id) and query.accepts(words(title)):
            hits.append(Hit("own passage", first_id, title, "your document", Snippet(first_text, ()).around(), 0.0))
    if len(hits) >= limit:
        return hits[:limit]
    seen = {h.id for h in hits}
    rows = conn.execute(
        "SELECT p.id, d.title, p.para_no, highlight(doc_passages_fts, 0, ?, ?) FROM doc_passages_fts "
        "JOIN doc_passages p ON p.rowid = doc_passages_fts.rowid JOIN documents d ON d.id = p.document_id "
        "WHERE doc_passages_fts MATCH ? AND (? IS NULL OR p.document_id = ?) ORDER BY bm25(doc_passages_fts) LIMIT ?",
        [MARK_OPEN, MARK_CLOSE, query.fts(), only, only, limit],
    ).fetchall()
    for pid, title, para_no, marked in rows:
        if pid not in seen:
            where = f", ¶ {para_no}" if para_no else ""
            hits.append(Hit("own passage", pid, f"{title}{where}", "your document", _snippet([marked]), 0.0))
    return hits[:limit]


def marks_in_document(conn: sqlite3.Connection, document_id: str, query: Query) -> list[tuple[int, int]]:
    """Where ``query`` matches in an own document, as [start, end) file offsets, for the reader to highlight.

    FTS5's ``highlight()`` marks the matched tokens in the stored passage text, which is the
    exact file slice at ``char_start`` (``core.own_documents``); so a mark's place in that text
    plus ``char_start`` is a file offset. Nothing is counted in a folded copy, whose lengths can
    differ (``ß`` folds to ``ss``), so no offset can slip onto the wrong characters."""
    if query.empty:
        return []
    rows = conn.execute(
        "SELECT p.char_start, highlight(doc_passages_fts, 0, ?, ?) FROM doc_passages_fts "
        "JOIN doc_passages p ON p.rowid = doc_passages_fts.rowid "
        "WHERE doc_passages_fts MATCH ? AND p.document_id = ?",
        [MARK_OPEN, MARK_CLOSE, query.fts(), document_id],
    ).fetchall()
    return sorted((start + a, start + b) for start, marked in rows for a, b in Snippet.from_marked(marked or "").spans)


def _event_filter(f: Filter) -> tuple[str | None, list[object]]:
    """SQL narrowing own events as the filter narrows the own lane (None: the filter leaves none)."""
    if f.person is not None or f.lane not in (None, OWN_LANE):
        return None, []
    where = ""
    args: list[object] = []
    first, last = f.days()
    if first is not None:
        where += " AND t.day_to >= ?"
        args.append(first)
    if last is not None:
        where += " AND t.day_from <= ?"
        args.append(last)
    if f.source is not None:
        where += " AND t.source_id = ?"
        args.append(f.source)
    return where, args


def _snippet(marked_columns) -> Snippet:
    """From the first column with a match (the title, else the note, quote or people)."""
    marked = next((m for m in marked_columns if m and MARK_OPEN in m), marked_columns[0] or "")
    return Snippet.from_marked(marked).around(SNIPPET_CHARS)


def _words(edtf: str) -> str:
    try:
        return in_words(edtf)
    except DateError:
        return edtf
