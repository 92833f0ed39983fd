"""The sources' own markup is rendered, not printed, and every shown character is the file's own."""

from maisky_desktop.core.markup import Marker, Piece, inline_html, paragraph_html, runs, visible_text

NOTE = "<sup>27</sup> *Ibid.*, p. 3; see **Abstract** and *Stalin's Russia* 1921-1927\\* a*b <tag> [edit]"


def test_emphasis_headings_and_superscripts_become_formatting():
    out = paragraph_html([Piece(0, NOTE)])
    assert "<sup>27</sup>" in out and "<i>Ibid.</i>" in out and "<b>Abstract</b>" in out
    assert "<i>Stalin&#x27;s Russia</i>" in out
    assert "*Ibid" not in out and "**" not in out
    assert "&lt;tag&gt;" in out  # anything else stays data, escaped
    assert "color:#9a9a9a" in out and "[edit]" in out  # the wiki's edit link dimmed, not dropped
    assert visible_text([Piece(0, "## **Abstract**")]) == "Abstract"


def test_shown_characters_are_file_slices_in_order_and_offsets_still_point_into_the_file():
    base = 5000
    visible = visible_text([Piece(base, NOTE)])
    assert visible == "27 Ibid., p. 3; see Abstract and Stalin's Russia 1921-1927* a*b <tag> [edit]"
    for run in runs(NOTE, base):  # every run is a verbatim slice of the file at its offsets
        assert NOTE[run.start - base : run.end - base] in visible
    start = base + NOTE.index("Abstract")
    html = paragraph_html([Piece(base, NOTE)], [(start, start + len("Abstract"))])
    assert '<b><span style="background-color:#ffe08a">Abstract</span></b>' in html


def test_footnote_markers_win_over_superscript_markup_and_escapes_hide_only_the_backslash():
    text = "the de jure recognition.<sup>57</sup> Then 1921-1927\\*"
    marker = Marker(text.index("<sup>"), text.index("</sup>") + 6, "57", "note:n57")
    out = paragraph_html([Piece(0, text)], markers=[marker])
    assert '<sup><a href="note:n57">57</a></sup>' in out and "1921-1927*" in out and "\\" not in out
    assert visible_text([Piece(0, text)], [marker]) == "the de jure recognition.57 Then 1921-1927*"


def test_snippets_render_emphasis_and_keep_their_highlights():
    text = "see *Diplomacy and Ideology* here"
    start = text.index("Ideology")
    out = inline_html(text, [(start, start + 8)])
    assert "<i>Diplomacy and <b style='background-color:#ffe08a'>Ideology</b></i>" in out
    assert inline_html("a < b *unclosed") == "a &lt; b *unclosed"
