"""Session state, query parameters and the cached analysis: the glue between the engine and the views.

This is the only module that reads or writes ``st.session_state`` and ``st.query_params``. A session's articles
and lexicons live in ``st.session_state`` only, so they are private to that browser tab. The shared cache of
analysed articles (``_part_cache``) is keyed on the *content* it analyses: a visitor can only get an entry
back by sending byte-identical text, so nothing leaks between sessions. The finished analysis is also kept
in the session, beside the corpus and lexicons it was made from, so a click, a pick or a view change never
re-runs or re-assembles it.
"""
from __future__ import annotations

import importlib
import json
import multiprocessing.spawn
import threading
from collections.abc import Callable, Iterator
from concurrent.futures import Executor
from contextlib import AbstractContextManager, contextmanager, nullcontext
from functools import lru_cache, partial

import pandas as pd
import streamlit as st

from framing.language.actors import actor_lexicon, actors_from_text
from framing.language.lexicon import BUILT_FOR_BUNDLED, Lexicons, read_lexicon_csv, theme_set_label
from framing.reading import intake
from framing.reading.budget import Budget
from framing.reading.corpus import Article, InputError, decode_bytes, load_bundled
from framing.reading.dates import Period
from framing.scoring import parts, portrayal
from framing.scoring.analysis import Analysis
from framing.scoring.table import paragraph_texts, sentence_table
from framing.scoring.turns import AnalysisQueue
from framing.statistics.found_themes import THEME_SET as FOUND_THEME_SET
from framing.statistics.found_themes import theme_lexicon, themes_from_text

from .selection import decode_mark, encode_mark, selection_from_event

GENERAL_THEME_SET = "policy_frames"  # the default theme set for any corpus but the bundled one
# Uploads of this many bytes or more, in a format that holds many articles, start their pool of processes while the
# server reads them: 300 articles of news are about 2 MB of CSV (1,000 short synthetic ones 2.7 MB).
POOL_WHILE_READING_BYTES = 1_000_000
MANY_ARTICLE_SUFFIXES = (".csv", ".jsonl")
POOL_FROM_ARTICLES = 300  # new articles from which a pool of processes is worth its start-up (~1.5 s): an article takes ~10 ms on one core
# Unused this long, the worker processes are let go (their memory too); a burst of uploads finds them started.
WARM_POOL_IDLE_SECONDS = 30
# After an upload's analysis of this many new articles the workers are let go at once: they then hold about 500 MB
# (at 10,000 articles) beside the server's own gigabyte, and the next upload's start costs about a second.
LET_WORKERS_GO_FROM_ARTICLES = 2_000
READ_IN_POOL_FROM = 500  # mentions from which the worker processes read them: ~2 s in this process, ~1 s in two


FINDING = "Finding the people and the themes your articles name most…"
_BUSY = intake.Message("warning", "server", "busy analysing other visitors' uploads; nothing was changed. Try again in a minute.")


@st.cache_resource(show_spinner=False)
def warm_imports() -> threading.Thread:
    """scikit-learn (the found themes of an upload) takes ~1.5 s to import: once per server, in the background, not
    on the first visitor's upload. Called once the page is drawn, so the app's own imports are done: it was started
    when this module was imported, and in a process that imported it before Altair (a test did) both threads
    imported narwhals at once and Python's import locks stopped one with a deadlock error. The app was safe only
    because its sidebar happened to import Altair first."""
    thread = threading.Thread(target=importlib.import_module, args=("sklearn.decomposition",), daemon=True)
    thread.start()
    return thread


@st.cache_resource(show_spinner=False)
def _workers_skip_the_app() -> None:
    """Streamlit runs app.py as ``__main__``, and a spawned process runs its parent's ``__main__`` file before its first
    task: each worker of an upload's pool imported Streamlit and ran the whole app, bare, for about a second. The
    workers' tasks are functions of framing.scoring.parts, so they need no ``__main__``: its path is left out of what
    a spawned process is told (a module run with ``-m``, as the command line is, is never re-run anyway)."""
    preparation_data = multiprocessing.spawn.get_preparation_data

    def without_the_app(name: str) -> dict:
        data = preparation_data(name)
        data.pop("init_main_from_path", None)
        return data

    multiprocessing.spawn.get_preparation_data = without_the_app


_workers_skip_the_app()


