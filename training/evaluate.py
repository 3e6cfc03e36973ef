"""How well do the measures agree with human annotation?

    python -m training.evaluate                       # the dev files the manifest names -> data/validity.json
    python -m training.evaluate FILE [FILE ...]       # any file of the same format (printed, not written)
    python -m training.evaluate HEDGE_FILE --errors   # plus the cues behind the errors

A file with columns ``text,label`` or ``doc_id,…,text,label`` (CSV) is scored as sentence-level
uncertainty: the engine's ``uncertain`` field (the news model; on the Wikipedia file also the
encyclopedic path), with the plain rule "any epistemic hedge cue" beside it; precision, recall and F1
of the uncertain class. If the model was trained on the file (same SHA-256 as
data/models/uncertainty.json records), the figure is out-of-fold: 5 folds *by document* (no document in
both a fold's training and test data), each fold scored by weights trained on the other four. A file
of articles (``.jsonl``, the dev corpus) is split and scored like an upload, and the sentences hedged
with a plain may, might or could that the news model leaves unflagged are counted. A file with ``id, mean_rating, text`` (TSV) is scored as tone: Pearson and
Spearman r between each tone engine and the raters' mean. All scoring goes through
``python -m framing score`` (a subprocess), so what is measured is what users run.
Intervals: 95% percentile bootstrap over documents (sentences, where a file has no doc_id) or items
(1,000 resamples, seed 0).
"""
from __future__ import annotations

import argparse
import csv
import json
import re
import subprocess
import sys
import tempfile
from collections import Counter
from datetime import date
from pathlib import Path

import numpy as np

from framing.models import uncertainty, validity
from training.data import (
    CONFIG,
    ENCYCLOPEDIC_FILE,
    FOLDS,
    NEWS_CORPUS_FILE,
    NEWS_FILE,
    ROOT,
    TARGET_TONE_FILE,
    TONE_FILE,
    checked,
    detokenise,
    document_folds,
    file_sha256,
    labelled,
    read,
)
from training.logistic import READER_WEIGHT, THRESHOLD, train_encyclopedic, train_news

DEV_FILES = [NEWS_FILE, ENCYCLOPEDIC_FILE, TONE_FILE, TARGET_TONE_FILE, NEWS_CORPUS_FILE]
RESAMPLES = CONFIG["evaluation"]["resamples"]
VALIDITY_FILE = validity.VALIDITY_FILE  # what the Methodology view and docs/validity.md show
DOCS_START, DOCS_END = "<!-- validity:start -->", "<!-- validity:end -->"


def score_lines(texts: list[str], options: list[str] | None = None) -> list[dict]:
    proc = subprocess.run(
        [sys.executable, "-m", "framing", "score", *(options or [])], input="\n".join(texts) + "\n",
        capture_output=True, text=True, cwd=ROOT, check=True,
    )
    scored = [json.loads(line) for line in proc.stdout.split("\n") if line]
    if len(scored) != len(texts):
        raise SystemExit(f"expected {len(texts)} scored lines, got {len(scored)}")
    return scored


def bootstrap(stat, *arrays, groups: list[str] | None = None, seed: int = 0) -> tuple[float, float]:
    """95% percentile interval; with ``groups``, whole documents are resampled (sentences of one document
    are not independent)."""
    rng = np.random.default_rng(seed)
    n = len(arrays[0])
    members = None
    if groups is not None:
        by_group: dict[str, list[int]] = {}
        for i, g in enumerate(groups):
            by_group.setdefault(g, []).append(i)
        members = [np.array(v) for v in by_group.values()]
    values = []
    for _ in range(RESAMPLES):
        if members is None:
            idx = rng.integers(0, n, n)
        else:
            idx = np.concatenate([members[i] for i in rng.integers(0, len(members), len(members))])
        values.append(stat(*(a[idx] for a in arrays)))
    low, high = np.nanpercentile(values, [2.5, 97.5])
    return float(low), float(high)


