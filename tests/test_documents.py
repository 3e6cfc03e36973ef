"""Word and PDF files as news databases export them: many articles to a file, each with its own header lines."""
import io

import docx
import pytest

from framing.reading import intake
from framing.reading.corpus import InputError, articles_from_bytes

EXPORT = [
    "Senate passes border bill after late-night vote", "The Washington Chronicle", "June 19, 2024 Wednesday",
    "Copyright 2024 The Washington Chronicle", "Section: NATIONAL; Pg. A1", "Length: 812 words", "Byline: Jane Doe", "Body",
    "The Senate passed the border bill late on Tuesday, officials said. Critics said it may not survive the House.",
    "Supporters called the vote a turning point for the president's agenda.", "Load-Date: June 20, 2024",
    "End of Document",
    "House delays vote on spending plan", "Daily Planet", "June 21, 2024 Friday", "Body",
    "The House delayed its vote on the spending plan, aides said on Friday. Leaders expect a vote next week.",
    "End of Document",
]


def word_file(paragraphs: list[str]) -> bytes:
    document = docx.Document()
    for text in paragraphs:
        document.add_paragraph(text)
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def pdf_file(pages: list[list[str]]) -> bytes:
    """A minimal PDF whose pages hold these lines of text (Helvetica), as a word processor's export would."""
    objects = ["<< /Type /Catalog /Pages 2 0 R >>", "", "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>"]
    kids = []
    for lines in pages:
        shown = " ".join("(" + line.replace("\\", "\\\\").replace("(", "\\(").replace(")", "\\)") + ") Tj T*" for line in lines)
        body = f"BT /F1 11 Tf 72 740 Td 14 TL {shown} ET"
        objects.append(f"<< /Length {len(body)} >>\nstream\n{body}\nendstream")
        objects.append(f"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents {len(objects)} 0 R "
                       "/Resources << /Font << /F1 3 0 R >> >> >>")
        kids.append(f"{len(objects)} 0 R")
    objects[1] = f"<< /Type /Pages /Kids [{' '.join(kids)}] /Count {len(kids)} >>"
    out, offsets = bytearray(b"%PDF-1.4\n"), []
    for n, obj in enumerate(objects, start=1):
        offsets.append(len(out))
        out += f"{n} 0 obj\n{obj}\nendobj\n".encode("latin-1")
    xref = len(out)
    out += f"xref\n0 {len(objects) + 1}\n0000000000 65535 f \n".encode() + "".join(f"{o:010d} 00000 n \n" for o in offsets).encode()
    out += f"trailer\n<< /Size {len(objects) + 1} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n".encode()
    return bytes(out)


def check_export(articles):
    assert [(a.title, a.outlet, a.date) for a in articles] == [
        ("Senate passes border bill after late-night vote", "The Washington Chronicle", "2024-06-19"),
        ("House delays vote on spending plan", "Daily Planet", "2024-06-21")]
    assert articles[0].author == "Jane Doe" and articles[1].author == "unknown"
    first = articles[0].text
    assert "Critics said it may not survive the House." in first and "Supporters called" in first
    assert not any(s in first for s in ("Load-Date", "Length:", "Copyright", "Section:", "End of Document"))
    assert "split at its 'End of Document' lines" in articles[0].notes[0]


def test_a_word_export_of_several_articles_is_split_with_each_ones_metadata():
    check_export(articles_from_bytes("export.docx", word_file(EXPORT)))


def test_a_pdf_export_is_split_the_same_way_its_wrapped_lines_joined():
    wrapped = EXPORT[:8] + ["The Senate passed the border bill late on Tuesday, officials said. Critics",
                            "said it may not survive the House."] + EXPORT[9:]
    check_export(articles_from_bytes("export.pdf", pdf_file([wrapped[:12], wrapped[12:]])))


def test_a_word_file_without_separators_is_one_article_and_invents_nothing():
    [article] = articles_from_bytes("note.docx", word_file(["Summit ends without a deal",
                                                            "Leaders met on Tuesday. Aides said talks would go on."]))
    assert article.title == "Summit ends without a deal" and article.outlet == "unknown" and article.date == "unknown"


@pytest.mark.parametrize("name, data, problem", [
    ("broken.docx", b"PK\x03\x04 not really a zip", "could not be read as a Word document"),
    ("broken.pdf", b"%PDF-1.4 nothing else", "could not be read as a PDF"),
    ("scan.pdf", pdf_file([[]]), "no text found in it"),
    ("empty.docx", b"", "the file is empty"),
])
def test_an_unreadable_document_gets_one_message_and_the_loaded_articles_stay(bundled, name, data, problem):
    with pytest.raises(InputError, match=problem) as raised:
        intake.read_upload(name, data)
    change = intake.add(bundled, [(name, raised.value, False)], replace_corpus=False)
    assert change.articles == bundled and problem in str(raised.value) and name in str(raised.value)
