"""Sentence and paragraph segmentation on cases taken from the corpus."""
import pytest

from framing.reading.segment import sentence_spans, split_paragraphs, split_sentences


@pytest.mark.parametrize("paragraph, expected", [
    # Honorifics do not end sentences.
    ("The Kremlin said this week that Mr. Putin will spend just one night in Pyongyang, before proceeding to Vietnam. "
     "However, considerable diplomatic foundation-laying has preceded the visit.",
     ["The Kremlin said this week that Mr. Putin will spend just one night in Pyongyang, before proceeding to Vietnam.",
      "However, considerable diplomatic foundation-laying has preceded the visit."]),
    # "U.S." inside a sentence, followed by an ordinary word.
    ("Towards the end of August, John Kirby, spokesperson for the U.S. National Security Council, voiced the findings.",
     ["Towards the end of August, John Kirby, spokesperson for the U.S. National Security Council, voiced the findings."]),
    # "U.S." at the end of a sentence, followed by a sentence opener.
    ("The leaders postured against the U.S. The summit went ahead.",
     ["The leaders postured against the U.S.", "The summit went ahead."]),
    ("Gen. Chun In-bum retired in 2016. He now writes.", ["Gen. Chun In-bum retired in 2016.", "He now writes."]),
    # A closing quote after the period stays with its sentence.
    ("That tells you how much of a failure this war is.” Sullivan disagreed.",
     ["That tells you how much of a failure this war is.”", "Sullivan disagreed."]),
    # A comma inside a quote is not a boundary; the attribution stays with the quote.
    ("“I don’t expect major pronouncements to come out,” Ms. Town said. “The activities are sanctioned.”",
     ["“I don’t expect major pronouncements to come out,” Ms. Town said.", "“The activities are sanctioned.”"]),
    # Em-dashes never split.
    ("Kim headed for the Russian Far East—on the same armored train once favored by his father—to meet Putin.",
     ["Kim headed for the Russian Far East—on the same armored train once favored by his father—to meet Putin."]),
    # An ellipsis followed by a lower-case word does not split.
    ("“We have asked our intelligence community that … question. It is a good question.",
     ["“We have asked our intelligence community that … question.", "It is a good question."]),
    ("John F. Kennedy met him.", ["John F. Kennedy met him."]),
    ("Is it over? Nobody knows!", ["Is it over?", "Nobody knows!"]),
    ("It was 3.5 percent. No. 2 was next.", ["It was 3.5 percent.", "No. 2 was next."]),
    # Case names, middle initials, and "p." for page.
    ("The court ruled in Wal-Mart Stores v. Dukes in 2011. The class was decertified.",
     ["The court ruled in Wal-Mart Stores v. Dukes in 2011.", "The class was decertified."]),
    ("Attorney General William P. Barr released the summary. Democrats objected.",
     ["Attorney General William P. Barr released the summary.", "Democrats objected."]),
    ("The quote is on p. 5 of the report. It was cited twice.", ["The quote is on p. 5 of the report.", "It was cited twice."]),
    # A quoted question or exclamation keeps its attribution; a real boundary after a quote still splits.
    ("“Is it time to stand up?” Walsh asked. The crowd cheered.", ["“Is it time to stand up?” Walsh asked.", "The crowd cheered."]),
    ("“Enough!” said Mr. Reed.", ["“Enough!” said Mr. Reed."]),
    ("“Is it over?” Nobody answered.", ["“Is it over?”", "Nobody answered."]),
])
def test_sentences(paragraph, expected):
    assert split_sentences(paragraph) == expected


def test_spans_index_the_paragraph():
    paragraph = "  First one.   Second one!  "
    assert [paragraph[s:e] for s, e in sentence_spans(paragraph)] == ["First one.", "Second one!"]


def test_paragraphs_by_blank_lines_and_single_lines():
    assert split_paragraphs("One.\n\nTwo.\nThree.") == ["One.", "Two.", "Three."]


def test_hard_wrapped_paragraph_is_joined():
    text = ("The plan, most likely agreed on during the visit to Pyongyang last\n"
            "June and enacted in mid-October, envisaged the export of some 1,500\n"
            "elite special forces.\n\nNext paragraph.")
    assert split_paragraphs(text) == [
        "The plan, most likely agreed on during the visit to Pyongyang last June and enacted in mid-October, "
        "envisaged the export of some 1,500 elite special forces.",
        "Next paragraph.",
    ]
