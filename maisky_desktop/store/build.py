"""Seeds + catalog -> the embedded SQLite store, deterministically.

The same inputs give a byte-identical file: rows go in in a fixed order, nothing
records the clock, and the file is vacuumed at the end. The build refuses to write
a store when the check finds a problem, so a shipped store is always a checked one.
"""

from __future__ import annotations

import hashlib
import sqlite3
from collections.abc import Callable, Iterable
from dataclasses import asdict
from pathlib import Path

import sqlite_utils

from maisky_desktop.core import dates, editorial
from maisky_desktop.core.mentions import mentions
from maisky_desktop.core.records import Event
from maisky_desktop.core.validate import Resolved
from maisky_desktop.store import schema, target, timeline

Progress = Callable[[int, int, str], None]


class BuildError(RuntimeError):
    """The inputs have problems; the message lists them as file:line: message."""


def _quiet(_step: int, _total: int, _message: str) -> None:
    return None


def inputs_digest(res: Resolved, catalog_dir: Path) -> str:
    """A fingerprint of every input file, stored in ``meta`` to tell stale stores."""
    h = hashlib.sha256()
    for source in sorted(res.sources, key=lambda s: s.id):
        h.update(source.id.encode() + b"\0" + source.sha256.encode() + b"\0")
    for path in sorted(catalog_dir.rglob("*.yaml")):
        h.update(path.relative_to(catalog_dir).as_posix().encode() + b"\0" + path.read_bytes())
    return h.hexdigest()


def build(res: Resolved, out: Path, catalog_dir: Path, progress: Progress = _quiet, force: bool = False) -> Path:
    """Write the store to ``out`` atomically, with its fingerprint beside it.

    The store is written to a temporary file of its own next to ``out`` (two builds never
    share one), checked, and only then renamed over ``out``: a reader sees the old store or
    the new one, never half of one, and a failed build leaves nothing behind. ``out`` must
    be a store of ours, or absent, unless ``force``. Raises TargetError with one line when
    the target cannot be written.
    """
    if res.problems:
        raise BuildError("\n".join(str(p) for p in res.problems))
    target.refuse_unsafe(out, force)
    with target.staged(out) as tmp:
        _write(res, tmp, catalog_dir, progress)
        target.check_built(tmp, res)
    return out


def _write(res: Resolved, tmp: Path, catalog_dir: Path, progress: Progress) -> None:
    """Every build step into a fresh file ``tmp``."""
    steps: list[tuple[str, Callable[[sqlite_utils.Database], None]]] = [
        ("creating tables", _create),
        ("sources and passages", lambda db: _sources(db, res)),
        ("categories, eras, places", lambda db: _frame(db, res)),
        ("people", lambda db: _people(db, res)),
        ("events and anchors", lambda db: _events(db, res)),
        ("tours", lambda db: _tours(db, res)),
        ("full-text indexes", _fts),
        ("time index", _rtree),
        ("timeline layout", lambda db: timeline.write_columns(db.conn)),
        ("metadata", lambda db: _meta(db, res, catalog_dir)),
    ]
    conn = sqlite3.connect(tmp)
    try:
        conn.execute("PRAGMA page_size = 4096")
        conn.execute("PRAGMA journal_mode = OFF")
        db = sqlite_utils.Database(conn)
        for i, (message, step) in enumerate(steps, 1):
            progress(i, len(steps) + 1, message)
            with conn:
                step(db)
        progress(len(steps) + 1, len(steps) + 1, "compacting")
        conn.execute(f"PRAGMA user_version = {schema.SCHEMA_VERSION}")
        conn.execute("VACUUM")
    finally:
        conn.close()


def _create(db: sqlite_utils.Database) -> None:
    fks: dict[str, list[tuple[str, str, str]]] = {}
    for table, column, other, other_col in schema.FOREIGN_KEYS:
        fks.setdefault(table, []).append((column, other, other_col))
    for name, (columns, pk) in schema.TABLES.items():
        db.table(name).create(dict(columns), pk=pk, foreign_keys=fks.get(name, []), not_null=_not_null(name))
    for table, cols in schema.INDEXES:
        db.table(table).create_index(cols)


