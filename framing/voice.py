"""Voice: how much of a sentence is direct quotation, and whom the text names as speaking.

Quotation state is carried across the sentences of a paragraph, because news quotes often run
over several sentences ("“We have asked … question. It is a good question. …,” Sullivan said").
Only double quotes count; single curly quotes are too often apostrophes.
"""
from __future__ import annotations

import re

QUOTED_THRESHOLD = 0.5  # a sentence is "quoted" when at least half its characters are inside quotes

_TITLE = r"(?:(?:Mr|Ms|Mrs|Dr|Gen|Sen|Rep|Gov|Prof|President|Minister|Ambassador)\.?\s+)"
_NAME = rf"(?:{_TITLE}?[A-Z][\w’'-]+(?:\s+(?:[A-Z][\w’'-]+|bin|al|de|van|von|der)){{0,3}})"
_VERBS_AFTER_NAME = r"said|says|told|added|noted|warned|wrote|remarked|stressed|cautioned|explained|argued|insisted|asserted|claimed|replied|tweeted"
_VERBS_BEFORE_NAME = r"said|says|added|noted|warned|wrote|remarked|stressed|asked|explained|argued"
_SAID_NAME = re.compile(rf"\b(?:{_VERBS_BEFORE_NAME})\s+(?P<name>{_NAME})")
_NAME_SAID = re.compile(rf"(?P<name>{_NAME})(?:,\s[^,]{{1,80}},)?\s+(?:{_VERBS_AFTER_NAME})\b")
_ACCORDING_TO = re.compile(rf"\baccording\s+to\s+(?P<name>{_NAME})")
_NOT_NAMES = {"The", "A", "An", "But", "And", "He", "She", "They", "It", "We", "I", "This", "That", "Officials", "Experts"}


def quote_masks(paragraph: str, spans: list[tuple[int, int]]) -> list[list[bool]]:
    """For each sentence span, a per-character flag: inside a double quotation or not."""
    inside = False
    flags = []
    for ch in paragraph:
        if ch == "“":
            inside = True
            flags.append(True)
        elif ch == "”":
            flags.append(True)
            inside = False
        elif ch == '"':
            flags.append(True)
            inside = not inside
        else:
            flags.append(inside)
    return [flags[s:e] for s, e in spans]


def quoted_share(text: str, mask: list[bool]) -> float:
    letters = [inside for ch, inside in zip(text, mask) if not ch.isspace()]
    return sum(letters) / len(letters) if letters else 0.0


def speaker(text: str, mask: list[bool]) -> str | None:
    """The speaker the sentence names outside its quotation marks, if any ("said Ms. Town")."""
    outside = "".join(" " if inside else ch for ch, inside in zip(text, mask))
    for pattern in (_SAID_NAME, _NAME_SAID, _ACCORDING_TO):
        for match in pattern.finditer(outside):
            name = match.group("name").strip()
            words = name.split()
            while words and words[0] in _NOT_NAMES:
                words = words[1:]
            if words:
                return " ".join(words)
    return None


_HONORIFIC = re.compile(r"^(?:Mr|Ms|Mrs|Dr)\.?\s+")


def resolve_speakers(speakers: list[str | None], paragraphs: list[int], quoted: list[bool]) -> list[str]:
    """Tidy the speakers of one article's sentences (in order).

    - A quoted sentence with no named speaker takes the speaker named elsewhere in its paragraph
      (the attribution of a multi-sentence quote sits in one of its sentences).
    - "Ms. Town" after "Jenny Town" is the same person: a surname alone takes the full name used
      earlier in the article.
    """
    full_names: dict[str, str] = {}
    resolved = []
    for name in speakers:
        if not name:
            resolved.append("")
            continue
        bare = _HONORIFIC.sub("", name)
        if len(bare.split()) > 1:
            full_names.setdefault(bare.split()[-1], bare)
        resolved.append(full_names.get(bare, bare) if len(bare.split()) == 1 else bare)
    by_paragraph: dict[int, str] = {}
    for name, paragraph, is_quoted in zip(resolved, paragraphs, quoted):
        if name and is_quoted:
            by_paragraph.setdefault(paragraph, name)
    return [
        name or (by_paragraph.get(paragraph, "") if is_quoted else "")
        for name, paragraph, is_quoted in zip(resolved, paragraphs, quoted)
    ]
