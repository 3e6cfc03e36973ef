"""Adding articles to a corpus: files, pasted text, a saved corpus; duplicates, language, edits, removal.

Every function takes the current corpus and returns a new one plus plain messages, and never changes
its input, so a failure anywhere leaves the articles already loaded exactly as they were.
"""
from __future__ import annotations

import json
import re
from dataclasses import dataclass, field, replace
from pathlib import Path

from framing.reading.budget import ADVICE, Budget
from framing.reading.budget import DEFAULT as DEFAULT_BUDGET
from framing.reading.clean import UNKNOWN, normalise
from framing.reading.corpus import (
    MAX_BYTES,
    METADATA_FIELDS,
    SAVED_CORPUS_FIELD,
    Article,
    InputError,
    article_from_text,
    articles_counted,
    articles_from_bytes,
    count_sentences,
    distinct,
)
from framing.reading.dates import read_date

# The most frequent English function words: in English news prose they are roughly 40% of the words,
# in French, German or Spanish prose only a few percent.
ENGLISH_FUNCTION_WORDS = frozenset(
    ["the", "of", "and", "to", "a", "in", "is", "that", "for", "it", "on", "was", "with", "as", "he", "be", "by", "at", "are", "this", "have", "from", "or", "had", "not", "but", "they", "his", "her", "which", "were", "been", "has", "their", "its", "an", "will", "would", "there", "who", "said", "after", "about", "also", "than"]
)
MIN_ENGLISH_SHARE = 0.15
MIN_WORDS_FOR_LANGUAGE_CHECK = 20
_ENGLISH_LEXICONS = "the lexicons are English, so hedges, boosters and tone will be missed"
NOT_ENGLISH = "does not look like English"
NOT_ENGLISH_NOTE = NOT_ENGLISH + " ({share:.0%} common English words); " + _ENGLISH_LEXICONS
NOT_ENGLISH_SHARED = "do not look like English; " + _ENGLISH_LEXICONS  # said of several articles at once


@dataclass
class Message:
    level: str  # "error", "warning", "info" or "success"
    source: str  # the file name, "pasted text", or an article id
    text: str

    def __str__(self) -> str:
        return f"{self.source}: {self.text}"


@dataclass
class Intake:
    articles: list[Article]  # the corpus after the change
    messages: list[Message] = field(default_factory=list)
    added: int = 0


def english_share(text: str) -> tuple[float, int]:
    """Share of words that are common English function words, and the number of words."""
    words = re.findall(r"[^\W\d_]+", text.lower())
    if not words:
        return 0.0, 0
    return sum(map(ENGLISH_FUNCTION_WORDS.__contains__, words)) / len(words), len(words)


def is_saved_corpus(name: str, data: bytes) -> bool:
    """A JSONL file written by 'Download corpus' (its records carry the cleaned blocks)."""
    if Path(name).suffix.lower() != ".jsonl":
        return False
    first_line = data.lstrip().split(b"\n", 1)[0]  # only the first record is read, not the whole file
    try:
        record = json.loads(first_line.decode("utf-8", errors="replace"))
    except json.JSONDecodeError:
        return False
    return isinstance(record, dict) and SAVED_CORPUS_FIELD in record


def read_upload(name: str, data: bytes, budget: Budget = DEFAULT_BUDGET) -> list[Article]:
    """One uploaded file, read in memory. ``name`` only picks the format and labels messages. A file with
    more articles than one upload may hold stops before the rest is read."""
    if len(data) > budget.max_bytes:
        raise InputError(name, f"the file is {len(data) / 2**20:.1f} MB; the limit is {budget.max_bytes / 2**20:.0f} MB")
    return articles_from_bytes(name, data, max_articles=budget.max_articles)


def read_pasted(text: str) -> list[Article]:
    source = "pasted text"
    if not text.strip():
        raise InputError(source, "the box is empty")
    if len(text.encode("utf-8")) > MAX_BYTES:
        raise InputError(source, f"the text is over the {MAX_BYTES / 2**20:.0f} MB limit")
    return [article_from_text(text, source)]


def _size(articles: list[Article], counted: dict[str, int] | None = None) -> tuple[int, int, int]:
    """Articles, sentences, characters. ``counted``: sentences already counted, by ``content_hash``."""
    def sentences(article: Article) -> int:
        found = counted.get(article.content_hash) if counted else None
        return count_sentences(article) if found is None else found

    return len(articles), sum(map(sentences, articles)), sum(len(a.text) for a in articles)