def prf(gold: np.ndarray, pred: np.ndarray) -> tuple[float, float, float]:
    tp = float(np.sum(gold & pred))
    p = tp / pred.sum() if pred.sum() else 0.0
    r = tp / gold.sum() if gold.sum() else 0.0
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def out_of_fold(texts: list[str], gold: np.ndarray, documents: list[str], sha: str, genre: str,
                with_reader: bool) -> np.ndarray:
    """Predictions for a file the shipped weights were trained on: each fold scored, through
    ``python -m framing score --genre GENRE --model``, by weights trained without it. On the encyclopedic path the
    context reader is the one trained without that fold (training.train_reader) when ``with_reader``; otherwise the
    word regression scores alone."""
    from framing.language.lexicon import Lexicons
    from framing.models import context_reader

    this = labelled(texts, [int(g) for g in gold], Lexicons.load())
    fold = document_folds(documents)
    pred = np.zeros(len(texts), dtype=bool)
    for k in range(FOLDS):
        rows = [row for row, f in zip(this, fold) if f != k]
        part = train_news(rows) if genre == "news" else train_encyclopedic(rows)
        model = uncertainty.Model({genre: part}, THRESHOLD, genre=genre)  # a genre scores only its own part
        if genre == "encyclopedic" and with_reader and context_reader.available(uncertainty.MODEL_DIR):
            from training.train_reader import fold_reader

            model = model.with_reader(fold_reader(k, texts, [int(g) for g in gold], documents, sha), READER_WEIGHT)
        with tempfile.TemporaryDirectory() as folder:
            model.save(Path(folder))
            held_out = [t for t, f in zip(texts, fold) if f == k]
            pred[fold == k] = [s["uncertain"] for s in score_lines(held_out, ["--genre", genre, "--model", folder])]
    return pred


def hedging(path: Path, errors: bool, genre: str = "news", with_reader: bool = False) -> dict:
    """F1 of ``genre``'s model on a labelled file; out-of-fold when that model was trained on it."""
    texts, labels, documents, sha = read(path)
    gold = np.array(labels, dtype=bool)
    scored = score_lines(texts, ["--genre", genre])
    trained_on = uncertainty.shipped_model().card.get("trained_on", {})
    own_file = {"news": NEWS_FILE.name, "encyclopedic": ENCYCLOPEDIC_FILE.name}[genre]
    trained_here = trained_on.get(own_file) == sha
    pred = (out_of_fold(texts, gold, documents, sha, genre, with_reader) if trained_here
            else np.array([s["uncertain"] for s in scored]))
    reader = genre == "encyclopedic" and (with_reader or not trained_here)
    rule = np.array([bool(s["hedges"]) for s in scored])
    p, r, f1 = prf(gold, pred)
    ci = bootstrap(lambda g, q: prf(g, q)[2], gold, pred, groups=documents)
    print(f"\n{path.name}: sentence-level uncertainty, n = {len(texts)} ({gold.sum()} uncertain) in {len(set(documents))} documents")
    print(f"  {genre} model{' with the context reader' if reader else ''}"
          f"{' (out-of-fold by document: it was trained on this file)' if trained_here else ' (not trained on this file)'}")
    print(f"    precision {p:.3f}  recall {r:.3f}  F1 {f1:.3f}  (95% CI {ci[0]:.3f}–{ci[1]:.3f})")
    rp, rr, rf1 = prf(gold, rule)
    print(f"  rule 'any epistemic hedge cue': precision {rp:.3f}  recall {rr:.3f}  F1 {rf1:.3f}")
    print(f"  baseline 'always uncertain' F1 {prf(gold, np.ones_like(gold))[2]:.3f}")
    if errors:
        cue_stats: dict[str, Counter] = {}
        for s, g in zip(scored, gold):
            for cue in {h["cue"].lower() for h in s["hedges"]}:
                cue_stats.setdefault(cue, Counter())["tp" if g else "fp"] += 1
        worst = sorted(cue_stats.items(), key=lambda kv: -kv[1]["fp"])[:20]
        print("  cues with most false positives under the rule (cue: false positives / true positives):")
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
        print("  words most over-represented in uncertain sentences with no cue (missed / in certain sentences):")
        ranked = sorted(missed, key=lambda w: -(missed[w] - background[w] * gold.sum() / (~gold).sum()))
        for word in ranked[:20]:
            print(f"    {word:20s} {missed[word]:4d} / {background[word]:4d}")
    return {"file": path.name, "n": len(texts), "documents": len(set(documents)), "precision": p, "recall": r, "f1": f1,
            "f1_ci": ci, "rule_f1": rf1, "always_f1": prf(gold, np.ones_like(gold))[2], "out_of_fold": trained_here,
            "genre": genre, "reader": reader}


