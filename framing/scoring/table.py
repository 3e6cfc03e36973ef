"""The scored sentence table: one row per sentence, every measure a column.

The columns are: where the sentence is (``IDENTITY_COLUMNS``), every measure declared in
``measures.MEASURES``, and what it names (``LABEL_COLUMNS``: cues, themes, actors). A new measure
is its function plus one declaration in ``measures.py``; this module picks it up.
"""
from __future__ import annotations

from collections.abc import Callable
from concurrent.futures import Executor

import numpy as np
import pandas as pd

from framing.language.lexicon import Lexicons, theme_set_column
from framing.language.voice import merge_aliases
from framing.models import uncertainty
from framing.reading import stories
from framing.reading.clean import UNKNOWN
from framing.reading.corpus import Article, paragraphs
from framing.scoring import parts
from framing.scoring.measures import MEASURES, Sentence
from framing.scoring.parts import CUE_LABEL_COLUMNS, Part, PartCache

IDENTITY_COLUMNS = [
    "article_id", "outlet", "outlet_group", "story", "title", "date", "sentence_id", "paragraph_id", "heading",
    "sentence_index", "position", "in_lead", "text", "n_words", "quoted_share", "speaker",
]
LABEL_COLUMNS = CUE_LABEL_COLUMNS
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


def outlet_group(article: Article) -> str:
    """What charts group by: the outlet, or, when the text names none, the article on its own.

    Articles of unknown outlet are never pooled together as if they were one outlet.
    """
    return article.outlet if article.outlet != UNKNOWN else f"unknown outlet ({article.article_id})"


def score_text(text: str, lexicons: Lexicons, model: uncertainty.Model | None = None,
               tone_model_dir: str | None = None) -> dict:
    """Every measure of one unit of text, not split, and its cues (``python -m framing score``)."""
    sentence = Sentence(text, lexicons, model, tone_model_dir=tone_model_dir)
    measures = {m.column: m.compute(sentence) for m in MEASURES if m.in_cli and not m.needs_paragraph}
    return {"text": text, **measures, "hedges": sentence.hedges, "approximators": sentence.approximators,
            "boosters": sentence.boosters}



def sentence_table(articles: list[Article], lexicons: Lexicons, progress: Callable[[int, int], None] | None = None,
                   cache: PartCache | None = None, pool: Executor | None = None) -> pd.DataFrame:
    """The scored sentence table of ``articles`` (framing.scoring.parts does the per-article work; see its ``all_parts``
    for ``cache``, ``pool`` and ``progress``)."""
    return finish(assemble(articles, parts.all_parts(articles, lexicons, cache, pool, progress), lexicons), articles)


def assemble(articles: list[Article], parts: list[tuple[Part, Part]], lexicons: Lexicons) -> pd.DataFrame:
    """One table from each article's metadata and parts. Columns of numbers are joined arrays; every other column
    holds Python objects (not Arrow strings), so its cells are the parts' own values and an article's title, repeated
    on each of its rows, is one string, not a copy per row."""
    columns = sentence_columns(lexicons)
    pieces: dict[str, list] = {c: [] for c in columns}
    for article, (text, cues) in zip(articles, parts):
        n = len(text["text"])
        metadata = {"article_id": article.article_id, "outlet": article.outlet, "outlet_group": outlet_group(article),
                    "story": article.story, "title": article.title, "date": article.date}
        for column in columns:
            pieces[column].append([metadata[column]] * n if column in metadata
                                  else text[column] if column in text else cues[column])
    data = {}
    for column, chunks in pieces.items():
        if chunks and all(isinstance(c, np.ndarray) for c in chunks):
            data[column] = np.concatenate(chunks)
        else:
            data[column] = pd.Series([v for chunk in chunks for v in (chunk.tolist() if isinstance(chunk, np.ndarray) else chunk)],
                                     dtype=object)
    return pd.DataFrame(data, columns=columns)


def finish(table: pd.DataFrame, articles: list[Article] | None = None) -> pd.DataFrame:
    """What needs the whole corpus: one name per speaker across articles ("Rubio" → "Marco Rubio"), and the
    stories of articles that state none (framing.reading.stories groups them)."""
    if len(table) and "outlet" in table:  # "CNN reported" in CNN's own article is its own voice, not a source it quotes
        own = table["speaker"].str.casefold() == table["outlet"].astype(str).str.casefold()
        if own.any():
            table = table.assign(speaker=table["speaker"].where(~own, "").astype(object))
    mapping = merge_aliases(list(table["speaker"].unique()), table["speaker"].value_counts().to_dict()) if len(table) else {}
    if mapping:
        table = table.assign(speaker=table["speaker"].map(lambda s: mapping.get(s, s)).astype(object))
    if articles is not None and len(table):
        table = table.assign(story=table["article_id"].map(stories.group(articles)).astype(object))
    return table


def words_table(articles: list[Article]) -> pd.DataFrame:
    """Each sentence's words and its groups (article, outlet, story), without any scoring: what distinctive words
    need. The same sentences as ``sentence_table``'s, at a small part of the cost (no tone, cues or voice)."""
    story = stories.group(articles)
    rows = [(a.article_id, outlet_group(a), story[a.article_id], text) for a in articles for text in parts.sentence_texts(a)]
    return pd.DataFrame(rows, columns=["article_id", "outlet_group", "story", "text"])


def paragraph_texts(articles: list[Article]) -> dict[str, str]:
    """paragraph_id → paragraph text, for showing a sentence in its context."""
    return {pid: text for a in articles for pid, _, text in paragraphs(a)}
