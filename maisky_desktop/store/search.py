"""Search over events, people and passages: the SQL, and a ranking that stays fast for common words.

Why not ``ORDER BY bm25()``: FTS5's bm25 counts, for every query word, the documents that
contain it, and scores every hit before sorting; on a million passages a word found in every
one takes seconds. The search here is two-phase instead:

1. candidates: the first ``CANDIDATES`` hits in rowid order (FTS5 streams these lazily, so
   a common word costs the same as a rare one), collected within a time budget;
   a half-typed last word of 3-4 letters is read from the store's FTS5 prefix index, as
   cheaply as a whole word. A longer one is first searched as typed; if that fills no page
   it is read through its first 4 letters (the index's) and the rows checked for the whole
   prefix. On a store without a prefix index the same fallback reads the prefix term itself,
   which makes FTS5 merge whole doclists (tens of ms for a common word at 1e6 passages);
2. ranking: a BM25 over those candidates, computed in Python from FTS5's ``highlight()``
   (term frequency per word and column, column weights) and a capped document-frequency
   estimate per word (``DF_CAP``), so the inverse document frequency still favours the rare
   word of a query. Where a kind has fewer hits than ``CANDIDATES`` the ranking is exact BM25.

Cancellation is the caller's: install a progress handler on the connection (see the UI's
search worker); an interrupted statement raises ``sqlite3.OperationalError``.
"""

from __future__ import annotations

import functools
import re
import sqlite3
import time
from collections.abc import Callable, Mapping

from maisky_desktop.core.dates import DateError, in_words
from maisky_desktop.core.filters import Filter, FilterSets
from maisky_desktop.core.record import record
from maisky_desktop.core.search import (
    KINDS,
    MARK_CLOSE,
    MARK_OPEN,
    Hit,
    Query,
    Results,
    Snippet,
    Spellings,
    bm25_term,
    fold,
    parse,
)

CANDIDATES = 400
PROGRESS_STEPS = 2000  # virtual-machine steps between two checks of a search thread's ``cancelled``
DF_CAP = 2000
SNIPPET_CHARS = 180


@record
class _Kind:
    fts: str
    table: str
    weights: tuple[float, ...]  # per FTS column
    snippet_columns: tuple[int, ...]  # the snippet comes from the first of these with a match
    name_columns: tuple[int, ...]  # a hit whose query words all fall in these names the thing: a top hit
    budget_s: float  # time for collecting candidates; the three add up to well under 100 ms


_KINDS = {
    "event": _Kind("events_fts", "events", (3.0, 1.0, 1.0), (1, 0, 2), (0,), 0.02),
    "person": _Kind("people_fts", "people", (3.0, 2.0, 1.0), (1, 2, 0), (0, 1), 0.01),
    "passage": _Kind("passages_fts", "passages", (1.0,), (0,), (), 0.04),
}


def filtered_event_ids(conn: sqlite3.Connection, f: Filter) -> frozenset[str] | None:
    """Ids of the events a filter leaves (None if it filters nothing)."""
    if not f.active:
        return None
    where: list[str] = []
    args: list[str | int] = []
    if f.lane is not None:
        where.append("e.category_id = ?")
        args.append(f.lane)
    if f.person is not None:
        where.append("e.id IN (SELECT event_id FROM event_people WHERE person_id = ?)")
        args.append(f.person)
    if f.source is not None:
        where.append("e.id IN (SELECT event_id FROM event_anchors WHERE source_id = ?)")
        args.append(f.source)
    first, last = f.days()
    if first is not None:
        where.append("e.day_to >= ?")
        args.append(first)
    if last is not None:
        where.append("e.day_from <= ?")
        args.append(last)
    rows = conn.execute(f"SELECT e.id FROM events e WHERE {' AND '.join(where)}", args)
    return frozenset(r[0] for r in rows)


def resolve_filter(conn: sqlite3.Connection, f: Filter) -> FilterSets:
    """Events the filter leaves; the people in them; passages anchoring them (a source filter alone
    keeps every passage of that source, anchored or not)."""
    events = filtered_event_ids(conn, f)
    if events is None:
        return FilterSets()
    ids = sorted(events)
    people: set[str] = set()
    passages: set[str] = set()
    for chunk in (ids[i : i + 900] for i in range(0, len(ids), 900)):
        marks = ",".join("?" * len(chunk))
        people.update(
            r[0] for r in conn.execute(f"SELECT person_id FROM event_people WHERE event_id IN ({marks})", chunk)
        )
        passages.update(
            r[0] for r in conn.execute(f"SELECT passage_id FROM event_anchors WHERE event_id IN ({marks})", chunk)
        )
    only_source = f.source is not None and f == Filter(source=f.source)
    return FilterSets(frozenset(events), frozenset(people), None if only_source else frozenset(passages), f.source)


def load_spellings(conn: sqlite3.Connection) -> Spellings:
    """Every name the store knows: people, their aliases, places and theirs."""
    rows = conn.execute(
        "SELECT name FROM people UNION ALL SELECT alias FROM person_aliases "
        "UNION ALL SELECT name FROM places UNION ALL SELECT coalesce(aliases, '') FROM places"
    )
    return Spellings(r[0] for r in rows)


