"""Every command of the app once: an enum key, its text, shortcuts, tooltip, accessible name and menu.

MusicBrainz Picard's ``picard/ui/mainwindow/actions.py`` is the model: commands are created
from one table, looked up by key, and a mode switches them off by key (``disable``: the kiosk
turns off Quit, Find and the like; a disabled action's shortcut and menu item do nothing).
The menu bar (File, View, Go, Notes, Help) and the keyboard-shortcuts list are built from the
same table, so a shortcut is written down once. The Notes commands belong to the researcher's
layer (``ui.notes``), which is attached after the window: the window makes them hidden and
off, and the layer brings each to life with ``provide`` (a kiosk's ``disable`` still wins).
The timeline's keys are actions too: the timeline creates its own (``create(..., TIMELINE)``,
active while it has the focus) and the window adopts them, so its menus show them and a key
press on the timeline triggers the action.
"""

from __future__ import annotations

import enum
import html
from collections.abc import Callable, Iterable, Iterator

from PySide6 import QtCore, QtGui, QtWidgets

from maisky_desktop.core.record import record


class Act(enum.Enum):
    QUIT = "quit"
    FIND = "find"
    BACK = "back"
    FORWARD = "forward"
    ZOOM_IN = "zoom_in"
    ZOOM_OUT = "zoom_out"
    PAN_EARLIER = "pan_earlier"
    PAN_LATER = "pan_later"
    HOME = "home"
    PREVIOUS_ERA = "previous_era"
    NEXT_ERA = "next_era"
    NEXT_EVENT = "next_event"
    PREVIOUS_EVENT = "previous_event"
    LANES_CATEGORIES = "lanes_categories"
    LANES_PEOPLE = "lanes_people"
    CLEAR_FILTER = "clear_filter"
    COPY_CITATION = "copy_citation"
    OPEN_IN_DOCUMENT = "open_in_document"
    NOTE_EVENT = "note_event"
    BOOKMARK_EVENT = "bookmark_event"
    ONLY_NOTED = "only_noted"
    NOTE_SELECTION = "note_selection"
    NOTE_PERSON = "note_person"
    SHOW_NOTES = "show_notes"
    NEW_EVENT = "new_event"
    EDIT_EVENT = "edit_event"
    DELETE_EVENT = "delete_event"
    IMPORT_EVENTS = "import_events"
    IMPORT_DOCUMENT = "import_document"
    COPY_CHICAGO = "copy_chicago"
    COPY_APA = "copy_apa"
    EXPORT = "export"
    PREFERENCES = "preferences"
    SHORTCUTS = "shortcuts"
    ABOUT = "about"


@record
class Spec:
    """How a command looks: menu text (with its & mnemonic), shortcuts (the first one is shown), tooltip, menu."""

    text: str
    shortcuts: tuple[str, ...]
    tip: str
    menu: str  # "File", "View", "Go", "Notes" or "Help"
    checkable: bool = False
    section: bool = False  # a separator above it in its menu

    @property
    def name(self) -> str:
        """The accessible name: the menu text without its mnemonic or ellipsis."""
        return self.text.replace("&", "").rstrip("…")


