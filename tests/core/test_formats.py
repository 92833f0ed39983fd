"""Every export parsed back by a real library for its format: rispy, bibtexparser, citeproc-py, csv, json."""

import csv
import io
import json

import bibtexparser
import rispy
from bibtexparser.middlewares import LatexDecodingMiddleware

from maisky_desktop.core.formats import bibtex, csl, events_table, notes_markdown, ris
from maisky_desktop.core.formats.events_table import EventExport
from maisky_desktop.core.formats.notes_markdown import NoteEntry
from maisky_desktop.core.formats.records import Citable, SourceInfo

COMINTERN = SourceInfo(
    "kocho-williams-comintern",
    "Soviet Diplomacy and the Comintern 1921-1927",
    "Alastair Kocho-Williams",
    "Historical Journal",
    "2013",
    "journal article",
)
WIKI = SourceInfo("wikipedia-maisky", "Ivan Maisky", "Wikipedia contributors", "Wikipedia, the free encyclopedia")
# A quote with every character BibTeX, RIS or Markdown treat specially.
NASTY = "Maisky's 50% share & the {secret} *chargé d'affaires* <b>_note_</b> #1 $5 \\ “quoted”"
CITABLES = [
    Citable(
        "rapallo", COMINTERN, "they secretly signed the Treaty of Rapallo", 16, "Check the date.", "Treaty of Rapallo"
    ),
    Citable("nasty", WIKI, NASTY, 3, "my note; with 100% certainty", None),
]


def test_ris_parses_back_with_rispy_with_quote_paragraph_and_note():
    entries = rispy.loads(ris.dumps(CITABLES))
    assert len(entries) == 2
    first = entries[0]
    assert first["type_of_reference"] == "JOUR" and first["authors"] == ["Kocho-Williams, Alastair"]
    assert first["title"] == COMINTERN.title and first["secondary_title"] == "Historical Journal"
    assert first["year"] == "2013" and first["section"] == "¶ 16"
    notes = first["notes"]
    assert any("“they secretly signed the Treaty of Rapallo”" in n and "¶ 16" in n for n in notes)
    assert "Check the date." in notes and "Event: Treaty of Rapallo" in notes
    assert any(NASTY in n for n in entries[1]["notes"])


def test_bibtex_parses_back_with_bibtexparser_and_keeps_every_character():
    library = bibtexparser.parse_string(bibtex.dumps(CITABLES), append_middleware=[LatexDecodingMiddleware()])
    assert library.failed_blocks == []
    first, second = library.entries
    assert first.entry_type == "article" and first.key == "rapallo"
    assert first["journal"] == "Historical Journal" and first["year"] == "2013"
    assert "they secretly signed the Treaty of Rapallo" in first["note"] and "¶ 16" in first["note"]
    assert "Check the date." in first["annote"]
    assert NASTY in second["note"]
    assert "100% certainty" in second["annote"]


def test_csl_json_renders_in_chicago_and_apa_with_citeproc():
    items = json.loads(json.dumps(csl.items(CITABLES)))
    assert items[0]["author"] == [{"family": "Kocho-Williams", "given": "Alastair"}]
    assert items[1]["author"] == [{"literal": "Wikipedia contributors"}]
    assert "¶ 16" in items[0]["note"] and "Check the date." in items[0]["note"]
    chicago = csl.render(CITABLES, "chicago")
    apa = csl.render(CITABLES, "apa")
    assert chicago[0] == (
        "(Kocho-Williams 2013, para. 16)",
        "Kocho-Williams, A. 2013. “Soviet Diplomacy and the Comintern 1921-1927”. Historical Journal.",
    )
    assert apa[0] == (
        "(Kocho-Williams, 2013, para. 16)",
        "Kocho-Williams, A. (2013). Soviet Diplomacy and the Comintern 1921-1927. Historical Journal.",
    )
    assert apa[1][0] == "(Wikipedia contributors, n.d., para. 3)"
    copied = csl.clipboard_text(CITABLES[0], "apa")
    assert copied.startswith("“they secretly signed the Treaty of Rapallo” (Kocho-Williams, 2013, para. 16)")


def test_events_csv_and_json_round_trip():
    events = [
        EventExport(
            "e1",
            'Munich, "peace"',
            "1938-09-29",
            "29 September 1938",
            "day",
            "War",
            ("A", "B"),
            "src",
            NASTY,
            "line one\nline two",
            False,
        ),
        EventExport("mine-1", "Summer talks", "1938-22", "summer 1938", "season", "My events", (), "", "", "", True),
    ]
    rows = list(csv.DictReader(io.StringIO(events_table.to_csv(events), newline="")))
    assert [r["date"] for r in rows] == ["1938-09-29", "1938-22"]
    assert (
        rows[0]["title"] == 'Munich, "peace"' and rows[0]["quote"] == NASTY and rows[0]["note"] == "line one\nline two"
    )
    assert rows[0]["people"] == "A; B" and rows[1]["mine"] == "yes" and rows[1]["words"] == "summer 1938"
    back = json.loads(events_table.to_json(events))
    assert back[0]["people"] == ["A", "B"] and back[1]["date"] == "1938-22" and back[1]["mine"] is True


def test_notes_markdown_keeps_quotes_verbatim_and_lists_references():
    entry = NoteEntry("Ivan Maisky", "My **own** note", NASTY, "(Wikipedia contributors, n.d., para. 3)", "Ref A.")
    text = notes_markdown.to_markdown([entry, entry], "Notes", "APA")
    assert "## Ivan Maisky" in text and "My **own** note" in text  # the researcher's Markdown stays Markdown
    assert "\\*chargé d'affaires\\*" in text and "\\<b\\>\\_note\\_\\</b\\>" in text
    assert text.count("- Ref A.") == 1 and "## References (APA)" in text
