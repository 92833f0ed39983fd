"""A missing, truncated, corrupt or wrong-version store gives one clear line, never a traceback."""

import os
import shutil
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from maisky_desktop.store.reader import StoreError, open_store


def _missing(tmp: Path, good: Path) -> Path:
    return tmp / "nope.sqlite"


def _truncated(tmp: Path, good: Path) -> Path:
    out = tmp / "truncated.sqlite"
    out.write_bytes(good.read_bytes()[: good.stat().st_size // 3])
    return out


def _corrupt(tmp: Path, good: Path) -> Path:
    out = tmp / "corrupt.sqlite"
    data = bytearray(good.read_bytes())
    for offset in range(8192, len(data), 4096):
        data[offset : offset + 64] = b"\xff" * 64
    out.write_bytes(bytes(data))
    return out


def _not_sqlite(tmp: Path, good: Path) -> Path:
    out = tmp / "notes.sqlite"
    out.write_text("these are my notes, not a database\n")
    return out


def _wrong_version(tmp: Path, good: Path) -> Path:
    out = tmp / "old.sqlite"
    shutil.copy(good, out)
    db = sqlite3.connect(out)
    db.execute("PRAGMA user_version = 99")
    db.commit()
    db.close()
    return out


def _empty(tmp: Path, good: Path) -> Path:
    out = tmp / "empty.sqlite"
    out.write_bytes(b"")
    return out


CASES = {
    "missing": (_missing, "not found"),
    "truncated": (_truncated, "truncated"),
    "corrupt": (_corrupt, "corrupt"),
    "not sqlite": (_not_sqlite, "not an SQLite file"),
    "wrong version": (_wrong_version, "schema version 99"),
    "empty": (_empty, "not an SQLite file"),
}


@pytest.mark.parametrize("case", CASES)
def test_open_store_refuses_with_a_clear_message(case, tmp_path, built_store):
    make, words = CASES[case]
    with pytest.raises(StoreError, match=words):
        open_store(make(tmp_path, built_store))


@pytest.mark.gui  # starts the app: a dialog when there is a screen
@pytest.mark.parametrize("case", CASES)
def test_cli_prints_one_line_and_exits_non_zero(case, tmp_path, built_store):
    make, words = CASES[case]
    env = {k: v for k, v in os.environ.items() if k not in ("DISPLAY", "WAYLAND_DISPLAY")}
    env["QT_QPA_PLATFORM"] = "offscreen"
    proc = subprocess.run(
        [sys.executable, "-m", "maisky_desktop", "--store", str(make(tmp_path, built_store))],
        capture_output=True,
        text=True,
        timeout=60,
        env=env,
    )
    assert proc.returncode == 2
    lines = proc.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("maisky-desktop: ") and words in lines[0]
    assert "Traceback" not in proc.stderr


def _special_files(tmp: Path) -> dict[str, tuple[Path, str]]:
    import socket

    fifo = tmp / "pipe.sqlite"
    os.mkfifo(fifo)
    sock_path = tmp / "sock.sqlite"
    with socket.socket(socket.AF_UNIX) as sock:
        sock.bind(str(sock_path))  # the socket file stays after the socket closes
    return {"fifo": (fifo, "FIFO"), "device": (Path("/dev/zero"), "device"), "socket": (sock_path, "socket")}


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="FIFOs and sockets are POSIX")
@pytest.mark.parametrize("kind", ["fifo", "device", "socket"])
@pytest.mark.parametrize("command", [pytest.param([], marks=pytest.mark.gui), ["search", "Maisky"]])
def test_a_fifo_a_device_or_a_socket_is_refused_before_it_is_opened(kind, command, tmp_path):
    path, words = _special_files(tmp_path)[kind]
    env = {k: v for k, v in os.environ.items() if k not in ("DISPLAY", "WAYLAND_DISPLAY")}
    env["QT_QPA_PLATFORM"] = "offscreen"
    proc = subprocess.run(
        [sys.executable, "-m", "maisky_desktop", "--store", str(path), *command],
        capture_output=True,
        text=True,
        timeout=60,  # a FIFO used to block here forever
        env=env,
    )
    assert proc.returncode == 2
    lines = proc.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("maisky-desktop: store path is ")
    assert words in lines[0] and "not a file" in lines[0]


def test_a_big_store_opens_at_once_and_its_damage_is_found_by_the_background_check(tmp_path, built_store, monkeypatch):
    """Past INLINE_CHECK_BYTES only the first frame's tables are checked at open; check_store reads the rest."""
    from maisky_desktop.store import reader

    good = tmp_path / "big.sqlite"
    shutil.copy(built_store, good)
    assert reader.check_store(good) is None
    conn = sqlite3.connect(good)
    root = conn.execute("SELECT rootpage FROM sqlite_master WHERE name = 'passages'").fetchone()[0]
    page_size = conn.execute("PRAGMA page_size").fetchone()[0]
    conn.close()
    data = bytearray(good.read_bytes())
    at = (root - 1) * page_size
    data[at : at + 64] = b"\xff" * 64  # the passages table's root page, not needed by the first frame
    damaged = tmp_path / "damaged.sqlite"
    damaged.write_bytes(bytes(data))
    with pytest.raises(StoreError):
        open_store(damaged)  # small: the whole file is checked at open
    monkeypatch.setattr(reader, "INLINE_CHECK_BYTES", 0)
    open_store(damaged).close()  # big: opens, first-frame tables are sound
    problem = reader.check_store(damaged)
    assert problem is not None and "corrupt" in problem
