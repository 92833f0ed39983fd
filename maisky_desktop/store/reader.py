"""Read-only access to a built store: opening it safely and the queries the app asks.

The store is opened with ``mode=ro&immutable=1``: nothing the app does can change
it, and it works from a read-only folder or a USB stick in a classroom.
"""

from __future__ import annotations

import json
import os
import sqlite3
import stat
from collections.abc import Sequence
from dataclasses import fields
from datetime import date
from pathlib import Path

from maisky_desktop.core.names import index_key
from maisky_desktop.core.records import (
    Anchor,
    Anchored,
    Conflict,
    Event,
    EventLink,
    FootnoteRef,
    Mention,
    Named,
    Passage,
    PersonCard,
    PersonListing,
    Post,
    Source,
    SourceCount,
)
from maisky_desktop.core.span import TimeSpan
from maisky_desktop.store import fingerprint, schema
from maisky_desktop.store.errors import StoreError
from maisky_desktop.store.faults import ADVICE

__all__ = ["Store", "StoreError", "identity", "open_store"]


def _cols(record: type, prefix: str = "") -> str:
    """The SELECT list of a record: its fields, in order (each record's columns are named once)."""
    return ", ".join(prefix + f.name for f in fields(record))


_EVENT_COLS = _cols(Event)
_ANCHOR_COLS = _cols(Anchor)
_PASSAGE_COLS = _cols(Passage)
_REF_COLS = _cols(FootnoteRef)


# ``PRAGMA quick_check`` reads every page: about 0.7 s per 100 MB here, 5 s for a store of a
# million events. Up to this size it runs at open; a bigger store has the tables of the first
# frame checked at open and the whole file by ``check_store`` in the background (the app
# reports a failure as soon as it is known).
INLINE_CHECK_BYTES = 32 * 2**20
FIRST_FRAME_TABLES = ("meta", "categories", "eras", "timeline_columns")


def one_line(status: str) -> str:
    """SQLite's integrity report (several lines, a banner first) as the one line a message has."""
    lines = [ln.strip() for ln in status.splitlines() if ln.strip() and not ln.startswith("***")]
    return "; ".join(lines[:3]) + ("; …" if len(lines) > 3 else "")


def needs_background_check(path: Path) -> bool:
    """Whether ``open_store`` left the full integrity check of this store to ``check_store``."""
    return path.stat().st_size > INLINE_CHECK_BYTES


def check_store(path: Path) -> str | None:
    """The whole-file integrity check on a connection of its own: the problem in words, or None."""
    try:
        conn = sqlite3.connect(path.resolve().as_uri() + "?mode=ro&immutable=1", uri=True)
    except sqlite3.DatabaseError as exc:
        return f"store {path} is corrupt or truncated: {exc}"
    try:
        return _quick_check(conn, path)
    finally:
        conn.close()


def _quick_check(conn: sqlite3.Connection, path: Path) -> str | None:
    try:
        status = conn.execute("PRAGMA quick_check").fetchone()[0]
    except sqlite3.DatabaseError as exc:
        return f"store {path} is corrupt or truncated: {exc}"
    return None if status == "ok" else f"store {path} is corrupt: {one_line(status)}"


def audit(conn: sqlite3.Connection, inputs_sha256: str) -> int:
    """Deeper than ``check_store``: SQLite's full check, every quote at its offsets, and the store
    built from the inputs whose digest is given. Returns the number of anchors; raises StoreError
    with the first problem in words. The self-test runs it, so a swapped or stale bundled store is caught.
    """
    status = conn.execute("PRAGMA integrity_check").fetchone()[0]
    if status != "ok":
        raise StoreError(f"PRAGMA integrity_check: {one_line(status)}")
    bad = conn.execute(
        "SELECT a.event_id FROM event_anchors a JOIN passages p ON p.id = a.passage_id "
        "WHERE substr(p.text, a.char_start - p.char_start + 1, a.char_end - a.char_start) != a.quote"
    ).fetchall()
    if bad:
        raise StoreError(f"{len(bad)} anchors do not match their passage, first in event {bad[0][0]}")
    built_from = conn.execute("SELECT value FROM meta WHERE key = 'inputs_sha256'").fetchone()
    if built_from is None or built_from[0] != inputs_sha256:
        raise StoreError("the store was not built from the shipped seeds and catalog (stale or swapped)")
    return int(conn.execute("SELECT count(*) FROM event_anchors").fetchone()[0])


