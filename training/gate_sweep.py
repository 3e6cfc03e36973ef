"""How much does the uncertainty model's gate cost on each dev file, and what would a sharper gate trade?

    python -m training.gate_sweep       # the two dev files the manifest names (about half a minute)

Out-of-fold by document, as training.evaluate: each of 5 folds is scored by the two experts and the gate
trained without it (plus the other file), and on the Wikipedia file by the context reader trained without it
(training.train_reader; the shipped reader, which never saw news, on the news file). Prints F1 (uncertain
class) on each file for each expert alone, the encyclopedic expert's word regression and reader alone, the
shipped soft mixture, a hard gate (the expert the gate prefers), gates sharpened to sigmoid(T · logit(gate)),
and other shares of the reader in the encyclopedic expert. Figures only, to see the trade on dev; nothing here
changes the shipped weights.
"""
from __future__ import annotations

import numpy as np

from framing.language.lexicon import Lexicons
from framing.models import context_reader, uncertainty
from training.data import ENCYCLOPEDIC_FILE, FOLDS, NEWS_FILE, document_folds, labelled, read
from training.evaluate import prf
from training.logistic import GATE_SHARPNESS, READER_WEIGHT, train
from training.train_reader import fold_reader


def out_of_fold_parts(role: str, lexicons: Lexicons) -> dict[str, np.ndarray]:
    """Each sentence's gate, news, word-regression and reader probabilities, from models trained without its fold."""
    texts, labels, documents, sha = read(NEWS_FILE if role == "news" else ENCYCLOPEDIC_FILE)
    other_texts, other_labels, _, _ = read(ENCYCLOPEDIC_FILE if role == "news" else NEWS_FILE)
    this, other = labelled(texts, labels, lexicons), labelled(other_texts, other_labels, lexicons)
    fold = document_folds(documents)
    shipped_reader = uncertainty.MODEL_DIR if context_reader.available(uncertainty.MODEL_DIR) else None
    parts = {name: np.zeros(len(texts)) for name in ("gate", "news", "words", "reader")}
    for k in range(FOLDS):
        train_rows = [row for row, f in zip(this, fold) if f != k]
        model = train(train_rows, other) if role == "news" else train(other, train_rows)
        folder = shipped_reader if role == "news" or not shipped_reader else fold_reader(k, texts, labels, documents, sha)
        held_out = np.flatnonzero(fold == k)
        if folder:
            parts["reader"][held_out] = context_reader.reader_in(str(folder)).probabilities([texts[i] for i in held_out])
        for i in held_out:
            text, hedges, approximators, _ = this[i]
            parts["gate"][i], parts["news"][i], parts["words"][i] = model.experts(text, hedges, approximators)
    parts["gold"] = np.asarray(labels)
    return parts


def encyclopedic(p: dict, weight: float) -> np.ndarray:
    return (1 - weight) * p["words"] + weight * p["reader"]


def mixture(p: dict, gate: np.ndarray, weight: float = READER_WEIGHT) -> np.ndarray:
    return gate * p["news"] + (1 - gate) * encyclopedic(p, weight)


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
    w = READER_WEIGHT
    rows = [("news expert alone", lambda p: p["news"]),
            ("encyclopedic: words alone", lambda p: p["words"]),
            ("encyclopedic: reader alone", lambda p: p["reader"]),
            (f"encyclopedic expert (reader {w:g})", lambda p: encyclopedic(p, w)),
            ("soft mixture (shipped)", lambda p: mixture(p, p["gate"])),
            ("hard gate", lambda p: mixture(p, (p["gate"] >= 0.5).astype(float)))]
    # T scales the shipped gate's logit, which is already GATE_SHARPNESS times the trained one.
    rows += [(f"gate logit x {t:g} (x {t * GATE_SHARPNESS:g} trained)", lambda p, t=t: mixture(p, sharpened(p["gate"], t)))
             for t in (1 / GATE_SHARPNESS, 0.75, 1.5, 2)]
    rows += [(f"soft mixture, reader share {v:g}", lambda p, v=v: mixture(p, p["gate"], v)) for v in (0, 0.25, 0.75, 1)]
    print(f"\n{'F1, uncertain class':34}" + "".join(f"{name:>26}" for name in files))
    for label, probability in rows:
        print(f"{label:34}" + "".join(f"{prf(p['gold'], probability(p) >= 0.5)[2]:>26.3f}" for p in files.values()))


if __name__ == "__main__":
    main()
