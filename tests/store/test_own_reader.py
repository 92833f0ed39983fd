"""The search's read-only view of the user database: a file it cannot search is one sentence, never a traceback."""

import sqlite3

import pytest

from maisky_desktop.core.own_events import draft_event
from maisky_desktop.core.search import parse
from maisky_desktop.store import own_records
from maisky_desktop.store.all_sources import AllSources
from maisky_desktop.store.own_reader import OwnDataError, OwnReader
from maisky_desktop.store.userdata import UserData


@pytest.fixture
def user(tmp_path):
    u = UserData.open(tmp_path / "user")
    yield u
    u.close()


def _one_sentence(exc: pytest.ExceptionInfo, path, reason: str) -> None:
    message = str(exc.value)
    assert "\n" not in message and str(path) in message and reason in message
    assert "restored from the newest good backup" in message and str(path.parent / "backups") in message


@pytest.mark.parametrize(
    ("content", "reason"),
    [
        (None, "the file is missing"),
        (b"These are my notes, typed into the wrong file by hand.\n" * 100, "not a database"),
    ],
)
def test_a_missing_or_foreign_file_is_one_sentence_naming_it(tmp_path, content, reason):
    path = tmp_path / "userdata.sqlite"
    if content is not None:
        path.write_bytes(content)
    with pytest.raises(OwnDataError) as exc:
        OwnReader.open(path)
    _one_sentence(exc, path, reason)
    assert content is None or path.read_bytes() == content  # left as it was


def test_an_sqlite_file_that_is_not_a_notes_database_is_refused_and_left_untouched(tmp_path, foreign_sqlite):
    path = tmp_path / "userdata.sqlite"
    before = foreign_sqlite(path, "recipes")
    with pytest.raises(OwnDataError) as exc:
        OwnReader.open(path)
    _one_sentence(exc, path, "it has no own_events table")
    assert path.read_bytes() == before


def test_a_file_damaged_where_opening_does_not_look_is_one_sentence_at_the_search(user, store):
    own_records.save_event(user, draft_event(AllSources(store, user), "Tea with Vansittart", "1937"))
    user.close()  # the last connection: the WAL is checked back into the file
    conn = sqlite3.connect(user.path)
    page = conn.execute("PRAGMA page_size").fetchone()[0]
    named = "SELECT rootpage FROM sqlite_master WHERE name IN ('own_events', 'own_events_fts_data')"
    roots = [r[0] for r in conn.execute(named)]
    conn.close()
    with open(user.path, "r+b") as fh:  # the events' pages scribbled over; the schema on page 1 intact
        for root in roots:
            fh.seek((root - 1) * page)
            fh.write(b"\xff" * page)
    reader = OwnReader.open(user.path)
    with pytest.raises(OwnDataError) as exc:
        reader.search(parse("vansittart"))
    _one_sentence(exc, user.path, "own_events_fts")
    reader.close()


def test_a_cancelled_search_stops_and_is_not_called_damage(user, store):
    sources = AllSources(store, user)
    own_records.import_events(user, [draft_event(sources, f"Cable {i} to Moscow", "1939") for i in range(300)])
    stop = [False]
    reader = OwnReader.open(user.path, cancelled=lambda: stop[0])
    assert len(reader.search(parse("cable moscow"))[0]["own event"]) == 10
    stop[0] = True
    with pytest.raises(sqlite3.OperationalError, match="interrupt"):
        reader.search(parse("cable moscow"))
    stop[0] = False
    assert len(reader.search(parse("cable moscow"))[0]["own event"]) == 10  # the reader goes on
    reader.close()
