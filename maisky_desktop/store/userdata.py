"""The researcher's own database: notes, bookmarks, own events and documents, never lost.

Why a separate file: the shipped store is read-only and byte-identical on every machine
(opened ``immutable``); what a researcher writes lives in a SQLite file of their own, in
the OS user data folder (``platformdirs``) or wherever ``--user-data PATH`` points.

How nothing is lost:

- WAL journal and ``synchronous=FULL``: a commit that returned is on disk; a process killed
  at any moment (SIGKILL, power) leaves the last committed state, never a torn one.
- One transaction per user action (``Database.atomic()``): a note with its anchor, or a
  whole CSV import, lands entirely or not at all.
- Schema changes are sqlite-utils ``Migrations``, one per version, each in its transaction;
  a file made by a newer version of the app is refused, never rewritten.
- A daily backup (``sqlite3.Connection.backup``, a consistent copy even while writing), the
  newest ``keep`` kept; on start ``PRAGMA integrity_check`` runs, and a damaged file is set
  aside (never deleted) and the newest backup that passes the check is restored, with a
  message in words saying what happened and what may be missing.
- A write that fails (disk full, read-only folder or file) rolls back and raises
  ``UserDataError`` with one sentence; the caller keeps the user's text on screen.
"""

from __future__ import annotations

import os
import shutil
import sqlite3
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import UTC, date, datetime
from pathlib import Path

from sqlite_utils import Database
from sqlite_utils.migrations import Migrations

from maisky_desktop import paths
from maisky_desktop.core.record import record

DB_NAME = paths.USER_DB_NAME
BACKUP_DIR = "backups"
DEFAULT_KEEP = 7
MIGRATION_SET = "maisky-userdata"


class UserDataError(RuntimeError):
    """Something the user must know about their data, in one sentence they can act on."""


def default_folder() -> Path:
    """The OS user data folder (``~/.local/share/maisky-timeline`` on Linux, AppData on Windows)."""
    return paths.user_data_folder()


# -- schema, one migration per version -----------------------------------------------------

MIGRATIONS = Migrations(MIGRATION_SET)


@MIGRATIONS(name="0001_notes")
def _m0001_notes(db: Database) -> None:
    """Version 1: notes and bookmarks on events, people and passages (with source offsets)."""
    db.table("notes").create(
        {
            "id": int,
            "target_kind": str,  # event | person | passage
            "target_id": str,
            "source_id": str,  # passages: the source the offsets count in
            "char_start": int,
            "char_end": int,
            "quote": str,  # the selected words, verbatim
            "body": str,
            "bookmark": int,
            "created": str,
            "updated": str,
        },
        pk="id",
        not_null={"target_kind", "target_id", "body", "created", "updated"},
        defaults={"body": "", "bookmark": 0},
    )
    db.table("notes").create_index(["target_kind", "target_id"])


@MIGRATIONS(name="0002_own_events_documents_search")
def _m0002_own_events_documents(db: Database) -> None:
    """Version 2: own events, own documents split into passages, full-text search over all of it."""
    db.table("own_events").create(
        {
            "id": str,
            "title": str,
            "date": str,  # EDTF
            "date_text": str,  # the words the user typed, if not EDTF
            "precision": str,
            "day_from": int,  # proleptic Gregorian ordinals, as in the shipped store
            "day_to": int,
            "people": str,  # names separated by '; '
            "source_id": str,  # a shipped source or an own document
            "passage_id": str,
            "char_start": int,
            "char_end": int,
            "quote": str,
            "note": str,
            "created": str,
            "updated": str,
        },
        pk="id",
        not_null={"title", "date", "day_from", "day_to", "created", "updated"},
    )
    db.table("own_events").create_index(["day_from"])
    db.table("documents").create(
        {"id": str, "title": str, "file_name": str, "sha256": str, "text": str, "imported": str},
        pk="id",
        not_null={"title", "text", "imported"},
    )
    db.table("doc_passages").create(
        {
            "id": str,
            "document_id": str,
            "seq": int,
            "kind": str,
            "char_start": int,
            "char_end": int,
            "text": str,
            "para_id": str,
            "piece": int,
            "para_no": int,
        },
        pk="id",
        foreign_keys=[("document_id", "documents", "id")],
    )
    db.table("doc_passages").create_index(["document_id", "seq"])
    for table, columns in FTS.items():
        db.table(table).enable_fts(columns, create_triggers=True, tokenize=FTS_TOKENIZE)


