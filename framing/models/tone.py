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
from typing import NamedTuple

from vaderSentiment.vaderSentiment import (
    BOOSTER_DICT,
    C_INCR,
    N_SCALAR,
    SPECIAL_CASES,
    SentimentIntensityAnalyzer,
    SentiText,
    negated,
    normalize,
    scalar_inc_dec,
)

from framing.models.runtime import Remembered, word_piece_tokenizer
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


class _Form(NamedTuple):
    """What VADER reads of one whitespace-separated word, worked out once per distinct word."""

    word: str  # punctuation stripped, as ``SentiText`` keeps it
    lower: str
    capitals: bool  # all in capitals
    booster: float | None  # its booster or dampener value, if it is one
    known: bool  # in VADER's lexicon
    negation: bool  # VADER's ``negated`` of the word alone


class _Vader(SentimentIntensityAnalyzer):
    """VADER compound, exactly as ``polarity_scores(text)["compound"]`` gives it (vaderSentiment 3.3.2, pinned; tested
    equal on the dev corpus's 73,186 sentences and on cases of every rule), at a fraction of the cost.

    VADER lower-cases the whole text again at each of its checks, and runs its emoji step (rebuilding the text a
    character at a time) on every text. Here a text without emoji skips that step, which would give it back as it
    was; each distinct word's form is worked out once (``_Form``); and VADER's valence step runs only at the
    lexicon's words, with its checks of the words around them written out on those forms, in VADER's order. The
    other words get VADER's 0 in the same list, so its "but" rule and its sum see the very same values."""

    def compound(self, text: str) -> float:
        if not self.emojis.keys().isdisjoint(text):  # VADER replaces an emoji character by its description
            return self.polarity_scores(text)["compound"]
        text = text.strip()
        forms = list(map(self._forms.__getitem__, text.split()))
        if not forms:
            return 0.0
        capitals = sum(form.capitals for form in forms)
        cap_diff = 0 < len(forms) - capitals < len(forms)  # VADER's allcap_differential
        sentiments: list = []
        for i, form in enumerate(forms):
            if not form.known or form.booster is not None or \
                    (form.lower == "kind" and i < len(forms) - 1 and forms[i + 1].lower == "of"):
                continue  # VADER's 0: no sentiment word, a modifier, or "kind of"
            sentiments.extend([0] * (i - len(sentiments)))
            sentiments.append(self._valence(forms, i, cap_diff))
        sentiments.extend([0] * (len(forms) - len(sentiments)))
        if any(form.lower == "but" for form in forms):
            sentiments = self._but_check([form.word for form in forms], sentiments)
        total = float(sum(sentiments))
        emphasis = self._punctuation_emphasis(text)
        if total > 0:
            total += emphasis
        elif total < 0:
            total -= emphasis
        return round(normalize(total), 4)

    def _valence(self, forms: list[_Form], i: int, cap_diff: bool) -> float:
        """VADER's ``sentiment_valence`` at a lexicon word, with its negation, idiom and "least" checks."""
        lexicon, lower = self.lexicon, [form.lower for form in forms[max(0, i - 3):i + 3]]
        at = min(i, 3)  # the word's place in ``lower``
        valence = lexicon[lower[at]]
        if lower[at] == "no" and i != len(forms) - 1 and lower[at + 1] in lexicon:
            valence = 0.0  # "no" before a sentiment word negates it rather than counting itself
        if (i > 0 and lower[at - 1] == "no") or (i > 1 and lower[at - 2] == "no") \
                or (i > 2 and lower[at - 3] == "no" and lower[at - 1] in ["or", "nor"]):
            valence = lexicon[lower[at]] * N_SCALAR
        if forms[i].capitals and cap_diff:
            valence = valence + C_INCR if valence > 0 else valence - C_INCR
        for start_i in range(0, 3):
            if i > start_i and lower[at - (start_i + 1)] not in lexicon:
                before = forms[i - (start_i + 1)]
                s = scalar_inc_dec(before.word, valence, cap_diff) if before.booster is not None else 0.0
                if start_i == 1 and s != 0:
                    s = s * 0.95
                if start_i == 2 and s != 0:
                    s = s * 0.9
                valence = valence + s
                valence = self._negated(valence, forms, lower, at, start_i, i)
                if start_i == 2:
                    valence = self._idioms(valence, lower, at)
        if i > 1 and lower[at - 1] not in lexicon and lower[at - 1] == "least":
            if lower[at - 2] != "at" and lower[at - 2] != "very":
                valence = valence * N_SCALAR
        elif i > 0 and lower[at - 1] not in lexicon and lower[at - 1] == "least":
            valence = valence * N_SCALAR
        return valence

    @staticmethod
    def _negated(valence: float, forms: list[_Form], lower: list[str], at: int, start_i: int, i: int) -> float:
        """VADER's ``_negation_check``."""
        if start_i == 0 and forms[i - 1].negation:
            valence = valence * N_SCALAR
        if start_i == 1:
            if lower[at - 2] == "never" and (lower[at - 1] == "so" or lower[at - 1] == "this"):
                valence = valence * 1.25
            elif lower[at - 2] == "without" and lower[at - 1] == "doubt":
                pass
            elif forms[i - 2].negation:
                valence = valence * N_SCALAR
        if start_i == 2:
            if lower[at - 3] == "never" and (lower[at - 2] == "so" or lower[at - 2] == "this") or \
                    (lower[at - 1] == "so" or lower[at - 1] == "this"):
                valence = valence * 1.25
            elif lower[at - 3] == "without" and (lower[at - 2] == "doubt" or lower[at - 1] == "doubt"):
                pass
            elif forms[i - 3].negation:
                valence = valence * N_SCALAR
        return valence

    @staticmethod
    def _idioms(valence: float, lower: list[str], at: int) -> float:
        """VADER's ``_special_idioms_check`` (called only three words or more into the text)."""
        onezero = f"{lower[at - 1]} {lower[at]}"
        twoonezero = f"{lower[at - 2]} {lower[at - 1]} {lower[at]}"
        twoone = f"{lower[at - 2]} {lower[at - 1]}"
        threetwoone = f"{lower[at - 3]} {lower[at - 2]} {lower[at - 1]}"
        threetwo = f"{lower[at - 3]} {lower[at - 2]}"
        for seq in (onezero, twoonezero, twoone, threetwoone, threetwo):
            if seq in SPECIAL_CASES:
                valence = SPECIAL_CASES[seq]
                break
        if len(lower) - 1 > at:
            zeroone = f"{lower[at]} {lower[at + 1]}"
            if zeroone in SPECIAL_CASES:
                valence = SPECIAL_CASES[zeroone]
        if len(lower) - 1 > at + 1:
            zeroonetwo = f"{lower[at]} {lower[at + 1]} {lower[at + 2]}"
            if zeroonetwo in SPECIAL_CASES:
                valence = SPECIAL_CASES[zeroonetwo]
        for n_gram in (threetwoone, threetwo, twoone):
            if n_gram in BOOSTER_DICT:
                valence = valence + BOOSTER_DICT[n_gram]
        return valence

    @cached_property
    def _forms(self) -> Remembered:
        """whitespace-separated word -> its ``_Form``, each worked out once."""
        return Remembered(self._form)

    def _form(self, token: str) -> _Form:
        word = SentiText._strip_punc_if_word(token)
        lower = word.lower()
        return _Form(word, lower, word.isupper(), BOOSTER_DICT.get(lower), lower in self.lexicon, negated([lower]))


