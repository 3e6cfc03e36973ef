"""CSV for people and spreadsheets: every CSV the app offers and the command line writes goes through here."""
from __future__ import annotations

import json
from collections.abc import Mapping

import pandas as pd

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def spreadsheet_safe(value):
    """A text cell a spreadsheet would run as a formula ("=HYPERLINK(…)", "@SUM(1)") gets a leading
    apostrophe, as OWASP recommends for CSV exports; anything else is returned as it is."""
    return "'" + value if isinstance(value, str) and value.startswith(FORMULA_STARTS) else value


def _json(value, fields: tuple[str, ...] | None = None) -> str:
    """A list cell as JSON; records kept as plain tuples (theme and actor matches) with their field names."""
    if fields:
        value = [dict(zip(fields, v)) for v in value]
    return json.dumps(value, ensure_ascii=False)


def table_to_csv(frame: pd.DataFrame, header: bool = True, record_fields: Mapping[str, tuple[str, ...]] | None = None) -> str:
    """CSV for people and spreadsheets: list/dict cells (cues, themes) as JSON, so the file can be read back,
    and every text cell formula-safe (see spreadsheet_safe). JSONL and the saved corpus stay lossless.
    ``record_fields``: for a column of plain tuples, their field names (``framing.language.term_match.RECORD_FIELDS``)."""
    frame = frame.copy()
    for column in frame.columns:
        if frame[column].dtype == object or pd.api.types.is_string_dtype(frame[column]):
            fields = (record_fields or {}).get(column)
            frame[column] = frame[column].map(
                lambda v, fields=fields: spreadsheet_safe(_json(v, fields) if isinstance(v, (list, tuple, dict)) else v))
    return frame.to_csv(index=False, header=header)
