"""A publication date as researchers have it, read into an ISO date (YYYY-MM-DD), or said not to be one.

Read: ISO dates and timestamps ("2024-06-19", "2024-06-19T14:30:00Z", "2024/06/19"), month names ("June 19, 2024",
"Wed, 19 Jun 2024 14:30", "19th June 2024"), numbers with slashes, dots or dashes ("19/06/2024", "6/19/24") and Unix
timestamps (seconds or milliseconds, read in UTC). A timestamp keeps the calendar date it states, whatever its time
zone: the date the outlet printed.

"05/06/2024" is the 5th of June to one reader and May 6th to another. ``numeric_order`` looks at every date of a file
for one that settles it (a first number above 12 is a day: day/month; a second above 12: month/day); with no such
date, day/month is assumed, and every date read that way says so, for the user to correct.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import UTC, date, datetime

import pandas as pd

DAY_FIRST, MONTH_FIRST = "day/month", "month/day"
_MONTHS = {name: n for n, names in enumerate([
    ("january", "jan"), ("february", "feb"), ("march", "mar"), ("april", "apr"), ("may",), ("june", "jun"),
    ("july", "jul"), ("august", "aug"), ("september", "sep", "sept"), ("october", "oct"), ("november", "nov"),
    ("december", "dec")], start=1) for name in names}
_MONTH = r"(?P<month>" + "|".join(sorted(_MONTHS, key=len, reverse=True)) + r")\.?"
_WEEKDAY = r"(?:(?:mon|tue|tues|wed|thu|thur|thurs|fri|sat|sun)(?:day|nesday|sday|urday)?\.?,?\s+)?"
_TIME = r"(?:(?:,|\s|t|\||at)+\d{1,2}[:.]\d\d.*)?"  # a time after the date, and whatever follows it (zone, "ET")
_DAY = r"(?P<day>\d{1,2})(?:st|nd|rd|th)?"
_YEAR = r"(?P<year>\d{4})"

_PATTERNS = [
    re.compile(rf"^{_YEAR}[-/.](?P<month>\d{{1,2}})[-/.]{_DAY}{_TIME}$"),  # ISO, and 2024/06/19
    re.compile(rf"^{_YEAR}(?P<month>\d\d)(?P<day>\d\d)$"),  # 20240619
    re.compile(rf"^{_WEEKDAY}{_MONTH}\s+{_DAY},?\s+{_YEAR}{_TIME}$"),  # June 19, 2024
    re.compile(rf"^{_WEEKDAY}{_DAY}(?:\s+of)?\s+{_MONTH},?\s+{_YEAR}{_TIME}$"),  # 19 June 2024
]
_NUMERIC = re.compile(r"^(?P<first>\d{1,2})(?P<sep>[/.-])(?P<second>\d{1,2})(?P=sep)(?P<year>\d{4}|\d{2})" + _TIME + "$")
_EPOCH = re.compile(r"^\d{9,10}(?:\.\d+)?$|^\d{12,13}$")
FIRST_YEAR, LAST_YEAR = 1800, 2100


@dataclass(frozen=True)
class DateReading:
    iso: str  # YYYY-MM-DD, or "" when the text is not a date this module reads
    how: str  # how it was read, for the article's date source ("read as day/month"); "" for an unremarkable date
    ambiguous: bool = False  # a numeric date whose order the file did not settle


def numeric_order(texts) -> str | None:
    """Day/month or month/day, as a file's numeric dates settle it; None when none settles it, or they disagree."""
    orders = set()
    for text in texts:
        match = _NUMERIC.match(str(text).strip().lower()) if text else None
        if match:
            first, second = int(match["first"]), int(match["second"])
            if first > 12 >= second:
                orders.add(DAY_FIRST)
            elif second > 12 >= first:
                orders.add(MONTH_FIRST)
    return orders.pop() if len(orders) == 1 else None


