"""The researcher's own events and documents found by a parsed query, over any connection to the user database.

Why a connection and not ``UserData``: the main search box searches off the UI thread, and
that thread reads the user database through a read-only connection of its own (``own_reader.OwnReader``)
beside its connection to the shipped store; the notes dock searches on the UI thread through
``UserData.db``. Both call these functions, with the same parsed ``Query`` (folding,
spellings, word forms, the half-typed last word), so "yours" is found with the same
tolerance as the store.

Own events are ranked exactly while few match and from a bounded sample when many do
(``own_events``), passages of own documents among their first 2,000 matches (``own_passages``), so
a search costs the same at 40,000 own events as at 10,000, and at 100,000 paragraphs of the
researcher's documents as at 2,000.

A filter narrows own events as it narrows the timeline's own lane: by years and by the source
they quote; a lane or person filter keeps them only when it is the own lane (they name no
catalog person). Passages of own documents have no date, lane or people: any filter other
than one on that very document leaves them out, as it leaves out the store's unanchored passages.
"""

from __future__ import annotations

import functools
import sqlite3
from collections.abc import Mapping

from maisky_desktop.core.dates import DateError, in_words
from maisky_desktop.core.filters import Filter
from maisky_desktop.core.own_events import OWN_LANE
from maisky_desktop.core.search import MARK_CLOSE, MARK_OPEN, OWN_KINDS, Hit, Query, Snippet, bm25_term, words
from maisky_desktop.store.search import fold_word, marked_words

SNIPPET_CHARS = 180
PAGE = 10
RANK_POOL = 100  # own events ranked when more match (``own_events``)
PASSAGE_POOL = 2000  # passages of own documents ranked when more match (``own_passages``)
_NO_CUT = 2**63 - 1  # the largest rowid: every match ranked
OWN_DF_CAP = 10 * RANK_POOL  # a word's document count is counted up to this: a common word's weight, bounded
_WEIGHTS = (3.0, 1.0, 1.0, 2.0)  # title, note, quote, people: as bm25() is given them
_BM25_WEIGHTS = ", ".join(map(str, _WEIGHTS))
_MARKS = ", ".join(f"highlight(own_events_fts, {c}, ?, ?)" for c in range(4))
_MARK_ARGS = [MARK_OPEN, MARK_CLOSE] * 4


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
    """Own events whose title, note, quote or people match, best first; dated in words like the store's events.

    While at most ``RANK_POOL`` (or ``limit``) events match, FTS5's bm25 ranks every one (title 3,
    note 1, quote 1, people 2). Beyond that, bm25 over every match cost time in proportion to the
    researcher's data (it counts and scores every match before the sort: +5 to +22 ms a search at
    10,000 own events, +24 to +56 ms at 40,000, ``tests/benchmarks/search_yours.py``), so the
    ranking is bounded as the store's search is (``store.search``): a sample of ``RANK_POOL``
    matches, scored by the same BM25 in Python from ``highlight()`` with a capped document count
    (``_sampled``).
    """
    where, args = _event_filter(f)
    if where is None:
        return []
    pool = max(RANK_POOL, limit)
    exact = query.exact()
    if _matching(conn, exact.fts(), where, args, pool + 1) <= pool and (
        exact == query or _matching(conn, query.fts(), where, args, pool + 1) <= pool
    ):
        rows = _ranked(conn, query.fts(), where, args, limit)
    else:
        rows = _sampled(conn, query, where, args, pool)[:limit]
    return [
        Hit("own event", r[0], r[1], _words(r[2]), _snippet(r[3:]), float(-i), edtf=r[2]) for i, r in enumerate(rows)
    ]


def _matching(conn: sqlite3.Connection, match: str, where: str, args: list[object], cap: int) -> int:
    """How many own events match and pass the filter, counted up to ``cap`` (nothing ranked or marked)."""
    return conn.execute(
        "SELECT count(*) FROM (SELECT 1 FROM own_events_fts JOIN own_events t ON t.rowid = own_events_fts.rowid "
        f"WHERE own_events_fts MATCH ?{where} LIMIT ?)",
        [match, *args, cap],
    ).fetchone()[0]


def _ranked(conn: sqlite3.Connection, match: str, where: str, args: list[object], limit: int) -> list[tuple]:
    """(id, title, date, the four columns marked) of the best ``limit`` matches by FTS5's bm25, every match scored."""
    return conn.execute(
        f"SELECT t.id, t.title, t.date, {_MARKS} FROM own_events_fts "
        "JOIN own_events t ON t.rowid = own_events_fts.rowid "
        f"WHERE own_events_fts MATCH ?{where} ORDER BY bm25(own_events_fts, {_BM25_WEIGHTS}), t.day_from LIMIT ?",
        [*_MARK_ARGS, match, *args, limit],
    ).fetchall()


