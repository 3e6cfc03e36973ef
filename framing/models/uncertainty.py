"""Sentence-level epistemic uncertainty: would a reader judge this claim less than certain?

The hedge cues say *which words* hedge; this says how likely the sentence as a whole is to be judged
uncertain. News and encyclopedic text disagree about what that means — human annotators of news
(FactBank) mark "expects", "whether", "if" and modals, annotators of Wikipedia mark weasel words such as
"many" and "some" — so the model is a gated mixture of two logistic regressions:

- a **news** expert, trained on the FactBank news sentences, that never sees approximators ("about
  1,500" is vagueness about an amount, not about a claim: their words are blanked);
- an **encyclopedic** expert, trained on the CoNLL-2010 Wikipedia sentences: a logistic regression over words,
  averaged with the **context reader** (``framing.models.context_reader``), a small transformer fine-tuned on the same sentences
  that reads each one whole (a claim said by nobody in particular, "it is often said that …"), where the model
  folder has one;
- a **gate**, a third logistic regression that says how news-like the sentence is (trained to tell the
  two training files apart); the probability is gate × news + (1 − gate) × encyclopedic.

Features are plain: the epistemic hedge cues the lexicon found (each cue, its category, how many), the
sentence's words and word pairs (the most frequent few thousand in training) and its length. Training the
three regressions needs only numpy (``python -m training.train_uncertainty``); their weights are a reviewable CSV
in ``data/models/`` and scoring them is a dictionary lookup. The reader is trained apart
(``python -m training.train_reader``, with torch) and run by onnxruntime.
"""
from __future__ import annotations

import csv
import json
import math
import re
import shutil
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

import numpy as np

from framing.models import context_reader

MODEL_DIR = Path(__file__).resolve().parents[2] / "data" / "models"
MODEL_WEIGHTS = MODEL_DIR / "uncertainty_weights.csv"
MODEL_CARD = MODEL_DIR / "uncertainty.json"

_TOKEN = re.compile(r"[a-z]+(?:['’-][a-z]+)*")
LENGTH_BUCKETS = (20, 30, 40, 60)


def cue_features(text: str, hedges: list[dict]) -> set[str]:
    """What the epistemic hedge cues say: cue:<cue>, cat:<category>, cues>=k, and the length, len>k."""
    return _cue_features(_TOKEN.findall(text.lower()), hedges)


def _cue_features(tokens: list[str], hedges: list[dict]) -> set[str]:
    cues = [c["cue"].lower() for c in hedges]
    found = {f"cue:{c}" for c in cues}
    found.update(f"cat:{c['category']}" for c in hedges)
    found.update(f"cues>={k}" for k in (1, 2, 3) if len(cues) >= k)
    found.update(f"len>{k}" for k in LENGTH_BUCKETS if len(tokens) > k)
    return found


def word_features(text: str) -> set[str]:
    """w:<word> and b:<word pair>, lower case."""
    tokens = _TOKEN.findall(text.lower())
    found = {f"w:{t}" for t in tokens}
    found.update(f"b:{a} {b}" for a, b in zip(tokens, tokens[1:]))
    return found


def features(text: str, hedges: list[dict], approximators: list[dict] = ()) -> set[str]:
    """The news expert's features: the cues only. Its few weights transfer to news it never saw better than
    word weights learned from 1,600 sentences; and approximators ("about 1,500": vagueness about an amount,
    not about a claim) cannot count, because it never sees them."""
    return cue_features(text, hedges)


def encyclopedic_features(text: str, hedges: list[dict], approximators: list[dict] = ()) -> set[str]:
    """The encyclopedic expert's: the cues, the words, and approximators — Wikipedia's annotators count vague
    quantities ("many", "some") as weasel words."""
    found = cue_features(text, hedges) | word_features(text)
    found.update(f"acat:{c['category']}" for c in approximators)
    return found


def gate_features(text: str, hedges: list[dict] = (), approximators: list[dict] = ()) -> set[str]:
    """What tells news from encyclopedic prose: its words, reported speech, quotes, first person, numbers."""
    return word_features(text) | _sentence_signals(text)


_REPORTED = re.compile(r"\b(?:said|says|told)\b")
_QUOTE = re.compile(r"[\"“”]|``|''")
_FIRST_PERSON = re.compile(r"\b(?:I|we|you|my|our)\b")
_DIGIT = re.compile(r"\d")


