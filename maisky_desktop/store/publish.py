"""``maisky-desktop publish DIR``: the store and a Datasette metadata file, to serve to a group.

Datasette is the engine (an existing, maintained one; nothing here serves HTTP). What this
module adds is what Datasette cannot guess: titles and descriptions, the sources' licences
and provenance (from the store's ``sources`` table, itself built from ``seeds/sources.yaml``),
column descriptions, the full-text configuration, and canned queries a historian asks first.
The published store is a verified copy opened read-only (``datasette serve -i``), so any
number of processes or machines can serve the same file unchanged.
"""

from __future__ import annotations

import json
import os
import shutil
import sqlite3
from pathlib import Path

from maisky_desktop.store import schema
from maisky_desktop.store.reader import check_store, open_store

DATABASE = "maisky"  # the name in Datasette's URLs: /maisky/events
STORE_FILE = f"{DATABASE}.sqlite"
METADATA_FILE = "metadata.json"

TABLES: dict[str, tuple[str, dict[str, str]]] = {
    "sources": (
        "The five source documents and their provenance: every event and passage points here.",
        {
            "id": "short id used everywhere else (passages.source_id, event_anchors.source_id)",
            "file": "the document's file in seeds/, byte for byte",
            "sha256": "SHA-256 of that file, checked at every build",
            "title": "title as the document shows it",
            "author": "author as the document shows it",
            "outlet": "where it was published",
            "published": "publication date as the document shows it (empty where it shows none)",
            "kind": "news, essay, encyclopedia or journal article",
            "rights": "the rights statement the document carries: the licence of its text",
            "notes": "what the document does not show, and how fields were inferred",
        },
    ),
    "passages": (
        "Every paragraph, heading, caption, footnote and reference of the sources, verbatim.",
        {
            "id": "source id / p + sequence number",
            "source_id": "the document (sources.id)",
            "seq": "reading order within the document",
            "kind": "body, heading, caption, footnote or reference",
            "char_start": "offset of the first character in the document (UTF-8 text, newlines kept)",
            "char_end": "offset after the last character: text is exactly document[char_start:char_end]",
            "text": "the passage, verbatim",
            "para_id": "id of the first piece of a paragraph a page break or footnote block cut in two",
            "piece": "0, 1, ... within that paragraph",
            "label": "a footnote's or reference's label",
            "para_no": "paragraph number for citations",
        },
    ),
    "events": (
        "The timeline's events; each is anchored to a verbatim passage (event_anchors).",
        {
            "id": "stable event id",
            "title": "short title",
            "summary": "one or two sentences",
            "date": "EDTF date at the precision the source gives (1922-04-16, 1927-05, 1922~, ../1924)",
            "date_text": "the date in words as the source states it",
            "date_from": "first ISO day the date covers (for an open start, the stated side's)",
            "date_to": "last ISO day the date covers",
            "precision": "day, month, season, year, decade, approximate or interval",
            "day_from": "date_from as a proleptic Gregorian day number",
            "day_to": "date_to as a proleptic Gregorian day number",
            "category_id": "the timeline lane (categories.id)",
            "open_start": "1 where the text gives no start (EDTF ../1924, 'by 1924')",
            "open_end": "1 where the text gives no end (EDTF 1933/.., 'after 1933')",
        },
    ),
    "event_anchors": (
        "Where each event is stated: a span of a passage, down to the character.",
        {
            "event_id": "the event",
            "source_id": "the document",
            "passage_id": "the passage",
            "char_start": "offset of the quoted span in the document",
            "char_end": "end of the quoted span",
            "quote": "the quoted words, verbatim",
            "reading": "what this source states where the sources disagree",
        },
    ),
    "people": (
        "Everyone the sources name, with every spelling they use.",
        {
            "id": "stable person id",
            "name": "the name as the catalog writes it",
            "born": "EDTF birth date",
            "died": "EDTF death date",
            "aliases": "every spelling the sources use, joined by '; '",
            "event_count": "events that name them",
        },
    ),
    "event_people": ("Which events name which people.", {}),
    "categories": ("The timeline's lanes.", {}),
    "eras": ("Shaded periods, anchored to a source or marked as general context.", {}),
    "conflicts": ("Where the sources disagree about an event, and on which field.", {}),
}
HIDDEN = ("timeline_columns", "meta", "event_spans")  # the app's internals, not for browsing

