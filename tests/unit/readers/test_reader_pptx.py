"""PowerPoint slides: each slide a section (title, bullets, tables, notes)."""

import pytest
from lecture_files import write_pptx

from chatbot.passages import split_passages
from chatbot.readers import UnreadableFile, read_document

SLIDES = [
    {"title": "مزايا التجارة الالكترونية",
     "bullets": ["خفض التكاليف", ("الايجار والعمالة", 1), "الوصول الى اسواق عالمية"],
     "notes": "تتيح التجارة الالكترونية للشركات الصغيرة منافسة الكبيرة."},
    {"title": "نماذج التجارة الالكترونية",
     "table": [["النموذج", "الوصف"], ["B2B", "بين المنشآت"], ["B2C", "من منشأة الى مستهلك"]],
     "text": "تذكر ان النموذج يحدد طرفي المعاملة"},
]


@pytest.fixture
def deck(tmp_path):
    return write_pptx(tmp_path / "slides.pptx", SLIDES)


def test_titles_bullets_tables_and_notes(deck):
    document = read_document(deck)
    assert document.encoding == "pptx"
    assert document.text.splitlines() == [
        "# مزايا التجارة الالكترونية",
        "- خفض التكاليف",
        "  - الايجار والعمالة",
        "- الوصول الى اسواق عالمية",
        "تتيح التجارة الالكترونية للشركات الصغيرة منافسة الكبيرة.",
        "",
        "# نماذج التجارة الالكترونية",
        "النموذج | الوصف",
        "B2B | بين المنشآت",
        "B2C | من منشأة الى مستهلك",
        "تذكر ان النموذج يحدد طرفي المعاملة",
    ]


def test_each_slide_is_a_section_with_its_notes(deck):
    passages = split_passages(read_document(deck).text, deck.name)
    sections = [p for p in passages if p.level == "section"]
    assert [s.heading for s in sections] == ["# مزايا التجارة الالكترونية", "# نماذج التجارة الالكترونية"]
    assert "للشركات الصغيرة" in sections[0].text  # the speaker notes stay under their slide
    assert any(p.level == "item" and p.heading == "- خفض التكاليف" for p in passages)


def test_damaged_pptx_is_reported(tmp_path):
    path = tmp_path / "broken.pptx"
    path.write_bytes(b"\x00\x01junk" * 50)
    with pytest.raises(UnreadableFile, match="damaged or invalid .pptx"):
        read_document(path)


def test_slides_without_arabic(tmp_path):
    path = write_pptx(tmp_path / "english.pptx", [{"title": "Intro", "bullets": ["one", "two"]}])
    with pytest.raises(UnreadableFile, match="no Arabic text"):
        read_document(path)
