"""The pure text builders: citations, the passage pane's and the people card's HTML, date words, the span."""

from datetime import date

from maisky_desktop.core import span
from maisky_desktop.core.cite import citation, quoted
from maisky_desktop.core.records import (
    Anchor,
    AnchorDetail,
    Conflict,
    Event,
    EventDetail,
    EventLink,
    FootnoteRef,
    Mention,
    Named,
    Passage,
    PersonCard,
    Post,
    Source,
    SourceCount,
)
from maisky_desktop.core.text import date_words, event_citations, event_html, person_card_html

SOURCE = Source("s", "s.txt", "0", "Diplomacy <and> war", author="A. Author", outlet="Journal", published="2001")
TEXT = "Maisky said x < y & left."
PASSAGE = Passage("s/p1", "s", 1, "body", 100, 100 + len(TEXT), TEXT, "s/p1", 0, para_no=12)
NOTE = Passage("s/n1", "s", 9, "footnote", 900, 910, "1 A note.", "s/n1", 0, label="1")


def _detail(**over) -> EventDetail:
    event = Event(
        "e1",
        "Talks <begin>",
        "Summary & more.",
        "1938-08",
        "August 1938",
        "1938-08-01",
        "1938-08-31",
        "month",
        "month",
        0,
        0,
        date(1938, 8, 1).toordinal(),
        date(1938, 8, 31).toordinal(),
        "war",
    )
    anchor = Anchor("e1", "s", "s/p1", 100, 106, "Maisky")
    ref = FootnoteRef("s/p1", 124, 125, "1", "s/n1")
    detail = EventDetail(
        event,
        "War and alliance",
        people=(Named("maisky", "Ivan Maisky"),),
        places=(Named("london", "London"),),
        anchors=(AnchorDetail(anchor, SOURCE, PASSAGE, (PASSAGE,), (ref,), (NOTE,)),),
    )
    return EventDetail(**{**detail.__dict__, **over})


def test_citation_names_author_title_outlet_year_and_paragraph():
    cite = citation(SOURCE, PASSAGE)
    assert cite == "A. Author, “Diplomacy <and> war”, Journal, 2001, ¶ 12"
    assert citation(SOURCE, NOTE).endswith(", footnote")
    assert quoted("Maisky", cite) == f"“Maisky” — {cite}"


def test_event_html_escapes_source_text_and_highlights_the_quote():
    out = event_html(_detail())
    assert "Talks &lt;begin&gt;" in out and "x &lt; y &amp; left" in out and "<begin>" not in out
    assert '<span style="background-color:#ffe08a">Maisky</span>' in out
    assert "href='person:maisky'" in out and "London" in out and "War and alliance" in out
    assert "August 1938" in out and "the source: “August 1938”" in out
    assert '<sup><a href="note:s/n1">1</a></sup>' in out and "1 A note." in out
    assert "href='open:0'" in out and "href='copy:0'" in out
    assert event_citations(_detail()) == [citation(SOURCE, PASSAGE)]


def test_conflicting_readings_stand_side_by_side_under_the_conflict():
    a = _detail().anchors[0]
    readings = tuple(
        AnchorDetail(Anchor("e1", "s", "s/p1", 100, 106, "Maisky", r), SOURCE, PASSAGE, (PASSAGE,))
        for r in ("1 May", "2 May", "3 May")
    )
    out = event_html(_detail(conflicts=(Conflict("date", "They disagree."),), anchors=(a, *readings)))
    assert "The sources conflict on the date.</b> They disagree." in out
    assert out.count("<tr>") == 1 + 2  # the heading row, then readings two to a row
    assert "This source reads: 2 May" in out


def test_person_card_gives_life_spellings_posts_sources_and_events():
    card = PersonCard(
        "maisky",
        "Ivan Maisky",
        born="1884-01-19",
        died="1975-09-03",
        summary="Ambassador.",
        fate="Arrested 1953.",
        aliases=("Ivan Maisky", "Майский"),
        posts=(Post("Ambassador in London", "1932/1943"), Post("Minister", None)),
        events=(EventLink("e1", "Talks <begin>", "1938-08"),),
    )
    out = person_card_html(card)
    assert "19 January 1884 – 3 September 1975" in out and "Also written</span> Майский" in out
    assert "Ambassador in London <span style='color:#666'>1932–1943</span>" in out and "Minister <span" in out
    assert "href='event:e1'>Talks &lt;begin&gt;</a>" in out and "filter:maisky" in out
    assert card.event_ids == ["e1"]


