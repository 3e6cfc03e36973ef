"""Context rules: when a lexicon term found in a sentence really counts.

A rule sees ``(sentence, start, end)`` of a candidate match and says whether it counts. Rules are
named in the ``rule`` column of a lexicon CSV; this table is the only place a rule is defined.
"""
from __future__ import annotations

import csv
import re
from functools import lru_cache
from pathlib import Path

_NUMBER_WORDS = (
    r"one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty|thirty|forty|fifty|sixty"
    r"|seventy|eighty|ninety|hundred|thousand|million|billion|half|a\s+half|a\s+third|a\s+quarter|a\s+fifth"
    r"|a\s+dozen|two\s+dozen|a\s+hundred|a\s+thousand|a\s+million|a\s+billion|dozens|hundreds|thousands|millions"
)
# What counts as "a quantity follows": a number ("1,500", "26%", "$5"), or a number word.
_QUANTITY_AFTER = re.compile(rf"\s+(?:(?:US|U\.S\.)?[$£€¥]\s?)?(?:\d|(?:{_NUMBER_WORDS})\b)", re.IGNORECASE)
_NEGATORS = {"not", "no", "never", "without", "hardly", "cannot", "nor", "barely", "scarcely"}
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


def is_negated(text: str, start: int) -> bool:
    """A negator among the three words before the cue ('not likely', "isn't clear")."""
    words = re.findall(r"[\w'’]+", text[max(0, start - 40):start])[-3:]
    return any(w.lower() in _NEGATORS or w.lower().endswith(("n't", "n’t")) for w in words)


def _before(text: str, start: int, width: int = 40) -> str:
    return text[max(0, start - width):start].lower()


def _after(text: str, end: int, width: int = 40) -> str:
    return text[end:end + width].lower()


_LEGAL_BEFORE = re.compile(
    r"\b(?:file|filed|files|filing|insurance|legal|civil|damages?|disability|compensation|pension|benefits?|patent|property|land|"
    r"territorial|unemployment|settle|settled|settles|settling|small|tax|injury|asylum|malpractice|medicare|medicaid|"
    r"federal|court\s+of|reject(?:ed|s)?|den(?:y|ied|ies)|process(?:ed|es|ing)?|pa(?:y|id|ys)|submit(?:ted|s)?)\s+(?:a\s+|the\s+|their\s+|his\s+|her\s+|its\s+)?$")
_LEGAL_AFTER = re.compile(
    r"^\s+(?:court|courts|against|for\s+(?:damages|compensation|benefits|payment|a\s+refund|reimbursement)|process|adjusters?|"
    r"forms?|responsibility|credit|victory|the\s+(?:title|seat|throne|lives|life)|a\s+(?:seat|title|share|stake)|\d)")


def not_legal_claim(text: str, start: int, end: int) -> bool:
    """'claims that the vote was rigged', 'he claimed' — not a claim filed in court, insurance claims,
    'claimed responsibility', 'claimed the title' or 'claimed three lives'."""
    return not (_LEGAL_BEFORE.search(_before(text, start)) or _LEGAL_AFTER.match(_after(text, end)))


def not_appointment(text: str, start: int, end: int) -> bool:
    """'officials confirmed the deaths' — not a confirmation vote or appointment ('confirmed as attorney
    general', 'confirmed by the Senate', 'the Senate confirmed Barr')."""
    if re.match(r"\s+(?:as\b|to\s+(?:the|a|an|be|serve|lead|head|replace)\b|by\s+(?:the\s+)?(?:full\s+)?(?:senate|house|"
                r"parliament|congress|assembly|committee|a\s+vote|a\s+\d|\d))", _after(text, end)):
        return False
    return not re.search(r"\b(?:senate|senators|senate\s+\w+\s+committee|committee|parliament|lawmakers)\s+"
                         r"(?:(?:has|had|have|narrowly|overwhelmingly|unanimously|quickly|easily|formally)\s+)*$",
                         _before(text, start, 60))


_PERCEPTION_OR_ABILITY = re.compile(
    r"^\s+(?:(?:not|n't|n’t|only|barely|hardly|never|no\s+longer)\s+)?(?:be\s+(?:immediately\s+)?reached|see|hear|feel|smell|"
    r"taste|afford|remember|recall|sleep|walk|swim|speak|read|write|run|stand|breathe)\b")