def over_budget(new: list[Article], batch: tuple[int, int, int], corpus: tuple[int, int, int], budget: Budget,
                counted: dict[str, int] | None = None) -> str | None:
    """Why adding ``new`` would break a budget (``batch``: what this upload already adds, ``corpus``: what the
    session would keep beside it), or None. ``counted``: as ``_size`` takes it."""
    articles, sentences, characters = _size(new, counted)
    checks = [
        (batch[0] + articles, budget.max_articles, "articles in one upload"),
        (batch[1] + sentences, budget.max_sentences, "sentences in one upload"),
        (batch[2] + characters, budget.max_characters, "characters in one upload"),
        (corpus[0] + batch[0] + articles, budget.max_corpus_articles, "articles in a session"),
        (corpus[1] + batch[1] + sentences, budget.max_corpus_sentences, "sentences in a session"),
    ]
    for total, limit, what in checks:
        if total > limit:
            return f"would make {total:,} {what}; the limit is {limit:,}. Nothing from it was added: {ADVICE}"
    return None


def add(corpus: list[Article], batches: list[tuple[str, list[Article] | InputError, bool]], replace_corpus: bool,
        budget: Budget = DEFAULT_BUDGET) -> Intake:
    """Merge read results into the corpus.

    batches: (source, articles or the error reading them, whether it is a saved corpus). A saved
    corpus restores exactly what was saved, replacing the session's articles; other articles join
    (or, with ``replace_corpus``, replace the current ones, but only if at least one was read). A file
    that would break a budget (``framing.reading.budget``) is refused whole, with a message; the rest still joins.
    """
    messages: list[Message] = []
    merged: list[Article] = [] if replace_corpus else list(corpus)
    kept = (0, 0, 0) if replace_corpus else _size(corpus)
    batch = (0, 0, 0)
    added = 0
    for source, result, saved in batches:
        if isinstance(result, InputError):
            messages.append(Message("error", result.source, result.problem + ". Nothing from it was added."))
            continue
        counted = {a.content_hash: count_sentences(a) for a in result}  # segmenting is most of a budget check: once
        problem = over_budget(result, (0, 0, 0) if saved else batch, (0, 0, 0) if saved else kept, budget, counted)
        if problem:
            messages.append(Message("error", source, problem))
            continue
        if saved:
            merged, added = list(result), added + len(result)
            messages.append(Message("success", source, f"restored the saved corpus of {articles_counted(len(result))}; it replaces the articles that were loaded"))
            continue
        new, duplicates = _without_duplicates(merged, result)
        size = _size(new, counted)
        batch = (batch[0] + size[0], batch[1] + size[1], batch[2] + size[2])
        for article in new:
            _check_language(article)
        messages += _note_messages(source, new, len(result))
        merged += new
        added += len(new)
        messages += _duplicate_messages(source, duplicates, len(result))
        if new:
            messages.append(Message("success", source, f"added {articles_counted(len(new))}" if len(result) > 1 else f"added as {_name(new[0])}"))
    if added == 0:
        if replace_corpus:
            messages.append(Message("info", "corpus", "nothing new was read, so the loaded articles were kept"))
        return Intake(list(corpus), messages, 0)
    return Intake(merged, messages, added)


def _name(article: Article) -> str:
    return article.article_id + (f" · {article.title}" if article.title != UNKNOWN else " (no title found)")


def _note_messages(source: str, articles: list[Article], batch_size: int) -> list[Message]:
    """One warning per note; a note shared by several articles of a file (its encoding) is said once."""
    groups: dict[str, list[tuple[Article, str]]] = {}
    for article in articles:
        for note in article.notes:
            key = NOT_ENGLISH_SHARED if note.startswith(NOT_ENGLISH) else note
            groups.setdefault(key, []).append((article, note))
    messages = []
    for key, items in groups.items():
        if len(items) == 1:
            article, note = items[0]
            messages.append(Message("warning", article.source_file if batch_size > 1 else source, note))
        else:
            messages.append(Message("warning", source, f"{len(items)} of {batch_size} articles: {key}"))
    return messages


def _without_duplicates(existing: list[Article], candidates: list[Article]) -> tuple[list[Article], list[tuple[Article, Article]]]:
    """The candidates not loaded yet (``corpus.distinct``: the same text from another outlet is wire copy, kept), and
    each repeat with the article it repeats."""
    repeats: list[tuple[Article, str]] = []
    # notes copied: the language check adds to them
    new = [replace(a, notes=list(a.notes)) for a in distinct(candidates, existing, repeats)]
    by_id = {a.article_id: a for a in [*existing, *new]}
    return new, [(article, by_id[same]) for article, same in repeats]


def _duplicate_messages(source: str, duplicates: list[tuple[Article, Article]], batch_size: int) -> list[Message]:
    if not duplicates:
        return []
    if batch_size == 1:
        _, same = duplicates[0]
        return [Message("warning", source, f"already loaded (same text and outlet as {_name(same)}); not added again")]
    return [Message("warning", source, f"{len(duplicates)} of {batch_size} articles were already loaded (same text and outlet); not added again")]


def _check_language(article: Article) -> None:
    share, n_words = english_share(article.text)
    if n_words >= MIN_WORDS_FOR_LANGUAGE_CHECK and share < MIN_ENGLISH_SHARE:
        article.notes.append(NOT_ENGLISH_NOTE.format(share=share))


