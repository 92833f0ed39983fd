"""The main window on the embedded store: the timeline draws events; a click opens the passage."""

import pytest
from timeline_helpers import click_event


def test_window_opens_on_the_embedded_store(window):
    assert window.timeline.layout_data.ids
    left, right = window.timeline.view_range()
    assert left == pytest.approx(1917, abs=0.5) and right == pytest.approx(1976, abs=0.5)


def test_clicking_an_event_shows_its_verbatim_passage(qtbot, window, source_texts):
    with qtbot.waitSignal(window.timeline.event_selected, timeout=2000) as sig:
        click_event(qtbot, window, "treaty-of-rapallo")
    assert sig.args == ["treaty-of-rapallo"]
    shown = window.pane.toPlainText()
    anchor = window.services.anchors("treaty-of-rapallo")[0]
    quote = source_texts[anchor.source_id][anchor.char_start : anchor.char_end]
    assert quote in shown
    assert "16 April 1922" in shown


def test_a_filter_leaves_only_its_events_clickable(qtbot, window):
    window.timeline.set_filter({"arcos-raid"})
    lay = window.timeline.layout_data
    i = lay.ids.index("treaty-of-rapallo")
    items = window.timeline.items

    def y():  # the middle of the event's marks band (its lane and sub-row)
        items.stack_view()
        return items.band_top(lay.lane[i], items.row[i], 0.31)

    assert items.hit((lay.x0[i] + lay.x1[i]) / 2, y(), 0.001) is None
    window.timeline.set_filter(None)
    assert items.hit((lay.x0[i] + lay.x1[i]) / 2, y(), 0.001) == i


def test_center_on_moves_the_view_to_the_event(window):
    window.timeline.center_on("anglo-soviet-break-1927")
    left, right = window.timeline.view_range()
    assert left < 1927.4 < right and right - left == pytest.approx(59, abs=1)


def test_centring_an_event_keeps_the_view_inside_the_period_of_study(window):
    window.timeline.center_on("treaty-of-rapallo")  # 1922: a plain centred view would start in 1892
    left, right = window.timeline.view_range()
    assert left >= 1917 - 0.01 and left < 1922.3 < right
    window.timeline.center_on("maisky-born")  # before 1917: it stays in view
    left, right = window.timeline.view_range()
    assert left < 1884.1 < right


def test_a_wrong_event_id_is_reported_in_the_window(window):
    assert not window.focus_event("no-such-event")
    assert "no-such-event" in window.statusBar().currentMessage()


def test_every_dock_can_be_shown_again_from_the_view_menu(qtbot, window):
    window.show()
    qtbot.waitExposed(window)
    entries = {a.text(): a for a in window.menus["View"].actions()}
    assert "People" in entries
    window.people_dock.close()
    assert not window.people_dock.isVisible()
    entries["People"].trigger()
    assert window.people_dock.isVisible()


def test_a_second_window_restores_the_size_docks_and_splitter_the_first_saved(qtbot, tmp_path, store):
    from PySide6 import QtCore

    from maisky_desktop.store.services import Services
    from maisky_desktop.ui.main_window import MainWindow

    def settings():
        return QtCore.QSettings(str(tmp_path / "layout.ini"), QtCore.QSettings.Format.IniFormat)

    first = MainWindow(Services(store))
    qtbot.addWidget(first)
    assert not first.remember_layout(settings())  # nothing saved yet: the defaults stay
    first.resize(first.minimumSizeHint().width(), 520)  # a height the defaults never give
    first.show()
    qtbot.waitExposed(first)
    first.people_dock.hide()
    first.splitter.setSizes([700, 300])
    sizes, size = first.splitter.sizes(), first.size()
    first.close()

    second = MainWindow(Services(store))
    qtbot.addWidget(second)
    assert second.remember_layout(settings())
    second.show()
    qtbot.waitExposed(second)
    # the offscreen screen is 800 pixels wide, so Qt fits a restored width to it: the height tells
    assert second.height() == size.height() == 520
    assert not second.people_dock.isVisible()
    assert second.splitter.sizes() == sizes
    second.close()