def _not_null(table: str) -> set[str]:
    return {
        "events": {"title", "date", "date_from", "date_to", "precision", "category_id"},
        "passages": {"source_id", "kind", "char_start", "char_end", "text"},
        "event_anchors": {"event_id", "source_id", "passage_id", "char_start", "char_end", "quote"},
    }.get(table, set())


def _insert(db: sqlite_utils.Database, table: str, rows: Iterable[dict]) -> None:
    db.table(table).insert_all(rows, batch_size=500)


def _sources(db: sqlite_utils.Database, res: Resolved) -> None:
    """Sources, passages, boilerplate and footnote markers: each row is its record (``core.records``)."""
    _insert(db, "sources", (asdict(s) for s in res.sources))
    for source in res.sources:
        doc = res.documents[source.id]
        _insert(db, "passages", (asdict(p) for p in doc.passages))
        _insert(db, "boilerplate", (asdict(b) for b in doc.boilerplate))
        _insert(db, "footnote_refs", (asdict(r) for r in doc.refs))


def _bounds(text: str | None) -> tuple[str | None, str | None]:
    if not text:
        return None, None
    e = dates.parse(text)
    return e.start.isoformat(), e.end.isoformat()


def _frame(db: sqlite_utils.Database, res: Resolved) -> None:
    cat = res.catalog
    _insert(
        db,
        "categories",
        ({"id": c.id, "name": c.name, "colour": c.colour, "position": i} for i, c in enumerate(cat.categories)),
    )
    rows = []
    for era in cat.eras:
        lo, hi = _bounds(era.date)
        at = res.era_anchors.get(era.id)
        rows.append(
            {
                "id": era.id,
                "name": era.name,
                "date": era.date,
                "date_from": lo,
                "date_to": hi,
                "source_id": era.source,
                "passage_id": at.passage.id if at else None,
                "char_start": at.char_start if at else None,
                "char_end": at.char_end if at else None,
                "quote": era.quote,
                "note": era.note,
            }
        )
    _insert(db, "eras", rows)
    _insert(
        db,
        "places",
        (
            {"id": p.id, "name": p.name, "country": p.country, "aliases": "; ".join(p.aliases)}
            for p in sorted(cat.places, key=lambda p: p.id)
        ),
    )


def _people(db: sqlite_utils.Database, res: Resolved) -> None:
    counts: dict[str, int] = {}
    for ev in res.catalog.events:
        for pid in ev.people:
            counts[pid] = counts.get(pid, 0) + 1
    people = sorted(res.catalog.people, key=lambda p: p.id)
    matchers = editorial.Matchers(res.catalog)
    found = sorted(
        (m for source, doc in res.documents.items() for m in mentions(matchers[source], doc.passages)),
        key=lambda m: (m.passage_id, m.char_start, m.person_id),
    )
    passages: dict[str, set[str]] = {}
    for m in found:
        passages.setdefault(m.person_id, set()).add(m.passage_id)
    _insert(
        db,
        "people",
        (
            {
                "id": p.id,
                "name": p.name,
                "born": p.born,
                "died": p.died,
                "summary": p.summary,
                "fate": p.fate,
                "aliases": "; ".join(p.aliases),
                "event_count": counts.get(p.id, 0),
                "passage_count": len(passages.get(p.id, ())),
            }
            for p in people
        ),
    )
    _insert(
        db,
        "person_passages",
        (
            {
                "person_id": m.person_id,
                "passage_id": m.passage_id,
                "char_start": m.char_start,
                "char_end": m.char_end,
                "alias": m.alias,
            }
            for m in found
        ),
    )
    _insert(
        db,
        "person_aliases",
        ({"person_id": p.id, "alias": alias} for p in people for alias in sorted(set(p.aliases) | {p.name})),
    )
    _insert(
        db,
        "person_posts",
        (
            {
                "person_id": p.id,
                "position": i,
                "title": post.title,
                "date": post.date,
                "date_from": _bounds(post.date)[0],
                "date_to": _bounds(post.date)[1],
            }
            for p in people
            for i, post in enumerate(p.posts)
        ),
    )