@lru_cache(maxsize=8192)  # one string per feature, however many sentences it explains
def describe_feature(name: str) -> str:
    kind, _, value = name.partition(":")
    if kind in ("w", "b"):
        return f"“{value}”"
    if kind == "cue":
        return f"hedge cue “{value}”"
    if kind == "cat":
        return f"a {value.replace('_', ' ')} hedge"
    if kind == "acat":
        return f"a {value.replace('_', ' ')}"
    if kind == "reader":
        return f"the sentence read whole at {value}"
    if kind == "s":
        return {"reported": "reported speech", "quote": "a quotation", "first_person": "first person",
                "digit": "a number"}.get(value, value)
    if name.startswith("cues>="):
        count = name.removeprefix("cues>=")
        return "a hedge cue" if count == "1" else f"{count}+ hedge cues"
    return f"over {name.removeprefix('len>')} words"


@dataclass
class Logistic:
    """One logistic regression over binary features."""

    bias: float
    weights: dict[str, float]
    card: dict = field(default_factory=dict)  # how it was trained: settings, sizes

    def __post_init__(self):
        # Scoring looks words and word pairs up as they come from the sentence, without building "w:<word>" names.
        self._words = {f[2:]: w for f, w in self.weights.items() if f.startswith("w:")}
        self._pairs = {tuple(f[2:].split(" ", 1)): w for f, w in self.weights.items() if f.startswith("b:")}
        self._other = {f: w for f, w in self.weights.items() if not f.startswith(("w:", "b:"))}

    def weighted(self, found: set[str]) -> tuple[float, list[tuple[float, str]]]:
        """The probability, and each present feature's weight, largest first."""
        weighted = sorted(((self.weights.get(f, 0.0), f) for f in found), reverse=True)
        return _sigmoid(self.bias + sum(weight for weight, _ in weighted)), weighted

    def probability(self, words: set[str], pairs: set[tuple[str, str]], other: set[str]) -> float:
        """The same probability as ``weighted`` for the features w:<word>, b:<pair> and ``other``, faster."""
        get_word, get_pair, get_other = self._words.get, self._pairs.get, self._other.get
        return _sigmoid(self.bias + sum(get_word(t, 0.0) for t in words) + sum(get_pair(p, 0.0) for p in pairs)
                        + sum(get_other(f, 0.0) for f in other))

    def raised_by(self, words: set[str], pairs: set[tuple[str, str]], other: set[str], top: int = 3) -> list[str]:
        """The ``top`` features with the largest weights, those above 0.05, in words."""
        # Only features above 0.05 can be named, and ties sort by name: "w:<word>" and "b:<pair>" as in ``weighted``.
        words_, pairs_, other_ = self._words, self._pairs, self._other
        weighted = [(w, f"w:{t}") for t in words if (w := words_.get(t, 0.0)) > 0.05]
        weighted += [(w, f"b:{p[0]} {p[1]}") for p in pairs if (w := pairs_.get(p, 0.0)) > 0.05]
        weighted += [(w, f) for f in other if (w := other_.get(f, 0.0)) > 0.05]
        return [describe_feature(f) for _, f in sorted(weighted, reverse=True)[:top]]


def _sigmoid(score: float) -> float:
    return 1.0 / (1.0 + math.exp(-max(min(score, 35.0), -35.0)))


def _sentence_features(text: str, hedges: list[dict], approximators: list[dict]):
    """The sentence's words, word pairs, cue features, the encyclopedic expert's features and the gate's signals,
    with its words found once for all three models."""
    tokens = _TOKEN.findall(text.lower())
    cues = _cue_features(tokens, hedges)
    return (set(tokens), set(zip(tokens, tokens[1:])), cues, cues | {f"acat:{c['category']}" for c in approximators},
            _sentence_signals(text))


def _sentence_signals(text: str) -> set[str]:
    """The gate's features beyond words: reported speech, quotes, first person, numbers."""
    found = set()
    if _REPORTED.search(text):
        found.add("s:reported")
    if _QUOTE.search(text):
        found.add("s:quote")
    if _FIRST_PERSON.search(text):
        found.add("s:first_person")
    if _DIGIT.search(text):
        found.add("s:digit")
    return found