PLAIN_MODALS = {"may", "might", "could"}


def dev_news(path: Path) -> tuple[list, object, list[str], object]:
    """The dev corpus's articles, split and scored like any upload (one table for every figure on it, with the themes
    found in it as a theme set), their topic labels, and the found themes."""
    import pandas as pd

    from framing.language.lexicon import Lexicons
    from framing.reading.corpus import articles_from_bytes
    from framing.scoring.table import sentence_table
    from framing.statistics.found_themes import theme_lexicon, themes_from_text

    data = checked(path).read_bytes()
    topics = [json.loads(line).get("topic", "") for line in data.decode("utf-8").splitlines() if line.strip()]
    articles = articles_from_bytes(path.name, data)
    if len(articles) != len(topics):
        raise SystemExit(f"{path}: {len(topics)} lines but {len(articles)} articles read")
    found = themes_from_text(articles)
    lexicons = Lexicons.load()
    lexicons = lexicons.with_table("themes", pd.concat([lexicons.themes, theme_lexicon(found)], ignore_index=True))
    return articles, sentence_table(articles, lexicons), topics, found


def plain_modals(path: Path, articles: list, table) -> dict:
    """On modern news (the dev corpus's articles, split and scored like any upload): of the sentences the hedge
    lexicon finds hedged with a plain epistemic may, might or could, how many the news model leaves unflagged."""
    modal = table["hedges"].map(lambda cues: any(c["cue"].lower() in PLAIN_MODALS for c in cues))
    hedged = table[modal]
    missed = hedged[~hedged["uncertain"].astype(bool)]
    share = len(missed) / max(len(hedged), 1)
    # The word without the hedge: "May 5", "could not" of past ability... the lexicon's context rules decide, not the model.
    worded = table["text"].str.contains(r"\b(?:may|might|could)\b", case=False, regex=True) & ~modal
    print(f"\n{path.name}: {len(articles):,} articles, {len(table):,} sentences; hedged with a plain may/might/could: "
          f"{len(hedged):,}; left unflagged by the news model: {len(missed)} ({share:.1%}); with the word but not "
          f"taken as a hedge by the lexicon's context rules: {int(worded.sum()):,}")
    for text in missed["text"].head(5):
        print(f"    {text[:160]}")
    return {"file": path.name, "articles": len(articles), "sentences": len(table), "hedged": len(hedged),
            "missed": len(missed), "share": share, "word_not_hedge": int(worded.sum())}


PLAINLY_NOT_PEOPLE = re.compile(
    r"(?i)^(?:.*\b(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|today|yesterday|tonight|january|february|"
    r"march|april|june|july|august|september|october|november|december)\b.*|.*['’]s|both|all|some|many|most|others|"
    r"he|she|they|it|we|i|you|the|this|that|but|and)$")


def speakers(path: Path) -> dict:
    """Speakers on real newswire: the file's sentences put back into their documents, one paragraph each
    (the file keeps no paragraph breaks), run through the engine like any upload."""
    from framing.language.lexicon import Lexicons
    from framing.reading.corpus import article_from_text
    from framing.scoring.table import sentence_table

    with checked(path).open(newline="", encoding="utf-8") as f:
        rows = list(csv.DictReader(f))
    documents: dict[str, list[str]] = {}
    for row in rows:
        documents.setdefault(row["doc_id"], []).append(detokenise(row["text"]))
    articles = [article_from_text("Untitled\n\n" + "\n\n".join(texts), doc, article_id=f"d{n:03d}")
                for n, (doc, texts) in enumerate(documents.items())]
    table = sentence_table(articles, Lexicons.load())
    print(f"\n{path.name}: speakers on {len(articles)} newswire documents ({len(table)} sentences)")
    return {"documents": len(articles), **_speaker_figures(table)}


def speakers_on_news(path: Path, table) -> dict:
    """Speakers on modern news (the dev corpus, scored like any upload)."""
    print(f"\n{path.name}: speakers on {table['article_id'].nunique():,} articles")
    return {"articles": int(table["article_id"].nunique()), **_speaker_figures(table)}


