"""The researcher's commands: export, cite, import; and the --user-data option they share with the GUI.

Each command is one call into ``store/exports.py``, ``store/own_records.py`` or the
writers in ``core/formats``. Output goes to ``--out FILE`` or to stdout. Nothing here
writes to the shipped store; imports write to the user database, and only with ``--yes``.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from maisky_desktop import paths

_RAW = argparse.RawDescriptionHelpFormatter


def add_global_options(p: argparse.ArgumentParser) -> None:
    p.add_argument(
        "--user-data",
        type=Path,
        metavar="PATH",
        help="folder for your notes, own events and documents (default: the OS user data folder)",
    )
    p.add_argument(
        "--keep-backups", type=int, default=7, metavar="N", help="daily backups of your notes to keep (default 7)"
    )


def add_commands(sub: argparse._SubParsersAction) -> None:
    e = sub.add_parser(
        "export",
        help="events, citations, notes or the timeline out of the app",
        description="Export events (CSV, JSON), citations (RIS, BibTeX, CSL-JSON), notes (Markdown) or the "
        "timeline (PNG, SVG: the years --from/--to, under the filter options, at --size).",
        epilog="examples:\n"
        "  maisky-desktop export events --format csv --from 1938 --to 1939 --out events.csv\n"
        "  maisky-desktop export citations --format ris --event treaty-of-rapallo --out rapallo.ris\n"
        "  maisky-desktop export citations --format bibtex --notes\n"
        "  maisky-desktop export notes --style apa --out notes.md\n"
        "  maisky-desktop export timeline --from 1930 --to 1941 --size 1920x1080 --out view.svg",
        formatter_class=_RAW,
    )
    e.add_argument("what", choices=["events", "citations", "notes", "timeline"], help="what to export")
    e.add_argument("--format", dest="fmt", help="events: csv|json; citations: ris|bibtex|csl-json")
    e.add_argument("--out", type=Path, help="file to write (default: standard output; required for timeline)")
    e.add_argument("--size", default="1920x1080", help="timeline image size WIDTHxHEIGHT (default 1920x1080)")
    e.add_argument("--event", action="append", default=[], metavar="ID", help="citations of this event (repeatable)")
    e.add_argument("--notes", action="store_true", help="citations of your notes")
    e.add_argument("--style", default="chicago", choices=["chicago", "apa"], help="citation style for notes")
    e.add_argument("--lane", help="only this lane (category id)")
    e.add_argument("--person", help="only events naming this person (id)")
    e.add_argument("--source", help="only events anchored in this source (id)")
    e.add_argument("--from", dest="year_from", type=int, metavar="YEAR", help="first year")
    e.add_argument("--to", dest="year_to", type=int, metavar="YEAR", help="last year")
    e.add_argument("--no-own", action="store_true", help="leave out your own events")
    c = sub.add_parser(
        "cite",
        help="a citation of an event's sources in a style, as Copy citation gives it",
        description="Print the quote, the in-text citation (with the paragraph) and the reference, "
        "rendered by citeproc-py with the shipped CSL style.",
        epilog="example:\n  maisky-desktop cite treaty-of-rapallo --style apa",
        formatter_class=_RAW,
    )
    c.add_argument("event_id", metavar="EVENT", help="event id (see 'search --json')")
    c.add_argument("--style", default="chicago", choices=["chicago", "apa"])
    i = sub.add_parser(
        "import",
        help="import events from CSV or Excel (.xlsx), or a text/Markdown document as a source",
        description="events: check a CSV or the first sheet of an .xlsx workbook (columns title, date, end, "
        "people, source, quote, note) and print "
        "each row's result; nothing is written without --yes. document: add a .txt or .md file as a source.",
        epilog="examples:\n  maisky-desktop import events my-events.csv          # preview only\n"
        "  maisky-desktop import events my-events.csv --yes    # import the good rows\n"
        "  maisky-desktop import events my-events.xlsx         # the first sheet of a workbook\n"
        "  maisky-desktop import document letters.md",
        formatter_class=_RAW,
    )
    i.add_argument("what", choices=["events", "document"])
    i.add_argument("file", type=Path)
    i.add_argument("--yes", action="store_true", help="write the good rows (without it: preview only)")


COMMANDS = ("export", "cite", "import")


def _fail(message: str) -> int:
    print(f"maisky-desktop: {message}", file=sys.stderr)
    return 2


def _open(args: argparse.Namespace, need_user: bool):
    """(store, user data or None); raises SystemExit-free errors as (None, message)."""
    from maisky_desktop.store.reader import Store, StoreError
    from maisky_desktop.store.userdata import UserData, UserDataError

    try:
        store = Store.open(args.store or paths.default_store())
    except StoreError as exc:
        return None, None, str(exc)
    try:
        user = UserData.open(args.user_data, keep=args.keep_backups)
    except UserDataError as exc:
        if need_user:
            store.close()
            return None, None, str(exc)
        user = None
    if user is not None:
        for message in user.messages:
            print(message, file=sys.stderr)
    return store, user, None


def _write(out: Path | None, text: str) -> int:
    if out is None:
        sys.stdout.write(text)
        return 0
    try:
        out.write_text(text, encoding="utf-8", newline="")
    except OSError as exc:
        return _fail(f"cannot write {out}: {exc.strerror}")
    print(f"wrote {out}", file=sys.stderr)
    return 0


def run(args: argparse.Namespace) -> int:
    store, user, problem = _open(args, need_user=args.command == "import")
    if problem:
        return _fail(problem)
    try:
        if args.command == "export":
            return _export(args, store, user)
        if args.command == "cite":
            return _cite(args, store, user)
        return _import(args, store, user)
    finally:
        store.close()
        if user is not None:
            user.close()


def _export(args, store, user) -> int:
    from maisky_desktop.core.filters import Filter
    from maisky_desktop.core.formats import bibtex, csl, events_table, notes_markdown, ris
    from maisky_desktop.store.exports import Gatherer

    g = Gatherer(store, user)
    if args.what == "timeline":
        return _export_timeline(args, store, user)
    if args.what == "events":
        f = Filter(args.lane, args.person, args.source, args.year_from, args.year_to)
        rows = g.events(f, include_own=not args.no_own)
        fmt = args.fmt or "csv"
        if fmt not in ("csv", "json"):
            return _fail("events export: --format csv or json")
        return _write(args.out, events_table.to_csv(rows) if fmt == "csv" else events_table.to_json(rows))
    if args.what == "notes":
        notes = user.notes() if user is not None else []
        text = notes_markdown.to_markdown(g.note_entries(notes, args.style), "Notes", args.style.title())
        return _write(args.out, text)
    missing = [e for e in args.event if store.event(e) is None and not (user and _own_exists(user, e))]
    if missing:
        return _fail(f"no event {missing[0]!r} (ids as 'maisky-desktop search --json' prints them)")
    citables = g.event_citables(args.event)
    if args.notes and user is not None:
        citables += g.note_citables(user.notes())
    if not citables:
        return _fail("nothing to export: give --event ID (repeatable) or --notes")
    fmt = args.fmt or "ris"
    if fmt == "ris":
        return _write(args.out, ris.dumps(citables))
    if fmt == "bibtex":
        return _write(args.out, bibtex.dumps(citables))
    if fmt == "csl-json":
        import json

        return _write(args.out, json.dumps(csl.items(citables), ensure_ascii=False, indent=1) + "\n")
    return _fail("citations export: --format ris, bibtex or csl-json")


def _own_exists(user, event_id: str) -> bool:
    from maisky_desktop.store import own_records

    return own_records.own_event(user, event_id) is not None


def _cite(args, store, user) -> int:
    from maisky_desktop.core.formats import csl
    from maisky_desktop.store.exports import Gatherer

    citables = Gatherer(store, user).event_citables([args.event_id])
    if not citables:
        return _fail(f"no event {args.event_id!r} with a source to cite")
    print("\n\n".join(csl.clipboard_text(c, args.style) for c in citables))
    return 0


def _import(args, store, user) -> int:
    from maisky_desktop.core.csv_import import read_events_file
    from maisky_desktop.core.own_documents import DocumentError, read_document
    from maisky_desktop.store import own_records
    from maisky_desktop.store.all_sources import AllSources
    from maisky_desktop.store.userdata import UserDataError

    if args.what == "document":
        try:
            doc = read_document(args.file)
            own_records.save_document(user, doc)
        except (DocumentError, UserDataError) as exc:
            return _fail(str(exc))
        print(f"imported {doc.file_name} as source {doc.id}: “{doc.title}”, {len(doc.document.passages)} passages")
        return 0
    preview = read_events_file(args.file, AllSources(store, user))
    if preview.problems:
        for problem in preview.problems:
            print(problem, file=sys.stderr)
        return 1
    for r in preview.rows:
        if r.draft is not None:
            print(f"row {r.row}: ok  {r.draft.date_words:<28} {r.draft.title}")
        else:
            print(f"{args.file.name}:{r.row}: {r.reason}")
    print(preview.summary())
    if not args.yes:
        print("nothing written (preview); run again with --yes to import the good rows")
        return 1 if preview.bad else 0
    try:
        ids = own_records.import_events(user, preview.good)
    except UserDataError as exc:
        return _fail(str(exc))
    print(f"imported {len(ids)} events into {user.path}")
    return 0


def _export_timeline(args, store, user) -> int:
    from maisky_desktop.core import span
    from maisky_desktop.core.filters import Filter
    from maisky_desktop.store.exports import Gatherer

    if args.out is None:
        return _fail("export timeline needs --out FILE.png or FILE.svg")
    left, right = span.opening_view()
    view = (float(args.year_from) if args.year_from else left, float(args.year_to + 1) if args.year_to else right)
    f = Filter(args.lane, args.person, args.source, None, None)
    shown = None if not f.active else {e.id for e in Gatherer(store, user).events(f, include_own=not args.no_own)}
    from maisky_desktop.ui.export.timeline_image import export_cli

    return export_cli(store, user, args.out, args.size, view, shown)
