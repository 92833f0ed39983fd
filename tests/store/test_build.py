"""The built store: exact slices, full-text search, the time index, determinism, freshness."""

import sqlite3
from datetime import date
from pathlib import Path

from maisky_desktop import paths
from maisky_desktop.store import schema
from maisky_desktop.store.build import build, inputs_digest


def test_every_passage_row_is_the_exact_slice_of_its_source(built_store, source_texts):
    db = sqlite3.connect(built_store)
    rows = db.execute("SELECT source_id, char_start, char_end, text FROM passages").fetchall()
    assert len(rows) > 300
    for source_id, start, end, text in rows:
        assert source_texts[source_id][start:end] == text


def test_every_anchor_row_is_the_exact_slice_and_inside_its_passage(built_store, source_texts):
    db = sqlite3.connect(built_store)
    rows = db.execute(
        "SELECT a.source_id, a.char_start, a.char_end, a.quote, p.char_start, p.char_end FROM event_anchors a "
        "JOIN passages p ON p.id = a.passage_id"
    ).fetchall()
    assert len(rows) >= db.execute("SELECT count(*) FROM events").fetchone()[0]
    for source_id, start, end, quote, p_start, p_end in rows:
        assert source_texts[source_id][start:end] == quote
        assert p_start <= start < end <= p_end


def test_required_tables_and_version(built_store):
    db = sqlite3.connect(built_store)
    names = {r[0] for r in db.execute("SELECT name FROM sqlite_master")}
    assert set(schema.REQUIRED_TABLES) <= names
    assert db.execute("PRAGMA user_version").fetchone()[0] == schema.SCHEMA_VERSION
    cols = [r[1] for r in db.execute("PRAGMA table_info(events)")]
    assert cols[:8] == ["id", "title", "summary", "date", "date_text", "date_from", "date_to", "precision"]


def test_full_text_search_folds_diacritics_and_combining_accents(store):
    hits = store.search_passages('"Майский"')  # the file writes Ма́йский with a combining accent
    assert any("Ма́йский" in p.text for p in hits)
    assert store.search_passages('"Yrjo"') and store.search_passages('"Yrjö"')
    assert any("Rapallo" in p.text for p in store.search_passages("rapallo"))


def test_people_search_covers_aliases(built_store):
    db = sqlite3.connect(built_store)
    found = db.execute(
        "SELECT p.id FROM people_fts f JOIN people p ON p.rowid = f.rowid WHERE people_fts MATCH ?", ('"Lyakhovetsky"',)
    ).fetchall()
    assert ("maisky",) in found


def test_events_in_a_window_come_from_the_time_index(store):
    window = store.events_between(date(1927, 5, 1), date(1927, 5, 31))
    ids = {e.id for e in window}
    assert {"arcos-raid", "anglo-soviet-break-1927"} <= ids
    assert all(e.date_from <= "1927-05-31" and e.date_to >= "1927-05-01" for e in window)
    plan = " ".join(
        str(r)
        for r in store.conn.execute("EXPLAIN QUERY PLAN SELECT id FROM event_spans WHERE day_from <= 1 AND day_to >= 0")
    )
    assert "VIRTUAL TABLE INDEX" in plan


def test_building_twice_gives_identical_bytes(resolved, tmp_path: Path):
    catalog = paths.catalog_dir()
    a = build(resolved, tmp_path / "a.sqlite", catalog)
    b = build(resolved, tmp_path / "b.sqlite", catalog)
    assert a.read_bytes() == b.read_bytes()


def test_the_shipped_store_is_built_from_the_current_inputs(resolved, embedded_store):
    db = sqlite3.connect(embedded_store)
    stored = dict(db.execute("SELECT key, value FROM meta").fetchall())
    assert stored["inputs_sha256"] == inputs_digest(resolved, paths.catalog_dir()), (
        "seeds or catalog changed: run 'maisky-desktop build' and commit the store"
    )