# A numeric date standing as a value of its own in a CSV or JSON file: after a line start, a comma, a tab or a quote,
# before a quote, a comma, a line end or a time. Dates inside article text do not count.
_FIELD_DATE = re.compile(r'(?:^|[,\t"])[ ]*(\d{1,2}[/.-]\d{1,2}[/.-](?:\d{4}|\d{2}))(?=[",\t\r\n]|[ ]+\d{1,2}:|$)', re.M)


def numeric_dates_order(text: str) -> str | None:
    """``numeric_order`` of the numeric dates that are fields of a CSV or JSON lines file's text."""
    return numeric_order(_FIELD_DATE.findall(text))


def read_date(text: str, order: str | None = None) -> DateReading:
    """``text`` as an ISO date; ``order`` settles numeric dates such as 05/06/2024 (``numeric_order`` of the file)."""
    value = re.sub(r"\s+", " ", str(text or "")).strip().lower()
    if not value:
        return DateReading("", "")
    for pattern in _PATTERNS:
        if match := pattern.match(value):
            month = match["month"]
            return _checked(match["year"], _MONTHS.get(month) or int(month), match["day"], "")
    if match := _NUMERIC.match(value):
        first, second, year = int(match["first"]), int(match["second"]), match["year"]
        if len(year) == 2:  # "6/19/24": this century, unless that would be in the future
            year = str(2000 + int(year) if 2000 + int(year) <= date.today().year else 1900 + int(year))
        if first > 12 or (second <= 12 and order == DAY_FIRST):
            return _checked(year, second, first, "" if first > 12 else f"{text!r} read as {DAY_FIRST}")
        if second > 12 or order == MONTH_FIRST:
            return _checked(year, first, second, "" if second > 12 else f"{text!r} read as {MONTH_FIRST}")
        reading = _checked(year, second, first, f"{text!r} read as {DAY_FIRST}; it could be {MONTH_FIRST}, and no "
                                                f"date in the same file tells")
        return DateReading(reading.iso, reading.how, bool(reading.iso))
    if _EPOCH.match(value):
        seconds = float(value) / (1000 if len(value) >= 12 and "." not in value else 1)
        moment = datetime.fromtimestamp(seconds, tz=UTC)
        return _checked(str(moment.year), moment.month, moment.day, f"{text!r} read as a Unix timestamp (UTC)")
    return DateReading("", "")


def _checked(year: str, month: int, day: str | int, how: str) -> DateReading:
    try:
        when = date(int(year), int(month), int(day))
    except ValueError:  # 2024-02-30, month 13
        return DateReading("", "")
    if not FIRST_YEAR <= when.year <= LAST_YEAR:
        return DateReading("", "")
    return DateReading(when.isoformat(), how)


def day_of(text) -> date | None:
    """An ISO date (or the date part of an ISO timestamp) as a date; None for "unknown" or anything else."""
    text = str(text)
    try:
        return date.fromisoformat(text[:10]) if len(text) >= 10 else None
    except ValueError:
        return None


@dataclass(frozen=True)
class Period:
    """A stretch of days, both ends included (ISO dates)."""
    first: str
    last: str

    def __post_init__(self):
        if not (day_of(self.first) and day_of(self.last)) or self.first > self.last:
            raise ValueError(f"not a period: {self.first!r} … {self.last!r}")

    def mask(self, dates: pd.Series) -> pd.Series:
        """Rows whose date is in the period (ISO dates compare as text; "unknown" is in none)."""
        inside = {value: (day := day_of(value)) is not None and self.first <= day.isoformat() <= self.last
                  for value in pd.unique(dates)}  # once per distinct date: a corpus has far fewer dates than sentences
        return dates.map(inside).astype(bool)

    def describe(self) -> str:
        return f"{_written(self.first)} – {_written(self.last)}"

    def encode(self) -> str:
        return f"{self.first}..{self.last}"

    @classmethod
    def decode(cls, text: str | None) -> Period | None:
        """Inverse of ``encode``; anything malformed decodes to None."""
        first, sep, last = str(text or "").partition("..")
        try:
            return cls(first, last) if sep else None
        except ValueError:
            return None


def _written(iso: str) -> str:
    day = date.fromisoformat(iso)
    return f"{day.day} {day.strftime('%b')} {day.year}"
