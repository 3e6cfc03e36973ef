"""Sentence-level uncertainty: would a reader judge this sentence hedged or weasel-worded?

The hedge cues say *which words* hedge; this says how likely the sentence as a whole is to be
judged uncertain. It is a logistic regression over plain features — the hedge cues the lexicon
found (each cue, and how many), the sentence's words and word pairs (the most frequent few
thousand in the training data), and its length — learned from human sentence labels
(CoNLL-2010 Wikipedia, the dev file) by ``python bench/train_uncertainty.py``. Training needs only
numpy; the weights are a reviewable CSV in ``data/models/`` and scoring is a dictionary lookup.
"""
from __future__ import annotations

import csv
import hashlib
import io
import json
import math
import re
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

import numpy as np

MODEL_DIR = Path(__file__).resolve().parent.parent / "data" / "models"
MODEL_WEIGHTS = MODEL_DIR / "uncertainty_weights.csv"
MODEL_CARD = MODEL_DIR / "uncertainty.json"

_TOKEN = re.compile(r"[a-z]+(?:['’-][a-z]+)*")
LENGTH_BUCKETS = (20, 30, 40, 60)


def features(text: str, cues: list[str]) -> set[str]:
    """Binary features of one sentence: cue:<cue>, cues>=k, len>k, w:<word>, b:<word pair>."""
    tokens = _TOKEN.findall(text.lower())
    found = {f"w:{t}" for t in tokens}
    found.update(f"b:{a} {b}" for a, b in zip(tokens, tokens[1:]))
    cues = [c.lower() for c in cues]
    found.update(f"cue:{c}" for c in cues)
    found.update(f"cues>={k}" for k in (1, 2, 3) if len(cues) >= k)
    found.update(f"len>{k}" for k in LENGTH_BUCKETS if len(tokens) > k)
    return found


def describe_feature(name: str) -> str:
    kind, _, value = name.partition(":")
    if kind in ("w", "b"):
        return f"“{value}”"
    if kind == "cue":
        return f"hedge cue “{value}”"
    if name.startswith("cues>="):
        count = name.removeprefix("cues>=")
        return "a hedge cue" if count == "1" else f"{count}+ hedge cues"
    return f"over {name.removeprefix('len>')} words"


@dataclass
class Model:
    bias: float
    weights: dict[str, float]
    threshold: float = 0.5
    card: dict = field(default_factory=dict)  # how it was trained: data, its hash, settings, figures

    def assess(self, text: str, cues: list[str], top: int = 3) -> tuple[float, list[str]]:
        """The probability that the sentence is uncertain, and the features that raised it most, in words."""
        weighted = sorted(((self.weights.get(f, 0.0), f) for f in features(text, cues)), reverse=True)
        score = self.bias + sum(weight for weight, _ in weighted)
        probability = 1.0 / (1.0 + math.exp(-max(min(score, 35.0), -35.0)))
        return probability, [describe_feature(f) for weight, f in weighted[:top] if weight > 0.05]

    def save(self, directory: Path) -> None:
        directory.mkdir(parents=True, exist_ok=True)
        with (directory / MODEL_WEIGHTS.name).open("w", newline="", encoding="utf-8") as f:
            writer = csv.writer(f)
            writer.writerow(["feature", "weight"])
            for name, weight in sorted(self.weights.items(), key=lambda kv: (-abs(kv[1]), kv[0])):
                writer.writerow([name, f"{weight:.6f}"])
        card = dict(self.card, bias=round(self.bias, 6), threshold=self.threshold)
        (directory / MODEL_CARD.name).write_text(json.dumps(card, indent=2, ensure_ascii=False) + "\n", "utf-8")


def load(directory: Path | None = None) -> Model:
    directory = directory or MODEL_DIR
    card = json.loads((directory / MODEL_CARD.name).read_text("utf-8"))
    with (directory / MODEL_WEIGHTS.name).open(newline="", encoding="utf-8") as f:
        weights = {row["feature"]: float(row["weight"]) for row in csv.DictReader(f)}
    return Model(card.pop("bias"), weights, card.pop("threshold"), card)


