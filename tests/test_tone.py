"""The news tone model: what it says of plain news sentences, that its shipped files are what its card says, and
that a sentence's tone is the sum its weights spell out (so the CSV can be checked by hand)."""
import csv
import json

import pytest
from conftest import REAL_NEWS

from framing.models import tone, tone_toward
from framing.models.runtime import word_piece_tokenizer
from training.data import MANIFEST

POSITIVE = ["The rescue succeeded and every miner was brought home safe.", "The two leaders praised a warm, productive summit."]
NEGATIVE = ["Thousands were killed in the brutal attack.", "Critics denounced the deal as a disaster."]
NEUTRAL = ["The meeting is on Tuesday.", "The committee will vote on the bill next week."]


def test_plainly_positive_news_reads_above_neutral_and_neutral_above_negative():
    score = lambda t: tone.tone_scores(t)["tone"]  # noqa: E731
    assert min(map(score, POSITIVE)) > max(map(score, NEUTRAL)) > max(map(score, NEGATIVE))
    assert all(abs(score(t)) < 0.1 for t in NEUTRAL)


def test_a_sentences_tone_is_the_bias_the_mean_lowest_and_highest_word_piece_weight_and_the_lexicon_terms():
    model = tone.tone_model()
    with (tone.MODEL_DIR / tone.TONE_WEIGHTS).open(newline="", encoding="utf-8") as f:
        weights = {row["word_piece"]: float(row["weight"]) for row in csv.DictReader(f)}
    text = "Critics denounced the deal as a terrible disaster."
    pieces = tone.word_pieces([text])[0]
    assert pieces[:3] == ["critics", "denounced", "the"]  # MiniLM's word pieces, lower case, no [CLS]
    vader, polarity, subjectivity = tone.lexicon_scores(text)
    assert vader < 0 and polarity < 0  # "denounced", "terrible": each term below is weighed
    terms = {"vader": vader, "polarity": polarity, "subjectivity": subjectivity, "vader_signed_square": vader * abs(vader),
             "polarity_times_subjectivity": polarity * subjectivity, "vader_magnitude": abs(vader),
             "polarity_magnitude": abs(polarity), "vader_none": 0.0}
    assert set(model.lexicon) == set(terms)  # the card names every term it weighs
    card = json.loads((tone.MODEL_DIR / tone.TONE_CARD).read_text("utf-8"))
    piece_weights = [weights[p] for p in pieces]
    by_hand = (card["bias"] + sum(piece_weights) / len(pieces) + card["lowest"] * min(piece_weights)
               + card["highest"] * max(piece_weights) + sum(card["lexicon"][name] * value for name, value in terms.items()))
    assert tone.tone_scores(text)["tone"] == pytest.approx(max(-1, min(1, by_hand)), abs=1e-4)


def test_the_shipped_model_records_the_data_it_learned_from_and_their_hashes():
    card = tone.tone_model().card
    manifest = {entry["path"].rsplit("/", 1)[-1]: entry["sha256"] for entry in MANIFEST.values()}
    assert set(card["trained_on"]) == {"nyt_editorial_snippets_dev.tsv", "newsmtsc_train.jsonl", "allsides_dev.jsonl"}
    assert all(card["trained_on"][name] == manifest[name] for name in card["trained_on"])
    assert card["rated_snippets"] == 2568 and 0 < card["out_of_fold_r"] < 1
    # Its teacher read the shipped tone-toward model: a retrained tone-toward model means retraining this one.
    assert card["teacher_reads"] == {"tone_toward.onnx": tone_toward.model_in().card["model_sha256"]}
    # The tokenizer and the weights belong together: every word piece of ordinary news has a weight.
    pieces = tone.word_pieces(POSITIVE + NEGATIVE + NEUTRAL)
    assert all(p in tone.tone_model().pieces for sentence in pieces for p in sentence)


def test_a_saved_model_loads_and_scores_the_same(tmp_path):
    model = tone.tone_model()
    (tmp_path / "base").mkdir()
    (tmp_path / "base" / "tokenizer.json").write_bytes((tone.MODEL_DIR / tone.TONE_TOKENIZER).read_bytes())
    model.save(tmp_path / "copy", dict(model.card), tmp_path / "base")
    text = "The two leaders praised a warm, productive summit."
    assert tone.tone_scores(text, str(tmp_path / "copy")) == tone.tone_scores(text)


