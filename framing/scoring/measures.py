"""Every per-sentence measure, declared once.

A measure is a function of one ``Sentence`` plus one ``Measure`` line in ``MEASURES``. From these
declarations come the sentence table's columns and Parquet types, the command line's fields, every summary
(``framing.statistics.aggregate.summarise``: a mean, a rate per 1,000 words or a share of sentences, each with
its interval), Compare's rows, the click filters, the passage sorts, the Articles table's columns and the score
line under each passage in the app. Nothing else lists measures by hand.
"""
from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from framing.language.lexicon import Lexicons, Match, as_cues
from framing.language.voice import QUOTED_THRESHOLD
from framing.models import uncertainty
from framing.models.tone import tone_scores

AGGREGATES = ("mean", "per_1k_words", "share", None)
KINDS = ("number", "count", "flag", "labels")  # a value's type: float, whole number, yes/no, list of words
NEUTRAL_BAND = 0.05  # |tone| below this is neutral


class _once:  # noqa: N801 — used as a decorator, like the functools.cached_property it stands in for
    """A property worked out on first use and kept in the instance: functools.cached_property without the lock it takes
    on every first use in Python 3.11 (six per sentence here: 2% of the cue parts' instructions, cachegrind)."""

    def __init__(self, work: Callable[[Any], Any]):
        self.work, self.name, self.__doc__ = work, work.__name__, work.__doc__

    def __set_name__(self, owner: type, name: str) -> None:
        self.name = name

    def __get__(self, instance: Any, owner: type | None = None) -> Any:
        if instance is None:
            return self
        value = instance.__dict__[self.name] = self.work(instance)  # kept: the next use reads the instance's attribute
        return value


class Sentence:
    """One sentence as the measures see it. Shared work (the tone engines, the cue lists, the
    uncertainty model) is done once, and only when a measure asks for it."""

    def __init__(self, text: str, lexicons: Lexicons | None, model: uncertainty.Model | None = None, quoted_share: float = 0.0,
                 tone_model_dir: str | None = None):
        self.text = text
        self.lexicons = lexicons
        self._model = model
        self.quoted_share = quoted_share
        self._tone_model_dir = tone_model_dir  # another tone model's folder (training.evaluate's folds); None: the shipped one

    @_once
    def model(self) -> uncertainty.Model:
        return self._model or uncertainty.shipped_model()

    @_once
    def tone(self) -> dict[str, float]:
        return tone_scores(self.text, self._tone_model_dir)

    @_once
    def matches(self) -> dict[str, list[Match]]:
        """Every lexicon's matches, by list name (framing.language.lexicon.Lexicons.scan: the words are found once for all)."""
        return self.lexicons.scan(self.text)

    @_once
    def hedges(self) -> list[dict]:
        return as_cues(self.text, self.matches["hedges"])

    def _outside_hedges(self, cues: list[dict]) -> list[dict]:
        spans = [(h["start"], h["end"]) for h in self.hedges]
        return [c for c in cues if not any(s <= c["start"] and c["end"] <= e for s, e in spans)]

    @_once
    def approximators(self) -> list[dict]:
        return self._outside_hedges(as_cues(self.text, self.matches["approximators"]))

    @_once
    def boosters(self) -> list[dict]:
        # A booster inside a hedge ("clear" in "not clear") is part of the hedge, not a booster.
        return self._outside_hedges(as_cues(self.text, self.matches["boosters"]))

    @_once
    def uncertainty(self) -> tuple[float, list[str]]:
        return self.model.assess(self.text, self.hedges, self.approximators)