QUERIES = {
    "events_in_years": {
        "title": "Events in a range of years",
        "description": "Events whose dates overlap the years from_year to to_year, in time order.",
        "sql": (
            "select e.id, e.title, e.date, e.date_text, e.category_id, e.summary from events e "
            "where e.date_to >= printf('%04d-01-01', :from_year) and e.date_from <= printf('%04d-12-31', :to_year) "
            "order by e.day_from, e.id"
        ),
    },
    "person_events": {
        "title": "A person's events",
        "description": "Events that name a person, found by id or by any spelling the sources use (Litvinoff).",
        "sql": (
            "select e.id, e.title, e.date, e.date_text, p.name as person from events e "
            "join event_people ep on ep.event_id = e.id join people p on p.id = ep.person_id "
            "where p.id in (select person_id from person_aliases where alias = :person collate nocase "
            "union select id from people where id = :person or name = :person collate nocase) "
            "order by e.day_from, e.id"
        ),
    },
    "passages_mentioning": {
        "title": "Passages mentioning a name",
        "description": "Passages whose text contains the name (a phrase search; diacritics and case folded).",
        "sql": (
            "select p.id, p.source_id, p.para_no, snippet(passages_fts, 0, '[', ']', '…', 24) as snippet "
            "from passages_fts join passages p on p.rowid = passages_fts.rowid "
            "where passages_fts match '\"' || replace(:name, '\"', '\"\"') || '\"' order by p.source_id, p.seq"
        ),
    },
}


def metadata(conn: sqlite3.Connection) -> dict:
    """Datasette's metadata for a store: titles, licences and provenance, columns, search, canned queries."""
    sources = conn.execute(
        "SELECT id, title, author, outlet, published, kind, rights, notes FROM sources ORDER BY id"
    ).fetchall()
    provenance = "\n".join(
        f"- {sid}: {author}, “{title}”, {outlet or 'no outlet shown'}"
        f"{', ' + published if published else ''} ({kind}). Rights: {rights}"
        for sid, title, author, outlet, published, kind, rights, _ in sources
    )
    tables: dict[str, dict] = {}
    for name, (description, columns) in TABLES.items():
        entry: dict = {"description": description}
        if columns:
            entry["columns"] = columns
        if name in schema.FTS:
            entry.update({"fts_table": f"{name}_fts", "fts_pk": "rowid"})
        tables[name] = entry
    tables["sources"]["description"] += " Licences and provenance:\n" + provenance
    for name in HIDDEN:
        tables[name] = {"hidden": True}
    version = conn.execute("PRAGMA user_version").fetchone()[0]
    return {
        "title": "Maisky Timeline",
        "description": (
            "Soviet diplomacy 1917-1975 centred on Ivan Maisky: events, people, places and the verbatim "
            f"passages of five sources they are anchored in (store schema version {version}). Read-only."
        ),
        "license": "Mixed: each source keeps its own rights (see the sources table)",
        "source": "Five source documents; provenance and sha256 in the sources table",
        "databases": {
            DATABASE: {
                "description": "The Maisky Timeline store. Full-text search works on passages, events and people.",
                "tables": tables,
                "queries": QUERIES,
            }
        },
    }


def publish(store: Path, out_dir: Path) -> tuple[Path, Path]:
    """Copy a vetted store to ``out_dir`` and write its Datasette metadata beside it (atomically)."""
    conn = open_store(store)
    try:
        meta = metadata(conn)
    finally:
        conn.close()
    problem = check_store(store)
    if problem:
        raise ValueError(problem)
    out_dir.mkdir(parents=True, exist_ok=True)
    target, meta_path = out_dir / STORE_FILE, out_dir / METADATA_FILE
    for path, write in (
        (target, lambda tmp: shutil.copyfile(store, tmp)),
        (meta_path, lambda tmp: tmp.write_text(json.dumps(meta, indent=2, ensure_ascii=False) + "\n", "utf-8")),
    ):
        tmp = path.with_name(path.name + ".tmp")
        write(tmp)
        os.replace(tmp, path)
    return target, meta_path


def serve_command(out_dir: Path, port: int = 8001) -> str:
    """The one command that serves a published folder (read-only, immutable, cached)."""
    return (
        f"datasette serve -i {out_dir / STORE_FILE} -m {out_dir / METADATA_FILE} "
        f"-h 127.0.0.1 -p {port} --setting default_cache_ttl 3600"
    )


def asgi_app():
    """Datasette's ASGI app over the folder in ``MAISKY_PUBLISHED``, for several processes on one port:

        MAISKY_PUBLISHED=DIR uvicorn --factory maisky_desktop.store.publish:asgi_app --workers 4 --port 8001

    Each worker is a whole Datasette with its own read-only connections; uvicorn shares the
    listening socket between them. Datasette's start-up hooks run on the first request.
    """
    from datasette.app import Datasette

    folder = Path(os.environ["MAISKY_PUBLISHED"])
    ds = Datasette(
        immutables=[str(folder / STORE_FILE)],
        metadata=json.loads((folder / METADATA_FILE).read_text("utf-8")),
        settings={"default_cache_ttl": 3600},
    )
    inner = ds.app()

    async def app(scope, receive, send):
        await ds.invoke_startup()  # does its work once
        await inner(scope, receive, send)

    return app
