"""Articles and how they are read from files: .txt, .md, .html, .csv, .jsonl.

Everything that reads user input lives here, and every failure is an ``InputError`` naming the file
and the problem in one line, so the command line and the app can show it without a traceback.
"""
from __future__ import annotations

import csv
import hashlib
import io
import json
import re
from collections.abc import Iterable, Iterator
from dataclasses import asdict, dataclass, field, replace
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import urlparse

from framing.reading.budget import ADVICE
from framing.reading.budget import DEFAULT as DEFAULT_BUDGET
from framing.reading.clean import UNKNOWN, Block, clean_page, normalise
from framing.reading.dates import numeric_dates_order, read_date
from framing.reading.segment import MAX_SENTENCE_CHARACTERS, long_sentences, sentence_spans

ROOT = Path(__file__).resolve().parents[2]
DATA_DIR = ROOT / "data"
BUNDLED_CORPUS = DATA_DIR / "articles.jsonl"
RAW_DIR = DATA_DIR / "raw"

TEXT_COLUMNS = ("text", "body", "content", "article", "full_text")
METADATA_FIELDS = ("title", "outlet", "author", "date", "url", "story")
COLUMN_ALIASES = {"event": "story"}  # a column named "event" is read as the story
DOCUMENT_SUFFIXES = (".docx", ".pdf")  # Word and PDF (framing.reading.documents); the others are text
SUFFIXES = (".txt", ".md", ".html", ".htm", ".csv", ".jsonl") + DOCUMENT_SUFFIXES
MAX_BYTES = DEFAULT_BUDGET.max_bytes
SAVED_CORPUS_FIELD = "blocks"  # only a corpus saved by this tool carries the cleaned blocks


class InputError(ValueError):
    """Bad input, with a one-line message that names the file and the problem."""

    def __init__(self, source: str, problem: str):
        super().__init__(f"{source}: {problem}")
        self.source, self.problem = source, problem


@dataclass
class Article:
    article_id: str
    blocks: list[Block]
    title: str = UNKNOWN
    outlet: str = UNKNOWN
    author: str = UNKNOWN
    date: str = UNKNOWN  # the page's own date, as stated by the page; not the date of the events
    url: str = UNKNOWN
    story: str = ""  # the event the article covers, as the input states it ("" = group automatically)
    source_file: str = UNKNOWN
    date_source: str = ""
    dateline: str = ""
    notes: list[str] = field(default_factory=list)  # what was assumed while reading (e.g. an encoding)
    removed: list[tuple[str, str]] = field(default_factory=list)

    @property
    def text(self) -> str:
        return "\n\n".join(b.text for b in self.blocks)

    @property
    def content_hash(self) -> str:
        return hashlib.sha256(self.text.encode("utf-8")).hexdigest()

    def to_record(self) -> dict:
        record = asdict(self)
        record["removed"] = [list(r) for r in self.removed]
        return record

    @classmethod
    def from_record(cls, record: dict) -> Article:
        blocks = [Block(b["kind"], b["text"]) for b in record["blocks"]]
        fields = {k: record[k] for k in cls.__dataclass_fields__ if k in record and k != "blocks"}
        fields["removed"] = [tuple(r) for r in fields.get("removed", [])]
        return cls(blocks=blocks, **fields)


_LOWER_CASE_WORD = re.compile(r"(?<![\w'’-])[a-z]+(?![\w'’-])")


def written_in_lower_case(articles: Iterable[Article], words: set[str]) -> set[str]:
    """Those of ``words`` (in lower case) that the articles also write in lower case somewhere: an English word as well
    as a name ("court" of a byline's "Supreme Court"), or a word shouted rather than an acronym ("repeal" of "REPEAL")."""
    if not words:
        return set()
    return {w for a in articles for b in a.blocks for w in _LOWER_CASE_WORD.findall(b.text) if w in words}


def url_domain(url: str) -> str:
    """The site of a link ("https://edition.cnn.com/x" -> "cnn.com", "news.bbc.co.uk/x" -> "bbc.co.uk"); "" if none.
    The registered name is the last two labels, three under a country's "co", "com", "org"… (no suffix list)."""
    if not url or url == UNKNOWN:
        return ""
    labels = (urlparse(url if "//" in url else "//" + url).hostname or "").split(".")
    if len(labels) < 2 or not all(labels):
        return ""
    keep = 3 if len(labels) >= 3 and len(labels[-1]) == 2 and labels[-2] in _SECOND_LEVEL else 2
    return ".".join(labels[-keep:])