@dataclass(frozen=True)
class Measure:
    column: str  # its column in the sentence table (and field in the CLI's output)
    label: str  # what a reader sees: passage score line, chart titles, tooltips
    compute: Callable[[Sentence], Any]
    aggregate: str | None  # "mean" (with a 95% CI), "per_1k_words" (a count), "share" (a flag), or None
    fmt: str = "+.2f"  # how one value is written in a passage
    summary: str = ""  # its column in summaries; by default derived from the column and the aggregate
    total: str = ""  # per_1k_words only: the summary column holding the plain count
    in_passage: bool = True
    in_cli: bool = True
    explain: str = ""  # a list column whose items are shown after the value in a passage ("raised by …")
    needs_paragraph: bool = False  # needs more than the sentence itself (quotes run across sentences): not in `score`
    needs_lexicons: bool = False  # reads what the lexicons find: recomputed, alone, when a lexicon is edited
    kind: str = ""  # "number", "count", "flag" or "labels"; by default what the aggregate implies
    compare: str = ""  # Compare's chart for it: "tone" (the tone engine picked), "cues" (per 1,000 words), any other
    #                    title for a chart of its own, or "" for none
    in_articles: bool = False  # a column of the Articles table
    sort: str = ""  # a passage sort ("most hedged"); ``sort_ascending`` says its direction
    sort_ascending: bool = False

    def __post_init__(self):
        if self.aggregate not in AGGREGATES:
            raise ValueError(f"{self.column}: aggregate must be one of {AGGREGATES}")
        if self.value_kind not in KINDS:
            raise ValueError(f"{self.column}: kind must be one of {KINDS}")

    @property
    def value_kind(self) -> str:
        return self.kind or {"mean": "number", "per_1k_words": "count", "share": "flag", None: "number"}[self.aggregate]

    @property
    def counts_events(self) -> bool:
        """Aggregated as a rate of things counted (cues per 1,000 words) or a share of sentences flagged: a group with
        none has seen none, which an interval must not read as certainly none."""
        return self.aggregate in ("per_1k_words", "share")

    @property
    def title(self) -> str:
        """The label as a chart row or heading starts it ("Epistemic hedges")."""
        return self.label[:1].upper() + self.label[1:]

    @property
    def summary_column(self) -> str:
        if self.summary:
            return self.summary
        return {"mean": f"mean_{self.column}", "per_1k_words": f"{self.column}_per_1k_words",
                "share": f"{self.column}_share", None: self.column}[self.aggregate]

    @property
    def summary_columns(self) -> list[str]:
        """Every column a summary gets from this measure: (a count's total,) its value and the value's interval."""
        if not self.aggregate:
            return []
        value = self.summary_column
        total = [self.total or self.column] if self.aggregate == "per_1k_words" else []
        return total + [value, f"{value}_ci_low", f"{value}_ci_high"]

    def passage_text(self, row) -> str:
        value = row[self.column]
        text = f"{self.label} {format(value, self.fmt) if self.fmt else value}"
        reasons = row.get(self.explain) if self.explain else None
        if reasons is not None and len(reasons):
            text += f" (raised by {', '.join(reasons)})"
        return text


MEASURES: list[Measure] = [
    # The three tone engines (tone is the news tone model, the default); Compare's tone chart draws the one picked in the sidebar.
    Measure("tone", "tone", lambda s: s.tone["tone"], "mean", compare="tone", in_articles=True,
            sort="most negative", sort_ascending=True),
    Measure("polarity", "polarity", lambda s: s.tone["polarity"], "mean"),
    Measure("subjectivity", "subjectivity", lambda s: s.tone["subjectivity"], "mean", ".2f"),
    Measure("vader", "VADER", lambda s: s.tone["vader"], "mean", in_passage=False),
    Measure("negative", "negative", lambda s: s.tone["tone"] < -NEUTRAL_BAND, "share", summary="share_negative",
            in_passage=False, in_cli=False),
    Measure("positive", "positive", lambda s: s.tone["tone"] > NEUTRAL_BAND, "share", summary="share_positive",
            in_passage=False, in_cli=False),
    Measure("hedge_count", "epistemic hedges", lambda s: len(s.hedges), "per_1k_words", "d",
            summary="hedges_per_1k_words", total="hedges", in_cli=False, needs_lexicons=True, compare="cues",
            in_articles=True, sort="most hedged"),
    Measure("approximator_count", "approximators", lambda s: len(s.approximators), "per_1k_words", "d",
            summary="approximators_per_1k_words", total="approximators", in_cli=False, needs_lexicons=True,
            compare="cues", in_articles=True),
    Measure("booster_count", "boosters", lambda s: len(s.boosters), "per_1k_words", "d",
            summary="boosters_per_1k_words", total="boosters", in_cli=False, needs_lexicons=True, compare="cues",
            in_articles=True),
    Measure("hedged", "hedged (epistemic)", lambda s: bool(s.hedges), "share", summary="hedged_sentence_share",
            in_passage=False, in_cli=False, needs_lexicons=True),
    Measure("boosted", "boosted", lambda s: bool(s.boosters), "share", summary="boosted_sentence_share",
            in_passage=False, in_cli=False, needs_lexicons=True),
    Measure("uncertainty", "uncertainty", lambda s: round(s.uncertainty[0], 4), "mean", ".2f",
            explain="uncertainty_reasons", needs_lexicons=True),
    Measure("uncertain", "uncertain", lambda s: s.uncertainty[0] >= s.model.threshold, "share",
            summary="uncertain_sentence_share", in_passage=False, needs_lexicons=True),
    Measure("uncertainty_reasons", "raised by", lambda s: s.uncertainty[1], None, in_passage=False, needs_lexicons=True,
            kind="labels"),
    Measure("quoted", "quoted", lambda s: s.quoted_share >= QUOTED_THRESHOLD, "share", summary="quoted_share",
            in_passage=False, needs_paragraph=True, in_articles=True),
]


def measure(column: str) -> Measure:
    """The declared measure of a sentence-table column (a tone engine's, for instance)."""
    return next(m for m in MEASURES if m.column == column)