def _kind_of(mode: int) -> str:
    for test, name in (
        (stat.S_ISFIFO, "a FIFO (named pipe)"),
        (stat.S_ISCHR, "a character device"),
        (stat.S_ISBLK, "a block device"),
        (stat.S_ISSOCK, "a socket"),
        (stat.S_ISDIR, "a folder"),
    ):
        if test(mode):
            return name
    return "not a regular file"


def _read_head(path: Path) -> tuple[bytes, os.stat_result]:
    """The first 100 bytes and the stat of a regular file; anything else is refused before it is read.

    A FIFO would block ``open()`` forever and a device could be endless, so the kind is checked
    on the path first and again on the open descriptor (opened non-blocking), which also closes
    the gap where the path is swapped between the two.
    """
    try:
        st = os.stat(path)
    except FileNotFoundError:
        raise StoreError(f"store not found: {path} (run 'maisky-desktop build' or pass --store PATH)") from None
    except OSError as exc:
        raise StoreError(f"cannot read store {path}: {exc.strerror}") from None
    if not stat.S_ISREG(st.st_mode):
        raise StoreError(f"store path is {_kind_of(st.st_mode)}, not a file: {path}")
    try:
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0))
    except OSError as exc:
        raise StoreError(f"cannot read store {path}: {exc.strerror}") from None
    try:
        st = os.fstat(fd)
        if not stat.S_ISREG(st.st_mode):
            raise StoreError(f"store path is {_kind_of(st.st_mode)}, not a file: {path}")
        head = os.read(fd, 100)
    except OSError as exc:
        raise StoreError(f"cannot read store {path}: {exc.strerror}") from None
    finally:
        os.close(fd)
    return head, st


def identity(path: Path) -> tuple[int, int, int, int] | None:
    """What tells one store file from its replacement: device, inode, size, modification time."""
    try:
        st = os.stat(path)
    except OSError:
        return None
    return (st.st_dev, st.st_ino, st.st_size, st.st_mtime_ns)


def open_store(path: Path, require_fingerprint: bool | None = None) -> sqlite3.Connection:
    """Open and vet a store; raise StoreError with a plain message if it is unusable.

    The shipped store must match the fingerprint recorded when it was built (any changed byte
    is refused); another store is checked against its fingerprint when one lies beside it.
    """
    head, st = _read_head(path)
    if not head.startswith(b"SQLite format 3\x00"):
        raise StoreError(f"not a Maisky Timeline store (not an SQLite file): {path}")
    page_size = int.from_bytes(head[16:18], "big")
    page_size = 65536 if page_size == 1 else page_size
    pages = int.from_bytes(head[28:32], "big")
    if len(head) < 100 or st.st_size < max(pages, 1) * page_size:
        raise StoreError(f"store is truncated: {path} ({st.st_size} bytes, header says {pages * page_size})")
    if require_fingerprint is None:
        require_fingerprint = fingerprint.is_shipped(path)
    fingerprint.verify(path, required=require_fingerprint)
    uri = path.resolve().as_uri() + "?mode=ro&immutable=1"
    try:
        conn = sqlite3.connect(uri, uri=True, check_same_thread=False)
    except sqlite3.Error as exc:
        raise StoreError(f"cannot open store {path}: {exc}") from None
    try:
        version = conn.execute("PRAGMA user_version").fetchone()[0]
        if version != schema.SCHEMA_VERSION:
            raise StoreError(
                f"store {path} has schema version {version}; this app reads version {schema.SCHEMA_VERSION}"
                " (rebuild it with 'maisky-desktop build')"
            )
        present = {r[0] for r in conn.execute("SELECT name FROM sqlite_master")}
        missing = [t for t in schema.REQUIRED_TABLES if t not in present]
        if missing:
            raise StoreError(f"store {path} lacks tables: {', '.join(missing)}")
        big = needs_background_check(path)
        checks = [f"PRAGMA quick_check({t})" for t in FIRST_FRAME_TABLES] if big else ["PRAGMA quick_check"]
        for check in checks:
            status = conn.execute(check).fetchone()[0]
            if status != "ok":
                raise StoreError(f"store {path} is corrupt: {one_line(status)} ({ADVICE})")
    except StoreError:
        conn.close()
        raise
    except (sqlite3.DatabaseError, UnicodeDecodeError) as exc:
        conn.close()
        raise StoreError(f"store {path} is corrupt or truncated: {exc} ({ADVICE})") from None
    return conn


