"""Training the uncertainty model's regressions (numpy only): the news model and the encyclopedic one.

Settings come from ``training/config.toml`` (``[uncertainty.*]``); the runtime model is ``framing.models.uncertainty``.
"""
from __future__ import annotations

import math

import numpy as np

from framing.models.uncertainty import Logistic, Model, encyclopedic_features, features
from training.data import CONFIG

SETTINGS = CONFIG["uncertainty"]
READER_WEIGHT = SETTINGS["encyclopedic"]["reader_weight"]
THRESHOLD = SETTINGS["threshold"]


def train_logistic(rows: list[set[str]], labels: list[int], groups: list[str] | None = None, vocabulary_size: int = 3000,
                   c: float = 0.1, iterations: int = 400) -> Logistic:
    """L2-regularised logistic regression with balanced class weights, fitted by gradient descent (Adam).

    ``rows`` are each sentence's ``features``. The objective matches scikit-learn's
    LogisticRegression(C=c, class_weight="balanced"): sum of weighted log-losses + ||w||² / (2c). With
    ``groups`` (which data set each sentence comes from), each group counts as much as any other in the
    loss, and within each group each class counts as much as the other.
    """
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
    groups = np.asarray(groups if groups is not None else ["all"] * len(y))
    names_of_groups = sorted(set(groups))
    sample_weight = np.zeros(len(y), dtype=np.float32)
    for group in names_of_groups:
        # Balanced: each group, and each class within it, carries the same total weight.
        for label in (0, 1):
            chosen = (groups == group) & (y == label)
            if chosen.any():
                sample_weight[chosen] = len(y) / (2 * len(names_of_groups) * chosen.sum())
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
    return Logistic(float(b), weights, {"vocabulary_size": vocabulary_size, "c": c, "iterations": iterations,
                                        "n_train": len(rows), "n_positive": int(positives)})


Labelled = list[tuple[str, list[dict], list[dict], int]]  # (text, hedges, approximators, label)


def train_news(news: Labelled) -> Logistic:
    """The news model, from labelled news sentences (its features: the cues only)."""
    return train_logistic([features(t, h, a) for t, h, a, _ in news], [y for *_, y in news], **SETTINGS["news"])


def train_encyclopedic(encyclopedic: Labelled) -> Logistic:
    """The encyclopedic model's word regression, from labelled encyclopedic sentences."""
    settings = {k: v for k, v in SETTINGS["encyclopedic"].items() if k != "reader_weight"}
    return train_logistic([encyclopedic_features(t, h, a) for t, h, a, _ in encyclopedic],
                          [y for *_, y in encyclopedic], **settings)


def train(news: Labelled, encyclopedic: Labelled) -> Model:
    """Both models, from labelled news and encyclopedic sentences; it scores as news unless told otherwise."""
    return Model({"news": train_news(news), "encyclopedic": train_encyclopedic(encyclopedic)}, THRESHOLD)