def _sampled(conn: sqlite3.Connection, query: Query, where: str, args: list[object], pool: int) -> list[tuple]:
    """Up to ``pool`` matches, best first: the first found that the query names in their title or people, then others.

    Why in two tiers: FTS5 finds matches in the order they were added, so a sample of the first
    ``pool`` alone would leave out an event the query names in its title, added after a thousand
    whose notes mention it; the first tier finds it at the cost of a column filter, not of a
    ranking. Each tier reads the words as typed first (``Query.exact``): a half-typed last word
    makes FTS5 merge the document lists of every word it may complete to, so it is read only
    when the words as typed do not fill the sample. The tiers are ranked in turn, each by BM25
    over the columns the tier matched (the first tier's title and people), so it stays on top.
    """
    sql = (
        f"SELECT t.id, t.title, t.date, {_MARKS}, t.day_from FROM own_events_fts "
        f"JOIN own_events t ON t.rowid = own_events_fts.rowid WHERE own_events_fts MATCH ?{where} LIMIT ?"
    )
    tiers: list[dict[str, tuple]] = [{}, {}]
    for tier, column in enumerate(("{title people} : ", "")):
        for q in dict.fromkeys((query.exact(), query)):
            taken = sum(map(len, tiers))
            if taken < pool:
                for row in conn.execute(sql, [*_MARK_ARGS, f"{column}({q.fts()})", *args, pool - taken]):
                    if all(row[0] not in t for t in tiers):
                        tiers[tier][row[0]] = row
    n_docs = conn.execute("SELECT max(rowid) FROM own_events").fetchone()[0] or 1
    avg_len = sum(len(m or "") for t in tiers for row in t.values() for m in row[3:7]) / max(sum(map(len, tiers)), 1)
    dfs = [
        conn.execute(
            f"SELECT count(*) FROM (SELECT 1 FROM own_events_fts WHERE own_events_fts MATCH ? LIMIT {OWN_DF_CAP})",
            [g.fts(exact_only=True)],
        ).fetchone()[0]
        for g in query.groups
    ]
    group_of = functools.cache(query.group_of)

    def score(row: tuple) -> float:
        tf = [0.0] * len(query.groups)
        length = 0
        for weight, marked in zip(_WEIGHTS, row[3:7]):
            length += len(marked or "")
            for word in marked_words(marked or ""):
                g = group_of(fold_word(word))
                if g is not None:
                    tf[g] += weight
        return sum(bm25_term(t, length, avg_len, max(d, 1), n_docs) for t, d in zip(tf, dfs))

    return [row[:7] for t in tiers for row in sorted(t.values(), key=lambda row: (-score(row), row[7]))]


def own_passages(conn: sqlite3.Connection, query: Query, f: Filter, limit: int) -> list[Hit]:
    """Documents whose title the query names (their first passage), then passages whose text matches.

    Passages are ranked by FTS5's bm25 (with the statistics of all your documents), every match
    while at most ``PASSAGE_POOL`` match, else the first ``PASSAGE_POOL`` in document order: a
    rowid cut-off FTS5 applies as it reads. Every match ranked cost 300-400 ms a keystroke for a
    word in each of 100,000 paragraphs (``tests/benchmarks/search_yours.py --paragraphs``), and
    listing the documents' first passages scanned every paragraph (110 ms); that list now reads
    one row a document.
    """
    if f.active and f != Filter(source=f.source):
        return []
    only = f.source
    hits: list[Hit] = []
    for doc_id, title in conn.execute("SELECT id, title FROM documents ORDER BY title COLLATE NOCASE").fetchall():
        if (only is None or only == doc_id) and query.accepts(words(title)):
            first = conn.execute(
                "SELECT id, text FROM doc_passages WHERE document_id = ? ORDER BY seq LIMIT 1", [doc_id]
            ).fetchone()
            if first is not None:
                hits.append(Hit("own passage", first[0], title, "your document", Snippet(first[1], ()).around(), 0.0))
    if len(hits) >= limit:
        return hits[:limit]
    seen = {h.id for h in hits}
    matches = (
        "FROM doc_passages_fts JOIN doc_passages p ON p.rowid = doc_passages_fts.rowid "
        "JOIN documents d ON d.id = p.document_id WHERE doc_passages_fts MATCH ? AND (? IS NULL OR p.document_id = ?)"
    )
    pool = max(PASSAGE_POOL, limit)

    def last_of_pool(q: Query) -> int | None:
        """The rowid of the pool's last match in document order; None while fewer match."""
        row = conn.execute(
            f"SELECT doc_passages_fts.rowid {matches} ORDER BY doc_passages_fts.rowid LIMIT 1 OFFSET ?",
            [q.fts(), only, only, pool - 1],
        ).fetchone()
        return None if row is None else row[0]

    # The words as typed first: a half-typed last word merges the lists of every word it may complete to.
    exact = query.exact()
    ranked, cut = exact, last_of_pool(exact)
    if cut is None:  # the words as typed do not fill the pool: their completions join them
        ranked, cut = query, (None if exact == query else last_of_pool(query))
    rows = conn.execute(
        f"SELECT p.id, d.title, p.para_no, highlight(doc_passages_fts, 0, ?, ?) {matches} "
        "AND doc_passages_fts.rowid <= ? ORDER BY bm25(doc_passages_fts) LIMIT ?",
        [MARK_OPEN, MARK_CLOSE, ranked.fts(), only, only, _NO_CUT if cut is None else cut, limit],
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
