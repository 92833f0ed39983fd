from maisky_desktop.store.reader import Store
from maisky_desktop.store.synthetic import build_synthetic


def test_synthetic_store_opens_and_answers_like_the_real_one(tmp_path):
    path = build_synthetic(tmp_path / "s.sqlite", n_events=2000, n_passages=3000)
    store = Store.open(path)
    assert store.count("events") == 2000 and store.count("passages") == 3000
    events = store.events()
    assert events[0].date_from >= "1917-01-01" and events[-1].date_to <= "1975-12-31"
    anchor = store.anchors(events[0].id)[0]
    passage = store.passage(anchor.passage_id)
    assert passage.text.startswith(anchor.quote)
    assert store.search_passages("Litvinov", limit=5)
