"""TextBlob's polarity and subjectivity (its pattern lexicon scorer), exactly as TextBlob gives them, at less cost.

Three costs of TextBlob are left out, none of which changes a number:

- ``import textblob`` runs the package's ``__init__``, which loads NLTK and, through it, SciPy: about 1.2 s and
  100 MB in every process that scores tone (the app's server and each of its worker processes), though the
  scorer needs neither. So, unless TextBlob is already loaded, the package is registered without running its
  ``__init__``; its names (``TextBlob``, ``Word``, …) still load, from ``textblob.blob``, on first use.
- Its tokenizer (``textblob._text.find_tokens``, from Pattern) is replaced by ``find_tokens`` here, which gives the
  same tokens. That tokenizer was 60% of the polarity's time on news: for every whitespace-separated word it peels
  punctuation off both ends one character at a time in Python. What a word becomes depends on the word alone, so
  here each distinct word is peeled once and remembered; the rest (contractions, quotes, sentence ends, sarcasm and
  emoticon marks) is TextBlob's own steps with its own constants, each run only where it can change something.
  Tested equal to ``find_tokens`` with its default arguments on the bundled articles' sentences and edge cases.
- Its scoring step (``Sentiment.assessments``) goes through every word of a sentence in Python, looking each up and,
  for a number such as "2019", through all of its emoticon lists. Here what the step does at each distinct word is
  worked out once and remembered (``_word_steps``), and ``polarity_and_subjectivity`` runs TextBlob's steps on that.
"""
from __future__ import annotations

import importlib
import importlib.util
import re
import sys
from functools import cache, partial
from itertools import chain
from typing import NamedTuple

from framing.models.runtime import Remembered


def _textblob_without_its_init():
    """``textblob.en`` (the pattern scorer and its tokenizer), loaded without running ``textblob/__init__``."""
    if "textblob" not in sys.modules:
        spec = importlib.util.find_spec("textblob")
        package = importlib.util.module_from_spec(spec)
        package.__getattr__ = lambda name: getattr(importlib.import_module("textblob.blob"), name)
        sys.modules["textblob"] = package
    return importlib.import_module("textblob.en")


_en = _textblob_without_its_init()
pattern = importlib.import_module("textblob._text")

_LEADING = tuple(pattern.PUNCTUATION.replace(".", ""))  # find_tokens splits periods apart from other punctuation
_TRAILING = _LEADING + (".",)
_CONTRACTIONS = [(re.compile(a), b) for a, b in pattern.replacements.items()]  # each has an apostrophe
_LINEBREAK = re.compile(r"\n{2,}")
_SPACES = re.compile(r"\s+")
_ENDS = frozenset(("...", ".", "!", "?", pattern.EOS))  # a token that can end a sentence
_CLOSING = ("'", '"', "”", "’", "...", ".", "!", "?", ")", pattern.EOS)  # tokens that stay with the sentence they end
MAX_REMEMBERED = 200_000  # distinct words; past it the memory starts again


def _peeled(word: str) -> tuple[str, ...]:
    """One whitespace-separated word as find_tokens splits it: leading punctuation, the word, trailing punctuation,
    an ellipsis, a final period unless the word is an abbreviation ("U.S.", "Mr.")."""
    tokens, tail = [], []
    while word.startswith(_LEADING) and word not in pattern.replacements:
        tokens.append(word[0])
        word = word[1:]
    while word.endswith(_TRAILING) and word not in pattern.replacements:
        if word.endswith(_LEADING):
            tail.append(word[-1])
            word = word[:-1]
        if word.endswith("..."):
            tail.append("...")
            word = word[:-3].rstrip(".")
        if word.endswith("."):
            if word in pattern.ABBREVIATIONS or pattern.RE_ABBR1.match(word) is not None \
                    or pattern.RE_ABBR2.match(word) is not None or pattern.RE_ABBR3.match(word) is not None:
                break
            tail.append(word[-1])
            word = word[:-1]
    if word != "":
        tokens.append(word)
    tokens.extend(reversed(tail))
    return tuple(tokens)


