"""Per-article analysis, done once per distinct text: what every sentence table is assembled from.

An article's analysis comes in two parts:

- its **text part** needs no lexicon: the sentences and where they are, their tone, how much of each is
  quoted and who is named as speaking (``text_part``);
- its **cue part** needs the lexicons: hedges, approximators, boosters, themes, actors and the uncertainty
  model, which reads the hedges (``cue_part``).

Each part is a dict of columns (one list per column, one item per sentence; list values are tuples, which
Python's garbage collector stops tracking). Parts are keyed by content: the text part by the article's id
and text, the cue part by that and the lexicons. A ``PartCache`` holds them, so a pick, a click, a
metadata edit or a rerun never redoes either, and a lexicon edit redoes only the cue parts.

``all_parts`` runs the same per-article functions in this process or in a pool of processes (``jobs``),
in input order whatever the number of processes; ``framing.scoring.dask_cluster`` runs them on Dask.
"""
from __future__ import annotations

import hashlib
import os
import re
import threading
from collections import OrderedDict, deque
from collections.abc import Callable, Iterable, Iterator, Sequence
from concurrent.futures import BrokenExecutor, Executor, Future, ProcessPoolExecutor
from contextlib import contextmanager
from multiprocessing import get_context

import numpy as np

from framing.language.lexicon import Lexicons, theme_set_column
from framing.language.voice import attribution, outside_quotes, people_named, quote_spans, quoted_share, resolve_speakers
from framing.reading.corpus import Article, article_from_text, paragraphs
from framing.reading.segment import sentence_spans
from framing.scoring.measures import MEASURES, Sentence

Part = dict[str, Sequence]  # column -> one value per sentence (a numpy array or a tuple, once made)
_WORD = re.compile(r"[^\W_]+(?:['’-][^\W_]+)*")
LEAD_POSITION = 0.2  # the first fifth of an article counts as its lead
TEXT_COLUMNS = ["sentence_id", "paragraph_id", "heading", "sentence_index", "position", "in_lead", "text", "n_words",
                "quoted_share", "speaker"]
CUE_LABEL_COLUMNS = ["hedges", "approximators", "boosters", "hedge_categories", "theme_matches", "actors", "actor_matches"]
TASK_ARTICLES = 25  # articles per task sent to a worker process (small enough to share the work evenly)


def text_measures() -> list:
    return [m for m in MEASURES if not m.needs_lexicons]


def cue_measures() -> list:
    return [m for m in MEASURES if m.needs_lexicons]


def count_words(text: str) -> int:
    """The words of a text, as every rate per 1,000 words counts them."""
    return len(_WORD.findall(text))



def text_key(article: Article) -> str:
    """What the text part depends on: the article's id (its sentence ids carry it) and its blocks."""
    digest = hashlib.sha256(article.article_id.encode("utf-8"))
    for block in article.blocks:
        digest.update(b"\x00" + block.kind.encode("ascii") + b"\x01" + block.text.encode("utf-8"))
    return digest.hexdigest()


def sentence_texts(article: Article) -> list[str]:
    """The article's sentences, as its text part splits them, and nothing more (for work that needs only the words)."""
    return [text[s:e] for _, _, text in paragraphs(article) for s, e in sentence_spans(text)]


def text_part(article: Article) -> Part:
    """The sentences of an article with everything that needs no lexicon (see the module docstring)."""
    units = []  # (paragraph_id, heading, sentence text, its quoted stretches)
    for paragraph_id, heading, text in paragraphs(article):
        spans = sentence_spans(text)
        for (s, e), quoted in zip(spans, quote_spans(text, spans)):
            units.append((paragraph_id, heading, text[s:e], quoted))
    last = max(len(units) - 1, 1)
    measures = text_measures()
    part: Part = {c: [] for c in TEXT_COLUMNS + [m.column for m in measures]}
    attributed, people, outside = [], [], []
    for index, (paragraph_id, heading, text, quoted) in enumerate(units):
        share = quoted_share(text, quoted)
        sentence = Sentence(text, None, quoted_share=share)
        part["sentence_id"].append(f"{article.article_id}-s{index + 1:03d}")
        part["paragraph_id"].append(paragraph_id)
        part["heading"].append(heading)
        part["sentence_index"].append(index)
        part["position"].append(round(index / last, 4))
        part["in_lead"].append(index / last <= LEAD_POSITION)
        part["text"].append(text)
        part["n_words"].append(count_words(text))
        part["quoted_share"].append(round(share, 3))
        for m in measures:
            part[m.column].append(m.compute(sentence))
        attributed.append(attribution(text, quoted))
        outside.append(outside_quotes(text, quoted))
        people.append(people_named(outside[-1], owners=False))  # a name inside the quote is rarely who speaks it
    part["speaker"] = resolve_speakers(attributed, part["paragraph_id"], part["quoted"], people, outside,
                                       [share > 0 for share in part["quoted_share"]])
    return _compact(part)


