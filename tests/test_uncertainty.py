"""The sentence-level uncertainty model: hand-verified news sentences, training, and its files."""
import numpy as np
import pytest

from framing import uncertainty
from framing.table import score_text

# Hand-verified: the first group hedges or attributes vaguely, the second states facts plainly.
UNCERTAIN = [
    "While some believe the rejuvenated Moscow-Pyongyang axis is purely transactional, some think the warming could be sustainable.",
    "Some analysts believe the deal is likely to anger Seoul.",
    "North Korea reportedly shipped some 1,500 containers of munitions, according to officials.",
    "It is widely believed that Pyongyang probably received help with its satellite programme.",
]
CERTAIN = [
    "The summit took place at the Vostochny Cosmodrome on September 13.",
    "Kim travelled to Russia by armoured train.",
    "Putin arrived in Pyongyang in June 2024 for his first visit in 24 years.",
    "The two leaders signed a comprehensive strategic partnership treaty.",
]


@pytest.mark.parametrize("text", UNCERTAIN)
def test_hedged_news_sentences_are_judged_uncertain(text, lexicons):
    assert score_text(text, lexicons)["uncertain"]


@pytest.mark.parametrize("text", CERTAIN)
def test_plain_factual_news_sentences_are_not(text, lexicons):
    assert not score_text(text, lexicons)["uncertain"]


def test_uncertainty_is_a_probability_and_cues_raise_it(lexicons):
    plain = score_text("The talks ended on Tuesday.", lexicons)["uncertainty"]
    hedged = score_text("The talks reportedly ended on Tuesday, some officials said.", lexicons)["uncertainty"]
    assert 0 <= plain < hedged <= 1


def test_training_recovers_a_planted_signal_and_round_trips(tmp_path):
    rng = np.random.default_rng(3)
    words = ["alpha", "beta", "gamma", "delta", "epsilon", "zeta", "eta", "theta"]
    texts, labels = [], []
    for _ in range(400):
        sentence = list(rng.choice(words, 6))
        label = int(rng.random() < 0.4)
        texts.append(" ".join(sentence + (["perhaps"] if label else [])))
        labels.append(label)
    model = uncertainty.train(texts, [[] for _ in texts], labels, vocabulary_size=50, c=1.0, iterations=200)
    assert model.weights["w:perhaps"] > 1 > abs(model.weights["w:alpha"])
    assert model.assess("alpha perhaps", [])[0] > 0.8 > 0.2 > model.assess("alpha beta", [])[0]
    model.save(tmp_path)
    again = uncertainty.load(tmp_path)
    assert again.assess("alpha perhaps", [])[0] == pytest.approx(model.assess("alpha perhaps", [])[0], abs=1e-5)
    with pytest.raises(ValueError, match="both certain and uncertain"):
        uncertainty.train(["a b"], [[]], [0])


def test_shipped_model_records_what_it_was_trained_on():
    card = uncertainty.shipped_model().card
    assert card["trained_on"] == "wikipedia_weasel_dev.csv" and len(card["training_sha256"]) == 64
    assert card["n_train"] == 7363 and card["n_uncertain"] == 2131


def test_every_score_names_what_raised_it(lexicons):
    scored = score_text("Some analysts believe the deal is likely to anger Seoul.", lexicons)
    assert "“some”" in scored["uncertainty_reasons"] and "a hedge cue" in scored["uncertainty_reasons"]
    assert score_text("The summit took place in Vostochny on September 13.", lexicons)["uncertainty_reasons"] == []
