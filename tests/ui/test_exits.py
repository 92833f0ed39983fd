"""Every way out is clean: threads stopped, connections closed, no abort, no traceback.

Qt aborts the process ("QThread: Destroyed while thread is still running", SIGABRT) when a
running thread's object is destroyed; these tests leave by each door and check that the
process ends with its own exit code and says at most one line.
"""

import os
import signal
import sqlite3
import subprocess
import sys
import threading
import time

import pytest
from PySide6 import QtCore, QtWidgets

from maisky_desktop.core.filters import Filter
from maisky_desktop.store.reader import Store
from maisky_desktop.store.search import Searcher
from maisky_desktop.store.services import Services
from maisky_desktop.ui import app as app_module
from maisky_desktop.ui import search_worker
from maisky_desktop.ui.errors import ErrorReporter
from maisky_desktop.ui.main_window import MainWindow
from maisky_desktop.ui.search_worker import SearchRunner


def _search_threads() -> list[threading.Thread]:
    return [t for t in threading.enumerate() if t.name == "maisky-search" and t.is_alive()]


def _env(tmp_path) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if k not in ("DISPLAY", "WAYLAND_DISPLAY")}
    env.update(QT_QPA_PLATFORM="offscreen", XDG_STATE_HOME=str(tmp_path / "state"))
    return env


def _slow_search(self, text, filters=None, limit=10, cancelled=None):
    """A search that runs until cancelled: a recursive query the progress handler interrupts."""
    self.conn.execute("WITH RECURSIVE c(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM c) SELECT max(x) FROM c")
    raise AssertionError("the endless query was not interrupted")


def test_a_window_dropped_without_closing_does_not_abort(tmp_path):
    """The timeline benchmark's start-up step: build a window, never close it, let the process end."""
    code = (
        "from PySide6 import QtWidgets\n"
        "from maisky_desktop import paths\n"
        "from maisky_desktop.store.services import Services\n"
        "from maisky_desktop.ui.main_window import MainWindow\n"
        "app = QtWidgets.QApplication([])\n"
        "def start():\n"
        "    w = MainWindow(Services.open(paths.default_store()))\n"
        "    w.show(); w.start_search('Maisky'); app.processEvents()\n"
        "start()\n"
        "print('ended')\n"
    )
    proc = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120, env=_env(tmp_path))
    assert proc.returncode == 0, proc.stderr
    assert "ended" in proc.stdout and "QThread" not in proc.stderr and "Traceback" not in proc.stderr


def test_the_timeline_benchmark_start_up_step_runs_to_the_end(tmp_path):
    bench = os.path.join(os.path.dirname(__file__), "..", "benchmarks", "timeline.py")
    proc = subprocess.run(
        [sys.executable, bench, "--startup", "app"], capture_output=True, text=True, timeout=120, env=_env(tmp_path)
    )
    assert proc.returncode == 0, proc.stderr
    assert '"ms"' in proc.stdout


def test_closing_the_window_stops_the_search_thread_and_closes_its_connection(qtbot, embedded_store):
    store = Store.open(embedded_store)
    window = MainWindow(Services(store))
    qtbot.addWidget(window)
    window.show()
    with qtbot.waitSignal(window.runner.results, timeout=5000):
        window.start_search("Rapallo")
    conn = window.runner._conn
    assert window.runner.is_running() and conn is not None
    window.close()
    assert not window.runner.is_running()
    with pytest.raises(sqlite3.ProgrammingError):  # closed
        conn.execute("SELECT 1")
    window.runner.stop()  # a second stop is harmless
    store.close()


def test_a_bug_in_a_search_is_handed_over_for_the_report_not_called_damage(qtbot, embedded_store, monkeypatch):
    store = Store.open(embedded_store)
    runner = SearchRunner(Services(store))
    failures, crashes = [], []
    runner.failed.connect(failures.append)
    runner.crashed.connect(crashes.append)

    def buggy(self, *args, **kwargs):
        raise KeyError("a bug")

    monkeypatch.setattr(Searcher, "search", buggy)
    runner.search("Maisky", Filter())
    qtbot.waitUntil(lambda: bool(crashes), timeout=5000)
    assert isinstance(crashes[0], KeyError) and crashes[0].__traceback__ is not None and not failures
    runner.stop()
    store.close()


def test_a_search_that_fails_is_reported_and_the_thread_lives_on(qtbot, embedded_store, monkeypatch):
    store = Store.open(embedded_store)
    runner = SearchRunner(Services(store))
    failures = []
    runner.failed.connect(failures.append)

    def damaged(self, *args, **kwargs):
        raise sqlite3.DatabaseError("database disk image is malformed")

    monkeypatch.setattr(Searcher, "search", damaged)
    runner.search("Maisky", Filter())
    qtbot.waitUntil(lambda: bool(failures), timeout=5000)
    assert "is damaged (database disk image is malformed)" in failures[0] and "maisky-desktop build" in failures[0]
    monkeypatch.undo()
    with qtbot.waitSignal(runner.results, timeout=5000) as got:
        runner.search("Rapallo", Filter())
    assert got.args[0].hits["event"][0].id == "treaty-of-rapallo"
    runner.stop()
    store.close()


