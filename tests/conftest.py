"""Shared fixtures: the real seeds and catalog, and a store built from them once per run."""

from __future__ import annotations

import os
import sqlite3
import tempfile
from collections.abc import Callable
from pathlib import Path

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
# The window remembers its layout in the user's config folder: never the real one from a test
# (subprocesses inherit this too).
os.environ["XDG_CONFIG_HOME"] = tempfile.mkdtemp(prefix="maisky-test-config-")
# Nor the real notes: the window and `maisky-desktop search` read the user data folder by default.
os.environ["XDG_DATA_HOME"] = tempfile.mkdtemp(prefix="maisky-test-data-")

from maisky_desktop import paths
from maisky_desktop.core.validate import Resolved, resolve
from maisky_desktop.store.build import build
from maisky_desktop.store.reader import Store

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture(scope="session")
def resolved() -> Resolved:
    return resolve(ROOT / "seeds", ROOT / "resources" / "catalog", ROOT)


@pytest.fixture(scope="session")
def built_store(tmp_path_factory: pytest.TempPathFactory, resolved: Resolved) -> Path:
    out = tmp_path_factory.mktemp("store") / "maisky.sqlite"
    return build(resolved, out, ROOT / "resources" / "catalog")


@pytest.fixture
def store(built_store: Path):
    s = Store.open(built_store)
    yield s
    s.close()


@pytest.fixture(scope="session")
def source_texts(resolved: Resolved) -> dict[str, str]:
    return {sid: doc.text for sid, doc in resolved.documents.items()}


@pytest.fixture
def embedded_store() -> Path:
    return paths.default_store()


@pytest.fixture
def foreign_sqlite() -> Callable[[Path, str], bytes]:
    """Writes an SQLite file that is none of the app's (one table, ``table``) and returns its bytes,
    to check that the app refuses it and leaves it as it was."""

    def write(path: Path, table: str) -> bytes:
        conn = sqlite3.connect(path)
        conn.execute(f"CREATE TABLE {table} (text TEXT)")
        conn.commit()
        conn.close()
        return path.read_bytes()

    return write
