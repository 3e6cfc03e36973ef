"""The sentence-level uncertainty model: hand-verified news sentences, training, and its files."""
import numpy as np
import pytest

from framing.models import uncertainty
from framing.scoring.table import score_text
from training.logistic import READER_WEIGHT, train_logistic

# Hand-verified: the first group hedges or attributes vaguely, the second states facts plainly.
UNCERTAIN = [
    "While some believe the rejuvenated Moscow-Pyongyang axis is purely transactional, some think the warming could be sustainable.",
    "Some analysts believe the deal is likely to anger Seoul.",
    "North Korea reportedly shipped some 1,500 containers of munitions.",
    "It is widely believed that Pyongyang probably received help with its satellite programme.",
    # news hedges the Wikipedia-trained model used to miss
    "The central bank expects inflation to ease next year.",
    "It is not known whether the ceasefire will hold.",
    "Moscow may send more troops to the border.",
]
CERTAIN = [
    "The summit took place at the Vostochny Cosmodrome on September 13.",
    "Kim travelled to Russia by armoured train.",
    "Putin arrived in Pyongyang in June 2024 for his first visit in 24 years.",
    "The two leaders signed a comprehensive strategic partnership treaty.",
    # approximators are vagueness about an amount, not about the claim
    "About 1,500 troops arrived, more than 60 percent of them conscripts.",
    "Nearly 2,000 people were evacuated from some 40 villages.",
]


# Hand-verified encyclopedic prose, written for these tests (not from any dev file): weasel wording that leaves a
# claim unattributed or vague, against plain statements, one with a weasel's word ("critics") in a factual sense.
# (Wikipedia's annotators also count a vague quantity, "some of the songs", as a weasel, and so does the
# encyclopedic path; the news model never sees approximators.) These are scored on the encyclopedic path, as a user
# who says the corpus is not news gets.
UNCERTAIN_ENCYCLOPEDIC = [
    "Some critics consider it the band's finest album.",
    "It is often said that the castle was built on the ruins of a Roman fort.",
    "Many historians believe the treaty was signed under duress.",
    "The dish is widely regarded as one of the best in the region.",
]
CERTAIN_ENCYCLOPEDIC = [
    "The castle was built in 1241 by Count Henry of Bar.",
    "The album was released on 12 May 1998 by Columbia Records.",
    "The river flows north for 240 kilometres before joining the Rhine.",
    "The critics' award was presented to the band in 1999.",
]


@pytest.mark.parametrize("text", UNCERTAIN)
def test_hedged_news_sentences_are_judged_uncertain(text, lexicons):
    assert score_text(text, lexicons)["uncertain"]


@pytest.mark.parametrize("text", CERTAIN)
def test_plain_factual_news_sentences_are_not(text, lexicons):
    assert not score_text(text, lexicons)["uncertain"]


def test_attribution_alone_is_not_uncertainty_in_news(lexicons):
    """FactBank's annotators, whose judgements the news model learned, take a claim attributed to a named source as
    that source's, not as hedged: "according to officials" alone does not make a sentence uncertain."""
    assert not score_text("The ship carried munitions, according to officials.", lexicons)["uncertain"]


@pytest.mark.parametrize("text", UNCERTAIN_ENCYCLOPEDIC)
def test_weasel_wording_is_uncertain_on_the_encyclopedic_path(text, lexicons):
    assert score_text(text, lexicons, uncertainty.shipped_model(genre="encyclopedic"))["uncertain"]


@pytest.mark.parametrize("text", CERTAIN_ENCYCLOPEDIC)
def test_plain_encyclopedic_statements_are_not(text, lexicons):
    assert not score_text(text, lexicons, uncertainty.shipped_model(genre="encyclopedic"))["uncertain"]


def test_a_plain_epistemic_modal_in_news_is_always_flagged(lexicons):
    """Issue #22: a sentence the lexicon finds hedged with may, might or could is uncertain, whatever else it says
    (the gated model once scored "... may also need to be consulted ..." 0.29)."""
    for text in ["Other agencies may also need to be consulted before the rule takes effect, the memo said.",
                 "The senator might vote against the bill when it reaches the floor next week.",
                 "Officials said the shutdown could last into February, according to two aides."]:
        scored = score_text(text, lexicons)
        assert scored["uncertain"], text


def test_uncertainty_is_a_probability_and_cues_raise_it(lexicons):
    plain = score_text("The talks ended on Tuesday.", lexicons)["uncertainty"]
    hedged = score_text("The talks reportedly ended on Tuesday, some officials said.", lexicons)["uncertainty"]
    assert 0 <= plain < hedged <= 1


