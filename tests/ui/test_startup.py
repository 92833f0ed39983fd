"""Start-up builds only what the first frame shows: the session is back before that frame, the notes
layer attaches right after it, and the docks behind People are filled when first shown."""

from __future__ import annotations

import pytest
from PySide6 import QtWidgets

from maisky_desktop.store.services import Services
from maisky_desktop.ui import app as app_module
from maisky_desktop.ui.errors import ErrorReporter
from maisky_desktop.ui.main_window import MainWindow
from maisky_desktop.ui.notes.research import attach


def _saved_session(qtbot, embedded_store, folder, own: bool) -> tuple[str, tuple[float, float]]:
    """Use the app once: a note, optionally an own event, a view and a selection; closing saves the session."""
    services = Services.open(embedded_store)
    first = MainWindow(services)
    qtbot.addWidget(first)
    first.show()
    research = attach(first, folder, restore=False)
    first.choose("event", "treaty-of-rapallo")
    research.bookmark_event()
    selected = "treaty-of-rapallo"
    if own:
        form = research.event_form()
        form.fill(title="Talks at the Foreign Office", date="summer 1938")
        form.try_accept()
        selected = research.save_from_form(form)
    first.timeline.set_view(1921.0, 1924.5)
    view = first.timeline.view_range()
    first.close()
    services.close()
    return selected, view


def _start(qtbot, embedded_store, folder) -> app_module.Shell:
    app = QtWidgets.QApplication.instance()
    shell = app_module.Shell(
        embedded_store, ErrorReporter(embedded_store, None), app_module._dresser(app, None, folder, 7)
    )
    shell.open()
    return shell


@pytest.mark.parametrize("own", [False, True], ids=["store event", "own event"])
def test_the_session_is_back_before_the_first_frame_and_the_notes_follow_it(qtbot, embedded_store, tmp_path, own):
    folder = tmp_path / "notes"
    selected, view = _saved_session(qtbot, embedded_store, folder, own)
    shell = _start(qtbot, embedded_store, folder)
    window = shell.window
    try:
        assert not hasattr(window, "research")  # nothing of the notes layer before the first frame ...
        assert window.timeline.view_range() == pytest.approx(view, abs=1e-6)  # ... but the view as it was left
        assert window.session.selection.event == selected
        qtbot.waitUntil(lambda: hasattr(window, "research"), timeout=5000)  # right after the first frame
        research = window.research
        assert "treaty-of-rapallo" in research.marked and len(research.markers.data) == 1  # the bookmark's mark
        assert window.timeline.selected_id() == selected  # an own event too, once its lane exists
        if own:
            assert window.tabs.currentWidget() is research.own_view
            assert "Talks at the Foreign Office" in research.own_view.toPlainText()
        assert window.timeline.view_range() == pytest.approx(view, abs=1e-6)
    finally:
        shell.close()


def test_a_window_closed_before_its_first_frame_is_followed_up_attaches_nothing(qtbot, embedded_store, tmp_path):
    folder = tmp_path / "notes"
    shell = _start(qtbot, embedded_store, folder)
    window = shell.window
    window.close()  # a reload or a quit before the event loop ran
    qtbot.wait(50)
    assert not hasattr(window, "research") and not (folder / "userdata.sqlite").exists()
    shell.close()


def test_the_docks_behind_people_are_filled_when_first_shown(qtbot, window):
    assert window._tours is None and window._events_in_view is None
    assert window.tours_dock.widget() is None and window.events_in_view_dock.widget() is None
    names = [a.text() for a in window.menus["View"].actions()]
    assert {"People", "Tours", "Events in view"} <= set(names)  # listed in View before they are built
    window.tours_dock.raise_()
    qtbot.waitUntil(lambda: window.tours_dock.widget() is not None)
    assert window.tours_dock.widget() is window.tours and window.tours.list.count() == len(window.services.tours())
    assert window._events_in_view is None  # only what was shown
    window.events_in_view_dock.raise_()
    qtbot.waitUntil(lambda: window.events_in_view_dock.widget() is not None)
    assert window.events_in_view.count() > 0  # the events of the opening view, listed


def test_a_tour_asked_for_before_its_dock_was_shown_builds_and_plays(qtbot, window):
    first = next(iter(t.id for t in window.services.tours()))
    assert window.tours.start(first)  # what --tour and the kiosk do
    qtbot.waitUntil(lambda: window.tours_dock.isVisible())
    assert window.tours.walk is not None


def test_the_start_path_imports_neither_the_notes_database_layer_nor_the_build_readers():
    """What the first frame needs is imported at start; sqlite-utils (notes), PyYAML and the source
    parser (the build), importlib.metadata (About's notice), the handouts and the search of the
    user's own data come later, when they are used; the store is found without importlib.resources."""
    import subprocess
    import sys

    code = (
        "import sys\n"
        "import maisky_desktop.ui.app, maisky_desktop.ui.main_window, maisky_desktop.ui.theme\n"
        "import maisky_desktop.ui.notes.session_file\n"
        "from maisky_desktop import paths; paths.default_store()\n"
        "later = ('sqlite_utils', 'yaml', 'importlib.metadata', 'maisky_desktop.store.handout',"
        " 'maisky_desktop.store.own_search', 'maisky_desktop.store.own_reader', 'maisky_desktop.core.corpus',"
        " 'importlib.resources.readers')\n"
        "print(sorted(m for m in later if m in sys.modules))\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.strip() == "[]"
