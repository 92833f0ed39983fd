"""The user's own database: kill-safety, backups and restore, migrations, clear errors."""

from __future__ import annotations

import hashlib
import random
import signal
import sqlite3
import subprocess
import sys
import time
from datetime import date
from pathlib import Path

import pytest
from sqlite_utils import Database

from maisky_desktop import paths
from maisky_desktop.store.userdata import BACKUP_DIR, DB_NAME, MIGRATIONS, UserData, UserDataError

WRITER = Path(__file__).with_name("userdata_writer.py")


def _integrity(path: Path) -> str:
    conn = sqlite3.connect(path)
    try:
        return conn.execute("PRAGMA integrity_check").fetchone()[0]
    finally:
        conn.close()


def test_notes_live_in_their_own_file_with_wal(tmp_path):
    user = UserData.open(tmp_path)
    note = user.add_note(
        "passage", "src/p0001", "Maisky's tone", source_id="src", char_start=10, char_end=42, quote="the quoted words"
    )
    assert user.db.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    assert (tmp_path / DB_NAME).is_file()
    again = user.notes("passage", "src/p0001")
    assert again == [note] and (note.char_start, note.char_end, note.quote) == (10, 42, "the quoted words")
    user.close()


def test_sigkill_while_writing_loses_no_committed_note(tmp_path):
    """Kill a writer at random moments, again and again: every note it reported committed is there."""
    rng = random.Random(1938)
    committed: dict[int, bool] = {}  # id -> edited
    rounds = 0
    started = time.monotonic()
    while rounds < 12 and time.monotonic() - started < 20:
        proc = subprocess.Popen(
            [sys.executable, str(WRITER), str(tmp_path)], stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True
        )
        first = proc.stdout.readline()  # writing has begun (start-up time varies with the machine's load)
        time.sleep(rng.uniform(0.0, 0.25))
        proc.send_signal(signal.SIGKILL)
        out, err = proc.communicate(timeout=10)
        out = first + out
        assert proc.returncode == -signal.SIGKILL, err
        for line in out.splitlines():
            if line.startswith("edited "):
                committed[int(line.split()[1])] = True
            elif line.strip():
                committed.setdefault(int(line), False)
        rounds += 1
        assert _integrity(tmp_path / DB_NAME) == "ok"
    assert rounds >= 5 and len(committed) > 20, (rounds, len(committed))
    print(f"{rounds} kills, {len(committed)} notes reported committed")
    user = UserData.open(tmp_path)
    assert user.messages == []  # nothing to restore: a kill never damages the file
    stored = {n.id: n.body for n in user.notes()}
    missing = [i for i in committed if i not in stored]
    assert missing == []
    assert all(stored[i].endswith("edited") for i, edited in committed.items() if edited)
    user.close()