def _speaker_figures(table) -> dict:
    """The share of quoted sentences that name a speaker, with an interval by article, and the named speakers that
    are plainly not people (weekday, month, possessive, fragment)."""
    quoted = table[table["quoted"]]
    named = (quoted["speaker"] != "").to_numpy()
    ci = bootstrap(lambda x: float(x.mean()), named, groups=list(quoted["article_id"]))
    speakers_named = table.loc[table["speaker"] != "", "speaker"]
    bad = speakers_named[speakers_named.map(lambda s: bool(PLAINLY_NOT_PEOPLE.match(s)))]
    print(f"  quoted sentences that name a speaker: {named.mean():.1%} (95% CI {ci[0]:.1%}–{ci[1]:.1%}) of {len(quoted):,}")
    print(f"  named speakers plainly not people: {len(bad)} of {len(speakers_named):,}"
          + (f": {', '.join(sorted(set(bad)))}" if len(bad) else ""))
    return {"quoted": len(quoted), "named_share": float(named.mean()), "named_ci": ci, "not_people": len(bad),
            "named": len(speakers_named)}


def _pearson(x, y) -> float:
    return float(np.corrcoef(x, y)[0, 1])


def _spearman(x, y) -> float:
    rank = lambda a: np.argsort(np.argsort(a, kind="stable"), kind="stable")
    return _pearson(rank(x), rank(y))


def tone(path: Path) -> dict:
    """Pearson and Spearman r of each tone engine against the raters' mean. If the news tone model was trained on this
    file, each fold of it (by article) is scored by the model trained without it (``python -m training.train_tone
    --folds``), never in-sample."""
    from framing.models import tone as tone_model
    from training.train_tone import FOLDS_DIR, article_folds

    with checked(path).open(newline="", encoding="utf-8") as f:
        rows = list(csv.DictReader(f, delimiter="\t"))
    texts = [" ".join(r["text"].split()) for r in rows]
    gold = np.array([float(r["mean_rating"]) for r in rows])
    articles = [r["id"].split("_")[0] for r in rows]
    scored = score_lines(texts)
    sha = file_sha256(checked(path).read_bytes())
    trained_here = sha in tone_model.tone_model().card.get("trained_on", {}).values()
    if trained_here:
        fold = article_folds(articles)
        news = np.zeros(len(texts))
        for k in range(FOLDS):
            folder = FOLDS_DIR / f"fold{k}"
            if not (folder / tone_model.TONE_CARD).is_file():
                raise SystemExit(f"error: {folder}: missing; run python -m training.train_tone --folds "
                                 "(requirements-train.txt) for out-of-fold tone figures")
            held_out = np.where(fold == k)[0]
            news[held_out] = [s["tone"] for s in score_lines([texts[i] for i in held_out], ["--tone-model", str(folder)])]
    else:
        news = np.array([s["tone"] for s in scored])
    print(f"\n{path.name}: tone against the raters' mean, n = {len(rows)} in {len(set(articles))} articles")
    results = {}
    for engine, field, pred in (("news tone model (default)" + (", out-of-fold by article" if trained_here else ""), "tone", news),
                                ("textblob polarity", "polarity", np.array([s["polarity"] for s in scored])),
                                ("vader compound", "vader", np.array([s["vader"] for s in scored])),
                                ("previous default: 0.7 VADER + 0.3 TextBlob", "blend",
                                 np.clip([0.7 * s["vader"] + 0.3 * s["polarity"] for s in scored], -1, 1))):
        r, rho = _pearson(pred, gold), _spearman(pred, gold)
        ci = bootstrap(_pearson, pred, gold, groups=articles)
        print(f"  {engine:48s} Pearson r {r:.3f} (95% CI {ci[0]:.3f}–{ci[1]:.3f})  Spearman ρ {rho:.3f}")
        results[field] = {"pearson": r, "pearson_ci": ci, "spearman": rho}
    return {"file": path.name, "n": len(rows), "articles": len(set(articles)), "out_of_fold": trained_here, **results}


STANCE = {"negative": -1.0, "neutral": 0.0, "positive": 1.0}


