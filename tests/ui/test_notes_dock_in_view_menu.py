"""The Notes dock is listed in View with the other docks, though it attaches after the first frame.

Found on Xvfb: View listed Tours, Events in view and People but not Notes, so a Notes panel
closed by its X could come back only through a command a user had to know of.
"""

from maisky_desktop.ui.notes.research import attach


def test_view_shows_and_hides_the_notes_dock(qtbot, window, tmp_path):
    research = attach(window, tmp_path / "notes", restore=False)
    toggles = {a.text(): a for a in window.menus["View"].actions() if a.isCheckable()}
    assert {"People", "Tours", "Events in view", "Notes"} <= set(toggles)
    research.dock.close()
    assert not toggles["Notes"].isChecked()
    toggles["Notes"].trigger()
    assert research.dock.isVisible() and toggles["Notes"].isChecked()
