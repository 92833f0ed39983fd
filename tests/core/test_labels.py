import numpy as np

from maisky_desktop.core import labels


def test_a_title_with_room_is_shown_whole():
    out = labels.place_lane(0, [10.0, 400.0], [120.0, 90.0], [5, 6], 800)
    assert [(b.index, b.x, b.width, b.elided) for b in out] == [(5, 10.0, 120.0, False), (6, 400.0, 90.0, False)]


def test_a_long_title_is_elided_to_the_next_mark():
    out = labels.place_lane(0, [10.0, 110.0], [300.0, 50.0], [0, 1], 800)
    assert out[0].elided and out[0].right <= 110.0 - labels.GAP + 1e-9


def test_crowded_marks_become_one_count_and_break_apart_when_zoomed_in():
    starts = [100.0 + 3 * i for i in range(12)]
    out = labels.place_lane(0, starts, [150.0] * 12, list(range(12)), 800)
    assert len(out) == 1 and out[0].count == 12
    zoomed = labels.place_lane(0, [100.0 + 60 * i for i in range(12)], [150.0] * 12, list(range(12)), 1000)
    assert all(b.index >= 0 for b in zoomed) and len(zoomed) == 12


def test_random_lanes_never_produce_overlapping_boxes():
    rng = np.random.default_rng(11)
    for n in (5, 50, 500, 3000):
        lanes = rng.integers(0, 6, n)
        starts = rng.uniform(-50, 1500, n)
        widths = rng.uniform(20, 400, n)
        boxes = labels.place(lanes, np.maximum(starts, 0), widths, np.arange(n), 1400)
        assert not labels.overlaps(boxes)
        assert all(b.x >= 0 and b.x < 1400 and b.width > 0 for b in boxes)
        titles = [b for b in boxes if b.index >= 0]
        assert all(b.width >= min(labels.MIN_W, widths[b.index]) - 1e-9 for b in titles)


def test_every_event_is_named_or_counted_exactly_once():
    rng = np.random.default_rng(5)
    starts = np.sort(rng.uniform(0, 1000, 200))
    boxes = labels.place_lane(0, starts.tolist(), [100.0] * 200, list(range(200)), 1000)
    assert sum(b.count if b.index < 0 else 1 for b in boxes) == 200


def test_block_counts_skip_empty_and_too_narrow_blocks():
    counts = np.array([[0, 3, 1200]])
    edges = np.array([0.0, 100.0, 200.0, 230.0])
    boxes = labels.block_counts(counts, edges, 1000)
    assert [(b.count, b.x) for b in boxes] == [(3, 100.0)]
