"""Kiosk soak: thousands of scripted visitor interactions offscreen; exceptions and memory growth.

    python tests/benchmarks/soak.py [--steps 10000] [--seed 1941] [--json]

Builds the kiosk on the embedded store (offscreen, 1920x1080) and drives it with a seeded
mix of what visitors do: taps on the timeline (real QTest touch sequences through the
window), one-finger pans and two-finger pinches, searches typed into the box, tour steps
(next, previous, swipes, starting another tour), filter changes, touches of the attract
screen and idle resets (the attract loop and back). Every Python exception that reaches a
slot is counted (the kiosk's own handler logs it and recovers; none are allowed), and the
resident set size is read from /proc at the start, at 25/50/75 % and at the end. Exit
status 1 if any exception happened. Not part of the test run (pytest collects test_*.py).
"""

from __future__ import annotations

import argparse
import gc
import json
import os
import random
import resource
import sys
import tempfile
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "ui"))

from PySide6 import QtCore, QtTest, QtWidgets

from maisky_desktop import paths
from maisky_desktop.core.filters import Filter
from maisky_desktop.core.kiosk_settings import KioskSettings
from maisky_desktop.store.reader import Store
from maisky_desktop.store.services import Services
from maisky_desktop.ui.kiosk import Kiosk

WORDS = ["Maisky", "Litvinoff", "Майский", "treaty", "Rapallo", "purge", "Churchill", "1939", '"trade pact"', "AND"]


def rss_mib() -> float:
    """Resident set size now, from /proc (the peak from getrusage where /proc is missing)."""
    try:
        for line in Path("/proc/self/status").read_text().splitlines():
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
    except OSError:
        pass
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


