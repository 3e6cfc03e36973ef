"""Property-based: any Unicode input scores without crashing and every span points into the text."""
from hypothesis import example, given, settings
from hypothesis import strategies as st

from framing.reading.clean import clean_page
from framing.reading.segment import sentence_spans
from framing.scoring.table import score_text

NEWSY = st.sampled_from(["may ", "May ", "some 1,500 ", "around the globe ", "Mr. ", "U.S. ", "“", "”", '"', "—",
                         "clearly ", "not clear ", "\n\n", ". ", "? ", "… ", "according to ", "’s "])
TEXT = st.lists(st.one_of(st.text(max_size=30), NEWSY), max_size=25).map("".join)


@settings(max_examples=300, deadline=None)
@given(TEXT)
def test_score_any_text(lexicons, text):
    scores = score_text(text, lexicons)
    for cue in scores["hedges"] + scores["boosters"]:
        assert 0 <= cue["start"] < cue["end"] <= len(text)
        assert text[cue["start"]:cue["end"]] == cue["cue"]
    assert -1 <= scores["tone"] <= 1


@settings(max_examples=300, deadline=None)
@given(TEXT)
def test_sentence_spans_are_ordered_and_inside(text):
    last = 0
    for start, end in sentence_spans(text):
        assert last <= start < end <= len(text)
        assert text[start:end].strip() == text[start:end]
        last = end


@settings(max_examples=200, deadline=None)
@given(TEXT)
def test_cleaning_never_crashes(text):
    page = clean_page(text)
    assert all(block.text.strip() for block in page.blocks)


PIECES = st.sampled_from(["Lee", "Leeds", "Lee-Smith", "O'Brien", "Brien", "Abc", "AbcAbc", " ", ".", "-", "’", "'", "_",
                          "2", "É", "s ", "’s ", "Mr. ", "\n"])
SURNAMES = st.lists(st.sampled_from(["Lee", "Leeds", "Lee-Smith", "O'Brien", "Brien", "Abc", "AbcAbc", "Abc.Abc", "ÉLee"]),
                    min_size=1, max_size=5, unique=True)


@settings(max_examples=300, deadline=None)
@given(st.lists(st.one_of(PIECES, st.text(max_size=4)), max_size=30).map("".join), SURNAMES)
@example(".Lee _Lee Lee_ Lee2 Lee-Smith Lee’s Leeds ÉLee Lee", ["Lee", "Leeds", "Lee-Smith"])
@example("AbcAbc Abc.Abc Abc-Abc Abc", ["Abc", "AbcAbc", "Abc.Abc"])
def test_surnames_in_finds_what_the_surname_pattern_finds(text, surnames):
    """Speaker attribution finds an article's surnames without compiling a pattern per article; it must find exactly
    what that pattern (whole words, the longest first) finds, wherever word characters, dots and joiners touch them."""
    import re

    from framing.language.voice import surnames_in

    pattern = re.compile(r"(?<![\w.])(" + "|".join(map(re.escape, sorted(surnames, key=len, reverse=True))) + r")(?![\w’'-])")
    assert surnames_in(text, surnames) == pattern.findall(text)
