"""An Excel workbook through the window's import preview and the command line, as a researcher brings one."""

import datetime as dt
import subprocess
import sys

import pytest
from openpyxl import Workbook

from maisky_desktop.store import own_records
from maisky_desktop.ui.notes.research import attach


@pytest.fixture
def research(window, tmp_path):
    return attach(window, tmp_path / "notes", restore=False)


def _events_workbook(path):
    book = Workbook()
    sheet = book.active
    sheet.title = "My events"
    sheet.append(["title", "date", "end", "note"])
    sheet.append(["Anglo-Soviet trade talks", dt.date(1934, 2, 16), None, "a date cell"])
    sheet.append(["Vague", "mid 1938", None, None])
    sheet.append([])
    sheet.append(["Embassy years", dt.date(1932, 10, 27), dt.date(1943, 7, 22), None])
    sheet.append(["Budget year", 1938, None, "a number cell"])
    book.save(path)
    return path


def test_the_preview_of_a_workbook_numbers_its_rows_and_imports_day_dates(research, window, tmp_path):
    dialog = research.import_preview()
    dialog.load(_events_workbook(tmp_path / "events.xlsx"))
    assert "events.xlsx" in dialog.file_label.text()
    assert dialog.summary.text() == "3 events to import, 1 row with problems"
    cells = [[dialog.table.item(r, c).text() for c in range(4)] for r in range(dialog.table.rowCount())]
    assert cells == [
        ["2", "ok", "Anglo-Soviet trade talks", "16 February 1934"],
        ["3", cells[1][1], "Vague", ""],
        ["5", "ok", "Embassy years", "27 October 1932–22 July 1943"],
        ["6", "ok", "Budget year", "1938"],
    ]
    assert "“mid” is not a date word" in cells[1][1]
    assert research.user.db["own_events"].count == 0  # nothing written by the preview
    dialog.confirm()
    research.refresh_own_events()
    talks = next(e for e in own_records.own_events(research.user) if e.title.startswith("Anglo"))
    assert (talks.date, talks.precision) == ("1934-02-16", "day")
    assert talks.day_from == talks.day_to == dt.date(1934, 2, 16).toordinal()
    assert window.timeline.layout_data.index_of(talks.id) is not None  # in the My events lane


def test_a_broken_workbook_gives_one_message_and_no_import(research, tmp_path):
    path = tmp_path / "broken.xlsx"
    path.write_bytes(b"PK\x03\x04 not really a workbook")
    dialog = research.import_preview()
    dialog.load(path)
    assert dialog.summary.text().startswith("broken.xlsx: not a readable Excel workbook (")
    assert dialog.table.rowCount() == 0 and not dialog.import_button.isEnabled()


def test_the_command_line_previews_and_imports_a_workbook(tmp_path):
    path = _events_workbook(tmp_path / "events.xlsx")

    def run(*args):
        cmd = [sys.executable, "-m", "maisky_desktop", "--user-data", str(tmp_path / "user"), "import", "events"]
        return subprocess.run([*cmd, str(path), *args], capture_output=True, text=True, timeout=120)

    proc = run()
    assert proc.returncode == 1 and "row 2: ok  16 February 1934" in proc.stdout
    assert "events.xlsx:3: date: “mid” is not a date word" in proc.stdout and "nothing written" in proc.stdout
    proc = run("--yes")
    assert proc.returncode == 0 and "imported 3 events" in proc.stdout, proc.stderr
    broken = tmp_path / "events.xlsx"
    broken.write_bytes(b"garbage")
    proc = run()
    assert proc.returncode == 1 and proc.stderr.startswith("events.xlsx: not a readable Excel workbook")
    assert "Traceback" not in proc.stderr and proc.stderr.count("\n") == 1
