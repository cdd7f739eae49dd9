"""PDFs exported by LibreOffice from a Word and a PowerPoint lecture read like the originals.

The lectures and their PDFs are in tests/fixtures/exported (made by make_lectures.py there).
"""

import logging
import re
from pathlib import Path

from chatbot.index.passages import split_passages
from chatbot.index.readers import read_document

EXPORTED = Path(__file__).resolve().parents[2] / "fixtures" / "exported"
_CELL_SPLIT = re.compile(r"\s*\|\s*")


def lines(name: str) -> list[str]:
    return [line for line in read_document(EXPORTED / name).text.splitlines() if line.strip()]


def test_word_export_reads_like_the_word_file():
    assert lines("security.pdf") == lines("security.docx")


def test_two_column_word_export_reads_like_the_word_file():
    # Word's Layout > Columns, a right-to-left section: the right column first, paragraphs
    # running on from one column into the next. On a one-page file the running header cannot
    # be told from text (it is repeated on no other page), so it stays.
    pdf = lines("security-columns.pdf")
    assert pdf[0] == "جامعة المستقبل - كلية الحاسوب"
    assert pdf[1:] == lines("security-columns.docx")


def test_left_to_right_word_file_reads_like_the_word_file():
    # No right-to-left setting anywhere: left-aligned paragraphs, list numbers on the left,
    # Symbol-font bullets, a table without borders.
    assert lines("e-learning.pdf") == lines("e-learning.docx")


def test_mixed_runs_heading_numbers_and_title_in_reading_order():
    text = lines("security.pdf")
    assert text[0] == "# أمن المعلومات"  # the title line, drawn glyph by glyph, not reversed
    assert "# أولاً: مفهوم أمن المعلومات" in text  # number and colon in place
    assert any(line.startswith("1/ السرية (Confidentiality): ضمان عدم اطلاع") for line in text)


def test_wrapped_lines_are_joined_but_items_and_headings_stay_apart():
    text = lines("security.pdf")
    item = next(line for line in text if line.startswith("1/ "))
    assert item.endswith("على المعلومات المخزنة أو المنقولة عبر الشبكة.")  # two printed lines
    assert sum(line.startswith("- ") and ": الشرح: " not in line for line in text) == 3  # table rows aside
    assert "## 2- الهندسة الاجتماعية" in text


def test_table_row_cut_by_a_page_break_is_one_row():
    assert "- الجدار الناري (Firewall): الشرح: نظام يراقب حركة الشبكة ويمنع الاتصالات غير المسموح بها | مثال: جدار ويندوز" in lines(
        "security.pdf"
    )


def test_word_export_gives_the_same_passages():
    def shape(name):
        return [(p.level, p.heading, " ".join(p.text.split())) for p in split_passages(read_document(EXPORTED / name).text, name)]

    assert shape("security.pdf") == shape("security.docx")


def test_slides_export_reads_like_the_slides():
    pdf, pptx = lines("cloud.pdf"), lines("cloud.pptx")
    assert [l for l in pdf if l.startswith("#")] == [l for l in pptx if l.startswith("#")]
    assert [l for l in pdf if l.startswith("- ")] == [l for l in pptx if l.startswith("- ")]
    # LibreOffice draws this right-to-left table left to right; the cells of each row stay together
    rows = lambda text: [frozenset(_CELL_SPLIT.split(l)) for l in text if "|" in l]  # noqa: E731
    assert rows(pdf) == rows(pptx)
    assert "مقدمة في مفاهيم الحوسبة السحابية (Cloud Computing) ونماذج خدماتها" in pdf


def test_reading_leaves_nothing_on_stderr(capsys, caplog):
    with caplog.at_level(logging.DEBUG):
        read_document(EXPORTED / "security.pdf")
    assert capsys.readouterr().err == ""
    assert not [r for r in caplog.records if r.levelno >= logging.WARNING]


SLIDES = Path(__file__).resolve().parents[2] / "data" / "dev"


def _sections(text: str) -> dict[str, str]:
    """Each ``# `` slide title → the slide's text after it, whitespace collapsed."""
    found, title = {}, None
    for line in text.splitlines():
        if line.startswith("# "):
            title = line
            found[title] = ""
        elif title:
            found[title] += " " + line
    return {t: " ".join(body.split()) for t, body in found.items()}


def test_notes_pages_follow_their_slide_as_in_the_slides():
    """LibreOffice's «export notes pages»: every slide, then every slide again drawn small above
    its speaker notes, justified with kashidas some fonts map to «R», «_» or «6». Each slide
    reads as its title, its bullets as one unit («· »), then its notes, as the pptx reader
    gives them (dev/slides-pdf, made from dev/slides)."""
    pptx = read_document(SLIDES / "slides" / "corpus" / "sdlc_models.pptx").text
    pdf = read_document(SLIDES / "slides-pdf" / "corpus" / "sdlc_models.pdf").text
    slides, exported = _sections(pptx), _sections(pdf)
    assert list(exported) == list(slides)
    for title, body in slides.items():
        notes = [line for line in body.split("·")[-1:]]  # the text after the last bullet
        opening = " ".join(notes[0].split()[1:5]) if "·" in body else ""
        assert opening in exported[title], title
    assert not re.search(r"[\u0621-\u064a][A-Za-z_`][\u0621-\u064a]", pdf), "a kashida read as a letter"
    assert pdf.count("· ") == pptx.count("· ")


def test_notes_pages_alone_read_as_the_slides():
    """PowerPoint's «Notes Pages» print: one page a slide, the slide drawn small in a frame above
    its notes. The frame is no table; its centred title reads right to left («نموذج TCP/IP»,
    not «TCP/IP نموذج»), a notes line too («… OSI و TCP/IP، وفي النهاية …»)."""
    pptx = read_document(SLIDES / "slides" / "corpus" / "sdlc_models.pptx").text
    pdf = read_document(SLIDES / "slides-notes" / "corpus" / "sdlc_models.pdf").text
    assert len(_sections(pdf)) == len(_sections(pptx)) and pdf.count("· ") == pptx.count("· ")
    assert "|" not in pdf
    networks = read_document(SLIDES / "slides-notes" / "corpus" / "networks.pdf").text
    assert "# نموذج OSI" in networks
    assert "ونماذج الاتصال OSI و TCP/IP، وفي النهاية بعض البروتوكولات" in networks
