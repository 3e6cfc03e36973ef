"""From a clicked chart mark to the passages behind it. Pure functions, unit-tested.

A selection is a dict of canonical field → value, e.g. ``{"outlet_group": "PRIO Blogs",
"hedge_category": "modal"}``. Chart data uses these same column names so a clicked mark's fields
are the filter. In the URL a selection is ``chart~field=value|field=value``.
"""
from __future__ import annotations

from urllib.parse import quote, unquote

import pandas as pd

SELECTABLE_FIELDS = (
    "outlet_group", "article_id", "sentence_id", "speaker", "hedge_category", "booster_category", "theme", "actor", "voice",
)


def filter_passages(table: pd.DataFrame, selection: dict | None, theme_column: str = "themes") -> pd.DataFrame:
    """The sentences behind a mark. Unknown fields are ignored; an empty selection returns the table."""
    if not selection:
        return table
    mask = pd.Series(True, index=table.index)
    for field, value in selection.items():
        if field in ("outlet_group", "article_id", "sentence_id", "speaker"):
            mask &= table[field] == value
        elif field == "hedge_category":
            mask &= table["hedge_categories"].map(lambda cats: value in cats)
        elif field == "booster_category":
            mask &= table["boosters"].map(lambda cues: any(c["category"] == value for c in cues))
        elif field == "theme":
            mask &= table[theme_column].map(lambda labels: value in labels)
        elif field == "actor":
            mask &= table["actors"].map(lambda labels: value in labels)
        elif field == "voice":
            mask &= table["quoted"] == (value == "quoted")
    return table[mask]


def selection_from_event(event, param: str = "pick") -> dict:
    """The first selected point of an ``st.altair_chart(on_select="rerun")`` event, canonical fields only."""
    try:
        points = event.selection[param]
    except (AttributeError, KeyError, TypeError):
        return {}
    if not points:
        return {}
    point = points[0]
    return {k: v for k, v in point.items() if k in SELECTABLE_FIELDS and isinstance(v, str)}


def encode_mark(chart_key: str, selection: dict) -> str:
    return chart_key + "~" + "|".join(f"{k}={quote(str(v), safe='')}" for k, v in sorted(selection.items()))


def decode_mark(text: str | None) -> tuple[str, dict]:
    """Inverse of encode_mark; anything malformed decodes to ('', {})."""
    if not text or "~" not in text:
        return "", {}
    chart_key, _, rest = text.partition("~")
    selection = {}
    for part in rest.split("|"):
        field, sep, value = part.partition("=")
        if not sep or field not in SELECTABLE_FIELDS:
            return "", {}
        selection[field] = unquote(value)
    return chart_key, selection


def describe(selection: dict) -> str:
    names = {"outlet_group": "outlet", "article_id": "article", "sentence_id": "sentence", "hedge_category": "hedge category",
             "booster_category": "booster category"}
    return " · ".join(f"{names.get(k, k)}: {v}" for k, v in selection.items())
