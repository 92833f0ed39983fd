"""``maisky-desktop --self-test``: prove that an installed copy or a bundle works on this machine.

A classroom or a museum installs a folder and has no way to tell a broken copy from a broken
machine. The self-test goes through what a visitor's first minute needs (the store opens and is
the one built from the shipped sources, the timeline draws, the window builds, search answers, a note survives a
write and a read, a handout page prints) and prints one line per check. It draws offscreen, so
it runs on a kiosk before the compositor starts and in CI without a display.
"""

from __future__ import annotations

import os
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from maisky_desktop import paths
from maisky_desktop.core.record import record
from maisky_desktop.store.reader import Store, open_store
from maisky_desktop.store.services import Services

SEARCH_PROBE = "Mayski"  # a transliteration the sources never print: folding and aliases must both work
SEARCH_EXPECT = "maisky"
FRAME_SIZE = (1366, 640)
A4_POINTS = (595, 842)


@record
class Outcome:
    name: str
    ok: bool
    detail: str
    ms: float

    def line(self) -> str:
        return f"{'ok' if self.ok else 'FAIL':<5} {self.name:<10} {self.detail} ({self.ms:.0f} ms)"


class SelfTest:
    """The checks, in order; each returns what it verified or raises with what is wrong."""

    def __init__(self, store_path: Path, user_dir: Path) -> None:
        self.store_path = store_path
        self.user_dir = user_dir
        self.services: Services | None = None

    def checks(self) -> list[tuple[str, Callable[[], str]]]:
        return [
            ("store", self.check_store),
            ("integrity", self.check_integrity),
            ("timeline", self.check_timeline),
            ("window", self.check_window),
            ("search", self.check_search),
            ("note", self.check_note),
            ("pdf", self.check_pdf),
        ]

    def _services(self) -> Services:
        if self.services is None:
            raise RuntimeError("the store did not open")
        return self.services

    def check_store(self) -> str:
        self.services = services = Services(Store(open_store(self.store_path), self.store_path))
        counts = ", ".join(f"{services.count(table)} {table}" for table in ("events", "passages", "sources"))
        return f"{self.store_path}: {counts}"

    def check_integrity(self) -> str:
        """SQLite's own check, every quote at its offsets, the store built from the shipped inputs.

        The last part is what ``check`` does (every source's sha256, every quote found) plus the
        fingerprint the build stored, so a store swapped or left stale in a bundle is caught.
        """
        from maisky_desktop.core.validate import resolve
        from maisky_desktop.store.build import inputs_digest

        res = resolve(paths.seeds_dir(), paths.catalog_dir(), paths.label_base())
        if res.problems:
            raise RuntimeError(f"the shipped seeds or catalog fail check: {res.problems[0]}")
        anchors = self._services().audit(inputs_digest(res, paths.catalog_dir()))
        return (
            f"integrity_check ok, {anchors} quotes at their offsets, {len(res.sources)} sources match their sha256, "
            "store built from the shipped catalog"
        )

    def check_timeline(self) -> str:
        """Draw the opening view offscreen and find every lane's colour in the pixels."""
        from PySide6 import QtGui

        app = _application()
        from maisky_desktop.ui.timeline.widget import TimelineWidget

        data = self._services().timeline()
        widget = TimelineWidget.from_data(data)
        try:
            widget.resize(*FRAME_SIZE)
            layout = widget.layout()
            if layout is not None:  # lay the plot out at FRAME_SIZE before grabbing it
                layout.activate()
            app.processEvents()
            image = widget.grab().toImage().convertToFormat(QtGui.QImage.Format.Format_RGB32)
        finally:
            widget.close()
            widget.deleteLater()
            app.processEvents()
        if image.isNull():
            raise RuntimeError("the timeline drew nothing")
        colours = {name: QtGui.QColor(colour).rgb() for _id, name, colour in data.lanes}
        found = _colours_in(image, set(colours.values()))
        missing = [name for name, rgb in colours.items() if rgb not in found]
        if missing:
            raise RuntimeError(f"no marks drawn for lanes: {', '.join(missing)}")
        return f"{image.width()}x{image.height()} frame offscreen ({_platform()}), marks in all {len(colours)} lanes"

    def check_window(self) -> str:
        """Build the whole main window offscreen: every pane, dock, menu and action imports and starts."""
        from PySide6 import QtWidgets

        from maisky_desktop.ui.main_window import MainWindow

        app = _application()
        window = MainWindow(self._services())
        try:
            window.resize(*FRAME_SIZE)
            app.processEvents()
            menus = [a.text().replace("&", "") for a in window.menuBar().actions()]
            docks = len(window.findChildren(QtWidgets.QDockWidget))
        finally:
            window.close()
            window.deleteLater()
            app.processEvents()
        if "Help" not in menus:
            raise RuntimeError(f"the main window has no Help menu (menus: {', '.join(menus)})")
        return f"main window built offscreen: menus {', '.join(menus)}, {docks} docks"

    def check_search(self) -> str:
        results = self._services().searcher().search(SEARCH_PROBE)
        hits = results.all()
        if not any(h.id == SEARCH_EXPECT for h in hits):
            raise RuntimeError(f"searching {SEARCH_PROBE!r} did not find {SEARCH_EXPECT!r}")
        return f"{SEARCH_PROBE!r} found {SEARCH_EXPECT!r} among {len(hits)} results"

    def check_note(self) -> str:
        """Write a note through the user-data store in a fresh folder, close it, reopen, read it back."""
        from maisky_desktop.store.userdata import UserData

        event = self._services().events()[0]
        text = f"Self-test note on «{event.title}» — Майский, 1932"
        user = UserData.open(self.user_dir / "notes")
        try:
            written = user.add_note("event", event.id, text)
        finally:
            user.close()
        user = UserData.open(self.user_dir / "notes")
        try:
            back = [n.body for n in user.notes("event", event.id)]
        finally:
            user.close()
        if back != [text]:
            raise RuntimeError(f"the note read back from {user.path} differs from the one written")
        return f"note {written.id} on {event.id} written, reopened and read back in {user.path}"

    def check_pdf(self) -> str:
        """Print one event's A4 handout with the handout writer, then read its text back with pypdf."""
        from pypdf import PdfReader

        from maisky_desktop.ui.handout_pdf import write_pdf

        _application()  # fonts need one, even if the timeline check failed before making it
        services = self._services()
        event = next(e for e in services.events() if services.anchors(e.id))
        quote = services.anchors(event.id)[0].quote
        out = self.user_dir / "self-test.pdf"
        pages = write_pdf(services.events_handout([event.id], "Self-test"), out, "a4")
        reader = PdfReader(out)
        size = tuple(round(float(v)) for v in reader.pages[-1].mediabox.upper_right)
        text = " ".join(" ".join((page.extract_text() or "").split()) for page in reader.pages)
        missing = [w for w in quote.split() if w.isalpha() and w not in text][:3]
        if len(reader.pages) != pages or size != A4_POINTS or missing:
            raise RuntimeError(
                f"{out}: {len(reader.pages)} of {pages} pages read back, {size[0]}x{size[1]} pt, "
                f"words of the quote missing: {', '.join(missing) or 'none'}"
            )
        return f"{pages} A4 pages of {event.id}'s handout ({out.stat().st_size // 1024} KiB), its quote read back"

    def run(self, emit: Callable[[str], None]) -> list[Outcome]:
        outcomes = []
        for name, check in self.checks():
            start = time.perf_counter()
            try:
                outcome = Outcome(name, True, check(), 0.0)
            except Exception as exc:  # each failure is one line, never a traceback
                outcome = Outcome(name, False, f"{type(exc).__name__}: {exc}".replace("\n", " "), 0.0)
            outcome = Outcome(outcome.name, outcome.ok, outcome.detail, (time.perf_counter() - start) * 1000)
            emit(outcome.line())
            outcomes.append(outcome)
        if self.services is not None:
            self.services.close()
        return outcomes


