"""Word (.docx) and PDF files, as researchers get news: often many articles to a file, exported from a news database.

The text comes from well-kept pure-Python readers (python-docx, pypdf). A file whose text has lines such as "End of
Document" between articles (the way news databases such as Nexis Uni export a batch) is split there, and each
article's own lines give its metadata: its first line the title, the next the outlet, the first line that reads as a
date its date, a "Byline:" line its author; the body starts after a line "Body" where there is one, and ends before
"Load-Date:" or "Classification". A file without such lines is one article.
"""
from __future__ import annotations

import io
import logging
import re
import zipfile
from datetime import date


class DocumentError(ValueError):
    """What is wrong with a Word or PDF file, in a reader's words (the caller names the file)."""
_END = re.compile(r"(?im)^[ \t]*End of Document[ \t]*$")
_MONTHS = {m: i for i, m in enumerate(["january", "february", "march", "april", "may", "june", "july", "august",
                                       "september", "october", "november", "december"], start=1)}
_DATE = re.compile(r"(?i)^\s*(?P<month>[a-z]+)\s+(?P<day>\d{1,2}),\s+(?P<year>\d{4})\b")
_FIELD = re.compile(r"(?i)^(Copyright|Section|Length|Byline|Highlight|Dateline|Edition|Language|Publication-Type|"
                    r"Subject|Geographic|Load-Date|Document-Type|Journal Code|Graphic|Correction-Date)\s*:")
_BODY_END = re.compile(r"(?im)^\s*(?:Load-Date:|Classification\s*$)")


def document_text(name: str, data: bytes) -> str:
    """The text of a .docx or .pdf file, paragraphs separated by blank lines; a DocumentError otherwise."""
    if name.lower().endswith(".docx"):
        text = _docx_text(name, data)
    else:
        text = _pdf_text(name, data)
    if not text.strip():
        raise DocumentError("no text found in it (a scanned page? this tool reads text, not images)")
    return text


def _docx_text(name: str, data: bytes) -> str:
    import docx  # python-docx

    try:
        document = docx.Document(io.BytesIO(data))
    except (zipfile.BadZipFile, KeyError, ValueError) as exc:
        raise DocumentError(f"could not be read as a Word document ({type(exc).__name__})") from None
    return "\n\n".join(p.text for p in document.paragraphs)


def _pdf_text(name: str, data: bytes) -> str:
    import pypdf

    # pypdf logs what it could not parse ("EOF marker not found") to stderr; the reader gets one message, below.
    logging.getLogger("pypdf").setLevel(logging.CRITICAL)
    try:
        reader = pypdf.PdfReader(io.BytesIO(data))
        if reader.is_encrypted:
            raise DocumentError("the PDF is password-protected; save an unprotected copy and upload that")
        pages = [page.extract_text() or "" for page in reader.pages]
    except DocumentError:
        raise
    except (pypdf.errors.PdfReadError, ValueError, KeyError, TypeError, OSError) as exc:
        raise DocumentError(f"could not be read as a PDF ({type(exc).__name__})") from None
    return "\n\n".join(_unwrap(page) for page in pages)


def _unwrap(page: str) -> str:
    """A PDF page's lines joined into paragraphs: a line that does not end a sentence runs on into the next."""
    paragraphs, current = [], []
    for line in page.splitlines():
        line = line.strip()
        if not line:
            if current:
                paragraphs.append(" ".join(current))
                current = []
            continue
        current.append(line)
        if re.search(r"[.!?:\"”’)]$", line) or _END.match(line) or len(current) == 1 and len(line) < 60:
            paragraphs.append(" ".join(current))  # a short first line stands alone: a title, an outlet, a date
            current = []
    if current:
        paragraphs.append(" ".join(current))
    return "\n\n".join(paragraphs)


def is_batch(text: str) -> bool:
    return bool(_END.search(text))


def split_batch(text: str) -> list[tuple[str, dict[str, str]]]:
    """Each article of a news-database export: its body and the metadata its own lines give."""
    found = []
    for chunk in _END.split(text):
        lines = [line.strip() for line in chunk.splitlines() if line.strip()]
        if not lines:
            continue
        meta = {"title": lines[0]}
        head = lines[1:8]
        if head and not _DATE.match(head[0]) and not _FIELD.match(head[0]):
            meta["outlet"] = head[0]
        when = next((d for line in head if (d := _iso_date(line))), "")
        if when:
            meta["date"] = when
        byline = next((line.split(":", 1)[1].strip() for line in lines if line.lower().startswith("byline:")), "")
        if byline:
            meta["author"] = byline
        body_lines = _body(lines, meta)
        if body_lines:
            found.append(("\n\n".join(body_lines), meta))
    return found


def _body(lines: list[str], meta: dict[str, str]) -> list[str]:
    if "Body" in lines:
        lines = lines[lines.index("Body") + 1:]
    else:  # no "Body" line: everything after the header lines that the metadata came from
        skip = 1 + ("outlet" in meta)
        lines = [line for line in lines[skip:] if not (_iso_date(line) and len(line) < 60)]
    body = []
    for line in lines:
        if _BODY_END.match(line):
            break
        if not _FIELD.match(line):
            body.append(line)
    return body


def _iso_date(line: str) -> str:
    match = _DATE.match(line)
    if not match or match["month"].lower() not in _MONTHS:
        return ""
    try:
        return date(int(match["year"]), _MONTHS[match["month"].lower()], int(match["day"])).isoformat()
    except ValueError:
        return ""

