"""Voice: how much of a sentence is direct quotation, and whom the text names as speaking.

Quotation state is carried across the sentences of a paragraph, because news quotes often run
over several sentences ("“We have asked … question. It is a good question. …,” Sullivan said").
Only double quotes count; single curly quotes are too often apostrophes.

A speaker is a person or organisation the text names: "said Representative Cedric L. Richmond" is
Cedric L. Richmond (titles dropped, middle initials kept); "Senator Harry Reid of Nevada said" is
Harry Reid, never Nevada; a weekday, a month or a time is never a speaker; "Trump’s spokesman said"
is "Trump’s spokesman" unless the text gives the spokesman's name. "he said" / "she said" takes the
one person named in the same or the previous paragraph, and stays unnamed when there are several.
Aliases of one person ("Rubio", "Sen. Marco Rubio") are merged to the fullest form. A party, an
institution or a role alone ("The President said", "the Democrat asked") names no one. A speaker the
text does not name is left empty, never guessed.
"""
from __future__ import annotations

import csv
import re
from collections import Counter
from collections.abc import Mapping
from functools import lru_cache
from pathlib import Path

from framing.language.context_rules import HONORIFIC_GENDER, place_names

QUOTED_THRESHOLD = 0.5  # a sentence is "quoted" when at least half its characters are inside quotes

_VERBS = (r"said|says|say|asked|asks|added|adds|continued|told|tells|wrote|writes|noted|notes|warned|warns|remarked|stressed|"
          r"cautioned|explained|explains|argued|argues|insisted|insists|asserted|claimed|replied|tweeted|posted|declared|"
          r"acknowledged|recalled|conceded|complained|countered|responded|suggested|predicted|concluded|announced|echoed")
# Verbs that report speech only when the sentence quotes it ("He blasted the bill as “a disgrace”"); alone,
# "Reid criticized the bill" is an act, not a voice.
_QUOTING_VERBS = (r"urged|urges|vowed|vows|pledged|promised|cited|described|blasted|criticized|criticised|charged|"
                  r"admitted|testified|emphasized|emphasised|observed|maintained|contended|contends|quipped|joked|"
                  r"boasted|lamented|wondered|shouted|texted|emailed|reiterated|agreed|agrees|called|calls")
# Before its name, a verb of speaking names the speaker ("said Ms. Town", "Said Hansen:"); "told" and "asked" name
# the one spoken to ("he told CNN's Gloria Borger", "asked Obama"), so they are left out there.
_VERBS_BEFORE = "|".join(f"[{v[0].upper()}{v[0]}]{v[1:]}" for v in _VERBS.split("|") if v not in ("told", "tells", "asked", "asks"))
_TITLES = (r"Mr|Mrs|Ms|Miss|Dr|Prof|Professor|Gen|General|Lt|Col|Colonel|Maj|Major|Capt|Captain|Sgt|Sergeant|Adm|Admiral|"
           r"Cmdr|Sen|Sens|Senator|Rep|Reps|Representative|Congressman|Congresswoman|Gov|Governor|Amb|Ambassador|Rev|"
           r"Reverend|Hon|Judge|Justice|President|Vice\s+President|Senator|Mayor|Minister|Prime\s+Minister|"
           r"Foreign\s+Minister|Defen[cs]e\s+Minister|Secretary|Secretary\s+of\s+State|Secretary-General|Chancellor|Speaker|Leader|"
           r"Majority\s+Leader|Minority\s+Leader|Chairman|Chairwoman|Chair|Director|Commissioner|Chief|Sheriff|"
           r"Attorney\s+General|Pope|King|Queen|Prince|Princess|Sir|Dame|Lord|Lady|"
           # a title before its holder's election, and plural ones before several names ("Justices Kennedy and Alito")
           r"President-elect|Vice\s+President-elect|Presidents|Senators|Representatives|Govs|Governors|Justices")
TITLE_WORDS = frozenset(t.lower() for t in _TITLES.split("|") if t.isalpha())  # "president", "justice", "mr"…
_TITLE = rf"(?:(?:[Ff]ormer|[Aa]cting|[Dd]eputy|U\.S\.|Senate|House|State)\s+)*(?:{_TITLES})\.?\s+"
# "Hewlett-Packard" is one word, and "McDonald": a capital, perhaps lower case and a second capital, then lower case;
# "O’Rourke": a capital and an apostrophe before the second capital.
# Written so that a word matches in one way only: "[A-Z][a-z]*[A-Z]?[a-z’']+", the same words, let the regex split a
# word's lower case letters between its two runs in as many ways as it has letters, and try each before giving up.
# Letters beyond English's ("Julián Castro", "Enrique Peña Nieto", "Recep Tayyip Erdoğan"): Latin-1's and Latin
# Extended-A's, whose capitals and small letters alternate, so that block counts as both.
CAPITALS, _LOWER = "A-ZÀ-ÖØ-Þ\u0100-\u017f", "a-zß-öø-ÿ\u0100-\u017f"
_NAME_WORD = (rf"(?:[{CAPITALS}](?:['’](?=[{CAPITALS}]))?(?:[{_LOWER}]*[{CAPITALS}])?[{_LOWER}’']+(?:-[{_LOWER}’']+)*(?:-[{CAPITALS}][{_LOWER}’']+)*"
              rf"|[A-Z]{{2,}}(?![{_LOWER}])|[A-Z]\.)")
_PARTICLE = r"(?:de|da|del|der|van|von|bin|al|al-|la|le|du|di|st\.)"
# Words of one name are one or two spaces apart: a quotation blanked between two capitalised words (``outside_quotes``)
# leaves more, and "House Democrats “could hang this case…,” Bagley said" named "House Democrats Bagley".
_NAME = rf"(?:{_TITLE})?{_NAME_WORD}(?:\s{{1,2}}(?:{_NAME_WORD}|{_PARTICLE}(?=\s+[A-Z]))){{0,4}}"
# The words that open an organisation's name whose "of …" or "for …" is part of it ("the Department of Labor")
_ORGANISATION_HEADS = ("Department", "University", "Bureau", "Centers", "Center", "Institute", "Ministry", "Office",
                       "Council", "Board", "College", "School", "Association", "Society", "Chamber", "Court",
                       "Commission", "Committee", "Federation", "League", "Academy", "Agency", "Bank")
# No title in it ("the Centers for Disease Control and Prevention Director Dr. Robert Redfield said" is Redfield), and
# one or two spaces between its words (more are a blanked quotation: "the Department of Homeland Security “…,” Hanen")
_PLACE_WORD = rf"(?!(?:{_TITLES}|Dr)\b)[A-Z][\w.’'-]+"
_ORGANISATION_PLACE = (rf"(?:{'|'.join(f'(?<={head})' for head in _ORGANISATION_HEADS)})"
                       rf"(?P<place>\s(?:of|for)\s{_PLACE_WORD}(?:\s{{1,2}}(?:and\s)?{_PLACE_WORD})*)")