def test_every_engine_has_its_column_and_textblob_stays_selectable():
    assert tone.DEFAULT_TONE_ENGINE == "news" and "textblob" in tone.TONE_ENGINES
    assert {tone.engine_column(e) for e in tone.TONE_ENGINES} == {"tone", "polarity", "vader"}


def test_word_pieces_a_word_at_a_time_are_the_tokenizers_pieces_of_the_whole_text(bundled):
    """The tone model remembers each word's pieces; that must give what the tokenizer gives the whole sentence, on
    which the weights were learned, whatever spaces, accents, quotes or control characters the text holds."""
    from framing.scoring.parts import sentence_texts

    texts = [s for a in bundled for s in sentence_texts(a)]
    texts += ["Naïve café — “quoted”\u00a0text\tend.", "中文 mixed text", "a\x1fb a\x0bb c\x85d e\u200bf",
              "co-operate U.S. $5,000 don't", "", "x\u2028y\u3000z  \n "]
    tokenizer = word_piece_tokenizer(tone.MODEL_DIR / tone.TONE_TOKENIZER)
    whole = [e.tokens for e in tokenizer.encode_batch(texts, add_special_tokens=False)]
    assert tone.word_pieces(texts) == whole
    # and a sentence's tone, read from each word's remembered weights, is the score of those pieces
    model, lexicon = tone.tone_model(), (0.3, -0.2, 0.5)
    assert [model.score_text(t, lexicon) for t in texts] == [model.score(p, lexicon) for p in whole]
    assert len({model.score_text(t, lexicon) for t in texts}) > len(texts) // 2  # the pieces' weights tell them apart


def test_the_faster_tokenizer_gives_textblobs_own_tokens(bundled):
    """TextBlob's polarity reads its own tokenizer's tokens; the remembered-word one must give exactly the same
    sentences of tokens, on news and on what the tokenizer treats specially (contractions, abbreviations, ellipses,
    quotes, paragraph breaks, sarcasm and emoticons), or every TextBlob tone and the news tone model would move."""
    from textblob import _text

    from framing.models import textblob_polarity
    from framing.scoring.parts import sentence_texts

    texts = [s for a in bundled for s in sentence_texts(a)]
    texts += ['He said: "It\'s over." Then (!) he left...', "U.S. Sen. Smith, Mr. Jones and Dr. J. Doe didn't go.",
              "Wait... what?! 'Quoted' and “curly” ‘single’ quotes.", "First paragraph\n\nSecond one\r\n\r\nthird",
              "Great :-) day <3 and sad :( night", "end.)  (start", "'''", "...", "", "a. b. c.", "we'll they're I'm",
              "e.g. etc. vs. the END-OF-SENTENCE token", "((nested)) [x] {y} #tag @name $5 & co.", "“Yes.” ‘No!’ 'Maybe?'"]
    assert [textblob_polarity.find_tokens(t) for t in texts] == [_text.find_tokens(t) for t in texts]
    # each of TextBlob's contraction rules has an apostrophe, so a text without one skips them all
    assert all("'" in contraction for contraction in _text.replacements)


VADER_CASES = [
    "I love it 😀", "😀", "sad😢day", "  padded text  ", "kind of good", "It is kind of a mess.", "not bad at all",
    "The plan isn't great, but it works!", "VERY good", "", "   ", "Extremely bad :(", "no 🙂 emoji 🙁 twice",
    # negations and idioms at every distance, at the text's start and end
    "Never so good", "never this bad a deal", "without doubt good", "without a doubt, good", "not good",
    "It was not very good", "it is never so very bad", "He isn't really that great", "cut the mustard",
    "Good", "hand to mouth was bad", "the bomb", "the shit hit the fan", "kiss of death indeed", "bad ass",
    "yeah right, great", "sort of great", "he is kind of sad", "not the bomb", "she was not at all happy",
    # "no" before a sentiment word and as one, "least", capitals among lower case, "but" twice, ! and ?
    "no good", "no no good", "no, or bad", "no problem at all", "at least good", "the least good", "very least bad",
    "least bad", "It was GREAT, but TERRIBLE", "GREAT GOOD", "a GOOD deal but bad but fine", "Good!!!", "Bad??",
    "Bad????", "bad ass kind", "kind", "Is it kind of OK? Kind of.", "never so", "damn good, damn bad",
]