_remembered = Remembered(_peeled, MAX_REMEMBERED)  # word -> its tokens, each word peeled once


def _emoticon(match: re.Match) -> str:
    return match.group(1).replace(" ", "") + match.group(2)


def find_tokens(string: str) -> list[str]:
    """The sentences of ``string``, each a space-separated string of tokens, as ``textblob._text.find_tokens``."""
    if "'" in string:
        for contraction, spaced in _CONTRACTIONS:
            string = contraction.sub(spaced, string)
    string = string.replace("“", " “ ").replace("”", " ” ").replace("‘", " ‘ ").replace("’", " ’ ") \
        .replace("'", " ' ").replace('"', ' " ')
    string = string.replace("\r\n", "\n")
    string = _LINEBREAK.sub(f" {pattern.EOS} ", string)
    string = _SPACES.sub(" ", string)
    tokens = list(chain.from_iterable(map(_remembered.__getitem__, pattern.TOKEN.findall(string + " "))))
    # Sentences, as find_tokens groups them: from one token that can end a sentence through the closing tokens after it.
    marked = pattern.EOS in string
    sentences: list[list[str]] = [[]]
    start = after = 0
    for end in [k for k, token in enumerate(tokens) if token in _ENDS]:
        if end < after:
            continue  # already taken as a closing token
        while end < len(tokens) and tokens[end] in _CLOSING:
            if tokens[end] in ("'", '"') and sentences[-1].count(tokens[end]) % 2 == 0:
                break  # balanced quotes
            end += 1
        sentences[-1].extend([t for t in tokens[start:end] if t != pattern.EOS] if marked else tokens[start:end])
        sentences.append([])
        start, after = end, end + 1
    sentences[-1].extend(tokens[start:])
    joined = [" ".join(s) for s in sentences if s]
    joined = [pattern.RE_SARCASM.sub("(!)", s) if "!" in s else s for s in joined]
    return [pattern.RE_EMOTICONS.sub(_emoticon, s) for s in joined]


@cache
def _scorer():
    """TextBlob's own scorer: its lexicon (loaded here on first use, about 0.1 s, which a process that scores no tone
    never needs), negations and modifiers, which each word's step reads once (``_word_steps``)."""
    scorer = _en.sentiment
    if not len(scorer):  # a lazydict: asking its length loads it
        raise RuntimeError("TextBlob's pattern lexicon did not load")
    return scorer


# What TextBlob's ``Sentiment.assessments`` does at one word, with no part-of-speech tag (as for a string), worked
# out once per distinct word. Most words of news are unknown to its lexicon, are no negation, no "!", no "(!)" and
# no emoticon, and are long enough (over 2 characters) that they end any pending negation and modifier: for them the
# step only resets its state (``_PLAIN``). A known word carries its scores and whether it can modify the next word
# or negate; any other word goes through the step's own tests (``_Other``).
_PLAIN = None


class _Known(NamedTuple):
    """A word in TextBlob's lexicon."""

    polarity: float
    subjectivity: float
    intensity: float
    modifies: bool  # an adverb in the lexicon: it may modify the next known word ("really good")
    negates: bool


class _Other(NamedTuple):
    """A word outside the lexicon that the step must still look at."""

    negates: bool
    ends_negation: bool  # long enough (apostrophes aside) to end a pending negation: "not a good" keeps it
    ends_modifier: bool  # long enough to end a pending modifier: "really is a good" keeps it
    exclamation: bool  # "!" strengthens the chunk before it
    sarcasm: bool  # "(!)"
    emoticon: float | None  # an emoticon's polarity


_UNREMARKABLE = _Other(negates=False, ends_negation=True, ends_modifier=True, exclamation=False, sarcasm=False,
                       emoticon=None)  # a word whose step only resets the state: ``_PLAIN``