def cue_part(texts: Sequence[str], lexicons: Lexicons) -> Part:
    """Everything the lexicons find in each sentence, and the measures made from it."""
    measures = cue_measures()
    themes = {name: theme_set_column(name) for name in lexicons.theme_sets}
    part: Part = {c: [] for c in [m.column for m in measures] + CUE_LABEL_COLUMNS + list(themes.values())}
    for text in texts:
        sentence = Sentence(text, lexicons)
        for m in measures:
            value = m.compute(sentence)
            part[m.column].append(tuple(value) if isinstance(value, list) else value)
        hedges, approximators, boosters = tuple(sentence.hedges), tuple(sentence.approximators), tuple(sentence.boosters)
        part["hedges"].append(hedges)
        part["approximators"].append(approximators)
        part["boosters"].append(boosters)
        part["hedge_categories"].append(_labels({c["category"] for c in hedges + approximators}))
        theme_matches = []
        for name, column in themes.items():
            found = sentence.matches[f"themes:{name}"]
            part[column].append(_labels({m.label for m in found}))
            theme_matches.extend((m.text, m.label, m.start, m.end, name) for m in found)  # a TermMatch's fields
        part["theme_matches"].append(tuple(theme_matches))
        actors = sentence.matches["actors"]
        part["actors"].append(_labels({m.label for m in actors}))
        part["actor_matches"].append(tuple((m.text, m.label, m.start, m.end) for m in actors))
    return _compact(part)


_LABEL_SETS: dict[tuple, tuple] = {}


def _labels(found: set[str]) -> tuple[str, ...]:
    """A sentence's labels, sorted; each distinct set is one tuple shared by every sentence that has it."""
    labels = tuple(sorted(found))
    if len(_LABEL_SETS) > 50_000:
        _LABEL_SETS.clear()
    return _LABEL_SETS.setdefault(labels, labels)


def _compact(part: Part) -> Part:
    """Columns of numbers and flags as numpy arrays (8 bytes or 1 a value, instead of a Python object each); the
    others as tuples, which the garbage collector stops tracking once it sees they hold nothing it tracks (a list it
    would walk at every collection, for every cached article)."""
    for column, values in part.items():
        if values and all(type(v) in (float, int, bool) for v in values) and len({type(v) for v in values}) == 1:
            part[column] = np.asarray(values)
        else:
            part[column] = tuple(values)
    return part


def article_parts(article: Article, lexicons: Lexicons) -> tuple[Part, Part]:
    text = text_part(article)
    return text, cue_part(text["text"], lexicons)


class PartCache:
    """Text and cue parts by content key, least recently used dropped first once more than ``max_sentences``
    sentences are held. Safe to share between threads (the app's sessions)."""

    def __init__(self, max_sentences: int = 200_000):
        self.max_sentences = max_sentences
        self._parts: OrderedDict[tuple, Part] = OrderedDict()
        self._sentences = 0
        self._lock = threading.Lock()

    def get(self, key: tuple) -> Part | None:
        with self._lock:
            part = self._parts.get(key)
            if part is not None:
                self._parts.move_to_end(key)
            return part

    def put(self, key: tuple, part: Part) -> None:
        size = len(next(iter(part.values()), ()))
        with self._lock:
            if key in self._parts:
                return
            self._parts[key] = part
            self._sentences += size
            while self._sentences > self.max_sentences and len(self._parts) > 1:
                _, dropped = self._parts.popitem(last=False)
                self._sentences -= len(next(iter(dropped.values()), ()))

    def __len__(self) -> int:
        return len(self._parts)


# --- in worker processes ---------------------------------------------------------------------------------

_WORKER_LEXICONS: dict[str, Lexicons] = {}


def worker_lexicons(lexicons: Lexicons) -> Lexicons:
    """The worker's copy of these lexicons, built once per process (its matchers remember what they found)."""
    if lexicons.key not in _WORKER_LEXICONS:
        _WORKER_LEXICONS.clear()
        _WORKER_LEXICONS[lexicons.key] = lexicons
    return _WORKER_LEXICONS[lexicons.key]


