"""Events from a real .xlsx workbook (written by openpyxl here): the CSV's preview, Excel dates kept to the day."""

import datetime as dt
import zipfile

import pytest
from openpyxl import Workbook
from test_csv_import import FakeSources

from maisky_desktop.core.csv_import import read_events_file
from maisky_desktop.core.dates import parse
from maisky_desktop.core.xlsx_import import cell_text, read_events_xlsx


def _workbook(path, rows, title="Events"):
    book = Workbook()
    sheet = book.active
    sheet.title = title
    for row in rows:
        sheet.append(row)
    book.save(path)
    return path


def test_date_cells_keep_their_day_before_1970_and_rows_keep_the_spreadsheets_numbers(tmp_path):
    path = _workbook(
        tmp_path / "events.xlsx",
        [
            ["Date", "Title", "People", "Source", "Quote"],  # any order, any case
            [
                dt.date(1938, 9, 29),
                "Munich",
                "Neville Chamberlain; Ivan Maisky",
                "the diary",
                "Maisky waited in London",
            ],
            [dt.datetime(1917, 11, 7), "October", None, None, None],
            [dt.datetime(1941, 6, 22, 3, 15), "Barbarossa", None, None, None],  # the time of day is dropped
            [],  # a blank row: layout, skipped, but the numbers below stay the spreadsheet's
            [dt.date(1884, 1, 19), "Maisky born", None, None, None],
            [1938, "A year typed as a number", None, None, None],
            ["summer 1938", "Words", None, None, None],
            ["mid 1938", "A guess refused", None, None, None],
            ["03/04/1939", "Day or month first?", None, None, None],
            [dt.date(1939, 8, 23), None, None, None, None],
        ],
    )
    preview = read_events_xlsx(path, FakeSources())
    assert preview.problems == [] and preview.file == "events.xlsx, sheet “Events”"
    good = {r.row: r.draft for r in preview.rows if r.draft}
    assert {n: (d.date, d.precision) for n, d in good.items()} == {
        2: ("1938-09-29", "day"),
        3: ("1917-11-07", "day"),
        4: ("1941-06-22", "day"),
        6: ("1884-01-19", "day"),
        7: ("1938", "year"),
        8: ("1938-22", "season"),
    }
    assert good[3].day_from == parse("1917-11-07").start.toordinal()  # a calendar day, no timestamp
    assert good[2].date_words == "29 September 1938" and good[2].anchor.passage_id == "diary/p0001"
    bad = {r.row: r.reason for r in preview.bad}
    assert set(bad) == {9, 10, 11}
    assert "“mid” is not a date word" in bad[9] and "ambiguous" in bad[10] and bad[11] == "no title"
    assert preview.summary() == "6 events to import, 3 rows with problems"


def test_cells_read_as_a_csv_export_would_hold_them():
    assert cell_text(None) == "" and cell_text(1938.0) == "1938" and cell_text(1938.5) == "1938.5"
    assert (
        cell_text(dt.datetime(1905, 1, 22, 23, 59)) == "1905-01-22" and cell_text(dt.date(1917, 3, 8)) == "1917-03-08"
    )
    assert cell_text("  summer 1938 ") == "summer 1938" and cell_text(True) == "TRUE"


def test_a_missing_column_names_the_file_sheet_and_row(tmp_path):
    path = _workbook(tmp_path / "w.xlsx", [["name", "when"], ["x", dt.date(1938, 1, 1)]], title="Sheet1")
    preview = read_events_xlsx(path, FakeSources())
    assert preview.rows == []
    assert preview.problems[0].startswith("w.xlsx, sheet “Sheet1”:1: the header lacks title, date")


def _truncated(tmp_path):
    whole = _workbook(tmp_path / "whole.xlsx", [["title", "date"], ["a", "1938"]])
    cut = tmp_path / "cut.xlsx"
    cut.write_bytes(whole.read_bytes()[: whole.stat().st_size // 2])
    return cut


def _not_a_workbook(tmp_path):
    path = tmp_path / "notes.xlsx"
    with zipfile.ZipFile(path, "w") as z:
        z.writestr("readme.txt", "a zip, but no workbook in it")
    return path


def _damaged_sheet(tmp_path):
    whole = _workbook(tmp_path / "whole.xlsx", [["title", "date"], ["a", "1938"]])
    path = tmp_path / "damaged.xlsx"
    with zipfile.ZipFile(whole) as src, zipfile.ZipFile(path, "w") as dst:
        for item in src.infolist():
            data = src.read(item.filename)
            dst.writestr(item, b"<worksheet><sheetData><row" if item.filename.endswith("sheet1.xml") else data)
    return path


@pytest.mark.parametrize(
    "make",
    [
        lambda tmp: (tmp / "random.xlsx", tmp.joinpath("random.xlsx").write_bytes(b"\x00garbage" * 50))[0],
        _truncated,
        _not_a_workbook,
        _damaged_sheet,
        lambda tmp: (tmp / "empty.xlsx", tmp.joinpath("empty.xlsx").write_bytes(b""))[0],
    ],
)
def test_a_broken_workbook_is_one_clear_message(tmp_path, make):
    path = make(tmp_path)
    preview = read_events_xlsx(path, FakeSources())
    assert preview.rows == [] and len(preview.problems) == 1
    assert preview.problems[0].startswith(f"{path.name}: not a readable Excel workbook (")
    assert "save it again from the spreadsheet as .xlsx, or as “CSV UTF-8”" in preview.problems[0]


def test_the_old_xls_format_and_a_missing_file_are_told_in_words(tmp_path):
    old = tmp_path / "old.xls"
    old.write_bytes(b"\xd0\xcf\x11\xe0" + b"\x00" * 100)
    assert "the old binary .xls format cannot be read" in read_events_file(old, FakeSources()).problems[0]
    gone = read_events_file(tmp_path / "gone.xlsx", FakeSources())
    assert gone.rows == [] and gone.problems == ["gone.xlsx: cannot read: No such file or directory"]
    locked = tmp_path / "locked.xlsx"  # what Excel writes for a workbook with a password to open
    locked.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 504)
    assert "password-protected" in read_events_file(locked, FakeSources()).problems[0]


def test_the_file_kind_is_chosen_by_its_suffix(tmp_path):
    csv_path = tmp_path / "e.csv"
    csv_path.write_text("title,date\nA,1938\n", encoding="utf-8")
    xlsx_path = _workbook(tmp_path / "E.XLSX", [["title", "date"], ["A", dt.date(1938, 3, 12)]])
    assert [d.date for d in read_events_file(csv_path, FakeSources()).good] == ["1938"]
    assert [d.date for d in read_events_file(xlsx_path, FakeSources()).good] == ["1938-03-12"]


def test_a_long_workbook_reports_progress_while_it_is_read_and_while_it_is_checked(tmp_path):
    path = _workbook(tmp_path / "long.xlsx", [["title", "date"], *([f"E{i}", 1938] for i in range(600))])
    calls = []
    preview = read_events_xlsx(path, FakeSources(), lambda done, total: calls.append((done, total)))
    assert len(preview.good) == 600
    assert calls[:2] == [(250, 601), (500, 601)]  # reading: rows of the sheet as it declares them
    assert calls[-1] == (600, 600)  # checking: every data row
