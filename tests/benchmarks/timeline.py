"""Timeline benchmark: frame times, click-to-selection, memory and start-up, offscreen.

    python tests/benchmarks/timeline.py [--sizes 1000,10000,100000,1000000] [--json]

For each size it builds (once, cached in --store-dir) a synthetic store with events spread
over 1917-1975 in the lanes, then in a fresh process: time to first frame (store open to
first painted timeline; the median of three fresh processes) and its ratio to the smallest
size's, full-view redraw, redraw along a zoom sequence (six decades down to two weeks) and
a pan sequence (full width and two-year width) with the event loop run between frames so a
big store's titles arrive while it moves (as for a user), the time until the titles of a
one-month view are drawn (null where that view holds too many events for titles),
click-to-selection time, peak RSS, and the same redraw of an empty pyqtgraph PlotWidget of
the same size (the floor). Then the start-up of the app on the embedded store against a
bare PlotWidget window, each in fresh processes, interleaved: the app is ``maisky-desktop``
itself (its command-line entry point, a returning user's notes folder made by a warm-up run),
both from compiled bytecode as an installed app runs, each to the moment its first frame is
painted; wall time and the process's CPU time (less inflated by a loaded machine).
The machine is shared and noisy: read the ratios.
Not part of the test run (pytest collects test_*.py only).
"""

from __future__ import annotations

import time

_T0 = time.perf_counter()  # the start-up measurements count from here, before Qt is imported

import argparse  # noqa: E402
import json  # noqa: E402
import os  # noqa: E402
import statistics  # noqa: E402
import subprocess  # noqa: E402
import sys  # noqa: E402
import tempfile  # noqa: E402
from pathlib import Path  # noqa: E402

# The environment as the benchmark was started, before this process imports the app's package, which
# sets its own defaults (one BLAS thread): the bare window's start must not inherit them.
ENV_AT_START = dict(os.environ)
SIZE = (1280, 720)
FRAMES = 40
STARTUP_RUNS = 25  # interleaved; the medians are compared (one start varies by 30% on a 2-core VM)
FIRST_FRAME_RUNS = 3  # fresh processes per size; the median is reported


def count(text: str) -> int:
    """An argparse type: a whole number of at least 1; anything else is one line from argparse and exit 2."""
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a whole number: {text!r}") from None
    if value < 1:
        raise argparse.ArgumentTypeError(f"must be at least 1: {text!r}")
    return value


def counts(text: str) -> list[int]:
    """An argparse type: comma-separated whole numbers of at least 1 ("1000,100000"), each as ``count``."""
    try:
        return [count(part) for part in text.split(",") if part.strip()]
    except argparse.ArgumentTypeError as exc:
        raise argparse.ArgumentTypeError(f"{exc} in {text!r}") from None


def _ms(seconds: float) -> float:
    return round(seconds * 1000, 2)


def _p(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(q * (len(ordered) - 1)))]


def _wait_painted(app, widget) -> tuple[float, float]:
    """Spin the event loop until ``widget``'s first paint event has been handled; returns that moment
    (``perf_counter``, and ``process_time``: the process's CPU so far, which a loaded machine inflates less).

    The moment is taken by a zero timer started from the paint event: it fires once the paint
    (and its flush to the screen) is done, before anything the app scheduled after its first
    frame (the research layer attaches then), so both the app and a bare plot stop at their frame.
    """
    from PySide6 import QtCore

    class Watch(QtCore.QObject):
        painted: tuple[float, float] | None = None
        seen = False

        def eventFilter(self, _obj, event) -> bool:
            if event.type() == QtCore.QEvent.Type.Paint and not self.seen:
                self.seen = True
                QtCore.QTimer.singleShot(0, self.mark)
            return False

        def mark(self) -> None:
            self.painted = (time.perf_counter(), time.process_time())

    watch = Watch()
    widget.installEventFilter(watch)
    while watch.painted is None:
        app.processEvents()
    widget.removeEventFilter(watch)
    return watch.painted


# -- one size, in its own process ------------------------------------------------------------
def _frames(widget, views) -> list[float]:
    """Paint time of each view; between frames the event loop runs (text that arrived is drawn)."""
    from PySide6 import QtWidgets

    app = QtWidgets.QApplication.instance()
    out = []
    for left, right in views:
        widget.set_view(left, right)
        t = time.perf_counter()
        widget.plot.grab()
        out.append(time.perf_counter() - t)
        app.processEvents()
    return out


def _titles_drawn_ms(app, widget, view: tuple[float, float]) -> float | None:
    """From moving to a view to its titles painted (read off the UI thread for a big store).

    None when the view holds too many events for titles (counts are drawn instead).
    """
    widget.set_view(*view)
    if widget.items.is_coarse(*widget.view_range()):
        return None
    t = time.perf_counter()
    while True:
        widget.plot.grab()
        if any(box.index >= 0 for box, _ in widget.labels.placed) or time.perf_counter() - t > 5:
            return time.perf_counter() - t
        app.processEvents()
        time.sleep(0.001)


