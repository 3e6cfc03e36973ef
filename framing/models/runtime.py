"""Running the shipped models: MiniLM's word-piece tokenizer, onnxruntime sessions on the CPU (the context reader,
the tone-toward model), and ``Remembered``, the per-word memory the lexicon scorers (TextBlob, VADER) work from."""
from __future__ import annotations

import ctypes
import hashlib
from collections.abc import Callable
from functools import lru_cache
from pathlib import Path


def word_piece_tokenizer(path: Path):
    """The tokenizer in ``path``, without padding or truncation (callers cut their own windows).

    One per distinct file per process: the shipped models' tokenizer files are the same MiniLM vocabulary, and
    each loaded copy holds about 14 MB. Encoding holds no state, so the models share it."""
    return _tokenizer_with_digest(hashlib.sha256(Path(path).read_bytes()).hexdigest(), str(path))


@lru_cache(maxsize=4)
def _tokenizer_with_digest(digest: str, path: str):
    from tokenizers import Tokenizer

    tokenizer = Tokenizer.from_file(path)
    tokenizer.no_padding()
    tokenizer.no_truncation()
    return tokenizer


class Remembered(dict):
    """key -> ``work(key)``, each worked out once, on first use: news repeats its words, so a scorer that works out
    what a word means for it once per distinct word does most of its work as dict lookups. Past ``limit`` keys the
    memory starts again (a news vocabulary is far smaller)."""

    def __init__(self, work: Callable, limit: int = 200_000):
        super().__init__()
        self.work, self.limit = work, limit

    def __missing__(self, key):
        if len(self) >= self.limit:
            self.clear()
        value = self[key] = self.work(key)
        return value


def cpu_session(path: Path, threads: int):
    """An onnxruntime session on the CPU with ``threads`` threads inside an operator and one between them, quiet."""
    import onnxruntime

    options = onnxruntime.SessionOptions()
    options.intra_op_num_threads = threads
    options.inter_op_num_threads = 1
    options.log_severity_level = 3
    return onnxruntime.InferenceSession(str(path), options, providers=["CPUExecutionProvider"])


def return_freed_memory() -> None:
    """Ask the C library to hand freed heap memory back to the system.

    onnxruntime frees a session's weights and buffers into the process's heap, where glibc would keep most of them
    for reuse: without this, letting a session go returns about a third of what it held. Elsewhere (no glibc) it
    does nothing."""
    try:
        ctypes.CDLL(None).malloc_trim(0)  # the process's own symbols, which include the C library's
    except (OSError, AttributeError, TypeError):
        pass