def indexed_prefix(conn: sqlite3.Connection, fts: str = "passages_fts") -> int:
    """The longest prefix length of the FTS5 prefix index of ``fts`` (0: it has none)."""
    row = conn.execute("SELECT sql FROM sqlite_master WHERE name = ?", (fts,)).fetchone()
    found = re.search(r"prefix\s*=\s*'([\d\s]+)'", row[0] if row else "")
    return max((int(n) for n in found.group(1).split()), default=0) if found else 0


class Searcher:
    """Runs parsed queries against one connection; one Searcher per thread."""

    def __init__(self, conn: sqlite3.Connection, spellings: Spellings | None = None) -> None:
        self.conn = conn
        self.spellings = spellings if spellings is not None else load_spellings(conn)
        self._stats: dict[str, tuple[int, float]] = {}
        self._sources = {r[0]: (r[1], r[2]) for r in conn.execute("SELECT id, title, published FROM sources")}
        self.indexed_prefix = indexed_prefix(conn)

    def filter_sets(self, f: Filter) -> FilterSets:
        """``resolve_filter`` on this searcher's connection (the search thread's own)."""
        return resolve_filter(self.conn, f)

    def parse(self, text: str, cancelled: Callable[[], bool] | None = None) -> Query:
        return parse(text, self.spellings, cancelled) if cancelled else parse(text, self.spellings)

    def search(
        self,
        text: str,
        filters: FilterSets | None = None,
        limit: int = 10,
        cancelled: Callable[[], bool] | None = None,
        limits: Mapping[str, int] | None = None,
    ) -> Results:
        """Up to ``limit`` hits of each kind, best first. Any text is safe; an empty query finds nothing.

        ``limits``: a larger page for some kinds (the results pane's "Show more").
        The top hit is the best-ranked person whose name or alias the query names, else the
        best-ranked event whose title it names (see ``Results.top``).

        ``cancelled``: asked while parsing, which raises ``ParseCancelledError`` when it turns true (the
        SQL is cancelled by the connection's progress handler).
        """
        pages = {kind: (limits or {}).get(kind, limit) for kind in KINDS}
        for n in (limit, *pages.values()):
            if n < 1:
                raise ValueError(f"limit must be at least 1, not {n}")
        query = self.parse(text, cancelled)
        filters = filters or FilterSets()
        hits: dict[str, list[Hit]] = {}
        more: dict[str, bool] = {}
        named: dict[str, Hit | None] = {}
        for kind in KINDS:
            if query.empty:
                hits[kind], more[kind], named[kind] = [], False, None
            else:
                hits[kind], more[kind], named[kind] = self._search_kind(kind, query, filters, pages[kind])
        return Results(query, hits, more, named["person"] or named["event"])

    def _stats_of(self, kind: str) -> tuple[int, float]:
        """(number of rows, mean length in characters of a sample) for BM25's normalisation.

        ``max(rowid)`` of the content table, not ``count(*)`` of the FTS table, which reads
        the whole index (0.2 s at a million passages).
        """
        if kind not in self._stats:
            spec = _KINDS[kind]
            n = self.conn.execute(f"SELECT max(rowid) FROM {spec.table}").fetchone()[0] or 0
            sample = self.conn.execute(
                f"SELECT avg(length({self._text_expr(kind)})) FROM (SELECT * FROM {spec.table} LIMIT 2000)"
            ).fetchone()[0]
            self._stats[kind] = (n, float(sample or 1.0))
        return self._stats[kind]

    @staticmethod
    def _text_expr(kind: str) -> str:
        return {
            "event": "title || ' ' || summary || ' ' || date_text",
            "person": "name || ' ' || coalesce(aliases, '') || ' ' || coalesce(summary, '')",
            "passage": "text",
        }[kind]

    def _df(self, fts: str, expr: str) -> int:
        return self.conn.execute(
            f"SELECT count(*) FROM (SELECT 1 FROM {fts} WHERE {fts} MATCH ? LIMIT {DF_CAP})", (expr,)
        ).fetchone()[0]

    def _candidates(self, kind: str, query: Query, filters: FilterSets) -> tuple[list[tuple], bool]:
        """Up to CANDIDATES rows that match and pass the filter, in rowid order, within the time budget."""
        spec = _KINDS[kind]
        highlights = ", ".join(
            f"highlight({spec.fts}, {c}, '{MARK_OPEN}', '{MARK_CLOSE}')" for c in range(len(spec.weights))
        )
        source = "t.source_id" if kind == "passage" else "NULL"
        cur = self.conn.execute(
            f"SELECT t.rowid, t.id, {source}, {highlights} FROM {spec.fts} f JOIN {spec.table} t ON t.rowid = f.rowid "
            f"WHERE {spec.fts} MATCH ?",
            (query.fts(self.indexed_prefix),),
        )
        if query.narrowed(self.indexed_prefix):  # "emba"* was asked for "embas": keep the rows that say "embas..."

            def keep(row: tuple) -> bool:
                return filters.allows(kind, row[1], row[2]) and query.accepts(
                    fold_word(w) for marked in row[3:] for w in marked_words(marked or "")
                )
        else:

            def keep(row: tuple) -> bool:
                return filters.allows(kind, row[1], row[2])

        out: list[tuple] = []
        deadline = time.perf_counter() + spec.budget_s
        while len(out) < CANDIDATES:
            batch = cur.fetchmany(50)
            out.extend(r for r in batch if keep(r))
            if len(batch) < 50:
                return out[:CANDIDATES], False
            if time.perf_counter() > deadline:
                break
        cur.close()
        return out[:CANDIDATES], True

    def _search_kind(
        self, kind: str, query: Query, filters: FilterSets, limit: int
    ) -> tuple[list[Hit], bool, Hit | None]:
        """The page of hits, whether more were found, and the best hit the query names (``_Kind.name_columns``)."""
        spec = _KINDS[kind]
        exact = query.exact()
        if self.indexed_prefix and not query.narrowed(self.indexed_prefix):  # read from the prefix index
            rows, cut = self._candidates(kind, query, filters)
        else:
            rows, cut = self._candidates(kind, exact, filters)
            if len(rows) < limit and exact != query:  # the word as typed fills no page: complete it
                rows, cut = self._candidates(kind, query, filters)
        if not rows:
            return [], False, None
        n_docs, avg_len = self._stats_of(kind)
        if len(query.groups) > 1:
            dfs = [len(rows) if not cut else self._df(spec.fts, g.fts(exact_only=True)) for g in query.groups]
        else:
            dfs = [len(rows)]
        group_of = functools.cache(query.group_of)
        scored = []
        for row in rows:
            tf = [0.0] * len(query.groups)
            length = 0
            for weight, marked in zip(spec.weights, row[3:]):
                marked = marked or ""
                length += len(marked)
                for word in marked_words(marked):
                    g = group_of(fold_word(word))
                    if g is not None:
                        tf[g] += weight
            score = sum(bm25_term(t, length, avg_len, max(d, 1), max(n_docs, 1)) for t, d in zip(tf, dfs))
            scored.append((-score, row[0], row))
        scored.sort(key=lambda s: (s[0], s[1]))
        page = [self._hit(kind, row, -neg) for neg, _, row in scored[:limit]]
        named = next((s for s in scored if self._names(spec, query, s[2])), None)
        best = None if named is None else self._hit(kind, named[2], -named[0])
        return page, cut or len(scored) > limit, best

    @staticmethod
    def _names(spec: _Kind, query: Query, row: tuple) -> bool:
        """Whether every word of the query falls in the row's name columns (a name, an alias, a title)."""
        if not spec.name_columns:
            return False
        marked = [row[3 + c] or "" for c in spec.name_columns]
        return query.accepts(fold_word(w) for m in marked for w in marked_words(m))

    def _hit(self, kind: str, row: tuple, score: float) -> Hit:
        spec = _KINDS[kind]
        rowid, item_id, marked_columns = row[0], row[1], row[3:]
        marked = next((marked_columns[c] for c in spec.snippet_columns if MARK_OPEN in (marked_columns[c] or "")), "")
        snippet = Snippet.from_marked(marked or "").around(SNIPPET_CHARS)
        if kind == "event":
            title, date = self.conn.execute("SELECT title, date FROM events WHERE rowid = ?", (rowid,)).fetchone()
            return Hit(kind, item_id, title, in_words(date), snippet, score, edtf=date)
        if kind == "person":
            name, born, died = self.conn.execute(
                "SELECT name, born, died FROM people WHERE rowid = ?", (rowid,)
            ).fetchone()
            life = f"{_words(born)}–{_words(died)}" if born or died else ""
            return Hit(kind, item_id, name, life, snippet, score)
        source_id, para_no, kind_name = self.conn.execute(
            "SELECT source_id, para_no, kind FROM passages WHERE rowid = ?", (rowid,)
        ).fetchone()
        title, published = self._sources.get(source_id, (source_id, None))
        where = f"¶ {para_no}" if para_no else kind_name
        return Hit(kind, item_id, f"{title}, {where}", published or "", snippet, score)


def _words(edtf: str | None) -> str:
    """A life date in words, '?' if unknown or unreadable."""
    try:
        return in_words(edtf) if edtf else "?"
    except DateError:
        return edtf or "?"


# Folding is most of a search's Python time (unicodedata per character), and the matched words
# of a page are few and repeat: fold each distinct word once.
fold_word = functools.lru_cache(maxsize=65536)(fold)

_MARKED = re.compile(f"{MARK_OPEN}([^{MARK_CLOSE}]*){MARK_CLOSE}")


def marked_words(marked: str) -> list[str]:
    """The words FTS5 marked as matches in a highlight() text."""
    return _MARKED.findall(marked)