# "Harry Reid of Nevada": a person's place is dropped
_PLACE = rf"(?:{_ORGANISATION_PLACE}|(?P<seat>\s+of\s+[A-Z][\w.’'-]+(?:\s+[A-Z][\w.’'-]+)*))?"
# A name run that opens inside a department's name: "Secretary of Housing and |Urban Development Julián Castro said"
_DEPARTMENT_BEFORE = re.compile(r"\b(?:of|for)\s+[A-Z][\w’'-]+(?:\s+[A-Z][\w’'-]+)*\s+and\s+$")
_APPOSITIVE = r"(?:,\s(?P<appositive>[^,“”\"]{1,90}),)?"  # "Leonid Petrov, a Russian-born academic,"
_ROLES = (r"spokesman|spokeswoman|spokesperson|press\s+secretary|lawyer|attorney|aide|adviser|advisor|office|campaign|"
          r"chief\s+of\s+staff|representative|son|daughter|wife|husband")

# A name opens with a capital or "former/acting/deputy": the lookahead lets the regex skip every other position fast.
# Never inside a word ("Hewlett-Packard"), nor at the "S." of "U.S." or the "N." of "U.N." ("S. Centers for Disease
# Control" spoke for the CDC); other initials written together ("H.R. McMaster") may still open a name there
_NAME_START = r"(?<![\w’'-])(?<!U\.)(?=[A-Z]|(?:[Ff]ormer|[Aa]cting|[Dd]eputy)\s)"


def _name_then(verbs: str) -> re.Pattern:
    """A name, perhaps "of Nevada" and an appositive, then one of ``verbs``: "Harry Reid of Nevada said"."""
    return re.compile(rf"{_NAME_START}(?P<name>{_NAME}){_PLACE}{_APPOSITIVE}\s+(?:also\s+|later\s+|then\s+)?(?:{verbs})\b")


_NAME_SAID = _name_then(_VERBS)
_SAID_NAME = re.compile(rf"\b(?:{_VERBS_BEFORE})\s+(?:{_NAME_WORD}(?:\s+{_NAME_WORD}){{0,2}}['’]s\s+)?(?P<name>{_NAME})")
_ACCORDING_TO = re.compile(rf"\b[Aa]ccording\s+to\s+(?:the\s+)?(?P<name>{_NAME}){_PLACE}")
_ROLE_SAID = re.compile(rf"{_NAME_START}(?P<owner>{_NAME})['’]s\s+(?P<role>(?:[a-z]+\s+){{0,2}}(?:{_ROLES}|manager|director|secretary|"
                        rf"counsel|official|minister|chief|leader|head|president|chairman))(?:,\s+(?P<name>{_NAME}),)?\s+(?:{_VERBS})\b")
# "said police Inspector Dave Bowen": a lower-case descriptor before a titled name
# "says Merrill Lynch food analyst William Maguire": an organisation, then a role, then the person
_ROLE_NOUNS = (r"analyst|economist|strategist|spokesman|spokeswoman|spokesperson|official|officer|executive|director|"
               r"president|chairman|chairwoman|chief|lawyer|attorney|professor|researcher|expert|adviser|advisor|"
               r"minister|secretary|manager|editor|correspondent|reporter|commander|envoy|ambassador|negotiator|aide")
_SAID_ROLE_NAME = re.compile(rf"\b(?:{_VERBS_BEFORE})\s+(?:{_NAME_WORD}\s+){{1,3}}(?:[a-z]+\s+){{0,2}}(?:{_ROLE_NOUNS})\s+"
                             rf"(?P<name>{_NAME_WORD}(?:\s+{_NAME_WORD}){{1,3}})")
_SAID_DESCRIBED = re.compile(rf"\b(?:{_VERBS_BEFORE})\s+(?:[a-z]+\s+){{1,3}}(?P<name>{_TITLE}{_NAME_WORD}(?:\s+{_NAME_WORD}){{0,3}})")
_PRONOUN = re.compile(rf"(?<!\w)(?P<pronoun>[Hh]e|[Ss]he)\s+(?:also\s+|later\s+)?(?:{_VERBS})\b"
                      rf"|\b(?:{_VERBS})\s+(?P<after>he|she)\b")
_NAME_QUOTING = _name_then(_QUOTING_VERBS)
_PRONOUN_QUOTING = re.compile(rf"(?<!\w)(?P<pronoun>[Hh]e|[Ss]he)\s+(?:also\s+|later\s+)?(?:{_QUOTING_VERBS})\b")
# Every attribution pattern needs a speech verb, as a whole word, or "according to": a sentence is looked up word by
# word in a set (a regex alternation of the verbs, tried at every word, cost more than all the patterns after it).
_SPEECH_WORDS = frozenset(_VERBS.split("|")) | {v[:1].upper() + v[1:] for v in _VERBS.split("|")}
_WORDS = re.compile(r"\w+")
_ACCORDING_TO_ANYONE = re.compile(r"\b[Aa]ccording\s+to\b")
# A titled name opens with a title's capital or with "former", "acting" or "deputy": the lookahead skips every other
# position before the regex tries its alternatives there.
_TITLED = re.compile(rf"(?=[A-Zfad])(?<![\w.])(?P<name>{_TITLE}{_NAME_WORD}(?:\s+(?:{_NAME_WORD}|{_PARTICLE}(?=\s+[A-Z]))){{0,3}})")
_TITLE_AT_START = re.compile(rf"^(?:{_TITLE})+")
_TITLE_INSIDE = re.compile(rf"(?:^|\s)(?:{_TITLES})\.?(?=\s+[A-Z])")  # each of "Secretary General Javier Solana"
# Capitalised words that make a run a place or an organisation rather than a person (for "he said").
_NOT_PERSON_WORDS = {
    "states", "united", "york", "union", "nations", "house", "white", "department", "ministry", "party", "council",
    "committee", "court", "bank", "corp", "corp.", "inc", "inc.", "co", "co.", "university", "street", "city", "county",
    "republic", "kingdom", "korea", "america", "american", "european", "congress", "senate", "agency", "office",
    "association", "institute", "foundation", "group", "company", "news", "times", "post", "journal", "press", "national", "international", "federal", "state", "north", "south", "east", "west", "new", "los", "san",
    # party labels ("California Democrat") and photo-gallery furniture ("Hide Caption")
    "democrat", "democrats", "republican", "republicans", "gop", "caption", "photos", "photo",
}
_CAPITALISED_RUN = re.compile(rf"(?<![\w.])(?:{_NAME_WORD})(?:\s+(?:{_NAME_WORD}|{_PARTICLE}(?=\s+[A-Z]))){{1,3}}")

