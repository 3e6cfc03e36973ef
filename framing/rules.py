"""Context rules: when a lexicon term found in a sentence really counts.

A rule sees ``(sentence, start, end)`` of a candidate match and says whether it counts. Rules are
named in the ``rule`` column of a lexicon CSV; this table is the only place a rule is defined.
"""
from __future__ import annotations

import re

_NUMBER_WORDS = (
    r"one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty|thirty|forty|fifty|sixty"
    r"|seventy|eighty|ninety|hundred|thousand|million|billion|half|a\s+half|a\s+third|a\s+quarter|a\s+fifth"
    r"|a\s+dozen|two\s+dozen|a\s+hundred|a\s+thousand|a\s+million|a\s+billion|dozens|hundreds|thousands|millions"
)
# What counts as "a quantity follows": a number ("1,500", "26%", "$5"), or a number word.
_QUANTITY_AFTER = re.compile(rf"\s+(?:(?:US|U\.S\.)?[$£€¥]\s?)?(?:\d|(?:{_NUMBER_WORDS})\b)", re.IGNORECASE)
_MONTH_CONTEXT_BEFORE = re.compile(
    r"\b(?:in|since|until|till|of|last|early|late|mid|by|from|through|this|next|on|during|before|after)[\s-]+$",
    re.IGNORECASE,
)


def quantity_follows(text: str, start: int, end: int) -> bool:
    """'some 1,500 troops', 'about 19 percent', 'around half' — not 'around the globe', 'about Ukraine'."""
    return bool(_QUANTITY_AFTER.match(text, end))


def not_month(text: str, start: int, end: int) -> bool:
    """'may' the modal, not 'May' the month ('in May', 'May 28', 'May was').

    Only lower-case "may" is the modal: an epistemic "may" never opens a sentence ("It may…"), and a
    capitalised "May" mid-sentence is the month or a name. Month prepositions still rule out sloppy
    lower-case months ("since may 2023").
    """
    if text[start] != "m":
        return False
    return not (re.match(r"\s+\d", text[end:]) or _MONTH_CONTEXT_BEFORE.search(text[max(0, start - 20):start]))


def predicative(text: str, start: int, end: int) -> bool:
    """'certain' as a booster ('it is certain that', 'certain to') — not 'a certain amount'."""
    before = text[max(0, start - 4):start].lower()
    if re.search(r"\ba\s+$", before):
        return False
    return bool(re.match(r"""\s*(?:$|[.,;:!?"”)]|\s(?:that|to|of|about|whether)\b)""", text[end:]))


def not_superlative(text: str, start: int, end: int) -> bool:
    """'most analysts', 'most of them' (a vague quantity) — not 'the most unsettling', 'its most recent'.

    Without a part-of-speech tagger we accept "most" only before "of" or a word that looks plural.
    """
    if re.search(r"(?:\b(?:the|at|its|his|her|their|our|my)|['’]s)\s+$", text[max(0, start - 6):start], re.IGNORECASE):
        return False
    following = re.match(r"\s+([A-Za-z]+)", text[end:])
    return bool(following) and (following.group(1).lower() in ("of", "people") or following.group(1).endswith("s"))


def not_ability(text: str, start: int, end: int) -> bool:
    """'the possible meeting', 'it is possible that' — not 'possible to do', 'as soon as possible'."""
    if re.match(r"\s+(?:to|for)\b", text[end:], re.IGNORECASE):
        return False
    return not re.search(r"\b(?:as|if|whenever|wherever|made|make|makes)\s+$", text[max(0, start - 10):start], re.IGNORECASE)


CONTEXT_RULES = {"quantity": quantity_follows, "not_month": not_month, "predicative": predicative,
                 "not_superlative": not_superlative, "not_ability": not_ability}