def _events(db: sqlite_utils.Database, res: Resolved) -> None:
    events = sorted(res.catalog.events, key=lambda e: (dates.parse(e.date).start, e.id))
    rows, anchors, conflicts, ev_people, ev_places = [], [], [], [], []
    for ev in events:
        d = dates.parse(ev.date)
        row = Event(
            id=ev.id,
            title=ev.title,
            summary=ev.summary,
            date=ev.date,
            date_text=ev.date_text,
            date_from=d.start.isoformat(),
            date_to=d.end.isoformat(),
            precision=d.precision,
            unit=d.unit,
            approximate=int(d.approximate),
            uncertain=int(d.uncertain),
            day_from=d.start.toordinal(),
            day_to=d.end.toordinal(),
            category_id=ev.category,
            note=ev.note,
            catalog_file=ev.where.file,
            catalog_line=ev.where.line,
            open_start=int(d.open_start),
            open_end=int(d.open_end),
        )
        rows.append(asdict(row))
        for i, spec in enumerate(ev.anchors):
            at = res.anchors[(ev.id, i)]
            anchors.append(
                {
                    "event_id": ev.id,
                    "position": i,
                    "source_id": spec.source,
                    "passage_id": at.passage.id,
                    "char_start": at.char_start,
                    "char_end": at.char_end,
                    "quote": spec.quote,
                    "reading": spec.reading,
                    "reading_field": _reading_field(ev, spec),
                }
            )
        conflicts += [{"event_id": ev.id, "field": c.field, "note": c.note} for c in ev.conflicts]
        ev_people += [{"event_id": ev.id, "person_id": p} for p in dict.fromkeys(ev.people)]
        ev_places += [{"event_id": ev.id, "place_id": p} for p in dict.fromkeys(ev.places)]
    _insert(db, "events", rows)
    _insert(db, "event_anchors", ({"id": i + 1, **a} for i, a in enumerate(anchors)))
    _insert(db, "conflicts", conflicts)
    _insert(db, "event_people", ev_people)
    _insert(db, "event_places", ev_places)


def _reading_field(ev, spec) -> str | None:
    """The field of the conflict an anchor's reading belongs to (None: a reading outside any conflict)."""
    if not spec.reading:
        return None
    for conflict in ev.conflicts:
        if spec in ev.readings(conflict):
            return conflict.field
    return None


def _tours(db: sqlite_utils.Database, res: Resolved) -> None:
    tours = res.catalog.tours
    _insert(db, "tours", ({"id": t.id, "title": t.title, "intro": t.intro, "position": i} for i, t in enumerate(tours)))
    _insert(
        db,
        "tour_stops",
        (
            {"tour_id": t.id, "position": i, "event_id": ev, "narration": text}
            for t in tours
            for i, (ev, text) in enumerate(t.stops)
        ),
    )


def _fts(db: sqlite_utils.Database, prefix: tuple[int, ...] = schema.FTS_PREFIX) -> None:
    for table, columns in schema.FTS.items():
        db.execute(schema.fts_ddl(table, columns, prefix))
        db.execute(f"INSERT INTO [{table}_fts]([{table}_fts]) VALUES ('rebuild')")
        db.table(f"{table}_fts").optimize()


def _rtree(db: sqlite_utils.Database) -> None:
    db.execute(schema.RTREE_DDL)
    db.execute("INSERT INTO event_spans (id, day_from, day_to) SELECT rowid, day_from, day_to FROM events")


def _meta(db: sqlite_utils.Database, res: Resolved, catalog_dir: Path) -> None:
    _insert(
        db,
        "meta",
        [
            {"key": "schema_version", "value": str(schema.SCHEMA_VERSION)},
            {"key": "inputs_sha256", "value": inputs_digest(res, catalog_dir)},
            {"key": "events", "value": str(len(res.catalog.events))},
        ],
    )
