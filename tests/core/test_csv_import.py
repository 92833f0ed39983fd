"""The CSV import's preview: every row's result, bad rows with number and reason, nothing written here."""

from typing import ClassVar

from maisky_desktop.core.csv_import import preview_text


class FakeSources:
    """Two sources; one passage each (offsets as in a file)."""

    PASSAGES: ClassVar[dict[str, list[tuple[str, int, str]]]] = {
        "diary": [("diary/p0001", 100, "Chamberlain flew to Munich; Maisky waited in London.")],
        "letters": [("letters/p0003", 40, "We met again. We met again.")],
    }

    def source_id(self, name):
        return {"diary": "diary", "the diary": "diary", "letters": "letters"}.get(name.strip().lower())

    def passages(self, source_id):
        return self.PASSAGES.get(source_id, [])


CSV = """Title,Date,End,People,Source,Quote,Note
Munich,1938-09-29,,Neville Chamberlain; Ivan Maisky,The Diary,Maisky waited in London,first
Summer talks,summer 1938,,,,,words
,1938,,,,,no title
Vague,mid 1938,,,,,
Lost quote,1938,,,diary,Maisky flew to Munich,
Twice,1938,,,letters,We met again,
Nowhere,1938,,,archive,,
Span,1932,1943,,,,
"""


def test_each_row_has_its_result_and_bad_rows_their_number_and_reason():
    preview = preview_text(CSV, "mine.csv", FakeSources())
    assert preview.problems == []
    by_row = {r.row: r for r in preview.rows}
    munich = by_row[2].draft
    assert munich.date == "1938-09-29" and munich.people == ("Neville Chamberlain", "Ivan Maisky")
    assert munich.anchor.passage_id == "diary/p0001"
    start = 100 + FakeSources.PASSAGES["diary"][0][2].index("Maisky waited")
    assert (munich.anchor.char_start, munich.anchor.char_end) == (start, start + len("Maisky waited in London"))
    assert by_row[3].draft.date == "1938-22" and by_row[3].draft.date_words == "summer 1938"
    assert by_row[9].draft.date == "1932/1943"
    bad = {r.row: r.reason for r in preview.bad}
    assert set(bad) == {4, 5, 6, 7, 8}
    assert bad[4] == "no title"
    assert "“mid” is not a date word" in bad[5]
    assert "not found verbatim in diary" in bad[6]
    assert "occurs 2 times" in bad[7]
    assert "unknown source “archive”" in bad[8]
    assert preview.summary() == "3 events to import, 5 rows with problems"


def test_a_missing_column_stops_the_import_with_file_and_line():
    preview = preview_text("name,when\nx,1938\n", "bad.csv", FakeSources())
    assert preview.rows == [] and preview.problems[0].startswith("bad.csv:1: the header lacks title, date")


def test_semicolons_tabs_and_a_bom_from_spreadsheets():
    for text in ["\ufefftitle;date\nA;1938\n", "title\tdate\nA\t1938\n"]:
        preview = preview_text(text.lstrip("\ufeff"), "x.csv", FakeSources())
        assert [r.draft.title for r in preview.rows] == ["A"]


def test_progress_is_reported_for_long_files():
    text = "title,date\n" + "".join(f"E{i},1938\n" for i in range(1000))
    seen = []
    preview = preview_text(text, "big.csv", FakeSources(), progress=lambda done, total: seen.append((done, total)))
    assert len(preview.good) == 1000 and seen[-1] == (1000, 1000) and len(seen) >= 4
