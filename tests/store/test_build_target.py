"""Atomic builds: a unique temporary file, renamed only when complete and checked; nothing left on failure."""

import os
import sqlite3
import subprocess
import sys
import threading

import pytest

from maisky_desktop import paths
from maisky_desktop.store import build as build_module
from maisky_desktop.store import fingerprint, schema
from maisky_desktop.store.build import build
from maisky_desktop.store.reader import StoreError, open_store
from maisky_desktop.store.target import TargetError


def _run(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "maisky_desktop", *args], capture_output=True, text=True, timeout=300)


def test_a_failed_build_leaves_nothing_behind_and_the_old_store_untouched(resolved, built_store, tmp_path, monkeypatch):
    out = tmp_path / "maisky.sqlite"
    out.write_bytes(built_store.read_bytes())
    before = out.read_bytes()

    def broken(db, res):
        raise sqlite3.OperationalError("database or disk is full")

    monkeypatch.setattr(build_module, "_tours", broken)
    with pytest.raises(TargetError, match=r"cannot write .*disk is full"):
        build(resolved, out, paths.catalog_dir())
    assert sorted(p.name for p in tmp_path.iterdir()) == ["maisky.sqlite"]
    assert out.read_bytes() == before


def test_two_builds_at_once_each_use_their_own_file_and_a_reader_never_sees_half(resolved, tmp_path):
    out = tmp_path / "maisky.sqlite"
    seen: list[str] = []
    done = threading.Event()

    def poll() -> None:
        while not done.is_set():
            try:
                conn = open_store(out)
            except StoreError as exc:
                seen.append("missing" if "not found" in str(exc) else f"refused: {exc}")
                continue
            seen.append(f"version {conn.execute('PRAGMA user_version').fetchone()[0]}")
            conn.close()

    reader = threading.Thread(target=poll)
    reader.start()
    errors: list[BaseException] = []

    def one() -> None:
        try:
            build(resolved, out, paths.catalog_dir())
        except BaseException as exc:
            errors.append(exc)

    builders = [threading.Thread(target=one) for _ in range(2)]
    for t in builders:
        t.start()
    for t in builders:
        t.join()
    done.set()
    reader.join()
    assert not errors
    assert set(seen) <= {"missing", f"version {schema.SCHEMA_VERSION}"}, set(seen)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["maisky.sqlite", "maisky.sqlite.sha256"]
    open_store(out, require_fingerprint=True).close()


def test_build_refuses_to_overwrite_a_file_that_is_not_a_store_unless_forced(tmp_path, foreign_sqlite):
    notes = tmp_path / "notes.sqlite"
    before = foreign_sqlite(notes, "notes")
    proc = _run("build", "--out", str(notes))
    assert proc.returncode == 1 and "Traceback" not in proc.stderr
    assert proc.stderr.strip().splitlines() == [
        f"maisky-desktop: refusing to overwrite {notes}: it is not a Maisky Timeline store (use --force to replace it)"
    ]
    assert notes.read_bytes() == before
    forced = _run("build", "--out", str(notes), "--force")
    assert forced.returncode == 0, forced.stderr
    open_store(notes, require_fingerprint=True).close()


@pytest.mark.parametrize("where", ["folder", "proc", "read-only"])
def test_an_unwritable_target_is_one_line(tmp_path, where):
    if where == "folder":
        target, words = tmp_path, "it is a folder"
    elif where == "proc":
        target, words = "/proc/x.sqlite", "cannot write /proc/x.sqlite"
    else:
        if os.geteuid() == 0:
            pytest.skip("root writes into read-only folders")
        locked = tmp_path / "locked"
        locked.mkdir()
        locked.chmod(0o500)
        target, words = locked / "x.sqlite", "cannot write"
    proc = _run("build", "--out", str(target))
    lines = proc.stderr.strip().splitlines()
    assert proc.returncode == 1 and len(lines) == 1 and words in lines[0], proc.stderr
    assert "Traceback" not in proc.stderr
    if where == "folder":
        assert sorted(p.name for p in tmp_path.iterdir()) == []  # no <folder>.tmp left behind


def test_the_fingerprint_goes_in_with_the_store(resolved, tmp_path):
    out = build(resolved, tmp_path / "s.sqlite", paths.catalog_dir())
    assert fingerprint.sidecar(out).read_text().split()[0] == fingerprint.digest(out)


@pytest.mark.parametrize("signum", [2, 15])
def test_a_build_interrupted_by_ctrl_c_or_sigterm_leaves_nothing_and_no_traceback(tmp_path, signum):
    import signal
    import time

    out = tmp_path / "maisky.sqlite"
    proc = subprocess.Popen(
        [sys.executable, "-m", "maisky_desktop", "build", "--out", str(out)],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline and not any(tmp_path.iterdir()):
        time.sleep(0.02)  # wait until the temporary file exists: the build is under way
    proc.send_signal(signal.Signals(signum))
    _out, err = proc.communicate(timeout=60)
    if proc.returncode == 0:
        pytest.skip("the build finished before the signal arrived")
    assert proc.returncode == 128 + signum, err
    assert "Traceback" not in err and err.strip().splitlines()[-1] == "maisky-desktop: interrupted"
    left = sorted(p.name for p in tmp_path.iterdir())
    if left:  # the signal came after the store was moved into place (a loaded machine): it is whole
        assert left == sorted([out.name, out.name + ".sha256"]) or left == [out.name], left
        open_store(out, require_fingerprint=False).close()