def _colours_in(image, wanted: set[int]) -> set[int]:
    """Which of ``wanted`` (0xAARRGGBB) occur in an RGB32 image."""
    import numpy as np

    rows = np.frombuffer(image.constBits(), np.uint8, image.sizeInBytes()).reshape(image.height(), -1)
    pixels = rows[:, : image.width() * 4].copy().view(np.uint32)
    return {int(v) for v in np.unique(pixels)} & wanted


def _application():
    """The QApplication every Qt check draws with (one per process, made on first use)."""
    from PySide6 import QtWidgets

    return QtWidgets.QApplication.instance() or QtWidgets.QApplication([sys.argv[0]])


def _platform() -> str:
    from PySide6 import QtGui

    return QtGui.QGuiApplication.platformName()


def run_self_test(store_path: Path | None = None) -> int:
    """Run every check, print one line each; 0 if all passed, 1 otherwise."""
    os.environ["QT_QPA_PLATFORM"] = "offscreen"  # checks draw offscreen, even on a desktop
    where = "bundle" if getattr(sys, "frozen", False) else f"Python {sys.version.split()[0]}"
    print(f"maisky-desktop self-test ({where}, {sys.platform})", flush=True)
    with tempfile.TemporaryDirectory(prefix="maisky-self-test-") as tmp:
        outcomes = SelfTest(store_path or paths.default_store(), Path(tmp)).run(lambda s: print(s, flush=True))
    failed = [o for o in outcomes if not o.ok]
    summary = f"{len(failed)} of {len(outcomes)} checks failed" if failed else f"all {len(outcomes)} checks passed"
    print(summary, flush=True)
    return 1 if failed else 0
