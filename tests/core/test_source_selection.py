"""A selection on screen maps to source offsets only where both ends are the source's own characters."""

from maisky_desktop.core.source_selection import display_to_source

SOURCE = "Maisky<sup>12</sup> met  Halifax\tin London."
SHOWN = "Maisky12 met Halifax in London. ↩"  # marker as its label, spaces collapsed, a back-link


def _pick(word: str) -> tuple[int, int]:
    at = SHOWN.index(word)
    return at, at + len(word)


def test_words_after_a_marker_and_collapsed_spaces_map_to_the_source_slice():
    a, b = display_to_source(SHOWN, SOURCE, *_pick("Halifax in London"))
    assert SOURCE[a:b] == "Halifax\tin London"  # the source's own characters, tab and all
    a, b = display_to_source(SHOWN, SOURCE, *_pick("Maisky"))
    assert SOURCE[a:b] == "Maisky"


def test_a_selection_ending_on_shown_only_text_is_refused():
    assert display_to_source(SHOWN, SOURCE, *_pick("London. ↩")) is None
    assert display_to_source(SHOWN, SOURCE, 3, 3) is None
