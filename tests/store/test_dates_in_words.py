"""Uncertain dates of the shipped catalog read the same, in words, on the person card and in the passage pane."""

from maisky_desktop.core.text import event_html, person_card_html
from maisky_desktop.store.services import Services


def test_an_uncertain_year_reads_in_words_on_the_card_and_in_the_pane(embedded_store):
    services = Services.open(embedded_store)
    try:
        card = person_card_html(services.person_card("litvinov"))
        line = next(li for li in card.split("<li>") if "event:litvinov-denied-ciphers" in li)
        assert "<span style='color:#666'>1918 (uncertain)</span>" in line and "1918?" not in card
        pane = event_html(services.event_detail("litvinov-denied-ciphers"))
        assert "<b>1918 (uncertain)</b>" in pane and "the source: “In 1918”" in pane and "1918?" not in pane
        uncertain = services.store.conn.execute("SELECT count(*) FROM events WHERE date LIKE '%?'").fetchone()[0]
        assert uncertain >= 2  # the catalog has such dates, and each reads the same way through in_words
    finally:
        services.close()