_SECOND_LEVEL = {"co", "com", "org", "net", "gov", "ac", "edu"}


DATE_NOT_READ = ("the date given is not one this tool reads, so it is left unknown (the value is kept in the date "
                 "source); set it in the Articles view")
DATE_AMBIGUOUS = ("a date such as 05/06/2024 was read as day/month; nothing in its file says whether day or month "
                  "comes first. Check it in the Articles view")


def article_from_text(raw: str, source: str, article_id: str | None = None, date_order: str | None = None,
                      **metadata: str) -> Article:
    """Clean one page of text; metadata given explicitly (e.g. CSV columns) wins over what is read. A given date is
    read into an ISO date (framing.reading.dates; ``date_order`` settles 05/06/2024 for the whole file)."""
    page = clean_page(raw)
    if not any(b.kind == "paragraph" for b in page.blocks):
        # Only short unpunctuated lines (a snippet, a list of quotes): analyse them rather than refuse.
        page.blocks = [Block("paragraph", b.text) for b in page.blocks]
        if not page.blocks and page.title != UNKNOWN:  # a one-line text is its own title and body
            page.blocks = [Block("paragraph", page.title)]
    if not page.blocks:
        raise InputError(source, "no article text found (the text is empty or only site furniture)")
    article = Article(
        article_id=article_id or "u" + hashlib.sha256(raw.encode("utf-8")).hexdigest()[:8],
        blocks=page.blocks, title=page.title, outlet=page.outlet, author=page.author, date=page.date,
        source_file=source, date_source=page.date_source, dateline=page.dateline, removed=page.removed,
    )
    given = set()
    for key, value in metadata.items():
        value = normalise(str(value)).strip() if value is not None else ""
        if key in METADATA_FIELDS and value and value.lower() not in ("nan", "none", "null"):
            given.add(key)
            if key == "date":
                _set_given_date(article, value, date_order)
            else:
                setattr(article, key, value)
    if page.outlet_source and "outlet" not in given:  # an outlet the input gives is the input's, whatever its dateline says
        article.notes.append(f"outlet from the {page.outlet_source}")
    if article.outlet == UNKNOWN and (domain := url_domain(article.url)):
        # The input names no outlet, but its link does: the site, said as such (a researcher can rename it).
        article.outlet = domain
        article.notes.append(f"outlet from the URL's domain ({domain}); the input names none")
    own_name = article.outlet.casefold() if article.outlet != UNKNOWN else None
    credit = [b for b in article.blocks if b.text.strip(" .").casefold() == own_name]
    if credit and len(credit) < len(article.blocks):  # "USA TODAY" on a line of its own (43 of its dev-corpus articles)
        article.blocks = [b for b in article.blocks if b not in credit]
        article.removed = [*article.removed, *((b.text, "the outlet's name alone (a credit line)") for b in credit)]
    cut = sum(long_sentences(b.text) for b in page.blocks if b.kind == "paragraph")
    if cut:
        article.notes.append(f"{cut} passage(s) with no sentence punctuation were cut into pieces of at most "
                             f"{MAX_SENTENCE_CHARACTERS:,} characters to be analysed")
    return article


def _set_given_date(article: Article, value: str, order: str | None) -> None:
    reading = read_date(value, order)
    if not reading.iso:
        article.date, article.date_source = UNKNOWN, f"given in the input as {value!r}, not read as a date"
        article.notes.append(DATE_NOT_READ)
        return
    article.date = reading.iso
    article.date_source = "given in the input" + (f" ({reading.how})" if reading.how else "")
    if reading.ambiguous:
        article.notes.append(DATE_AMBIGUOUS)


# --- decoding -------------------------------------------------------------------------------------

_BINARY_MAGIC = {
    b"\x89PNG": "a PNG image", b"\xff\xd8\xff": "a JPEG image", b"GIF8": "a GIF image", b"%PDF": "a PDF document (name it .pdf)",
    b"PK\x03\x04": "a ZIP archive (a Word file? name it .docx)", b"\x1f\x8b": "a gzip archive", b"\x7fELF": "a program",
}


