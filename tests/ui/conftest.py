"""Fixtures shared by the Qt tests: the main window and the timeline on the embedded store."""

import pytest
from timeline_helpers import show

from maisky_desktop.store.services import Services
from maisky_desktop.ui.main_window import MainWindow
from maisky_desktop.ui.timeline.widget import TimelineWidget


@pytest.fixture
def window(qtbot, embedded_store):
    services = Services.open(embedded_store)
    win = MainWindow(services)
    qtbot.addWidget(win)
    win.resize(1366, 768)
    win.show()
    qtbot.waitExposed(win)
    yield win
    win.close()
    services.close()


@pytest.fixture
def timeline(qtbot, embedded_store):
    services = Services.open(embedded_store)
    yield show(qtbot, TimelineWidget.from_data(services.timeline()))
    services.close()
