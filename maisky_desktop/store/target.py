"""Where a build writes: the checks on the target, the temporary file, the rename into place.

Each build gets a temporary file of its own beside the output (``.maisky.sqlite.<random>.tmp``,
created with ``O_EXCL`` by ``tempfile``), so two builds to one output never share one; it is
renamed over the output only after the build finished and the result passed the same checks
the app makes when it opens a store, and the fingerprint is renamed in beside it. A failure
anywhere (an error, a full disk, Ctrl+C) removes the temporary files, so a failed build
leaves nothing behind and the old store untouched.
"""

from __future__ import annotations

import contextlib
import os
import sqlite3
import stat
import tempfile
from collections.abc import Iterator
from pathlib import Path

from maisky_desktop.core.validate import Resolved
from maisky_desktop.store import fingerprint


class TargetError(RuntimeError):
    """The output cannot or must not be written; the message is one line."""


def _is_our_store(path: Path) -> bool:
    """A store this app built: SQLite with a ``meta`` table that records a schema version."""
    try:
        with open(path, "rb") as fh:
            if not fh.read(16).startswith(b"SQLite format 3\x00"):
                return False
        conn = sqlite3.connect(path.resolve().as_uri() + "?mode=ro", uri=True)
        try:
            row = conn.execute("SELECT value FROM meta WHERE key = 'schema_version'").fetchone()
        finally:
            conn.close()
    except (OSError, sqlite3.Error, UnicodeDecodeError):
        return False
    return row is not None


def refuse_unsafe(out: Path, force: bool) -> None:
    """Refuse a target that is a folder, not a regular file, or a file that is not one of our stores."""
    try:
        st = os.stat(out)
    except FileNotFoundError:
        return
    except OSError as exc:
        raise TargetError(f"cannot write {out}: {exc.strerror}") from None
    if stat.S_ISDIR(st.st_mode):
        raise TargetError(f"cannot write {out}: it is a folder (give a file name, e.g. {out / 'maisky.sqlite'})")
    if not stat.S_ISREG(st.st_mode):
        raise TargetError(f"cannot write {out}: it is not a regular file")
    if not force and not _is_our_store(out):
        raise TargetError(f"refusing to overwrite {out}: it is not a Maisky Timeline store (use --force to replace it)")


def _fsync_dir(folder: Path) -> None:
    with contextlib.suppress(OSError):  # not every platform lets a folder be opened
        fd = os.open(folder, os.O_RDONLY)
        try:
            os.fsync(fd)
        finally:
            os.close(fd)


@contextlib.contextmanager
def staged(out: Path) -> Iterator[Path]:
    """Yield a fresh temporary path beside ``out``; on a clean exit rename it (and its fingerprint) into place."""
    folder = out.parent
    try:
        folder.mkdir(parents=True, exist_ok=True)
        fd, name = tempfile.mkstemp(prefix=f".{out.name}.", suffix=".tmp", dir=folder)
    except OSError as exc:
        raise TargetError(f"cannot write {out}: {exc.strerror or exc}") from None
    os.close(fd)
    tmp = Path(name)
    side_tmp = fingerprint.sidecar(tmp)
    tmp.unlink()  # SQLite creates it afresh; the name stays ours (random, next to the output)
    try:
        yield tmp
        with open(tmp, "rb+") as fh:
            os.fsync(fh.fileno())
        side_tmp.write_text(fingerprint.text_for(out, fingerprint.digest(tmp)), encoding="ascii")
        os.replace(tmp, out)
        os.replace(side_tmp, fingerprint.sidecar(out))
        _fsync_dir(folder)
    except sqlite3.Error as exc:
        raise TargetError(f"cannot write {out}: {exc}") from None
    except OSError as exc:
        raise TargetError(f"cannot write {out}: {exc.strerror or exc}") from None
    finally:
        for leftover in (tmp, side_tmp, tmp.with_name(tmp.name + "-journal")):
            leftover.unlink(missing_ok=True)


def check_built(tmp: Path, res: Resolved) -> None:
    """The checks the app makes at open, plus the event count, before the file goes into place."""
    from maisky_desktop.store.reader import StoreError, open_store

    try:
        conn = open_store(tmp, require_fingerprint=False)
    except StoreError as exc:
        raise TargetError(f"the new store failed its check: {exc}") from None
    try:
        events = conn.execute("SELECT count(*) FROM events").fetchone()[0]
    finally:
        conn.close()
    if events != len(res.catalog.events):
        raise TargetError(f"the new store failed its check: {events} events, expected {len(res.catalog.events)}")
