"""Fixtures shared by the Qt tests: the main window and the timeline on the embedded store."""

import pytest
from timeline_helpers import show, shown_window

from maisky_desktop.store.services import Services
from maisky_desktop.ui import theme
from maisky_desktop.ui.timeline.widget import TimelineWidget


@pytest.fixture
def window(qtbot, embedded_store):
    with shown_window(qtbot, embedded_store) as win:
        yield win


@pytest.fixture
def timeline(qtbot, embedded_store):
    services = Services.open(embedded_store)
    yield show(qtbot, TimelineWidget.from_data(services.timeline()))
    services.close()


@pytest.fixture
def high_contrast(qapp):
    """The high-contrast theme at 150% text, as a low-vision user sets it; the default look after."""
    font = qapp.font()
    theme.apply(qapp, font_scale=1.5, high_contrast=True)
    yield
    theme.restore(qapp, font)
