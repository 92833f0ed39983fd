"""The window fits a laptop screen: nothing forces it wider than 1366 pixels."""

LAPTOP = (1366, 768)


def test_the_window_fits_a_1366x768_screen(window, qtbot):
    hint = window.minimumSizeHint()
    assert hint.width() <= LAPTOP[0] and hint.height() <= LAPTOP[1]
    window.resize(*LAPTOP)
    qtbot.waitUntil(lambda: window.width() == LAPTOP[0])
    # The passage pane keeps its whole width on screen, not cut off past the right edge.
    right = window.tabs.mapTo(window, window.tabs.rect().topRight()).x()
    assert right < LAPTOP[0]
