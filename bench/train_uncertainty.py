"""Train the sentence-level uncertainty weights shipped in data/models/.

    python bench/train_uncertainty.py                 # on the dev file in ../shared/validation
    python bench/train_uncertainty.py FILE --out DIR  # any text,label CSV; another folder

Settings (vocabulary of 3,000 words and word pairs, C = 0.05, threshold 0.5) were chosen by
5-fold cross-validation on the dev file only; the card records the training file's SHA-256 so that
bench/validity.py reports out-of-fold figures, never in-sample ones, when it is given that file.
"""
from __future__ import annotations

import argparse
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from framing import uncertainty  # noqa: E402
from framing.cues import find_hedges  # noqa: E402
from framing.lexicon import Lexicons  # noqa: E402

DEV_FILE = ROOT.parent / "shared" / "validation" / "hedging" / "wikipedia_weasel_dev.csv"
SETTINGS = {"vocabulary_size": 3000, "c": 0.05, "iterations": 300}


def train_file(path: Path) -> uncertainty.Model:
    data = path.read_bytes()
    texts, labels = uncertainty.read_labelled_csv(data.decode("utf-8"))
    lexicons = Lexicons.load()
    cues = [[h["cue"] for h in find_hedges(t, lexicons)] for t in texts]
    model = uncertainty.train(texts, cues, labels, **SETTINGS)
    model.card.update({"trained_on": path.name, "training_sha256": uncertainty.file_sha256(data),
                       "labels": "CoNLL-2010 shared task, Wikipedia weasel/uncertainty sentences (dev split)"})
    return model


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("file", nargs="?", type=Path, default=DEV_FILE)
    parser.add_argument("--out", type=Path, default=uncertainty.MODEL_DIR)
    args = parser.parse_args()
    model = train_file(args.file)
    model.save(args.out)
    print(f"trained on {args.file.name} ({model.card['n_train']} sentences): {len(model.weights)} weights -> {args.out}")


if __name__ == "__main__":
    main()