@lru_cache(maxsize=1)
def budget() -> Budget:
    """The upload budgets: framing.reading.budget's defaults, changed by FRAMING_* environment variables or a
    [framing] table in .streamlit/secrets.toml."""
    try:
        secrets = dict(st.secrets.get("framing", {}))
    except Exception:  # noqa: BLE001 — no secrets file is the usual case
        secrets = {}
    return Budget.from_mapping(secrets, Budget.from_environment())


@lru_cache(maxsize=1)
def _analysis_queue() -> AnalysisQueue:
    """Analyses the server runs at once, across all sessions, the others waiting in the order they came."""
    return AnalysisQueue(budget().max_concurrent_analyses)


@lru_cache(maxsize=1)
def _reading_queue() -> AnalysisQueue:
    """Uploads being read and checked, one at a time across all sessions, before their turn at analysing: the next
    upload is read while the one ahead of it is analysed (by the worker processes, this process mostly waiting), so
    analyses follow one another without the server reading in between."""
    return AnalysisQueue(1)


@contextmanager
def _turn(for_ever: bool = False, queue: Callable[[], AnalysisQueue] | None = None,
          done: str = "analysed") -> Iterator[bool]:
    """This page's turn at analysing (``_analysis_queue``), or in another line (``queue``: the reading one, whose work
    the bar calls ``done``), waiting at most the budget's ``busy_wait_seconds`` (or, with ``for_ever``, as long as it
    takes): True once it is its turn, False if the wait ran out. While others are ahead, a bar says how many. A bar,
    not a spinner: ten waiting tabs each animating a spinner with its clock took a core of bench.load's two
    (measured: 0.21 core-s a second per tab, a bar 0.05)."""
    bar, first = None, 0

    def told(ahead: int) -> None:
        nonlocal bar, first
        first = max(first, ahead)
        text = (f"Other visitors' uploads are being {done}: {ahead:,} ahead of yours, which starts as soon as "
                f"{'it finishes' if ahead == 1 else 'they finish'}…")
        if bar is None:
            bar = st.progress(0.0, text=text)
        else:
            bar.progress((first - ahead) / first, text=text)

    with (queue or _analysis_queue)().turn(None if for_ever else budget().busy_wait_seconds, told) as got:
        if bar is not None:
            bar.empty()
        yield got


@st.cache_resource(show_spinner=False)
def _bundled() -> Analysis:
    """The bundled corpus with the shipped lexicons, analysed once for every visitor: each session starts with these
    very objects (nothing changes them in place: every change makes new ones), so a first visit analyses nothing and
    finds the aggregates the visitors before it asked for (Analysis.cached)."""
    articles, lex = load_bundled(), Lexicons.load()
    return Analysis(articles, lex, sentence_table(articles, lex, cache=_part_cache()), paragraph_texts(articles))


def corpus() -> list[Article]:
    if "articles" not in st.session_state:
        st.session_state["articles"] = _bundled().articles
    return st.session_state["articles"]


def lexicons() -> Lexicons:
    if "lexicons" not in st.session_state:
        st.session_state["lexicons"] = _bundled().lexicons
    return st.session_state["lexicons"]


def messages(about: str) -> list[intake.Message]:
    """What the last change to the "articles" or the "lexicons" reported (shown until the next change)."""
    return st.session_state.get(f"messages_{about}", [])


@st.cache_resource(show_spinner=False)
def _part_cache() -> parts.PartCache:
    """Every session's analysed articles, by content (framing.scoring.parts): one visitor gets an entry back only by sending
    the very same text, and an article shared by sessions is held once."""
    return parts.PartCache(budget().max_cached_sentences)


def current_analysis() -> Analysis:
    articles, lex = corpus(), lexicons()
    # Every change stores a new list or a new Lexicons (see _apply, _change_lexicons), so identity says
    # whether anything changed without serialising the corpus on every click (~0.2 s for 1,000 articles).
    memo = st.session_state.get("_analysis")
    if memo and memo[0] is articles and memo[1] is lex:
        return memo[2]
    bundled = _bundled()
    if articles is bundled.articles and lex is bundled.lexicons:
        st.session_state["_analysis"] = (articles, lex, bundled)  # what a refused upload falls back to
        return bundled
    with _turn() as got:
        result = _analyse(articles, lex) if got else None
    if result is None:
        if memo:  # refuse the newest request, keep what the visitor had
            st.session_state["articles"], st.session_state["lexicons"] = memo[0], memo[1]
            st.session_state["messages_articles"] = [_BUSY]
            return memo[2]
        with _turn(for_ever=True):  # a first visit has nothing to fall back on: it waits its turn
            result = _analyse(articles, lex)
    st.session_state["_analysis"] = (articles, lex, result)
    return result


