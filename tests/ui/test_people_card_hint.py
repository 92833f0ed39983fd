"""Before a person is chosen the card under the People list says what it is for (it was a blank half-dock)."""


def test_the_empty_person_card_says_what_to_do_and_gives_way_to_the_card(qtbot, window):
    card = window.people.card
    assert card.toPlainText().startswith("Choose a person in the list")
    first = window.people.shown_ids()[0]
    window.people.show_person(first)
    assert "Choose a person" not in card.toPlainText() and card.toPlainText().strip()  # the card itself