def test_training_recovers_a_planted_signal_and_round_trips(tmp_path):
    rng = np.random.default_rng(3)
    words = ["alpha", "beta", "gamma", "delta", "epsilon", "zeta", "eta", "theta"]
    rows, labels = [], []
    for _ in range(400):
        label = int(rng.random() < 0.4)
        rows.append(uncertainty.word_features(" ".join(list(rng.choice(words, 6)) + (["perhaps"] if label else []))))
        labels.append(label)
    part = train_logistic(rows, labels, vocabulary_size=50, c=1.0, iterations=200)
    assert part.weights["w:perhaps"] > 1 > abs(part.weights["w:alpha"])
    assert part.weighted({"w:alpha", "w:perhaps"})[0] > 0.8 > 0.2 > part.weighted({"w:alpha", "w:beta"})[0]
    model = uncertainty.Model({"news": part, "encyclopedic": part})
    model.save(tmp_path)
    again = uncertainty.load(tmp_path)
    assert again.assess("alpha perhaps", [])[0] == pytest.approx(model.assess("alpha perhaps", [])[0], abs=1e-5)
    with pytest.raises(ValueError, match="both certain and uncertain"):
        train_logistic([{"w:a"}], [0])


def test_groups_count_equally_in_training():
    """A small data set is not drowned by a large one: each group, and each class in it, weighs the same."""
    rows = [{"w:x"}] * 900 + [{"w:x"}] * 100
    labels = [0] * 900 + [1] * 50 + [0] * 50
    balanced = train_logistic(rows, labels, groups=["big"] * 900 + ["small"] * 100, vocabulary_size=5,
                                          c=10.0, iterations=300)
    # "big" says x is certain, "small" says half and half: together x sits between, not at "big"'s verdict.
    assert 0.2 < balanced.weighted({"w:x"})[0] < 0.5


def test_shipped_model_records_what_it_was_trained_on():
    card = uncertainty.shipped_model().card
    assert set(card["trained_on"]) == {"factbank_news_dev.csv", "wikipedia_weasel_dev.csv"}
    assert all(len(sha) == 64 for sha in card["trained_on"].values())
    parts = uncertainty.shipped_model().parts
    assert parts["news"].card["n_train"] == 1597 and parts["news"].card["n_positive"] == 275
    assert parts["encyclopedic"].card["n_train"] == 7363 and parts["encyclopedic"].card["n_positive"] == 2131
    # The news model reads only the cues, never words: an approximator cannot reach it.
    assert not any(f.startswith(("w:", "b:")) for f in parts["news"].weights)


def test_the_shipped_reader_is_the_one_its_card_describes():
    import hashlib
    import json

    from framing.models import context_reader

    model = uncertainty.shipped_model(genre="encyclopedic")
    assert model.reader is not None and model.reader_weight == READER_WEIGHT
    assert uncertainty.shipped_model().reader is None  # news never runs it
    card = json.loads((uncertainty.MODEL_DIR / context_reader.READER_CARD).read_text("utf-8"))
    onnx = (uncertainty.MODEL_DIR / context_reader.READER_MODEL).read_bytes()
    assert card["model_sha256"] == hashlib.sha256(onnx).hexdigest()
    # Trained on the very Wikipedia file the regressions were, and on nothing from the news file.
    assert card["trained_on"] == {"wikipedia_weasel_dev.csv": model.card["trained_on"]["wikipedia_weasel_dev.csv"]}
    assert card["n_train"] == 7363 and card["n_positive"] == 2131


def test_a_model_saved_with_its_reader_loads_the_same(tmp_path, lexicons):
    model = uncertainty.shipped_model(genre="encyclopedic")
    model.save(tmp_path)
    again = uncertainty.load(tmp_path).for_genre("encyclopedic")
    text = "Some critics consider it the band's finest album."
    assert again.reader_weight == model.reader_weight and again.reader_dir == tmp_path
    assert score_text(text, lexicons, again)["uncertainty"] == score_text(text, lexicons, model)["uncertainty"]
    # Without the reader's share the same folder is the word regression alone.
    assert again.with_reader(None, 0.5).read([text]).tolist() == [0.0]


def test_a_genre_that_is_not_one_of_the_two_is_refused():
    with pytest.raises(ValueError, match="genre must be one of news, encyclopedic"):
        uncertainty.shipped_model().for_genre("fiction")


def test_every_score_names_what_raised_it(lexicons):
    scored = score_text("Some analysts believe the deal is likely to anger Seoul.", lexicons)
    assert "a hedge cue" in scored["uncertainty_reasons"] and "a probability hedge" in scored["uncertainty_reasons"]
    assert score_text("The summit took place in Vostochny on September 13.", lexicons)["uncertainty_reasons"] == []