# --- edits ------------------------------------------------------------------------------------------

EDITABLE_FIELDS = METADATA_FIELDS  # title, outlet, author, date, url


def edit_metadata(corpus: list[Article], article_id: str, changes: dict[str, str]) -> Intake:
    """Set metadata the user supplied; an emptied field goes back to 'unknown'. Each change is noted."""
    index = next((i for i, a in enumerate(corpus) if a.article_id == article_id), None)
    if index is None:
        return Intake(list(corpus), [Message("error", article_id, "no such article")])
    article = corpus[index]
    values = {}
    for key, value in changes.items():
        if key not in EDITABLE_FIELDS:
            raise ValueError(f"{key} is not an editable field")
        value = normalise(str(value)).strip() or ("" if key == "story" else UNKNOWN)
        if key == "date":
            value, problem = user_date(value)
            if problem:
                return Intake(list(corpus), [Message("error", article_id, problem)])
        if value != getattr(article, key):
            values[key] = value
    if not values:
        return Intake(list(corpus), [Message("info", article_id, "nothing changed")])
    notes = list(article.notes) + [f"{k} set by the user (was {getattr(article, k)!r})" for k in values]
    edited = replace(article, notes=notes, **values)
    if "date" in values:
        edited.date_source = "set by the user"
    result = list(corpus)
    result[index] = edited
    return Intake(result, [Message("success", article_id, "saved " + ", ".join(values))])


def remove(corpus: list[Article], article_id: str) -> Intake:
    kept = [a for a in corpus if a.article_id != article_id]
    if len(kept) == len(corpus):
        return Intake(list(corpus), [Message("error", article_id, "no such article")])
    if not kept:
        return Intake(list(corpus), [Message("error", article_id, "this is the last article; add another before removing it")])
    gone = next(a for a in corpus if a.article_id == article_id)
    return Intake(kept, [Message("success", article_id, f"removed ({gone.title})")])



def user_date(value: str) -> tuple[str, str]:
    """A date the user typed, as an ISO date ("unknown" stays so), or a problem that says why nothing was changed."""
    if value == UNKNOWN:
        return value, ""
    reading = read_date(value)
    if not reading.iso:
        return value, (f"“{value}” is not a date this tool reads (try 2024-06-19 or June 19, 2024); nothing was changed")
    if reading.ambiguous:
        return value, (f"“{value}” could be day/month or month/day; write it as 2024-06-19 or June 19, 2024. "
                       "Nothing was changed")
    return reading.iso, ""


BULK_FIELDS = ("outlet", "date", "author")  # set for several articles at once (stories: set_story)


def set_field(corpus: list[Article], article_ids: list[str], field: str, value: str) -> Intake:
    """Set one metadata field of several articles at once (all of one file's outlet, a batch's date); an empty value
    goes back to 'unknown'. Each change is noted on its article."""
    if field not in BULK_FIELDS:
        raise ValueError(f"{field} cannot be set for several articles at once")
    if not article_ids:
        return Intake(list(corpus), [Message("error", field, "no articles chosen")])
    value = normalise(str(value)).strip() or UNKNOWN
    if field == "date":
        value, problem = user_date(value)
        if problem:
            return Intake(list(corpus), [Message("error", field, problem)])
    result, changed = _set_all(corpus, article_ids, field, value)
    if not changed:
        return Intake(list(corpus), [Message("info", field, "nothing changed")])
    return Intake(result, [Message("success", field, f"{field} of {articles_counted(changed)} set to “{value}”")])


def _set_all(corpus: list[Article], article_ids: list[str], field: str, value: str) -> tuple[list[Article], int]:
    """The corpus with ``field`` set to ``value`` on the articles named, each change noted; and how many changed."""
    ids = set(article_ids)
    result, changed = [], 0
    for article in corpus:
        if article.article_id in ids and getattr(article, field) != value:
            was = getattr(article, field) or "grouped automatically"  # only a story is ever empty
            article = replace(article, notes=list(article.notes) + [f"{field} set by the user (was {was!r})"],
                              **{field: value})
            if field == "date":
                article.date_source = "set by the user"
            changed += 1
        result.append(article)
    return result, changed


def set_story(corpus: list[Article], article_ids: list[str], story: str) -> Intake:
    """Put articles into a story: rename a story (all its articles), merge two (rename one to the other's
    name), or move one article. Each change is noted on the article."""
    story = normalise(story).strip()
    if not story:
        return Intake(list(corpus), [Message("error", "story", "the new story name is empty")])
    result, changed = _set_all(corpus, article_ids, "story", story)
    if not changed:
        return Intake(list(corpus), [Message("info", "story", "nothing changed")])
    return Intake(result, [Message("success", "story", f"{articles_counted(changed)} now in “{story}”")])