@dataclass
class Model:
    """The gated mixture: gate × news expert + (1 − gate) × encyclopedic expert, where the encyclopedic expert is
    (1 − w) × its word regression + w × the context reader (w = ``reader_weight``; 0 without a reader)."""

    parts: dict[str, Logistic]  # "news", "encyclopedic", "gate"
    threshold: float = 0.5
    card: dict = field(default_factory=dict)  # how it was trained: data, their hashes, settings
    reader_dir: Path | None = None  # the folder holding the context reader (framing/models/context_reader.py), if any
    reader_weight: float = 0.0

    @property
    def reader(self) -> context_reader.ContextReader | None:
        return context_reader.reader_in(str(self.reader_dir)) if self.reader_dir and self.reader_weight else None

    def read(self, texts: list[str]) -> np.ndarray:
        """The context reader's probability for each text (zeros without a reader: it then has no weight)."""
        return self.reader.probabilities(texts) if self.reader else np.zeros(len(texts))

    def read_one(self, text: str) -> float:
        return float(self.read([text])[0])

    def assess(self, text: str, hedges: list[dict], approximators: list[dict] = (), top: int = 3,
               reader_probability: float | None = None) -> tuple[float, list[str]]:
        """The probability that the sentence is uncertain, and the features that raised it most, in words
        (those of the expert that carries more of the weight). ``reader_probability`` is the context reader's,
        when the caller has read the sentence already (framing.scoring.parts does, once per article, in its text part).

        The same as scoring ``gate_features``, ``features`` and ``encyclopedic_features`` with each part's
        ``weighted``, with the sentence's words found once for all three."""
        if reader_probability is None:
            reader_probability = self.read_one(text)
        words, pairs, cues, encyclopedic, signals = _sentence_features(text, hedges, approximators)
        gate, news, ency = self._experts(words, pairs, cues, encyclopedic, signals, reader_probability)
        probability = gate * news + (1 - gate) * ency
        if gate >= 0.5:
            reasons = self.parts["news"].raised_by(set(), set(), cues, top)
        else:
            reasons = self.parts["encyclopedic"].raised_by(words, pairs, encyclopedic, top)
            if self.reader_weight and reader_probability >= 0.5:  # the reader carries its share of the verdict
                reasons = [describe_feature(f"reader:{reader_probability:.2f}")] + reasons[:top - 1]
        return probability, reasons

    def experts(self, text: str, hedges: list[dict], approximators: list[dict] = (),
                reader_probability: float | None = None) -> tuple[float, float, float]:
        """The gate (how news-like the sentence is), the news expert's and the encyclopedic expert's probabilities:
        ``assess`` mixes them as gate × news + (1 − gate) × encyclopedic."""
        if reader_probability is None:
            reader_probability = self.read_one(text)
        return self._experts(*_sentence_features(text, hedges, approximators), reader_probability)

    def _experts(self, words, pairs, cues, encyclopedic, signals, reader_probability: float) -> tuple[float, float, float]:
        linear = self.parts["encyclopedic"].probability(words, pairs, encyclopedic)
        return (self.parts["gate"].probability(words, pairs, signals), self.parts["news"].probability(set(), set(), cues),
                (1 - self.reader_weight) * linear + self.reader_weight * reader_probability)

    def with_reader(self, directory: Path | None, weight: float) -> Model:
        """The same regressions with the context reader in ``directory`` given ``weight`` in the encyclopedic expert."""
        return Model(self.parts, self.threshold, dict(self.card), Path(directory) if directory else None,
                     weight if directory else 0.0)

    def save(self, directory: Path) -> None:
        directory.mkdir(parents=True, exist_ok=True)
        with (directory / MODEL_WEIGHTS.name).open("w", newline="", encoding="utf-8") as f:
            writer = csv.writer(f, lineterminator="\n")
            writer.writerow(["model", "feature", "weight"])
            for name, part in self.parts.items():
                for feature, weight in sorted(part.weights.items(), key=lambda kv: (-abs(kv[1]), kv[0])):
                    writer.writerow([name, feature, f"{weight:.6f}"])
        card = dict(self.card, threshold=self.threshold, reader_weight=self.reader_weight,
                    parts={name: dict(part.card, bias=round(part.bias, 6)) for name, part in self.parts.items()})
        if self.reader_dir and Path(self.reader_dir).resolve() != directory.resolve():
            for name in (context_reader.READER_MODEL, context_reader.READER_TOKENIZER, context_reader.READER_CARD):
                shutil.copyfile(Path(self.reader_dir) / name, directory / name)
        (directory / MODEL_CARD.name).write_text(json.dumps(card, indent=2, ensure_ascii=False) + "\n", "utf-8")


def load(directory: Path | None = None) -> Model:
    directory = directory or MODEL_DIR
    card = json.loads((directory / MODEL_CARD.name).read_text("utf-8"))
    weights: dict[str, dict[str, float]] = {name: {} for name in card["parts"]}
    with (directory / MODEL_WEIGHTS.name).open(newline="", encoding="utf-8") as f:
        for row in csv.DictReader(f):
            weights[row["model"]][row["feature"]] = float(row["weight"])
    parts = {name: Logistic(info.pop("bias"), weights[name], info) for name, info in card.pop("parts").items()}
    reader_weight = float(card.pop("reader_weight", 0.0))
    has_reader = context_reader.available(directory) and reader_weight > 0
    return Model(parts, card.pop("threshold"), card, directory if has_reader else None, reader_weight if has_reader else 0.0)


@lru_cache(maxsize=4)
def shipped_model(directory: str | None = None) -> Model:
    return load(Path(directory) if directory else None)
