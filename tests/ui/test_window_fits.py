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


def test_the_selected_title_is_shown_whole_at_laptop_width(window, qtbot):
    """Elided labels and counts never hide what the reader chose: its whole title is drawn."""
    timeline = window.timeline
    lay = timeline.items.layout
    longest = max(range(len(lay.ids)), key=lambda i: len(lay.title(i)))
    title = lay.title(longest)
    timeline.center_on(lay.ids[longest])
    timeline.select(lay.ids[longest])
    timeline.plot.grab()
    shown = timeline.labels.selected_title
    assert shown is not None
    text, rect = shown
    assert text == title
    view = timeline.plot.viewport().rect()
    assert rect.right() <= view.right() + 1 and rect.left() >= 0
    assert rect.width() >= timeline.labels.metrics.horizontalAdvance(title)
    # Back in the opening view, where the event sits inside a count, the title is still whole.
    timeline.set_view(*window.session.opening_view)
    timeline.plot.grab()
    assert timeline.labels.selected_title is not None and timeline.labels.selected_title[0] == title