@lru_cache(maxsize=4)
def shipped_model(directory: str | None = None) -> Model:
    return load(Path(directory) if directory else None)


def file_sha256(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


# --- training (numpy only) ----------------------------------------------------------------------------


def train(texts: list[str], cues: list[list[str]], labels: list[int], vocabulary_size: int = 3000,
          c: float = 0.1, iterations: int = 400) -> Model:
    """L2-regularised logistic regression with balanced class weights, fitted by gradient descent (Adam).

    The objective matches scikit-learn's LogisticRegression(C=c, class_weight="balanced"):
    sum of weighted log-losses + ||w||² / (2c).
    """
    rows = [features(t, q) for t, q in zip(texts, cues)]
    document_frequency: dict[str, int] = {}
    for row in rows:
        for name in row:
            document_frequency[name] = document_frequency.get(name, 0) + 1
    structural = sorted(n for n in document_frequency if not n.startswith(("w:", "b:")))
    lexical = sorted((n for n in document_frequency if n.startswith(("w:", "b:")) and document_frequency[n] >= 2),
                     key=lambda n: (-document_frequency[n], n))[:vocabulary_size]
    names = structural + lexical
    column = {n: i for i, n in enumerate(names)}
    x = np.zeros((len(rows), len(names)), dtype=np.float32)
    for i, row in enumerate(rows):
        x[i, [column[n] for n in row if n in column]] = 1.0
    y = np.asarray(labels, dtype=np.float32)
    positives = int(y.sum())
    if not 0 < positives < len(y):
        raise ValueError("training needs both certain and uncertain sentences")
    # Balanced class weights: each class counts as much as the other in the loss.
    sample_weight = np.where(y == 1, len(y) / (2 * positives), len(y) / (2 * (len(y) - positives))).astype(np.float32)
    w = np.zeros(len(names), dtype=np.float32)  # float32 throughout: a float64 w would copy x every step
    b = 0.0
    m_w, v_w, m_b, v_b = np.zeros_like(w), np.zeros_like(w), 0.0, 0.0
    rate, beta1, beta2, eps = 0.05, 0.9, 0.999, 1e-8
    for step in range(1, iterations + 1):
        z = x @ w + np.float32(b)
        p = 1.0 / (1.0 + np.exp(-np.clip(z, -35, 35)))
        residual = (sample_weight * (p - y)).astype(np.float32)
        grad_w = x.T @ residual + w / c
        grad_b = float(residual.sum())
        m_w = beta1 * m_w + (1 - beta1) * grad_w
        v_w = beta2 * v_w + (1 - beta2) * grad_w ** 2
        m_b = beta1 * m_b + (1 - beta1) * grad_b
        v_b = beta2 * v_b + (1 - beta2) * grad_b ** 2
        w -= (rate * (m_w / (1 - beta1 ** step)) / (np.sqrt(v_w / (1 - beta2 ** step)) + eps)).astype(np.float32)
        b -= rate * (m_b / (1 - beta1 ** step)) / (math.sqrt(v_b / (1 - beta2 ** step)) + eps)
    weights = {n: float(v) for n, v in zip(names, w) if abs(v) >= 1e-4}
    return Model(float(b), weights, 0.5, {"vocabulary_size": vocabulary_size, "c": c, "iterations": iterations,
                                          "n_train": len(rows), "n_uncertain": int(positives)})


def read_labelled_csv(text: str) -> tuple[list[str], list[int]]:
    """A ``text,label`` CSV (CoNLL-2010 Wikipedia format), Penn Treebank escapes undone."""
    rows = list(csv.DictReader(io.StringIO(text)))
    return [detokenise(r["text"]) for r in rows], [1 if r["label"].strip() == "1" else 0 for r in rows]


_PTB = {"-LRB-": "(", "-RRB-": ")", "-LSB-": "[", "-RSB-": "]", "-LCB-": "{", "-RCB-": "}", "``": '"', "''": '"'}


def detokenise(text: str) -> str:
    """Undo the Penn Treebank escapes of the CoNLL-2010 text so the lexicon sees ordinary prose."""
    for token, char in _PTB.items():
        text = text.replace(token, char)
    return " ".join(text.split())
