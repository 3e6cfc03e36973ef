"""Hedge and booster cues on hand-verified sentences from the bundled corpus (and a few plain ones).

Each case lists every cue that a careful reader marks in the sentence, with its category; a case
with an empty list is a sentence where the tempting word is *not* a hedge.
"""
import pytest

from framing.table import score_text


def hedges(text, lexicons):
    return [(h["cue"], h["category"]) for h in score_text(text, lexicons)["hedges"]]


def boosters(text, lexicons):
    return [(b["cue"], b["category"]) for b in score_text(text, lexicons)["boosters"]]


HEDGE_CASES = [
    # modal
    ("Russia may be looking to Kim to replenish its ammunition and artillery supplies as the war in Ukraine grinds into another bloody winter.",
     [("may", "modal")]),
    ("Among the potential requests Mr. Kim might make, the most unsettling would be for Mr. Putin to provide him with advanced weapons technology.",
     [("might", "modal")]),
    ("North Korea could also seek covert technical assistance.", [("could", "modal")]),
    ("Unlike typical leader-level summitry, the two chose not to issue any joint statement hinting at what they may have discussed or agreed to.",
     [("may have", "modal")]),
    # probability
    ("Kim will also likely seek access to raw and composite materials from Russian suppliers.", [("likely", "probability")]),
    ("It is rather improbable that the export of oil and wheat provides sufficient compensation.", [("improbable", "probability")]),
    ("Iran is so nervous about tipping the balance in the presumably close vote.", [("presumably", "probability")]),
    ("Perhaps the summit will fail.", [("Perhaps", "probability")]),
    ("The scope of Russian demand is relatively clear, but the character of its supply to North Korea remains uncertain.",
     [("uncertain", "probability")]),
    # evidential / attribution
    ("China is allegedly discontented by the swift transportation of North Korean troops to the Ukrainian front.",
     [("allegedly", "evidential")]),
    ("Russia is believed to have extended assistance to North Korea’s most recent reconnaissance satellite launch in May.",
     [("is believed", "evidential")]),
    ("The troops reportedly arrived last week, according to South Korean intelligence.",
     [("reportedly", "evidential"), ("according to", "evidential")]),
    ("Sources say the deal is done.", [("Sources say", "evidential")]),
    # appearance
    ("The Kremlin appears to have the same preference.", [("appears to", "appearance")]),
    ("The fact that North Korea remains under a comprehensive arms embargo seems not to be much of a hindrance.",
     [("seems", "appearance")]),
    # approximators: only before a quantity
    ("The plan envisaged the export of some 1,500 elite special forces initially and then around 10,000–15,000 soldiers.",
     [("some", "approximator"), ("around", "approximator")]),
    ("North Korea boasts a huge military-industrial complex, estimated at about 26% of GDP.", [("about", "approximator")]),
    ("While around half of Russians think that the election’s outcome is of little importance to their country.",
     [("around", "approximator")]),
    ("Roughly 300 shells were fired.", [("Roughly", "approximator")]),
    # epistemic verbs
    ("Anecdotal evidence suggests that early ammunition sent to Russia had a lot of quality problems.",
     [("suggests", "epistemic_verb")]),
    ("North Korea is trying to develop a mature space program, but as its two failed satellite launch attempts this year indicate, it has room to grow.",
     [("indicate", "epistemic_verb")]),
    # vague attribution
    ("While some believe the rejuvenated Moscow-Pyongyang axis is purely transactional, some think the warming could be sustainable.",
     [("some believe", "vague_attribution"), ("some think", "vague_attribution"), ("could", "modal")]),
    ("Critics say the sanctions have failed.", [("Critics say", "vague_attribution")]),
    # vague quantifiers
    ("Many European politicians share this sentiment.", [("Many", "vague_quantifier")]),
    ("Most analysts expect a deal.", [("Most", "vague_quantifier")]),
]

NON_HEDGE_CASES = [
    # the month May
    ("It could be another coincidence, as Interfax reported on May 28.", [("could", "modal")]),
    ("The launch in May failed.", []),
    ("May was a difficult month for the regime.", []),
    ("Talks resumed last May.", []),
    # about / around / some when not before a quantity
    ("Putin seeks to puncture US influence around the globe.", []),
    ("Those who do care about the result strongly prefer former President Donald Trump.", []),
    ("Ukraine’s offensive is beginning to make some real gains.", []),
    ("There are questions about how much materiel could be provided.", [("could", "modal")]),
    # superlative "most" is not a vague quantity
    ("The most unsettling request would be for missile technology.", []),
    # "possible" meaning able
    ("Russia will help as much as possible.", []),
    ("It is possible to reach Pyongyang by train.", []),
]


@pytest.mark.parametrize("sentence, expected", HEDGE_CASES + NON_HEDGE_CASES)
def test_hedges(sentence, expected, lexicons):
    assert hedges(sentence, lexicons) == expected


BOOSTER_CASES = [
    ("Zelenskyy’s argument that the deployment of North Korean troops constitutes an escalatory step is irrefutable.",
     [("irrefutable", "certainty_adjective")]),
    ("Russia is of course also a Pacific power.", [("of course", "certainty_adverb")]),
    ("Russia once joined the US, but that clearly isn’t likely anymore.", [("clearly", "certainty_adverb")]),
    ("Indeed, North Korea is trying to develop a mature space program.", [("Indeed", "certainty_adverb")]),
    ("There is no doubt that Pyongyang benefits.", [("no doubt", "certainty_adverb")]),
    ("In fact, the two leaders met in 2019.", [("In fact", "certainty_adverb")]),
    ("It is certain that the talks will continue.", [("certain", "certainty_adjective")]),
    # non-hits
    ("The allies held a drill to demonstrate unity.", []),
    ("A certain amount of aid was promised.", []),
    ("It is not clear what was agreed.", []),  # "not clear" is a hedge, and its "clear" is not a booster
]


@pytest.mark.parametrize("sentence, expected", BOOSTER_CASES)
def test_boosters(sentence, expected, lexicons):
    assert boosters(sentence, lexicons) == expected


def test_not_clear_is_a_hedge(lexicons):
    assert hedges("It is not clear what was agreed.", lexicons) == [("not clear", "probability")]


def test_offsets_point_at_the_cue(lexicons):
    text = "Vladimir Putin and Kim Jong Un may each have something the other wants."
    (cue,) = score_text(text, lexicons)["hedges"]
    assert text[cue["start"]:cue["end"]] == "may"


def test_negation_is_noted(lexicons):
    text = "Russia once joined the US, but that clearly isn’t likely anymore."
    (likely,) = score_text(text, lexicons)["hedges"]
    assert likely["cue"] == "likely" and likely["negated"] is True
    (plain,) = score_text("Kim will likely seek access.", lexicons)["hedges"]
    assert plain["negated"] is False


def test_multiword_cue_spans_line_breaks_and_curly_apostrophes(lexicons):
    assert hedges("Russia is\nbelieved to help.", lexicons) == [("is\nbelieved", "evidential")]
    assert boosters("It was, of  course, a failure.", lexicons) == [("of  course", "certainty_adverb")]


def test_corpus_sentence_hedge_counts(table):
    """Whole-sentence check on the scored corpus: a000's s010 has exactly three hedges."""
    row = table.set_index("sentence_id").loc["a000-s010"]
    assert [(h["cue"], h["category"]) for h in row["hedges"]] == [
        ("likely", "probability"), ("some", "approximator"), ("around", "approximator")]
