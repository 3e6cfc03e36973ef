"""Tone: the news tone model (the default), TextBlob polarity and subjectivity, and VADER compound.

``tone`` is learned from people: the NYT editorial snippets' raters (dev half), with a MiniLM teacher's soft
labels on modern news, distilled into one weight per word piece (``python -m training.train_tone``; the recipe is in
its docstring and the figures in docs/validity.md). A sentence's tone is

    bias + mean(w) + lowest · min(w) + highest · max(w) + Σ weight · lexicon term,

w being the weights of its word pieces (the lowest and the highest say what a mean hides: one strongly negative
word), clipped to −1…1, where the lexicon terms (``LEXICON_TERMS``) are VADER compound, TextBlob polarity and subjectivity
and a few products and magnitudes of them: a tokenizer and a lookup, no neural network at run time. The weights are plain data in
data/models/ (``tone_wordpieces.csv``, ``tone.json`` its card, ``tone_tokenizer.json`` MiniLM's word pieces).
TextBlob polarity and VADER stay selectable as engines of their own; all run offline.
"""
from __future__ import annotations

import csv
import json
import math
import re
import shutil
from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import cached_property, lru_cache
from pathlib import Path

from vaderSentiment.vaderSentiment import BOOSTER_DICT, SentimentIntensityAnalyzer, SentiText

from framing.models.runtime import word_piece_tokenizer
from framing.models.textblob_polarity import polarity_and_subjectivity

MODEL_DIR = Path(__file__).resolve().parents[2] / "data" / "models"
TONE_CARD, TONE_WEIGHTS, TONE_TOKENIZER = "tone.json", "tone_wordpieces.csv", "tone_tokenizer.json"
# The model's lexicon terms, each a function of (vader, polarity, subjectivity): a linear model reads the lexicons'
# strength (magnitudes, a signed square) and whether VADER found no sentiment word at all, not only their sign.
LEXICON_TERMS = {
    "vader": lambda v, p, s: v,
    "polarity": lambda v, p, s: p,
    "subjectivity": lambda v, p, s: s,
    "vader_signed_square": lambda v, p, s: v * abs(v),
    "polarity_times_subjectivity": lambda v, p, s: p * s,
    "vader_magnitude": lambda v, p, s: abs(v),
    "polarity_magnitude": lambda v, p, s: abs(p),
    "vader_none": lambda v, p, s: float(v == 0),
}


def lexicon_terms(scores: Sequence[float]) -> list[float]:
    """Every lexicon term of one text's (vader, polarity, subjectivity), in ``LEXICON_TERMS``'s order."""
    return [term(*scores) for term in LEXICON_TERMS.values()]

TONE_ENGINES = {
    "news": "learned from news readers' ratings: MiniLM word pieces with VADER and TextBlob (default: agrees best "
            "with human raters)",
    "textblob": "TextBlob polarity (pattern lexicon, adjectives)",
    "vader": "VADER compound (social-media lexicon with negation and intensifier rules)",
}
DEFAULT_TONE_ENGINE = "news"


class _Vader(SentimentIntensityAnalyzer):
    """VADER, giving its own scores, without its emoji step where a text has no emoji: that step rebuilds the text
    a character at a time in Python (a fifth of VADER's time on news) and, without an emoji, gives it back as it
    was. The rest is VADER's ``polarity_scores`` step for step (vaderSentiment 3.3.2, pinned; tested equal)."""

    def polarity_scores(self, text: str) -> dict[str, float]:
        if not self.emojis.keys().isdisjoint(text):  # VADER replaces an emoji character by its description
            return super().polarity_scores(text)
        text = text.strip()
        sentitext = SentiText(text)
        sentiments: list = []
        words = sentitext.words_and_emoticons
        lexicon = self.lexicon
        for i, item in enumerate(words):
            lower = item.lower()
            if lower in BOOSTER_DICT or (i < len(words) - 1 and lower == "kind" and words[i + 1].lower() == "of"):
                sentiments.append(0)  # a modifier or "kind of": no valence of its own
                continue
            if lower not in lexicon:  # VADER's step gives such a word 0, so it is not called (most words of news)
                sentiments.append(0)
                continue
            sentiments = self.sentiment_valence(0, sentitext, item, i, sentiments)
        sentiments = self._but_check(words, sentiments)
        return self.score_valence(sentiments, text)

    # VADER's two checks around a sentiment word lower-case the whole text each time they are called (up to three
    # times per sentiment word: a fifth of VADER's time on news) to read the three words before it and two after.
    # Given just those words, with the word's place in them, they read the same words and give the same value.
    @staticmethod
    def _negation_check(valence, words_and_emoticons, start_i, i):
        first = max(0, i - 3)  # it reads words i - 3 … i - 1, and only where i > start_i (never before the text)
        return SentimentIntensityAnalyzer._negation_check(valence, words_and_emoticons[first:i + 1], start_i, i - first)

    @staticmethod
    def _special_idioms_check(valence, words_and_emoticons, i):
        first = max(0, i - 3)  # it reads words i - 3 … i + 2 (called only for i > 2)
        return SentimentIntensityAnalyzer._special_idioms_check(valence, words_and_emoticons[first:i + 3], i - first)


@lru_cache(maxsize=1)
def _vader() -> SentimentIntensityAnalyzer:
    return _Vader()


