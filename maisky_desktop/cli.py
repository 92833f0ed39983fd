"""Command line: each command is one call into the core or the store; the GUI starts lazily."""

from __future__ import annotations

import argparse
import os
import signal
import sys
import threading
from pathlib import Path
from typing import NoReturn

from maisky_desktop import cli_research, paths
from maisky_desktop.core import span

EPILOG = """examples:
  maisky-desktop                      open the timeline on the embedded store
  maisky-desktop --store copy.sqlite  open another store
  maisky-desktop check                validate seeds and catalog
  maisky-desktop build                rebuild the embedded store
  maisky-desktop search Maiskii       search events, people and passages (any spelling)
  maisky-desktop --event treaty-of-rapallo   start focused on an event
  maisky-desktop --search Litvinoff   start with a search
  maisky-desktop --self-test          check this installation works, print what was checked
  maisky-desktop --tour alliance-1941 play a guided tour
  maisky-desktop tours                list the guided tours
  maisky-desktop publish /srv/maisky  the store and Datasette metadata, to serve to a group
  maisky-desktop --kiosk              museum kiosk mode (settings: see README, Kiosk)
  maisky-desktop --font-scale 1.5 --high-contrast   larger type, high contrast
  maisky-desktop handout --tour alliance-1941 --out alliance.pdf   a printed handout
  maisky-desktop export events --format csv --out events.csv   events with EDTF dates and words
  maisky-desktop cite treaty-of-rapallo --style apa             a citation rendered from a CSL style
  maisky-desktop import events my-events.csv                    preview a CSV of your own events
"""


MAX_LIMIT = 1000


def _limit(text: str) -> int:
    """``--limit``: a whole number from 1 to MAX_LIMIT (argparse turns the error into one line, exit 2)."""
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"must be a whole number, not {text!r}") from None
    if not 1 <= value <= MAX_LIMIT:
        raise argparse.ArgumentTypeError(f"must be from 1 to {MAX_LIMIT}, not {value}")
    return value


def _refuse_undecodable(args: argparse.Namespace) -> None:
    """Refuse a text argument whose bytes are not UTF-8 (Python keeps them as lone surrogates).

    Such text cannot be bound into SQL or shown; better one line now than an error deep in Qt.
    File paths are left alone: the operating system takes their bytes as they are.
    """
    for key, value in vars(args).items():
        for text in value if isinstance(value, list) else [value]:
            if not isinstance(text, str):
                continue
            try:
                text.encode("utf-8")
            except UnicodeEncodeError:
                name = key.upper() if key == "query" else "--" + key.replace("_", "-")
                _fail(f"{name} is not valid text: its bytes {os.fsencode(text)!r} are not UTF-8")


def _fail(message: str, code: int = 2) -> NoReturn:
    print(f"maisky-desktop: {message}", file=sys.stderr)
    raise SystemExit(code)


