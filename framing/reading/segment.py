"""Paragraph and sentence segmentation that needs no downloaded model.

TextBlob's ``.sentences`` needs NLTK's punkt data, which must be downloaded; we cannot rely on that
on Community Cloud or in CI. News prose is regular enough for a rule-based splitter: split after
``. ! ? …`` (plus any closing quotes or brackets) when whitespace and a sentence opener follow,
unless the word before the period is a known abbreviation ("Mr.", "Gen."), an initial ("F."),
or a dotted acronym ("U.S.") that is followed by an ordinary word rather than a sentence opener.
"""
from __future__ import annotations

import re

from framing.reading.budget import Budget

MAX_SENTENCE_CHARACTERS = Budget.from_environment().max_sentence_characters

# Words that take a period but do not end a sentence (lower case, without the final period).
ABBREVIATIONS = frozenset(
    ["mr", "mrs", "ms", "messrs", "dr", "gen", "gens", "lt", "col", "maj", "capt", "cmdr", "sgt", "adm", "sen", "sens", "rep", "reps", "gov", "pres", "prof", "st", "jr", "sr", "inc", "co", "corp", "ltd", "vs", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec", "ft", "mt", "ave", "dept", "est", "approx", "fig", "rev", "hon", "amb", "v"]
)
# Abbreviations that only count as such before a number ("No. 2", "Vol. 3").
NUMBER_ABBREVIATIONS = frozenset({"no", "nos", "vol", "p", "pp", "art"})
# After a dotted acronym such as "U.S." a new sentence usually starts with one of these words;
# "the U.S. Army" or "U.S. officials" does not.
SENTENCE_OPENERS = frozenset(
    ["the", "a", "an", "it", "its", "he", "she", "they", "we", "i", "you", "this", "that", "these", "those", "there", "but", "and", "or", "so", "yet", "in", "on", "at", "for", "from", "to", "as", "if", "when", "while", "after", "before", "since", "although", "though", "however", "meanwhile", "still", "now", "then", "his", "her", "their", "our", "my", "no", "not", "one", "some", "many", "most", "all", "both", "each", "such", "what", "why", "how", "who", "where", "mr", "ms", "mrs", "dr"]
)

_BOUNDARY = re.compile(r"""[.!?…]+["”’')\]]*(?=\s+["“‘'(\[]?[A-Z0-9À-Ý])""")
_NEXT_WORD = re.compile(r"""\s+["“‘'(\[]?([\w’'-]+)""")


def split_paragraphs(text: str) -> list[str]:
    """Split text into paragraphs.

    Blank lines separate paragraphs. Within a block, each line is its own paragraph unless the block
    looks hard-wrapped (several lines, most of them long and not ending a sentence), in which case the
    lines are joined.
    """
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    paragraphs: list[str] = []
    for block in re.split(r"\n[ \t\u00a0]*\n", text):
        lines = [ln.strip() for ln in block.split("\n") if ln.strip()]
        if not lines:
            continue
        if _looks_hard_wrapped(lines):
            paragraphs.append(" ".join(lines))
        else:
            paragraphs.extend(lines)
    return paragraphs


def _looks_hard_wrapped(lines: list[str]) -> bool:
    if len(lines) < 2:
        return False
    body = lines[:-1]
    wrapped = [ln for ln in body if 40 <= len(ln) <= 100 and not re.search(r"""[.!?:"”]$""", ln)]
    return len(wrapped) >= max(1, int(0.6 * len(body)))


def sentence_spans(paragraph: str) -> list[tuple[int, int]]:
    """Character spans (start, end) of the sentences in one paragraph, whitespace trimmed; a sentence longer
    than MAX_SENTENCE_CHARACTERS comes as several pieces."""
    return [piece for s, e in _raw_spans(paragraph) for piece in _bounded(paragraph, s, e)]


def _raw_spans(paragraph: str) -> list[tuple[int, int]]:
    spans: list[tuple[int, int]] = []
    start = 0
    for match in _BOUNDARY.finditer(paragraph):
        end = match.end()
        if _is_false_boundary(paragraph, match.start(), end):
            continue
        spans.append((start, end))
        start = end
    spans.append((start, len(paragraph)))
    trimmed = []
    for s, e in spans:
        while s < e and paragraph[s].isspace():
            s += 1
        while e > s and paragraph[e - 1].isspace():
            e -= 1
        if e > s:
            trimmed.append((s, e))
    return trimmed


def _bounded(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """A span cut into pieces of at most MAX_SENTENCE_CHARACTERS, at a space where there is one: text with
    no punctuation would otherwise be one "sentence" of megabytes."""
    pieces = []
    while end - start > MAX_SENTENCE_CHARACTERS:
        cut = text.rfind(" ", start + MAX_SENTENCE_CHARACTERS // 2, start + MAX_SENTENCE_CHARACTERS)
        cut = cut if cut > start else start + MAX_SENTENCE_CHARACTERS
        pieces.append((start, cut))
        start = cut
        while start < end and text[start].isspace():
            start += 1
    if end > start:
        pieces.append((start, end))
    return pieces


def long_sentences(paragraph: str) -> int:
    """How many sentences of a paragraph are longer than the bound (and so cut into pieces)."""
    if len(paragraph) <= MAX_SENTENCE_CHARACTERS:  # nearly every paragraph: no need to find its sentences
        return 0
    return sum(1 for s, e in _raw_spans(paragraph) if e - s > MAX_SENTENCE_CHARACTERS)


def split_sentences(paragraph: str) -> list[str]:
    return [paragraph[s:e] for s, e in sentence_spans(paragraph)]


# After a quoted question or exclamation, the attribution belongs to the same sentence:
# “Is it time to stand up?” Walsh asked.  /  “Enough!” said Mr. Reed.
_ATTRIBUTION_AFTER = re.compile(
    r"""\s+(?:(?:[A-Z][\w.’'-]*\s+){1,4}(?:said|asked|added|says|asks|shouted|wrote|replied|told|continued|cried)\b"""
    r"""|(?:said|asked|added|says|asks|shouted|wrote|replied|continued|cried)\b)""")


def _is_false_boundary(text: str, punct_start: int, punct_end: int) -> bool:
    if text[punct_start] in "?!" and text[punct_end - 1] in "\"”’'" and _ATTRIBUTION_AFTER.match(text, punct_end):
        return True
    if text[punct_start] != ".":
        return False
    start = punct_start  # the word before the full stop: the run of word characters and dots that ends there
    while start and (text[start - 1].isalnum() or text[start - 1] in "._"):  # what the regex \w matches, and "."
        start -= 1
    if start == punct_start:
        return False
    word = text[start:punct_start]
    lower = word.lower().rstrip(".")
    nxt = _NEXT_WORD.match(text, punct_end)
    next_word = nxt.group(1) if nxt else ""
    if lower in ABBREVIATIONS:
        return True
    if len(word) == 1 and word.isupper():  # an initial: "John F. Kennedy", "William P. Barr" (not "p. 5")
        return True
    if lower in NUMBER_ABBREVIATIONS:
        return next_word[:1].isdigit()
    if "." in word.strip("."):  # dotted acronym: U.S., U.N., a.m.
        return next_word.lower() not in SENTENCE_OPENERS
    return False
