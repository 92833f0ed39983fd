"""The self-test's audit of a store: every quote at its offsets, built from the shipped inputs."""

import shutil
import sqlite3

import pytest

from maisky_desktop import paths
from maisky_desktop.store.build import inputs_digest
from maisky_desktop.store.errors import StoreError
from maisky_desktop.store.reader import audit


@pytest.fixture
def copy(built_store, tmp_path):
    path = tmp_path / "copy.sqlite"
    shutil.copy(built_store, path)
    conn = sqlite3.connect(path)
    yield conn
    conn.close()


def test_a_store_built_from_the_shipped_inputs_passes_with_its_anchor_count(copy, resolved):
    anchors = copy.execute("SELECT count(*) FROM event_anchors").fetchone()[0]
    assert audit(copy, inputs_digest(resolved, paths.catalog_dir())) == anchors > 200


def test_a_quote_moved_off_its_offsets_is_named(copy, resolved):
    event = copy.execute("SELECT event_id FROM event_anchors LIMIT 1").fetchone()[0]
    copy.execute("UPDATE event_anchors SET char_start = char_start + 1 WHERE event_id = ?", (event,))
    with pytest.raises(StoreError, match=f"first in event {event}"):
        audit(copy, inputs_digest(resolved, paths.catalog_dir()))


def test_a_store_built_from_other_inputs_is_called_stale(copy):
    with pytest.raises(StoreError, match="stale or swapped"):
        audit(copy, "0" * 64)
