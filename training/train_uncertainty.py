"""Train the sentence-level uncertainty weights shipped in data/models/.

    python -m training.train_uncertainty                      # the two dev files the manifest names
    python -m training.train_uncertainty --news F --encyclopedic F --out DIR

The news model learns from the FactBank news sentences, the encyclopedic model from the CoNLL-2010
Wikipedia sentences (see framing/models/uncertainty.py; news scores every corpus unless the encyclopedic
path is chosen). Settings (training/config.toml: news on cues only, C = 0.5; encyclopedic on 3,000 words
and word pairs, C = 0.05; threshold 0.5) were chosen by cross-validation on the dev files only, folds by
document. The card records each training file's SHA-256, so
``python -m training.evaluate`` reports out-of-fold figures, never in-sample ones, for those files.
"""
from __future__ import annotations

import argparse
from pathlib import Path

from framing.language.lexicon import Lexicons
from framing.models import context_reader, uncertainty
from training.data import ENCYCLOPEDIC_FILE, NEWS_FILE, labelled, read
from training.logistic import READER_WEIGHT, train


def train_files(news: Path, encyclopedic: Path) -> uncertainty.Model:
    lexicons = Lexicons.load()
    news_texts, news_labels, _, news_sha = read(news)
    ency_texts, ency_labels, _, ency_sha = read(encyclopedic)
    model = train(labelled(news_texts, news_labels, lexicons), labelled(ency_texts, ency_labels, lexicons))
    # The context reader is trained apart (python -m training.train_reader, torch) and kept where it is; the card gives its share.
    if context_reader.available(uncertainty.MODEL_DIR):
        model = model.with_reader(uncertainty.MODEL_DIR, READER_WEIGHT)
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
