"""Turn a page as collected from the web into article blocks plus the metadata the text itself states.

Aggregated pages carry site furniture (ad slots, "Source link", newsletter plugs, contact footers).
Each removal is recorded with its reason so a reviewer can check that no article text was lost.
Metadata is read only where the text states it; anything else stays ``unknown``.
"""
from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field
from functools import cache

from framing.reading.segment import split_paragraphs

UNKNOWN = "unknown"

# Lines that are site furniture wherever they occur.
# (reason, pattern, words): a line is tried against a pattern only if it contains one of its words in lower case, where
# the pattern lists any. The two caption patterns scan the whole line, two thirds of these patterns' time on the dev
# corpus's 43,193 lines; a line without their words cannot match them (no other character matches "photo" or "getty"
# when case is ignored).
JUNK_LINES: list[tuple[str, re.Pattern[str], tuple[str, ...]]] = [
    (reason, re.compile(pattern, re.IGNORECASE), tuple(words))
    for reason, pattern, *words in [
        ("site section label", r"^UNCATEGORIZED\w*$"),
        ("ad slot", r"^put your ad here!?$"),
        ("cross-link", r"^(you can also read|read also|also read|read more|see also)\s*:.*$"),
        # "( PHOTOS: 20 quotes on immigration reform)", "( Also on POLITICO: …)": 211 paragraphs of the dev corpus,
        # nearly all Politico's
        ("cross-link", r"^\(\s*(photos?|video|related|more|also|read)\b[^)]*:.*\)$"),
        ("newsletter plug", r"^a version of this story appeared in .*newsletter.*$"),
        ("newsletter plug", r"^click here to (receive|subscribe|sign up).*$"),
        ("photo caption", r"^.*\bphoto(?:graph)?:\s*\S.*$", "photo"),
        ("photo caption", r"^.*\b(getty images|afp via getty|ap photo)\b.*$", "getty", "photo"),
        ("aggregator provenance", r"^this article was originally published (on|by) .*$"),
        ("tracking text", r"^(shopify analytics|google analytics)$"),
        ("share buttons", r"^(share|tweet|print|email)( this( article)?)?$"),
        # furniture of news pages pasted with their text (whole paragraphs only; a one-line label was already read as
        # a heading, not a sentence, but is no heading either; counts on the dev corpus's 1,704 articles):
        # "Advertisement" (1,047: 29% of National Review's paragraphs), "Story Continued Below" (170), newsletter
        # boxes (374), copyright lines (208), photo toggles ("Enlarge this image toggle caption …", 158), follow-us
        # lines (37), "Contributing: …" credits (51), a columnists' disclaimer (9)
        ("ad slot", r"^advertisement$"),
        ("page furniture", r"^story continued below$"),
        ("page furniture", r"^loading(\.\.\.|…)?$"),
        ("newsletter plug", r"^sign up for (the |our )?(daily |weekly )?(opinion )?newsletters?( manage newsletters)?$"),
        ("newsletter plug", r"^get .{0,80} delivered to your inbox\b.*$"),
        ("copyright line", r"^copyright\s*(©|\(c\))?\s*\d{4}\b.*$"),
        ("photo caption", r"^(enlarge this image\s+)?toggle caption\b.*$"),
        ("social follow", r"^[-•]?\s*follow( us)?( on twitter)?:?\s*@\w+.*$"),
        ("wire credit", r"^contributing:\s.*$"),
        ("columnist disclaimer", r"^the opinions expressed by columnists are their own\b.*$"),
        # a news site's video player, pasted with the text: "JUST WATCHED <title> Replay More Videos ... MUST WATCH
        # <title> 02:29" (265 paragraphs of CNN's 200 articles in the dev corpus, each title counted as its sentences)
        ("video player", r"^(just watched|must watch)\b.*(replay\s+more\s+videos\s*(\.\.\.|…)?|\b\d{1,2}:\d\d)$"),
    ]
]


_JUNK_WORDS = tuple(dict.fromkeys(w for _, _, words in JUNK_LINES for w in words))


def junk_reason(line: str) -> str | None:
    """Why a whole line is site furniture (the first of ``JUNK_LINES`` it matches), or None."""
    lower = line.lower()
    match = _junk_pattern(tuple(w for w in _JUNK_WORDS if w in lower)).match(line)
    if match is None:
        return None
    return next(JUNK_LINES[int(name.removeprefix("junk_"))][0] for name, found in match.groupdict().items()
                if found is not None and name.startswith("junk_"))