def _task(articles: list[Article], lexicons: Lexicons) -> list[tuple[Part, Part]]:
    """One task in a worker process."""
    lexicons = worker_lexicons(lexicons)
    return [article_parts(a, lexicons) for a in articles]


def _ready() -> None:
    """A worker's first task: the engine is imported to unpickle it, and scoring one sentence loads every model a
    text part reads (the tone model, MiniLM's word pieces, TextBlob's and VADER's lexicons)."""
    text_part(article_from_text("Ready.", "ready"))


def start_workers(pool: Executor, workers: int) -> None:
    """``pool``'s ``workers`` processes start now and make themselves ready (about a second each: ``_ready``), so
    the first articles sent find them so."""
    for _ in range(workers):
        pool.submit(_ready)


def _text_task(articles: list[Article]) -> list[Part]:
    return [text_part(a) for a in articles]


def _cue_task(texts: list[Sequence[str]], lexicons: Lexicons) -> list[Part]:
    lexicons = worker_lexicons(lexicons)
    return [cue_part(t, lexicons) for t in texts]


def submit_text_parts(pool: Executor, articles: list[Article]) -> list[tuple[list[Article], Future]]:
    """The text parts of ``articles`` (they need no lexicon, so they can start before the lexicons are settled),
    ``TASK_ARTICLES`` articles a task; ``store_text_parts`` puts them in a cache."""
    tasks = [articles[k:k + TASK_ARTICLES] for k in range(0, len(articles), TASK_ARTICLES)]
    return [(task, pool.submit(_text_task, task)) for task in tasks]


def store_text_parts(submitted: list[tuple[list[Article], Future]], cache: PartCache,
                     progress: Callable[[int, int], None] | None = None) -> None:
    total, done = sum(len(task) for task, _ in submitted), 0
    for task, future in submitted:
        for article, part in zip(task, future.result()):
            cache.put(("text", text_key(article)), part)
        done += len(task)
        if progress:
            progress(done, total)


def chunks(articles: Iterable[Article], size: int) -> Iterator[list[Article]]:
    """Articles ``size`` at a time, in order (what the command line and --engine dask analyse and write)."""
    chunk: list[Article] = []
    for article in articles:
        chunk.append(article)
        if len(chunk) == size:
            yield chunk
            chunk = []
    if chunk:
        yield chunk


def usable_cores() -> int:
    """Cores this process may run on (a container may allow fewer than the machine has)."""
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # not on Linux
        return os.cpu_count() or 1


def process_pool(jobs: int) -> ProcessPoolExecutor:
    """A pool of ``jobs`` fresh processes ("spawn": safe beside the app server's threads)."""
    return ProcessPoolExecutor(max_workers=jobs, mp_context=get_context("spawn"))


class _Lent(Executor):
    """A pool lent to one analysis: what it sent and is not yet running is cancelled when it gives the pool back (a
    visitor who leaves mid-upload leaves no work queued before the next one's)."""

    def __init__(self, pool: Executor):
        self._pool, self._sent = pool, []

    def submit(self, fn, /, *args, **kwargs) -> Future:
        future = self._pool.submit(fn, *args, **kwargs)
        self._sent.append(future)
        return future

    def cancel_waiting(self) -> None:
        for future in self._sent:
            future.cancel()