_TIME_WORDS = {
    "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "today", "tonight", "yesterday",
    "tomorrow", "january", "february", "march", "april", "may", "june", "july", "august", "september", "october",
    "november", "december", "jan.", "feb.", "mar.", "apr.", "jun.", "jul.", "aug.", "sept.", "sep.", "oct.", "nov.",
    "dec.", "morning", "afternoon", "evening", "night", "week", "weekend", "month", "year",
}
# Words that open a capitalised run but are not names ("But Putin said", "Both said").
_NOT_NAMES = {
    "the", "a", "an", "but", "and", "or", "so", "yet", "he", "she", "they", "it", "we", "i", "you", "this", "that", "these",
    "those", "there", "both", "all", "some", "many", "most", "others", "other", "several", "each", "neither", "either",
    "few", "one", "two", "officials", "experts", "analysts", "critics", "supporters", "opponents", "residents", "people",
    "however", "meanwhile", "still", "now", "then", "when", "while", "after", "before", "as", "if", "in", "on", "at",
    "for", "from", "to", "his", "her", "their", "our", "my", "its", "no", "not", "what", "who", "which", "where",
    "why", "how", "also", "later", "instead", "earlier", "separately", "asked", "said", "another",
    # descriptors that open a capitalised run: "Longtime Trump confidant Roger Stone" is not a person "Longtime Trump"
    "longtime", "veteran",
}
# A party, an institution or a role, not a name: a speaker made only of these ("The President said", "Senate
# Republican", "Democratic Rep") stays unnamed, and before a name they are dropped ("Senate Minority Whip Dick Durbin",
# "Republican Ron DeSantis", "CNN Senior Legal Analyst Jeffrey Toobin" are the person). Plural groups ("House
# Democrats", "Senate Republicans") are speakers of their own.
_LABEL_WORDS = {
    "president", "vice", "republican", "democrat", "democratic", "gop", "senate", "house", "congressional", "rep", "sen",
    "gov", "senator", "representative", "congressman", "congresswoman", "governor", "majority", "minority", "whip",
    "leader", "speaker", "top", "senior", "former", "longtime", "veteran", "legal", "political", "chief", "analyst",
    "correspondent", "commentator", "contributor", "strategist", "state", "u.s.", "federal", "independent", "secretary",
}
_NEVER_ALONE = {"president", "vice", "republican", "democrat", "democratic", "gop", "senate", "house", "congressional",
                "rep", "sen", "gov", "state", "federal", "u.s.", "longtime", "veteran", "former", "top", "majority",
                "minority"}  # not a surname on its own ("Senior wrote" is Jennifer Senior)
# An organisation's name keeps its opening label ("Republican National Committee", "Federal Reserve")
_ORGANISATION_WORDS = {"committee", "office", "service", "reserve", "party", "caucus", "commission", "council", "society",
                       "department", "agency", "administration", "board", "bureau", "court", "institute", "foundation",
                       "association", "center", "centre", "union", "network", "fund", "coalition", "club"}
# A sentence attributing its words to someone it does not name ("the Democrat asked"): unnamed, and it takes no
# speaker from its paragraph.
UNNAMED = ""
# Placeholders for "he said" and "she said" until resolve_speakers finds the person.
HE_SPEAKER, SHE_SPEAKER = "\x00he", "\x00she"
PRONOUN_SPEAKERS = {HE_SPEAKER: "he", SHE_SPEAKER: "she"}
_HONORIFIC = rf"(?<![\w.])(?P<title>{'|'.join(HONORIFIC_GENDER)})\.?\s+"
_GENDERED_TITLE = re.compile(rf"{_HONORIFIC}(?P<name>[A-Z][\w’'.-]*(?:\s+[A-Z][\w’'.-]*)*)")


def quote_spans(paragraph: str, spans: list[tuple[int, int]]) -> list[list[tuple[int, int]]]:
    """For each sentence span, the stretches inside double quotation marks (marks included), as
    offsets into that sentence. A quote left open runs on into the following sentences."""
    quoted, inside, opened = [], False, 0
    for match in _QUOTE_MARK.finditer(paragraph):
        mark, at = match.group(), match.start()
        if mark == "“" or (mark == '"' and not inside):
            if not inside:
                inside, opened = True, at
        elif inside:  # ” or a closing "
            quoted.append((opened, at + 1))
            inside = False
        else:  # a stray closing mark: it alone is quotation
            quoted.append((at, at + 1))
    if inside:
        quoted.append((opened, len(paragraph)))
    result = []
    for s, e in spans:
        result.append([(max(a, s) - s, min(b, e) - s) for a, b in quoted if a < e and b > s])
    return result


_QUOTE_MARK = re.compile(r"[“”\"]")


def quoted_share(text: str, quoted: list[tuple[int, int]]) -> float:
    """Share of the sentence's non-space characters that are inside quotation marks."""
    total = len(text) - sum(map(str.isspace, text))
    inside = sum(b - a - sum(map(str.isspace, text[a:b])) for a, b in quoted)
    return inside / total if total else 0.0


def outside_quotes(text: str, quoted: list[tuple[int, int]]) -> str:
    """The sentence with its quoted stretches blanked (same length, so offsets hold)."""
    for a, b in quoted:
        text = text[:a] + " " * (b - a) + text[b:]
    return text


_SHOUTED = re.compile(r"[A-Z]{2,}")
_AND_NAME = re.compile(r"\s+and\s+[A-Z]")
# A finite verb right after "said X": X is the subject of the reported clause ("said Trump has made"), not the speaker
_CLAUSE_VERB_AFTER = re.compile(r"\s+(?:is|was|are|were|has|had|have|will|would|should|could|can|cannot|may|might|must|"
                                r"did|does|do|needs|wants|won|lost|made|gave|plans|hopes)\b")


