"""The scored sentence table: one row per sentence, every measure a column.

The columns are: where the sentence is (``IDENTITY_COLUMNS``), every measure declared in
``measures.MEASURES``, and what it names (``LABEL_COLUMNS``: cues, themes, actors). A new measure
is its function plus one declaration in ``measures.py``; this module picks it up.
"""
from __future__ import annotations

import re
from typing import Callable, Iterator

import pandas as pd

from .clean import UNKNOWN
from .corpus import Article
from . import stories, uncertainty
from .lexicon import Lexicons, theme_set_column
from .measures import MEASURES, Sentence, score
from .segment import sentence_spans
from .voice import attribution, merge_aliases, people_named, quote_spans, quoted_share, resolve_speakers

_WORD = re.compile(r"[^\W_]+(?:['’-][^\W_]+)*")
LEAD_POSITION = 0.2  # the first fifth of an article counts as its lead

IDENTITY_COLUMNS = [
    "article_id", "outlet", "outlet_group", "story", "title", "date", "sentence_id", "paragraph_id", "heading",
    "sentence_index", "position", "in_lead", "text", "n_words", "quoted_share", "speaker",
]
LABEL_COLUMNS = ["hedges", "approximators", "boosters", "hedge_categories", "theme_matches", "actors", "actor_matches"]
# Identity fields the command line writes (the measures say for themselves whether they are written).
CLI_IDENTITY = ["article_id", "outlet", "story", "title", "sentence_id", "paragraph_id", "position", "text", "speaker"]


def _theme_columns(lexicons: Lexicons | None) -> list[str]:
    """One label column per theme set of the lexicons (the bundled sets without them)."""
    return [theme_set_column(s) for s in (lexicons.theme_sets if lexicons else ("corpus", "policy_frames"))]


def sentence_columns(lexicons: Lexicons | None = None) -> list[str]:
    return IDENTITY_COLUMNS + [m.column for m in MEASURES] + LABEL_COLUMNS[:4] + _theme_columns(lexicons) + LABEL_COLUMNS[4:]


def cli_columns(lexicons: Lexicons | None = None) -> list[str]:
    """The fields of ``python -m framing analyze``: identity, every measure marked for the CLI, what it names."""
    return (CLI_IDENTITY + [m.column for m in MEASURES if m.in_cli]
            + ["hedges", "approximators", "boosters", *_theme_columns(lexicons), "actors"])


def count_words(text: str) -> int:
    return len(_WORD.findall(text))


def outlet_group(article: Article) -> str:
    """What charts group by: the outlet, or, when the text names none, the article on its own.

    Articles of unknown outlet are never pooled together as if they were one outlet.
    """
    return article.outlet if article.outlet != UNKNOWN else f"unknown outlet ({article.article_id})"


def paragraphs(article: Article) -> Iterator[tuple[str, str, str]]:
    """(paragraph_id, heading above it, text) of each paragraph; headings are not paragraphs."""
    heading, number = "", 0
    for block in article.blocks:
        if block.kind == "heading":
            heading = block.text
            continue
        number += 1
        yield f"{article.article_id}-p{number:02d}", heading, block.text


def score_text(text: str, lexicons: Lexicons, model: uncertainty.Model | None = None) -> dict:
    """Every measure of one unit of text, not split, and its cues (``python -m framing score``)."""
    sentence = Sentence(text, lexicons, model)
    measures = {m.column: m.compute(sentence) for m in MEASURES if m.in_cli and not m.needs_paragraph}
    return {"text": text, **measures, "hedges": sentence.hedges, "approximators": sentence.approximators,
            "boosters": sentence.boosters}


def _term_matches(matches) -> list[dict]:
    return [{"term": m.text, "label": m.label, "start": m.start, "end": m.end} for m in matches]


def sentence_rows(article: Article, lexicons: Lexicons, story: str | None = None) -> list[dict]:
    """One row per sentence; ``story``: the article's story when it was grouped automatically."""
    units = []  # (paragraph_id, heading, sentence text, its quoted stretches)
    for paragraph_id, heading, text in paragraphs(article):
        spans = sentence_spans(text)
        for (s, e), quoted in zip(spans, quote_spans(text, spans)):
            units.append((paragraph_id, heading, text[s:e], quoted))
    rows = []
    last = max(len(units) - 1, 1)
    group = outlet_group(article)
    for index, (paragraph_id, heading, text, mask) in enumerate(units):
        share = quoted_share(text, mask)
        sentence = Sentence(text, lexicons, quoted_share=share)
        themes = {name: matcher.find(text) for name, matcher in lexicons.theme_matchers.items()}
        actors = lexicons.actor_matcher.find(text)
        rows.append({
            "article_id": article.article_id,
            "outlet": article.outlet,
            "outlet_group": group,
            "story": story or article.story,
            "title": article.title,
            "date": article.date,
            "sentence_id": f"{article.article_id}-s{index + 1:03d}",
            "paragraph_id": paragraph_id,
            "heading": heading,
            "sentence_index": index,
            "position": round(index / last, 4),
            "in_lead": index / last <= LEAD_POSITION,
            "text": text,
            "n_words": count_words(text),
            "quoted_share": round(share, 3),
            "speaker": attribution(text, mask),
            **score(sentence),
            "hedges": sentence.hedges,
            "approximators": sentence.approximators,
            "boosters": sentence.boosters,
            "hedge_categories": sorted({h["category"] for h in sentence.hedges + sentence.approximators}),
            **{theme_set_column(name): sorted({m.label for m in found}) for name, found in themes.items()},
            "theme_matches": [dict(d, theme_set=name) for name, ms in themes.items() for d in _term_matches(ms)],
            "actors": sorted({m.label for m in actors}),
            "actor_matches": _term_matches(actors),
        })
    speakers = resolve_speakers(
        [r["speaker"] for r in rows], [u[0] for u in units], [r["quoted"] for r in rows], [people_named(u[2]) for u in units]
    )
    for row, name in zip(rows, speakers):
        row["speaker"] = name
    return rows


def count_sentences(article: Article) -> int:
    """Sentences the analysis will make of an article (segmentation only: cheap, for budgets)."""
    return sum(len(sentence_spans(text)) for _, _, text in paragraphs(article))


def sentence_table(
    articles: list[Article], lexicons: Lexicons, progress: Callable[[int, int], None] | None = None
) -> pd.DataFrame:
    rows: list[dict] = []
    for i, article in enumerate(articles):
        rows.extend(sentence_rows(article, lexicons, article.story))
        if progress:
            progress(i + 1, len(articles))
    return finish(pd.DataFrame(rows, columns=sentence_columns(lexicons)), articles)


def finish(table: pd.DataFrame, articles: list[Article] | None = None) -> pd.DataFrame:
    """What needs the whole corpus: one name per speaker across articles ("Rubio" → "Marco Rubio"), and the
    stories of articles that state none (framing.stories groups them)."""
    mapping = merge_aliases(list(table["speaker"].unique())) if len(table) else {}
    if mapping:
        table = table.assign(speaker=table["speaker"].map(lambda s: mapping.get(s, s)))
    if articles is not None and len(table):
        table = table.assign(story=table["article_id"].map(stories.group(articles)))
    return table


def paragraph_table(articles: list[Article]) -> pd.DataFrame:
    """paragraph_id → paragraph text, for showing a sentence in its context."""
    rows = [{"paragraph_id": pid, "article_id": a.article_id, "text": text} for a in articles for pid, _, text in paragraphs(a)]
    return pd.DataFrame(rows, columns=["paragraph_id", "article_id", "text"])