class WarmPool:
    """A pool of ``jobs`` worker processes kept between analyses, and let go once unused for ``idle_seconds``: an
    upload finds its workers started (each costs about 0.75 core-s to start, importing the engine and loading its
    models: ``_ready``), while a quiet server holds no idle processes. Analyses that overlap share it."""

    def __init__(self, jobs: int, idle_seconds: float = 120.0):
        self.jobs, self.idle_seconds = jobs, idle_seconds
        self._pool: ProcessPoolExecutor | None = None
        self._lent, self._idle_timer = 0, None
        self._let_go_when_returned = False
        self._lock = threading.Lock()

    @contextmanager
    def lend(self) -> Iterator[Executor]:
        with self._lock:
            if self._idle_timer is not None:
                self._idle_timer.cancel()
                self._idle_timer = None
            if self._pool is None:
                self._pool = process_pool(self.jobs)
                start_workers(self._pool, self.jobs)
            pool, self._lent = self._pool, self._lent + 1
        lent = _Lent(pool)
        try:
            yield lent
        except BrokenExecutor:  # a worker died (out of memory): the next analysis gets a new pool
            with self._lock:
                if self._pool is pool:
                    self._pool = None
            pool.shutdown(wait=False, cancel_futures=True)
            raise
        finally:
            lent.cancel_waiting()
            with self._lock:
                self._lent -= 1
                at_once = self._let_go_when_returned
                if not self._lent and self._pool is not None:
                    self._let_go_when_returned = False
                    self._idle_timer = threading.Timer(0 if at_once else self.idle_seconds, self._let_go)
                    self._idle_timer.daemon = True
                    self._idle_timer.start()

    def let_go_when_returned(self) -> None:
        """Let the workers go as soon as no analysis holds them, not after ``idle_seconds``: after a large analysis
        their memory (the words they remembered, the modules its lists imported) outweighs a start saved."""
        with self._lock:
            if self._pool is not None:
                self._let_go_when_returned = True

    @property
    def started(self) -> bool:
        return self._pool is not None

    def _let_go(self) -> None:
        with self._lock:
            if self._lent or self._pool is None:
                return
            pool, self._pool = self._pool, None
        pool.shutdown(wait=False)


def all_parts(articles: list[Article], lexicons: Lexicons, cache: PartCache | None = None, pool: Executor | None = None,
            progress: Callable[[int, int], None] | None = None) -> list[tuple[Part, Part]]:
    """The text and cue parts of every article, in order: from ``cache`` where it has them, otherwise computed
    (by ``pool`` when one is given and there are several tasks of ``TASK_ARTICLES`` articles: both parts, or the cue
    parts alone where the text part is cached, as after a lexicon edit or an upload's early text parts) and put in
    ``cache``. ``progress(done, total)`` after each piece of work."""
    keys = [text_key(a) for a in articles]
    parts: list[list] = [[None, None] for _ in articles]
    whole, cues_only = [], []
    for i, key in enumerate(keys):
        text = cache.get(("text", key)) if cache is not None else None
        cues = cache.get(("cues", key, lexicons.key)) if cache is not None and text is not None else None
        parts[i] = [text, cues]
        if text is None:
            whole.append(i)
        elif cues is None:
            cues_only.append(i)
    total, done = len(whole) + len(cues_only), 0

    def store(i: int, text: Part, cues: Part) -> None:
        parts[i] = [text, cues]
        if cache is not None:
            cache.put(("text", keys[i]), text)
            cache.put(("cues", keys[i], lexicons.key), cues)

    cue_tasks = [cues_only[k:k + TASK_ARTICLES] for k in range(0, len(cues_only), TASK_ARTICLES)]
    if pool is not None and len(cue_tasks) > 1:  # text parts made before the lexicons were settled (an upload's)
        futures = [pool.submit(_cue_task, [parts[i][0]["text"] for i in task], lexicons) for task in cue_tasks]
        cue_results = (future.result() for future in futures)
    else:
        cue_results = ([cue_part(parts[i][0]["text"], lexicons) for i in task] for task in cue_tasks)
    for task, result in zip(cue_tasks, cue_results):
        for i, cues in zip(task, result):
            store(i, parts[i][0], cues)
        done += len(task)
        if progress:
            progress(done, total)
    tasks = [whole[k:k + TASK_ARTICLES] for k in range(0, len(whole), TASK_ARTICLES)]
    if pool is not None and len(tasks) > 1:
        results = _in_order(pool, [[articles[i] for i in task] for task in tasks], lexicons)
    else:
        results = ([article_parts(articles[i], lexicons) for i in task] for task in tasks)
    for task, result in zip(tasks, results):
        for i, (text, cues) in zip(task, result):
            store(i, text, cues)
        done += len(task)
        if progress:
            progress(done, total)
    return [(text, cues) for text, cues in parts]


def _in_order(pool: Executor, tasks: list[list[Article]], lexicons: Lexicons, ahead: int = 4) -> Iterator[list[tuple[Part, Part]]]:
    """Each task's result, in order, with at most ``ahead`` tasks sent to the pool and not yet taken back (so the
    articles waiting in the pool's queue, and the parts waiting here, stay few)."""
    pending: deque[Future] = deque()
    for task in tasks:
        pending.append(pool.submit(_task, task, lexicons))
        if len(pending) >= ahead:
            yield pending.popleft().result()
    while pending:
        yield pending.popleft().result()