def _progress_bar(what: str, total: int):
    """A progress bar for ``total`` articles (None for a few), and the callback that moves it."""
    bar = st.progress(0.0, text=f"{what} {total:,} articles…") if total > parts.TASK_ARTICLES else None

    def progress(done: int, of: int) -> None:
        if bar is not None:
            bar.progress(done / max(of, 1), text=f"{what} {of:,} articles… {done:,} done")
    return bar, progress


def _pool_jobs() -> int:
    """Processes an upload's pool gets: the cores this process may use, at most the budget's ``max_workers``."""
    return min(parts.usable_cores(), budget().max_workers)


@st.cache_resource(show_spinner=False)
def _warm_pool() -> parts.WarmPool:
    """The server's worker processes, kept ready between uploads (analyses take turns, so one pool serves them)."""
    return parts.WarmPool(_pool_jobs(), WARM_POOL_IDLE_SECONDS)


def _pool_for(new: int) -> AbstractContextManager[Executor | None]:
    """The worker processes for ``new`` articles to analyse, lent for the block: when there are many and more than
    one core (the server's own thread then only waits, so other visitors' pages keep answering); else None."""
    return _warm_pool().lend() if _pool_jobs() > 1 and new >= POOL_FROM_ARTICLES else nullcontext()


def pool_for_reading(mentions: int) -> AbstractContextManager[Executor | None]:
    """The worker processes for the tone-toward model to read ``mentions`` in, lent for the block, where there is more
    than one core: when there are many (reading them takes seconds, more than the pool's start if it was let go), or
    more than one batch and the workers are started already (an upload's or a reading's, kept a while); else None."""
    pool = _warm_pool()
    worth_it = mentions >= READ_IN_POOL_FROM or (pool.started and mentions > portrayal.BATCH)
    return pool.lend() if _pool_jobs() > 1 and worth_it else nullcontext()


def _analyse(articles: list[Article], lex: Lexicons, pool: Executor | None = None) -> Analysis:
    """Articles not analysed before are analysed here, or by ``pool`` (the server's, lent, when there are many)."""
    cache = _part_cache()
    new = sum(cache.get(("text", parts.text_key(a))) is None for a in articles)
    bar, progress = _progress_bar("Analysing", new)
    lent = nullcontext(pool) if pool is not None else _pool_for(new)
    with lent as using, st.spinner("Analysing the articles…", show_time=True) if bar is None else nullcontext():
        table = sentence_table(articles, lex, progress, cache, using)
    if bar is not None:
        bar.empty()
    return Analysis(articles, lex, table, paragraph_texts(articles))


def _analysed_with_the_lists(articles: list[Article], started: Executor | None = None) -> list[intake.Message]:
    """A new corpus's lists follow it (``_lists_follow``) and it is analysed in the same turn (an upload's, which
    ``add_uploads`` holds). A large upload goes to the worker processes (``_analysed_by``). The finished analysis is
    kept, so the rerun draws at once. ``started``: the workers lent while the upload was read
    (``_pool_while_reading``)."""
    if articles is _bundled().articles:
        return _lists_follow(articles)
    cache = _part_cache()
    new = [a for a in articles if cache.get(("text", parts.text_key(a))) is None]
    with _turn() as got:
        if not got:  # not in an upload's turn, and the wait ran out: the rerun analyses them, or says it is busy
            return _lists_follow(articles)
        # the pool that started while the upload was read, if it has enough to do; else the server's, if there is
        lent = nullcontext(started if len(new) >= POOL_FROM_ARTICLES else None) if started is not None \
            else _pool_for(len(new))
        with lent as pool:
            if pool is not None:
                return _analysed_by(pool, articles, new)
            said = _lists_follow(articles)
            lex = lexicons()
            st.session_state["_analysis"] = (articles, lex, _analyse(articles, lex))
            return said