def not_past_ability(text: str, start: int, end: int) -> bool:
    """'could' of possibility ('the deal could collapse') — not of ability ('could not be reached for
    comment', 'she could see the smoke', 'as fast as they could')."""
    after = _after(text, end)
    if _PERCEPTION_OR_ABILITY.match(after) or re.match(r"\s*(?:[.,;:!?\"”)]|$)", after):
        return False
    return not re.search(r"\bas\s+(?:\w+\s+)?as\s+(?:\w+\s+)?$", _before(text, start))


_EVIDENCE_NOUNS = (r"evidence|data|polls?|polling|results?|findings|research|stud(?:y|ies)|reports?|records|documents|"
                   r"figures|numbers|signs|statistics|analysis|surveys?|trends?|experience|history|this|that|which|it")


def epistemic_suggest(text: str, start: int, end: int) -> bool:
    """'the data suggest that', ', suggesting the economy is slowing' — not 'suggested a meeting' or
    'suggested that they should meet' (to propose)."""
    after = _after(text, end, 80)
    if re.match(r"\s+(?:a|an|the|some|using|that\s+(?:\w+\s+){0,4}(?:should|must|ought))\b|\s+\w+ing\b", after) and not re.match(
            r"\s+the\s+\w+\s+(?:is|are|was|were|has|have|had|will|would|may|might|could)\b", after):
        return False
    if re.search(rf"\b(?:{_EVIDENCE_NOUNS})\s+(?:\w+\s+)?(?:also\s+|may\s+|might\s+|could\s+|would\s+|strongly\s+)?$", _before(text, start)):
        return True
    return bool(re.match(r"\s+that\b", after)) or _before(text, start).rstrip().endswith(",")


def negated(text: str, start: int, end: int) -> bool:
    """'not sure', "isn't confident": a certainty word under negation hedges instead."""
    return is_negated(text, start)


def not_negated(text: str, start: int, end: int) -> bool:
    """'she is sure', 'confident that' boost — unless negated; 'make sure' and 'to be sure' never boost."""
    return not is_negated(text, start) and not re.search(r"\b(?:make|makes|making|made|to\s+be)\s+$", _before(text, start))


_REPORTING = r"said|says|told|tells|announced|vowed|pledged|promised|insisted|stated|added|decided|agreed|warned|assured|declared"


def hypothetical_would(text: str, start: int, end: int) -> bool:
    """'that would be a mistake', 'the deal would collapse if …' — not future-in-the-past after a reporting
    verb ('said it would investigate'), refusals ("would not comment") or 'would-be'."""
    after = _after(text, end)
    if after.startswith(("-", "‐", "‑")) or re.match(r"\s+be\s+\w+ers?\b", after):
        return False
    if re.match(r"(?:\s*n['’]t|\s+not)\s+(?:immediately\s+)?(?:comment|elaborate|identify|specify|say|disclose|discuss|talk|"
                r"confirm|name|reveal|give|provide|answer|respond)\b", after):
        return False
    return not re.search(rf"\b(?:{_REPORTING})\b", _before(text, start, 120))


def not_as_expected(text: str, start: int, end: int) -> bool:
    """'is expected to pass', 'expects a deal' — not 'as expected' or 'than expected' (what happened)."""
    return not re.search(r"\b(?:as|than|than\s+(?:had\s+been|was|were))\s+$", _before(text, start))


def not_noun_thought(text: str, start: int, end: int) -> bool:
    """'officials thought the deal was close' — not 'a thought', 'school of thought', 'without thought', 'think tank'."""
    if re.match(r"\s+tanks?\b", _after(text, end)):
        return False
    return not re.search(r"\b(?:a|the|his|her|their|our|my|its|of|in|second|without|deep|much|some|any|no|little|careful|"
                         r"serious|further)\s+$", _before(text, start))


def not_as_if(text: str, start: int, end: int) -> bool:
    """'if the talks fail, …', 'whether the deal holds' — not the comparison 'as if'."""
    return not re.search(r"\bas\s+$", _before(text, start))


# Bodies a US state has too: "the state Senate", "the Alabama Supreme Court" are not the federal ones (a state's name
# before "Senate" is more often its race for the US Senate, "the Ohio Senate race", so that needs the word "state")
STATE_BODIES = {"supreme court", "senate", "house", "house of representatives", "legislature", "assembly",
                "general assembly"}