FTS = {"notes": ["body", "quote"], "own_events": ["title", "note", "quote", "people"], "doc_passages": ["text"]}
FTS_TOKENIZE = "unicode61 remove_diacritics 2"  # as the shipped store, so the same queries fold the same way


def _is_bundled_store(path: Path) -> bool:
    """Whether a path is the shipped store or sits in the package data folder."""
    from maisky_desktop import paths

    data = paths.data_dir().resolve()
    try:
        path.resolve().relative_to(data)
    except ValueError:
        return False
    return True


def _now() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")


def _plain(exc: BaseException) -> str:
    """A write failure in words a user can act on."""
    text = str(exc).lower()
    if (isinstance(exc, OSError) and exc.errno == 28) or "full" in text:
        return "the disk is full"
    if "readonly" in text or "read-only" in text or isinstance(exc, PermissionError):
        return "the folder or file is read-only"
    if "locked" in text or "busy" in text:
        return "another program holds the file"
    return str(exc) or exc.__class__.__name__


@record
class Note:
    """A note or a bookmark; passage notes carry the source offsets of the words chosen."""

    id: int
    target_kind: str
    target_id: str
    body: str
    bookmark: bool
    created: str
    updated: str
    source_id: str | None = None
    char_start: int | None = None
    char_end: int | None = None
    quote: str | None = None

    @classmethod
    def from_row(cls, row: dict) -> Note:
        return cls(
            id=row["id"],
            target_kind=row["target_kind"],
            target_id=row["target_id"],
            body=row["body"] or "",
            bookmark=bool(row["bookmark"]),
            created=row["created"],
            updated=row["updated"],
            source_id=row["source_id"],
            char_start=row["char_start"],
            char_end=row["char_end"],
            quote=row["quote"],
        )


NOTE_KINDS = ("event", "person", "passage")