SPECS: dict[Act, Spec] = {
    Act.QUIT: Spec("&Quit", ("Ctrl+Q",), "Close the window", "File", section=True),
    Act.FIND: Spec("&Find…", ("Ctrl+F",), "Search events, people and passages in any spelling", "Go"),
    Act.BACK: Spec("&Back", ("Alt+Left",), "Back to the previous view and selection", "Go"),
    Act.FORWARD: Spec("&Forward", ("Alt+Right",), "Forward again after Back", "Go"),
    Act.ZOOM_IN: Spec("Zoom &in", ("+", "="), "Show a shorter span of time (the wheel zooms at the pointer)", "View"),
    Act.ZOOM_OUT: Spec("Zoom &out", ("-", "_"), "Show a longer span of time", "View"),
    Act.PAN_EARLIER: Spec("&Earlier", ("Left",), "Move the view earlier in time", "View"),
    Act.PAN_LATER: Spec("&Later", ("Right",), "Move the view later in time", "View"),
    Act.HOME: Spec("&Whole period", ("Home",), "Back to the opening view, the whole period of study", "View"),
    Act.PREVIOUS_ERA: Spec("&Previous era", ("PgUp",), "Show the previous era (a view width without eras)", "Go"),
    Act.NEXT_ERA: Spec("&Next era", ("PgDown",), "Show the next era (a view width without eras)", "Go"),
    Act.NEXT_EVENT: Spec("Ne&xt event", ("Tab",), "Select the next event in time and keep it in view", "Go"),
    Act.PREVIOUS_EVENT: Spec(
        "Pre&vious event", ("Shift+Tab", "Backtab"), "Select the previous event in time and keep it in view", "Go"
    ),
    Act.LANES_CATEGORIES: Spec("Lanes by &category", ("Ctrl+1",), "One lane per category", "View", checkable=True),
    Act.LANES_PEOPLE: Spec(
        "Lanes by &people", ("Ctrl+2",), "One lane for each of the most present people", "View", checkable=True
    ),
    Act.CLEAR_FILTER: Spec("&Clear filter", ("Ctrl+Shift+X",), "Show every event again", "View"),
    Act.COPY_CITATION: Spec(
        "&Copy citation", ("Ctrl+Shift+C",), "The first anchor's quoted words and citation, on the clipboard", "File"
    ),
    Act.OPEN_IN_DOCUMENT: Spec(
        "&Open in document", ("Ctrl+D",), "Read the selected event's first passage in its whole document", "File"
    ),
    Act.NOTE_EVENT: Spec(
        "&Note on the selected event", ("Ctrl+Shift+N",), "Write a note on the event selected on the timeline", "Notes"
    ),
    Act.BOOKMARK_EVENT: Spec(
        "&Bookmark the selected event", ("Ctrl+B",), "Mark the selected event (a note without text)", "Notes"
    ),
    Act.ONLY_NOTED: Spec(
        "Show &only events with notes",
        (),
        "Narrow the timeline to the events you noted or bookmarked",
        "Notes",
        checkable=True,
    ),
    Act.NOTE_SELECTION: Spec(
        "Note on the words &selected in the document",
        ("Ctrl+Shift+M",),
        "A note anchored to the words selected in the reader, at their place in the source",
        "Notes",
    ),
    Act.NOTE_PERSON: Spec("Note on the &person shown", (), "Write a note on the person whose card is shown", "Notes"),
    Act.SHOW_NOTES: Spec("Show the notes &list", ("Ctrl+Shift+L",), "Show the Notes dock and its search", "Notes"),
    Act.NEW_EVENT: Spec(
        "Ne&w event…", ("Ctrl+Shift+E",), "Add an event of your own, dated in words or EDTF", "Notes", section=True
    ),
    Act.EDIT_EVENT: Spec("&Edit my event…", (), "Change the event of yours shown in the My event tab", "Notes"),
    Act.DELETE_EVENT: Spec("&Delete my event", (), "Delete the event of yours shown in the My event tab", "Notes"),
    Act.IMPORT_EVENTS: Spec(
        "&Import events from CSV or Excel…",
        (),
        "Preview a spreadsheet of events, row by row, before adding it",
        "Notes",
    ),
    Act.IMPORT_DOCUMENT: Spec(
        "Import a document (&text or Markdown)…", (), "Read a text of yours beside the shipped sources", "Notes"
    ),
    Act.COPY_CHICAGO: Spec(
        "Copy citation (&Chicago)",
        (),
        "The selected event's sources, cited in Chicago author-date",
        "Notes",
        section=True,
    ),
    Act.COPY_APA: Spec("Copy citation (&APA)", (), "The selected event's sources, cited in APA", "Notes"),
    Act.EXPORT: Spec(
        "E&xport…", ("Ctrl+Shift+S",), "Events, citations, notes or the timeline image to a file", "Notes"
    ),
    Act.PREFERENCES: Spec("P&references…", ("Ctrl+,",), "Text size and high contrast, kept for the next start", "View"),
    Act.SHORTCUTS: Spec("&Keyboard shortcuts", ("F1",), "Every command and its keys", "Help"),
    Act.ABOUT: Spec("&About Maisky Timeline", (), "What this app is, its sources and the store it reads", "Help"),
}

MENUS = ("File", "View", "Go", "Notes", "Help")
TIMELINE = (
    Act.ZOOM_IN,
    Act.ZOOM_OUT,
    Act.PAN_EARLIER,
    Act.PAN_LATER,
    Act.HOME,
    Act.PREVIOUS_ERA,
    Act.NEXT_ERA,
    Act.NEXT_EVENT,
    Act.PREVIOUS_EVENT,
)  # the keys that belong to the timeline: active while it has the focus, so text fields keep their arrows
NOTES = tuple(key for key, spec in SPECS.items() if spec.menu == "Notes")  # provided by ui.notes once attached