class Store:
    """Typed queries over an open store. Every method is a single indexed query."""

    def __init__(self, conn: sqlite3.Connection, path: Path, ident: tuple[int, int, int, int] | None = None):
        self.conn, self.path = conn, path
        self.identity = ident if ident is not None else identity(path)
        self._people: list[PersonListing] | None = None  # filed once: the store never changes under it

    @classmethod
    def open(cls, path: Path) -> Store:
        before = identity(path)
        conn = open_store(path)
        if identity(path) != before:  # replaced while it was being vetted: vet the new one
            conn.close()
            before = identity(path)
            conn = open_store(path)
        return cls(conn, path, before)

    def open_sibling(self) -> sqlite3.Connection:
        """A second connection (for another thread) to the very file this store opened.

        Raises StoreError when the file at the path is no longer the one opened (replaced or
        deleted), so two parts of the app never read two different stores.
        """
        if identity(self.path) != self.identity:
            raise StoreError(f"store {self.path} was replaced or removed since it was opened; reload it")
        # The same file (same identity) as the one open_store vetted this run: not checked again,
        # so a start opens and checks the store once.
        conn = sqlite3.connect(self.path.resolve().as_uri() + "?mode=ro&immutable=1", uri=True, check_same_thread=False)
        if identity(self.path) != self.identity:
            conn.close()
            raise StoreError(f"store {self.path} was replaced or removed since it was opened; reload it")
        return conn

    def check_whole(self) -> str | None:
        """``check_store`` on the very file this store opened (a connection of its own, for a thread).

        None when it passes, and when the file at the path was replaced since it was opened: the
        app then offers to reload it, and a reloaded store is checked when it opens.
        """
        try:
            conn = self.open_sibling()
        except StoreError:
            return None
        try:
            return _quick_check(conn, self.path)
        finally:
            conn.close()

    def replaced(self) -> bool:
        """Whether the file at the path is no longer the one this store opened."""
        return identity(self.path) != self.identity

    def close(self) -> None:
        self.conn.close()

    def count(self, table: str) -> int:
        if table not in schema.TABLES:
            raise ValueError(table)
        return self.conn.execute(f"SELECT count(*) FROM [{table}]").fetchone()[0]

    def categories(self) -> list[Named]:
        """The category lanes, top to bottom."""
        return [Named(*r) for r in self.conn.execute("SELECT id, name FROM categories ORDER BY position")]

    def events(self) -> list[Event]:
        """All events in time order (by first day, then id)."""
        rows = self.conn.execute(f"SELECT {_EVENT_COLS} FROM events ORDER BY day_from, id")
        return [Event(*r) for r in rows]

    def event(self, event_id: str) -> Event | None:
        row = self.conn.execute(f"SELECT {_EVENT_COLS} FROM events WHERE id = ?", (event_id,)).fetchone()
        return Event(*row) if row else None

    def event_dates(self, event_ids: Sequence[str]) -> dict[str, tuple[str, str]]:
        """id -> (EDTF date, the source's own words for it) of these events, in one query (ids not here: left out)."""
        rows = self.conn.execute(
            "SELECT id, date, date_text FROM events WHERE id IN (SELECT value FROM json_each(?))",
            (json.dumps(list(event_ids)),),
        )
        return {r[0]: (r[1], r[2] or "") for r in rows}

    def events_between(self, first: date, last: date) -> list[Event]:
        """Events whose span overlaps [first, last], through the R*Tree."""
        rows = self.conn.execute(
            f"SELECT {_EVENT_COLS} FROM events WHERE rowid IN "
            "(SELECT id FROM event_spans WHERE day_from <= ? AND day_to >= ?) ORDER BY day_from, id",
            (last.toordinal(), first.toordinal()),
        )
        return [Event(*r) for r in rows]

    def anchors(self, event_id: str) -> list[Anchor]:
        rows = self.conn.execute(
            f"SELECT {_ANCHOR_COLS} FROM event_anchors WHERE event_id = ? ORDER BY position",
            (event_id,),
        )
        return [Anchor(*r) for r in rows]

    def passage(self, passage_id: str) -> Passage | None:
        row = self.conn.execute(f"SELECT {_PASSAGE_COLS} FROM passages WHERE id = ?", (passage_id,)).fetchone()
        return Passage(*row) if row else None

    def paragraph(self, para_id: str) -> list[Passage]:
        """The pieces of one paragraph that page breaks cut apart, in reading order."""
        rows = self.conn.execute(f"SELECT {_PASSAGE_COLS} FROM passages WHERE para_id = ? ORDER BY piece", (para_id,))
        return [Passage(*r) for r in rows]

    def source(self, source_id: str) -> Source | None:
        row = self.conn.execute(f"SELECT {_cols(Source)} FROM sources WHERE id = ?", (source_id,)).fetchone()
        return Source(*row) if row else None

    def event_people(self, event_id: str) -> list[Named]:
        return self._named(
            "SELECT p.id, p.name FROM event_people ep JOIN people p ON p.id = ep.person_id "
            "WHERE ep.event_id = ? ORDER BY p.name",
            event_id,
        )

    def footnote_refs(self, passage_id: str) -> list[FootnoteRef]:
        """The footnote markers in a passage, in reading order."""
        rows = self.conn.execute(
            f"SELECT {_REF_COLS} FROM footnote_refs WHERE passage_id = ? ORDER BY char_start", (passage_id,)
        )
        return [FootnoteRef(*r) for r in rows]

    def search_passages(self, match: str, limit: int = 20) -> list[Passage]:
        """Raw FTS5 MATCH over passages (the caller quotes user text; see core search)."""
        rows = self.conn.execute(
            f"SELECT {_cols(Passage, 'p.')} FROM passages_fts f "
            "JOIN passages p ON p.rowid = f.rowid WHERE passages_fts MATCH ? LIMIT ?",
            (match, limit),
        )
        return [Passage(*r) for r in rows]

    # The explorer's queries: the passage pane, the document reader, the people list and card.

    def conflicts(self, event_id: str) -> list[Conflict]:
        """Each conflict between the sources on this event."""
        rows = self.conn.execute("SELECT field, note FROM conflicts WHERE event_id = ?", (event_id,))
        return [Conflict(*r) for r in rows]

    def _named(self, sql: str, key: str) -> list[Named]:
        return [Named(*r) for r in self.conn.execute(sql, (key,))]

    def event_places(self, event_id: str) -> list[Named]:
        return self._named(
            "SELECT p.id, p.name FROM event_places ep JOIN places p ON p.id = ep.place_id "
            "WHERE ep.event_id = ? ORDER BY p.name",
            event_id,
        )

    def source_passages(self, source_id: str) -> list[Passage]:
        """Every passage of a source in reading order (boilerplate is not in this table)."""
        rows = self.conn.execute(f"SELECT {_PASSAGE_COLS} FROM passages WHERE source_id = ? ORDER BY seq", (source_id,))
        return [Passage(*r) for r in rows]

    def source_footnote_refs(self, source_id: str) -> list[FootnoteRef]:
        """Every footnote marker in a source."""
        rows = self.conn.execute(
            f"SELECT {_cols(FootnoteRef, 'f.')} FROM footnote_refs f "
            "JOIN passages p ON p.id = f.passage_id WHERE p.source_id = ? ORDER BY f.passage_id, f.char_start",
            (source_id,),
        )
        return [FootnoteRef(*r) for r in rows]

    def source_anchors(self, source_id: str) -> list[Anchored]:
        """The events anchored in a source, by passage, in reading order."""
        rows = self.conn.execute(
            "SELECT a.passage_id, a.event_id, e.title FROM event_anchors a "
            "JOIN events e ON e.id = a.event_id WHERE a.source_id = ? ORDER BY a.char_start",
            (source_id,),
        )
        return [Anchored(*r) for r in rows]

    def events_of_passage(self, passage_id: str) -> list[str]:
        """Ids of the events anchored in a passage, in time order."""
        rows = self.conn.execute(
            "SELECT DISTINCT e.id FROM event_anchors a JOIN events e ON e.id = a.event_id "
            "WHERE a.passage_id = ? ORDER BY e.day_from, e.id",
            (passage_id,),
        )
        return [r[0] for r in rows]

    def people(self) -> list[PersonListing]:
        """Everyone, filed by surname, with every spelling (for the list's tolerant matching) and their event count."""
        if self._people is None:  # the start asks twice (the People list, the person filter): fold names once
            rows = self.conn.execute("SELECT id, name, coalesce(aliases, ''), event_count FROM people")
            people = [PersonListing(pid, name, (name, *aliases.split("; ")), n) for pid, name, aliases, n in rows]
            self._people = sorted(people, key=lambda p: index_key(p.name, p.aliases))
        return list(self._people)

    def person_card(self, person_id: str) -> PersonCard | None:
        """A person card: the people row with aliases, posts, events and the sources that mention them."""
        row = self.conn.execute(
            "SELECT id, name, born, died, summary, fate FROM people WHERE id = ?", (person_id,)
        ).fetchone()
        if row is None:
            return None
        aliases = self.conn.execute(
            "SELECT alias FROM person_aliases WHERE person_id = ? ORDER BY alias", (person_id,)
        ).fetchall()
        posts = self.conn.execute(
            "SELECT title, date FROM person_posts WHERE person_id = ? ORDER BY position", (person_id,)
        ).fetchall()
        events = self.conn.execute(
            "SELECT e.id, e.title, e.date FROM event_people ep JOIN events e ON e.id = ep.event_id "
            "WHERE ep.person_id = ? ORDER BY e.day_from, e.id",
            (person_id,),
        ).fetchall()
        sources = self.conn.execute(
            "SELECT s.id, s.title, count(DISTINCT a.event_id) FROM event_people ep "
            "JOIN event_anchors a ON a.event_id = ep.event_id JOIN sources s ON s.id = a.source_id "
            "WHERE ep.person_id = ? GROUP BY s.id ORDER BY count(DISTINCT a.event_id) DESC, s.title",
            (person_id,),
        ).fetchall()
        pid, name, born, died, summary, fate = row
        return PersonCard(
            pid,
            name,
            born,
            died,
            summary,
            fate,
            aliases=tuple(a for (a,) in aliases),
            posts=tuple(Post(*p) for p in posts),
            events=tuple(EventLink(*e) for e in events),
            sources=tuple(SourceCount(*c) for c in sources),
            mentions=tuple(self.mentions(person_id)),
        )

    def mentions(self, person_id: str) -> list[Mention]:
        """Every passage that names the person (by any spelling), in source and reading order."""
        rows = self.conn.execute(
            "SELECT p.id, p.source_id, s.title, p.para_no, p.label, p.kind, p.text, m.alias, m.char_start, m.char_end, "
            "p.char_start "
            "FROM person_passages m JOIN passages p ON p.id = m.passage_id JOIN sources s ON s.id = p.source_id "
            "WHERE m.person_id = ? ORDER BY p.source_id, p.seq, m.char_start",
            (person_id,),
        ).fetchall()
        spellings: dict[str, list[str]] = {}
        for r in rows:
            spellings.setdefault(r[0], [])
            if r[7] not in spellings[r[0]]:
                spellings[r[0]].append(r[7])
        seen: set[str] = set()
        out = []
        for r in rows:
            if r[0] not in seen:
                seen.add(r[0])
                out.append(
                    Mention(r[0], r[1], r[2], r[3], r[4], r[5], r[6], "; ".join(spellings[r[0]]), r[8], r[9], r[10])
                )
        return out

    def time_span(self) -> TimeSpan:
        """The first and last year of any event, from the time index's bounds."""
        first, last = self.conn.execute("SELECT min(day_from), max(day_to) FROM events").fetchone()
        return TimeSpan.from_days(first, last)

    def sources(self) -> list[Named]:
        return [Named(*r) for r in self.conn.execute("SELECT id, title FROM sources ORDER BY id")]
