"""How well do the measures agree with human annotation?

    python bench/validity.py                       # both dev files in ../shared/validation
    python bench/validity.py FILE [FILE ...]       # any file of the same format
    python bench/validity.py HEDGE_FILE --errors   # plus the cues behind the errors

A file with columns ``text,label`` (CSV) is scored as sentence-level uncertainty: a sentence is
predicted uncertain when the engine finds any hedge cue in it; precision, recall and F1 of the
uncertain class. A file with ``id, mean_rating, text`` (TSV) is scored as tone: Pearson and
Spearman r between each tone engine and the raters' mean. All scoring goes through
``python -m framing score`` (a subprocess), so what is measured is what users run.
Intervals: 95% percentile bootstrap over items (1,000 resamples, seed 0).
"""
from __future__ import annotations

import argparse
import csv
import json
import re
import subprocess
import sys
from collections import Counter
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parent.parent
DEV_FILES = [
    ROOT.parent / "shared" / "validation" / "hedging" / "wikipedia_weasel_dev.csv",
    ROOT.parent / "shared" / "validation" / "tone" / "nyt_editorial_snippets_dev.tsv",
]
PTB = {"-LRB-": "(", "-RRB-": ")", "-LSB-": "[", "-RSB-": "]", "-LCB-": "{", "-RCB-": "}", "``": '"', "''": '"'}
RESAMPLES = 1000


def detokenise(text: str) -> str:
    """Undo the Penn Treebank escapes of the CoNLL-2010 text so the lexicon sees ordinary prose."""
    for token, char in PTB.items():
        text = text.replace(token, char)
    return " ".join(text.split())


def score_lines(texts: list[str]) -> list[dict]:
    proc = subprocess.run(
        [sys.executable, "-m", "framing", "score"], input="\n".join(texts) + "\n",
        capture_output=True, text=True, cwd=ROOT, check=True,
    )
    scored = [json.loads(line) for line in proc.stdout.split("\n") if line]
    if len(scored) != len(texts):
        raise SystemExit(f"expected {len(texts)} scored lines, got {len(scored)}")
    return scored


def bootstrap(stat, *arrays, seed: int = 0) -> tuple[float, float]:
    rng = np.random.default_rng(seed)
    n = len(arrays[0])
    values = []
    for _ in range(RESAMPLES):
        idx = rng.integers(0, n, n)
        values.append(stat(*(a[idx] for a in arrays)))
    low, high = np.nanpercentile(values, [2.5, 97.5])
    return float(low), float(high)


def prf(gold: np.ndarray, pred: np.ndarray) -> tuple[float, float, float]:
    tp = float(np.sum(gold & pred))
    p = tp / pred.sum() if pred.sum() else 0.0
    r = tp / gold.sum() if gold.sum() else 0.0
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def hedging(path: Path, errors: bool) -> dict:
    with path.open(newline="", encoding="utf-8") as f:
        rows = list(csv.DictReader(f))
    texts = [detokenise(r["text"]) for r in rows]
    gold = np.array([r["label"].strip() == "1" for r in rows])
    scored = score_lines(texts)
    pred = np.array([bool(s["hedges"]) for s in scored])
    p, r, f1 = prf(gold, pred)
    ci = bootstrap(lambda g, q: prf(g, q)[2], gold, pred)
    always = prf(gold, np.ones_like(gold))[2]
    print(f"\n{path.name}: sentence-level uncertainty, n = {len(rows)} ({gold.sum()} uncertain)")
    print(f"  precision {p:.3f}  recall {r:.3f}  F1 {f1:.3f}  (95% CI {ci[0]:.3f}–{ci[1]:.3f})")
    print(f"  baseline 'always uncertain' F1 {always:.3f}")
    if errors:
        cue_stats: dict[str, Counter] = {}
        for s, g in zip(scored, gold):
            for cue in {h["cue"].lower() for h in s["hedges"]}:
                cue_stats.setdefault(cue, Counter())["tp" if g else "fp"] += 1
        worst = sorted(cue_stats.items(), key=lambda kv: -kv[1]["fp"])[:20]
        print("  cues with most false positives (cue: false positives / true positives):")
        for cue, c in worst:
            print(f"    {cue:20s} {c['fp']:4d} / {c['tp']:4d}")
        missed = Counter()
        for text, s, g in zip(texts, scored, gold):
            if g and not s["hedges"]:
                missed.update(set(re.findall(r"[a-z]+(?:'[a-z]+)?", text.lower())))
        background = Counter()
        for text, g in zip(texts, gold):
            if not g:
                background.update(set(re.findall(r"[a-z]+(?:'[a-z]+)?", text.lower())))
        print("  words most over-represented in missed uncertain sentences (missed / in certain sentences):")
        ranked = sorted(missed, key=lambda w: -(missed[w] - background[w] * gold.sum() / (~gold).sum()))
        for word in ranked[:20]:
            print(f"    {word:20s} {missed[word]:4d} / {background[word]:4d}")
    return {"file": path.name, "n": len(rows), "precision": p, "recall": r, "f1": f1, "f1_ci": ci}


def _pearson(x, y) -> float:
    return float(np.corrcoef(x, y)[0, 1])


def _spearman(x, y) -> float:
    rank = lambda a: np.argsort(np.argsort(a, kind="stable"), kind="stable")
    return _pearson(rank(x), rank(y))


def tone(path: Path) -> dict:
    with path.open(newline="", encoding="utf-8") as f:
        rows = list(csv.DictReader(f, delimiter="\t"))
    texts = [" ".join(r["text"].split()) for r in rows]
    gold = np.array([float(r["mean_rating"]) for r in rows])
    scored = score_lines(texts)
    print(f"\n{path.name}: tone against the raters' mean, n = {len(rows)}")
    results = {}
    for engine, field in (("blend (default 'tone')", "tone"), ("textblob polarity", "polarity"), ("vader compound", "vader")):
        pred = np.array([s[field] for s in scored])
        r, rho = _pearson(pred, gold), _spearman(pred, gold)
        ci = bootstrap(_pearson, pred, gold)
        print(f"  {engine:24s} Pearson r {r:.3f} (95% CI {ci[0]:.3f}–{ci[1]:.3f})  Spearman ρ {rho:.3f}")
        results[field] = {"pearson": r, "pearson_ci": ci, "spearman": rho}
    return {"file": path.name, "n": len(rows), **results}


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("files", nargs="*", type=Path, default=DEV_FILES)
    ap.add_argument("--errors", action="store_true", help="hedging: list the cues behind false positives and negatives")
    args = ap.parse_args()
    for path in args.files:
        if not path.is_file():
            print(f"error: {path}: no such file", file=sys.stderr)
            return 2
        header = path.open(encoding="utf-8").readline()
        if "mean_rating" in header:
            tone(path)
        elif "label" in header:
            hedging(path, args.errors)
        else:
            print(f"error: {path}: neither 'text,label' nor 'id, mean_rating, text' columns", file=sys.stderr)
            return 2
    return 0


if __name__ == "__main__":
    sys.exit(main())
