"""The shipped store is checked against the fingerprint recorded when it was built."""

import shutil

import pytest

from maisky_desktop.store import fingerprint
from maisky_desktop.store.reader import StoreError, open_store


def test_the_shipped_store_matches_its_recorded_fingerprint(embedded_store):
    side = fingerprint.sidecar(embedded_store)
    assert side.is_file(), "run 'maisky-desktop build' and commit maisky.sqlite.sha256"
    assert side.read_text().split()[0] == fingerprint.digest(embedded_store)
    assert fingerprint.is_shipped(embedded_store)
    open_store(embedded_store).close()


def _copy_with_fingerprint(src, tmp_path):
    out = tmp_path / "maisky.sqlite"
    shutil.copy(src, out)
    shutil.copy(fingerprint.sidecar(src), fingerprint.sidecar(out))
    return out


@pytest.mark.parametrize("offset", [120, 500_000, -3])
def test_any_changed_byte_is_refused_at_open(embedded_store, tmp_path, offset):
    out = _copy_with_fingerprint(embedded_store, tmp_path)
    data = bytearray(out.read_bytes())
    data[offset] ^= 0x01
    out.write_bytes(bytes(data))
    with pytest.raises(StoreError, match=r"does not match its fingerprint.*maisky-desktop build"):
        open_store(out)


def test_a_store_that_must_have_a_fingerprint_is_refused_without_one(embedded_store, tmp_path):
    out = tmp_path / "maisky.sqlite"
    shutil.copy(embedded_store, out)
    open_store(out).close()  # a copy without a fingerprint: SQLite's checks only
    with pytest.raises(StoreError, match="has no fingerprint"):
        open_store(out, require_fingerprint=True)


def test_build_writes_the_fingerprint_in_sha256sum_format(built_store):
    text = fingerprint.sidecar(built_store).read_text()
    assert text == f"{fingerprint.digest(built_store)}  {built_store.name}\n"
