"""Hedge, approximator and booster cues on hand-verified sentences from the bundled corpus and from news.

Each case lists every cue that a careful reader marks in the sentence, with its category; a case
with an empty list is a sentence where the tempting word is *not* a cue. Epistemic hedges (a claim
marked as less than certain) and approximators (vagueness about an amount) are kept apart.
"""
import pytest

from framing.scoring.table import score_text


def hedges(text, lexicons):
    return [(h["cue"], h["category"]) for h in score_text(text, lexicons)["hedges"]]


def approximators(text, lexicons):
    return [(a["cue"], a["category"]) for a in score_text(text, lexicons)["approximators"]]


def boosters(text, lexicons):
    return [(b["cue"], b["category"]) for b in score_text(text, lexicons)["boosters"]]


HEDGE_CASES = [
    # modal
    ("Russia may be looking to Kim to replenish its ammunition and artillery supplies as the war in Ukraine grinds into another bloody winter.",
     [("may", "modal")]),
    ("Among the potential requests Mr. Kim might make, the most unsettling would be for Mr. Putin to provide him with advanced weapons technology.",
     [("potential", "probability"), ("might", "modal"), ("would", "modal")]),
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
    # epistemic verbs of news: expecting, believing, thinking
    ("The bill is expected to pass the Senate next week.", [("expected", "epistemic_verb")]),
    ("Analysts think the central bank expects another rate rise.", [("think", "epistemic_verb"), ("expects", "epistemic_verb")]),
    ("Officials believe the fire was set deliberately.", [("believe", "epistemic_verb")]),
    ("While around half of Russians think that the election’s outcome is of little importance to their country.",
     [("think", "epistemic_verb")]),
    # conditional or open framing of a claim
    ("If the talks fail, the sanctions would return.", [("If", "conditional"), ("would", "modal")]),
    ("It is unclear whether the ceasefire will hold.", [("unclear", "probability"), ("whether", "conditional")]),
    ("The strike goes ahead unless the union accepts the offer.", [("unless", "conditional")]),
    # epistemic verbs
    ("Anecdotal evidence suggests that early ammunition sent to Russia had a lot of quality problems.",
     [("suggests", "epistemic_verb")]),
    ("North Korea is trying to develop a mature space program, but as its two failed satellite launch attempts this year indicate, it has room to grow.",
     [("indicate", "epistemic_verb")]),
    # vague attribution
    ("While some believe the rejuvenated Moscow-Pyongyang axis is purely transactional, some think the warming could be sustainable.",
     [("some believe", "vague_attribution"), ("some think", "vague_attribution"), ("could", "modal")]),
    ("Critics say the sanctions have failed.", [("Critics say", "vague_attribution")]),
    ("Most analysts expect a deal.", [("expect", "epistemic_verb")]),
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
    # approximators are not epistemic hedges
    ("The plan envisaged the export of some 1,500 elite special forces.", []),
    ("Roughly 300 shells were fired.", []),
    # "possible" meaning able
    ("Russia will help as much as possible.", []),
    ("It is possible to reach Pyongyang by train.", []),
]


@pytest.mark.parametrize("sentence, expected", HEDGE_CASES + NON_HEDGE_CASES)
def test_hedges(sentence, expected, lexicons):
    assert hedges(sentence, lexicons) == expected


APPROXIMATOR_CASES = [
    # only before a quantity
    ("The plan envisaged the export of some 1,500 elite special forces initially and then around 10,000–15,000 soldiers.",
     [("some", "approximator"), ("around", "approximator")]),
    ("North Korea boasts a huge military-industrial complex, estimated at about 26% of GDP.", [("about", "approximator")]),
    ("While around half of Russians think that the election’s outcome is of little importance to their country.",
     [("around", "approximator")]),
    ("Roughly 300 shells were fired.", [("Roughly", "approximator")]),
    ("More than 60 percent of voters backed the measure.", [("More than", "approximator")]),
    ("Nearly 2,000 people were evacuated.", [("Nearly", "approximator")]),
    # vague quantifiers
    ("Many European politicians share this sentiment.", [("Many", "vague_quantifier")]),
    ("Most analysts expect a deal.", [("Most", "vague_quantifier")]),
    # non-hits: no quantity follows, or superlative "most"
    ("Putin seeks to puncture US influence around the globe.", []),
    ("Ukraine’s offensive is beginning to make some real gains.", []),
    ("The most unsettling request would be for missile technology.", []),
]


@pytest.mark.parametrize("sentence, expected", APPROXIMATOR_CASES)
def test_approximators(sentence, expected, lexicons):
    assert approximators(sentence, lexicons) == expected


