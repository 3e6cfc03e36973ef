"""CSV for people and spreadsheets: every CSV the app offers and the command line writes goes through here."""
from __future__ import annotations

import json

import pandas as pd

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def spreadsheet_safe(value):
    """A text cell a spreadsheet would run as a formula ("=HYPERLINK(…)", "@SUM(1)") gets a leading
    apostrophe, as OWASP recommends for CSV exports; anything else is returned as it is."""
    return "'" + value if isinstance(value, str) and value.startswith(FORMULA_STARTS) else value


def _json(value) -> str:
    """A list cell as JSON; named tuples (theme and actor matches) keep their field names."""
    return json.dumps([v._asdict() if hasattr(v, "_asdict") else v for v in value] if isinstance(value, (list, tuple))
                      and not hasattr(value, "_asdict") else value, ensure_ascii=False)


def table_to_csv(frame: pd.DataFrame, header: bool = True) -> str:
    """CSV for people and spreadsheets: list/dict cells (cues, themes) as JSON, so the file can be read back,
    and every text cell formula-safe (see spreadsheet_safe). JSONL and the saved corpus stay lossless."""
    frame = frame.copy()
    for column in frame.columns:
        if frame[column].dtype == object or pd.api.types.is_string_dtype(frame[column]):
            frame[column] = frame[column].map(lambda v: spreadsheet_safe(_json(v) if isinstance(v, (list, tuple, dict)) else v))
    return frame.to_csv(index=False, header=header)
