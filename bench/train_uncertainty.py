"""Train the sentence-level uncertainty weights shipped in data/models/.

    python bench/train_uncertainty.py                      # the two dev files in ../shared/validation
    python bench/train_uncertainty.py --news F --encyclopedic F --out DIR

The news expert learns from the FactBank news sentences, the encyclopedic expert from the CoNLL-2010
Wikipedia sentences, the gate from telling the two apart (see framing/uncertainty.py). Settings
(``uncertainty.SETTINGS``: the news expert on cues only, C = 0.5; the encyclopedic expert and the gate on
3,000 words and word pairs, C = 0.05; threshold 0.5) were chosen by cross-validation on the dev files
only, folds by document (on dev, a news expert over words scored 0.772 alone but transferred worse
inside the mixture than one over cues: 0.733). The card records each training file's SHA-256, so
bench/validity.py reports out-of-fold figures, never in-sample ones, for those files.
"""
from __future__ import annotations

import argparse
import sys
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from framing import reader, uncertainty  # noqa: E402
from framing.lexicon import Lexicons  # noqa: E402
from framing.measures import Sentence  # noqa: E402

VALIDATION = ROOT.parent / "shared" / "validation" / "hedging"
NEWS_FILE = VALIDATION / "factbank_news_dev.csv"
ENCYCLOPEDIC_FILE = VALIDATION / "wikipedia_weasel_dev.csv"
FOLDS = 5


def document_folds(documents: list[str], folds: int = FOLDS) -> np.ndarray:
    """Each sentence's fold, whole documents at a time (seeded, so every out-of-fold figure is reproducible)."""
    unique = sorted(set(documents))
    order = np.random.default_rng(0).permutation(len(unique))
    fold_of = {d: int(order[i]) % folds for i, d in enumerate(unique)}
    return np.array([fold_of[d] for d in documents])


def labelled(texts: list[str], labels: list[int], lexicons: Lexicons) -> uncertainty.Labelled:
    """Each sentence with the cues the shipped lexicons find in it (the features need them)."""
    out = []
    for text, label in zip(texts, labels):
        sentence = Sentence(text, lexicons)
        out.append((text, sentence.hedges, sentence.approximators, label))
    return out


def read(path: Path) -> tuple[list[str], list[int], list[str], str]:
    data = path.read_bytes()
    texts, labels, documents = uncertainty.read_labelled_csv(data.decode("utf-8"))
    return texts, labels, documents, uncertainty.file_sha256(data)


def train_files(news: Path, encyclopedic: Path) -> uncertainty.Model:
    lexicons = Lexicons.load()
    news_texts, news_labels, _, news_sha = read(news)
    ency_texts, ency_labels, _, ency_sha = read(encyclopedic)
    model = uncertainty.train(labelled(news_texts, news_labels, lexicons), labelled(ency_texts, ency_labels, lexicons))
    # The context reader is trained apart (bench/train_reader.py, torch) and kept where it is; the card gives its share.
    if reader.available(uncertainty.MODEL_DIR):
        model = model.with_reader(uncertainty.MODEL_DIR, uncertainty.READER_WEIGHT)
    model.card.update({"trained_on": {news.name: news_sha, encyclopedic.name: ency_sha},
                       "labels": {news.name: "FactBank part of the Szeged Uncertainty Corpus (Vincze 2014), dev split",
                                  encyclopedic.name: "CoNLL-2010 shared task, Wikipedia weasel sentences, dev split"}})
    return model


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--news", type=Path, default=NEWS_FILE)
    parser.add_argument("--encyclopedic", type=Path, default=ENCYCLOPEDIC_FILE)
    parser.add_argument("--out", type=Path, default=uncertainty.MODEL_DIR)
    args = parser.parse_args()
    model = train_files(args.news, args.encyclopedic)
    model.save(args.out)
    sizes = ", ".join(f"{name} {len(part.weights)}" for name, part in model.parts.items())
    print(f"trained on {args.news.name} and {args.encyclopedic.name}: weights {sizes} -> {args.out}")


if __name__ == "__main__":
    main()
