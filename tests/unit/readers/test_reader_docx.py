"""Word documents: headings, lists, tables and text boxes kept, damaged files reported."""

import zipfile

import docx
import pytest
from lecture_files import LECTURES, write_docx

from chatbot.index.passages import split_passages
from chatbot.index.readers import UnreadableFile, read_document


@pytest.fixture
def lecture(tmp_path):
    return write_docx(tmp_path / "e-learning.docx", (LECTURES / "e-learning.md").read_text(encoding="utf-8"))


def test_headings_become_markdown_headings_by_level(lecture):
    lines = read_document(lecture).text.splitlines()
    assert lines[0] == "# التعليم الالكتروني"  # Title style
    assert "# مفهوم التعليم الالكتروني" in lines  # Heading 1
    assert read_document(lecture).encoding == "docx"


def test_lists_keep_their_numbers_and_bullets(lecture):
    lines = read_document(lecture).text.splitlines()
    assert "1/ التحليل: تحديد خصائص المتعلمين واحتياجاتهم" in lines
    assert "5/ التقويم: قياس تحقق الاهداف وتحسين المقرر" in lines
    assert "- مرونة الزمان والمكان للمتعلم" in lines


def test_table_rows_become_items_keeping_their_header(lecture):
    lines = read_document(lecture).text.splitlines()
    assert "- مودل: الاستخدام: منصة مفتوحة المصدر لادارة المقررات" in lines
    assert "- بلاك بورد: الاستخدام: منصة تجارية تستخدمها الجامعات" in lines


TERMS = """## مفاهيم الشبكات
تعرض هذه المحاضرة المصطلحات الاساسية.
- الشبكة المحلية تغطي مبنى واحدا
المصطلح | الشرح | مثال
الموجه (Router) | جهاز يوجه الحزم بين الشبكات | موجه المنزل
المبدل (Switch) | جهاز يربط اجهزة الشبكة المحلية | مبدل المختبر
## الخاتمة
خلاصة المحاضرة.
"""


def test_term_table_rows_are_items_under_the_heading_before_the_table(tmp_path):
    path = write_docx(tmp_path / "terms.docx", TERMS)
    passages = split_passages(read_document(path).text, path.name)
    table = next(p for p in passages if p.heading == "المصطلح | الشرح | مثال")
    assert table.level == "section" and table.section == ("# مفاهيم الشبكات", "المصطلح | الشرح | مثال")
    rows = [p for p in passages if p.level == "item" and p.parent == passages.index(table)]
    assert [p.heading for p in rows] == [
        "- الموجه (Router): الشرح: جهاز يوجه الحزم بين الشبكات | مثال: موجه المنزل",
        "- المبدل (Switch): الشرح: جهاز يربط اجهزة الشبكة المحلية | مثال: مبدل المختبر",
    ]
    assert "خلاصة" not in table.text
    whole, section = [p for p in passages if p.heading == "# مفاهيم الشبكات"]
    assert "المصطلحات الاساسية" in section.text and "Router" not in section.text
    assert "المصطلحات الاساسية" in whole.text and "Router" in whole.text, "the heading's whole span, table included"


def test_table_without_a_header_row_stays_rows_of_cells(tmp_path):
    long_cell = "هذه خلية طويلة فيها شرح كامل وليست عنوان عمود في الجدول"
    path = write_docx(tmp_path / "plain.docx", f"## جدول\n{long_cell} | اولى\nثانية | ثالثة\n")
    lines = read_document(path).text.splitlines()
    assert f"{long_cell} | اولى" in lines and "ثانية | ثالثة" in lines


def test_merged_cells_are_read_once(tmp_path):
    document = docx.Document()
    document.add_paragraph("جدول المراحل")
    table = document.add_table(rows=3, cols=2)
    for r, row in enumerate([["المرحلة", "الوصف"], ["الاولى", "البداية"], ["", "تكملة"]]):
        for c, text in enumerate(row):
            table.cell(r, c).text = text
    table.cell(1, 0).merge(table.cell(2, 0))  # «الاولى» spans two rows
    path = tmp_path / "merged.docx"
    document.save(path)
    text = read_document(path).text
    assert text.count("الاولى") == 1 and "تكملة" in text


def test_text_box_is_kept_once(lecture):
    text = read_document(lecture).text
    assert text.count("التعليم الالكتروني لا يلغي دور المعلم") == 1


