"""From a clicked chart mark to the URL and back. Pure functions, unit-tested.

In the URL a selection is ``chart~field=value|field=value``; the fields are those of
``framing.statistics.filters.FILTERS``, which also turns a selection into its sentences.
"""
from __future__ import annotations

from urllib.parse import quote, unquote

from framing.statistics.filters import FILTERS


def selection_from_event(event, param: str = "pick") -> dict:
    """The first selected point of an ``st.altair_chart(on_select=…)`` event, filter fields only."""
    try:
        points = event.selection[param]
    except (AttributeError, KeyError, TypeError):
        return {}
    if not points:
        return {}
    point = points[0]
    return {k: v for k, v in point.items() if k in FILTERS and isinstance(v, str)}


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
        if not sep or field not in FILTERS:
            return "", {}
        selection[field] = unquote(value)
    return chart_key, selection
