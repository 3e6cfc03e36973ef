"""Portrayal: how each sentence naming an actor speaks *of* it, from the tone-toward model.

A sentence naming an actor is one mention of it: the model reads the sentence with the actor's first match in it
marked (``actor_matches``; a second naming in the same sentence is nearly always spoken of the same way) and
gives P(negative), P(neutral), P(positive) toward it; the stance is the most probable of the three.

It is scored on demand, only for the actor asked about, and kept by content (the sentence and the mention's
place in it) in one cache per process, shared by every corpus and session: a pick or a click never rescores, and
an actor's mentions in a second upload of the same articles are already known. Plain ``analyze`` never runs it.
"""
from __future__ import annotations

import threading
from collections import OrderedDict
from collections.abc import Callable
from concurrent.futures import Executor
from contextlib import nullcontext

import numpy as np
import pandas as pd

from framing.language.term_match import TermMatch
from framing.models import tone_toward

PROBABILITY_COLUMNS = ("p_negative", "p_neutral", "p_positive")  # in the order of tone_toward.STANCES
MENTION_COLUMNS = ("mention_of", "mention", "mention_start", "mention_end")
CACHE_SIZE = 500_000  # mentions kept (three floats each, with their key)
BATCH = 64  # mentions scored between progress reports


class StanceCache:
    """(model, sentence, start, end) -> the three probabilities; least recently used dropped first. Thread-safe."""

    def __init__(self, size: int = CACHE_SIZE):
        self.size = size
        self._found: OrderedDict[tuple, np.ndarray] = OrderedDict()
        self._lock = threading.Lock()

    def get(self, key: tuple) -> np.ndarray | None:
        with self._lock:
            found = self._found.get(key)
            if found is not None:
                self._found.move_to_end(key)
            return found

    def put(self, key: tuple, value: np.ndarray) -> None:
        with self._lock:
            self._found[key] = value
            while len(self._found) > self.size:
                self._found.popitem(last=False)


CACHE = StanceCache()


def mentions_of(table: pd.DataFrame, actor: str) -> pd.DataFrame:
    """The sentences naming ``actor``, each with its first match: mention_of (the actor), mention (as written),
    mention_start, mention_end."""
    if table.empty:
        return table.assign(**{c: pd.Series(dtype=object if c in ("mention_of", "mention") else int) for c in MENTION_COLUMNS})
    first = table["actor_matches"].map(lambda found: next((TermMatch(*m) for m in found if m[1] == actor), None))
    named = table[first.notna()]
    first = first[first.notna()]
    return named.assign(mention_of=actor, mention=[m.term for m in first], mention_start=[m.start for m in first],
                        mention_end=[m.end for m in first])


def _key(model: tone_toward.ToneTowardModel, text: str, start: int, end: int) -> tuple:
    return (model.card["model_sha256"], text, int(start), int(end))


def unscored(mentions: pd.DataFrame, model: tone_toward.ToneTowardModel | None = None, cache: StanceCache = CACHE) -> int:
    """How many of these mentions the model has not read yet (what scoring them would cost)."""
    model = model or tone_toward.model_in()
    return sum(cache.get(_key(model, t, s, e)) is None
               for t, s, e in zip(mentions["text"], mentions["mention_start"], mentions["mention_end"]))


def with_stances(mentions: pd.DataFrame, model: tone_toward.ToneTowardModel | None = None, cache: StanceCache = CACHE,
                 progress: Callable[[int, int], None] | None = None, pool: Executor | None = None) -> pd.DataFrame:
    """``mentions`` (from ``mentions_of``) with p_negative, p_neutral, p_positive and stance. Mentions not yet in
    the cache are scored, ``progress(done, total)`` told after each batch: by ``pool``'s worker processes, one
    thread each, when one is given (``tone_toward.read_in_worker``; the same figures), else here."""
    model = model or tone_toward.model_in()
    keys = [_key(model, t, s, e) for t, s, e in zip(mentions["text"], mentions["mention_start"], mentions["mention_end"])]
    found = [cache.get(k) for k in keys]
    missing = [i for i, f in enumerate(found) if f is None]
    batches = [missing[at:at + BATCH] for at in range(0, len(missing), BATCH)]
    if pool is not None:
        directory = str(model.directory)
        futures = [pool.submit(tone_toward.read_in_worker, [keys[i][1:] for i in chosen], directory) for chosen in batches]
        read = (future.result() for future in futures)
    else:
        read = (model.probabilities([keys[i][1:] for i in chosen]) for chosen in batches)
    with model.loaded() if pool is None and missing else nullcontext():  # one load for every batch; let go when read
        done = 0
        for chosen, scored in zip(batches, read):
            for i, p in zip(chosen, scored):
                found[i] = p
                cache.put(keys[i], p)
            done += len(chosen)
            if progress:
                progress(done, len(missing))
    probabilities = np.vstack(found) if found else np.zeros((0, len(tone_toward.STANCES)))
    return mentions.assign(**{c: probabilities[:, k] for k, c in enumerate(PROBABILITY_COLUMNS)},
                           stance=tone_toward.stance_of(probabilities))