def test_text_word_shows_is_read_and_text_it_hides_is_not(tmp_path):
    # A tracked insertion not yet accepted, a deletion, an equation, a field and a content
    # control (a block one holding a heading and a paragraph): python-docx's Paragraph.text
    # reads none of the shown ones.
    from docx.oxml import parse_xml
    from docx.oxml.ns import nsdecls

    w = nsdecls("w", "m")
    document = docx.Document()
    paragraph = document.add_paragraph("الطاقة ")
    paragraph._p.append(parse_xml(f'<w:ins {w} w:id="1" w:author="د" w:date="2024-01-01T00:00:00Z">'
                                  "<w:r><w:t>الحركية</w:t></w:r></w:ins>"))
    paragraph._p.append(parse_xml(f'<w:del {w} w:id="2" w:author="د" w:date="2024-01-01T00:00:00Z">'
                                  "<w:r><w:delText> المحذوفة</w:delText></w:r></w:del>"))
    paragraph._p.append(parse_xml(f'<w:r {w}><w:t xml:space="preserve"> تعطى بالعلاقة </w:t></w:r>'))
    paragraph._p.append(parse_xml(f"<m:oMath {w}><m:r><m:t>E=½mv²</m:t></m:r></m:oMath>"))
    field = document.add_paragraph()
    field._p.append(parse_xml(f'<w:fldSimple {w} w:instr="REF x"><w:r><w:t>انظر الشكل 2</w:t></w:r></w:fldSimple>'))
    control = parse_xml(
        f"<w:sdt {w}><w:sdtPr/><w:sdtContent>"
        '<w:p><w:pPr><w:pStyle w:val="Heading1"/></w:pPr><w:r><w:t>ملخص الوحدة</w:t></w:r></w:p>'
        "<w:p><w:r><w:t>فقرة داخل عنصر تحكم</w:t></w:r></w:p></w:sdtContent></w:sdt>")
    document.element.body.insert(len(document.element.body) - 1, control)  # before sectPr
    document.save(tmp_path / "shown.docx")
    assert read_document(tmp_path / "shown.docx").text.splitlines() == [
        "الطاقة الحركية تعطى بالعلاقة E=½mv²", "انظر الشكل 2", "# ملخص الوحدة", "فقرة داخل عنصر تحكم"]


def test_structure_reaches_the_passage_tree(lecture):
    passages = split_passages(read_document(lecture).text, lecture.name)
    stages = next(p for p in passages if p.heading == "# مراحل تصميم مقرر الكتروني")
    assert stages.level == "section"
    items = [p for p in passages if p.parent == passages.index(stages)]
    assert len(items) == 5 and items[0].heading.startswith("1/ التحليل")


def test_numbering_follows_word_and_restarts_deeper_levels(tmp_path):
    document = docx.Document()
    document.add_paragraph("اولا المراحل")
    for text in ("الاولى", "الثانية"):
        document.add_paragraph(text, style="List Number")
    sub = document.add_paragraph("فرع", style="List Number 2")
    document.add_paragraph("الثالثة", style="List Number")
    document.add_paragraph("نص عادي بعد القائمة")
    path = tmp_path / "numbers.docx"
    document.save(path)
    lines = read_document(path).text.splitlines()
    assert lines[:3] == ["اولا المراحل", "1/ الاولى", "2/ الثانية"]
    assert lines[3].strip().endswith("فرع") and sub.text == "فرع"
    assert "3/ الثالثة" in lines and "نص عادي بعد القائمة" in lines


def test_localised_heading_style_found_by_outline_level(tmp_path):
    document = docx.Document()
    style = document.styles.add_style("عنوان قسم", 1)  # WD_STYLE_TYPE.PARAGRAPH
    outline = style.element.get_or_add_pPr()
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    level = OxmlElement("w:outlineLvl")
    level.set(qn("w:val"), "1")
    outline.append(level)
    document.add_paragraph("مزايا التعليم", style=style)
    document.add_paragraph("نص القسم")
    path = tmp_path / "styled.docx"
    document.save(path)
    assert read_document(path).text.splitlines()[0] == "## مزايا التعليم"


def test_damaged_docx_is_reported(tmp_path):
    path = tmp_path / "broken.docx"
    path.write_bytes(b"PK\x03\x04 not really a zip")
    with pytest.raises(UnreadableFile, match="damaged or invalid .docx"):
        read_document(path)


def test_zip_that_is_not_a_word_document(tmp_path):
    path = tmp_path / "other.docx"
    with zipfile.ZipFile(path, "w") as z:
        z.writestr("hello.txt", "مرحبا")
    with pytest.raises(UnreadableFile, match="damaged or invalid .docx"):
        read_document(path)


def test_docx_without_arabic(tmp_path):
    document = docx.Document()
    document.add_paragraph("English only")
    path = tmp_path / "english.docx"
    document.save(path)
    with pytest.raises(UnreadableFile, match="no Arabic text"):
        read_document(path)
