"""Sentence-level epistemic uncertainty: would a reader judge this claim less than certain?

The hedge cues say *which words* hedge; this says how likely the sentence as a whole is to be judged
uncertain. News and encyclopedic text disagree about what that means — human annotators of news
(FactBank) mark "expects", "whether", "if" and modals, annotators of Wikipedia mark weasel words such as
"many" and "some" — so there are two models, and the genre of the corpus picks one; nothing guesses it
sentence by sentence:

- **news** (the default: the articles are news): a logistic regression over the epistemic hedge cues,
  trained on the FactBank news sentences. It never sees approximators ("about 1,500" is vagueness about an
  amount, not about a claim);
- **encyclopedic** (chosen explicitly, for corpora that are not news): a logistic regression over the cues,
  approximators, words and word pairs, trained on the CoNLL-2010 Wikipedia sentences, averaged with the
  **context reader** (``framing.models.context_reader``), a small transformer fine-tuned on the same sentences
  that reads each one whole (a claim said by nobody in particular, "it is often said that …").

An earlier version mixed the two through a learned gate per sentence; on news the gate handed a third of
modern news sentences to the encyclopedic model, which missed plainly hedged ones ("may also need to be
consulted" at 0.29), and the reader cost nine tenths of all scoring. Training the regressions needs only
numpy (``python -m training.train_uncertainty``); their weights are a reviewable CSV in ``data/models/``
and scoring them is a dictionary lookup. The reader is trained apart (``python -m training.train_reader``,
with torch) and run by onnxruntime, only on the encyclopedic path.
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


def _article(word: str) -> str:
    return "an" if word[:1] in "aeiou" else "a"


@lru_cache(maxsize=8192)  # one string per feature, however many sentences it explains
def describe_feature(name: str) -> str:
    kind, _, value = name.partition(":")
    if kind in ("w", "b"):
        return f"“{value}”"
    if kind == "cue":
        return f"hedge cue “{value}”"
    if kind == "cat":
        return f"{_article(value)} {value.replace('_', ' ')} hedge"
    if kind == "acat":
        return f"{_article(value)} {value.replace('_', ' ')}"
    if kind == "reader":
        return f"the sentence read whole at {value}"
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
    """The sentence's words, word pairs, its cue features and the encyclopedic model's, words found once."""
    tokens = _TOKEN.findall(text.lower())
    cues = _cue_features(tokens, hedges)
    return set(tokens), set(zip(tokens, tokens[1:])), cues, cues | {f"acat:{c['category']}" for c in approximators}


GENRES = ("news", "encyclopedic")  # which of the two models scores a corpus; news unless chosen otherwise


@dataclass
class Model:
    """The news model, or (``genre="encyclopedic"``) the encyclopedic one: (1 − w) × its word regression + w × the
    context reader (w = ``reader_weight``; 0 without a reader)."""

    parts: dict[str, Logistic]  # "news", "encyclopedic" (a genre's own part is all that genre scores)
    threshold: float = 0.5
    card: dict = field(default_factory=dict)  # how it was trained: data, their hashes, settings
    reader_dir: Path | None = None  # the folder holding the context reader (framing/models/context_reader.py), if any
    reader_weight: float = 0.0
    genre: str = "news"

    def __post_init__(self):
        if self.genre not in GENRES:
            raise ValueError(f"genre must be one of {', '.join(GENRES)}, not {self.genre!r}")

    @property
    def reader(self) -> context_reader.ContextReader | None:
        """The context reader, on the encyclopedic path only (news never needs it)."""
        if self.genre != "encyclopedic" or not (self.reader_dir and self.reader_weight):
            return None
        return context_reader.reader_in(str(self.reader_dir))

    def read(self, texts: list[str]) -> np.ndarray:
        """The context reader's probability for each text (zeros without a reader: it then has no weight)."""
        return self.reader.probabilities(texts) if self.reader else np.zeros(len(texts))

    def assess(self, text: str, hedges: list[dict], approximators: list[dict] = (), top: int = 3) -> tuple[float, list[str]]:
        """The probability that the sentence is uncertain, and the features that raised it most, in words."""
        words, pairs, cues, encyclopedic = _sentence_features(text, hedges, approximators)
        if self.genre == "news":
            return self.parts["news"].probability(set(), set(), cues), self.parts["news"].raised_by(set(), set(), cues, top)
        reader_probability = float(self.read([text])[0])
        weight = self.reader_weight if self.reader else 0.0
        probability = (1 - weight) * self.parts["encyclopedic"].probability(words, pairs, encyclopedic) + weight * reader_probability
        reasons = self.parts["encyclopedic"].raised_by(words, pairs, encyclopedic, top)
        if weight and reader_probability >= 0.5:  # the reader carries its share of the verdict
            reasons = [describe_feature(f"reader:{reader_probability:.2f}")] + reasons[:top - 1]
        return probability, reasons

    def for_genre(self, genre: str) -> Model:
        """The same weights, scoring as ``genre`` ("news" or "encyclopedic")."""
        return Model(self.parts, self.threshold, dict(self.card), self.reader_dir, self.reader_weight, genre)

    def with_reader(self, directory: Path | None, weight: float) -> Model:
        """The same regressions with the context reader in ``directory`` given ``weight`` on the encyclopedic path."""
        return Model(self.parts, self.threshold, dict(self.card), Path(directory) if directory else None,
                     weight if directory else 0.0, self.genre)

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
def shipped_model(directory: str | None = None, genre: str = "news") -> Model:
    return load(Path(directory) if directory else None).for_genre(genre)