def _corrupt_pages(path: Path) -> None:
    """Overwrite the middle of the file (b-tree pages) with junk, as a bad sector or a crash of the disk would."""
    size = path.stat().st_size
    with open(path, "r+b") as fh:
        fh.seek(4096)
        fh.write(bytes(range(256)) * ((size - 4096) // 256))


@pytest.mark.parametrize("damage", ["pages", "header"])
def test_a_damaged_database_is_restored_from_the_newest_good_backup(tmp_path, damage):
    days = iter([date(1938, 9, 28), date(1938, 9, 29), date(1938, 9, 30), date(1938, 9, 30)])
    today = [next(days)]
    user = UserData.open(tmp_path, clock=lambda: today[0])
    for i in range(30):
        user.add_note("event", "munich-agreement", f"note {i} " + "x" * 300)
    today[0] = next(days)
    user.add_note("event", "munich-agreement", "note 30")  # first action of the day: backup before it lands
    backup = user.backups()[0]
    assert backup.name == "userdata-1938-09-29.sqlite"
    today[0] = next(days)
    user.add_note("person", "chamberlain", "written after the newest backup")
    user.db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    user.close()
    # An older backup that is itself damaged must be skipped in favour of the newest good one.
    newest = tmp_path / BACKUP_DIR / "userdata-1938-09-30.sqlite"
    newest.write_bytes(b"not a database at all")
    path = tmp_path / DB_NAME
    if damage == "pages":
        _corrupt_pages(path)
    else:
        with open(path, "r+b") as fh:
            fh.write(b"garbage garbage!")
    user = UserData.open(tmp_path, clock=lambda: date(1938, 10, 1))
    assert len(user.messages) == 1
    message = user.messages[0]
    assert "damaged" in message and "userdata-1938-09-29.sqlite" in message and "30 notes" in message
    bodies = {n.body.split(" ")[0] + " " + n.body.split(" ")[1] for n in user.notes()}
    assert {f"note {i}" for i in range(30)} == bodies
    kept = [p for p in tmp_path.glob(f"{DB_NAME}.damaged-*") if p.name.endswith(tuple("0123456789"))]
    assert len(kept) == 1 and message.endswith(f"kept as {kept[0].name}.")
    assert _integrity(path) == "ok"
    user.close()


def test_no_good_backup_starts_empty_and_says_so(tmp_path):
    (tmp_path / DB_NAME).write_bytes(b"SQLite format 3\x00" + b"\xff" * 5000)
    user = UserData.open(tmp_path)
    assert "no good backup" in user.messages[0] and user.notes() == []
    assert list(tmp_path.glob(f"{DB_NAME}.damaged-*"))
    user.close()


def test_backups_rotate_daily_keeping_n(tmp_path):
    today = [date(1939, 8, 1)]
    user = UserData.open(tmp_path, keep=3, clock=lambda: today[0])
    for day in range(2, 9):
        today[0] = date(1939, 8, day)
        user.add_note("event", "pact", f"day {day}")
    names = [p.name for p in user.backups()]
    assert names == ["userdata-1939-08-08.sqlite", "userdata-1939-08-07.sqlite", "userdata-1939-08-06.sqlite"]
    # each backup is a consistent database holding the notes of the days before it
    conn = sqlite3.connect(user.backups()[0])
    assert conn.execute("SELECT count(*) FROM notes").fetchone()[0] == 6
    conn.close()
    user.close()


def test_migration_from_the_previous_schema_keeps_every_note(tmp_path):
    """A file at schema version 1 (notes only) opened by this version: every note stays, new tables appear."""
    later = [m.name for m in MIGRATIONS._migrations[1:]]
    assert later, "there is a schema after version 1"
    path = tmp_path / DB_NAME
    db = Database(path)
    MIGRATIONS.apply(db, stop_before=later[0])
    assert not db["own_events"].exists()
    rows = [
        {
            "target_kind": "event",
            "target_id": f"e{i}",
            "body": f"old note {i}",
            "bookmark": i % 2,
            "created": "2026-01-01T00:00:00+00:00",
            "updated": "2026-01-01T00:00:00+00:00",
        }
        for i in range(200)
    ]
    db["notes"].insert_all(rows)
    db.close()
    user = UserData.open(tmp_path)
    assert user.schema_version == [m.name for m in MIGRATIONS._migrations]
    assert sorted(n.body for n in user.notes()) == sorted(r["body"] for r in rows)
    assert sum(n.bookmark for n in user.notes()) == 100
    assert "upgraded" in user.messages[0]
    assert any("before-" in p.name for p in user.backups())
    assert user.db["own_events"].exists() and user.db["notes_fts"].exists()
    # the notes written under version 1 are searchable under version 2
    hits = user.db.execute("SELECT count(*) FROM notes_fts WHERE notes_fts MATCH 'old'").fetchone()[0]
    assert hits == 200
    user.close()


def test_a_file_from_a_newer_app_is_refused_untouched(tmp_path):
    user = UserData.open(tmp_path)
    user.db["_sqlite_migrations"].insert(
        {"migration_set": "maisky-userdata", "name": "9999_future", "applied_at": "2099-01-01"}
    )
    user.close()
    before = (tmp_path / DB_NAME).read_bytes()
    with pytest.raises(UserDataError, match="newer version"):
        UserData.open(tmp_path)
    assert (tmp_path / DB_NAME).read_bytes() == before


def test_full_disk_gives_a_clear_message_and_keeps_what_was_there(tmp_path):
    user = UserData.open(tmp_path)
    user.add_note("event", "rapallo", "kept")
    pages = user.db.execute("PRAGMA page_count").fetchone()[0]
    user.db.execute(f"PRAGMA max_page_count = {pages}")  # SQLite's own 'database or disk is full'
    with pytest.raises(UserDataError, match="disk is full") as info:
        user.add_note("event", "rapallo", "y" * 200_000)
    assert "Nothing was changed" in str(info.value)
    assert [n.body for n in user.notes()] == ["kept"]
    user.close()


def test_read_only_database_gives_a_clear_message(tmp_path):
    user = UserData.open(tmp_path)
    user.add_note("event", "rapallo", "kept")
    user.db.execute("PRAGMA query_only = 1")  # what SQLite reports for a read-only file
    with pytest.raises(UserDataError, match="read-only"):
        user.update_note(user.notes()[0].id, "changed")
    assert user.notes()[0].body == "kept"
    user.close()


def test_a_folder_that_cannot_exist_gives_a_clear_message(tmp_path):
    blocker = tmp_path / "a-file"
    blocker.write_text("x")
    with pytest.raises(UserDataError, match="cannot create the notes folder"):
        UserData.open(blocker / "notes")


def test_notes_never_go_into_the_shipped_store_folder():
    with pytest.raises(UserDataError, match="app's own data folder"):
        UserData.open(paths.data_dir())


def test_the_shipped_store_is_byte_identical_after_a_session_of_notes(tmp_path, embedded_store):
    from maisky_desktop.store.reader import Store

    before = hashlib.sha256(embedded_store.read_bytes()).hexdigest()
    store = Store.open(embedded_store)
    user = UserData.open(tmp_path / "notes")
    for event in store.events()[:20]:
        anchor = store.anchors(event.id)[0]
        user.add_note(
            "passage",
            anchor.passage_id,
            f"on {event.title}",
            source_id=anchor.source_id,
            char_start=anchor.char_start,
            char_end=anchor.char_end,
            quote=anchor.quote,
        )
        user.add_note("event", event.id, "bookmark", bookmark=True)
    user.close()
    store.close()
    assert hashlib.sha256(embedded_store.read_bytes()).hexdigest() == before
