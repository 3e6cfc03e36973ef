"""A corpus with everything computed from it: what every view of the app and the CLI work from."""
from __future__ import annotations

from dataclasses import dataclass, field

import pandas as pd

from .corpus import Article
from .lexicon import Lexicons
from .table import outlet_group, paragraph_texts, sentence_table


@dataclass
class Analysis:
    articles: list[Article]
    lexicons: Lexicons
    table: pd.DataFrame  # one row per sentence (framing.table)
    paragraphs: dict[str, str] = field(default_factory=dict)  # paragraph_id -> text, for a sentence's context

    @property
    def outlets(self) -> tuple[str, ...]:
        """Every outlet group, sorted (an article of unknown outlet is a group of its own)."""
        return tuple(sorted({outlet_group(a) for a in self.articles}))


def analyse(articles: list[Article], lexicons: Lexicons) -> Analysis:
    return Analysis(articles, lexicons, sentence_table(articles, lexicons), paragraph_texts(articles))