@lru_cache(maxsize=100_000)  # news names the same people and bodies over and over
def clean_name(raw: str) -> str | None:
    """A name as the speaker column holds it: titles and opening non-name words dropped, middle initials
    kept; None when nothing name-like is left (a weekday, a month, a fragment, a possessive)."""
    inside = list(_TITLE_INSIDE.finditer(raw.strip()))  # "Hungarian Foreign Minister Janos Martonyi"
    words = raw.strip()[inside[-1].end():].split() if inside else raw.strip().split()
    owner = next((i for i, w in enumerate(words[:-1]) if w.endswith(("’s", "'s"))), None)
    if owner is not None:
        words = words[owner + 1:]  # "Psychology Today’s Temma Ehrenfeld", "CNN’s Anderson Cooper": the person
    while len(words) > 1 and _SHOUTED.fullmatch(words[0]) and not _SHOUTED.fullmatch(words[-1]):
        words = words[1:]  # page furniture in capitals before a name: "JUST WATCHED Obama"
    while words and words[0].lower() in _NOT_NAMES:
        words = words[1:]
        words = _TITLE_AT_START.sub("", " ".join(words)).split()
    while words and (words[-1].lower() in _TIME_WORDS or words[-1].lower() in _NOT_NAMES):
        words = words[:-1]
    lower = [w.lower().rstrip(".") for w in words]
    organisation = not _ORGANISATION_WORDS.isdisjoint(lower)  # "Senate Judiciary Committee" keeps its every word
    if not organisation and (len(words) > 1 and all(w in _LABEL_WORDS for w in lower)
                             or len(words) == 1 and lower[0] in _NEVER_ALONE):
        return None  # "Senate Republican", "The President said": no one named
    while not organisation and len(words) > 2 and words[0].lower().rstrip(".") in _LABEL_WORDS:
        words = words[1:]  # "Senate Minority Whip Dick Durbin": the person
    if not words or any(w.lower().strip(".,") in _TIME_WORDS for w in words):
        return None
    if words[-1].endswith(("’s", "'s")) or _INITIAL.fullmatch(words[-1]):
        return None
    return " ".join(words)


def attribution(text: str, quoted: list[tuple[int, int]] = ()) -> str | None:
    """The speaker the sentence names outside its quotation marks ("said Ms. Town"), HE_SPEAKER or SHE_SPEAKER for
    "he said" / "she said" (resolved later), UNNAMED where it gives the speaker as a label only ("the Democrat
    asked"), or None. ``quoted``: its stretches inside quotation marks."""
    outside = outside_quotes(text, quoted)
    if not _may_attribute(outside):
        return _quoting(outside) if quoted else None
    for match in _ROLE_SAID.finditer(outside):
        if match.group("name") and clean_name(match.group("name")):
            return clean_name(match.group("name"))
        owner = clean_name(match.group("owner"))
        if owner:
            return f"{owner}’s {' '.join(match.group('role').split())}"
    unnamed = False  # the text gives the speaker as a label only ("the Democrat asked", "according to the GOP")
    for pattern in (_NAME_SAID, _SAID_ROLE_NAME, _SAID_DESCRIBED, _SAID_NAME, _ACCORDING_TO):
        for match in pattern.finditer(outside):
            if pattern is _SAID_NAME and _AND_NAME.match(outside, match.end()):
                continue  # "said House Ways and Means Committee Chairman Dave Camp": a committee, not a person
            if pattern is _SAID_NAME and _CLAUSE_VERB_AFTER.match(outside, match.end()):
                continue  # "He says Barack Obama is trying…": the subject of what was said, not who said it
            if person := _person_beside(match, outside):
                return person
            name = clean_name(match.group("name"))
            if name and pattern is _NAME_SAID and _WHERE_BEFORE.search(outside, max(0, match.start("name") - 8), match.start("name")):
                # "A chief of staff on Capitol Hill observed", "a salon in Evans said": where the speaker is, not who,
                # unless a person's name is in it ("at Walmart Leader Emily Wells said", "Agent in Charge Matthew
                # DeSarno said"): from its given name on
                words = name.split()
                given = next((k for k, w in enumerate(words[:-1]) if given_name_gender(w)), None)
                if given is None:
                    # "Horwitz at Third Way adds", "Elizabeth Vaughn over at RedState wrote": the person before "at"
                    person = _PERSON_AT.search(outside, max(0, match.start("name") - 60), match.start("name"))
                    if person and (name := clean_name(person["person"])) \
                            and _NOT_PERSON_WORDS.isdisjoint(w.lower() for w in name.split()):
                        return name
                    continue
                name = " ".join(words[given:])
            if name:
                return _with_place(name, match)
            # a label as the subject or source; after the verb ("He said Republican leaders…") it is not the speaker
            unnamed = unnamed or pattern in (_NAME_SAID, _ACCORDING_TO) and _label_only(match.group("name"))
    if unnamed:  # before "he": "the third-ranking Senate Republican also said he had…" is the Republican's
        return UNNAMED
    if pronoun := _PRONOUN.search(outside):
        return _pronoun_speaker(pronoun["pronoun"] or pronoun["after"])
    return _quoting(outside) if quoted else None


_WHERE_BEFORE = re.compile(r"(?<!\w)(?:on|in|at)\s+$")
_PERSON_AT = re.compile(rf"(?<![\w’'-])(?P<person>{_NAME_WORD}(?:\s{_NAME_WORD})?)\s+(?:over\s+)?at\s+$")


def _person_beside(match: re.Match, outside: str) -> str | None:
    """The person a match names beside a label or a department rather than in its name group, or None:
    "The top Senate Democrat, Chuck Schumer, said" and "…Republican, Portman of Ohio, said" (an appositive);
    "Former Secretary of Labor Thomas Perez said" (a title, its department, then the person: the last two words, as a
    department's name runs on without a break before them); "Secretary of Housing and Urban Development Julián Castro
    said" (a name run that opens inside a department's name)."""
    raw = match.group("name")
    found = match.groupdict()
    if found.get("appositive") and _label_only(raw):
        person = clean_name(re.sub(r"\s+of\s+[A-Z][\w\s.’'-]*$", "", found["appositive"]))
        if person and person[0].isupper() and not any(c.isdigit() for c in person):
            return person
    if found.get("seat") and _label_only(raw) and len(found["seat"].split()) >= 4:
        return clean_name(" ".join(found["seat"].split()[-2:]))
    if len(raw.split()) >= 4 and _DEPARTMENT_BEFORE.search(outside, 0, match.start("name")):
        return clean_name(" ".join(raw.split()[-2:]))
    return None


def _with_place(name: str, match: re.Match) -> str:
    """``name`` with the "of …" after it where that belongs to an organisation: "Department of Labor", not "Department";
    "Harry Reid of Nevada" stays Harry Reid."""
    place = match.groupdict().get("place")
    if place and name.split()[-1] in _ORGANISATION_HEADS:
        # "…of Labor Statistics." ends a sentence; "the University of Connecticut's Jeremy Pressman" is the person
        full = re.sub(r"['’]s?$", "", f"{name} {' '.join(place.split())}".rstrip(".,"))
        return clean_name(full) or name
    return name


def _label_only(raw: str) -> bool:
    """Whether a would-be name is a party, institution or role alone ("the Democrat", "Senate Republican")."""
    words = [w.lower().rstrip(".") for w in raw.split() if w.lower() not in _NOT_NAMES]
    return bool(words) and all(w in _LABEL_WORDS for w in words)


def _may_attribute(text: str) -> bool:
    """Whether the text holds what every attribution pattern needs: a speech verb, as a whole word, or "according to"."""
    return not _SPEECH_WORDS.isdisjoint(_WORDS.findall(text)) or ("ccording" in text and bool(_ACCORDING_TO_ANYONE.search(text)))


