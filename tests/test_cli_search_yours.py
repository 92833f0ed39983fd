"""`maisky-desktop search` lists the researcher's own events and documents as the window does, reading them only."""

import json
import os
import subprocess
import sys

import pytest

from maisky_desktop import paths
from maisky_desktop.core.own_documents import read_document
from maisky_desktop.core.own_events import draft_event
from maisky_desktop.store import own_records
from maisky_desktop.store.all_sources import AllSources
from maisky_desktop.store.reader import Store
from maisky_desktop.store.userdata import UserData


def _run(*args: str, data_home=None) -> subprocess.CompletedProcess:
    env = {**os.environ, **({"XDG_DATA_HOME": str(data_home)} if data_home else {})}
    return subprocess.run(
        [sys.executable, "-m", "maisky_desktop", *args], capture_output=True, text=True, timeout=120, env=env
    )


@pytest.fixture
def notes(tmp_path):
    """A notes folder with one own event and one own document, as the window leaves it (closed)."""
    folder = tmp_path / "notes"
    store = Store.open(paths.default_store())
    user = UserData.open(folder)
    sources = AllSources(store, user)
    event = own_records.save_event(
        user,
        draft_event(sources, "Lunch with Beaverbrook at Cherkley", "1938-09-02", note="Litvinov's telegram read out"),
    )
    doc = tmp_path / "letters.md"
    doc.write_text("# Letters from Kensington\n\nMaisky wrote to Litvinoff about the Sudeten crisis.\n", "utf-8")
    own_records.save_document(user, read_document(doc))
    user.close()
    store.close()
    return folder, event.id


def test_your_events_and_documents_are_listed_after_the_top_hit_marked_yours(notes):
    folder, event_id = notes
    before = (folder / "userdata.sqlite").read_bytes()
    proc = _run("--user-data", str(folder), "search", "Litvinoff", "--limit", "2")
    assert proc.returncode == 0 and proc.stderr == "", proc.stderr
    lines = proc.stdout.splitlines()
    assert lines[0] == "Top hit" and lines[1].startswith("person   litvinov  Maxim Litvinov")
    assert lines[3:8] == [
        "",
        "Your events",
        f"yours    {event_id}  Lunch with Beaverbrook at Cherkley  (2 September 1938)",
        "         [Litvinov]'s telegram read out",
        "",
    ]
    assert lines[8] == "Your documents" and lines[9].startswith("yours    doc-")
    assert "Letters from Kensington, ¶ 1  (your document)" in lines[9]
    assert lines[10] == "         Maisky wrote to [Litvinoff] about the Sudeten crisis."
    assert lines[11:13] == ["", "All results"] and lines[13].startswith("event    litvinov")
    assert (folder / "userdata.sqlite").read_bytes() == before  # a search never writes the notes


def test_json_adds_your_hits_as_lines_of_their_own_and_keeps_the_store_lines(notes):
    folder, event_id = notes
    alone = [json.loads(line) for line in _run("search", "Litvinoff", "--json").stdout.splitlines()]
    proc = _run("--user-data", str(folder), "search", "Litvinoff", "--json")
    rows = [json.loads(line) for line in proc.stdout.splitlines()]
    assert proc.returncode == 0
    assert rows[0]["top"] and rows[0]["id"] == "litvinov"
    mine = rows[1]
    assert (mine["kind"], mine["id"], mine["title"], mine["date"], mine["edtf"], mine["yours"]) == (
        "own event",
        event_id,
        "Lunch with Beaverbrook at Cherkley",
        "2 September 1938",
        "1938-09-02",
        True,
    )
    assert mine["snippet"] == "Litvinov's telegram read out" and mine["highlights"] == [[0, 8]] and not mine["top"]
    assert rows[2]["kind"] == "own passage" and rows[2]["yours"] is True
    assert [rows[0], *rows[3:]] == alone  # the store's lines are as they were, none marked yours


def test_the_default_user_data_folder_is_the_one_the_window_reads(notes, tmp_path):
    folder, event_id = notes
    home = tmp_path / "data-home"
    (home / "maisky-timeline").mkdir(parents=True)
    folder.rename(home / "maisky-timeline" / "notes")
    (home / "maisky-timeline" / "notes" / "userdata.sqlite").rename(home / "maisky-timeline" / "userdata.sqlite")
    proc = _run("search", "Cherkley", "--json", data_home=home)
    assert proc.returncode == 0, proc.stderr
    assert [r["id"] for r in map(json.loads, proc.stdout.splitlines()) if r.get("yours")] == [event_id]


def test_without_a_notes_database_the_output_is_the_stores_alone_and_nothing_is_created(tmp_path):
    folder = tmp_path / "never-made"
    proc = _run("--user-data", str(folder), "search", "Maiskii", "--limit", "3")
    assert proc.returncode == 0 and proc.stderr == ""
    assert proc.stdout == _run("search", "Maiskii", "--limit", "3").stdout
    assert "yours" not in proc.stdout and "Your events" not in proc.stdout
    assert not folder.exists()


def test_a_damaged_notes_database_is_one_line_and_the_stores_results_still_print(tmp_path):
    folder = tmp_path / "notes"
    folder.mkdir()
    garbage = b"these are not my notes\n" * 300
    (folder / "userdata.sqlite").write_bytes(garbage)
    proc = _run("--user-data", str(folder), "search", "Maiskii", "--limit", "3")
    assert proc.returncode == 1
    problem = proc.stderr.splitlines()
    assert len(problem) == 1 and "Traceback" not in proc.stderr
    assert problem[0].startswith(f"maisky-desktop: your own events and documents in {folder / 'userdata.sqlite'}")
    assert "cannot be searched (file is not a database)" in problem[0]
    assert "restored from the newest good backup" in problem[0]
    assert proc.stdout == _run("search", "Maiskii", "--limit", "3").stdout  # the store's results, all of them
    assert (folder / "userdata.sqlite").read_bytes() == garbage