class Visitor:
    """One seeded visitor: each ``step()`` is one interaction with the kiosk."""

    def __init__(self, kiosk: Kiosk, rng: random.Random) -> None:
        self.kiosk, self.rng = kiosk, rng
        self.window = kiosk.window
        self.device = QtTest.QTest.createTouchDevice()
        self.counts: dict[str, int] = {}

    def _touch(self, widget: QtWidgets.QWidget, paths_: list[list[QtCore.QPoint]]) -> None:
        win = self.window
        handle = win.windowHandle()
        seq = QtTest.QTest.touchEvent(handle, self.device)
        for i, path in enumerate(paths_):
            seq.press(i, widget.mapTo(win, path[0]))
        seq.commit()
        for step in range(1, max(len(p) for p in paths_)):
            seq = QtTest.QTest.touchEvent(handle, self.device)
            for i, path in enumerate(paths_):
                seq.move(i, widget.mapTo(win, path[min(step, len(path) - 1)]))
            seq.commit()
        seq = QtTest.QTest.touchEvent(handle, self.device)
        for i, path in enumerate(paths_):
            seq.release(i, widget.mapTo(win, path[-1]))
        seq.commit()

    def _point(self, widget: QtWidgets.QWidget) -> QtCore.QPoint:
        return QtCore.QPoint(self.rng.randrange(max(widget.width(), 1)), self.rng.randrange(max(widget.height(), 1)))

    def step(self) -> None:
        k, w, rng = self.kiosk, self.window, self.rng
        if k.attract.isVisible() and rng.random() < 0.7:
            self._do("attract-touch", lambda: self._touch(k.attract, [[self._point(k.attract)] * 2]))
            return
        action = rng.choices(
            ["tap", "pan", "pinch", "search", "tour", "swipe", "filter", "idle"], [30, 15, 12, 15, 12, 6, 6, 4]
        )[0]
        vp = w.timeline.plot.viewport()
        if action == "tap":
            self._do(action, lambda: self._touch(vp, [[self._point(vp)] * 2]))
        elif action == "pan":
            a, b = self._point(vp), self._point(vp)
            self._do(action, lambda: self._touch(vp, [[a, (a + b) / 2, b]]))
        elif action == "pinch":
            c = self._point(vp)
            d = rng.randrange(20, 200)
            e = rng.randrange(20, 200)
            left = [c - QtCore.QPoint(d, 0), c - QtCore.QPoint(e, 0)]
            right = [c + QtCore.QPoint(d, 0), c + QtCore.QPoint(e, 0)]
            self._do(action, lambda: self._touch(vp, [left, right]))
        elif action == "search":
            self._do(action, lambda: (w.search_box.setText(rng.choice(WORDS)), w.run_search()))
        elif action == "tour":
            self._do(action, self._tour_step)
        elif action == "swipe":
            r = w.tours.rect()
            y = r.height() // 2
            path = [QtCore.QPoint(r.width() - 10, y), QtCore.QPoint(r.width() // 2, y), QtCore.QPoint(10, y)]
            self._do(action, lambda: self._touch(w.tours, [path if rng.random() < 0.6 else path[::-1]]))
        elif action == "filter":
            bar = w.filter_bar
            self._do(action, lambda: bar.set_filter(Filter(lane=bar.lane.itemData(rng.randrange(bar.lane.count())))))
        else:
            self._do(action, lambda: (k.go_attract(), k.resume()) if rng.random() < 0.5 else k.go_attract())

    def _tour_step(self) -> None:
        tours = self.window.tours
        roll = self.rng.random()
        if not tours.playing or roll < 0.1:
            tours.start(self.rng.choice(list(tours.tours)))
        elif roll < 0.75:
            tours.next()
        elif roll < 0.95:
            tours.previous()
        else:
            tours.exit()

    def _do(self, name: str, action) -> None:
        self.counts[name] = self.counts.get(name, 0) + 1
        action()
        QtWidgets.QApplication.processEvents()


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--steps", type=int, default=10_000)
    parser.add_argument("--seed", type=int, default=1941)
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args()
    app = QtWidgets.QApplication([sys.argv[0]])
    log = Path(tempfile.mkdtemp(prefix="maisky-soak-")) / "kiosk.log"
    settings = KioskSettings(idle_seconds=3600, attract_step_seconds=1, exit_pin="2468", log_file=str(log))
    from maisky_desktop.ui.main_window import MainWindow

    store = Store.open(paths.default_store())
    window = MainWindow(Services(store))
    kiosk = Kiosk(window, settings, app)
    kiosk.exit_app = lambda status: None
    kiosk.start()
    window.setGeometry(0, 0, 1920, 1080)
    window.glide.duration = 0
    QtTest.QTest.qWaitForWindowExposed(window)
    kiosk.resume()
    visitor = Visitor(kiosk, random.Random(args.seed))
    marks = {0: "start", args.steps // 4: "25%", args.steps // 2: "50%", 3 * args.steps // 4: "75%"}
    rss: dict[str, float] = {}
    started = time.perf_counter()
    for i in range(args.steps):
        if i in marks:
            gc.collect()
            rss[marks[i]] = round(rss_mib(), 1)
        visitor.step()
    QtTest.QTest.qWait(200)
    gc.collect()
    rss["end"] = round(rss_mib(), 1)
    elapsed = time.perf_counter() - started
    report = {
        "steps": args.steps,
        "seed": args.seed,
        "seconds": round(elapsed, 1),
        "interactions": dict(sorted(visitor.counts.items())),
        "exceptions": kiosk.faults,
        "rss_mib": rss,
        "growth_mib_25_to_end": round(rss["end"] - rss["25%"], 1),
        "log": str(log),
    }
    kiosk.leaving = True
    kiosk.stop()
    window.close()
    store.close()
    if args.json:
        print(json.dumps(report))
    else:
        print(f"{report['steps']} interactions in {report['seconds']} s (seed {args.seed}): {report['interactions']}")
        print(f"exceptions: {report['exceptions']}" + (f" (see {log})" if report["exceptions"] else ""))
        print("RSS MiB: " + ", ".join(f"{k} {v}" for k, v in rss.items()))
        print(f"growth from 25% to the end: {report['growth_mib_25_to_end']} MiB")
    return 1 if kiosk.faults else 0


if __name__ == "__main__":
    sys.exit(main())