def _quoting(outside: str) -> str | None:
    """In a sentence that quotes: its subject, when its verb reports the quote ("Reid blasted it as “a disgrace”")."""
    for match in _NAME_QUOTING.finditer(outside):
        if name := clean_name(match.group("name")):
            return name
    if pronoun := _PRONOUN_QUOTING.search(outside):
        return _pronoun_speaker(pronoun["pronoun"])
    return None


def _pronoun_speaker(pronoun: str) -> str:
    return SHE_SPEAKER if pronoun.lower() == "she" else HE_SPEAKER


def titled_names(text: str, owners: bool = True) -> list[str]:
    """The names the text gives with a title ("Sen. Warren", "President Donald Trump"), titles dropped. The title is the
    owner's where the name owns what follows ("President Donald Trump’s Border Patrol chief" gives Donald Trump, or with
    ``owners`` False no one; never "Border Patrol"); a rank after a capitalised word ("Notre Dame Law School", "Burger
    King") and a title after "X of" ("the Bureau of Justice Statistics") are part of an organisation's name."""
    names, at = [], 0
    while m := _TITLED.search(text, at):
        written, *owned = _OWNER.split(m.group("name"), maxsplit=1)
        before = max(0, m.start() - _WORDS_BEFORE)  # the words before the title, not the whole text again
        if _RANK.match(written) and _CAPITALISED_BEFORE.search(text, before, m.start()) \
                or _ORGANISATION_OF_BEFORE.search(text, before, m.start()):
            at = m.start() + len(written.split()[0])  # a title may follow: "Department of Justice Inspector General X"
            continue
        if (owners or not owned) and (name := clean_name(written)):
            names.append(name)
        at = m.end()
    return names


_OWNER = re.compile(r"['’]s(?=\s|$)")  # "Trump’s": the owner ends there
_WORDS_BEFORE = 80  # characters before a title that its rules read: a word and "of", with room
_RANK = re.compile(r"(?:King|Queen|Prince|Princess|Sir|Dame|Lord|Lady)\s")
# "Bureau of Justice Statistics", "Department of Justice": a title after "X of" is in an organisation's name
_ORGANISATION_OF_BEFORE = re.compile(r"(?<![\w’'-])[A-Z][\w’'-]*\s+of\s+$")
# a capitalised word before a rank, other than an owner's ("Jordan's King Abdullah") or the rank's own ("Crown Prince")
_CAPITALISED_BEFORE = re.compile(r"(?<![\w’'-])(?!Crown\s)[A-Z][\w’'-]*(?<![’']s)\s+$")


def people_named(text: str, titled: list[str] | None = None, owners: bool = True) -> list[str]:
    """People the text names: with a title ("Senator Harry Reid", "Mr. Romney"; titles dropped), or as a run of
    two to four capitalised words that holds no place or organisation word ("Jenny Town", not "New York").
    ``titled``: the text's ``titled_names``, where the caller has them already. ``owners`` False leaves out a titled
    owner ("President Trump’s plan"): named, but seldom who a "he said" nearby is (``resolve_speakers``)."""
    found = list(titled) if titled is not None else titled_names(text, owners)
    for m in _CAPITALISED_RUN.finditer(text):
        name = clean_name(m.group())
        # the run as written after any owner ("the New School’s Darrick Hamilton"), not only the name clean_name
        # leaves: "Federal Arbitration Act" is a law, though "Arbitration Act" would be left of it
        written = re.split(r"['’]s\s", m.group())[-1]
        if name and len(name.split()) > 1 and not {w.lower() for w in written.split()} & _NOT_PERSON_WORDS \
                and not any(name in f for f in found):
            found.append(name)
    return found


class NotAnothersSurname:
    """A context rule (``lexicon.Matcher``) for a person's surname alone as an actor's alias: it does not count where
    it ends another full name ("Teddy Kennedy" for Anthony Kennedy, "Ivanka Trump" for Donald Trump), in lower case
    in a text that writes with capitals ("to trump them"; a text all in lower case still counts), nor after the
    other sex's honorific ("Mrs. Sanders" for Bernie Sanders, "Mr. Collins" for Susan Collins, where the actor's given
    name is mostly one sex's: ``given_name_gender``); it does alone, after a title or in the actor's own fuller form
    ("Kennedy said", "Justice Kennedy", "Anthony M. Kennedy")."""

    def __init__(self, actor: str):
        words = _name_words(actor)
        self.own = _given_name_starts(words)
        gender = given_name_gender(words[0]) if len(words) > 1 else None
        self.other_honorifics = {t for t, g in HONORIFIC_GENDER.items() if gender and g != gender}

    def __call__(self, text: str, start: int, end: int) -> bool:
        if text[start].islower() and _CAPITAL.search(text):
            return False  # a word written in lower case in a text that writes names with capitals: "to trump them"
        after = _NAMED_AFTER.match(text, end)
        if after and after.group(1).lower() in _NAMED_AFTER_WORDS:  # "Kennedy Center", "Trump Tower", "Clinton Foundation"
            return False
        honorific = _HONORIFIC_BEFORE.search(text, max(0, start - 6), start)
        if honorific and honorific["title"] in self.other_honorifics:
            return False
        offset = max(0, start - 80)  # a run is at most four words
        window = text[offset:end]
        run = next((m for m in _CAPITALISED_RUN.finditer(window) if m.end() == len(window)), None)
        name = clean_name(run.group()) if run is not None else None
        # initials left out: a run of four words may hold only "R. Biden" of "Vice President Joseph R. Biden"
        words = _name_words(name or "")
        if len(words) < 2 or _given_name_starts(words) & self.own:
            return True
        before = words[-2]
        if "-" in before or before.lower() in NOT_GIVEN_NAMES or before == words[-1]:
            return True  # "Canadian-born Cruz", "Team Obama", "Senators Kennedy", "to out-Trump Trump"
        # A sentence's first word is capitalised whatever it is ("Though Trump", "With Kennedy gone"), as is a
        # clause's after a colon, and every word of a headline ("Criticized Roberts Ruling"): there a capital says
        # nothing of a first name.
        opened = text[:offset + run.start()].rstrip(" \t\"'“‘([—–-")
        return not re.search(r"[A-Za-z]", opened) or opened.endswith(":") or _title_case(text)  # "(2) Since Obama"


_CAPITAL = re.compile(r"[A-Z]")
_HONORIFIC_BEFORE = re.compile(rf"{_HONORIFIC}$")  # right before a surname: "Mrs. Sanders"
GIVEN_NAMES_FILE = Path(__file__).resolve().parents[2] / "data" / "lexicons" / "given_names.csv"
NICKNAMES_FILE = GIVEN_NAMES_FILE.with_name("nicknames.csv")