# Word senses that news uses constantly: each tempting word, once as a cue and once not.
SENSE_CASES = [
    # "claim": a contested assertion, not a claim filed in court, an insurance claim or "claimed responsibility"
    ("Trump claims that the election was stolen.", "hedges", [("claims", "evidential")]),
    ("The group claimed to have shot down a drone.", "hedges", [("claimed", "evidential")]),
    ("The family filed a claim against the city.", "hedges", []),
    ("The case went to the Court of Federal Claims.", "hedges", []),
    ("Insurance claims rose after the storm.", "hedges", []),
    ("The Taliban claimed responsibility for the attack.", "hedges", []),
    # "confirmed": a fact confirmed, not a confirmation vote or appointment
    ("Officials confirmed the deaths of three soldiers.", "boosters", [("confirmed", "factive_verb")]),
    ("William P. Barr was confirmed as attorney general in February.", "boosters", []),
    ("The nominee was confirmed by the Senate 52-48.", "boosters", []),
    ("The Senate confirmed Barr on Thursday.", "boosters", []),
    # "could": possibility, not past ability
    ("The deal could collapse within weeks.", "hedges", [("could", "modal")]),
    ("The spokesman could not be reached for comment.", "hedges", []),
    ("From the roof she could see the smoke.", "hedges", []),
    ("They ran as fast as they could.", "hedges", []),
    # "suggest": evidence pointing somewhere, not a proposal
    ("The data suggest that the economy is slowing.", "hedges", [("suggest", "epistemic_verb")]),
    ("Prices fell, suggesting demand is weakening.", "hedges", [("suggesting", "epistemic_verb")]),
    ("The senator suggested a meeting with the governor.", "hedges", []),
    ("She suggested that they should meet in Geneva.", "hedges", []),
    # "confident" and "sure": boosters, but hedges under negation; "make sure" is neither
    ("The minister is confident that the treaty will pass.", "boosters", [("confident", "certainty_adjective")]),
    ("The minister is not confident that the treaty will pass.", "boosters", []),
    ("The minister is not confident that the treaty will pass.", "hedges", [("confident", "probability")]),
    ("Officials are not sure who fired first.", "hedges", [("not sure", "probability")]),
    ("We will make sure the aid arrives.", "boosters", []),
    # "would": hypothetical, not future-in-the-past after a reporting verb, a refusal or "would-be"
    ("A default would be a disaster for the markets.", "hedges", [("would", "modal")]),
    ("The company said it would close two plants.", "hedges", []),
    ("The spokesman would not comment on the talks.", "hedges", []),
    ("Two would-be robbers fled.", "hedges", []),
    # "expected" and "thought": a prediction or belief, not what happened or the noun
    ("Turnout was lower than expected.", "hedges", []),
    ("The result came as expected.", "hedges", []),
    ("Officials thought the fire was an accident.", "hedges", [("thought", "epistemic_verb")]),
    ("The think tank published a report on second thought.", "hedges", []),
    # "if": a condition, not the comparison "as if"
    ("He spoke as if the war were over.", "hedges", []),
]


@pytest.mark.parametrize("sentence, kind, expected", SENSE_CASES)
def test_word_senses(sentence, kind, expected, lexicons):
    found = score_text(sentence, lexicons)[kind]
    assert [(c["cue"], c["category"]) for c in found] == expected


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
    """Whole-sentence check on the scored corpus: a000's s010 has one epistemic hedge and two approximators."""
    row = table.set_index("sentence_id").loc["a000-s010"]
    assert [(h["cue"], h["category"]) for h in row["hedges"]] == [("likely", "probability")]
    assert [(a["cue"], a["category"]) for a in row["approximators"]] == [("some", "approximator"), ("around", "approximator")]


def test_every_context_rule_reads_as_words_in_the_lexicon_tables():
    from framing.language.context_rules import CONTEXT_RULES, RULE_WORDS

    assert set(RULE_WORDS) == set(CONTEXT_RULES)
    assert all("_" not in words for words in RULE_WORDS.values())


@pytest.mark.parametrize("sentence, themes", [
    # a title before a name is who, not a frame: on the dev corpus "President X" alone made 1,214 sentences Political
    # and "Justice X" 561 Fairness and equality (a quarter of that frame's sentences)
    ("When President Obama gave the commencement address, he praised the cadets.", set()),
    ("Justice Kennedy wrote the opinion for the court.", {"Legality, constitutionality and jurisprudence"}),
    ("The Justice Department sued the state.", set()),
    # the word itself still counts
    ("The president signed the order.", {"Political"}),
    ("They called it a matter of racial justice.", {"Fairness and equality"}),
])
def test_a_theme_word_that_is_a_title_before_a_name_is_no_frame(sentence, themes, lexicons):
    assert {m.label for m in lexicons.theme_matchers["policy_frames"].find(sentence)} == themes


def test_the_found_themes_keep_their_titles(lexicons):
    # A set found in the corpus's own paragraphs was counted with its titles: "Justice Kennedy" is its court theme.
    import pandas as pd

    found = pd.DataFrame([("found", "court · justice", "justice", "found in the text")], columns=["theme_set", "theme", "term", "source"])
    matcher = lexicons.with_table("themes", pd.concat([lexicons.themes, found], ignore_index=True)).theme_matchers["found"]
    assert [m.label for m in matcher.find("Justice Kennedy wrote the opinion.")] == ["court · justice"]