def _analysed_by(pool: Executor, articles: list[Article], new: list[Article]) -> list[intake.Message]:
    """The actor and theme lists, then ``new`` articles' text parts (they need no lexicon), sent to ``pool``; once the
    lists are settled, the cue parts follow in the same pool and the whole analysis is kept. The lists' messages."""
    # The lists are found by the workers first, then the text parts: this process only waits meanwhile, so other
    # visitors' pages are not held up by the lists' Python (it shares one interpreter lock with them).
    finders = {"actors": pool.submit(actors_from_text, articles), "themes": pool.submit(themes_from_text, articles)}
    submitted = parts.submit_text_parts(pool, new)
    finding = st.progress(0.0, text=FINDING)  # a bar, not _lists_follow's spinner: see _turn
    said = _lists_follow(articles, notice=False, found={n: f.result for n, f in finders.items()})
    finding.empty()
    bar, progress = _progress_bar("Analysing", len(new))
    parts.store_text_parts(submitted, _part_cache(), progress)
    if bar is not None:
        bar.empty()
    lex = lexicons()
    st.session_state["_analysis"] = (articles, lex, _analyse(articles, lex, pool))
    if len(new) >= LET_WORKERS_GO_FROM_ARTICLES:
        _warm_pool().let_go_when_returned()
    return said


@contextmanager
def _pool_while_reading(files) -> Iterator[Executor | None]:
    """For a large upload (``POOL_WHILE_READING_BYTES`` of CSV or JSONL), the server's worker processes, lent for the
    upload: if they were let go (``WarmPool``), they start, importing the engine and loading its models (about a
    second each), while this process reads the files. None where there is one core or a small upload."""
    size = sum(upload.size for upload in files if upload.name.lower().endswith(MANY_ARTICLE_SUFFIXES))
    if _pool_jobs() < 2 or size < POOL_WHILE_READING_BYTES:
        yield None
        return
    with _warm_pool().lend() as pool:
        yield pool


# --- changes to the corpus ------------------------------------------------------------------------------


def _apply(result: intake.Intake, new_corpus: bool = False, pool: Executor | None = None) -> None:
    """Store the articles and their messages; with ``new_corpus`` (articles added or replaced, not a metadata edit)
    the actor and theme lists follow the corpus (and ``pool``, started for it, analyses it)."""
    st.session_state["articles"] = result.articles
    st.session_state["messages_articles"] = result.messages + (
        _analysed_with_the_lists(result.articles, pool) if new_corpus else [])


FOLLOWING_LISTS = ("actors", "themes")  # lists that follow the corpus until the visitor edits them
# an actor kind, its noun for one and for several (the upload's message counts each kind)
ACTOR_KINDS = (("person", "person", "people"), ("organisation", "organisation", "organisations"), ("place", "place", "places"))


def is_bundled_corpus() -> bool:
    return corpus() is _bundled().articles


def _lists_follow(articles: list[Article], names: tuple[str, ...] = FOLLOWING_LISTS, notice: bool = True,
                  found: dict[str, Callable[[], pd.DataFrame]] | None = None) -> list[intake.Message]:
    """Until the visitor edits them, the actor and theme lists follow the corpus. The bundled articles get the
    bundled lists. Any other corpus gets as actors the people its articles name most (framing.language.actors), and
    as themes the Policy Frames Codebook (the default theme set), a set of themes found in its own paragraphs
    (framing.statistics.found_themes) and the bundled story themes, said to be written for other articles.
    ``found``: a list's finder to use instead of finding it here (a worker process's result)."""
    following = [n for n in names if not st.session_state.get(f"{n}_chosen")]
    if not following:
        return []
    bundled = _bundled().lexicons
    updated = lexicons()
    said: list[intake.Message] = []
    if articles is _bundled().articles:
        for name in following:
            updated = updated.with_table(name, bundled.table(name))
        if "themes" in following and st.session_state.get("themes") == st.session_state.get("_theme_set_auto"):
            _next_theme_set(bundled.theme_sets[0])
    else:
        find = {"actors": partial(actors_from_text, articles), "themes": partial(themes_from_text, articles), **(found or {})}
        with st.spinner(FINDING) if notice else nullcontext():
            if "actors" in following:
                updated, message = _found_actors(find["actors"], updated, bundled)
                said.append(message)
            if "themes" in following:
                updated, message = _found_themes(find["themes"], updated, bundled)
                said.append(message)
    st.session_state["lexicons"] = bundled if updated.key == bundled.key else updated
    return said


def _found_actors(find: Callable[[], pd.DataFrame], lex: Lexicons, bundled: Lexicons) -> tuple[Lexicons, intake.Message]:
    found = find()
    if found.empty:
        return lex.with_table("actors", bundled.actors), intake.Message(
            "info", "actors", "no person is named in the articles of two or more outlets, so the actor list stays the "
                              "bundled one (Lexicons view)")
    kinds = found["kind"].value_counts()
    counted = ", ".join(f"{kinds[kind]} {one if kinds[kind] == 1 else many}" for kind, one, many in ACTOR_KINDS if kind in kinds)
    return lex.with_table("actors", actor_lexicon(found)), intake.Message(
        "info", "actors", f"the actor list is now what your articles name most: {counted} (aliases merged; see "
                          "and edit them in the Lexicons view, where the bundled list can be restored)")