@cache
def _junk_pattern(present: tuple[str, ...]) -> re.Pattern[str]:
    """One pattern of the ``JUNK_LINES`` a line with (only) the words ``present`` is tried against, in their order
    (where several match, the first alternative is the match, as the first pattern is the reason)."""
    tried = [k for k, (_, _, words) in enumerate(JUNK_LINES) if not words or set(words) & set(present)]
    return re.compile("|".join(f"(?P<junk_{k}>{JUNK_LINES[k][1].pattern})" for k in tried), re.IGNORECASE)


# Lines after which the rest of the page is footer.
FOOTER_MARKERS = re.compile(
    r"^(source link|related articles|related posts|back to top( button)?|read original article here"
    r"|for updates click \w+ here|comments|this article was originally published by .*)$",
    re.IGNORECASE,
)

_MONTHS = (
    "January|February|March|April|May|June|July|August|September|October|November|December"
    "|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec"
)
DATE_LINE = re.compile(
    rf"^(?:(?:published|updated|posted)\s*:?\s*)?(?:(?:mon|tues|wednes|thurs|fri|satur|sun)day,?\s+)?"
    rf"(?P<month>{_MONTHS})\.?\s+(?P<day>\d{{1,2}}),?\s+(?P<year>(?:19|20)\d\d)$",
    re.IGNORECASE,
)
ISO_DATE_LINE = re.compile(r"^(?:(?:published|updated|posted)\s*:?\s*)?(?P<iso>(?:19|20)\d\d-\d\d-\d\d)$", re.I)
BYLINE = re.compile(r"^by\s+(?P<author>[A-Z][\w.'’-]+(?:[ \t]+[\w.'’&,-]+){0,8})$", re.IGNORECASE)
ORIGINALLY_PUBLISHED = re.compile(
    r"originally published (?:on|by|in) (?:the )?(?P<outlet>[A-Z][^.]*?)(?:\s+[-–]\s+[A-Z][\w ]*)?\.", re.IGNORECASE
)
TITLE_OUTLET_SUFFIX = re.compile(r"^(?P<title>.{10,}?)\s+[–—|]\s+(?P<outlet>[A-Z][\w.&' ]{1,40})$")
DATELINE = re.compile(r"^(?P<dateline>[A-Z][A-Z .'’-]{2,}(?:,\s*[A-Z][\w .'’-]{1,30})?)(?:\s+\((?P<agency>[A-Z][\w&.' ]{1,30})\))?"
                      r"\s+[—–-]{1,2}\s+")
# "Reuters, June 19, 2024" above the text: the source and the date it states.
SOURCE_DATE_LINE = re.compile(
    rf"^(?P<outlet>[A-Z][\w.&'’ -]{{1,40}}?),\s+(?:(?:mon|tues|wednes|thurs|fri|satur|sun)day,?\s+)?"
    rf"(?P<month>{_MONTHS})\.?\s+(?P<day>\d{{1,2}}),?\s+(?P<year>(?:19|20)\d\d)$", re.IGNORECASE)


@dataclass
class Block:
    kind: str  # "heading" or "paragraph"
    text: str


@dataclass
class CleanedPage:
    blocks: list[Block]
    title: str = UNKNOWN
    outlet: str = UNKNOWN
    author: str = UNKNOWN
    date: str = UNKNOWN
    date_source: str = ""
    dateline: str = ""
    outlet_source: str = ""  # the line the outlet was read from
    removed: list[tuple[str, str]] = field(default_factory=list)  # (line, reason)


def normalise(text: str) -> str:
    """NFC, no-break and odd spaces to plain spaces, no control characters (tabs and newlines kept)."""
    text = unicodedata.normalize("NFC", text)
    text = re.sub(r"[\u00a0\u2000-\u200a\u202f\u205f\u3000]", " ", text)
    text = re.sub(r"[\u200b\u200c\u200d\u2060\ufeff]", "", text)
    # Only characters outside printable ASCII can be control or format characters: look at each distinct one once.
    suspects = set(_OUTSIDE_PRINTABLE_ASCII.findall(text)) - {"\n", "\t"}
    drop = {ord(ch): None for ch in suspects if unicodedata.category(ch)[0] == "C"}
    return text.translate(drop) if drop else text


