"""The import preview shows the titles whole beside the reasons, and counts one event in the singular.

Found on Xvfb at 1920x1080: the Result column took the width, titles were cut ("Yak import
meeting in ...") though the dialog had room; one good row read "Import 1 events".
"""

import datetime as dt

import pytest
from openpyxl import Workbook

from maisky_desktop.ui.notes.research import attach


@pytest.fixture
def research(window, tmp_path):
    return attach(window, tmp_path / "notes", restore=False)


def test_titles_are_shown_whole_and_one_event_is_singular(qtbot, research, tmp_path):
    book = Workbook()
    book.active.append(["title", "date"])
    book.active.append(["Maisky's import meeting in London", dt.date(1939, 4, 17)])
    book.active.append(["", "1938"])
    path = tmp_path / "one.xlsx"
    book.save(path)
    dialog = research.import_preview()
    qtbot.addWidget(dialog)
    dialog.resize(900, 500)
    dialog.show()
    dialog.load(path)
    qtbot.waitExposed(dialog)
    title = dialog.table.item(0, 2)
    needed = dialog.table.fontMetrics().horizontalAdvance(title.text())
    assert dialog.table.columnWidth(2) >= needed
    assert dialog.import_button.text() == "Import 1 event"
