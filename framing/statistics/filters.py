"""Which sentences a pick or a click means: one table of filters, used by both.

A selection is a dict of field → value, e.g. ``{"outlet_group": "PRIO Blogs", "hedge_category":
"modal"}``. Chart data uses these same field names, so a clicked mark's fields are its filter, and a
pick in the sidebar ("outlet PRIO Blogs", "theme Sanctions") is a selection too. A new clickable
field is one ``Filter`` line in ``FILTERS``.
"""
from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

import numpy as np
import pandas as pd

from framing.scoring.measures import MEASURES
from framing.statistics.aggregate import article_part
from framing.statistics.distinctive import term_pattern
from framing.statistics.periods import period_of_label

# mask(table, value, theme_column) -> a boolean Series over the table's rows
Mask = Callable[[pd.DataFrame, str, str], pd.Series]
def cue_kind_column(kind: str) -> str:
    """The count column of a row of Compare's cue chart ("Epistemic hedges"), from the declared measures."""
    return next((m.column for m in MEASURES if m.compare == "cues" and m.title == kind), "hedge_count")


def in_period(table: pd.DataFrame, label: str) -> pd.Series:
    """Rows dated within a week ("2024-06-17", its Monday), a month ("2024-06") or a quarter ("2024-Q2")."""
    period = period_of_label(label)
    return period.mask(table["date"]) if period else pd.Series(False, index=table.index)


@dataclass(frozen=True)
class Filter:
    field: str  # the field in chart data and in the URL
    noun: str  # what a reader calls it: "hedge category"
    mask: Mask


def equals(column: str) -> Mask:
    return lambda table, value, theme_column: table[column] == value


def _has_label(labels: pd.Series, value: str) -> pd.Series:
    """Whether each row's list of labels holds ``value`` (a comprehension: Series.map with a lambda took twice as long)."""
    return pd.Series([value in row for row in labels.to_numpy()], index=labels.index, dtype=bool)


def names(column: str) -> Mask:
    """The sentence's list of labels in ``column`` holds the value."""
    return lambda table, value, theme_column: _has_label(table[column], value)


FILTERS: dict[str, Filter] = {f.field: f for f in (
    Filter("outlet_group", "outlet", equals("outlet_group")),
    Filter("article_id", "article", equals("article_id")),
    Filter("story", "story", equals("story")),
    Filter("sentence_id", "sentence", equals("sentence_id")),
    Filter("speaker", "speaker", equals("speaker")),
    Filter("hedge_category", "hedge category", names("hedge_categories")),
    Filter("booster_category", "booster category",
           lambda table, value, _: table["boosters"].map(lambda cues: any(c["category"] == value for c in cues))),
    Filter("theme", "theme", lambda table, value, theme_column: _has_label(table[theme_column], value)),
    # A table of scored mentions (framing.scoring.portrayal) says which actor each row speaks of; a sentence naming
    # two actors is then one row per actor, and a click on one actor's mark must not bring the other's.
    Filter("actor", "actor", lambda table, value, theme_column: (table["mention_of"] == value) if "mention_of" in table
           else names("actors")(table, value, theme_column)),
    Filter("voice", "voice", lambda table, value, _: table["quoted"] == (value == "quoted")),
    Filter("cue_kind", "cue", lambda table, value, _: table[cue_kind_column(value)] > 0),
    Filter("term", "term", lambda table, value, _: table["text"].str.contains(term_pattern(value))),
    Filter("period", "period", lambda table, value, _: in_period(table, value)),
    Filter("part", "part of the article", lambda table, value, _: article_part(table["position"]) == value),
    Filter("stance", "stance toward the actor", lambda table, value, _: (table["stance"] == value) if "stance" in table
           else pd.Series(False, index=table.index)),
)}


def mask(table: pd.DataFrame, selection: dict | None, theme_column: str = "themes") -> np.ndarray:
    """Which of ``table``'s rows a selection means, one bool per row. Unknown fields are ignored; an empty selection
    means every row."""
    keep = np.ones(len(table), dtype=bool)
    for field, value in (selection or {}).items():
        if field in FILTERS:
            keep &= FILTERS[field].mask(table, value, theme_column).astype(bool).to_numpy()
    return keep


def apply(table: pd.DataFrame, selection: dict | None, theme_column: str = "themes") -> pd.DataFrame:
    """The sentences a selection means (``mask``'s rows)."""
    return table[mask(table, selection, theme_column)]


def describe(selection: dict) -> str:
    return " · ".join(f"{FILTERS[k].noun if k in FILTERS else k}: {v}" for k, v in selection.items())
