"""The passage tree: the lecture's headings and items, markdown, and plain paragraphs."""

from pathlib import Path

from chatbot.passages import outline, split_passages, strip_marker

LECTURE = (Path(__file__).resolve().parents[3] / "corpus" / "e-government.txt").read_text(encoding="utf-8")


def by_heading(passages, heading):
    return next(p for p in passages if p.heading.strip() == heading)


def test_lecture_sections_and_items() -> None:
    ps = split_passages(LECTURE, "e-government.txt")
    stages = by_heading(ps, "مراحل الحكومة الالكترونيه")
    assert stages.level == "section" and (stages.first, stages.last) == (56, 64)
    assert stages.section[-2:] == ("ثالثا استراجيات ومراحل الحكومات الالكترونيه", "مراحل الحكومة الالكترونيه")
    items = [p for p in ps if p.parent == ps.index(stages)]
    assert [p.heading for p in items] == ["ا/مرحلة الاعلان", "ب/ مرحلة التبادل", "ج/ مرحلة التنفيذ", "د/ مرحلة التوصيل"]
    assert (items[1].first, items[1].last) == (59, 60), "an item keeps its explanation"
    goals = by_heading(ps, "4/ اهداف الحكومه الالكترونيه")
    assert len([p for p in ps if p.parent == ps.index(goals)]) == 7, "numbered items under a numbered heading"
    assert by_heading(ps, "2/ التطورات التي مهدت لقيام الحكومه الالكترونيه").level == "section"


def test_intro_line_after_heading_is_not_a_heading() -> None:
    ps = split_passages(LECTURE, "e-government.txt")
    third = by_heading(ps, "ثالثا استراجيات ومراحل الحكومات الالكترونيه")
    assert "تتجه استراتيجيات" in third.text and third.last == 55


def test_closing_words_are_not_the_last_items_explanation() -> None:
    ps = split_passages(LECTURE, "e-government.txt")
    assert by_heading(ps, "د/ مرحلة التوصيل").last == 64


def test_section_outline_leaves_out_item_explanations() -> None:
    ps = split_passages(LECTURE, "e-government.txt")
    lines = outline(by_heading(ps, "مراحل الحكومة الالكترونيه"))
    assert lines[0] == "مراحل الحكومة الالكترونيه" and len(lines) == 5


def test_plain_text_splits_into_paragraphs() -> None:
    text = "الفقرة الأولى عن الموضوع.\nسطر ثان منها.\n\nالفقرة الثانية.\n\n4 - فقرة طويلة تبدأ برقم " + "كلمة " * 30
    ps = split_passages(text, "plain.txt")
    assert [p.level for p in ps] == ["paragraph"] * 3
    assert [(p.first, p.last) for p in ps] == [(1, 2), (4, 4), (6, 6)]


def test_markdown_headings_and_bullets() -> None:
    text = "# مقدمة\nنص تمهيدي.\n## أنواع التجارة\n- التجارة بين الشركات\n- التجارة مع المستهلك\n"
    ps = split_passages(text, "a.md")
    kinds = {p.heading: p.level for p in ps}
    assert kinds["## أنواع التجارة"] == "section" and kinds["- التجارة بين الشركات"] == "item"
    assert by_heading(ps, "## أنواع التجارة").section == ("# مقدمة", "## أنواع التجارة")


def test_strip_marker() -> None:
    assert strip_marker("2/ التطورات") == "التطورات"
    assert strip_marker("هـ/ الثقافة") == "الثقافة"
    assert strip_marker("اولامفهموم الحكومة") == "مفهموم الحكومة"
    assert strip_marker("ثانياً: الفرق بين البيانات") == "الفرق بين البيانات"
    assert strip_marker("المحور الثاني: عصر الولاة") == "عصر الولاة"


def test_unit_headings_and_a_short_line_over_a_paragraph_are_headings() -> None:
    text = ("مقدمة\n" + "نص طويل " * 10 + "\n\nالمحور الأول: الفتح\n" + "شرح الفتح " * 8 + "\n1. عبر طارق\n2. معركة وادي لكة\n")
    passages = split_passages(text, "t.txt")
    sections = [(p.heading, p.first, p.last) for p in passages if p.level == "section"]
    assert sections == [("مقدمة", 1, 2), ("المحور الأول: الفتح", 4, 7)]


def test_empty_text_gives_no_passages() -> None:
    assert split_passages("", "empty.txt") == []
    assert split_passages("\n\n  \n", "blank.txt") == []
