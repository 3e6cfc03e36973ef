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
from dataclasses import asdict, dataclass, field
from html.parser import HTMLParser
from pathlib import Path

from .clean import UNKNOWN, Block, clean_page, normalise

ROOT = Path(__file__).resolve().parent.parent
DATA_DIR = ROOT / "data"
BUNDLED_CORPUS = DATA_DIR / "articles.jsonl"
RAW_DIR = DATA_DIR / "raw"

TEXT_COLUMNS = ("text", "body", "content", "article", "full_text", "story")
METADATA_FIELDS = ("title", "outlet", "author", "date", "url")
SUFFIXES = (".txt", ".md", ".html", ".htm", ".csv", ".jsonl")
MAX_BYTES = 10 * 1024 * 1024
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
    def from_record(cls, record: dict) -> "Article":
        blocks = [Block(b["kind"], b["text"]) for b in record["blocks"]]
        fields = {k: record[k] for k in cls.__dataclass_fields__ if k in record and k != "blocks"}
        fields["removed"] = [tuple(r) for r in fields.get("removed", [])]
        return cls(blocks=blocks, **fields)


def article_from_text(raw: str, source: str, article_id: str | None = None, **metadata: str) -> Article:
    """Clean one page of text; metadata given explicitly (e.g. CSV columns) wins over what is read."""
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
    for key, value in metadata.items():
        value = normalise(str(value)).strip() if value is not None else ""
        if key in METADATA_FIELDS and value and value.lower() not in ("nan", "none", "null"):
            setattr(article, key, value)
            if key == "date":
                article.date_source = "given in the input"
    return article


# --- decoding -------------------------------------------------------------------------------------

_BINARY_MAGIC = {
    b"\x89PNG": "a PNG image", b"\xff\xd8\xff": "a JPEG image", b"GIF8": "a GIF image", b"%PDF": "a PDF document",
    b"PK\x03\x04": "a ZIP archive (e.g. .docx or .xlsx)", b"\x1f\x8b": "a gzip archive", b"\x7fELF": "a program",
}


def decode_bytes(data: bytes, source: str) -> tuple[str, str | None]:
    """Decode file bytes to text. Returns (text, note about what was assumed or None)."""
    if not data.strip():
        raise InputError(source, "the file is empty")
    if len(data) > MAX_BYTES:
        raise InputError(source, f"the file is {len(data) / 2**20:.1f} MB; the limit is {MAX_BYTES / 2**20:.0f} MB")
    for magic, kind in _BINARY_MAGIC.items():
        if data.startswith(magic):
            raise InputError(source, f"this is {kind}, not text")
    for bom, encoding in ((b"\xef\xbb\xbf", "utf-8-sig"), (b"\xff\xfe", "utf-16"), (b"\xfe\xff", "utf-16")):
        if data.startswith(bom):
            try:
                text = data.decode(encoding)
            except UnicodeDecodeError:
                raise InputError(source, f"starts with a {encoding} byte-order mark but does not decode as {encoding}")
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


def articles_from_bytes(name: str, data: bytes) -> list[Article]:
    """Read one uploaded or on-disk file. ``name`` is used for the format and messages only."""
    suffix = Path(name).suffix.lower()
    if suffix not in SUFFIXES:
        raise InputError(name, f"unsupported file type {suffix or '(none)'}; use one of {', '.join(SUFFIXES)}")
    text, note = decode_bytes(data, name)
    if suffix == ".csv":
        articles = _from_csv(text, name)
    elif suffix == ".jsonl":
        articles = articles_from_jsonl(text, name)
    elif suffix in (".html", ".htm"):
        body, title = html_to_text(text)
        articles = [article_from_text(body, name, **({"title": title} if title else {}))]
    else:
        articles = [article_from_text(text, name)]
    if note:
        for article in articles:
            article.notes.append(note)
    return articles


def _from_rows(rows: list[dict], columns: list[str], source: str) -> list[Article]:
    lowered = {c.lower().strip(): c for c in columns if c}
    if SAVED_CORPUS_FIELD in lowered:  # a corpus saved by this tool: restore exactly
        try:
            return [Article.from_record(r) for r in rows]
        except (KeyError, TypeError) as exc:
            raise InputError(source, f"looks like a saved corpus but a record is malformed ({exc})")
    text_col = next((lowered[c] for c in TEXT_COLUMNS if c in lowered), None)
    if text_col is None:
        raise InputError(
            source, f"no text column (expected one of: {', '.join(TEXT_COLUMNS)}); columns found: {', '.join(columns) or 'none'}"
        )
    articles = []
    for n, row in enumerate(rows, start=1):
        text = row.get(text_col)
        if not isinstance(text, str) or not text.strip():
            continue
        meta = {f: row.get(lowered[f]) for f in METADATA_FIELDS if f in lowered}
        try:
            articles.append(article_from_text(text, f"{source} row {n}", **meta))
        except InputError:
            continue  # a row with no article text is skipped; an all-empty file is reported below
    if not articles:
        raise InputError(source, f"the text column '{text_col}' has no article text")
    return articles


def _from_csv(text: str, source: str) -> list[Article]:
    csv.field_size_limit(MAX_BYTES)  # the default (128 KB per field) is shorter than some articles
    reader = csv.DictReader(io.StringIO(text), strict=True)  # strict: a stray quote is an error, not a merged row
    try:
        rows = list(reader)
        columns = list(reader.fieldnames or [])
    except csv.Error as exc:
        raise InputError(source, f"CSV does not parse after line {reader.line_num} ({exc})")
    return _from_rows(rows, columns, source)


def articles_from_jsonl(text: str, source: str) -> list[Article]:
    rows = []
    for n, line in enumerate(text.splitlines(), start=1):
        if not line.strip():
            continue
        try:
            row = json.loads(line)
        except json.JSONDecodeError as exc:
            raise InputError(source, f"line {n} is not valid JSON ({exc.msg})")
        if not isinstance(row, dict):
            raise InputError(source, f"line {n} is not a JSON object")
        rows.append(row)
    if not rows:
        raise InputError(source, "the file has no JSON lines")
    columns = list(dict.fromkeys(k for r in rows for k in r))
    return _from_rows(rows, columns, source)


def read_paths(paths: list[str | Path]) -> list[Article]:
    articles = []
    for path in paths:
        path = Path(path)
        if not path.is_file():
            raise InputError(str(path), "no such file")
        try:
            data = path.read_bytes()
        except OSError as exc:
            raise InputError(str(path), f"cannot be read ({exc.strerror})")
        articles.extend(articles_from_bytes(str(path), data))
    return articles


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
