from maisky_desktop.core.person_lanes import NOBODY, OTHERS, assign

PEOPLE = {
    "maisky": ("Ivan Maisky", "1884-01-19", "1975-09-03"),
    "litvinov": ("Maxim Litvinov", None, None),
    "stalin": ("Joseph Stalin", None, "1953"),
    "eden": ("Anthony Eden", None, None),
}
PAIRS = [
    ("a", "maisky"),
    ("b", "maisky"),
    ("b", "litvinov"),
    ("c", "litvinov"),
    ("d", "eden"),
    ("e", "stalin"),
    ("e", "litvinov"),
]


def test_events_go_to_their_most_present_person_and_the_rest_together():
    lanes = assign(["a", "b", "c", "d", "e", "f"], PAIRS, PEOPLE, top=2)
    assert lanes.names == ["Maxim Litvinov", "Ivan Maisky", OTHERS, NOBODY]
    assert lanes.lane.tolist() == [1, 0, 0, 2, 0, 3]


def test_tracks_give_life_spans_deaths_and_postings():
    posts = [
        ("maisky", "Ambassador in London", "1932/1943"),
        ("eden", "Foreign Secretary", "1935"),
        ("maisky", "x", None),
    ]
    lanes = assign(["a", "b", "c", "d", "e", "f"], [*PAIRS, ("f", "stalin")], PEOPLE, posts, top=3)
    kinds = {(t.lane, t.kind) for t in lanes.tracks}
    maisky = lanes.names.index("Ivan Maisky")
    stalin = lanes.names.index("Joseph Stalin")
    assert (maisky, "life") in kinds and (maisky, "post") in kinds and (stalin, "death") in kinds
    post = next(t for t in lanes.tracks if t.kind == "post")
    assert post.x0 == 1932.0 and 1943.9 < post.x1 < 1944.01 and "1932–1943" in post.label
    assert not any(t.label.startswith("Foreign Secretary") for t in lanes.tracks)  # Eden is not in the top 3


def test_no_person_lane_is_left_empty_by_events_that_name_a_higher_ranked_person_too():
    # Churchill's and Eden's events all name Maisky as well: ranked by presence alone their lanes
    # were empty; each person chosen must own at least one event.
    from maisky_desktop.core.person_lanes import assign

    pairs = [("e1", "maisky"), ("e2", "maisky"), ("e3", "maisky"), ("e3", "churchill"), ("e4", "maisky")]
    pairs += [("e4", "churchill"), ("e5", "maisky"), ("e5", "eden"), ("e6", "litvinov")]
    people = {p: (p.title(), None, None) for p in ("maisky", "churchill", "eden", "litvinov")}
    lanes = assign(["e1", "e2", "e3", "e4", "e5", "e6"], pairs, people, top=3)
    named = lanes.names[:-2]
    assert named[0] == "Maisky" and "Litvinov" in named
    for r in range(len(named)):
        assert (lanes.lane == r).any(), named[r]
