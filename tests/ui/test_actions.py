"""The action registry: every command once, with keys, tooltip and name; menus from it; off by key."""

import pytest
from PySide6 import QtCore

from maisky_desktop.core.filters import Filter
from maisky_desktop.ui.actions import MENUS, SPECS, TIMELINE, Act


def test_every_command_is_one_action_with_tooltip_name_and_a_place_in_a_menu(window):
    titles = [m.title().replace("&", "") for m in window.menuBar().findChildren(type(window.menus["File"]))]
    assert [t for t in titles if t in MENUS] == list(MENUS)
    in_menus = {a for menu in window.menus.values() for a in menu.actions()}
    for key in Act:
        action = window.commands[key]
        assert action in in_menus, key
        assert action.toolTip() and action.iconText() == SPECS[key].name
        if SPECS[key].shortcuts:
            assert action.shortcut().toString() and SPECS[key].shortcuts[0] in action.toolTip()


def test_the_timeline_keys_are_the_timeline_actions(window):
    for key in TIMELINE:
        assert window.commands[key] is window.timeline.commands[key]
        assert window.commands[key].shortcutContext() == QtCore.Qt.ShortcutContext.WidgetWithChildrenShortcut


def test_a_key_on_the_timeline_goes_through_its_action_and_a_disabled_action_ignores_it(qtbot, window):
    timeline = window.timeline
    timeline.setFocus()
    before = timeline.view_range()
    seen = []
    window.commands[Act.ZOOM_IN].triggered.connect(lambda: seen.append("zoom"))
    qtbot.keyClick(timeline, QtCore.Qt.Key.Key_Plus)
    assert seen == ["zoom"]
    zoomed = timeline.view_range()
    assert zoomed[1] - zoomed[0] < before[1] - before[0]
    window.commands.disable(Act.ZOOM_IN)
    qtbot.keyClick(timeline, QtCore.Qt.Key.Key_Plus)
    assert timeline.view_range() == pytest.approx(zoomed) and seen == ["zoom"]
    assert not window.commands[Act.ZOOM_IN].isVisible()


def test_a_disabled_command_stays_off_when_the_state_would_enable_it(window):
    window.commands.disable(Act.BACK, Act.COPY_CITATION)
    window.choose("event", "arcos-raid")
    window.choose("event", "treaty-of-rapallo")
    assert not window.back_action.isEnabled() and not window.commands[Act.COPY_CITATION].isEnabled()
    assert window.commands[Act.OPEN_IN_DOCUMENT].isEnabled()


def test_commands_change_the_session(qtbot, window):
    window.commands[Act.LANES_PEOPLE].trigger()
    assert window.session.lane_mode == "person" and window.timeline.lane_mode == "person"
    assert window.commands[Act.LANES_PEOPLE].isChecked() and not window.commands[Act.LANES_CATEGORIES].isChecked()
    window.session.filter = Filter(person="maisky")
    window.commands[Act.CLEAR_FILTER].trigger()
    assert window.session.filter == Filter()
    window.choose("event", "treaty-of-rapallo")
    window.commands[Act.OPEN_IN_DOCUMENT].trigger()
    assert window.tabs.currentWidget() is window.reader and window.session.selection.passage


def test_the_shortcuts_list_comes_from_the_registry(window):
    text = window.commands.shortcuts_html()
    assert "Back" in text and "Alt+Left" in text and "Zoom in" in text and "+ or =" in text
    window.commands.disable(Act.QUIT)
    assert "Ctrl+Q" not in window.commands.shortcuts_html()