def measure_first_frame(store_path: Path) -> float:
    """Store open to first painted timeline, alone in a fresh process (repeated: the machine is noisy)."""
    from PySide6 import QtWidgets

    from maisky_desktop.store.services import Services
    from maisky_desktop.ui.timeline.widget import TimelineWidget

    app = QtWidgets.QApplication.instance() or QtWidgets.QApplication([])
    t = time.perf_counter()
    widget = TimelineWidget.from_data(Services.open(store_path).timeline())
    widget.resize(*SIZE)
    widget.show()
    return _wait_painted(app, widget.plot.viewport())[0] - t


def measure_size(store_path: Path, n: int) -> dict:
    import resource

    import numpy as np
    import pyqtgraph as pg
    from PySide6 import QtCore, QtWidgets

    from maisky_desktop.store.services import Services
    from maisky_desktop.ui.timeline.widget import TimelineWidget

    app = QtWidgets.QApplication.instance() or QtWidgets.QApplication([])
    t = time.perf_counter()
    services = Services.open(store_path)
    widget = TimelineWidget.from_data(services.timeline())
    widget.resize(*SIZE)
    widget.show()
    first_frame = _wait_painted(app, widget.plot.viewport())[0] - t
    app.processEvents()

    home = widget.view_range()
    full = _frames(widget, [home] * FRAMES)
    spans = np.geomspace(home[1] - home[0], 14 / 365.25, FRAMES)
    zoom = _frames(widget, [(1941.5 - s / 2, 1941.5 + s / 2) for s in spans])
    titles_ms = _titles_drawn_ms(app, widget, (1938.6, 1938.7))
    lo, hi = widget.bounds.lo, widget.bounds.hi
    pan_full = [
        (lo + d, lo + d + (home[1] - home[0])) for d in np.linspace(0, hi - lo - (home[1] - home[0]), FRAMES // 2)
    ]
    pan_two = [(x, x + 2.0) for x in np.linspace(1917.0, 1973.0, FRAMES // 2)]
    pan = _frames(widget, pan_full + pan_two)

    # click to selection: hit test + selection + signal, at the full view and a one-year view
    clicks = []
    received = []
    widget.event_selected.connect(received.append)
    vb = widget.plot.getViewBox()
    rng = np.random.default_rng(1)
    for view in (home, (1938.0, 1939.0)):
        widget.set_view(*view)
        widget.plot.grab()
        px, py = vb.viewPixelSize()
        candidates = widget.items.in_view(*view)
        for i in rng.choice(candidates, size=min(25, len(candidates)), replace=False).tolist():
            centre = widget.items.mark_rect(i, px, py).center()
            scene = vb.mapViewToScene(centre)
            t = time.perf_counter()
            index = widget._hit_scene(scene)
            if index is not None:
                widget._select_index(index)
            clicks.append(time.perf_counter() - t)
    assert received, "clicks selected nothing"

    bare = pg.PlotWidget()
    bare.resize(widget.plot.size())
    bare.show()
    app.processEvents()
    baseline = []
    for _ in range(FRAMES):
        t = time.perf_counter()
        bare.grab()
        baseline.append(time.perf_counter() - t)
    QtCore.QCoreApplication.processEvents()
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # KiB on Linux
    base = statistics.median(baseline)
    return {
        "n": n,
        "first_frame_ms": _ms(first_frame),
        "titles_in_view_ms": None if titles_ms is None else _ms(titles_ms),
        "redraw_p50_ms": _ms(statistics.median(full)),
        "redraw_p95_ms": _ms(_p(full, 0.95)),
        "zoom_p50_ms": _ms(statistics.median(zoom)),
        "zoom_p95_ms": _ms(_p(zoom, 0.95)),
        "pan_p50_ms": _ms(statistics.median(pan)),
        "pan_p95_ms": _ms(_p(pan, 0.95)),
        "hit_test_ms": _ms(statistics.median(clicks)),
        "hit_test_max_ms": _ms(max(clicks)),
        "peak_rss_mb": round(peak, 1),
        "baseline_redraw_ms": _ms(base),
        "redraw_vs_baseline": round(statistics.median(full) / base, 2),
        "pan_p95_vs_baseline": round(_p(pan, 0.95) / base, 2),
    }


# -- start-up, in fresh processes ----------------------------------------------------------------
def measure_startup(kind: str, home: Path | None = None) -> dict[str, float]:
    """From the process start to the first painted timeline (or bare plot).

    ``app`` is ``maisky-desktop --user-data HOME`` itself, the command line's entry point
    (``cli.main``) on the embedded store: its checks, the store opened and verified, the log, the
    window icon and signal handlers, the preferences, the theme, the window dressed for a returning
    user (the layout file, then the notes folder ``home``, made by the warm-up run with a saved
    session). The only thing added is a watch on the timeline's viewport, set as the window is
    dressed, that ends the event loop once the first frame is painted. ``bare`` is a plain
    pyqtgraph program, without the app's runtime settings (the collector paused until the first
    frame, ``maisky_desktop.gui_start``; one OpenBLAS thread, ``maisky_desktop/__init__``);
    ``tuned`` is the same bare window given both, to show how much of the ratio is the app's own work.
    """
    if kind == "app":
        return _app_startup(home)
    if kind == "tuned":
        import gc

        gc.disable()  # what collector.pause does; one BLAS thread comes from the child's environment
    from PySide6 import QtWidgets

    app = QtWidgets.QApplication([])
    import pyqtgraph as pg

    window = pg.PlotWidget()
    window.resize(1366, 768)
    window.show()
    wall, cpu = _wait_painted(app, window.viewport())
    return {"ms": _ms(wall - _T0), "cpu_ms": _ms(cpu)}


def _app_startup(home: Path | None) -> dict[str, float]:
    """``maisky-desktop`` started as a user starts it, stopped at its first frame (see ``measure_startup``).

    The watch goes in where the window is dressed (``ui.app._dresser``), wrapped once the command
    line has paused the collector and imported the Qt-free layers (``gui_start.before_qt``), which
    is the moment ``cmd_gui`` imports the Qt layer itself: the imports happen in the app's order.
    """
    from maisky_desktop import cli, gui_start

    painted: list[tuple[float, float]] = []
    before_qt = gui_start.before_qt

    def then_watch() -> None:
        before_qt()
        from PySide6 import QtCore, QtWidgets

        from maisky_desktop.ui import app as shell_module

        def mark() -> None:
            painted.append((time.perf_counter(), time.process_time()))
            QtWidgets.QApplication.instance().quit()

        class Watch(QtCore.QObject):
            def eventFilter(self, obj, event) -> bool:
                if event.type() == QtCore.QEvent.Type.Paint:
                    obj.removeEventFilter(self)
                    QtCore.QTimer.singleShot(0, mark)  # after the paint and its flush, as ``_wait_painted``
                return False

        dresser = shell_module._dresser

        def watched_dresser(*args, **kwargs):
            dress = dresser(*args, **kwargs)

            def dress_watched(window, geometry) -> None:
                dress(window, geometry)  # shows the window; its first frame is painted in the event loop
                # Installed last, the watch sees that paint first: its mark comes before what the app
                # scheduled after its first frame (the notes layer attaches then), as in ``_wait_painted``.
                window.timeline.plot.viewport().installEventFilter(watch)

            return dress_watched

        watch = Watch()
        shell_module._dresser = watched_dresser

    gui_start.before_qt = then_watch
    code = cli.main(["--user-data", str(home)] if home else [])
    if code or not painted:
        raise SystemExit(f"maisky-desktop exited with {code} before its first frame")
    wall, cpu = painted[0]
    return {"ms": _ms(wall - _T0), "cpu_ms": _ms(cpu)}


def _child(args: list[str], env: dict[str, str] | None = None) -> dict:
    env = env or {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    proc = subprocess.run([sys.executable, __file__, *args], capture_output=True, text=True, env=env, check=False)
    if proc.returncode:
        raise SystemExit(f"benchmark step {args} failed:\n{proc.stderr}")
    return json.loads(proc.stdout.strip().splitlines()[-1])


def _startup_env(store_dir: Path) -> dict[str, str]:
    """Both start-ups as from an installed app: compiled bytecode (pip compiles a wheel's modules on install;
    an editable checkout under PYTHONDONTWRITEBYTECODE would recompile the app's every start, not pyqtgraph's),
    kept in the benchmark's folder; and a layout file and a log of their own, not the user's."""
    env = {k: v for k, v in ENV_AT_START.items() if k != "PYTHONDONTWRITEBYTECODE"}
    env["PYTHONPYCACHEPREFIX"] = str(store_dir / "pycache")
    env["XDG_CONFIG_HOME"] = str(store_dir / "startup-config")
    env["XDG_STATE_HOME"] = str(store_dir / "startup-state")  # the app's log
    return {**env, "QT_QPA_PLATFORM": "offscreen"}


def _store(store_dir: Path, n: int) -> Path:
    from maisky_desktop.store.schema import SCHEMA_VERSION
    from maisky_desktop.store.synthetic import build_synthetic

    path = store_dir / f"synthetic-v{SCHEMA_VERSION}-{n}.sqlite"
    if not path.exists():
        print(f"building a synthetic store of {n:,} events in {path} ...", file=sys.stderr)
        tmp = path.with_suffix(".tmp")
        build_synthetic(tmp, n, min(n, 20000))
        tmp.rename(path)
    return path


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument(
        "--sizes", type=counts, default="1000,10000,100000,1000000", help="comma-separated event counts"
    )
    parser.add_argument("--json", action="store_true", help="one JSON object per line")
    parser.add_argument("--store-dir", type=Path, default=Path(tempfile.gettempdir()) / "maisky-bench")
    parser.add_argument("--worker", type=int, help=argparse.SUPPRESS)
    parser.add_argument("--store", type=Path, help=argparse.SUPPRESS)
    parser.add_argument("--startup", choices=["app", "bare", "tuned"], help=argparse.SUPPRESS)
    parser.add_argument("--first-frame", action="store_true", help=argparse.SUPPRESS)
    parser.add_argument("--home", type=Path, help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.startup:
        print(json.dumps(measure_startup(args.startup, args.home)))
        return 0
    if args.first_frame:
        print(json.dumps({"ms": _ms(measure_first_frame(args.store))}))
        return 0
    if args.worker is not None:
        print(json.dumps(measure_size(args.store, args.worker)))
        return 0

    args.store_dir.mkdir(parents=True, exist_ok=True)
    results = []
    for n in args.sizes:
        path = _store(args.store_dir, n)
        row = _child(["--worker", str(n), "--store", str(path)])
        frames = [row["first_frame_ms"]] + [
            _child(["--first-frame", "--store", str(path)])["ms"] for _ in range(FIRST_FRAME_RUNS - 1)
        ]
        row["first_frame_ms"] = statistics.median(frames)
        row["first_frame_runs_ms"] = frames
        smallest = results[0]["first_frame_ms"] if results else row["first_frame_ms"]
        row["first_frame_vs_smallest"] = round(row["first_frame_ms"] / smallest, 2)
        results.append(row)
        if args.json:
            print(json.dumps(row), flush=True)
    runs: dict[str, list[dict[str, float]]] = {"app": [], "bare": [], "tuned": []}
    env = _startup_env(args.store_dir)
    tuned = env | {"OPENBLAS_NUM_THREADS": "1"}
    home = ["--home", str(args.store_dir / "startup-notes")]
    _child(["--startup", "bare"], env), _child(["--startup", "app", *home], env)  # warm-up: bytecode, notes folder
    for _ in range(STARTUP_RUNS):
        runs["bare"].append(_child(["--startup", "bare"], env))
        runs["app"].append(_child(["--startup", "app", *home], env))
        runs["tuned"].append(_child(["--startup", "tuned"], tuned))
    med = {(k, f): statistics.median(r[f] for r in rs) for k, rs in runs.items() for f in ("ms", "cpu_ms")}
    pairs = [a["ms"] / b["ms"] for a, b in zip(runs["app"], runs["bare"], strict=True)]  # each app beside its bare
    startup = {
        "startup_app_ms": med["app", "ms"],
        "startup_bare_ms": med["bare", "ms"],
        "startup_ratio": round(med["app", "ms"] / med["bare", "ms"], 2),
        "startup_app_cpu_ms": med["app", "cpu_ms"],
        "startup_bare_cpu_ms": med["bare", "cpu_ms"],
        "startup_cpu_ratio": round(med["app", "cpu_ms"] / med["bare", "cpu_ms"], 2),
        "startup_tuned_bare_ms": med["tuned", "ms"],
        "startup_ratio_same_runtime": round(med["app", "ms"] / med["tuned", "ms"], 2),
        "startup_pair_ratios": [round(r, 2) for r in sorted(pairs)],
    }
    if args.json:
        print(json.dumps(startup))
        return 0
    cols = ["n", "first_frame_ms", "first_frame_vs_smallest", "titles_in_view_ms", "redraw_p50_ms", "redraw_p95_ms"]
    cols += ["zoom_p95_ms", "pan_p95_ms", "hit_test_ms"]
    cols += ["peak_rss_mb", "baseline_redraw_ms", "redraw_vs_baseline", "pan_p95_vs_baseline"]
    print(" | ".join(cols))
    for row in results:
        print(" | ".join(str(row[c]) for c in cols))
    print(
        f"start-up to first painted timeline: app {startup['startup_app_ms']} ms, bare PlotWidget "
        f"{startup['startup_bare_ms']} ms, ratio {startup['startup_ratio']} (CPU time: ratio "
        f"{startup['startup_cpu_ratio']}); against the bare window given the app's runtime settings "
        f"(collector paused, one BLAS thread): {startup['startup_tuned_bare_ms']} ms, ratio "
        f"{startup['startup_ratio_same_runtime']}"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