def create(
    parent: QtWidgets.QWidget,
    keys: Iterable[Act],
    context: QtCore.Qt.ShortcutContext = QtCore.Qt.ShortcutContext.WindowShortcut,
) -> dict[Act, QtGui.QAction]:
    """One QAction per key, made from its spec and added to ``parent`` (so its shortcuts work there)."""
    out = {}
    for key in keys:
        spec = SPECS[key]
        action = QtGui.QAction(spec.text, parent)
        action.setObjectName(key.value)
        action.setShortcuts([QtGui.QKeySequence(s) for s in spec.shortcuts])
        action.setShortcutContext(context)
        shown = f" ({spec.shortcuts[0]})" if spec.shortcuts else ""
        action.setToolTip(spec.tip + shown)
        action.setStatusTip(spec.tip)
        action.setWhatsThis(spec.tip)
        action.setIconText(spec.name)  # what a toolbar button and a screen reader say
        action.setCheckable(spec.checkable)
        parent.addAction(action)
        out[key] = action
    return out


class Actions:
    """The registry of one window: every action by key, the menus built from it, and off-switches."""

    def __init__(self, window: QtWidgets.QMainWindow, adopted: dict[Act, QtGui.QAction] | None = None) -> None:
        self.window = window
        own = [k for k in Act if k not in (adopted or {})]
        self._actions: dict[Act, QtGui.QAction] = {**create(window, own), **(adopted or {})}
        self._off: set[Act] = set()
        self._provided: set[Act] = set()
        self.menus: dict[str, QtWidgets.QMenu] = {}
        for key in NOTES:  # nothing to do until the researcher's layer provides them
            self._actions[key].setEnabled(False)
            self._actions[key].setVisible(False)

    def __getitem__(self, key: Act) -> QtGui.QAction:
        return self._actions[key]

    def __iter__(self) -> Iterator[tuple[Act, QtGui.QAction]]:
        return iter(self._actions.items())

    def on(self, key: Act, slot: Callable[[], object]) -> None:
        """Run ``slot`` when the command is triggered (menu, shortcut, toolbar or key on the timeline)."""
        self._actions[key].triggered.connect(lambda _checked=False: slot())

    def disable(self, *keys: Act) -> None:
        """Switch commands off for good (hidden from menus, shortcuts and keys do nothing): for the kiosk."""
        for key in keys:
            self._off.add(key)
            self._actions[key].setEnabled(False)
            self._actions[key].setVisible(False)
        self._show_menus()

    def allowed(self, key: Act) -> bool:
        """False once ``disable`` switched it off (the window never re-enables it)."""
        return key not in self._off

    def provide(self, key: Act, slot: Callable[[], object], enabled: bool = True) -> None:
        """A layer attached after the window (the notes) brings its command to life: connected, shown in
        its menu and the shortcuts list, enabled if ``enabled`` (a command ``disable``d stays off)."""
        self.on(key, slot)
        self._provided.add(key)
        self._actions[key].setVisible(self.allowed(key))
        self.enable(key, enabled)
        self._show_menus()

    def enable(self, key: Act, on: bool) -> None:
        """Enable or disable by state (a selection, an open database); a command ``disable``d stays off."""
        self._actions[key].setEnabled(on and self.allowed(key))

    def listed(self, key: Act) -> bool:
        """Whether the menus and the shortcuts list show it: not switched off, and provided if a layer's."""
        return self.allowed(key) and (key not in NOTES or key in self._provided)

    def build_menus(self, bar: QtWidgets.QMenuBar) -> dict[str, QtWidgets.QMenu]:
        """File, View, Go, Notes and Help, each listing its commands in the table's order.

        The Notes menu stays hidden until the researcher's layer provides one of its commands."""
        menus = {name: bar.addMenu(f"&{name}") for name in MENUS}
        for key in Act:
            spec = SPECS[key]
            if spec.section:
                menus[spec.menu].addSeparator()
            menus[spec.menu].addAction(self._actions[key])
        for name, menu in menus.items():
            menu.menuAction().setObjectName(f"menu-{name.lower()}")
        self.menus = menus
        self._show_menus()
        return menus

    def _show_menus(self) -> None:
        """A menu is in the bar while it lists a command (Notes: once the researcher's layer provides one)."""
        for name, menu in self.menus.items():
            menu.menuAction().setVisible(any(self.listed(k) for k, s in SPECS.items() if s.menu == name))

    def shortcuts_html(self) -> str:
        """The keyboard-shortcuts list, grouped by menu (the Help item shows it)."""
        parts = []
        for menu in MENUS:
            rows = [
                f"<tr><td>{html.escape(spec.name)}</td><td><b>{html.escape(' or '.join(spec.shortcuts))}</b></td></tr>"
                for key, spec in SPECS.items()
                if spec.menu == menu and spec.shortcuts and self.listed(key)
            ]
            if rows:
                parts.append(f"<h3>{menu}</h3><table cellspacing='0' cellpadding='3'>{''.join(rows)}</table>")
        parts.append("<p>On the timeline: drag to pan, wheel to zoom around the pointer, double-click to zoom in.</p>")
        return "".join(parts)