def _found_themes(find: Callable[[], pd.DataFrame], lex: Lexicons, bundled: Lexicons) -> tuple[Lexicons, intake.Message]:
    shipped = bundled.themes
    general = shipped["theme_set"] == GENERAL_THEME_SET
    found = find()
    themes = pd.concat([shipped[general], theme_lexicon(found), shipped[~general]], ignore_index=True)
    if st.session_state.get("themes") in (None, *BUILT_FOR_BUNDLED):
        _next_theme_set(GENERAL_THEME_SET)
    what = (f"and {len(found)} themes found in your articles' own paragraphs (“{theme_set_label(FOUND_THEME_SET)}”, "
            "each named by its first terms; rename or edit them in the Lexicons view)") if len(found) else \
        "(too few paragraphs to find themes of their own)"
    return lex.with_table("themes", themes), intake.Message(
        "info", "themes", f"the theme sets are now the general {theme_set_label(GENERAL_THEME_SET)} (picked) {what}")


def _next_theme_set(name: str) -> None:
    """The theme set to pick at the next run (the sidebar's box is already drawn in this one)."""
    st.session_state["_theme_set_next"] = st.session_state["_theme_set_auto"] = name


def start_intake_mode(join: str, replace: str) -> None:
    """Before the box saying whether new articles join the loaded ones or replace them is drawn: "replace" while the
    bundled demo articles are loaded (a visitor's first upload is their corpus, not five demo articles and four demo
    outlets mixed into it), "join" once their own are (a second file, another outlet's, must not replace the first).
    Set only when the corpus turns into the demo or out of it, so a visitor's own choice holds until then."""
    demo = is_bundled_corpus()
    if st.session_state.get("_intake_mode_for_demo") != demo:
        st.session_state["_intake_mode_for_demo"] = demo
        st.session_state["intake_mode"] = replace if demo else join


def start_theme_set(options: list[str]) -> None:
    """Before the theme set box is drawn: the set a new corpus brought, or the first one if the pick is gone."""
    chosen = st.session_state.pop("_theme_set_next", None)
    if chosen in options:
        st.session_state["themes"] = chosen
    elif st.session_state.get("themes") is not None and st.session_state["themes"] not in options:
        st.session_state["themes"] = options[0]


def follow_articles(name: str) -> None:
    """The actor or theme list follows the loaded articles again (found in them, or the bundled one for the
    bundled articles), after the visitor had made it their own."""
    st.session_state.pop(f"{name}_chosen", None)
    st.session_state["messages_lexicons"] = _lists_follow(corpus(), (name,)) or [
        intake.Message("success", f"{name} list", "back to the bundled list, which these articles were written for")]


def add_uploads(files, replace_corpus: bool) -> None:
    """Read uploaded files in memory (``getvalue``); a file's name is only a label, never a path. An upload is read
    and checked in its turn at reading, then listed and analysed in its turn at analysing (``_turn``): first come,
    first served, each. While one upload is analysed, the next is read: ten 1,000-article uploads at once spent
    about 0.65 s each reading and checking in the server (py-spy over ``bench.load``), the worker processes idle."""
    with _pool_while_reading(files) as pool:  # lent for both turns: started now if it was let go
        with _turn(queue=_reading_queue, done="read") as got:
            if not got:
                st.session_state["messages_articles"] = [_BUSY]
                return
            batches = []
            for upload in files:
                data = upload.getvalue()
                try:
                    batches.append((upload.name, intake.read_upload(upload.name, data, budget()),
                                    intake.is_saved_corpus(upload.name, data)))
                except InputError as error:
                    batches.append((upload.name, error, False))
                except Exception as error:  # noqa: BLE001 — an unforeseen failure must not cost the session its articles
                    batches.append((upload.name, InputError(upload.name, f"could not be read ({type(error).__name__})"),
                                    False))
            result = _said_if_demo_replaced(intake.add(corpus(), batches, replace_corpus, budget()), replace_corpus)
        with _turn() as got:
            if not got:
                st.session_state["messages_articles"] = [_BUSY]
                return
            _apply(result, new_corpus=True, pool=pool)


def add_pasted(text: str, replace_corpus: bool) -> None:
    try:
        batch = ("pasted text", intake.read_pasted(text), False)
    except InputError as error:
        batch = ("pasted text", error, False)
    _apply(_said_if_demo_replaced(intake.add(corpus(), [batch], replace_corpus, budget()), replace_corpus), new_corpus=True)