@lru_cache(maxsize=1)
def _given_names() -> dict[str, str]:
    with GIVEN_NAMES_FILE.open(encoding="utf-8", newline="") as f:
        return {row["name"]: row["gender"] for row in csv.DictReader(f)}


def given_name_gender(name: str) -> str | None:
    """"he" or "she" for a given name the 1990 US Census gives at least three times in four to men or to women
    (``data/lexicons/given_names.csv``, built by ``training.given_names``); None for any other."""
    gender = _given_names().get(name.strip(".").title())
    return {"male": "he", "female": "she"}.get(gender)


def _given_name_before(first: str, tail: str) -> bool:
    """Whether ``first`` before ``tail`` opens a person's fuller name ("Ruth" before "Bader Ginsburg", "Chris" before
    "Van Hollen"), not a word before a name that is whole already ("Poor" or "Will" before "Donald Trump"): ``first`` is a
    given name, and ``tail`` does not open with one, unless with a particle ("Van", "de")."""
    opening = tail.split()[0]
    return given_name_gender(first) is not None and (
        given_name_gender(opening) is None or re.fullmatch(_PARTICLE, opening.lower()) is not None)


def _given_name_starts(words: list[str]) -> set[str]:
    """The first two letters of a name's words before its surname: "Joseph R. Biden" and "Bernard Sanders" are Joe
    Biden and Bernie Sanders."""
    return {w[:2].lower() for w in words[:-1]}


# Places and bodies named after a person, which a surname before them names, not the person (not after a
# possessive: "Trump's Park Avenue flat" is his)
_NAMED_AFTER = re.compile(r"\s+([A-Z][a-z]+)")
_NAMED_AFTER_WORDS = {"school", "center", "centre", "foundation", "airport", "tower", "towers", "library", "institute",
                      "university", "building", "hotel", "street", "avenue", "boulevard", "bridge", "memorial", "stadium",
                      "hall", "prize", "award", "organization", "museum", "park", "plaza", "scholarship", "fellowship"}
# Words that open a capitalised run before a surname without being a given name ("Team Obama", "Draft Biden"); titles
# are dropped before (clean_name)
NOT_GIVEN_NAMES = {"team", "draft", "republicans", "democrats"}


def _title_case(text: str) -> bool:
    """A headline: most longer words capitalised, and no full stop at the end (a sentence of names has one)."""
    words = [w for w in re.findall(r"[A-Za-z][\w'’-]*", text) if len(w) > 3]
    return len(words) >= 3 and sum(w[0].isupper() for w in words) > 0.6 * len(words) \
        and not text.rstrip(" \"'”’)").endswith((".", "?", "!"))


def _is_person(name: str, full_names: dict[str, str]) -> bool:
    return len(name.split()) > 1 and "’s " not in name or name in full_names


def resolve_speakers(attributions: list[str | None], paragraphs: list, quoted: list[bool],
                     people: list[list[str]] | None = None, texts: list[str] | None = None,
                     quoting: list[bool] | None = None) -> list[str]:
    """Tidy the speakers of one article's sentences (in order).

    - "Ms. Town" after "Jenny Town" is the same person: a surname alone takes the full name used
      earlier in the article; with ``texts``, a surname the article gives in full elsewhere also counts as
      that person being named in the sentence ("Geremek has reassured Moscow" names Bronislaw Geremek).
    - "he said" takes the one person named (as a speaker, with a title, or by such a surname) in the same
      paragraph before it or in the previous paragraph; with none or several it stays unnamed.
    - A quoted sentence with no named speaker takes the speaker named elsewhere in its paragraph
      (the attribution of a multi-sentence quote sits in one of its sentences), or, failing that, the speaker of
      the sentence just before it when that one is the last of the previous paragraph (news runs a quote on in a
      new paragraph without attributing it again) — unless, outside its quotation marks, it attributes the quote
      itself ("says one official") or names someone else.

    ``texts``: each sentence with its quotations blanked (``outside_quotes``). ``quoting``: whether each sentence
    holds a quotation at all (a sentence mostly outside quotes can still open one: 'Biden said, "It is…'); the
    speaker of such a sentence is its paragraph's too.
    """
    people = people or [[] for _ in attributions]
    full_names: dict[str, str] = {}
    for names in [[a] for a in attributions if a and a not in PRONOUN_SPEAKERS] + people:
        for name in names:
            if len(name.split()) > 1 and "’s " not in name:
                full_names.setdefault(name.split()[-1], name)
    outside = texts if texts is not None else [""] * len(attributions)
    surnames = _surnames(full_names) if texts is not None else []
    mentioned = [[full_names[m] for m in surnames_in(text, surnames)] if surnames else [] for text in outside]
    people = [named + more for named, more in zip(people, mentioned)]
    order = list(dict.fromkeys(paragraphs))
    seen: dict[object, list[str]] = {p: [] for p in order}  # persons named so far, per paragraph
    gender = _genders(outside, full_names)  # person -> "he" / "she", where the article says (Mr., Ms.)
    resolved = []
    for attributed, paragraph, named in zip(attributions, paragraphs, people):
        if attributed in PRONOUN_SPEAKERS:
            pronoun = PRONOUN_SPEAKERS[attributed]
            previous = order[order.index(paragraph) - 1] if order.index(paragraph) > 0 else None
            # "he" or "she" is a person: not "Supreme Court" after "The Court ruled"
            candidates = {c for c in set(seen[paragraph]) | set(seen.get(previous, [])) if gender.get(c, pronoun) == pronoun
                          and c.split()[-1].lower() not in _ORGANISATION_WORDS}
            if len(candidates) == 1:
                name = candidates.pop()
                gender.setdefault(name, pronoun)  # "he said" after only Mr. Lee: Lee is "he" later on too
            else:  # several people (or none) named nearby: "he said" goes on with the last quoted speaker, if near
                last = next((n for n, p in zip(reversed(resolved), reversed(paragraphs[:len(resolved)]))
                             if n and p in (paragraph, previous) and gender.get(n, pronoun) == pronoun), "")
                name = last if last and (not candidates or last in candidates) else ""
        elif attributed:
            name = full_names.get(attributed, attributed) if len(attributed.split()) == 1 else attributed
        else:
            name = ""
        resolved.append(name)
        for person in ([name] if name else []) + [full_names.get(n, n) for n in named]:
            if _is_person(person, full_names):
                seen[paragraph].append(person)
    by_paragraph: dict[object, str] = {}
    for name, paragraph, has_quote in zip(resolved, paragraphs, quoting if quoting is not None else quoted):
        if name and has_quote:
            by_paragraph.setdefault(paragraph, name)
    final = []
    for i, (name, paragraph, is_quoted) in enumerate(zip(resolved, paragraphs, quoted)):
        if not name and is_quoted and attributions[i] != UNNAMED:
            name = by_paragraph.get(paragraph, "")
            first_of_paragraph = i > 0 and paragraphs[i - 1] != paragraph
            if not name and first_of_paragraph and final[i - 1] and _last_of(paragraphs, i - 1) \
                    and not _ATTRIBUTES.search(outside[i]) and set(mentioned[i]) <= {final[i - 1]}:
                name = final[i - 1]
                by_paragraph[paragraph] = name  # the rest of this paragraph's quote is theirs too
        final.append(name)
    return final