def _step(word: str, scorer, emoticons: dict[str, float]):
    """What TextBlob's step does at a lower-cased word: ``_PLAIN``, a ``_Known`` or an ``_Other``."""
    negation = word in scorer.negations
    if dict.__contains__(scorer, word) and None in scorer[word]:
        senses = scorer[word]
        return _Known(*senses[None], any(map(senses.__contains__, scorer.modifiers)), negation)
    emoticon = None
    if word.isalpha() is False and len(word) <= 5 and word not in pattern.PUNCTUATION:
        emoticon = emoticons.get(word)
    step = _Other(negation, len(word.strip("'")) > 1, len(word) > 2, word == "!", word == "(!)", emoticon)
    return _PLAIN if step == _UNREMARKABLE else step


@cache
def _word_steps() -> Remembered:
    """lower-cased word -> its step, each worked out once."""
    # TextBlob tests each emoticon family in turn, the word against each member lower-cased: the first wins
    emoticons: dict[str, float] = {}
    for (_kind, polarity), members in pattern.EMOTICONS.items():
        for member in members:
            emoticons.setdefault(member.lower(), polarity)
    return Remembered(partial(_step, scorer=_scorer(), emoticons=emoticons), MAX_REMEMBERED)


def _clamp(value: float) -> float:
    return max(-1.0, min(value, +1.0))


def polarity_and_subjectivity(text: str) -> tuple[float, float]:
    """TextBlob's (polarity, subjectivity) of ``text``: ``TextBlob(text).sentiment``'s two numbers.

    TextBlob's ``Sentiment.__call__`` and ``assessments`` (textblob 0.19, pinned), step for step, on each word's
    remembered step: the same chunks (a known word, the modifier before it, a negation before that, "!", "(!)",
    emoticons), the same arithmetic in the same order, so the same floats (tested equal on news and edge cases)."""
    steps = _word_steps()
    chunks: list[list] = []  # [polarity, subjectivity, intensity, negated], as TextBlob's dicts without the words
    modifier = negation = None  # the word before that may modify the next known word, or negate it
    for word in " ".join(find_tokens(text)).split():
        word = word.lower()
        step = steps[word]
        if step is _PLAIN:
            modifier = negation = None
            continue
        if type(step) is _Known:
            p, s, i, modifies, negates = step
            if modifier is None:
                chunks.append([p, s, i, 1])
            else:  # "really good": the modifier's intensity scales this word's scores
                last = chunks[-1]
                last[0] = _clamp(p * last[2])
                last[1] = _clamp(s * last[2])
                last[2] = i
            if negation is not None:  # "not really good"
                chunks[-1][2] = 1.0 / chunks[-1][2]
                chunks[-1][3] = -1
            modifier = word if modifies else None
            negation = word if negates else None
            continue
        negates, ends_negation, ends_modifier, exclamation, sarcasm, emoticon = step
        if negates:
            negation = word
        elif negation and ends_negation:
            negation = None
        if negation is not None and modifier is not None and modifier.endswith("ly"):
            chunks[-1][3] = -1  # "really not good"
            negation = None
        elif modifier and ends_modifier:
            modifier = None
        if exclamation and chunks:
            chunks[-1][0] = _clamp(chunks[-1][0] * 1.25)
        if sarcasm:
            chunks.append([0.0, 1.0, 1.0, 1])
        if emoticon is not None:
            chunks.append([emoticon, 1.0, 1.0, 1])
    # TextBlob's average: a running sum from 0, divided by the count (sum() would add differently on Python 3.12+)
    polarity = subjectivity = 0
    for p, s, _i, negated in chunks:
        polarity += p * -0.5 if negated < 0 else p  # "not good" is slightly bad, "not bad" slightly good
        subjectivity += s
    count = float(len(chunks) or 1)
    return polarity / count, subjectivity / count