_OUTSIDE_PRINTABLE_ASCII = re.compile(r"[^\x20-\x7e]")


def clean_page(raw: str) -> CleanedPage:
    lines = split_paragraphs(normalise(raw))
    page = CleanedPage(blocks=[])
    kept: list[str] = []
    for i, line in enumerate(lines):
        if FOOTER_MARKERS.match(line):
            page.removed.extend((ln, "footer") for ln in lines[i:])
            _note_outlet(line, page)
            break
        reason = junk_reason(line)
        if reason:
            page.removed.append((line, reason))
            _note_outlet(line, page)
            continue
        if kept and kept[-1] == line:
            page.removed.append((line, "repeated line"))
            continue
        kept.append(line)

    kept = _take_front_matter(kept, page)
    first_paragraph = True
    for line in kept:
        if _is_heading(line):
            page.blocks.append(Block("heading", line))
            continue
        if first_paragraph:
            match = DATELINE.match(line)
            if match:
                page.dateline = match.group("dateline").strip()
                if match.group("agency") and page.outlet == UNKNOWN:
                    page.outlet, page.outlet_source = match.group("agency").strip(), f"dateline: {match.group().strip()!r}"
                line = line[match.end():]
            first_paragraph = False
        page.blocks.append(Block("paragraph", line))
    return page


def _note_outlet(line: str, page: CleanedPage) -> None:
    """'This article was originally published on X' names the outlet (the first such line wins)."""
    outlet = ORIGINALLY_PUBLISHED.search(line)
    if outlet and page.outlet == UNKNOWN:
        page.outlet = outlet.group("outlet").strip()


def _take_front_matter(lines: list[str], page: CleanedPage) -> list[str]:
    """Read byline, page date and title from the lines before the first body paragraph."""
    i = 0
    while i < len(lines) and not _is_body(lines[i]):
        line = lines[i]
        date, byline = DATE_LINE.match(line) or ISO_DATE_LINE.match(line), BYLINE.match(line)
        source = SOURCE_DATE_LINE.match(line)
        if source and page.date == UNKNOWN and page.outlet == UNKNOWN:
            page.outlet, page.outlet_source = source.group("outlet").strip(), f"source line at the top of the text: {line!r}"
            page.date = _iso_date(source)
            page.date_source = f"source line at the top of the text: {line!r}"
            page.removed.append((line, "source and date (metadata)"))
        elif date and page.date == UNKNOWN:
            page.date = _iso_date(date)
            page.date_source = f"date line at the top of the page: {line!r}"
            page.removed.append((line, "page date (metadata)"))
        elif byline and page.author == UNKNOWN:
            page.author = byline.group("author").strip()
            page.removed.append((line, "byline (metadata)"))
        elif page.title == UNKNOWN and not re.search(r"""[.!]["”’)]?$""", line):
            suffix = TITLE_OUTLET_SUFFIX.match(line)
            if suffix:
                page.title = suffix.group("title").strip()
                if page.outlet == UNKNOWN:
                    page.outlet = suffix.group("outlet").strip()
            else:
                page.title = line
            page.removed.append((line, "title (metadata)"))
        else:
            break
        i += 1
    return lines[i:]


def _is_body(line: str) -> bool:
    return len(line.split()) > 25 or bool(re.search(r"""[.!?]["”’)]?$""", line)) and len(line.split()) > 12


def _is_heading(line: str) -> bool:
    words = len(line.split())
    if words == 0 or words > 12:
        return False
    if line.endswith("?"):
        return words <= 10
    return not re.search(r"""[.!:;,"”’)]$""", line)


def _iso_date(match: re.Match[str]) -> str:
    if "iso" in match.groupdict() and match.group("iso"):
        return match.group("iso")
    months = [m.lower() for m in _MONTHS.split("|")]
    month = months.index(match.group("month").lower().rstrip("."))
    month_number = month + 1 if month < 12 else [1, 2, 3, 4, 6, 7, 8, 9, 9, 10, 11, 12][month - 12]
    return f"{int(match.group('year')):04d}-{month_number:02d}-{int(match.group('day')):02d}"
