"""PDFs: presentation forms, lines in visual order (lam-alef included), scanned pages."""

import pytest
from lecture_files import write_pdf

from chatbot.index.passages import split_passages
from chatbot.index.readers import UnreadableFile, read_document
from chatbot.index.readers.pdf_layout import drawn_backwards, page_lines
from pdf_glyphs import glyphs

LINES = [
    "مفهوم الحكومة الالكترونية",
    # shorter than the page is wide: a line that fills it is a paragraph wrapped onto the next
    "هي قدرة القطاعات الحكومية على توفير الخدمات عبر الانترنت",
    "مراحل الحكومة الالكترونية",
    "1/ مرحلة الاعلان",
    "2/ مرحلة التبادل",
    "لا سلام ولا كلام في الفصل",
]


@pytest.mark.parametrize("order", ["visual", "reversed", "reversed-shaped"])
def test_arabic_text_comes_back_in_reading_order(tmp_path, order):
    path = write_pdf(tmp_path / f"{order}.pdf", [LINES], order)
    document = read_document(path)
    lines = [line.strip() for line in document.text.splitlines() if line.strip()]
    assert lines[:3] == LINES[:3]
    assert lines[-1] == LINES[-1]  # lam-alef: «لا», «سلام» and «الفصل» all read right
    assert not any("\ufb50" <= ch <= "\ufeff" for ch in document.text)  # no presentation forms left
    flipped = [w for w in document.warnings if "drawn in reverse order" in w]
    assert bool(flipped) == order.startswith("reversed")


def test_reversed_list_lines_keep_their_markers(tmp_path):
    path = write_pdf(tmp_path / "lecture.pdf", [LINES], "reversed")
    lines = [line.strip() for line in read_document(path).text.splitlines()]
    assert "1/ مرحلة الاعلان" in lines and "2/ مرحلة التبادل" in lines
    passages = split_passages(read_document(path).text, path.name)
    assert any(p.level == "item" and "التبادل" in p.heading for p in passages)


def test_drawing_order_is_judged_on_all_the_words():
    forward = [glyphs("ةيمانلا لودلا يف ةينورتكلالا ةموكحلا"), glyphs("الوأ")]  # «أولا» alone reads both ways
    assert not drawn_backwards(forward)
    assert drawn_backwards([glyphs("الحكومة الالكترونية في الدول النامية"), glyphs("أولا")])


def test_lam_alef_ligature_drawn_either_way():
    # «السلام» as presentation forms; the lam-alef ligature ﻼ is one glyph.
    visual = "\ufee1\ufefc\ufeb4\ufedf\ufe8d"  # drawn right to left, as a correct producer does
    [line] = page_lines(glyphs(visual), [], (0, 200), 1)
    assert (line.text, line.flipped) == ("السلام", False)
    # drawn left to right in reading order
    [line] = page_lines(glyphs(visual[::-1]), [], (0, 200), 1, backwards=drawn_backwards([glyphs(visual[::-1])]))
    assert (line.text, line.flipped) == ("السلام", True)


def test_scanned_pdf_without_text_layer_is_unreadable(tmp_path):
    path = write_pdf(tmp_path / "scan.pdf", [[], []])
    with pytest.raises(UnreadableFile, match="no text layer"):
        read_document(path)


def test_pages_without_text_are_named_in_a_warning(tmp_path):
    path = write_pdf(tmp_path / "mixed.pdf", [LINES, [], LINES])
    document = read_document(path)
    assert any("pages without text (scanned?): 2" in w for w in document.warnings)
    assert "مرحلة التبادل" in document.text


def test_damaged_pdf_is_reported(tmp_path):
    path = tmp_path / "broken.pdf"
    path.write_bytes(b"%PDF-1.4\n" + bytes(range(256)) * 3)
    with pytest.raises(UnreadableFile, match="damaged or protected PDF"):
        read_document(path)


@pytest.mark.parametrize("password, readable", [("", True), ("secret", False)])
def test_encrypted_pdf(tmp_path, password, readable):
    from pypdf import PdfReader, PdfWriter

    writer = PdfWriter()
    for page in PdfReader(write_pdf(tmp_path / "plain.pdf", [LINES])).pages:
        writer.add_page(page)
    writer.encrypt(user_password=password, owner_password="owner")
    path = tmp_path / "locked.pdf"
    with path.open("wb") as fh:
        writer.write(fh)
    if readable:
        assert "مرحلة التبادل" in read_document(path).text
    else:
        with pytest.raises(UnreadableFile, match="password-protected"):
            read_document(path)


def test_damaged_pdf_leaves_nothing_raw_on_stderr(tmp_path, capsys):
    path = tmp_path / "cut.pdf"
    whole = write_pdf(tmp_path / "whole.pdf", [LINES]).read_bytes()
    path.write_bytes(whole[: len(whole) // 2])
    with pytest.raises(UnreadableFile, match="damaged or protected PDF"):
        read_document(path)
    assert capsys.readouterr().err == ""


def test_structural_faults_become_one_warning_in_our_words(tmp_path, capsys):
    from pypdf import PdfReader, PdfWriter

    writer = PdfWriter(clone_from=PdfReader(write_pdf(tmp_path / "plain.pdf", [LINES])))
    contents = writer.pages[0].get_contents()
    contents.set_data(b"1 0 0 1 0 (x) cm\n" + contents.get_data())  # an operand that is no number
    writer.pages[0].replace_contents(contents)
    path = tmp_path / "faulty.pdf"
    writer.write(path)
    document = read_document(path)
    assert "مرحلة التبادل" in document.text
    assert any(w.startswith("ملف PDF فيه عيوب في بنيته (1)") and "structural faults" in w for w in document.warnings)
    assert capsys.readouterr().err == ""


@pytest.mark.parametrize("damage", ["junk before the header", "no EOF marker"])
def test_mildly_damaged_pdf_is_read_in_silence(tmp_path, capfd, damage):
    whole = write_pdf(tmp_path / "whole.pdf", [LINES]).read_bytes()
    data = b"junk\n" + whole if damage == "junk before the header" else whole[: whole.rindex(b"%%EOF")]
    path = tmp_path / "damaged.pdf"
    path.write_bytes(data)
    assert "مرحلة التبادل" in read_document(path).text
    assert capfd.readouterr().err == ""


def test_a_page_that_cannot_be_interpreted_is_left_out_and_named(tmp_path, monkeypatch):
    from pdfminer.pdfinterp import PDFPageInterpreter

    interpret = PDFPageInterpreter.process_page
    calls = []

    def fails_on_page_two(self, page):
        calls.append(page)
        if len(calls) == 2:
            raise ValueError("broken content stream")
        return interpret(self, page)

    monkeypatch.setattr(PDFPageInterpreter, "process_page", fails_on_page_two)
    document = read_document(write_pdf(tmp_path / "three.pdf", [LINES, LINES, LINES]))
    assert document.text.count("مرحلة التبادل") == 2
    assert any("damaged pages left out: 2" in w for w in document.warnings)