# A sentence that attributes its quote itself, to anyone: it inherits no speaker from the sentence before.
_ATTRIBUTES = re.compile(rf"\b(?:{_VERBS}|saying|adding|noting|calling|called|insisting|arguing|warning|responding|[Aa]ccording\s+to)\b")


def _genders(texts: list[str], full_names: dict[str, str]) -> dict[str, str]:
    """Who the article calls Mr. (he) or Ms., Mrs., Miss (she), by full name where it gives one; a surname
    given both ways (a couple, "Mr. and Mrs. Clinton") says nothing."""
    said: dict[str, set[str]] = {}
    for text in texts:
        for m in _GENDERED_TITLE.finditer(text):
            surname = m["name"].split()[-1]  # "Mr. Harry Reid": Reid
            said.setdefault(full_names.get(surname, surname), set()).add(HONORIFIC_GENDER[m["title"]])
    return {name: next(iter(g)) for name, g in said.items() if len(g) == 1}


def _last_of(paragraphs: list, i: int) -> bool:
    return i + 1 >= len(paragraphs) or paragraphs[i + 1] != paragraphs[i]


def _surnames(full_names: dict[str, str]) -> list[str]:
    """The capitalised surnames of the people an article names in full."""
    return [s for s in full_names if s[:1].isupper() and len(s) > 2]


def surnames_in(text: str, surnames: list[str]) -> list[str]:
    r"""The surnames ``text`` names as whole words, in order: what ``re.findall`` gives for
    ``(?<![\w.])(…)(?![\w’'-])`` with the surnames longest first (at one place the longest that ends a word; the
    next from where it ends), found with ``str.find`` because compiling that pattern anew for each article took a
    sixth of speaker attribution's time."""
    found = []  # (start, -length, surname) of every whole-word occurrence
    for surname in surnames:
        start = text.find(surname)
        while start != -1:
            end = start + len(surname)
            if (start == 0 or not _word_char(text[start - 1]) and text[start - 1] != ".") \
                    and (end == len(text) or not _word_char(text[end]) and text[end] not in "’'-"):
                found.append((start, -len(surname), surname))
            start = text.find(surname, start + 1)
    found.sort()
    named, after = [], 0
    for start, length, surname in found:
        if start >= after:
            named.append(surname)
            after = start - length
    return named


def _word_char(char: str) -> bool:
    r"""Whether ``re``'s ``\w`` matches the character (in a str pattern: a letter, a digit or a numeral, or "_")."""
    return char.isalnum() or char == "_"


SURNAME_SHARE = 0.8  # a surname alone is the one person with at least this share of its full names' uses


def without_initials(name: str) -> str:
    """ "Donald J. Trump" → "Donald Trump"; a name of initials only stays as it is."""
    words = _name_words(name)
    return " ".join(words) if len(words) > 1 else name


_INITIAL = re.compile(r"[A-Z]\.")


def _name_words(name: str) -> list[str]:
    """A name's words without its initials ("Donald J. Trump" → Donald, Trump)."""
    return [w for w in name.split() if not _INITIAL.fullmatch(w)]


def merge_aliases(speakers: list[str], counts: Mapping[str, int] | None = None) -> dict[str, str]:
    """Across a corpus: each other form → the form of the same person, where that is unambiguous.

    - "Donald J. Trump" → "Donald Trump" when the corpus gives both and no other initialled form of that name
      ("George W. Bush" and "George H. W. Bush" stay apart), and "Beto O'Rourke" → "Beto O’Rourke";
    - "Chuck Schumer" → "Charles Schumer", a nickname's form to the other's (``_nickname_merges``);
    - a surname alone → the one full name ending in it ("Rubio" → "Marco Rubio"), or, with ``counts`` (uses of each
      form), the full name with SURNAME_SHARE of those names' uses ("Trump" → "Donald Trump" beside a few "Ivanka
      Trump"); a place's name alone ("Iran says") only to a full name that opens with a given name, and so a place run
      into a surname ("Iowa Cruz", a caption without its dash), read as the surname;
    - a shorter full name → the one fuller form with the same first word and surname;
    - a name ending in another full name the corpus gives → that name ("President-elect Donald Trump"), unless a given
      name opens it before one that opens with none: then the other way ("Bader Ginsburg" → "Ruth Bader Ginsburg",
      "Van Hollen" and "Mayor De Blasio"'s "De Blasio" → "Chris Van Hollen", "Bill de Blasio").

    Each person is named by their fullest form or, with ``counts``, by the full form written most ("Brett Kavanaugh"
    beside a few "Brett Michael Kavanaugh": ``_named_as_most_written``)."""
    names = set(speakers) - {""}
    counts = counts or {}
    mapping: dict[str, str] = {}
    variants: dict[str, set[str]] = {}
    for name in names:
        if len(name.split()) > 1 and "’s " not in name:
            variants.setdefault(_one_apostrophe(without_initials(name)), set()).add(name)
    for plain, forms in variants.items():
        initialled = forms - {plain}
        if plain in names and len(initialled) == 1:
            mapping[initialled.pop()] = plain
    mapping.update(_nickname_merges(names - set(mapping)))
    fuller_of: dict[str, set[str]] = {}  # "Bader Ginsburg" → {"Ruth Bader Ginsburg"}
    for name in sorted(names - set(mapping)):  # "President-elect Donald Trump" → "Donald Trump": a title the patterns missed
        words = name.split()
        tails = [" ".join(words[k:]) for k in range(1, len(words) - 1)]
        known = next((t for t in tails if t in names), None)
        if known and _given_name_before(words[0], known):
            fuller_of.setdefault(known, set()).add(name)
        elif known:
            mapping[name] = mapping.get(known, known)
        # "Mayor De Blasio": the particle capitalised, as a title or a sentence's start writes it
        for tail in tails:
            if tail[:1].islower() and (capitalised := tail[:1].upper() + tail[1:]) in names and _given_name_before(words[0], tail):
                fuller_of.setdefault(capitalised, set()).add(name)
    for tail, fuller in fuller_of.items():
        if len(fuller) == 1 and tail not in mapping:
            mapping[tail] = fuller.pop()
    used: Counter = Counter()
    for name in names:
        used[mapping.get(name, name)] += counts.get(name, 0)
    # a place run into a surname ("Des Moines, Iowa Cruz said": a caption without its dash) is that surname's one
    # person, where it has one among the full names that open with a given name; else it stays a name ("Washington Post")
    placed = {n for n in names if place_run_into_surname(n)}

    def whose(fuller: set[str], person_only: bool) -> set[str]:
        """The full names a surname alone may be: with ``counts``, the one with SURNAME_SHARE of their uses; only those
        opening with a given name where ``person_only``."""
        fuller = {f for f in fuller if given_name_gender(f.split()[0])} if person_only else fuller
        if len(fuller) > 1 and counts:
            best = max(sorted(fuller), key=lambda f: used[f])
            total = sum(used[f] for f in fuller)
            fuller = {best} if total and used[best] >= SURNAME_SHARE * total else fuller
        return fuller

    people = _by_surname(names - placed, mapping)
    for name in placed - set(mapping):
        fuller = whose(people.get(_one_apostrophe(name.split()[1]), set()), True)
        if len(fuller) == 1:
            mapping[name] = fuller.pop()
    by_surname = _by_surname(names, mapping)
    for name in sorted(names - set(mapping) - placed):
        words = name.split()
        if len(words) == 1:
            # "Iran says" is the country: "Nuclear Free Iran" is no fuller name of it
            fuller = whose(by_surname.get(_one_apostrophe(name), set()) - {name}, name in place_names())
        elif without_initials(name) != name:  # "George W. Bush" is already one person, not "George H. W. Bush"
            continue
        else:
            fuller = {f for f in by_surname.get(_one_apostrophe(words[-1]), ()) if f != name and len(f.split()) > len(words)
                      and f.split()[0] == words[0]}
        if len(fuller) == 1:
            mapping[name] = fuller.pop()
    merged = {name: mapping.get(target, target) for name, target in mapping.items()}
    return _named_as_most_written(merged, counts) if counts else merged