def test_open_ended_dates_are_stored_with_their_open_side(store):
    by = store.event("narkomindel-compromise-on-propaganda")
    after = store.event("kollontai-shuns-german-diplomats")
    assert (by.date, by.open_start, by.open_end, by.date_from, by.date_to) == (
        "../1924",
        1,
        0,
        "1924-01-01",
        "1924-12-31",
    )
    assert (after.date, after.open_start, after.open_end, after.date_from) == ("1933/..", 0, 1, "1933-01-01")
    assert store.event("treaty-of-rapallo").open_start == 0


def test_each_disagreement_is_a_conflict_with_its_field_and_its_own_readings(store):
    assert store.conflicts("maisky-recalled-1943")[0].field == "cause"
    readings = [a for a in store.anchors("maisky-recalled-1943") if a.reading]
    assert {a.reading_field for a in readings} == {"cause"} and len(readings) >= 4
    assert any("advice" in a.reading for a in readings) and any("Second Front" in a.reading for a in readings)


def test_person_passages_list_every_passage_that_names_them(store, source_texts):
    mentions = store.mentions("litvinov")
    assert len(mentions) > 20
    for m in mentions:
        assert source_texts[m.source_id][m.char_start : m.char_end] in m.aliases.split("; ")
        assert m.kind != "reference"
    assert store.conn.execute("SELECT passage_count FROM people WHERE id = 'litvinov'").fetchone()[0] == len(mentions)


def _mentioned_as(store, person_id: str) -> list[tuple[str, str]]:
    """(source id, the words around each mention) for every mention of the person."""
    rows = store.conn.execute(
        "SELECT p.source_id, p.text, m.char_start - p.char_start, m.char_end - p.char_start "
        "FROM person_passages m JOIN passages p ON p.id = m.passage_id WHERE m.person_id = ?",
        (person_id,),
    ).fetchall()
    return [(src, text[max(0, a - 12) : b + 12]) for src, text, a, b in rows]


def test_a_name_printed_only_in_references_does_not_lend_its_words_to_a_catalog_person(store):
    # "Ivan" is Harvey's name for Maisky, not the Ivan of "Ivan Zalkind to Chicherin" (a cited letter)
    assert not [c for _, c in _mentioned_as(store, "maisky") if "Zalkind" in c]
    assert [c for _, c in _mentioned_as(store, "maisky") if "However, Ivan" in c]
    # the Comintern article's Chamberlain is Sir Austen, in its notes; Neville is Gorodetsky's
    assert {src for src, _ in _mentioned_as(store, "neville-chamberlain")} == {"gorodetsky-globe"}
    # Maria Berzin wrote a commentary on Jan Berzin's case; only his own mentions are his
    berzin = [c for _, c in _mentioned_as(store, "berzin")]
    assert not [c for c in berzin if "Maria Berzin" in c] and [c for c in berzin if "Jan Antonovich Berzin" in c]


def test_csv_and_json_exports_carry_open_dates_as_edtf_and_words(store):
    import csv
    import io
    import json

    from maisky_desktop.core.formats import events_table
    from maisky_desktop.store.exports import Gatherer

    rows = Gatherer(store, None).events(include_own=False)
    by = next(r for r in rows if r.id == "narkomindel-compromise-on-propaganda")
    after = next(r for r in rows if r.id == "kollontai-shuns-german-diplomats")
    table = {r["id"]: r for r in csv.DictReader(io.StringIO(events_table.to_csv([by, after]), newline=""))}
    assert (table[by.id]["date"], table[by.id]["words"]) == ("../1924", "by 1924")
    assert (table[after.id]["date"], table[after.id]["words"]) == ("1933/..", "after 1933")
    back = {r["id"]: r for r in json.loads(events_table.to_json([by, after]))}
    assert (back[by.id]["date"], back[by.id]["words"]) == ("../1924", "by 1924")