def tone_on_news(path: Path) -> dict:
    """A news check: each NewsMTSC dev sentence's tone against the mean of its annotated stances toward the people
    in it (−1, 0, +1). Stance toward a person is not the sentence's tone, so this is a weaker check than the NYT
    ratings. The tone model never saw these labels, but it is not independent of them: its teacher reads the
    tone-toward model, which learned from the train file's stance labels and whose epoch count was chosen on this
    file."""
    by_text: dict[str, list[float]] = {}
    with checked(path).open(encoding="utf-8") as f:
        for line in f:
            if line.strip():
                row = json.loads(line)
                by_text.setdefault(row["text"], []).append(STANCE[row["stance"]])
    texts = sorted(by_text)
    gold = np.array([np.mean(by_text[t]) for t in texts])
    scored = score_lines([" ".join(t.split()) for t in texts])
    print(f"\n{path.name}: tone against the mean stance toward the sentence's people, {len(texts)} sentences")
    results = {}
    for engine, field in (("news tone model (default)", "tone"), ("textblob polarity", "polarity"), ("vader compound", "vader")):
        pred = np.array([s[field] for s in scored])
        r, ci = _pearson(pred, gold), bootstrap(_pearson, pred, gold)
        print(f"  {engine:48s} Pearson r {r:.3f} (95% CI {ci[0]:.3f}–{ci[1]:.3f})")
        results[field] = {"pearson": r, "pearson_ci": ci}
    return {"file": path.name, "n": len(texts), **results}


def tone_toward(path: Path) -> dict:
    """The tone-toward model on NewsMTSC dev through ``python -m framing tone-toward`` (what users run): macro-F1 over
    the three stances (the paper's measure), per stance, per set (rw: real-world sentences; mt: sentences with two or
    more people), and on the sentences whose people are spoken of differently. Whole-sentence VADER (±0.05) beside
    it. Intervals resample sentences (a sentence's targets stay together)."""
    with checked(path).open(encoding="utf-8") as f:
        rows = [json.loads(line) for line in f if line.strip()]
    proc = subprocess.run([sys.executable, "-m", "framing", "tone-toward", "-"], cwd=ROOT, capture_output=True, text=True,
                          check=True, input="".join(json.dumps({k: r[k] for k in ("text", "start", "end")}) + "\n" for r in rows))
    predicted = np.array([json.loads(line)["stance"] for line in proc.stdout.splitlines()])
    gold = np.array([r["stance"] for r in rows])
    vader = np.array(["positive" if v > 0.05 else "negative" if v < -0.05 else "neutral"
                      for v in (s["vader"] for s in score_lines([" ".join(r["text"].split()) for r in rows]))])
    stances = ("negative", "neutral", "positive")

    def f1_of(g, p, stance):
        tp = np.sum((g == stance) & (p == stance))
        precision, recall = tp / max(1, np.sum(p == stance)), tp / max(1, np.sum(g == stance))
        return 0.0 if precision + recall == 0 else float(2 * precision * recall / (precision + recall))

    def macro(g, p):
        return float(np.mean([f1_of(g, p, s) for s in stances]))

    texts = [r["text"] for r in rows]
    stances_in = {}
    for t, g in zip(texts, gold):
        stances_in.setdefault(t, set()).add(g)
    differing = np.array([len(stances_in[t]) > 1 for t in texts])
    sets = np.array([r.get("set", "") for r in rows])
    result = {"file": path.name, "n": len(rows), "sentences": len(stances_in),
              "macro_f1": macro(gold, predicted), "macro_f1_ci": bootstrap(macro, gold, predicted, groups=texts),
              "accuracy": float(np.mean(gold == predicted)), "vader_macro_f1": macro(gold, vader),
              "per_stance": {s: f1_of(gold, predicted, s) for s in stances},
              "per_set": {name: macro(gold[sets == name], predicted[sets == name]) for name in sorted(set(sets)) if name},
              "differing_n": int(differing.sum()), "differing_macro_f1": macro(gold[differing], predicted[differing]),
              "differing_vader_macro_f1": macro(gold[differing], vader[differing])}
    print(f"\n{path.name}: stance toward a mention, {len(rows):,} mentions in {len(stances_in):,} sentences")
    print(f"  tone-toward model  macro-F1 {result['macro_f1']:.3f} (95% CI {result['macro_f1_ci'][0]:.3f}–"
          f"{result['macro_f1_ci'][1]:.3f}), accuracy {result['accuracy']:.3f}; "
          + ", ".join(f"{s} F1 {v:.3f}" for s, v in result["per_stance"].items()))
    print("  by set: " + ", ".join(f"{k} {v:.3f}" for k, v in result["per_set"].items())
          + f"; sentences whose people differ in stance ({result['differing_n']} mentions): {result['differing_macro_f1']:.3f}"
          f" (VADER {result['differing_vader_macro_f1']:.3f})")
    print(f"  whole-sentence VADER macro-F1 {result['vader_macro_f1']:.3f}")
    return result


