"""How much does the uncertainty model's gate cost on each dev file, and what would a sharper gate trade?

    python bench/gate_sweep.py          # the two dev files in ../shared/validation (about half a minute)

Out-of-fold by document, as bench/validity.py: each of 5 folds is scored by the two experts and the gate
trained without it (plus the other file). Prints F1 (uncertain class) on each file for each expert alone,
for the shipped soft mixture, for a hard gate (the expert the gate prefers), and for gates sharpened to
sigmoid(T · logit(gate)). Figures only, to decide settings on dev; nothing here changes the shipped weights.
"""
from __future__ import annotations

import sys
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parent))
from validity import ENCYCLOPEDIC_FILE, FOLDS, NEWS_FILE, document_folds, labelled, prf, read  # noqa: E402

from framing import uncertainty  # noqa: E402
from framing.lexicon import Lexicons  # noqa: E402


def out_of_fold_parts(role: str, lexicons: Lexicons) -> dict[str, np.ndarray]:
    """Each sentence's gate, news and encyclopedic probabilities, from models trained without its fold."""
    texts, labels, documents, _ = read(NEWS_FILE if role == "news" else ENCYCLOPEDIC_FILE)
    other_texts, other_labels, _, _ = read(ENCYCLOPEDIC_FILE if role == "news" else NEWS_FILE)
    this, other = labelled(texts, labels, lexicons), labelled(other_texts, other_labels, lexicons)
    fold = document_folds(documents)
    parts = {name: np.zeros(len(texts)) for name in ("gate", "news", "encyclopedic")}
    for k in range(FOLDS):
        train = [row for row, f in zip(this, fold) if f != k]
        model = uncertainty.train(train, other) if role == "news" else uncertainty.train(other, train)
        for i in np.flatnonzero(fold == k):
            text, hedges, approximators, _ = this[i]
            parts["gate"][i], parts["news"][i], parts["encyclopedic"][i] = model.experts(text, hedges, approximators)
    parts["gold"] = np.asarray(labels)
    return parts


def sharpened(gate: np.ndarray, t: float) -> np.ndarray:
    logit = np.log(gate / (1 - gate))
    return 1 / (1 + np.exp(-t * logit))


def main() -> None:
    lexicons = Lexicons.load()
    files = {"news (FactBank)": out_of_fold_parts("news", lexicons),
             "Wikipedia (CoNLL-2010)": out_of_fold_parts("encyclopedic", lexicons)}
    for name, p in files.items():
        print(f"{name}: gate's mean weight on the news expert {p['gate'].mean():.2f}; "
              f"sentences it sends to the news expert {np.mean(p['gate'] >= 0.5):.0%}")
    rows = [("news expert alone", lambda p: p["news"]), ("encyclopedic expert alone", lambda p: p["encyclopedic"]),
            ("soft mixture (shipped)", lambda p: p["gate"] * p["news"] + (1 - p["gate"]) * p["encyclopedic"]),
            ("hard gate", lambda p: np.where(p["gate"] >= 0.5, p["news"], p["encyclopedic"]))]
    rows += [(f"gate sharpened, T = {t:g}", lambda p, t=t: sharpened(p["gate"], t) * p["news"]
              + (1 - sharpened(p["gate"], t)) * p["encyclopedic"]) for t in (1.5, 2, 3, 5)]
    print(f"\n{'F1, uncertain class':34}" + "".join(f"{name:>26}" for name in files))
    for label, probability in rows:
        print(f"{label:34}" + "".join(f"{prf(p['gold'], probability(p) >= 0.5)[2]:>26.3f}" for p in files.values()))


if __name__ == "__main__":
    main()
