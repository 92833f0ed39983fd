"""The store's tables: a public contract (see README, "The store") for the app and for
researchers who open the file in Datasette, pandas or the sqlite3 shell.

Bump ``SCHEMA_VERSION`` on any change a reader could notice; the app refuses a store
whose ``PRAGMA user_version`` differs, with a message instead of a wrong screen.
"""

from __future__ import annotations

from dataclasses import fields

from maisky_desktop.core.records import Boilerplate, Event, FootnoteRef, Passage, Source

SCHEMA_VERSION = 4


COLUMN_TYPES = {"str": str, "int": int, "float": float}


def columns_of(record: type) -> list[tuple[str, type]]:
    """A table's columns from the record it holds: each field's name and type (``str | None`` is str).

    Read from the annotation's text (the records' modules postpone annotations), not with
    ``typing.get_type_hints``, which compiles each annotation as an expression: 40 compilations
    on every start of the app, which imports this module to check a store's version.
    """
    out = []
    for f in fields(record):
        text = f.type if isinstance(f.type, str) else f.type.__name__
        kinds = [k.strip() for k in text.split("|") if k.strip() != "None"]
        if len(kinds) != 1 or kinds[0] not in COLUMN_TYPES:
            raise TypeError(f"{record.__name__}.{f.name}: a column is str, int or float (or None), not {text!r}")
        out.append((f.name, COLUMN_TYPES[kinds[0]]))
    return out


# Column definitions: (name, type). Order is the order a Datasette user sees. A table that
# holds exactly one record (``core.records``) takes its columns from it.
TABLES: dict[str, tuple[list[tuple[str, type]], str | list[str]]] = {
    "meta": ([("key", str), ("value", str)], "key"),
    "sources": (columns_of(Source), "id"),
    "passages": (columns_of(Passage), "id"),
    "boilerplate": (columns_of(Boilerplate), ["source_id", "char_start"]),
    "footnote_refs": (columns_of(FootnoteRef), ["passage_id", "char_start"]),
    "categories": ([("id", str), ("name", str), ("colour", str), ("position", int)], "id"),
    "eras": (
        [
            ("id", str),
            ("name", str),
            ("date", str),
            ("date_from", str),
            ("date_to", str),
            ("source_id", str),
            ("passage_id", str),
            ("char_start", int),
            ("char_end", int),
            ("quote", str),
            ("note", str),
        ],
        "id",
    ),
    "events": (columns_of(Event), "id"),
    "event_anchors": (
        [
            ("id", int),
            ("event_id", str),
            ("position", int),
            ("source_id", str),
            ("passage_id", str),
            ("char_start", int),
            ("char_end", int),
            ("quote", str),
            ("reading", str),
            ("reading_field", str),  # the conflict (its field) this anchor's reading belongs to
        ],
        "id",
    ),
    # One row per disagreement: an event may conflict on its date and on a cause at once.
    "conflicts": ([("event_id", str), ("field", str), ("note", str)], ["event_id", "field"]),
    "people": (
        [
            ("id", str),
            ("name", str),
            ("born", str),
            ("died", str),
            ("summary", str),
            ("fate", str),
            ("aliases", str),
            ("event_count", int),
            ("passage_count", int),
        ],
        "id",
    ),
    "person_aliases": ([("person_id", str), ("alias", str)], ["person_id", "alias"]),
    "person_posts": (
        [("person_id", str), ("position", int), ("title", str), ("date", str), ("date_from", str), ("date_to", str)],
        ["person_id", "position"],
    ),
    # Every mention of a person in a passage (references excepted), by any spelling, with its offsets.
    "person_passages": (
        [("person_id", str), ("passage_id", str), ("char_start", int), ("char_end", int), ("alias", str)],
        ["passage_id", "char_start", "person_id"],
    ),
    "event_people": ([("event_id", str), ("person_id", str)], ["event_id", "person_id"]),
    "places": ([("id", str), ("name", str), ("country", str), ("aliases", str)], "id"),
    "event_places": ([("event_id", str), ("place_id", str)], ["event_id", "place_id"]),
    # The timeline's layout, derived from ``events`` by the build: one row per column (rowid,
    # x0, x1, lane, point, soft, approx, open_start, open_end, day0, day1, n_lanes), each a little-endian
    # numpy array in ``data`` with its dtype, in time order. The app reads it in one query
    # instead of a million rows (see ``store.timeline``).
    "timeline_columns": ([("name", str), ("dtype", str), ("data", bytes)], "name"),
    "tours": ([("id", str), ("title", str), ("intro", str), ("position", int)], "id"),
    "tour_stops": (
        [("tour_id", str), ("position", int), ("event_id", str), ("narration", str)],
        ["tour_id", "position"],
    ),
}