def found_themes(path: Path, articles: list, table, topics: list[str], found) -> dict:
    """Do the themes found in a corpus (framing.statistics.found_themes) follow its subjects? On the dev corpus (8
    labelled topics): each article's theme is the found theme most of its sentences name, as the app matches it;
    normalised mutual information with the topic labels, against the same for the shipped theme sets."""
    from sklearn.metrics import normalized_mutual_info_score

    from framing.language.lexicon import Lexicons, theme_set_column
    from framing.statistics.found_themes import THEME_SET

    lexicons = Lexicons.load()
    gold = np.array(topics)

    def dominant(theme_set: str) -> np.ndarray:
        counts: dict[str, Counter] = {}
        for article, labels in zip(table["article_id"], table[theme_set_column(theme_set)]):
            counts.setdefault(article, Counter()).update(labels)
        # an article naming none of the set's themes is one more cluster, "none"
        return np.array([(counts.get(a.article_id) or Counter({"none": 1})).most_common(1)[0][0] for a in articles])

    scores = {}
    for theme_set in [THEME_SET, *lexicons.theme_sets]:
        predicted = dominant(theme_set)
        nmi = normalized_mutual_info_score(gold, predicted)
        ci = bootstrap(lambda g, p: normalized_mutual_info_score(g, p), gold, predicted) if theme_set == THEME_SET else None
        scores[theme_set] = {"nmi": float(nmi), "ci": ci, "none": float((predicted == "none").mean())}
    fit = float(table[theme_set_column(THEME_SET)].map(bool).mean())
    print(f"\n{path.name}: {len(articles):,} articles, {len(set(topics))} labelled topics; {len(found)} themes found "
          f"(they name something in {fit:.0%} of the sentences)")
    for theme_set, s in scores.items():
        interval = f" (95% CI {s['ci'][0]:.3f}–{s['ci'][1]:.3f})" if s["ci"] else ""
        print(f"  NMI of each article's main theme with its topic, {theme_set}: {s['nmi']:.3f}{interval}; "
              f"articles naming none of its themes {s['none']:.1%}")
    for row in found.itertuples():
        print(f"    {row.paragraphs:>6,}  {row.terms.replace('|', ', ')}")
    return {"articles": len(articles), "topics": len(set(topics)), "themes": len(found), "fit": fit,
            "nmi": scores[THEME_SET]["nmi"], "nmi_ci": scores[THEME_SET]["ci"],
            "baselines": {s: v["nmi"] for s, v in scores.items() if s != THEME_SET}}


# The goals the figures are read against (from the project's issues); the figures themselves are measured.
GOALS = {"uncertainty_news": 0.78, "plain_modals_unflagged": 0.03, "speakers_named": 0.70, "speakers_not_people": 0.01,
         "speakers_named_news": 0.75, "speakers_not_people_news": 0.01,
         "tone": 0.60, "tone_toward": 0.75}
HUMAN_TONE_R = 0.745  # one rater against the mean of the others on the NYT snippets (as measured on dev by the team)


def _row(key: str, task: str, measure: str, value: float, ci=(None, None), fmt: str = ".3f", detail: str = "",
         baselines: dict | None = None, higher_is_better: bool = True) -> dict:
    goal = GOALS.get(key)
    met = None if goal is None else bool(value >= goal if higher_is_better else value <= goal)
    return {"key": key, "task": task, "measure": measure, "value": value, "ci_low": ci[0], "ci_high": ci[1], "format": fmt,
            "detail": detail, "baselines": baselines or {}, "goal": goal, "goal_direction": ">=" if higher_is_better else "<=",
            "met": met}