def place_run_into_surname(name: str) -> bool:
    """Whether ``name`` may be a place's name run into a surname ("Iowa Cruz", of "Des Moines, Iowa Cruz said"): two
    words, a place that is no given name, then a word that is no title or label (not "Texas Lt", "Ohio Republican")."""
    words = name.split()
    return len(words) == 2 and words[0] in place_names() and not given_name_gender(words[0]) \
        and words[1].lower().rstrip(".") not in TITLE_WORDS | _LABEL_WORDS


def _one_apostrophe(name: str) -> str:
    """A name as compared with another, whichever apostrophe it is written with: "Beto O'Rourke" is "Beto O’Rourke"."""
    return name.replace("'", "’")


def _by_surname(names: set[str], mapping: Mapping[str, str]) -> dict[str, set[str]]:
    """The full names not mapped to another, by surname (either apostrophe one); page furniture ("JUST WATCHED Obama")
    is no one's full name."""
    by_surname: dict[str, set[str]] = {}
    for name in names:
        words = name.split()
        if name not in mapping and len(words) > 1 and "’s " not in name \
                and not any(len(w) > 1 and w.isalpha() and w.isupper() for w in words[:-1]):
            by_surname.setdefault(_one_apostrophe(words[-1]), set()).add(name)
    return by_surname


def _nickname_merges(names: set[str]) -> dict[str, str]:
    """"Chuck Schumer" → "Charles Schumer": two full names alike but for a given name that may be the other's nickname
    (``data/lexicons/nicknames.csv``), where neither could be a third name the corpus gives ("Bill Smith" beside both
    "William Smith" and "Robert Smith" stays apart). The shorter given name maps to the longer."""
    alike: dict[str, set[str]] = {}  # the name after the given name ("Schumer", "E. Schumer") → the names it ends
    for name in names:
        words = name.split()
        if len(words) > 1 and "’s " not in name and words[0].lower() in _nicknames():
            alike.setdefault(_one_apostrophe(" ".join(words[1:])), set()).add(name)
    merges = {}
    for forms in alike.values():
        related = {name: {other for other in forms if other != name and _may_be_one_given_name(name.split()[0], other.split()[0])}
                   for name in forms}
        for name, others in related.items():
            if len(others) == 1 and len(related[other := next(iter(others))]) == 1:
                shorter, longer = sorted((name, other), key=lambda n: (len(n.split()[0]), n))
                merges[shorter] = longer
    return merges


@lru_cache(maxsize=1)
def _nicknames() -> dict[str, frozenset[str]]:
    """Each given name and each nickname (lower case) → the other given names it may be one person's with (both ways:
    "chuck" ↔ "charles"; ``data/lexicons/nicknames.csv``, built by ``training.nicknames``)."""
    pairs: dict[str, set[str]] = {}
    with NICKNAMES_FILE.open(encoding="utf-8", newline="") as f:
        for row in csv.DictReader(f):
            pairs.setdefault(row["name"], set()).add(row["nickname"])
            pairs.setdefault(row["nickname"], set()).add(row["name"])
    return {name: frozenset(others) for name, others in pairs.items()}


def _may_be_one_given_name(first: str, other: str) -> bool:
    return other.lower() in _nicknames().get(first.lower(), ())


def _named_as_most_written(merged: dict[str, str], counts: Mapping[str, int]) -> dict[str, str]:
    """``merged`` (each form → its person's name, the fullest form) with each person named by the full form the corpus
    writes most, of those with its first and last word and, where there are any, without initials ("Brett Kavanaugh",
    not "Brett Michael Kavanaugh" nor "Brett M. Kavanaugh"; not "Bader Ginsburg" for Ruth Bader Ginsburg, nor
    "President-elect Donald Trump"). A fuller form keeps the name unless a shorter one is written more than twice as
    often ("Amy Coney Barrett" beside two "Amy Barrett"); of a nickname and its given name ("Tom Perez", "Thomas
    Perez"), the one written more."""
    people: dict[str, set[str]] = {}
    for name, person in merged.items():
        people.setdefault(person, {person}).add(name)
    renamed = dict(merged)
    for person, forms in people.items():
        words = person.split()
        whole = sorted(f for f in forms if len(f.split()) > 1 and f.split()[-1] == words[-1]
                       and (f.split()[0] == words[0] or _may_be_one_given_name(f.split()[0], words[0])))
        plain = [f for f in whole if without_initials(f) == f] or whole  # "Donald Trump" before "Donald J. Trump"
        if not plain:
            continue
        most = max(plain, key=lambda f: (counts.get(f, 0), f == person))
        # a fuller name gives way only to a form written more than twice as often (not on 2 uses against 1)
        fuller = len(person.split()) > len(most.split())
        if most != person and counts.get(most, 0) > (2 if fuller else 1) * counts.get(person, 0):
            renamed.pop(most)
            renamed.update({form: most for form in forms - {most}})
    return renamed