_STATE_WORD_BEFORE = re.compile(r"(?<![\w-])[Ss]tate(?:['’]s)?\s+$")  # not "red-state Senate Democrats"
PLACES_FILE = Path(__file__).resolve().parents[2] / "data" / "lexicons" / "places.csv"


@lru_cache(maxsize=1)
def _places() -> tuple[tuple[str, str], ...]:
    """(alias, source) of every row of the shipped places list, read once per process."""
    with PLACES_FILE.open(encoding="utf-8", newline="") as f:
        return tuple((row["alias"], row["source"]) for row in csv.DictReader(f))


@lru_cache(maxsize=1)
def place_names() -> frozenset[str]:
    """Every name of a place the shipped list gives ("Iran", "U.S.", "Texas")."""
    return frozenset(alias for alias, _ in _places())


@lru_cache(maxsize=1)
def _state_name_before() -> re.Pattern:
    states = sorted({alias for alias, source in _places() if source.startswith("US states")}, key=len, reverse=True)
    return re.compile(rf"(?<![\w-])(?:{'|'.join(map(re.escape, states))})(?:['’]s)?\s+$")


def not_a_states_body(text: str, start: int, end: int) -> bool:
    """"Senate", "Supreme Court" as the federal body, not a state's: not after "state" ("the state Senate", "the
    state's Supreme Court"), and a supreme court not after a state's name ("the Alabama Supreme Court"). On the dev
    corpus this leaves out 31 of 1,101 "Supreme Court" and 12 of 2,046 "Senate" mentions, all a state's but one
    ("the 1968 Terry v. Ohio Supreme Court ruling")."""
    before = text[max(0, start - 40):start]
    if _STATE_WORD_BEFORE.search(before):
        return False
    return not (text[start:end].lower() == "supreme court" and _state_name_before().search(before))


_CAPITALISED_AFTER = re.compile(r"\s+[A-Z][a-z]")


def not_a_title(text: str, start: int, end: int) -> bool:
    """A theme's word that is also a title ("president", "justice") counts as the word, not as a title before a name
    or a named body: "President Obama", "Justice Kennedy", "Justice Department". On the dev corpus "President X" alone
    made 1,214 sentences Political (of 16,934) and "Justice X" 561 Fairness and equality (of 2,226)."""
    return not _CAPITALISED_AFTER.match(text, end)


HONORIFIC_GENDER = {"Mr": "he", "Mrs": "she", "Ms": "she", "Miss": "she"}  # the honorifics, and whom each names
_HONORIFIC_BEFORE = re.compile(rf"(?<![\w.])(?:{'|'.join(HONORIFIC_GENDER)}|Dr)\.?\s+$")


def not_after_an_honorific(text: str, start: int, end: int) -> bool:
    """A place's name after "Miss", "Mr." or "Dr." is a pageant's title or a person's name, not the place: "Miss USA",
    "Miss Washington 2013", "Mr. Washington". On the dev corpus all 5 such mentions were pageants."""
    return not _HONORIFIC_BEFORE.search(text, max(0, start - 6), start)


CONTEXT_RULES = {
    "quantity": quantity_follows, "not_month": not_month, "predicative": predicative, "not_superlative": not_superlative,
    "not_ability": not_ability, "not_legal_claim": not_legal_claim, "not_appointment": not_appointment,
    "not_past_ability": not_past_ability, "epistemic_suggest": epistemic_suggest, "negated": negated,
    "not_negated": not_negated, "hypothetical_would": hypothetical_would, "not_as_expected": not_as_expected,
    "not_noun_thought": not_noun_thought, "not_as_if": not_as_if, "not_a_title": not_a_title,
}

# What each rule means, in words a reader of the lexicon tables understands (the names stay in the CSV files).
RULE_WORDS = {
    "quantity": "only before an amount", "not_month": "not the month May", "predicative": "only as 'is certain'",
    "not_superlative": "not a superlative", "not_ability": "not of ability",
    "not_legal_claim": "not a claim in court", "not_appointment": "not a confirmation vote",
    "not_past_ability": "not past ability", "epistemic_suggest": "only as 'suggests that'", "negated": "only when negated",
    "not_negated": "not when negated", "hypothetical_would": "only hypothetical 'would'",
    "not_as_expected": "not 'as expected'", "not_noun_thought": "not the noun 'thought'", "not_as_if": "not 'as if'",
    "not_a_title": "not as a title before a name",
}