def decode_bytes(data: bytes, source: str, max_bytes: int | None = None) -> tuple[str, str | None]:
    """Decode file bytes to text. Returns (text, note about what was assumed or None). ``max_bytes``: the
    app's upload limit (the command line has none)."""
    if not data.strip():
        raise InputError(source, "the file is empty")
    if max_bytes is not None and len(data) > max_bytes:
        raise InputError(source, f"the file is {len(data) / 2**20:.1f} MB; the limit is {max_bytes / 2**20:.0f} MB")
    for magic, kind in _BINARY_MAGIC.items():
        if data.startswith(magic):
            raise InputError(source, f"this is {kind}, not text")
    for bom, encoding in ((b"\xef\xbb\xbf", "utf-8-sig"), (b"\xff\xfe", "utf-16"), (b"\xfe\xff", "utf-16")):
        if data.startswith(bom):
            try:
                text = data.decode(encoding)
            except UnicodeDecodeError:
                raise InputError(source, f"starts with a {encoding} byte-order mark but does not decode as {encoding}") from None
            note = None if encoding == "utf-8-sig" else "decoded as UTF-16 (byte-order mark found)"
            return text, note
    if b"\x00" in data[:4096]:
        raise InputError(source, "this looks like a binary file, not text")
    try:
        return data.decode("utf-8"), None
    except UnicodeDecodeError:
        pass
    text = data.decode("cp1252", errors="replace")
    return text, "not valid UTF-8: assumed Windows-1252 (Western European); check accented letters"


# --- formats ----------------------------------------------------------------------------------------


class _MainText(HTMLParser):
    """Text of an HTML page without scripts, styles, navigation, headers, footers and asides."""

    SKIP = {"script", "style", "nav", "header", "footer", "aside", "noscript", "form", "svg", "iframe", "template"}
    BLOCK = {"p", "div", "br", "h1", "h2", "h3", "h4", "h5", "h6", "li", "article", "section", "blockquote", "tr"}

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.skip_depth = 0
        self.title = ""
        self._in_title = False

    def handle_starttag(self, tag, attrs):
        if tag in self.SKIP:
            self.skip_depth += 1
        elif tag == "title":
            self._in_title = True
        elif tag in self.BLOCK:
            self.parts.append("\n\n")

    def handle_endtag(self, tag):
        if tag in self.SKIP and self.skip_depth:
            self.skip_depth -= 1
        elif tag == "title":
            self._in_title = False
        elif tag in self.BLOCK:
            self.parts.append("\n\n")

    def handle_data(self, data):
        if self._in_title:
            self.title += data
        elif not self.skip_depth:
            self.parts.append(re.sub(r"\s+", " ", data))


def html_to_text(html: str) -> tuple[str, str]:
    parser = _MainText()
    parser.feed(html)
    parser.close()
    return "".join(parser.parts), parser.title.strip()


def iter_articles(name: str, data: bytes, max_articles: int | None = None) -> Iterator[Article]:
    """Read one uploaded or on-disk file, an article at a time. ``name`` is used for the format and
    messages only. With ``max_articles``, a file holding more stops with an InputError before the rest is read."""
    suffix = Path(name).suffix.lower()
    if suffix not in SUFFIXES:
        raise InputError(name, f"unsupported file type {suffix or '(none)'}; use one of {', '.join(SUFFIXES)}")
    if suffix in DOCUMENT_SUFFIXES:
        articles, note = _from_document(_document(name, data), name), None
    else:
        text, note = decode_bytes(data, name)
        articles = _from_text(suffix, text, name)
    for n, article in enumerate(_guarded(articles, name), start=1):
        if max_articles is not None and n > max_articles:
            raise InputError(name, f"holds more than {max_articles:,} articles, the limit for one upload; {ADVICE}")
        if note:
            article.notes.append(note)
        yield article


def _from_text(suffix: str, text: str, source: str) -> Iterator[Article]:
    """The articles of a decoded text file, by its kind."""
    if suffix == ".csv":
        return _from_csv(text, source)
    if suffix == ".jsonl":
        return iter_jsonl(text, source)
    if suffix in (".html", ".htm"):
        body, title = html_to_text(text)
        return iter([article_from_text(body, source, **({"title": title} if title else {}))])
    return iter([article_from_text(text, source)])


def _document(name: str, data: bytes) -> str:
    from framing.reading.documents import DocumentError, document_text  # Word and PDF; imported when one comes

    if not data.strip():
        raise InputError(name, "the file is empty")
    try:
        return document_text(name, data)
    except DocumentError as exc:
        raise InputError(name, str(exc)) from None


def _from_document(text: str, source: str) -> Iterator[Article]:
    """One article, or each article of a news-database export with the metadata its own lines give."""
    from framing.reading.documents import is_batch, split_batch

    if not is_batch(text):
        yield article_from_text(text, source)
        return
    for n, (body, meta) in enumerate(split_batch(text), start=1):
        try:
            article = article_from_text(meta["title"] + "\n\n" + body, f"{source} article {n}", **meta)
        except InputError:
            continue  # an empty stretch between two separators
        article.notes.append(f"article {n} of {source}, split at its 'End of Document' lines; title, outlet and date "
                             "from the article's own header lines")
        yield article