@lru_cache(maxsize=1)
def _vader() -> SentimentIntensityAnalyzer:
    return _Vader()


def lexicon_scores(text: str) -> tuple[float, float, float]:
    """VADER compound, TextBlob polarity and subjectivity: what every ``LEXICON_TERMS`` term is made of."""
    polarity, subjectivity = polarity_and_subjectivity(text)
    return float(_vader().compound(text)), float(polarity), float(subjectivity)


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
        return self._scored([w for w in map(get, pieces) if w is not None], lexicon)

    def score_text(self, text: str, lexicon: Sequence[float]) -> float:
        """``score`` of the text's word pieces (``word_pieces``), each word's weights looked up once."""
        weights = self._word_weights
        return self._scored([w for word in _SPACES.split(text) if word for w in weights[word]], lexicon)

    @cached_property
    def _word_weights(self) -> Remembered:
        """word -> the weights of its word pieces that have one, in order, each worked out once (the word tokenized as
        ``word_pieces`` tokenizes it, without also keeping its pieces in that function's memory)."""
        pieces_of, get = _word_cache(str(self.tokenizer_file or MODEL_DIR / TONE_TOKENIZER)).__wrapped__, self.pieces.get
        return Remembered(lambda word: tuple(w for w in map(get, pieces_of(word)) if w is not None))

    def _scored(self, weights: list[float], lexicon: Sequence[float]) -> float:
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
    tone = model.score_text(text, lexicon)
    vader, polarity, subjectivity = lexicon
    return {"polarity": polarity, "subjectivity": subjectivity, "vader": vader, "tone": tone}


def engine_column(engine: str) -> str:
    """The sentence-table column that holds a tone engine's score."""
    return {"news": "tone", "textblob": "polarity", "vader": "vader"}[engine]
