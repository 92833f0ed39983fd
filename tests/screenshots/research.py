"""Screenshots of the notes panel, the import preview and the export dialog (run on demand, on a real X display).

    Xvfb :92 -screen 0 1920x1080x24 &  DISPLAY=:92 python tests/screenshots/research.py 1920x1080
    Xvfb :92 -screen 0 1366x768x24 &   DISPLAY=:92 python tests/screenshots/research.py 1366x768

Writes docs/screenshots/research-{notes,import-preview,export}-WxH.png from a fresh user
folder filled with a few notes, own events and a CSV with mistakes in it.
"""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path

from PySide6 import QtCore, QtGui, QtWidgets

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from maisky_desktop import paths  # noqa: E402
from maisky_desktop.core.filters import Filter  # noqa: E402
from maisky_desktop.store.reader import Store  # noqa: E402
from maisky_desktop.store.services import Services  # noqa: E402
from maisky_desktop.ui.main_window import MainWindow  # noqa: E402
from maisky_desktop.ui.notes.panel import Target  # noqa: E402
from maisky_desktop.ui.notes.research import attach  # noqa: E402

CSV = """title,date,end,people,source,quote,note
Maisky's talk with Halifax,summer 1938,,Ivan Maisky; Lord Halifax,,,from the diary notes
Letter to Litvinov,1938-09-30,,Maxim Litvinov,,,
Anglo-Soviet trade talks,1939-03,1939-05,,,,
,1939,,,,,
Undated visit,mid 1939,,,,,
Rapallo again,1922-04-16,,,kocho-williams-comintern,signed the Treaty of Rapallo with Weimar Germany,
Misquoted,1922,,,kocho-williams-comintern,signed the Rapallo treaty,
Meeting in Geneva,03/04/1935,,,,,
Unknown archive,1936,,,Foreign Office files,,
Purge of the Narkomindel,1937~/1938,,,,,
"""


def settle(ms: int = 400) -> None:
    loop = QtCore.QEventLoop()
    QtCore.QTimer.singleShot(ms, loop.quit)
    loop.exec()


def grab_screen(path: Path) -> None:
    settle()
    QtGui.QGuiApplication.primaryScreen().grabWindow(0).save(str(path))
    print("wrote", path)


def centre(dialog: QtWidgets.QWidget, w: int, h: int) -> None:
    screen = QtGui.QGuiApplication.primaryScreen().geometry()
    dialog.resize(w, h)
    dialog.move((screen.width() - w) // 2, (screen.height() - h) // 2)


def main() -> None:
    size = sys.argv[1] if len(sys.argv) > 1 else "1366x768"
    width, height = (int(v) for v in size.split("x"))
    out = ROOT / "docs" / "screenshots"
    app = QtWidgets.QApplication([sys.argv[0]])
    app.setApplicationName("Maisky Timeline")
    folder = Path(tempfile.mkdtemp(prefix="maisky-shots-"))
    store = Store.open(paths.default_store())
    window = MainWindow(Services(store))
    window.setGeometry(0, 0, width, height)
    window.show()
    research = attach(window, folder / "notes", restore=False)
    settle()
    # A few notes, a bookmark and a passage note, as a researcher would have them.
    panel = research.panel
    for event_id, body in [
        (
            "treaty-of-rapallo",
            "Rapallo: compare Chicherin's account with Litvinov's memoirs.\nCheck Kocho-Williams ¶ 16.",
        ),
        ("munich-agreement", "Maisky's diary entry for 29 September: the USSR not consulted."),
    ]:
        if store.event(event_id):
            window.choose("event", event_id)
            research.note_on_event()
            panel.editor.setPlainText(body)
            panel.save()
    if store.event("maisky-born"):
        window.choose("event", "maisky-born")
    research.bookmark_event()
    anchor = store.anchors("treaty-of-rapallo")[0]
    passage = store.passage(anchor.passage_id)
    words = "secretly signed the Treaty of Rapallo"
    at = passage.text.find(words)
    start = passage.char_start + at
    panel.start_note(
        Target(
            "passage",
            passage.id,
            "Soviet Diplomacy and the Comintern 1921-1927, ¶ 16",
            anchor.source_id,
            start,
            start + len(words),
            words,
        )
    )
    panel.editor.setPlainText("The key sentence for chapter 2: 'secretly'.")
    panel.save()
    csv_path = folder / "my-events.csv"
    csv_path.write_text(CSV, encoding="utf-8")
    from maisky_desktop.core.csv_import import read_events_csv
    from maisky_desktop.store import own_records
    from maisky_desktop.store.all_sources import AllSources

    preview = read_events_csv(csv_path, AllSources(store, research.user))
    own_records.import_events(research.user, preview.good[:3])
    research.refresh_own_events()
    window.filter_bar.set_filter(Filter())
    window.timeline.set_view(1921.0, 1941.0)
    research.dock.show()
    research.dock.raise_()
    window.choose("event", "treaty-of-rapallo")
    window.timeline.set_view(1921.0, 1941.0)
    rapallo = next(i for i, n in enumerate(panel.notes_shown()) if n.target_id == "treaty-of-rapallo")
    panel.list.setCurrentRow(rapallo)
    window.tabs.setCurrentWidget(window.pane)
    grab_screen(out / f"research-notes-{width}x{height}.png")

    dialog = research.import_preview()
    centre(dialog, min(1100, width - 120), min(640, height - 100))
    dialog.show()
    dialog.load(csv_path)
    grab_screen(out / f"research-import-preview-{width}x{height}.png")
    dialog.close()

    export = research.export_dialog()
    export.choose("image", "SVG")
    export.image_width.setValue(1920)
    export.image_height.setValue(1080)
    export.path.setText(str(Path.home() / "maisky-1921-1941.svg"))
    centre(export, 640, export.sizeHint().height())
    export.show()
    grab_screen(out / f"research-export-{width}x{height}.png")
    export.close()
    window.close()
    store.close()


if __name__ == "__main__":
    main()