FOREIGN_KEYS = [
    ("passages", "source_id", "sources", "id"),
    ("boilerplate", "source_id", "sources", "id"),
    ("footnote_refs", "passage_id", "passages", "id"),
    ("footnote_refs", "note_id", "passages", "id"),
    ("eras", "source_id", "sources", "id"),
    ("events", "category_id", "categories", "id"),
    ("event_anchors", "event_id", "events", "id"),
    ("event_anchors", "source_id", "sources", "id"),
    ("event_anchors", "passage_id", "passages", "id"),
    ("conflicts", "event_id", "events", "id"),
    ("person_aliases", "person_id", "people", "id"),
    ("person_posts", "person_id", "people", "id"),
    ("person_passages", "person_id", "people", "id"),
    ("person_passages", "passage_id", "passages", "id"),
    ("event_people", "event_id", "events", "id"),
    ("event_people", "person_id", "people", "id"),
    ("event_places", "event_id", "events", "id"),
    ("event_places", "place_id", "places", "id"),
    ("tour_stops", "tour_id", "tours", "id"),
    ("tour_stops", "event_id", "events", "id"),
]

INDEXES = [
    ("passages", ["source_id", "seq"]),
    ("passages", ["para_id"]),
    ("event_anchors", ["event_id"]),
    ("event_anchors", ["passage_id"]),
    ("event_people", ["person_id"]),
    ("person_passages", ["person_id"]),
    ("event_places", ["place_id"]),
    ("events", ["category_id"]),
    ("events", ["day_from"]),
]

# Full-text indexes: table -> columns. Diacritics and combining accents are folded by
# the unicode61 tokenizer itself, so Datasette's search box folds them too.
FTS = {
    "passages": ["text"],
    "events": ["title", "summary", "date_text"],
    "people": ["name", "aliases", "summary"],
}
FTS_TOKENIZE = "unicode61 remove_diacritics 2"
# FTS5 prefix indexes (lengths in characters): a half-typed word of 3 or 4 letters is read
# from its own index lazily, like a whole word; a longer one is read through its first 4
# letters and checked (see ``core.search.Term.fts``). Search never completes words shorter
# than 3 letters. Each length costs about one more copy of the token positions on disk.
FTS_PREFIX = (3, 4)


def fts_ddl(table: str, columns: list[str], prefix: tuple[int, ...] = FTS_PREFIX) -> str:
    """The full-text table of ``table``, as sqlite-utils' ``enable_fts`` writes it plus ``prefix``.

    Written here because sqlite-utils has no prefix option; the shape (``content=[table]``)
    is the one Datasette recognises, so its search box keeps working on the table.
    """
    cols = ", ".join(f"[{c}]" for c in columns)
    prefix_opt = f" prefix='{' '.join(map(str, prefix))}'," if prefix else ""
    return (
        f"CREATE VIRTUAL TABLE [{table}_fts] USING FTS5 (\n    {cols},\n    tokenize='{FTS_TOKENIZE}',"
        f"{prefix_opt}\n    content=[{table}]\n)"
    )


# One-dimensional R*Tree over events (integer day numbers, proleptic Gregorian
# ordinals), keyed by the events table's rowid: "which events overlap this window".
RTREE_DDL = "CREATE VIRTUAL TABLE event_spans USING rtree_i32(id, day_from, day_to)"

REQUIRED_TABLES = (*TABLES, "event_spans", "passages_fts", "events_fts", "people_fts")