def test_date_words_never_fail():
    assert date_words("1922-04-16") == "16 April 1922"
    assert date_words(None) == "?" and date_words("before the war") == "before the war"


def test_the_span_comes_from_the_data_and_the_opening_view_from_one_setting():
    assert span.opening_view() == (float(span.STUDY[0]), float(span.STUDY[1] + 1))
    data = span.TimeSpan.from_days(date(1884, 1, 19).toordinal(), date(1975, 9, 3).toordinal())
    assert data == span.TimeSpan(1884, 1975) and data.covering() == span.TimeSpan(1884, 1975)
    assert span.TimeSpan.from_days(None, None) == span.TimeSpan(*span.STUDY)
    assert span.TimeSpan(1930, 1940).covering() == span.TimeSpan(*span.STUDY)


def test_each_conflict_shows_only_its_own_readings():
    def reading(text, field):
        return AnchorDetail(Anchor("e1", "s", "s/p1", 100, 106, "Maisky", text, field), SOURCE, PASSAGE, (PASSAGE,))

    anchors = (reading("1955", "date"), reading("1960", "date"), reading("treason", "charge"), reading("spy", "charge"))
    conflicts = (Conflict("date", "Years differ."), Conflict("charge", "Charges differ."))
    out = event_html(_detail(conflicts=conflicts, anchors=anchors))
    date_table, charge_table = (t.split("</table>")[0] for t in out.split("<table")[1:3])
    assert "1955" in date_table and "1960" in date_table and "treason" not in date_table
    assert "treason" in charge_table and "spy" in charge_table and "1955" not in charge_table


def test_person_card_lists_the_passages_that_mention_them():
    m = Mention("s/n1", "s", "Diplomacy <and> war", None, "3", "footnote", "See Maisky & co.", "Maisky", 904, 910, 900)
    out = person_card_html(PersonCard("maisky", "Ivan Maisky", mentions=(m,)))
    assert "Mentioned in</b> <span style='color:#666'>(1 passage)" in out
    assert "href='passage:s/n1:904:910'>Diplomacy &lt;and&gt; war, footnote 3</a>" in out
    assert "See Maisky &amp; co." in out


def test_person_card_says_missing_dates_in_words_and_counts_in_the_singular():
    card = PersonCard(
        "litvinov",
        "Maxim Litvinov",
        born="1876-07-17",
        posts=(Post("Foreign Commissar", None),),
        sources=(SourceCount("wikipedia-maisky", "Ivan Maisky", 1), SourceCount("s", "Diplomacy <and> war", 3)),
    )
    out = person_card_html(card)
    assert "Foreign Commissar <span style='color:#666'>(dates not given)</span>" in out
    assert "?" not in out.replace("href='", "")
    assert "17 July 1876 – death date not given" in out
    assert "Ivan Maisky <span style='color:#666'>(1 event)</span>" in out
    assert "Diplomacy &lt;and&gt; war <span style='color:#666'>(3 events)</span>" in out
    assert "wikipedia-maisky" not in out  # the source's title, never its id


def test_uncertain_and_open_dates_read_in_words_in_the_card():
    events = [
        EventLink("a", "Ciphers denied", "1918?"),
        EventLink("b", "By then", "../1924?"),
        EventLink("c", "From then on", "1933/.."),
        EventLink("d", "Around then, doubtful", "1922%"),
        EventLink("e", "Day, doubtful", "1941-06-22?"),
    ]
    out = person_card_html(PersonCard("x", "X", events=tuple(events)))
    shown = [line.split("<span style='color:#666'>")[1].split("</span>")[0] for line in out.split("<li>")[1:]]
    assert shown == ["1918 (uncertain)", "by 1924 (uncertain)", "after 1933", "c. 1922 (uncertain)",
                     "22 June 1941 (uncertain)"]  # fmt: skip
    assert "?" not in out.replace("href='", "")