def lexicon_scores(text: str) -> tuple[float, float, float]:
    """VADER compound, TextBlob polarity and subjectivity: what every ``LEXICON_TERMS`` term is made of."""
    polarity, subjectivity = polarity_and_subjectivity(text)
    return float(_vader().polarity_scores(text)["compound"]), float(polarity), float(subjectivity)


def word_pieces(texts: Sequence[str], tokenizer_file: Path | None = None) -> list[list[str]]:
    """Each text's MiniLM word pieces, without [CLS] and [SEP]."""
    pieces_of = _word_cache(str(tokenizer_file or MODEL_DIR / TONE_TOKENIZER))
    return [[piece for word in _SPACES.split(text) if word for piece in pieces_of(word)] for text in texts]


# What MiniLM's tokenizer takes for whitespace (Rust's char::is_whitespace, less the control characters it deletes
# instead: a vertical tab joins the words around it). Python's str.split would also split at those.
_SPACES = re.compile(r"[\t\n\r \u00a0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000]+")


@lru_cache(maxsize=2)
def _word_cache(path: str):
    """word -> its word pieces, remembered: news repeats its words, and the tokenizer costs ~75 µs a sentence.
    Tokenizing each whitespace-separated word alone gives the pieces of the whole text: MiniLM's tokenizer
    splits at whitespace before anything else, and its normalising (lower case, accents, control characters)
    is character by character."""
    tokenizer = word_piece_tokenizer(path)

    @lru_cache(maxsize=200_000)
    def pieces_of(word: str) -> tuple[str, ...]:
        return tuple(tokenizer.encode(word, add_special_tokens=False).tokens)

    return pieces_of


@dataclass
class ToneModel:
    """bias + the mean, lowest and highest of the word-piece weights + the lexicon terms' weights, clipped to −1…1
    (see the module docstring). ``score`` takes the word pieces and the (vader, polarity, subjectivity) of one text."""

    pieces: dict[str, float]
    bias: float
    lexicon: dict[str, float]  # LEXICON_TERMS name -> weight
    card: dict = field(default_factory=dict)
    tokenizer_file: Path | None = None  # the word pieces the weights belong to (loaded models: their folder's)
    lowest: float = 0.0  # weight of the text's lowest word-piece weight
    highest: float = 0.0  # weight of its highest

    def score(self, pieces: Sequence[str], lexicon: Sequence[float]) -> float:
        get = self.pieces.get
        weights = [w for w in map(get, pieces) if w is not None]
        value = self.bias
        if weights:
            value += math.fsum(weights) / len(weights) + self.lowest * min(weights) + self.highest * max(weights)
        value += sum(weight * term(*lexicon) for term, weight in self._weighted_terms)
        return round(max(-1.0, min(1.0, value)), 4)

    @cached_property
    def _weighted_terms(self) -> list[tuple]:
        """(term function, weight) for each lexicon term the card weighs: looked up once, not for every sentence."""
        return [(LEXICON_TERMS[name], weight) for name, weight in self.lexicon.items()]

    def save(self, directory: Path, card: dict, base: Path) -> None:
        directory.mkdir(parents=True, exist_ok=True)
        with (directory / TONE_WEIGHTS).open("w", newline="", encoding="utf-8") as f:
            writer = csv.writer(f, lineterminator="\n")
            writer.writerow(["word_piece", "weight"])
            for piece, weight in sorted(self.pieces.items(), key=lambda kv: (-abs(kv[1]), kv[0])):
                writer.writerow([piece, f"{weight:.5f}"])
        record = dict(card, bias=round(self.bias, 6), lowest=round(self.lowest, 6), highest=round(self.highest, 6),
                      lexicon={k: round(v, 6) for k, v in self.lexicon.items()})
        (directory / TONE_CARD).write_text(json.dumps(record, indent=2, ensure_ascii=False) + "\n", "utf-8")
        shutil.copyfile(base / "tokenizer.json", directory / TONE_TOKENIZER)


def load(directory: Path = MODEL_DIR) -> ToneModel:
    card = json.loads((directory / TONE_CARD).read_text("utf-8"))
    with (directory / TONE_WEIGHTS).open(newline="", encoding="utf-8") as f:
        pieces = {row["word_piece"]: float(row["weight"]) for row in csv.DictReader(f)}
    return ToneModel(pieces, card.pop("bias"), card.pop("lexicon"), card, directory / TONE_TOKENIZER,
                     card.pop("lowest", 0.0), card.pop("highest", 0.0))


@lru_cache(maxsize=4)
def tone_model(directory: str | None = None) -> ToneModel:
    return load(Path(directory) if directory else MODEL_DIR)


def tone_scores(text: str, directory: str | None = None) -> dict[str, float]:
    """polarity and subjectivity (TextBlob), vader (compound) and tone (the news tone model), for one text."""
    lexicon = lexicon_scores(text)
    model = tone_model(directory)
    tone = model.score(word_pieces([text], model.tokenizer_file)[0], lexicon)
    vader, polarity, subjectivity = lexicon
    return {"polarity": polarity, "subjectivity": subjectivity, "vader": vader, "tone": tone}


def engine_column(engine: str) -> str:
    """The sentence-table column that holds a tone engine's score."""
    return {"news": "tone", "textblob": "polarity", "vader": "vader"}[engine]
