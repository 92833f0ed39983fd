"""Before a person is chosen the card under the People list says what it is for (it was a blank half-dock)."""


def test_the_empty_person_card_says_what_to_do_and_gives_way_to_the_card(qtbot, window):
    card = window.people.card
    assert card.toPlainText() == "" and "Choose a person" in card.placeholderText()
    first = window.people.shown_ids()[0]
    window.people.show_person(first)
    assert card.toPlainText().strip()  # the card itself, the hint gone