def validity_rows(results: dict) -> list[dict]:
    """The figures of a run on the dev files, one row per figure, as data/validity.json keeps them."""
    rows = []
    for key, result, label in (
            ("uncertainty_news", "news", "Epistemic uncertainty, FactBank news"),
            ("uncertainty_wikipedia_transfer", "news_on_wikipedia", "Uncertainty, CoNLL-2010 Wikipedia: the news model (transfer)"),
            ("uncertainty_wikipedia", "encyclopedic", "Uncertainty, CoNLL-2010 Wikipedia: the encyclopedic path")):
        h = results.get(result)
        if h:
            documents = f", {h['documents']:,} documents" if h["documents"] < h["n"] else ""
            reader = ", with the context reader" if h["reader"] else (", word regression alone" if h["genre"] == "encyclopedic" else "")
            rows.append(_row(key, f"{label} ({h['n']:,} sentences{documents})",
                             "F1, uncertain class" + (", out-of-fold by document" if h["out_of_fold"] else "") + reader,
                             h["f1"], h["f1_ci"], detail=f"P {h['precision']:.3f}, R {h['recall']:.3f}",
                             baselines={"cue rule 'any epistemic hedge'": h["rule_f1"], "always uncertain": h["always_f1"]}))
    m = results.get("plain_modals")
    if m:
        rows.append(_row("plain_modals_unflagged", f"Modern news: {m['articles']:,} articles of the dev corpus",
                         f"sentences hedged with a plain may/might/could left unflagged ({m['hedged']:,} hedged)",
                         m["share"], fmt=".1%", detail=f"{m['missed']} of {m['hedged']}", higher_is_better=False))
    for result, suffix, where in (("speakers", "", lambda s: f"FactBank's {s['documents']} newswire documents"),
                                  ("speakers_news", "_news", lambda s: f"modern news: the dev corpus's {s['articles']:,} articles")):
        s = results.get(result)
        if s:
            rows.append(_row(f"speakers_named{suffix}", f"Speakers, {where(s)}",
                             f"quoted sentences that name a speaker ({s['quoted']:,} quoted)", s["named_share"],
                             s["named_ci"], fmt=".1%"))
            rows.append(_row(f"speakers_not_people{suffix}", "", f"named speakers plainly not people ({s['named']:,} named)",
                             s["not_people"] / max(s["named"], 1), fmt=".1%",
                             detail=f"{s['not_people']} of {s['named']:,}", higher_is_better=False))
    n = results.get(TONE_FILE.name)
    if n:
        rows.append(_row("tone", f"Tone, NYT editorial snippets ({n['n']:,} from {n['articles']} articles; 20 raters)",
                         "Pearson r with the raters' mean" + (", out-of-fold by article" if n["out_of_fold"] else ""),
                         n["tone"]["pearson"], n["tone"]["pearson_ci"], detail=f"Spearman {n['tone']['spearman']:.3f}",
                         baselines={"TextBlob": n["polarity"]["pearson"], "VADER": n["vader"]["pearson"],
                                    "previous default (0.7 VADER + 0.3 TextBlob)": n["blend"]["pearson"],
                                    "one rater against the others": HUMAN_TONE_R}))
    m = results.get("tone_on_news")
    if m:
        rows.append(_row("tone_news_stance", f"Tone, NewsMTSC dev news sentences ({m['n']:,}; not independent: the "
                                             "tone model's teacher reads the tone-toward model, chosen on this file)",
                         "Pearson r with the mean annotated stance toward the sentence's people", m["tone"]["pearson"],
                         m["tone"]["pearson_ci"], baselines={"TextBlob": m["polarity"]["pearson"],
                                                             "VADER": m["vader"]["pearson"]}))
    t = results.get("tone_toward")
    if t:
        rows.append(_row("tone_toward", f"Stance toward a mention, NewsMTSC dev ({t['n']:,} mentions in {t['sentences']:,} "
                         "sentences; the model was chosen on this file)", "macro-F1 over negative, neutral, positive",
                         t["macro_f1"], t["macro_f1_ci"],
                         detail=f"accuracy {t['accuracy']:.3f}; " + ", ".join(f"{s} {v:.3f}" for s, v in t["per_stance"].items())
                         + "; " + ", ".join(f"set {k} {v:.3f}" for k, v in t["per_set"].items())
                         + f"; sentences whose people differ in stance {t['differing_macro_f1']:.3f} "
                           f"(VADER {t['differing_vader_macro_f1']:.3f})",
                         baselines={"whole-sentence VADER": t["vader_macro_f1"]}))
    f = results.get("found_themes")
    if f:
        rows.append(_row("found_themes", f"Themes found in the dev corpus ({f['articles']:,} articles, {f['topics']} "
                         f"labelled topics; {f['themes']} themes found)",
                         "NMI of each article's main found theme with its topic label", f["nmi"], f["nmi_ci"],
                         detail=f"the found themes name something in {f['fit']:.0%} of the sentences",
                         baselines={THEME_SET_LABELS.get(k, k): v for k, v in f["baselines"].items()}))
    return rows