def _guarded(articles: Iterable[Article], source: str) -> Iterator[Article]:
    """Any failure of a reader becomes one InputError line: deep nesting, memory, a decoder, a parser."""
    try:
        yield from articles
    except InputError:
        raise
    except RecursionError:
        raise InputError(source, "the data is nested too deeply to read") from None
    except MemoryError:
        raise InputError(source, f"is too large to read in memory; {ADVICE}") from None
    except (UnicodeError, ValueError, TypeError, KeyError, csv.Error) as exc:
        raise InputError(source, f"could not be read ({type(exc).__name__}: {str(exc).splitlines()[0][:120] if str(exc) else 'no detail'})") from exc


def articles_from_bytes(name: str, data: bytes, max_articles: int | None = None) -> list[Article]:
    return list(iter_articles(name, data, max_articles))


def _from_rows(rows: Iterable[dict], columns: list[str], source: str, date_order: str | None = None) -> Iterator[Article]:
    lowered = {c.lower().strip(): c for c in columns if c}
    for alias, name in COLUMN_ALIASES.items():
        if alias in lowered and name not in lowered:
            lowered[name] = lowered[alias]
    if SAVED_CORPUS_FIELD in lowered:  # a corpus saved by this tool: restore exactly
        for row in rows:
            try:
                yield Article.from_record(row)
            except (KeyError, TypeError, AttributeError) as exc:
                raise InputError(source, f"looks like a saved corpus but a record is malformed ({exc})") from exc
        return
    text_col = next((lowered[c] for c in TEXT_COLUMNS if c in lowered), None)
    if text_col is None:
        raise InputError(
            source, f"no text column (expected one of: {', '.join(TEXT_COLUMNS)}); columns found: {', '.join(columns[:20]) or 'none'}"
            + (f" and {len(columns) - 20:,} more" if len(columns) > 20 else "")
        )
    found = False
    for n, row in enumerate(rows, start=1):
        text = row.get(text_col)
        if not isinstance(text, str) or not text.strip():
            continue
        meta = {f: row.get(lowered[f]) for f in METADATA_FIELDS if f in lowered}
        try:
            article = article_from_text(text, f"{source} row {n}", date_order=date_order, **meta)
        except InputError:
            continue  # a row with no article text is skipped; an all-empty file is reported below
        found = True
        yield article
    if not found:
        raise InputError(source, f"the text column '{text_col}' has no article text")


def _from_csv(text: str, source: str) -> Iterator[Article]:
    csv.field_size_limit(2**31 - 1)  # the default (128 KB per field) is shorter than some articles
    reader = csv.DictReader(io.StringIO(text), strict=True)  # strict: a stray quote is an error, not a merged row
    try:
        columns = list(reader.fieldnames or [])
        yield from _from_rows(_csv_rows(reader, source), columns, source, numeric_dates_order(text))
    except csv.Error as exc:
        raise InputError(source, f"CSV does not parse after line {reader.line_num} ({exc})") from exc


def _csv_rows(reader: csv.DictReader, source: str) -> Iterator[dict]:
    try:
        yield from reader
    except csv.Error as exc:
        raise InputError(source, f"CSV does not parse after line {reader.line_num} ({exc})") from exc


def iter_jsonl(text: str, source: str) -> Iterator[Article]:
    rows = _jsonl_rows(text, source)
    first = next(rows, None)
    if first is None:
        raise InputError(source, "the file has no JSON lines")
    yield from _from_rows(_chain([first], rows), list(first), source, numeric_dates_order(text))


def articles_from_jsonl(text: str, source: str) -> list[Article]:
    return list(_guarded(iter_jsonl(text, source), source))


def _chain(first: list, rest: Iterator) -> Iterator:
    yield from first
    yield from rest


def _jsonl_rows(text: str, source: str) -> Iterator[dict]:
    for n, line in enumerate(text.splitlines(), start=1):
        if not line.strip():
            continue
        try:
            row = json.loads(line)
        except json.JSONDecodeError as exc:
            raise InputError(source, f"line {n} is not valid JSON ({exc.msg})") from exc
        except RecursionError:
            raise InputError(source, f"line {n} is nested too deeply to read") from None
        if not isinstance(row, dict):
            raise InputError(source, f"line {n} is not a JSON object")
        yield row