def _said_if_demo_replaced(result: intake.Intake, replace_corpus: bool) -> intake.Intake:
    """``result``, saying so where its articles replaced the bundled demo ones (the default while they are loaded)."""
    if replace_corpus and result.added and is_bundled_corpus():
        result.messages.append(intake.Message("info", "demo articles", "the five bundled demo articles were replaced by "
                                              "yours (to compare with them, pick “join” before adding articles)"))
    return result


def edit_article(article_id: str, changes: dict[str, str]) -> None:
    _apply(intake.edit_metadata(corpus(), article_id, changes))


def set_field(article_ids: list[str], field: str, value: str) -> None:
    _apply(intake.set_field(corpus(), article_ids, field, value))


def set_story(article_ids: list[str], story: str) -> None:
    _apply(intake.set_story(corpus(), article_ids, story))


def remove_article(article_id: str) -> None:
    _apply(intake.remove(corpus(), article_id))


def reset_corpus() -> None:
    _apply(intake.Intake(_bundled().articles, [intake.Message("success", "corpus", "back to the bundled five articles")]),
           new_corpus=True)


# --- changes to the lexicons ------------------------------------------------------------------------------


def _change_lexicons(name: str, change, source: str | None = None) -> None:
    if name in FOLLOWING_LISTS:
        st.session_state[f"{name}_chosen"] = True  # the visitor's list from now on: an upload no longer replaces it
    source = source or f"{name} list"
    try:
        st.session_state["lexicons"] = change(lexicons())
        st.session_state["messages_lexicons"] = [intake.Message("success", source, "saved; every score was recomputed")]
    except (ValueError, InputError) as error:
        st.session_state["messages_lexicons"] = [intake.Message("error", source, f"{error}. The list was not changed.")]


def add_lexicon_entry(name: str, entry: dict[str, str]) -> None:
    _change_lexicons(name, lambda lex: lex.with_entry(name, entry))


def remove_lexicon_rows(name: str, indices: list[int]) -> None:
    _change_lexicons(name, lambda lex: lex.without_rows(name, indices))


def upload_lexicon(name: str, upload) -> None:
    def change(lex: Lexicons) -> Lexicons:
        text, _ = decode_bytes(upload.getvalue(), upload.name, budget().max_bytes)
        return lex.with_table(name, read_lexicon_csv(text, name))

    _change_lexicons(name, change, f"{upload.name} → {name} list")


def add_found_actors(found: dict[str, list[str]]) -> None:
    """Actors found in the text join the actor list, each with the forms merged into it ("Rubio" → Marco Rubio)."""
    names = list(found)

    def change(lex: Lexicons) -> Lexicons:
        rows = pd.DataFrame([{"actor": n, "alias": a, "source": "found in the text"} for n in names for a in found[n]])
        return lex.with_table("actors", pd.concat([lex.actors, rows], ignore_index=True))

    _change_lexicons("actors", change, f"{len(names)} actor{'' if len(names) == 1 else 's'} found in the text → actors list")


def rename_label(name: str, old: str, new: str, theme_set: str | None = None) -> None:
    _change_lexicons(name, lambda lex: lex.with_label_renamed(name, old, new, theme_set), f"{old} → {new.strip()}")


def reset_lexicon(name: str) -> None:
    _change_lexicons(name, lambda lex: lex.with_table(name, Lexicons.load().table(name)))


# --- navigation, uploads and the clicked mark --------------------------------------------------------------


def go_to_view(view: str) -> None:
    """For a button's on_click: switch the view (the view switcher's key is "view")."""
    st.session_state["view"] = view


def start_view(default: str) -> None:
    """Before the switcher is drawn: the first view, unless the URL names one (set here, not as the widget's
    default, because keep_view also sets it)."""
    if "view" not in st.session_state and not st.query_params.get("view"):
        st.session_state["view"] = default


def current_view(default: str) -> str:
    """The view shown: the switcher's value, remembered, so that clicking the active view's button (which
    unselects it) changes nothing."""
    view = st.session_state.get("view") or st.session_state.get("_last_view") or default
    st.session_state["_last_view"] = view
    return view


def keep_view() -> None:
    """The switcher's on_change: an unselected switcher (the active view clicked again) keeps its view."""
    if not st.session_state.get("view"):
        st.session_state["view"] = st.session_state.get("_last_view")