THEME_SET_LABELS = {"policy_frames": "Policy Frames Codebook", "corpus": "bundled story themes"}


def write_validity(rows: list[dict], out: Path = VALIDITY_FILE) -> None:
    """The figures, with the date and the commit they were measured at (``-dirty``: with uncommitted changes)."""
    def git(*args):
        return subprocess.run(["git", *args], capture_output=True, text=True, cwd=ROOT).stdout.strip()

    commit = git("rev-parse", "--short", "HEAD") + ("-dirty" if git("status", "--porcelain", "--untracked-files=no") else "")
    record = {"generated_by": "python -m training.evaluate", "date": date.today().isoformat(), "commit": commit,
              "intervals": f"95% percentile bootstrap, {RESAMPLES:,} resamples, whole documents where the file has them",
              "rows": rows, "files": validity.read_by(list(sys.modules.values()))}
    out.write_text(json.dumps(record, indent=2, ensure_ascii=False) + "\n", "utf-8")
    docs = ROOT / "docs" / "validity.md"  # its table, between the markers, is made from the same record
    text = docs.read_text("utf-8")
    start, end = text.index(DOCS_START) + len(DOCS_START), text.index(DOCS_END)
    docs.write_text(text[:start] + f"\n{validity.markdown_table(record)}\n\n{validity.provenance(record)}\n" + text[end:], "utf-8")
    print(f"\nfigures written to {out.relative_to(ROOT)} and {docs.relative_to(ROOT)} (commit {commit})")


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("files", nargs="*", type=Path, default=DEV_FILES)
    ap.add_argument("--errors", action="store_true", help="hedging: list the cues behind false positives and negatives")
    ap.add_argument("--reader", action="store_true",
                    help="the encyclopedic path with fold readers (trained if missing: requirements-train.txt, ~35 min)")
    args = ap.parse_args()
    results = {}
    for path in args.files:
        if not path.is_file():
            print(f"error: {path}: no such file", file=sys.stderr)
            return 2
        header = path.open(encoding="utf-8").readline()
        if path.suffix == ".jsonl" and "stance" in header:
            results["tone_on_news"] = tone_on_news(path)
            results["tone_toward"] = tone_toward(path)
        elif path.suffix == ".jsonl":
            articles, table, topics, found = dev_news(path)
            results["plain_modals"] = plain_modals(path, articles, table)
            results["speakers_news"] = speakers_on_news(path, table)
            results["found_themes"] = found_themes(path, articles, table, topics, found)
        elif "mean_rating" in header:
            results[path.name] = tone(path)
        elif "label" in header:
            if path.name == ENCYCLOPEDIC_FILE.name:
                results["news_on_wikipedia"] = hedging(path, args.errors)
                results["encyclopedic"] = hedging(path, args.errors, "encyclopedic", args.reader)
            else:
                results["news" if path.name == NEWS_FILE.name else path.name] = hedging(path, args.errors)
            if "doc_id" in header:
                results["speakers"] = speakers(path)
        else:
            print(f"error: {path}: neither 'text,label' nor 'id, mean_rating, text' columns, nor articles (.jsonl)",
                  file=sys.stderr)
            return 2
    if [p.resolve() for p in args.files] == [p.resolve() for p in DEV_FILES]:  # only a run on the dev files is written
        write_validity(validity_rows(results))
    return 0


if __name__ == "__main__":
    sys.exit(main())
