"""The PDF handout: read back with pypdf, every stop's date, quote and citation is on paper, A4 and Letter."""

import re
import subprocess
import sys

import pytest
from pypdf import PdfReader
from PySide6 import QtCore

from maisky_desktop.core.handout import paragraph_with_quote
from maisky_desktop.store import tours
from maisky_desktop.store.handout import HandoutError, events_handout, tour_handout
from maisky_desktop.ui.handout_pdf import write_pdf

POINTS = {"a4": (595, 842), "letter": (612, 792)}


def _flat(text: str) -> str:
    """Whitespace removed: a PDF line may break after a dash, which extraction turns into a space."""
    return re.sub(r"\s+", "", text)


@pytest.mark.parametrize("paper", ["a4", "letter"])
def test_a_tour_handout_carries_every_stop_date_quote_and_citation(qtbot, store, tmp_path, paper):
    handout = tour_handout(store.conn, "alliance-1941")
    out = tmp_path / "tour.pdf"
    pages = write_pdf(handout, out, paper)
    reader = PdfReader(out)
    assert len(reader.pages) == pages >= 3
    for page in reader.pages:
        box = page.mediabox
        assert (round(float(box.width)), round(float(box.height))) == POINTS[paper]
    texts = [_flat(p.extract_text()) for p in reader.pages]
    text = " ".join(texts)
    assert texts[0].startswith(_flat("1941: the year of the alliance")) and "Contents" in texts[0]
    for n, page_text in enumerate(texts, 1):
        assert f"page{n}of{pages}" in page_text
    tour = tours.tour(store.conn, "alliance-1941")
    for stop, entry in zip(tour.stops, handout.entries):
        assert _flat(stop.title) in text and _flat(stop.date_words) in text
        if stop.date_text:
            assert _flat(f"the source: “{stop.date_text}”") in text
        assert _flat(stop.narration) in text
        for quote in entry.quotes:
            assert _flat(quote.quote) in text, quote.quote
            assert _flat(quote.citation) in text
    assert len(handout.entries) == len(tour.stops) == 8


def test_an_events_handout_is_in_time_order_and_lists_its_sources(qtbot, store, tmp_path):
    handout = events_handout(store.conn, ["kirov-murder", "treaty-of-rapallo"], "Two events")
    assert [e.event_id for e in handout.entries] == ["treaty-of-rapallo", "kirov-murder"]
    out = tmp_path / "two.pdf"
    write_pdf(handout, out, "a4")
    text = _flat(" ".join(p.extract_text() for p in PdfReader(out).pages))
    assert text.index("1.TreatyofRapallo") < text.index("2.MurderofSergeiKirov")
    assert "Sources" in text and all(_flat(s) in text for s in handout.sources)
    with pytest.raises(HandoutError, match="no-such-event"):
        events_handout(store.conn, ["no-such-event"])


def test_source_text_is_escaped_and_the_quote_is_bold():
    from maisky_desktop.core.handout import Quote
    from maisky_desktop.core.markup import Piece

    q = Quote((Piece(10, "a <b> & c"), Piece(30, "tail")), (12, 15), "<b>", "X")
    assert paragraph_with_quote(q) == "a <b>&lt;b&gt;</b> &amp; c tail"


def test_the_handout_command_writes_a_pdf_and_refuses_unknowns_in_one_line(tmp_path):
    run = [sys.executable, "-m", "maisky_desktop", "handout"]
    out = tmp_path / "h.pdf"
    proc = subprocess.run(
        [*run, "--tour", "maisky-after-london", "--out", str(out), "--paper", "letter"],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert proc.returncode == 0 and "pages" in proc.stdout
    assert round(float(PdfReader(out).pages[0].mediabox.height)) == 792
    proc = subprocess.run([*run, "--tour", "nope", "--out", str(out)], capture_output=True, text=True, timeout=120)
    assert proc.returncode == 2 and proc.stderr.strip() == "maisky-desktop: no tour 'nope' in the store"
    proc = subprocess.run(
        [*run, "--event", "kirov-murder", "--out", str(tmp_path / "no" / "x.pdf")],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert proc.returncode == 1 and len(proc.stderr.strip().splitlines()) == 1 and "no such folder" in proc.stderr


def test_the_dialog_prints_the_events_a_teacher_ticks(qtbot, window, tmp_path):
    from maisky_desktop.ui.handout_dialog import HandoutDialog

    window.choose("event", "treaty-of-rapallo")
    dialog = HandoutDialog(window.services, list(window.tours.tours.values()), window.timeline.selected_id())
    qtbot.addWidget(dialog)
    assert dialog.by_events.isChecked() and dialog.ticked() == ["treaty-of-rapallo"]
    dialog.title_filter.setText("kirov")
    shown = [dialog.events.item(i) for i in range(dialog.events.count()) if not dialog.events.item(i).isHidden()]
    assert [it.data(QtCore.Qt.ItemDataRole.UserRole) for it in shown] == ["kirov-murder"]
    shown[0].setCheckState(QtCore.Qt.CheckState.Checked)
    dialog.paper.setCurrentIndex(1)
    out = tmp_path / "class.pdf"
    dialog.save(out)
    reader = PdfReader(out)
    assert round(float(reader.pages[0].mediabox.height)) == 792
    text = _flat(" ".join(p.extract_text() for p in reader.pages))
    assert "TreatyofRapallo" in text and "MurderofSergeiKirov" in text


def test_a_handout_under_a_bare_core_application_is_refused_in_words_not_aborted(tmp_path):
    """Qt aborts the process when fonts are asked for without a GUI application: the writer says so first."""
    script = (
        "import sys\n"
        "from pathlib import Path\n"
        "from PySide6 import QtCore\n"
        "from maisky_desktop.core.handout import Handout\n"
        "from maisky_desktop.ui.handout_pdf import write_pdf\n"
        "app = QtCore.QCoreApplication([])\n"
        "try:\n"
        "    write_pdf(Handout(title='t', intro='', entries=(), sources=()), Path(sys.argv[1]), 'a4')\n"
        "except RuntimeError as exc:\n"
        "    print(exc)\n"
    )
    proc = subprocess.run(
        [sys.executable, "-c", script, str(tmp_path / "h.pdf")], capture_output=True, text=True, timeout=120
    )
    assert proc.returncode == 0, proc.stderr
    assert "QGuiApplication" in proc.stdout and not (tmp_path / "h.pdf").exists()
