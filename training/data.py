"""The training and evaluation data: declared in manifest.toml, checked against their SHA-256, read as labelled sets."""
from __future__ import annotations

import csv
import hashlib
import io
import tomllib
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parent.parent
HERE = Path(__file__).resolve().parent
MANIFEST = tomllib.loads((HERE / "manifest.toml").read_text("utf-8"))["files"]
CONFIG = tomllib.loads((HERE / "config.toml").read_text("utf-8"))
FOLDS = CONFIG["evaluation"]["folds"]


class DataError(SystemExit):
    """A training file missing or not the one the manifest names: one line, exit code 2."""

    def __init__(self, message: str):
        super().__init__(f"error: {message}")


def file_sha256(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def path(name: str) -> Path:
    """The manifest's file ``name``, after checking it is there and its SHA-256 is the manifest's."""
    entry = MANIFEST[name]
    found = (ROOT / entry["path"]).resolve()
    if not found.is_file():
        raise DataError(f"{entry['path']}: missing (training/manifest.toml names it as {name})")
    digest = file_sha256(found.read_bytes())
    if digest != entry["sha256"]:
        raise DataError(f"{entry['path']}: SHA-256 {digest[:12]}… is not the manifest's {entry['sha256'][:12]}…; "
                        "if the change is intended, update training/manifest.toml")
    return found


def checked(file: Path) -> Path:
    """``file`` as given; if it is one the manifest names (by its file name), its hash is checked first."""
    for name, entry in MANIFEST.items():
        if Path(entry["path"]).name == file.name and file.resolve() == (ROOT / entry["path"]).resolve():
            return path(name)
    return file


_PTB = {"-LRB-": "(", "-RRB-": ")", "-LSB-": "[", "-RSB-": "]", "-LCB-": "{", "-RCB-": "}", "``": '"', "''": '"'}


def detokenise(text: str) -> str:
    """Undo the Penn Treebank escapes of the CoNLL-2010 text so the lexicon sees ordinary prose."""
    for token, char in _PTB.items():
        text = text.replace(token, char)
    return " ".join(text.split())


def read_labelled_csv(text: str) -> tuple[list[str], list[int], list[str]]:
    """A ``text,label`` CSV (CoNLL-2010 Wikipedia format) or ``doc_id,…,text,label`` (FactBank format),
    Penn Treebank escapes undone. Returns texts, labels and each sentence's document (its row number when
    the file has no ``doc_id``: each sentence is then its own document)."""
    rows = list(csv.DictReader(io.StringIO(text)))
    documents = [r.get("doc_id") or f"row{n}" for n, r in enumerate(rows)]
    return [detokenise(r["text"]) for r in rows], [1 if r["label"].strip() == "1" else 0 for r in rows], documents


def read(file: Path) -> tuple[list[str], list[int], list[str], str]:
    """A labelled sentence file: texts, labels, documents and the file's SHA-256 (checked if the manifest names it)."""
    data = checked(file).read_bytes()
    texts, labels, documents = read_labelled_csv(data.decode("utf-8"))
    return texts, labels, documents, file_sha256(data)


def document_folds(documents: list[str], folds: int = FOLDS) -> np.ndarray:
    """Each sentence's fold, whole documents at a time (seeded, so every out-of-fold figure is reproducible)."""
    unique = sorted(set(documents))
    order = np.random.default_rng(0).permutation(len(unique))
    fold_of = {d: int(order[i]) % folds for i, d in enumerate(unique)}
    return np.array([fold_of[d] for d in documents])


def labelled(texts: list[str], labels: list[int], lexicons) -> list[tuple[str, list[dict], list[dict], int]]:
    """Each sentence with the cues the shipped lexicons find in it (the uncertainty features need them)."""
    from framing.scoring.measures import Sentence

    out = []
    for text, label in zip(texts, labels):
        sentence = Sentence(text, lexicons)
        out.append((text, sentence.hedges, sentence.approximators, label))
    return out


NEWS_FILE = ROOT / MANIFEST["factbank_news_dev"]["path"]
ENCYCLOPEDIC_FILE = ROOT / MANIFEST["wikipedia_weasel_dev"]["path"]
TONE_FILE = ROOT / MANIFEST["nyt_editorial_snippets_dev"]["path"]
NEWS_CORPUS_FILE = ROOT / MANIFEST["allsides_dev"]["path"]
TARGET_TONE_FILE = ROOT / MANIFEST["newsmtsc_dev"]["path"]