class UserData:
    """One open user database. ``messages`` says in words what start-up had to do (restore, migrate)."""

    def __init__(self, folder: Path, db: Database, keep: int, messages: list[str], clock: Callable[[], date]):
        self.folder, self.db, self.keep, self.messages = folder, db, keep, messages
        self._today = clock
        self.path = folder / DB_NAME

    # -- opening ------------------------------------------------------------------------

    @classmethod
    def open(
        cls,
        folder: Path | None = None,
        keep: int = DEFAULT_KEEP,
        clock: Callable[[], date] = date.today,
    ) -> UserData:
        """Open (or create) the user database in ``folder``; check, restore, migrate, back up.

        Raises UserDataError when the folder cannot hold a database at all (the app then
        runs without notes and says why).
        """
        folder = Path(folder) if folder is not None else default_folder()
        if _is_bundled_store(folder) or _is_bundled_store(folder / DB_NAME):
            raise UserDataError(f"refusing to keep notes inside the app's own data folder: {folder}")
        try:
            folder.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise UserDataError(f"cannot create the notes folder {folder}: {exc.strerror or exc}") from None
        messages: list[str] = []
        path = folder / DB_NAME
        if path.exists():
            problem = _integrity_problem(path)
            if problem:
                messages.append(_restore(folder, problem))
        try:
            conn = sqlite3.connect(str(path), timeout=10, check_same_thread=False)
            conn.execute("PRAGMA journal_mode=WAL")
            conn.execute("PRAGMA synchronous=FULL")
            db = Database(conn, execute_plugins=False)
            db.execute("PRAGMA foreign_keys=ON")
            user = cls(folder, db, keep, messages, clock)
            user._migrate()
        except sqlite3.Error as exc:
            raise UserDataError(f"cannot open your notes in {folder}: {_plain(exc)}") from None
        user.maybe_backup()
        return user

    def _migrate(self) -> None:
        known = {m.name for m in MIGRATIONS._migrations}
        applied = [m.name for m in MIGRATIONS.applied(self.db)]
        newer = [n for n in applied if n not in known]
        if newer:
            self.db.close()
            raise UserDataError(
                f"your notes in {self.path} were written by a newer version of Maisky Timeline "
                f"(schema {newer[-1]}); update the app, the file is left untouched"
            )
        pending = [m.name for m in MIGRATIONS.pending(self.db)]
        if pending and applied:
            self.backup(label="before-" + pending[0])
            self.messages.append(
                f"Your notes were upgraded to the new format ({', '.join(pending)}); a copy of the old file is in "
                f"{self.folder / BACKUP_DIR}."
            )
        MIGRATIONS.apply(self.db)

    def close(self) -> None:
        self.db.close()

    @property
    def schema_version(self) -> list[str]:
        return [m.name for m in MIGRATIONS.applied(self.db)]

    # -- writing: one transaction per user action ------------------------------------------

    @contextmanager
    def action(self) -> Iterator[Database]:
        """One user action as one transaction; a failure rolls back and becomes a UserDataError.

        The first action of a day first backs up the file as the day before left it.
        """
        self.maybe_backup()
        try:
            with self.db.atomic():
                yield self.db
        except (sqlite3.Error, OSError) as exc:
            raise UserDataError(f"could not save to {self.path}: {_plain(exc)}. Nothing was changed.") from None

    def add_note(
        self,
        target_kind: str,
        target_id: str,
        body: str,
        *,
        bookmark: bool = False,
        source_id: str | None = None,
        char_start: int | None = None,
        char_end: int | None = None,
        quote: str | None = None,
    ) -> Note:
        """Add a note (or a bookmark, ``bookmark=True`` with any body) and return it as stored."""
        if target_kind not in NOTE_KINDS:
            raise ValueError(f"a note is on one of {', '.join(NOTE_KINDS)}, not {target_kind!r}")
        if (char_start is None) != (char_end is None) or (
            char_start is not None and char_end is not None and char_end < char_start
        ):
            raise ValueError("a passage note needs both offsets, start before end")
        stamp = _now()
        row = {
            "target_kind": target_kind,
            "target_id": target_id,
            "body": body,
            "bookmark": int(bookmark),
            "created": stamp,
            "updated": stamp,
            "source_id": source_id,
            "char_start": char_start,
            "char_end": char_end,
            "quote": quote,
        }
        with self.action() as db:
            note_id = db.table("notes").insert(row).last_pk
        return Note.from_row({"id": note_id, **row})

    def update_note(self, note_id: int, body: str) -> Note:
        with self.action() as db:
            db.table("notes").update(note_id, {"body": body, "updated": _now()})
        return self.note(note_id)

    def delete_note(self, note_id: int) -> None:
        with self.action() as db:
            db.execute("DELETE FROM notes WHERE id = ?", [note_id])

    # -- reading ------------------------------------------------------------------------------

    def note(self, note_id: int) -> Note:
        return Note.from_row(self.db.table("notes").get(note_id))

    def notes(self, target_kind: str | None = None, target_id: str | None = None) -> list[Note]:
        """Notes, newest first; narrowed to one target when given."""
        where, args = [], []
        if target_kind:
            where.append("target_kind = ?")
            args.append(target_kind)
        if target_id:
            where.append("target_id = ?")
            args.append(target_id)
        rows = self.db["notes"].rows_where(" AND ".join(where) or None, args, order_by="updated DESC, id DESC")
        return [Note.from_row(r) for r in rows]

    def noted_targets(self, target_kind: str) -> set[str]:
        """Ids of the targets of one kind that carry a note or a bookmark (for timeline markers)."""
        rows = self.db.execute("SELECT DISTINCT target_id FROM notes WHERE target_kind = ?", [target_kind])
        return {r[0] for r in rows}

    # -- backups ------------------------------------------------------------------------------

    def backups(self) -> list[Path]:
        """Daily backups, newest first."""
        folder = self.folder / BACKUP_DIR
        return sorted(folder.glob("userdata-*.sqlite"), reverse=True) if folder.is_dir() else []

    def maybe_backup(self) -> Path | None:
        """Today's backup if there is none yet; keeps the newest ``keep``. Never fails the caller."""
        target = self.folder / BACKUP_DIR / f"userdata-{self._today().isoformat()}.sqlite"
        if target.exists():
            return None
        try:
            return self.backup()
        except (sqlite3.Error, OSError):
            return None  # the data itself is safe; the next action tries again

    def backup(self, label: str | None = None) -> Path:
        """A consistent copy of the database now, written beside it and then renamed into place."""
        folder = self.folder / BACKUP_DIR
        folder.mkdir(exist_ok=True)
        name = f"userdata-{self._today().isoformat()}{'-' + label if label else ''}.sqlite"
        target = folder / name
        partial = target.with_suffix(".partial")
        dest = sqlite3.connect(str(partial))
        try:
            self.db.conn.backup(dest)
            dest.execute("PRAGMA journal_mode=DELETE")
        finally:
            dest.close()
        os.replace(partial, target)
        self._prune()
        return target

    def _prune(self) -> None:
        daily = [p for p in self.backups() if len(p.stem) == len("userdata-2000-01-01")]
        for old in daily[self.keep :]:
            old.unlink(missing_ok=True)


