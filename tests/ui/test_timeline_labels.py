"""Labels never overlap each other or the marks; crowded stretches become counts; eras are named."""

import pytest
from timeline_helpers import show, to_viewport

from maisky_desktop.core import labels
from maisky_desktop.core.viewport import Era
from maisky_desktop.store.services import Services
from maisky_desktop.store.synthetic import build_synthetic
from maisky_desktop.ui.timeline import style
from maisky_desktop.ui.timeline.widget import TimelineWidget

VIEWS = [(1917.0, 1976.0), (1930.0, 1940.0), (1938.0, 1939.0), (1941.45, 1941.55), (1880.0, 1920.0)]


def _placed(timeline, view):
    timeline.set_view(*view)
    timeline.plot.grab()
    return timeline.labels.placed


def _marks_band(timeline, lane, row=0):
    top = to_viewport(timeline, 0, timeline.items.band_top(lane, row, style.BAR_TOP)).y()
    bottom = to_viewport(timeline, 0, timeline.items.band_top(lane, row, style.BAR_BOTTOM)).y()
    return top, bottom


@pytest.mark.parametrize("view", VIEWS)
def test_no_two_visible_labels_overlap_nor_cover_a_mark(timeline, view):
    placed = _placed(timeline, view)
    assert placed, "some label is shown at every zoom"
    rects = [r for _, r in placed]
    for a in range(len(rects)):
        for b in range(a + 1, len(rects)):
            assert not rects[a].intersects(rects[b]), (placed[a][0], placed[b][0])
    for box, rect in placed:
        for row in range(timeline.items.k):  # no sub-row's marks under any label
            top, bottom = _marks_band(timeline, box.lane, row)
            assert rect.top() >= bottom or rect.bottom() <= top
    vp = timeline.plot.getViewBox().sceneBoundingRect()
    for _, rect in placed:
        assert rect.left() >= timeline.plot.mapFromScene(vp.topLeft()).x() - 1


@pytest.fixture
def timeline(qtbot, embedded_store):
    """Labels are checked at laptop size, where space for them is tightest."""
    services = Services.open(embedded_store)
    yield show(qtbot, TimelineWidget.from_data(services.timeline()), (1366, 768))
    services.close()


def test_titles_appear_when_zoomed_in_and_counts_when_crowded(timeline):
    wide = _placed(timeline, (1917.0, 1976.0))
    narrow = _placed(timeline, (1938.0, 1939.0))
    assert any(b.count > 1 for b, _ in wide)
    assert sum(b.index >= 0 for b, _ in narrow) > sum(b.index >= 0 for b, _ in wide) / 4
    assert all(b.count == 0 for b, _ in narrow if b.index >= 0)


def test_long_titles_are_elided_to_their_box(timeline):
    placed = _placed(timeline, (1917.0, 1976.0))
    elided = [b for b, _ in placed if b.elided]
    assert elided and all(b.width < timeline.labels._widths[b.index] for b in elided)


@pytest.fixture
def dense(qtbot, tmp_path):
    services = Services.open(build_synthetic(tmp_path / "dense.sqlite", 20000, 200))
    yield show(qtbot, TimelineWidget.from_data(services.timeline()))
    services.close()


def test_a_dense_store_draws_density_and_counts_that_break_apart(dense):
    placed = _placed(dense, (1917.0, 1976.0))
    assert dense.items.is_coarse(1917.0, 1976.0)
    assert placed and all(b.index < 0 and b.count > 0 for b, _ in placed)
    assert not labels.overlaps([b for b, _ in placed])
    fine = _placed(dense, (1950.0, 1950.08))
    assert not dense.items.is_coarse(*dense.view_range())
    assert any(b.index >= 0 for b, _ in fine)
    assert not labels.overlaps([b for b, _ in fine])


def test_synthetic_eras_are_shaded_and_zero_eras_are_fine(timeline):
    assert [e.name for e in timeline.backdrop.eras][:2] == ["Revolution and Civil War", "New Economic Policy (NEP)"]
    timeline.set_eras([])
    assert timeline.backdrop.eras == [] and not timeline.plot.grab().toImage().isNull()
    timeline.set_eras(
        [Era("Revolution and civil war", 1917.8, 1921.2), Era("The Great Patriotic War", 1941.47, 1945.36)]
    )
    image = timeline.plot.grab().toImage()
    assert len(timeline.backdrop.eras) == 2 and not image.isNull()