def test_vader_compound_is_vaders_own(bundled):
    """The VADER engine's compound is worked out from each word's remembered form and only at the lexicon's words
    (see ``tone._Vader``); it must be exactly VADER's own, with emoji or without, through every rule."""
    from vaderSentiment.vaderSentiment import SentimentIntensityAnalyzer

    from framing.scoring.parts import sentence_texts

    texts = [s for a in bundled for s in sentence_texts(a)] + VADER_CASES
    vader = SentimentIntensityAnalyzer()
    assert [tone._vader().compound(t) for t in texts] == [vader.polarity_scores(t)["compound"] for t in texts]


TEXTBLOB_CASES = [
    "Not a good idea at all!", "What a great :-) day", "not really good", "really not good", "very good", "not good",
    "never a good thing", "no good", "very very good", "really is a good plan", "good!", "bad!!", "! good",
    "(!) Sure, great (!)", "It was 2019 and 10:30 and :D and XD and <3 and :(", "not x good", "not an evil plan",
    "truly, deeply bad", "extremely not bad", "NOT GOOD", "", "...", "really", "not", "good. not. bad.",
    "Wonderfully awful", "very", "barely good enough", "an only slightly bad, mostly good day",
]


def test_textblob_polarity_is_textblobs_own_on_every_rule():
    """TextBlob's polarity and subjectivity are worked out from each word's remembered step (see
    ``framing.models.textblob_polarity``); they must be exactly TextBlob's through its modifiers, negations, "!",
    the sarcasm mark and emoticons."""
    from textblob import TextBlob

    from framing.models.textblob_polarity import polarity_and_subjectivity

    assert [polarity_and_subjectivity(t) for t in TEXTBLOB_CASES] == \
        [tuple(TextBlob(t).sentiment) for t in TEXTBLOB_CASES]


@pytest.mark.slow
@pytest.mark.skipif(not REAL_NEWS.exists(), reason=f"the team's development corpus is not at {REAL_NEWS}")
def test_lexicon_scores_are_vaders_and_textblobs_own_on_real_news():
    """On real articles' sentences (the first 100 of the 300 beside the repository: every sentence of all of them was
    checked when this was written), every VADER compound and TextBlob polarity and subjectivity the tone model reads
    is exactly the libraries' own."""
    from textblob import TextBlob
    from vaderSentiment.vaderSentiment import SentimentIntensityAnalyzer

    from framing.models.textblob_polarity import polarity_and_subjectivity
    from framing.reading.corpus import read_paths
    from framing.scoring.parts import sentence_texts

    texts = [s for a in read_paths([REAL_NEWS])[:100] for s in sentence_texts(a)]
    assert len(texts) > 3_000
    vader = SentimentIntensityAnalyzer()
    assert [tone._vader().compound(t) for t in texts] == [vader.polarity_scores(t)["compound"] for t in texts]
    assert [polarity_and_subjectivity(t) for t in texts] == [tuple(TextBlob(t).sentiment) for t in texts]


def test_textblob_polarity_is_textblobs_own_and_textblob_still_imports_whole(bundled):
    """The engine loads TextBlob's pattern scorer without the package's NLTK import (see ``framing.models.textblob_polarity``):
    the polarity shown as "TextBlob" must still be exactly what TextBlob itself gives, and code that imports
    TextBlob in the same process must still get all of it."""
    import subprocess
    import sys

    from framing.scoring.parts import sentence_texts

    texts = [s for a in bundled for s in sentence_texts(a)][:200] + ["Not a good idea at all!", "What a great :-) day"]
    from textblob import TextBlob

    assert [tone.tone_scores(t)["polarity"] for t in texts] == [TextBlob(t).sentiment.polarity for t in texts]
    assert [tone.tone_scores(t)["subjectivity"] for t in texts] == [TextBlob(t).sentiment.subjectivity for t in texts]
    # In a fresh process the engine alone loads no NLTK (it would cost every worker process a second and 100 MB).
    loaded = subprocess.run([sys.executable, "-c", "import sys, framing.scoring.parts; print('nltk' in sys.modules)"],
                            capture_output=True, text=True, check=True, cwd=tone.MODEL_DIR.parents[1])
    assert loaded.stdout.strip() == "False"