def _integrity_problem(path: Path) -> str | None:
    """Why a database file is unusable, in words, or None if ``PRAGMA integrity_check`` passes."""
    try:
        with open(path, "rb") as fh:
            head = fh.read(16)
    except OSError as exc:
        return f"it cannot be read ({exc.strerror})"
    if path.stat().st_size == 0:
        return None  # an empty file is a database never written to
    if head != b"SQLite format 3\x00":
        return "it is not an SQLite database any more"
    try:
        conn = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)
        try:
            rows = [r[0] for r in conn.execute("PRAGMA integrity_check(5)")]
        finally:
            conn.close()
    except sqlite3.DatabaseError as exc:
        return f"SQLite cannot read it ({exc})"
    return None if rows == ["ok"] else f"the integrity check failed ({'; '.join(rows)})"


def _count_notes(path: Path) -> int | None:
    try:
        conn = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)
        try:
            return conn.execute("SELECT count(*) FROM notes").fetchone()[0]
        finally:
            conn.close()
    except sqlite3.Error:
        return None


def _restore(folder: Path, problem: str) -> str:
    """Set the damaged file aside and put the newest good backup in its place; say what happened."""
    path = folder / DB_NAME
    stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%S")
    kept = folder / f"{DB_NAME}.damaged-{stamp}"
    for suffix in ("", "-wal", "-shm"):
        side = Path(str(path) + suffix)
        if side.exists():
            os.replace(side, Path(str(kept) + suffix))
    candidates = sorted((folder / BACKUP_DIR).glob("userdata-*.sqlite"), reverse=True)
    for backup in candidates:
        if _integrity_problem(backup) is None:
            shutil.copyfile(backup, path)
            n = _count_notes(path)
            what = f"{n} note{'s' if n != 1 else ''}" if n is not None else "its contents"
            return (
                f"Your notes database was damaged: {problem}. It was restored from the backup {backup.name} "
                f"({what}); anything written after that backup is missing. The damaged file was kept as {kept.name}."
            )
    return (
        f"Your notes database was damaged: {problem}, and no good backup was found, so a new empty one was "
        f"started. The damaged file was kept as {kept.name}."
    )
