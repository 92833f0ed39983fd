"""The researcher's commands end to end: export, cite, import; the shipped store never changes."""

import csv
import hashlib
import io
import json
import subprocess
import sys

import bibtexparser
import rispy

from maisky_desktop import paths


def _run(tmp_path, *args: str) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "maisky_desktop", "--user-data", str(tmp_path / "user"), *args],
        capture_output=True,
        text=True,
        timeout=120,
    )


def test_a_session_of_imports_and_exports_leaves_the_shipped_store_byte_identical(tmp_path):
    before = hashlib.sha256(paths.default_store().read_bytes()).hexdigest()
    doc = tmp_path / "letters.md"
    doc.write_text("# Letters\n\nMaisky called on Halifax at the Foreign Office.\n", encoding="utf-8")
    events = tmp_path / "events.csv"
    events.write_text(
        "title,date,source,quote\nHalifax,summer 1938,letters.md,called on Halifax\nBad,mid 1938,,\n", encoding="utf-8"
    )

    proc = _run(tmp_path, "import", "document", str(doc))
    assert proc.returncode == 0 and "imported letters.md as source doc-" in proc.stdout, proc.stderr

    proc = _run(tmp_path, "import", "events", str(events))  # preview only
    assert proc.returncode == 1
    assert "row 2: ok" in proc.stdout and "events.csv:3: date: “mid” is not a date word" in proc.stdout
    assert "nothing written" in proc.stdout
    proc = _run(tmp_path, "export", "events", "--format", "json", "--lane", "mine")
    assert json.loads(proc.stdout) == []  # the preview wrote nothing

    proc = _run(tmp_path, "import", "events", str(events), "--yes")
    assert proc.returncode == 0 and "imported 1 events" in proc.stdout, proc.stdout + proc.stderr

    proc = _run(tmp_path, "export", "events", "--format", "csv", "--from", "1938", "--to", "1938")
    rows = list(csv.DictReader(io.StringIO(proc.stdout, newline="")))
    mine = [r for r in rows if r["mine"] == "yes"]
    assert [(r["title"], r["date"], r["words"]) for r in mine] == [("Halifax", "1938-22", "summer 1938")]
    assert any(r["mine"] == "no" and r["date"].startswith("1938") for r in rows)

    proc = _run(tmp_path, "export", "citations", "--format", "ris", "--event", "treaty-of-rapallo")
    entries = rispy.loads(proc.stdout)
    assert entries and all("Treaty of Rapallo" in " ".join(e["notes"]) for e in entries)

    out = tmp_path / "rapallo.bib"
    proc = _run(
        tmp_path, "export", "citations", "--format", "bibtex", "--event", "treaty-of-rapallo", "--out", str(out)
    )
    assert proc.returncode == 0 and bibtexparser.parse_string(out.read_text(encoding="utf-8")).entries

    proc = _run(tmp_path, "export", "citations", "--format", "csl-json", "--event", "treaty-of-rapallo")
    assert json.loads(proc.stdout)[0]["title"]

    proc = _run(tmp_path, "cite", "treaty-of-rapallo", "--style", "chicago")
    assert proc.returncode == 0 and "(Kocho-Williams 2013, para." in proc.stdout

    proc = _run(tmp_path, "export", "notes")
    assert proc.returncode == 0 and proc.stdout.startswith("# Notes")

    assert hashlib.sha256(paths.default_store().read_bytes()).hexdigest() == before


def test_bad_requests_get_one_line_not_a_traceback(tmp_path):
    proc = _run(tmp_path, "export", "citations", "--event", "no-such-event")
    assert proc.returncode == 2 and "no event 'no-such-event'" in proc.stderr and "Traceback" not in proc.stderr
    proc = _run(tmp_path, "import", "events", str(tmp_path / "missing.csv"))
    assert proc.returncode == 1 and "cannot read" in proc.stderr and "Traceback" not in proc.stderr
    blocker = tmp_path / "file"
    blocker.write_text("x")
    proc = subprocess.run(
        [sys.executable, "-m", "maisky_desktop", "--user-data", str(blocker / "sub"), "import", "document", "x.md"],
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert proc.returncode == 2 and "cannot create the notes folder" in proc.stderr and "Traceback" not in proc.stderr


def test_search_json_rows_carry_the_edtf_date_beside_the_words(tmp_path):
    proc = _run(tmp_path, "search", "Rapallo", "--json", "--limit", "2")
    event = next(json.loads(line) for line in proc.stdout.splitlines() if '"kind": "event"' in line)
    assert event["id"] == "treaty-of-rapallo" and event["edtf"] == "1922-04-16" and event["date"] == "16 April 1922"


def test_export_timeline_writes_png_and_svg_at_the_size_asked(tmp_path):
    import xml.etree.ElementTree as ET

    from PIL import Image

    png, svg = tmp_path / "t.png", tmp_path / "t.svg"
    proc = _run(
        tmp_path, "export", "timeline", "--from", "1938", "--to", "1939", "--size", "800x450", "--out", str(png)
    )
    assert proc.returncode == 0, proc.stderr
    with Image.open(png) as img:
        assert img.size == (800, 450)
    proc = _run(tmp_path, "export", "timeline", "--from", "1938", "--to", "1939", "--out", str(svg))
    assert proc.returncode == 0, proc.stderr
    root = ET.parse(svg).getroot()
    texts = " ".join(t.text or "" for t in root.iter() if t.tag.endswith("text"))
    assert root.get("viewBox") == "0 0 1920 1080" and "1939" in texts and "1925" not in texts
    proc = _run(tmp_path, "export", "timeline", "--size", "big", "--out", str(png))
    assert proc.returncode == 2 and "WIDTHxHEIGHT" in proc.stderr and "Traceback" not in proc.stderr