@pytest.mark.parametrize("signum", [signal.SIGINT, signal.SIGTERM])
def test_a_signal_while_searching_ends_the_event_loop_and_the_search(qtbot, embedded_store, monkeypatch, signum):
    """In process: a search is running (an endless query) when the signal arrives."""
    app = QtWidgets.QApplication.instance()
    store = Store.open(embedded_store)
    runner = SearchRunner(Services(store))
    monkeypatch.setattr(Searcher, "search", _slow_search)
    # A local loop: app.exit() outside app.exec() would leave every later event loop ending at once.
    loop = QtCore.QEventLoop()
    quitter = app_module.SignalQuit(app, loop.exit)
    try:
        runner.search("anything", Filter())
        QtCore.QTimer.singleShot(300, lambda: os.kill(os.getpid(), signum))
        QtCore.QTimer.singleShot(20000, lambda: loop.exit(99))  # a guard: never hang the suite
        code = loop.exec()
    finally:
        quitter.restore()
    assert code == 128 + signum
    started = time.perf_counter()
    runner.stop()
    assert time.perf_counter() - started < 2.0 and not runner.is_running()
    store.close()


@pytest.mark.parametrize("signum", [signal.SIGINT, signal.SIGTERM])
def test_ctrl_c_and_sigterm_end_the_app_cleanly(tmp_path, signum):
    """The real process: start with a search, wait until the window is open, send the signal."""
    env = _env(tmp_path)
    proc = subprocess.Popen(
        [sys.executable, "-m", "maisky_desktop", "--search", "treaty"],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env=env,
    )
    log = tmp_path / "state" / "maisky-desktop" / "log" / "maisky-desktop.log"
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline and not (log.exists() and "window open" in log.read_text()):
        time.sleep(0.1)  # the window is being built: the signal must not be lost before the loop runs
    proc.send_signal(signum)
    try:
        _out, err = proc.communicate(timeout=60)
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.communicate()
    assert proc.returncode == 128 + signum, err
    assert "Traceback" not in err and "QThread" not in err
    assert f"received signal {int(signum)}" in log.read_text()


def test_an_exception_during_start_up_is_one_line_and_stops_everything(
    qtbot, embedded_store, monkeypatch, capsys, tmp_path
):
    def broken(self, event_id):
        raise RuntimeError("boom while focusing")

    monkeypatch.setattr(MainWindow, "focus_event", broken)
    monkeypatch.setenv("XDG_STATE_HOME", str(tmp_path))
    code = app_module.run(embedded_store, ["maisky-desktop"], event="treaty-of-rapallo")
    assert code == 1
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 1 and "could not start: RuntimeError: boom while focusing" in err[0]
    qtbot.waitUntil(lambda: not _search_threads(), timeout=5000)
    assert not search_worker._live
    assert not isinstance(getattr(sys.excepthook, "__self__", None), ErrorReporter)  # hook removed
    assert "boom while focusing" in (tmp_path / "maisky-desktop" / "log" / "maisky-desktop.log").read_text()


def test_a_bug_in_a_slot_shows_a_report_dialog_and_the_app_goes_on(qtbot, window, monkeypatch, tmp_path):
    from maisky_desktop import logs

    monkeypatch.setenv("XDG_STATE_HOME", str(tmp_path))
    monkeypatch.setattr("maisky_desktop.ui.errors.has_display", lambda: True)
    log_path = logs.start()
    reporter = ErrorReporter(window.services.path, log_path)
    reporter.install()
    try:
        with monkeypatch.context() as m:
            m.setattr(window, "_choose_first", lambda: 1 / 0)
            window.search_box.returnPressed.disconnect()
            window.search_box.returnPressed.connect(window._choose_first)
            window.search_box.returnPressed.emit()
        assert reporter.dialog is not None and reporter.dialog.isVisible()
        assert "ZeroDivisionError" in reporter.dialog.text()
        assert "ZeroDivisionError: division by zero" in reporter.dialog.detailedText()
        copy = next(b for b in reporter.dialog.buttons() if b.text() == "Copy report")
        copy.click()
        assert "Traceback" in QtWidgets.QApplication.clipboard().text()
        assert "ZeroDivisionError" in log_path.read_text()
        # still usable: a search still runs and shows results
        with qtbot.waitSignal(window.runner.results, timeout=5000):
            window.start_search("Rapallo")
        assert window.results.first().id == "treaty-of-rapallo"
    finally:
        reporter.uninstall()
        logs.stop()
        if reporter.dialog is not None:
            reporter.dialog.close()


def test_a_damaged_store_is_told_once_in_words(qtbot, monkeypatch, tmp_path):
    monkeypatch.setattr("maisky_desktop.ui.errors.has_display", lambda: True)
    reporter = ErrorReporter(tmp_path / "x.sqlite", None)
    reporter.install()
    shown = []
    monkeypatch.setattr(reporter, "_show", lambda *a: (shown.append(a), ErrorReporter._show(reporter, *a)))
    try:
        for _ in range(3):
            try:
                raise sqlite3.DatabaseError("database disk image is malformed")
            except sqlite3.DatabaseError:
                sys.excepthook(*sys.exc_info())
        assert reporter.dialog is not None
        assert "damaged" in reporter.dialog.informativeText() and "maisky-desktop build" in (
            reporter.dialog.informativeText()
        )
        assert reporter.dialog.detailedText() == ""  # words, not a traceback
        assert len(shown) == 1
        assert not reporter.reports
    finally:
        reporter.uninstall()
        if reporter.dialog is not None:
            reporter.dialog.close()


def test_a_signal_that_comes_before_the_event_loop_runs_is_not_lost(qtbot):
    app = QtWidgets.QApplication.instance()
    loop = QtCore.QEventLoop()
    quitter = app_module.SignalQuit(app, loop.exit)
    try:
        os.kill(os.getpid(), signal.SIGTERM)  # while the window is still being built
        QtCore.QTimer.singleShot(0, quitter.replay)  # as run() does before app.exec()
        QtCore.QTimer.singleShot(20000, lambda: loop.exit(99))
        assert loop.exec() == 128 + signal.SIGTERM
    finally:
        quitter.restore()