TIME_UNIT_KEY = "every"  # Over time's unit control, and its query parameter


def start_time_unit(offered: tuple[str, ...], default: str) -> None:
    """Before Over time's unit control is drawn: a unit kept from other articles (weeks chosen before an upload of
    years) that these are not offered by gives way to their default, so the link shows the unit the charts are by."""
    if st.session_state.get(TIME_UNIT_KEY) not in (None, *offered):
        st.session_state[TIME_UNIT_KEY] = default


def exit_presentation() -> None:
    st.session_state["present"] = False


def upload_key(name: str) -> str:
    """The key of an uploader; it changes after each batch, which empties the uploader so no file is read twice."""
    return f"{name}_{st.session_state.get(f'_round_{name}', 0)}"


def uploaded(name: str) -> None:
    st.session_state[f"_round_{name}"] = st.session_state.get(f"_round_{name}", 0) + 1


def mark() -> tuple[str, dict]:
    """The clicked mark in the URL: (chart key, selection), or ('', {})."""
    return decode_mark(st.query_params.get("mark"))


def mark_on(chart: str) -> dict:
    """The URL's clicked mark if it is on ``chart`` (its selection), else {}."""
    marked_chart, selection = mark()
    return selection if marked_chart == chart else {}


def chart_key(panel_key: str) -> str:
    """The chart widget's key. It changes with the mark epoch (``_mark_epoch``), so every chart's own selection is
    cleared and redrawn from the URL's one mark: the screen and a copied link show the same."""
    return f"chart_{panel_key}_{_mark_epoch()}"


def _mark_epoch() -> int:
    """The mark epoch moves on when a click moves the mark to another chart, when a mark is cleared, and when the
    URL's mark changed without us (the browser's back or forward button). Streamlit puts a chart widget's last
    selection back into the chart it draws, so a mark the URL no longer held stayed lit until the widget was new."""
    in_url = st.query_params.get("mark", "")
    if st.session_state.setdefault("_mark_in_url", in_url) != in_url:
        _next_mark_epoch()
        st.session_state["_mark_in_url"] = in_url
    return st.session_state.get("_mark_epoch", 0)


def _next_mark_epoch() -> None:
    st.session_state["_mark_epoch"] = st.session_state.get("_mark_epoch", 0) + 1


def _set_mark_in_url(text: str | None) -> None:
    """The URL's mark (None: no mark), noted as ours, so ``_mark_epoch`` does not take it for the browser's doing."""
    if text:
        st.query_params["mark"] = text
    elif "mark" in st.query_params:
        del st.query_params["mark"]
    st.session_state["_mark_in_url"] = text or ""


def selection_to_write(panel_key: str, active: dict, spec: dict, height: int) -> dict:
    """The selection to write into a chart's spec (its Vega-Lite dict as the screen draws it, before any selection
    is written in, at ``height`` pixels), so that the chart shows ``active``, the URL's mark on it.

    When the chart's own last click is that mark and its spec is the one sent last time, the spec is sent again as
    it was (with whatever selection it carried): the browser keeps the chart it has, which shows the click. Writing
    the click in changed the spec, and the browser built the chart anew: a fifth of a click's time at 1,000 articles. Otherwise (a
    copied link, a chart cleared by a click elsewhere, a spec that changed) the mark is written in, and the chart the
    browser builds shows it. (Streamlit 1.67 also puts a widget's last selection back into a chart it builds anew;
    this does not rely on that.)"""
    key = chart_key(panel_key)
    # a hash, not the spec: a session keeps one per chart and mark epoch
    shape = hash(json.dumps([height, {k: v for k, v in spec.items() if k != "datasets"}], default=str))
    written = st.session_state.setdefault("_written_selections", {})
    last = written.get(key)
    if last is not None and key in st.session_state and last[0] == shape \
            and selection_from_event(st.session_state[key]) == active:
        return last[1]
    written[key] = (shape, active)
    return active


def mark_moved() -> bool:
    """Whether a click just moved the mark from one chart to another (asked once: the page then reruns whole, and
    ``mark_notice`` says so once on it)."""
    moved = bool(st.session_state.pop("_mark_moved", False))
    if moved:
        st.session_state["_mark_notice"] = True
    return moved


def mark_notice() -> bool:
    return bool(st.session_state.pop("_mark_notice", False))