def iter_paths(paths: list[str | Path]) -> Iterator[Article]:
    """Every article of every file, one at a time (the command line streams, whatever the input's size)."""
    for path in paths:
        path = Path(path)
        if not path.is_file():
            raise InputError(str(path), "no such file")
        try:
            data = path.read_bytes()
        except OSError as exc:
            raise InputError(str(path), f"cannot be read ({exc.strerror})") from exc
        yield from iter_articles(str(path), data)
        del data


def read_paths(paths: list[str | Path]) -> list[Article]:
    return list(iter_paths(paths))


WIRE_COPY_NOTE = ("the same text as an article from another outlet (wire copy?): kept, and counted for each outlet "
                  "that ran it")


def unique_id(article_id: str, taken: set[str]) -> str:
    """``article_id``, or with "-2", "-3"… when it is taken: an article's id is its text's hash, which wire copy
    run by two outlets shares."""
    candidate, n = article_id, 1
    while candidate in taken:
        n += 1
        candidate = f"{article_id}-{n}"
    return candidate


def distinct(articles: Iterable[Article], existing: Iterable[Article] = (),
             repeats: list[tuple[Article, str]] | None = None) -> Iterator[Article]:
    """Each article once, after those ``existing``. The same text from the same outlet, or where either outlet is
    unknown, is a repeat (a row or a file given twice, a text pasted back): left out, and added to ``repeats`` with
    the id of the article it repeats. The same text from two outlets is copy each of them ran (a wire story): kept
    under an id of its own (``unique_id``) and noted, as articles sharing an id were one article of many dates and
    outlets to every grouping by article. Keeps ids and hashes only, so the command line streams in bounded memory."""
    by_text: dict[str, dict[str, str]] = {}  # text hash -> outlet -> the id of the article kept
    ids: set[str] = set()
    for article in existing:
        by_text.setdefault(article.content_hash, {}).setdefault(article.outlet, article.article_id)
        ids.add(article.article_id)
    for article in articles:
        outlets = by_text.setdefault(article.content_hash, {})
        same = outlets.get(article.outlet) or outlets.get(UNKNOWN) or (
            next(iter(outlets.values())) if outlets and article.outlet == UNKNOWN else None)
        if same is not None:
            if repeats is not None:
                repeats.append((article, same))
            continue
        if outlets or article.article_id in ids:
            article = replace(article, article_id=unique_id(article.article_id, ids),
                              notes=[*article.notes, WIRE_COPY_NOTE] if outlets else list(article.notes))
        outlets[article.outlet] = article.article_id
        ids.add(article.article_id)
        yield article


# --- the bundled corpus -------------------------------------------------------------------------------


def bundled_article_id(raw_path: Path) -> str:
    """'000_e7b0….txt' -> 'a000': short, stable, and readable in charts."""
    return "a" + raw_path.stem.split("_")[0]


def clean_bundled_raw() -> list[Article]:
    """Clean every raw file under data/raw (the provenance copy of the collected pages)."""
    articles = []
    for raw_path in sorted(RAW_DIR.glob("*.txt")):
        raw = raw_path.read_text(encoding="utf-8")
        articles.append(article_from_text(raw, f"data/raw/{raw_path.name}", article_id=bundled_article_id(raw_path)))
    return articles


def write_jsonl(articles: list[Article], path: Path | io.StringIO) -> None:
    lines = "".join(json.dumps(a.to_record(), ensure_ascii=False) + "\n" for a in articles)
    if isinstance(path, Path):
        path.write_text(lines, encoding="utf-8")
    else:
        path.write(lines)


def corpus_to_jsonl(articles: list[Article]) -> str:
    buffer = io.StringIO()
    write_jsonl(articles, buffer)
    return buffer.getvalue()


def load_bundled() -> list[Article]:
    return articles_from_jsonl(BUNDLED_CORPUS.read_text(encoding="utf-8"), str(BUNDLED_CORPUS))

def paragraphs(article: Article) -> Iterable[tuple[str, str, str]]:
    """(paragraph_id, heading above it, text) of each paragraph; headings are not paragraphs."""
    heading, number = "", 0
    for block in article.blocks:
        if block.kind == "heading":
            heading = block.text
            continue
        number += 1
        yield f"{article.article_id}-p{number:02d}", heading, block.text


def articles_counted(n: int) -> str:
    """"1 article", "1,704 articles": a count as every message gives it."""
    return f"{n:,} article{'' if n == 1 else 's'}"


def count_sentences(article: Article) -> int:
    """Sentences the analysis will make of an article (segmentation only: cheap, for budgets)."""
    return sum(len(sentence_spans(text)) for _, _, text in paragraphs(article))
