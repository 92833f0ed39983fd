"""The background readers of a store read the file the app opened, never whatever file now has its path."""

import os
import shutil
import time
from pathlib import Path

import numpy as np

from maisky_desktop.store import fingerprint, reader
from maisky_desktop.store import timeline as queries
from maisky_desktop.store.reader import Store
from maisky_desktop.store.synthetic import build_synthetic


def _copy(src: Path, out: Path) -> Path:
    shutil.copy(src, out)
    shutil.copy(fingerprint.sidecar(src), fingerprint.sidecar(out))
    return out


def _replace(path: Path, other: Path) -> None:
    """As a new build or a copy does: another file renamed over the path."""
    tmp = path.with_name(path.name + ".new")
    shutil.copy(other, tmp)
    os.replace(tmp, path)


def _until(check, timeout: float = 10.0) -> None:
    end = time.monotonic() + timeout
    while not check():
        assert time.monotonic() < end, "timed out"
        time.sleep(0.01)


def _other_store(tmp_path: Path) -> Path:
    other = tmp_path / "other.sqlite"
    build_synthetic(other, 400, 50)  # a valid store of the same schema, other events and titles
    return other


def test_titles_of_a_store_replaced_before_the_loader_connected_come_from_the_opened_file(tmp_path, embedded_store):
    path = _copy(embedded_store, tmp_path / "maisky.sqlite")
    store = Store.open(path)
    expected = list(queries.event_layout(store.conn).titles)
    _replace(path, _other_store(tmp_path))  # between the open and the loader's connection
    layout = queries.event_layout(store.conn, store.open_sibling, eager=0)
    loader = layout.titles._background
    _until(lambda: loader.failed is not None)
    assert "replaced" in loader.failed and not loader.usable
    everything = np.arange(len(expected))
    layout.titles.request(everything)  # read at once on the opened file's connection, not by the loader
    assert not layout.titles_pending
    assert [layout.titles.cached(i) for i in everything.tolist()] == expected
    assert not any("Synthetic" in t for t in expected)
    layout.titles.close()
    store.close()


def test_a_loader_connected_before_the_replacement_goes_on_reading_the_opened_file(tmp_path, embedded_store):
    path = _copy(embedded_store, tmp_path / "maisky.sqlite")
    store = Store.open(path)
    expected = list(queries.event_layout(store.conn).titles)
    layout = queries.event_layout(store.conn, store.open_sibling, eager=0)
    first = np.arange(10)
    layout.titles.request(first)
    _until(lambda: layout.titles_ready(first).all())  # the loader is connected and reading
    _replace(path, _other_store(tmp_path))
    rest = np.arange(10, len(expected))
    layout.titles.request(rest)
    _until(lambda: layout.titles_ready(rest).all())
    assert layout.titles._background.usable
    assert [layout.titles.cached(i) for i in range(len(expected))] == expected
    layout.titles.close()
    store.close()


def test_the_background_integrity_check_reads_the_opened_file_not_its_replacement(tmp_path, built_store, monkeypatch):
    monkeypatch.setattr(reader, "INLINE_CHECK_BYTES", 0)  # a big store: the whole check is left to a thread
    good = tmp_path / "big.sqlite"
    shutil.copy(built_store, good)
    damaged = tmp_path / "damaged.sqlite"
    data = bytearray(good.read_bytes())
    data[len(data) // 2 : len(data) // 2 + 4096] = b"\xff" * 4096
    damaged.write_bytes(bytes(data))
    assert reader.check_store(damaged) is not None  # the damage is one the check finds
    store = Store.open(good)
    assert store.check_whole() is None
    _replace(good, damaged)
    assert reader.check_store(good) is not None  # by path: the replacement's damage, not the store in use
    assert store.check_whole() is None  # the opened file is sound; the replacement is offered for reload
    store.close()
    opened_damaged = Store.open(damaged)  # a big damaged store opens (first-frame tables sound) ...
    assert "corrupt" in opened_damaged.check_whole()  # ... and its own check finds the damage
    opened_damaged.close()
