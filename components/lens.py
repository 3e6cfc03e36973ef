"""What the user is looking through: the pick, the theme set, the tone engine, presentation mode.

Built once per run from the sidebar (``components/sidebar.py``) and handed to every view, so no view
reads a widget or repeats the phrases that describe the pick.
"""
from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import pandas as pd

from framing.language.lexicon import theme_set_column, theme_set_label
from framing.models.tone import DEFAULT_TONE_ENGINE, engine_column
from framing.reading.dates import Period
from framing.statistics import filters

MODES = {"outlet": "Outlet", "theme": "Theme", "actor": "Actor"}
_PICK_FIELD = {"outlet": "outlet_group", "theme": "theme", "actor": "actor"}


@dataclass(frozen=True)
class Lens:
    mode: str  # "outlet", "theme" or "actor"
    value: str
    theme_set: str = "corpus"
    tone_engine: str = DEFAULT_TONE_ENGINE
    presentation: bool = False
    outlets: tuple[str, ...] = ()  # every outlet group of the corpus, sorted: the colour domain
    query: str = ""  # the sidebar's search (Search view; its matches are marked in every passage)
    raw_words: bool = False  # distinctive words with house style kept (outlet names, titles, page furniture)
    period: Period | None = None  # the stretch of time the views compare within (None: the whole corpus)
    stand_out: str | None = None  # with a theme or actor picked, an outlet whose marks stand out (nine lines a chart
    # over time were a tangle nobody could follow on a slide)

    @property
    def selection(self) -> dict[str, str]:
        return {_PICK_FIELD[self.mode]: self.value}

    @property
    def theme_column(self) -> str:
        return theme_set_column(self.theme_set)

    @property
    def theme_set_label(self) -> str:
        return theme_set_label(self.theme_set)

    @property
    def tone_column(self) -> str:
        return engine_column(self.tone_engine)

    @property
    def tone_label(self) -> str:
        return f"tone engine: {self.tone_engine}"

    @property
    def highlight(self) -> str | None:
        """The outlet to stand out in charts (an outlet pick, or the one chosen to stand out beside a theme or actor
        pick), or None."""
        return self.value if self.mode == "outlet" else self.stand_out

    def scope(self, table: pd.DataFrame) -> pd.DataFrame:
        """The sentences the pick is about: the outlet's, or those naming the theme or actor."""
        return filters.apply(table, self.selection, self.theme_column)

    def scope_mask(self, table: pd.DataFrame) -> np.ndarray:
        """``scope`` as one bool per row of ``table``: which rows it keeps, none of them copied."""
        return filters.mask(table, self.selection, self.theme_column)

    def compared(self, table: pd.DataFrame) -> pd.DataFrame:
        """What charts compare across outlets: everything for an outlet pick, the pick's sentences otherwise."""
        return table if self.mode == "outlet" else self.scope(table)

    def compared_mask(self, table: pd.DataFrame) -> np.ndarray:
        """``compared`` as one bool per row of ``table``."""
        return np.ones(len(table), dtype=bool) if self.mode == "outlet" else self.scope_mask(table)

    @property
    def compared_key(self) -> tuple[str, ...]:
        """What ``compared`` holds, as a key for ``Analysis.cached``: aggregates across outlets of an outlet pick do not
        depend on which outlet is picked, so they are made once and a pick only changes the highlight."""
        return ("all",) if self.mode == "outlet" else (self.mode, self.value, self.theme_set)

    def describe(self) -> str:
        return {"outlet": f"outlet {self.value}", "theme": f"theme “{self.value}”", "actor": f"actor “{self.value}”"}[self.mode]

    @property
    def about(self) -> str:
        """What the compared sentences are, for chart titles."""
        return "all sentences" if self.mode == "outlet" else f"sentences naming {self.describe()}"

    @property
    def period_text(self) -> str:
        """The period, for headers and slide footers ("" for the whole corpus)."""
        return f"dated {self.period.describe()}" if self.period else ""

    def caption(self, template: str, n: int, pick: str | None = None) -> str:
        """A passage caption: ``template`` with {n} and {pick} (the pick, unless another is given) filled in."""
        return template.format(n=f"{n:,}", pick=pick or self.describe())
