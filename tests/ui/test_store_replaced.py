"""One store per session: a store replaced while the app runs is noticed and offered for reload."""

import os
import shutil
import sqlite3
from pathlib import Path

import pytest

from maisky_desktop.store import fingerprint
from maisky_desktop.store.reader import Store, StoreError
from maisky_desktop.ui import app as app_module
from maisky_desktop.ui.errors import ErrorReporter
from maisky_desktop.ui.main_window import MainWindow


def _copy(src: Path, out: Path) -> Path:
    tmp = out.with_name(out.name + ".new")
    shutil.copy(src, tmp)
    shutil.copy(fingerprint.sidecar(src), fingerprint.sidecar(out))
    os.replace(tmp, out)  # as a build does: a rename, never a rewrite in place
    return out


def _shell(qtbot, path: Path) -> tuple[app_module.Shell, ErrorReporter, list]:
    told: list[str] = []
    reporter = ErrorReporter(path, None)
    reporter.store_failed = told.append  # what the user would read in the dialog
    shell = app_module.Shell(path, reporter, lambda window, geometry: window.show())
    return shell, reporter, told


def test_search_opens_the_very_file_the_window_opened_or_refuses(embedded_store, tmp_path):
    path = _copy(embedded_store, tmp_path / "maisky.sqlite")
    store = Store.open(path)
    conn = store.open_sibling()
    conn.close()
    _copy(embedded_store, path)  # replaced: same bytes, another file
    with pytest.raises(StoreError, match="was replaced or removed since it was opened"):
        store.open_sibling()
    store.close()


def test_a_replaced_store_is_offered_once_and_reloaded(qtbot, embedded_store, tmp_path):
    path = _copy(embedded_store, tmp_path / "maisky.sqlite")
    shell, _reporter, told = _shell(qtbot, path)
    shell.open()
    first = shell.window
    assert not shell.check_store()  # nothing changed
    _copy(embedded_store, path)
    assert shell.check_store() and shell.offer is not None and shell.offer.isVisible()
    assert "replaced" in shell.offer.text()
    assert not shell.check_store()  # offered once, not every poll
    assert shell.reload()
    assert shell.window is not first and not shell.store.replaced()
    with qtbot.waitSignal(shell.window.runner.results, timeout=5000):
        shell.window.start_search("Rapallo")
    assert shell.window.results.first().id == "treaty-of-rapallo"
    assert not told
    shell.close()


def test_a_broken_replacement_is_refused_and_the_session_goes_on(qtbot, embedded_store, tmp_path):
    path = _copy(embedded_store, tmp_path / "maisky.sqlite")
    shell, _reporter, told = _shell(qtbot, path)
    shell.open()
    window = shell.window
    half = tmp_path / "half.sqlite"
    half.write_bytes(embedded_store.read_bytes()[:50_000])
    os.replace(half, path)  # a half-copied file where the store was
    assert shell.check_store()
    assert not shell.reload()
    assert told and "truncated" in told[0] and "goes on with the store it opened" in told[0]
    assert shell.window is window  # still the old window, on the file it opened
    with qtbot.waitSignal(window.runner.results, timeout=5000):
        window.start_search("Rapallo")
    assert window.results.first().id == "treaty-of-rapallo"
    shell.close()


def test_a_store_damaged_at_start_up_is_one_line_and_exit_2(qtbot, embedded_store, monkeypatch, capsys, tmp_path):
    def damaged(self, event_id):
        raise sqlite3.DatabaseError("database disk image is malformed")

    monkeypatch.setattr(MainWindow, "focus_event", damaged)
    monkeypatch.setenv("XDG_STATE_HOME", str(tmp_path))
    assert app_module.run(embedded_store, ["maisky-desktop"], event="treaty-of-rapallo") == 2
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 1 and "is damaged (database disk image is malformed)" in err[0] and "rebuild it" in err[0]
