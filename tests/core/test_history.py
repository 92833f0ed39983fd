"""Back and Forward as in a browser."""

from maisky_desktop.core.history import History, View


def test_back_and_forward_through_selections_and_views():
    h = History(View(1917, 1976))
    h.select(1917, 1976, event="a")
    h.move(1920, 1925)
    h.move(1921, 1926)  # one pan in many steps is one entry
    h.select(1930, 1935, event="b")
    assert h.back() == View(1921, 1926, event="a", moved=True)
    assert h.back() == View(1917, 1976, event="a")
    assert h.back() == View(1917, 1976)
    assert not h.can_back()
    assert h.forward().event == "a"


def test_choosing_after_going_back_drops_the_forward_entries():
    h = History(View(0, 1))
    h.select(0, 1, event="a")
    h.select(0, 1, event="b")
    h.back()
    h.select(0, 1, person="p")
    assert not h.can_forward()
    assert h.back().event == "a"


def test_the_same_selection_twice_is_one_entry_and_float_noise_is_no_move():
    h = History(View(1917.0, 1976.0))
    h.select(1917.0, 1976.0, event="a")
    h.select(1917.0, 1976.0, event="a")
    h.move(1917.0 + 1e-9, 1976.0)
    assert h.back() == View(1917.0, 1976.0)
    assert not h.can_back()
