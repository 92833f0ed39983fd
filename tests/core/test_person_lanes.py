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
