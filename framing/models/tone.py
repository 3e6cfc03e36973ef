"""Tone: TextBlob polarity and subjectivity, VADER compound, and the recommended ``tone`` score.

All three run offline from lexicons shipped inside their PyPI packages (no corpus download).

``tone`` is a fixed blend of VADER's compound score and TextBlob polarity. On the human-rated NYT
editorial snippets (dev file; see ``python -m training.evaluate``) the blend agrees better with the raters'
mean than either engine alone: TextBlob alone r ≈ 0.31, VADER alone r ≈ 0.50, the blend r ≈ 0.51.
The weights were chosen by cross-validation on the dev file only, then frozen here.
"""
from __future__ import annotations

from functools import lru_cache

from textblob.en.sentiments import pattern_sentiment
from vaderSentiment.vaderSentiment import SentimentIntensityAnalyzer

VADER_WEIGHT = 0.7
TEXTBLOB_WEIGHT = 0.3

TONE_ENGINES = {
    "blend": "VADER compound × 0.7 + TextBlob polarity × 0.3 (default: agrees best with human raters on news)",
    "textblob": "TextBlob polarity (pattern lexicon, adjectives)",
    "vader": "VADER compound (social-media lexicon with negation and intensifier rules)",
}
DEFAULT_TONE_ENGINE = "blend"


@lru_cache(maxsize=1)
def _vader() -> SentimentIntensityAnalyzer:
    return SentimentIntensityAnalyzer()


def tone_scores(text: str) -> dict[str, float]:
    """polarity and subjectivity (TextBlob), vader (compound) and tone (the blend), for one text."""
    # TextBlob's own scorer, called directly: PatternAnalyzer.analyze returns the same two numbers but builds a
    # namedtuple class on every call, which cost half its time.
    polarity, subjectivity = pattern_sentiment(text)
    vader = _vader().polarity_scores(text)["compound"]
    tone = max(-1.0, min(1.0, VADER_WEIGHT * vader + TEXTBLOB_WEIGHT * polarity))
    return {"polarity": float(polarity), "subjectivity": float(subjectivity), "vader": float(vader), "tone": float(tone)}


def engine_column(engine: str) -> str:
    """The sentence-table column that holds a tone engine's score."""
    return {"blend": "tone", "textblob": "polarity", "vader": "vader"}[engine]
