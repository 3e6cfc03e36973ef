"""A corpus with everything computed from it: what every view of the app and the CLI work from."""
from __future__ import annotations

import threading
from collections import OrderedDict
from collections.abc import Callable, Hashable
from dataclasses import dataclass, field
from typing import TypeVar

import pandas as pd

from framing.language.lexicon import Lexicons
from framing.reading.corpus import Article
from framing.reading.dates import Period
from framing.scoring.table import outlet_group, paragraph_texts, sentence_table

T = TypeVar("T")
MEMO_SIZE = 64


@dataclass
class Analysis:
    articles: list[Article]
    lexicons: Lexicons
    table: pd.DataFrame  # one row per sentence (framing.scoring.table)
    paragraphs: dict[str, str] = field(default_factory=dict)  # paragraph_id -> text, for a sentence's context
    _memo: OrderedDict = field(default_factory=OrderedDict, init=False, repr=False, compare=False)
    _lock: threading.Lock = field(default_factory=threading.Lock, init=False, repr=False, compare=False)

    def cached(self, key: Hashable, compute: Callable[[], T]) -> T:
        """``compute()``, made once per key for this analysis (an analysis never changes: a new corpus or lexicon is a
        new Analysis). Aggregates that do not depend on the pick, or that a reader comes back to, are asked for
        this way, so a pick, a click or a view switch does not redo them. The last MEMO_SIZE results are kept."""
        with self._lock:  # sessions may share an analysis (the bundled corpus): one thread at a time in the memo
            if key in self._memo:
                self._memo.move_to_end(key)
                return self._memo[key]
        value = compute()  # outside the lock: two sessions may both compute it, neither waits on the other
        with self._lock:
            self._memo[key] = value
            while len(self._memo) > MEMO_SIZE:
                self._memo.popitem(last=False)
        return value

    def within(self, period: Period | None) -> Analysis:
        """The articles dated within ``period`` (all of them for None), as an analysis of their own, made once per
        period. Articles without a date are in no period. Its aggregates are its own (a new memo)."""
        if period is None:
            return self

        def restricted() -> Analysis:
            inside = period.mask(pd.Series([a.date for a in self.articles], dtype=object)).to_numpy()
            articles = [a for a, keep in zip(self.articles, inside) if keep]
            return Analysis(articles, self.lexicons, self.table[period.mask(self.table["date"])], self.paragraphs)

        return self.cached(("within", period), restricted)

    @property
    def outlets(self) -> tuple[str, ...]:
        """Every outlet group, sorted (an article of unknown outlet is a group of its own). Made once: the sidebar and
        the views ask for it several times a run (4 ms each at 10,000 articles)."""
        return self.cached(("outlets",), lambda: tuple(sorted({outlet_group(a) for a in self.articles})))


def analyse(articles: list[Article], lexicons: Lexicons) -> Analysis:
    return Analysis(articles, lexicons, sentence_table(articles, lexicons), paragraph_texts(articles))
