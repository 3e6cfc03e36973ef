"""The scored sentence table: one row per sentence, every measure a column.

A new measure is a new column here plus a view in the app; nothing else needs to change.
"""
from __future__ import annotations

import json
import re
from typing import Callable

import pandas as pd

from .clean import UNKNOWN
from .corpus import Article
from . import uncertainty
from .cues import find_boosters, find_hedges
from .lexicon import Lexicons
from .segment import sentence_spans
from .tone import tone_scores
from .voice import QUOTED_THRESHOLD, quote_masks, quoted_share, resolve_speakers, speaker

_WORD = re.compile(r"[^\W_]+(?:['’-][^\W_]+)*")
LEAD_POSITION = 0.2  # the first fifth of an article counts as its lead

SENTENCE_COLUMNS = [
    "article_id", "outlet", "outlet_group", "title", "date", "sentence_id", "paragraph_id", "heading",
    "sentence_index", "position", "in_lead", "text", "n_words", "quoted", "quoted_share", "speaker",
    "polarity", "subjectivity", "vader", "tone", "hedges", "boosters", "hedge_count", "booster_count",
    "hedged", "boosted", "hedge_categories", "uncertainty", "uncertain", "uncertainty_reasons", "themes", "policy_frames", "theme_matches", "actors",
    "actor_matches",
]


def count_words(text: str) -> int:
    return len(_WORD.findall(text))


def outlet_group(article: Article) -> str:
    """What charts group by: the outlet, or, when the text names none, the article on its own.

    Articles of unknown outlet are never pooled together as if they were one outlet.
    """
    return article.outlet if article.outlet != UNKNOWN else f"unknown outlet ({article.article_id})"


def score_text(text: str, lexicons: Lexicons, model: uncertainty.Model | None = None) -> dict:
    """Tone, cues and uncertainty of one unit of text, not split (``python -m framing score``)."""
    model = model or uncertainty.shipped_model()
    hedges = find_hedges(text, lexicons)
    hedge_spans = [(h["start"], h["end"]) for h in hedges]
    # A booster inside a hedge ("clear" in "not clear") is part of the hedge, not a booster.
    boosters = [
        b for b in find_boosters(text, lexicons)
        if not any(s <= b["start"] and b["end"] <= e for s, e in hedge_spans)
    ]
    cues = [h["cue"] for h in hedges]
    probability, reasons = model.assess(text, cues)
    return {"text": text, **tone_scores(text), "hedges": hedges, "boosters": boosters,
            "uncertainty": round(probability, 4), "uncertain": probability >= model.threshold,
            "uncertainty_reasons": reasons}


def _term_matches(matches) -> list[dict]:
    return [{"term": m.text, "label": m.label, "start": m.start, "end": m.end} for m in matches]


def sentence_rows(article: Article, lexicons: Lexicons) -> list[dict]:
    theme_sets = lexicons.theme_matchers
    units = []  # (paragraph number, heading, sentence text, quote mask)
    heading = ""
    paragraph_number = 0
    for block in article.blocks:
        if block.kind == "heading":
            heading = block.text
            continue
        paragraph_number += 1
        spans = sentence_spans(block.text)
        for (s, e), mask in zip(spans, quote_masks(block.text, spans)):
            units.append((paragraph_number, heading, block.text[s:e], mask))
    rows = []
    last = max(len(units) - 1, 1)
    group = outlet_group(article)
    for index, (paragraph_number, heading, text, mask) in enumerate(units):
        scores = score_text(text, lexicons)
        share = quoted_share(text, mask)
        themes = {name: matcher.find(text) for name, matcher in theme_sets.items()}
        actors = lexicons.actor_matcher.find(text)
        rows.append({
            "article_id": article.article_id,
            "outlet": article.outlet,
            "outlet_group": group,
            "title": article.title,
            "date": article.date,
            "sentence_id": f"{article.article_id}-s{index + 1:03d}",
            "paragraph_id": f"{article.article_id}-p{paragraph_number:02d}",
            "heading": heading,
            "sentence_index": index,
            "position": round(index / last, 4),
            "in_lead": index / last <= LEAD_POSITION,
            "text": text,
            "n_words": count_words(text),
            "quoted": share >= QUOTED_THRESHOLD,
            "quoted_share": round(share, 3),
            "speaker": speaker(text, mask),
            "polarity": scores["polarity"],
            "subjectivity": scores["subjectivity"],
            "vader": scores["vader"],
            "tone": scores["tone"],
            "hedges": scores["hedges"],
            "boosters": scores["boosters"],
            "hedge_count": len(scores["hedges"]),
            "booster_count": len(scores["boosters"]),
            "hedged": bool(scores["hedges"]),
            "boosted": bool(scores["boosters"]),
            "hedge_categories": sorted({h["category"] for h in scores["hedges"]}),
            "uncertainty": scores["uncertainty"],
            "uncertain": scores["uncertain"],
            "uncertainty_reasons": scores["uncertainty_reasons"],
            "themes": sorted({m.label for m in themes.get("corpus", [])}),
            "policy_frames": sorted({m.label for m in themes.get("policy_frames", [])}),
            "theme_matches": [dict(d, theme_set=name) for name, ms in themes.items() for d in _term_matches(ms)],
            "actors": sorted({m.label for m in actors}),
            "actor_matches": _term_matches(actors),
        })
    speakers = resolve_speakers(
        [r["speaker"] for r in rows], [u[0] for u in units], [r["quoted"] for r in rows]
    )
    for row, name in zip(rows, speakers):
        row["speaker"] = name
    return rows


def sentence_table(
    articles: list[Article], lexicons: Lexicons, progress: Callable[[int, int], None] | None = None
) -> pd.DataFrame:
    rows: list[dict] = []
    for i, article in enumerate(articles):
        rows.extend(sentence_rows(article, lexicons))
        if progress:
            progress(i + 1, len(articles))
    return pd.DataFrame(rows, columns=SENTENCE_COLUMNS)


def table_to_csv(frame: pd.DataFrame) -> str:
    """CSV with list/dict cells (cues, themes) written as JSON, so the file can be read back."""
    frame = frame.copy()
    for column in frame.columns:
        if frame[column].map(lambda v: isinstance(v, (list, dict))).any():
            frame[column] = frame[column].map(lambda v: json.dumps(v, ensure_ascii=False))
    return frame.to_csv(index=False)


def paragraph_table(articles: list[Article]) -> pd.DataFrame:
    """paragraph_id → paragraph text, for showing a sentence in its context."""
    rows = []
    for article in articles:
        n = 0
        for block in article.blocks:
            if block.kind == "paragraph":
                n += 1
                rows.append({"paragraph_id": f"{article.article_id}-p{n:02d}", "article_id": article.article_id, "text": block.text})
    return pd.DataFrame(rows, columns=["paragraph_id", "article_id", "text"])