def _parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(
        prog="maisky-desktop",
        description=f"Maisky Timeline: Soviet diplomacy {span.study_words()}, every event anchored in its sources.",
        epilog=EPILOG,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    p.add_argument("--store", type=Path, help="open this store instead of the embedded one")
    p.add_argument("--event", metavar="ID", help="start focused on this event (its passage open)")
    p.add_argument("--search", metavar="TEXT", help="start with this search")
    p.add_argument("--tour", metavar="ID", help="start playing this guided tour (see 'maisky-desktop tours')")
    p.add_argument(
        "--kiosk", action="store_true", help="museum kiosk: full screen, touch, locked down, attract loop (see README)"
    )
    p.add_argument("--kiosk-config", type=Path, metavar="PATH", help="kiosk settings file (default: see README)")
    p.add_argument(
        "--font-scale",
        type=float,
        metavar="X",
        help="scale all text, e.g. 1.5 (default: as saved in View > Preferences, else 1)",
    )
    p.add_argument(
        "--high-contrast",
        action=argparse.BooleanOptionalAction,
        help="the high-contrast theme, or not (default: as saved in View > Preferences, else off)",
    )
    p.add_argument(
        "--self-test",
        action="store_true",
        help="check this installation (store, timeline, search, notes, PDF) offscreen and exit",
    )
    cli_research.add_global_options(p)
    sub = p.add_subparsers(dest="command", metavar="COMMAND")
    cli_research.add_commands(sub)
    b = sub.add_parser(
        "build",
        help="rebuild the store from seeds and catalog",
        description="Rebuild the store from seeds/ and resources/catalog/, refusing if check finds problems.",
        epilog="example:\n  maisky-desktop build --out /tmp/maisky.sqlite",
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    b.add_argument("--out", type=Path, help="where to write the store (default: the embedded store)")
    b.add_argument("--force", action="store_true", help="replace --out even if it is not a Maisky Timeline store")
    sub.add_parser(
        "check",
        help="validate seeds and catalog, print problems as file:line: message",
        description="Validate seeds and catalog: provenance hashes, quotes verbatim, EDTF dates, references, ids.",
        epilog="example:\n  maisky-desktop check && echo clean",
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    s = sub.add_parser(
        "search",
        help="search events, people and passages, and your own events and documents, as the search box does",
        description="Search events, people and passages with the search box's tolerance (spellings, "
        "transliterations, diacritics, word forms). Any text is accepted; operators are searched as words. "
        "As in the window, the top hit (the person, else the event, the query names) is printed first, then "
        "your own events and documents (marked yours) when your notes database exists in the user data folder "
        "or --user-data PATH (read only, never written), then the store's results.",
        epilog="examples:\n  maisky-desktop search Maiskii\n  maisky-desktop search 'trade agreement' --json\n"
        "  maisky-desktop --user-data ~/my-notes search Cherkley",
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    s.add_argument("query", metavar="QUERY", nargs="+", help="the words to search for")
    s.add_argument(
        "--json",
        action="store_true",
        help="one JSON object per line: top (true on the top hit's line, printed first), kind, id, "
        "title or name, date, snippet; your own hits also yours (true)",
    )
    sub.add_parser(
        "tours",
        help="list the guided tours (ids for --tour)",
        description="List the guided tours: id, number of stops, title.",
        epilog="example:\n  maisky-desktop tours",
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    h = sub.add_parser(
        "handout",
        help="write a tour or chosen events as a PDF handout",
        description="Write a printable PDF: a title page, then each event with its date in words, summary, "
        "the verbatim passages and their full citations, page numbers on every page. Needs no display.",
        epilog="examples:\n  maisky-desktop handout --tour alliance-1941 --out alliance.pdf\n"
        "  maisky-desktop handout --event treaty-of-rapallo --event kirov-murder --paper letter --out two.pdf",
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    which = h.add_mutually_exclusive_group(required=True)
    which.add_argument("--tour", dest="handout_tour", metavar="ID", help="the tour to print (its stops in order)")
    which.add_argument("--event", dest="handout_events", metavar="ID", action="append", help="an event (repeat)")
    h.add_argument("--paper", choices=("a4", "letter"), default="a4", help="paper size (default a4)")
    h.add_argument("--title", default="Selected events", help="title of an events handout")
    h.add_argument("--out", type=Path, required=True, help="the PDF to write")
    s.add_argument("--limit", type=_limit, default=10, help=f"results per kind, 1-{MAX_LIMIT} (default 10)")
    pub = sub.add_parser(
        "publish",
        help="write the store and a Datasette metadata file to serve them to a group",
        description="Copy the store (integrity-checked) to DIR with a Datasette metadata file: titles, "
        "descriptions, the sources' licences and provenance, column descriptions, full-text search, canned "
        "queries. Prints the one command that serves it read-only.",
        epilog="example:\n  maisky-desktop publish /srv/maisky && datasette serve -i /srv/maisky/maisky.sqlite "
        "-m /srv/maisky/metadata.json",
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    pub.add_argument("dir", type=Path, metavar="DIR", help="the folder to write (created if missing)")
    return p


def cmd_publish(store: Path | None, out_dir: Path) -> int:
    from maisky_desktop.store.publish import publish, serve_command
    from maisky_desktop.store.reader import StoreError

    try:
        target, meta = publish(store or paths.default_store(), out_dir)
    except (StoreError, ValueError) as exc:
        print(f"maisky-desktop: {exc}", file=sys.stderr)
        return 2
    except OSError as exc:
        print(f"maisky-desktop: cannot write {out_dir}: {exc.strerror}", file=sys.stderr)
        return 2
    print(f"wrote {target} and {meta}")
    print(f"serve it read-only with:\n  {serve_command(out_dir)}")
    return 0


def cmd_search(store: Path | None, query: str, as_json: bool, limit: int, user_data: Path | None = None) -> int:
    """The store's search, and the researcher's own events and documents when their notes database exists.

    ``user_data``: the folder of the notes (``--user-data``), else the OS user data folder, as the
    window reads them. Without a notes database the output is the store's alone, as it always was.
    A notes database that cannot be searched is one line on stderr; the store's results are still
    printed, and the exit code is 1 (README, When things go wrong).
    """
    from maisky_desktop.store.faults import damage_message
    from maisky_desktop.store.reader import StoreError, open_store
    from maisky_desktop.store.search import Searcher

    path = store or paths.default_store()
    try:
        conn = open_store(path)
    except StoreError as exc:
        _fail(str(exc))
    try:
        results = Searcher(conn).search(query, limit=limit)
    except Exception as exc:
        message = damage_message(path, exc)
        if message is None:
            raise
        _fail(message)
    finally:
        conn.close()
    own, problem = _search_own(results, user_data or paths.user_data_folder(), limit)
    if problem is not None:
        print(f"maisky-desktop: {problem}", file=sys.stderr)
    try:
        _print_results(results, own, as_json)
    except BrokenPipeError:  # `search ... | head` closed the pipe: what was wanted has been printed
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
    return 1 if problem is not None else 0


def _search_own(results, folder: Path, limit: int) -> tuple[dict, str | None]:
    """(own hits by kind, or {} when there is no notes database; the one line saying why it could not be searched).

    Read through ``OwnReader``, read-only: a search never writes to the notes, not even the
    migrations and backups the window's start would make.
    """
    from maisky_desktop.core.search import OWN_KINDS

    database = folder / paths.USER_DB_NAME
    if results.query.empty or not database.exists():
        return {}, None
    from maisky_desktop.store.own_reader import OwnDataError, OwnReader

    try:
        reader = OwnReader.open(database)
        try:
            hits, _more = reader.search(results.query, limits=dict.fromkeys(OWN_KINDS, limit))
        finally:
            reader.close()
    except OwnDataError as exc:
        return {}, str(exc)
    return hits, None


OWN_HEADINGS = {"own event": "Your events", "own passage": "Your documents"}  # as the window's results pane


def _print_results(results, own: dict, as_json: bool) -> None:
    """The top hit first, labelled, then the researcher's own groups, then every group, as the window lists them.

    Text: a "Top hit" block, "Your events" and "Your documents" (each hit marked *yours*),
    then "All results" (the top hit again in its group, as in the window). JSON: one object per
    line, each with ``top``: true only on the first line when there is a top hit; the
    researcher's own hits carry ``"yours": true`` and their kind (``own event``, ``own passage``).
    """
    import json

    mine = [hit for kind in OWN_HEADINGS for hit in own.get(kind, [])]
    if as_json:
        if results.top is not None:
            print(json.dumps({"top": True, **results.top.as_json()}, ensure_ascii=False))
        for hit in mine:
            print(json.dumps({"top": False, **hit.as_json(), "yours": True}, ensure_ascii=False))
        for hit in results.all():
            print(json.dumps({"top": False, **hit.as_json()}, ensure_ascii=False))
        return
    blocks = 0
    if results.top is not None:
        print("Top hit")
        _print_hit(results.top)
        blocks += 1
    for kind, heading in OWN_HEADINGS.items():
        if own.get(kind):
            print(("\n" if blocks else "") + heading)
            for hit in own[kind]:
                _print_hit(hit, "yours")
            blocks += 1
    if blocks:
        print("\nAll results")
    for hit in results.all():
        _print_hit(hit)


def _print_hit(hit, label: str | None = None) -> None:
    print(f"{label or hit.kind:<8} {hit.id}  {hit.title}" + (f"  ({hit.date})" if hit.date else ""))
    print(f"         {hit.snippet.bracketed()}")


def cmd_tours(store: Path | None) -> int:
    from maisky_desktop.store import tours
    from maisky_desktop.store.reader import StoreError, open_store

    try:
        conn = open_store(store or paths.default_store())
    except StoreError as exc:
        print(f"maisky-desktop: {exc}", file=sys.stderr)
        return 2
    for t in tours.tours(conn):
        print(f"{t.id:<28} {len(t.stops):>3} stops  {t.title}")
    conn.close()
    return 0


def cmd_handout(store: Path | None, args: argparse.Namespace) -> int:
    from maisky_desktop.store.handout import HandoutError, events_handout, tour_handout
    from maisky_desktop.store.reader import StoreError, open_store

    try:
        conn = open_store(store or paths.default_store())
    except StoreError as exc:
        print(f"maisky-desktop: {exc}", file=sys.stderr)
        return 2
    try:
        if args.handout_tour:
            handout = tour_handout(conn, args.handout_tour)
        else:
            handout = events_handout(conn, args.handout_events, args.title)
    except HandoutError as exc:
        print(f"maisky-desktop: {exc}", file=sys.stderr)
        return 2
    finally:
        conn.close()
    from maisky_desktop.ui.handout_pdf import write_pdf

    try:
        pages = write_pdf(handout, args.out, args.paper)
    except OSError as exc:
        print(f"maisky-desktop: {exc}", file=sys.stderr)
        return 1
    print(f"wrote {args.out} ({pages} pages, {len(handout.entries)} events, {args.paper})")
    return 0


def _resolve():
    from maisky_desktop.core.validate import resolve

    return resolve(paths.seeds_dir(), paths.catalog_dir(), paths.label_base())


def cmd_check() -> int:
    res = _resolve()
    for problem in res.problems:
        print(problem)
    if res.problems:
        print(f"{len(res.problems)} problem(s)", file=sys.stderr)
        return 1
    cat = res.catalog
    print(
        f"ok: {len(res.sources)} sources, {sum(len(d.passages) for d in res.documents.values())} passages, "
        f"{len(cat.events)} events, {len(res.anchors)} anchors, {len(cat.people)} people, {len(cat.places)} places"
    )
    return 0


def cmd_build(out: Path | None, force: bool = False) -> int:
    from maisky_desktop.store.build import BuildError, build
    from maisky_desktop.store.target import TargetError, refuse_unsafe

    target = out or paths.default_store()
    try:
        refuse_unsafe(target, force)  # before minutes of work, not after
    except TargetError as exc:
        _fail(str(exc), 1)
    res = _resolve()

    def progress(step: int, total: int, message: str) -> None:
        width = 24
        done = width * step // total
        print(f"\r[{'#' * done}{'.' * (width - done)}] {step}/{total} {message:<28}", end="", flush=True)

    try:
        build(res, target, paths.catalog_dir(), progress, force=force)
    except BuildError as exc:
        print(exc)
        print("build refused: fix the problems above", file=sys.stderr)
        return 1
    except TargetError as exc:
        print()
        _fail(str(exc), 1)
    print(f"\nwrote {target} ({target.stat().st_size // 1024} KiB, {len(res.catalog.events)} events)")
    return 0


def cmd_gui(
    store: Path | None,
    argv: list[str],
    event: str | None = None,
    search: str | None = None,
    tour: str | None = None,
    user_data: tuple[Path | None, int] = (None, 7),
    look: dict | None = None,
) -> int:
    from maisky_desktop import display
    from maisky_desktop.store.reader import Store, StoreError

    why_not = display.problem()
    if why_not:  # before Qt loads: Qt itself would abort with a misleading hint
        print(f"maisky-desktop: {why_not}", file=sys.stderr)
        return 2
    path = store or paths.default_store()
    try:
        opened = Store.open(path)  # opened and checked once per start; the window reads through it
    except StoreError as exc:
        # One line on stderr and a dialog if a display is there: never a traceback.
        print(f"maisky-desktop: {exc}", file=sys.stderr)
        from maisky_desktop.ui.app import show_fatal

        show_fatal(str(exc))
        return 2
    from maisky_desktop import gui_start

    gui_start.before_qt()  # the collector paused until the first frame, the Qt-free layers imported first
    from maisky_desktop.ui.app import Look, run

    return run(
        path,
        argv,
        event=event,
        search=search,
        tour=tour,
        user_data=user_data[0],
        keep_backups=user_data[1],
        look=Look(**(look or {})),
        store=opened,
    )


class _Terminated(KeyboardInterrupt):
    """SIGTERM, unwinding like Ctrl+C so connections close and temporary files go."""


def _terminate(signum: int, _frame: object) -> None:
    raise _Terminated


def main(argv: list[str] | None = None) -> int:
    args_list = sys.argv[1:] if argv is None else argv
    args = _parser().parse_args(args_list)
    main_thread = threading.current_thread() is threading.main_thread()
    previous = signal.signal(signal.SIGTERM, _terminate) if main_thread else None  # the window sets its own
    try:
        return _dispatch(args)
    except KeyboardInterrupt as exc:
        print("\nmaisky-desktop: interrupted", file=sys.stderr)
        return 128 + (signal.SIGTERM if isinstance(exc, _Terminated) else signal.SIGINT)
    finally:
        if main_thread:
            signal.signal(signal.SIGTERM, previous)


def _dispatch(args: argparse.Namespace) -> int:
    """Run the command; text arguments that are not UTF-8 are refused first (one line, exit 2)."""
    _refuse_undecodable(args)
    if args.self_test:
        from maisky_desktop.ui.self_test import run_self_test

        return run_self_test(args.store)
    if args.command == "check":
        return cmd_check()
    if args.command == "build":
        return cmd_build(args.out or args.store, args.force)
    if args.command == "search":
        return cmd_search(args.store, " ".join(args.query), args.json, args.limit, args.user_data)
    if args.command == "handout":
        return cmd_handout(args.store, args)
    if args.command == "publish":
        return cmd_publish(args.store, args.dir)
    if args.command == "tours":
        return cmd_tours(args.store)
    if args.command in cli_research.COMMANDS:
        return cli_research.run(args)
    if args.font_scale is not None and not 0.5 <= args.font_scale <= 4:
        print("maisky-desktop: --font-scale must be between 0.5 and 4", file=sys.stderr)
        return 2
    look = {
        "font_scale": args.font_scale,
        "high_contrast": args.high_contrast,
        "kiosk": args.kiosk,
        "kiosk_config": args.kiosk_config,
    }
    return cmd_gui(
        args.store, [sys.argv[0]], args.event, args.search, args.tour, (args.user_data, args.keep_backups), look
    )


if __name__ == "__main__":
    sys.exit(main())