def on_chart_select(panel_key: str) -> None:
    """A chart's on_select callback: the click goes into the URL at once (a deep link on load is left alone,
    because a callback runs only when the user clicks)."""
    event = st.session_state.get(chart_key(panel_key))
    if (brushed := brushed_period(event)) is not None:
        set_period(brushed)
        st.session_state["_period_brushed"] = True  # the chart's fragment reruns the whole page (period_brushed)
        return
    selection = selection_from_event(event)
    if selection:
        if mark()[0] not in ("", panel_key):  # one clicked mark at a time, as the URL holds one
            _next_mark_epoch()
            st.session_state["_mark_moved"] = True
        _set_mark_in_url(encode_mark(panel_key, selection))
    elif mark()[0] == panel_key:
        _set_mark_in_url(None)


def brushed_period(event) -> Period | None:
    """The stretch of time dragged across a time chart (its interval selection "period"), or None."""
    try:
        brushed = next(iter(event.selection["period"].values()))
    except (AttributeError, KeyError, TypeError, StopIteration):
        return None
    try:
        first, last = (pd.Timestamp(v, unit="ms") if isinstance(v, int | float) else pd.Timestamp(v) for v in brushed)
        return Period(first.date().isoformat(), last.date().isoformat())
    except (ValueError, TypeError):
        return None


def clear_mark() -> None:
    """No clicked mark. Every chart's widget is made anew (the mark epoch moves on, as when a mark moves): Streamlit
    puts a widget's last selection back into the chart it draws, so the cleared mark stayed lit after "Clear
    selection" while the passages and the URL had let it go."""
    if "mark" in st.query_params:
        _set_mark_in_url(None)
        _next_mark_epoch()


# --- the period every view compares within (in the URL as period=2016-01-01..2016-06-30) ---------------------------

PERIOD_INPUT = "period_days"  # the sidebar's date-range input


def period() -> Period | None:
    return Period.decode(st.query_params.get("period"))


def set_period(chosen: Period | None) -> None:
    """Compare within ``chosen`` (None: the whole corpus); the sidebar's input follows (a brush on a time chart, the
    "Whole corpus" button). Called from callbacks, before the input is drawn."""
    if chosen is None:
        if "period" in st.query_params:
            del st.query_params["period"]
        st.session_state.pop(PERIOD_INPUT, None)
        return
    st.query_params["period"] = chosen.encode()
    st.session_state[PERIOD_INPUT] = (pd.Timestamp(chosen.first).date(), pd.Timestamp(chosen.last).date())
    clear_mark()  # a clicked mark of another period would filter the passages to nothing


def period_brushed() -> bool:
    """Whether a time chart's brush just set the period (once): the chart's fragment then reruns the whole page, so
    the sidebar and every header follow."""
    return bool(st.session_state.pop("_period_brushed", False))


def start_period_input(first, last) -> None:
    """Before the sidebar's date-range input is drawn: the URL's period (within the corpus's span ``first``…``last``),
    or the span. A range being typed (one date so far) is left alone; any other value that is not the period is
    replaced (the corpus changed, or a link was opened), so the input never shows a stale range or one outside the
    dates it allows."""
    chosen = period()
    wanted = (max(first, pd.Timestamp(chosen.first).date()), min(last, pd.Timestamp(chosen.last).date())) \
        if chosen else (first, last)
    if wanted[0] > wanted[1]:  # a period outside the corpus's dates: the input shows the span
        wanted = (first, last)
    shown = st.session_state.get(PERIOD_INPUT)
    typing = isinstance(shown, tuple | list) and len(shown) == 1 and first <= shown[0] <= last
    if not typing and tuple(shown or ()) != wanted:
        st.session_state[PERIOD_INPUT] = wanted


def period_typed(first, last) -> None:
    """The date-range input's on_change: a complete range becomes the period (the whole span: no period). A range
    being typed (one date so far) changes nothing yet."""
    days = st.session_state.get(PERIOD_INPUT)
    if not isinstance(days, tuple | list) or len(days) != 2:
        return
    if days[0] <= first and days[1] >= last:
        set_period(None)
        st.session_state[PERIOD_INPUT] = (first, last)
    else:
        set_period(Period(days[0].isoformat(), days[1].isoformat()))


# --- passages: how many are shown ---------------------------------------------------------------------------

PASSAGE_PAGE = 20


def passage_limit(panel_key: str) -> int:
    return st.session_state.get(f"_shown_{panel_key}", PASSAGE_PAGE)


def show_more_passages(panel_key: str) -> None:
    """For a button's on_click: the next page of passages."""
    st.session_state[f"_shown_{panel_key}"] = passage_limit(panel_key) + PASSAGE_PAGE
