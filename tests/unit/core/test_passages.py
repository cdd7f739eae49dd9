"""The passage tree: the lecture's headings and items, markdown, and plain paragraphs."""

import pytest

from bundled_lecture import LECTURE, passage_titled
from chatbot.index.passages import MAX_ANSWER_CHARS, MAX_NESTED_SECTIONS, MAX_PASSAGE_WORDS, heading_topic, outline, split_passages, strip_marker

STAGES = "مراحل الحكومة الالكترونيه"


def section_headings(ps) -> list[str]:
    return [p.heading for p in ps if p.level == "section"]


def lecture_passages():
    return split_passages(LECTURE.read_text(encoding="utf-8"), LECTURE.name)


def test_lecture_sections_and_items() -> None:
    ps = lecture_passages()
    stages = passage_titled(ps, STAGES)
    assert stages.level == "section" and stages.text.splitlines()[0] == STAGES
    assert stages.section[-2:] == ("ثالثا استراجيات ومراحل الحكومات الالكترونيه", STAGES)
    items = [p for p in ps if p.parent == ps.index(stages)]
    assert [p.heading for p in items] == ["ا/مرحلة الاعلان", "ب/ مرحلة التبادل", "ج/ مرحلة التنفيذ", "د/ مرحلة التوصيل"]
    assert (stages.first, stages.last) == (items[0].first - 1, items[-1].last), "the heading, then its items"
    exchange = items[1]
    assert "وضمنها يتم تبادل المعلومات" in exchange.text, "an item keeps its explanation"
    assert (exchange.last - exchange.first, exchange.last + 1) == (1, items[2].first), "and no more"
    goals = passage_titled(ps, "4/ اهداف الحكومه الالكترونيه")
    assert len([p for p in ps if p.parent == ps.index(goals)]) == 7, "numbered items under a numbered heading"
    assert passage_titled(ps, "2/ التطورات التي مهدت لقيام الحكومه الالكترونيه").level == "section"


def test_intro_line_after_heading_is_not_a_heading() -> None:
    ps = lecture_passages()
    third = passage_titled(ps, "ثالثا استراجيات ومراحل الحكومات الالكترونيه")
    assert "تتجه استراتيجيات" in third.text and third.last == passage_titled(ps, STAGES).first - 1


def test_closing_words_are_not_the_last_items_explanation() -> None:
    ps = lecture_passages()
    last_item = passage_titled(ps, "د/ مرحلة التوصيل")
    assert "توصيل الخدمات والمعاملات" in last_item.text and "تمت ولله الحمد" not in last_item.text


def test_section_outline_leaves_out_item_explanations() -> None:
    ps = lecture_passages()
    lines = outline(passage_titled(ps, STAGES))
    assert lines[0] == STAGES and len(lines) == 5


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
    assert passage_titled(ps, "## أنواع التجارة").section == ("# مقدمة", "## أنواع التجارة")


def test_strip_marker() -> None:
    assert strip_marker("2/ التطورات") == "التطورات"
    assert strip_marker("هـ/ الثقافة") == "الثقافة"
    assert strip_marker("اولامفهموم الحكومة") == "مفهموم الحكومة"
    assert strip_marker("ثانياً: الفرق بين البيانات") == "الفرق بين البيانات"
    assert strip_marker("المحور الثاني: عصر الولاة") == "عصر الولاة"
    assert strip_marker("## الفرع الرابع: الشركة ذات المسؤولية المحدودة") == "الشركة ذات المسؤولية المحدودة"


@pytest.mark.parametrize("heading, topic", [
    ("2/ التطورات التي مهدت", "التطورات التي مهدت"),
    ("أ/ اعادة التنظيم الاداري", "اعادة التنظيم الاداري"),
    ("هـ/ تنتشار الثقافه", "تنتشار الثقافه"),
    ("ثانيا متطلبات ومعوقات", "متطلبات ومعوقات"),
    ("اولامفهموم الحكومة", "مفهموم الحكومة"),
    ("## مراحل الحكومة:", "مراحل الحكومة"),
    ("معوقات تطبيق الحكومه(في الدول الناميه)", "معوقات تطبيق الحكومه"),
    ("الحكومة الالكترونيه", "الحكومة الالكترونيه"),
    ("# أولاً: مفهوم أمن المعلومات", "مفهوم أمن المعلومات"),
    ("## 2.1 البرمجيات الخبيثة (Malware)", "البرمجيات الخبيثة"),
    ("- انواع الذاكـــرة:", "انواع الذاكرة"),
])
def test_heading_topic(heading: str, topic: str) -> None:
    assert heading_topic(heading) == topic


def test_unit_headings_and_a_short_line_over_a_paragraph_are_headings() -> None:
    text = ("مقدمة\n" + "نص طويل " * 10 + "\n\nالمحور الأول: الفتح\n" + "شرح الفتح " * 8 + "\n1. عبر طارق\n2. معركة وادي لكة\n")
    passages = split_passages(text, "t.txt")
    sections = [(p.heading, p.first, p.last) for p in passages if p.level == "section"]
    assert sections == [("مقدمة", 1, 2), ("المحور الأول: الفتح", 4, 7)]


def test_a_heading_written_as_a_block_of_its_own_heads_the_paragraphs_below() -> None:
    prose = "كان تايلور مهندسا امريكيا عمل في مصانع الصلب ولاحظ هناك ما سماه التباطؤ المتعمد في العمل."
    text = f"مدخل\n\n{prose}\n\nالادارة العلمية عند تايلور\n\n{prose}\n\n{prose}\n\nوهذا كل شيء.\n"
    sections = [(p.heading, p.first, p.last) for p in split_passages(text, "t.txt") if p.level == "section"]
    assert sections == [("مدخل", 1, 3), ("الادارة العلمية عند تايلور", 5, 11)]


def test_a_review_sheet_question_heads_its_answer() -> None:
    """«س١: …» / «ج: …» review sheets: each question heads its answer and the answer's list, and
    the next question is no part of the last item before it."""
    text = ("# الجزء الأول\nس١: من هم الفاعلون؟\nج: عدة فاعلين:\n- الدول ذات السيادة.\n- المنظمات الدولية.\n"
            "س٢: ما المقصود بالسيادة؟\nج: السيادة هي السلطة العليا للدولة على إقليمها.\n"
            "سؤال 3 - هل السيادة مطلقة؟\nج: لا.\n")
    passages = split_passages(text, "t.md")
    sections = [(p.heading, p.first, p.last) for p in passages if p.level == "section"]
    assert sections == [("# الجزء الأول", 1, 9), ("س١: من هم الفاعلون؟", 2, 5),
                        ("س٢: ما المقصود بالسيادة؟", 6, 7), ("سؤال 3 - هل السيادة مطلقة؟", 8, 9)]
    assert [p.text for p in passages if p.level == "item"][-1] == "- المنظمات الدولية."


def test_a_review_sheet_keeps_every_line_its_answers_hold() -> None:
    """A numbered answer under a later question starts its own list (not a run of headings
    with nothing under them, lost from every passage), and a question answered on its own
    line («س: …؟ ج: …») is a point, not a heading over nothing."""
    text = ("س1: اذكر مراحل الشهيق\nج: الشهيق عملية نشطة:\n1- ينقبض الحجاب الحاجز\n2- يدخل الهواء للرئتين\n\n"
            "س2: كيف ينتقل ثاني أكسيد الكربون في الدم؟\nج: بثلاث طرق:\n1- على شكل أيونات بيكربونات\n"
            "2- مرتبط بالهيموجلوبين\n\nس: ما هي المشكلة الاقتصادية؟ ج: الندرة.\n"
            "س: على ماذا يقوم التأمين؟ ج: على تجميع المخاطر.\n")
    passages = split_passages(text, "t.txt")
    covered = {n for p in passages for n in range(p.first, p.last + 1)}
    assert covered >= {n for n, line in enumerate(text.splitlines(), 1) if line}
    assert "1- على شكل أيونات بيكربونات" in [p.text for p in passages if p.level == "item"]
    assert not any(p.heading.startswith("س: ") for p in passages)


def test_a_book_s_divisions_nest_in_their_classical_order() -> None:
    """«المبحث» holds «المطلب», which holds «الفرع»; an «أولاً» under a division is its point;
    a preface heading («تمهيد:») before the first division does not hold it."""
    text = ("المحاضرة الرابعة: القانون الدستوري\nتمهيد:\nنص التمهيد هنا يشرح الموضوع كله.\n\n"
            "المبحث الأول: مصادر القانون\n\nالمطلب الأول: المصادر الرسمية\nالفرع الأول: التشريع\nنص التشريع.\n"
            "الفرع الثاني: العرف\nنص العرف.\nالمطلب الثاني: المصادر التفسيرية\nاولا: الفقه\nنص الفقه.\n"
            "ثانيا: القضاء\nنص القضاء.\nالمبحث الثاني: انواع الدساتير\nنص الانواع.\n")
    paths = {p.heading: p.section for p in split_passages(text, "t.txt") if p.level == "section"}
    assert paths["الفرع الثاني: العرف"] == (
        "المحاضرة الرابعة: القانون الدستوري", "المبحث الأول: مصادر القانون", "المطلب الأول: المصادر الرسمية",
        "الفرع الثاني: العرف")
    assert paths["ثانيا: القضاء"][-2:] == ("المطلب الثاني: المصادر التفسيرية", "ثانيا: القضاء")
    assert paths["المبحث الثاني: انواع الدساتير"] == ("المحاضرة الرابعة: القانون الدستوري", "المبحث الثاني: انواع الدساتير")
    assert paths["المبحث الأول: مصادر القانون"] == ("المحاضرة الرابعة: القانون الدستوري", "المبحث الأول: مصادر القانون")


def test_roman_numerals_number_a_lecture_s_parts() -> None:
    text = "I- مفهوم السياحة\nالسياحة نشاط انساني.\n\nII- المنتج السياحي\nالمنتج مزيج من العناصر.\n"
    sections = [(p.heading, p.section) for p in split_passages(text, "t.txt") if p.level == "section"]
    assert sections == [("I- مفهوم السياحة", ("I- مفهوم السياحة",)), ("II- المنتج السياحي", ("II- المنتج السياحي",))]
    assert strip_marker("IV. الفندقة") == "الفندقة" and strip_marker("I am here") == "I am here"


def test_a_marked_line_standing_alone_over_a_block_heads_it() -> None:
    """«>> الدرس الثالث: كان واخواتها» between blank lines, over a block of short lines: a
    heading, however short the block's first line."""
    text = ("حذف المبتدأ:-\nممكن نحذف المبتدأ اذا كان مفهوما من الكلام.\n\n>> الدرس الثالث: كان واخواتها\n\n"
            "كان واخواتها تدخل على الجملة الاسمية فترفع المبتدأ وتنصب الخبر.\nيعني كان ترفع الاسم وتنصب الخبر.\n")
    sections = [(p.heading, p.first, p.last) for p in split_passages(text, "t.txt") if p.level == "section"]
    assert (">> الدرس الثالث: كان واخواتها", 4, 7) in sections


def test_empty_text_gives_no_passages() -> None:
    assert split_passages("", "empty.txt") == []
    assert split_passages("\n\n  \n", "blank.txt") == []


INFORMAL = """ملخص محاضرة الشبكات
* تعريف الشبكات :
الشبكة هي مجموعة من الحواسيب المتصلة ببعضها لتبادل البيانات والموارد.
* انواع الشبكات:
- الشبكة المحلية LAN: تغطي مبنى واحدا
- الشبكة الواسعة WAN: تغطي مدنا ودولا
- الشبكة الشخصية PAN
* مكونات الشبكة :

1- الحواسيب
2- الموجهات
3- الكابلات
"""


def test_starred_and_dashed_colon_lines_head_their_text_and_lists() -> None:
    ps = split_passages(INFORMAL, "networks.txt")
    sections = {p.heading: p for p in ps if p.level == "section"}
    assert set(sections) == {"* تعريف الشبكات :", "* انواع الشبكات:", "* مكونات الشبكة :"}
    assert (sections["* تعريف الشبكات :"].first, sections["* تعريف الشبكات :"].last) == (2, 3)
    kinds = sections["* انواع الشبكات:"]
    assert [p.heading for p in ps if p.parent == ps.index(kinds)] == [
        "- الشبكة المحلية LAN: تغطي مبنى واحدا", "- الشبكة الواسعة WAN: تغطي مدنا ودولا", "- الشبكة الشخصية PAN"]
    parts = sections["* مكونات الشبكة :"]
    assert len([p for p in ps if p.parent == ps.index(parts)]) == 3, "a blank line between a colon heading and its list"
    assert not any(p.level == "paragraph" and len(p.text.splitlines()) > 3 for p in ps), "no run of lines in one passage"


def test_dashed_colon_heading_under_a_heading_keeps_its_list() -> None:
    text = "اولا: الشبكات\nمقدمة قصيرة عن الشبكات الحديثة واستخداماتها في الحياة اليومية.\n- انواع الشبكات:\n  - محلية\n  - واسعة\n"
    ps = split_passages(text, "t.txt")
    kinds = next(p for p in ps if p.heading == "- انواع الشبكات:")
    assert kinds.level == "section" and kinds.section == ("اولا: الشبكات", "- انواع الشبكات:")
    assert [p.heading for p in ps if p.parent == ps.index(kinds)] == ["- محلية", "- واسعة"]


def test_colon_items_explained_under_a_real_heading_stay_items() -> None:
    text = "## مزايا التعليم\n- المرونة:\nيتعلم الطالب في اي وقت يناسبه.\n- خفض التكلفة:\nلا حاجة الى التنقل.\n"
    ps = split_passages(text, "t.md")
    section = next(p for p in ps if p.level == "section")
    assert section.heading == "## مزايا التعليم"
    assert [(p.heading, p.last) for p in ps if p.level == "item"] == [("- المرونة:", 3), ("- خفض التكلفة:", 5)]


def test_plain_colon_line_heads_a_list_after_a_blank_line() -> None:
    text = "# الدرس\nنص تمهيدي طويل يشرح الفكرة العامة للدرس قبل عرض عناصره كلها.\n\nخطوات الحل:\n\nأ/ الفهم\nب/ التخطيط\n"
    ps = split_passages(text, "t.md")
    steps = next(p for p in ps if p.heading == "خطوات الحل:")
    assert steps.level == "section" and len([p for p in ps if p.parent == ps.index(steps)]) == 2


def test_no_passage_is_only_a_heading() -> None:
    text = "* تعريف :\n* انواع الشبكات:\n- محلية\n\nاولا مقدمة\n\nثانيا الخلاصة\nنص الخلاصة\n"
    ps = split_passages(text, "t.txt")
    assert all(len(p.text.splitlines()) > 1 or p.level == "item" for p in ps)
    assert "* تعريف :" not in [p.heading for p in ps] and "اولا مقدمة" not in [p.heading for p in ps]


def test_a_heading_over_a_chapter_of_prose_keeps_its_opening_and_the_rest_becomes_paragraphs() -> None:
    paragraph = "نص الشرح في هذا الفصل الطويل " * 10  # 60 words a line
    text = "اولا الفصل الاول\n" + "\n".join([paragraph] * 30) + "\n- بند في الفصل\n" + "\n".join([paragraph] * 30) + "\n"
    ps = split_passages(text, "chapter.txt")
    section = next(p for p in ps if p.level == "section")
    assert section.heading == "اولا الفصل الاول" and len(section.text.split()) <= MAX_PASSAGE_WORDS + 3
    rest = [p for p in ps if p.level == "paragraph"]
    assert rest and all(p.section == ("اولا الفصل الاول",) and len(p.text.split()) <= MAX_PASSAGE_WORDS for p in rest)
    assert [p.heading for p in ps if p.level == "item"] == ["- بند في الفصل"]
    covered = sorted(n for p in ps if p.level != "section" or p is section for n in range(p.first, p.last + 1))
    assert covered == list(range(1, 63)), "every line in exactly one passage besides the section's opening"


def test_a_heading_over_paragraphs_longer_than_an_answer_gives_each_paragraph_its_own_passage() -> None:
    # Five paragraphs of 90 words under one heading: 450 words, under MAX_TITLED_WORDS, but some
    # 3,000 characters, more than a student is given as an answer.
    paragraphs = [f"الفقرة {n} تروي احداث العصر وتذكر اسماء الحكام والمدن " * 9 for n in range(5)]
    text = "الدولة الاموية في الاندلس\n\n" + "\n\n".join(paragraphs) + "\n"
    ps = split_passages(text, "history.txt")
    assert len(text) > MAX_ANSWER_CHARS and all(len(p.text) <= MAX_ANSWER_CHARS for p in ps)
    assert ps[0].heading == "الدولة الاموية في الاندلس"
    for paragraph in paragraphs:
        assert any(paragraph.strip() in p.text for p in ps)


def test_an_item_with_its_own_sub_list_does_not_cut_its_list_short() -> None:
    text = ("### اسباب النسيان\n- التلاشي: ضعف اثر المعلومة بمرور الوقت.\n"
            "- التداخل: تعارض المعلومات مع بعضها، وله نوعان:\n  - التداخل القبلي: القديمة تعيق الجديدة.\n"
            "  - التداخل البعدي: الجديدة تعيق القديمة.\n- فشل الاسترجاع: المعلومة موجودة لكن لا نجد المفتاح.\n")
    ps = split_passages(text, "memory.md")
    causes = next(p for p in ps if p.heading == "### اسباب النسيان")
    assert "فشل الاسترجاع" in causes.text and "التداخل البعدي" in causes.text
    assert [p.heading.split(":")[0] for p in ps if p.parent == ps.index(causes)] == ["- التلاشي", "- فشل الاسترجاع"]
    # The item listing sub-items is a section over them, within the list.
    interference = next(p for p in ps if p.heading.startswith("- التداخل:"))
    assert interference.level == "section" and interference.section == ("### اسباب النسيان", interference.heading)
    assert [p.heading.split(":")[0] for p in ps if p.parent == ps.index(interference)] == [
        "- التداخل القبلي", "- التداخل البعدي"]


def test_a_nested_list_is_a_tree_of_sections_and_items() -> None:
    """Notes written as one nested list under a title: a bullet listing sub-bullets heads them
    at any depth, and a less indented bullet after them is its sibling, not their item."""
    text = ("# علم الجريمة\n\n- **مفهوم الجريمة**: لا يوجد تعريف واحد.\n"
            "  - **التعريف القانوني**: فعل يجرمه القانون.\n  - **أركان الجريمة**: ثلاثة أركان:\n"
            "    - **الركن الشرعي**: نص يجرم الفعل.\n    - **الركن المادي**: السلوك الخارجي.\n"
            "  - **تصنيف الجرائم**: ثلاثة أقسام:\n    - **الجنايات**: أخطر الجرائم.\n    - **الجنح**: متوسطة.\n"
            "  - **علاقته بالعلوم الأخرى**: علوم كثيرة.\n")
    ps = split_passages(text, "t.md")
    by_heading = {p.heading.strip(" -*").split("**")[0]: p for p in ps}
    assert by_heading["تصنيف الجرائم"].level == "section" and by_heading["تصنيف الجرائم"].last == 10
    assert by_heading["علاقته بالعلوم الأخرى"].level == "item"
    assert ps[by_heading["علاقته بالعلوم الأخرى"].parent] is by_heading["مفهوم الجريمة"]
    assert ps[by_heading["الجنح"].parent] is by_heading["تصنيف الجرائم"]


def test_dashed_headings_nest_under_starred_ones_and_numbering_restarts_under_them() -> None:
    text = ("* تعريف الدافعية :\nالدافعية قوة تحرك الطالب نحو هدفه.\n- انواعها:\n* داخلية : حب المادة\n"
            "* خارجية : العلامة\n\n* تقنية بومودورو :\nطريقة لادارة الوقت:\n1) تدرس 25 دقيقة\n2) تستريح 5 دقائق\n")
    ps = split_passages(text, "study.txt")
    kinds = next(p for p in ps if p.heading == "- انواعها:")
    assert kinds.section == ("* تعريف الدافعية :", "- انواعها:")
    assert [p.heading for p in ps if p.parent == ps.index(kinds)] == ["* داخلية : حب المادة", "* خارجية : العلامة"]
    pomodoro = next(p for p in ps if p.heading == "* تقنية بومودورو :")
    assert pomodoro.section == ("* تقنية بومودورو :",), "a star heading is the sibling of the open star heading"
    assert [p.heading for p in ps if p.parent == ps.index(pomodoro)] == ["1) تدرس 25 دقيقة", "2) تستريح 5 دقائق"]


def test_a_line_introducing_sub_headings_heads_them_all() -> None:
    """«العوامل المؤثرة على الامتصاص:» over «- خصائص الدواء:» and «- خصائص المريض:»: the
    introducing line is a section of both lists (none of its lines is lost), and each list is
    still a section of its own."""
    text = ("### 1. الامتصاص\nالامتصاص: انتقال الدواء الى الدم.\n\nالعوامل المؤثرة على الامتصاص:\n"
            "- خصائص الدواء:\n  - الذوبان في الدهون.\n  - درجة التأين.\n"
            "- خصائص المريض:\n  - مساحة سطح الامتصاص.\n  - وجود الطعام في المعدة.\n\nنص بعد القائمة.\n")
    ps = split_passages(text, "t.md")
    sections = [(p.heading, p.first, p.last) for p in ps if p.level == "section"]
    assert sections == [("### 1. الامتصاص", 1, 12), ("### 1. الامتصاص", 1, 2), ("العوامل المؤثرة على الامتصاص:", 4, 10),
                        ("- خصائص الدواء:", 5, 7), ("- خصائص المريض:", 8, 10)]
    assert [p.parent for p in ps if p.heading == "- درجة التأين."] == [ps.index(
        next(p for p in ps if p.heading == "- خصائص الدواء:"))]


def test_a_short_slide_over_headed_bullets_is_also_one_section() -> None:
    """A slide whose bullets «- 2. الاختبار:» head points of their own: each keeps its points,
    and the slide is one section, so «ما هي مراحل …» finds every stage in one passage."""
    text = ("# مراحل تطوير البرمجيات\n- 1. التحليل: جمع المتطلبات\n  - مقابلات مع المستخدمين\n"
            "- 2. الاختبار:\n  - اختبار الوحدات\n- 3. الصيانة: تصحيح الأخطاء بعد التسليم\n\n# الخلاصة\nنص.\n")
    ps = split_passages(text, "t.pptx")
    sections = [(p.heading, p.first, p.last) for p in ps if p.level == "section"]
    assert ("# مراحل تطوير البرمجيات", 1, 6) in sections
    assert [(p.first, p.last) for p in ps if p.heading == "- 2. الاختبار:"] == [(4, 5)]


def test_a_chain_of_introducing_lines_stays_shallow() -> None:
    """Hostile input: thousands of «N- …» headings and colon lines cost linear work and depth."""
    text = "\n".join(f"عنوان رقم {i}:\n5- بند {i}\n- عنصر" for i in range(3000))
    ps = split_passages(text, "t.txt")
    assert max(len(p.section) for p in ps) <= 4


def test_a_list_nested_a_thousand_deep_is_read_to_a_bounded_depth() -> None:
    """Hostile input: each bullet one space deeper than the one before, then back out. Only the
    first levels become sections (a recursion as deep as the list failed with RecursionError)."""
    depth = 1200
    lines = [" " * k + "- بند" for k in range(depth)] + [" " * k + "- اخر" for k in reversed(range(depth))]
    ps = split_passages("# عنوان\n" + "\n".join(lines), "t.txt")
    assert max(len(p.section) for p in ps) <= 1 + MAX_NESTED_SECTIONS
    assert max(p.last for p in ps) == 2 * depth + 1


def test_colon_lines_written_with_a_dash_or_twice_head_their_block() -> None:
    """«القدرة الكهربائيه::» and «قانون أوم:-» opening a block head it, and the line right
    under one («… الفكرة:») introduces its list."""
    text = ("قانون أوم:-\nقانون اوم بيقول ان شدة التيار المار في موصل بتتناسب طردياً مع فرق الجهد بين طرفيه.\n\n"
            "القدرة الكهربائيه::\nP = V × I ووحدتها الوات (W)\n\n"
            "قوانين كيرشوف::\nلازم نعرف الفكرة:\n١- قانون التيار (KCL).\n٢- قانون الجهد (KVL).\n")
    sections = {p.heading: (p.first, p.last) for p in split_passages(text, "t.txt") if p.level == "section"}
    assert sections == {"قانون أوم:-": (1, 2), "القدرة الكهربائيه::": (4, 5), "قوانين كيرشوف::": (7, 10)}


def test_an_aspect_heading_under_a_colon_heading_is_its_aspect() -> None:
    """«خصائصها::» right under «توصيل المقاومات على التوالي:-» and its line of text names an
    aspect of it: it stands in its path, and the heading, its text and its aspects are also read
    as one section; the next aspect («عيوبها:») is its sibling, not its child."""
    text = ("## الدارات الكهربائية\n\nتوصيل المقاومات على التوالي:-\nيعني المقاومات ورا بعض في مسار واحد.\n"
            "خصائصها::\n١- التيار واحد في كل المقاومات.\n٢- المقاومة المكافئة = مجموع المقاومات.\n"
            "عيوبها:\n١- لو مقاومة اتحرقت الدارة كلها بتفصل.\n\n"
            "توصيل المقاومات على التوازي:-\nكل مقاومة ليها فرع لحالها.\n")
    ps = split_passages(text, "t.txt")
    series = "توصيل المقاومات على التوالي:-"
    sections = [(p.heading, p.first, p.last) for p in ps if p.level == "section"]
    assert sections == [("## الدارات الكهربائية", 1, 12), (series, 3, 9), (series, 3, 4), ("خصائصها::", 5, 7),
                        ("عيوبها:", 8, 9), ("توصيل المقاومات على التوازي:-", 11, 12)]
    assert [p.section[1:] for p in ps if p.heading in ("خصائصها::", "عيوبها:")] == [
        (series, "خصائصها::"), (series, "عيوبها:")]


def test_a_term_glossed_in_latin_letters_is_a_topic_not_an_aspect() -> None:
    """«النبض (Pulse) :-» after «درجة الحرارة (Temperature) ::» is the next topic: an aspect is a
    common word («خصائصها::») a lecture does not gloss in English."""
    text = ("درجة الحرارة (Temperature) ::\n* الطبيعي للبالغ من 36.5 لـ 37.5 درجة مئوية.\n\n"
            "النبض (Pulse) :-\n* المعدل الطبيعي من 60 لـ 100 نبضة في الدقيقة.\n")
    sections = [(p.heading, p.first, p.last) for p in split_passages(text, "t.txt") if p.level == "section"]
    assert sections == [("درجة الحرارة (Temperature) ::", 1, 2), ("النبض (Pulse) :-", 4, 5)]


@pytest.mark.parametrize("arrow", ["->", "=>", "-->", "→"])
def test_arrows_typed_for_bullets_are_list_items(arrow: str) -> None:
    """«-> ضغط الدم …» is the last item of its list, not a heading over the note after it."""
    text = (f"العلامات الأربعة الأساسية :-\n{arrow} درجة الحرارة (Temperature)\n{arrow} النبض (Pulse)\n"
            f"{arrow} ضغط الدم (Blood Pressure) وده بيتقاس بالسماعة والجهاز\n* في كتب بتضيف الألم كعلامة خامسة.\n")
    ps = split_passages(text, "t.txt")
    assert [(p.heading, p.first, p.last) for p in ps if p.level == "section"] == [
        ("العلامات الأربعة الأساسية :-", 1, 5)]
    assert strip_marker(f"{arrow} النبض (Pulse)") == "النبض (Pulse)"


def test_a_line_underlined_with_equals_or_dashes_is_a_heading() -> None:
    """Notes typed in a plain editor underline their headings («=====», «-----», Markdown's
    setext headings); a rule after a blank line only separates parts."""
    text = ("1) نمط Singleton\n================\nده من الانماط الانشائية، الفكرة انو يكون للكلاس نسخة وحدة بس.\n\n"
            "S - مبدأ المسؤولية الواحدة\n--------------------------\nالكلاس يكون عندو سبب واحد بس للتغيير.\n\n"
            "-----\nخاتمة الملخص: راجعوا الامثلة كويس قبل الامتحان يا شباب.\n")
    ps = split_passages(text, "t.txt")
    sections = [(p.heading, p.first, p.last) for p in ps if p.level == "section"]
    assert sections[1] == ("1) نمط Singleton", 1, 3) and sections[2][:2] == ("S - مبدأ المسؤولية الواحدة", 5)
    assert not any("=====" in p.text or "-----" in p.text for p in ps)


@pytest.mark.parametrize("rule", ["~~~~~~~~~~~~~~~~~~~", "________________________", "*****************", "─────────"])
def test_a_line_underlined_with_tildes_underscores_stars_or_a_box_rule_is_a_sibling_of_dashed_ones(rule: str) -> None:
    """Notes underline some headings «~~~~», «____» or «****» and others «----»: both are
    sections of one level."""
    text = (f"مقدمة عن التربية الخاصة\n{rule}\nاربع قواعد.\n\n"
            "خامسا: انواع الضرائب\n--------------------\nمباشرة وغير مباشرة.\n")
    ps = split_passages(text, "t.txt")
    assert [p.section for p in ps if p.level == "section"] == [("مقدمة عن التربية الخاصة",), ("خامسا: انواع الضرائب",)]
    assert not any(rule[:3] in p.text for p in ps)


def test_a_sum_rule_under_an_account_heads_nothing() -> None:
    """An account laid out in columns rules its figures off before the total: «(22,000)» and
    «صافي الربح      17,000» over «--------» / «========» are rows, not headings."""
    text = ("7-2 قائمة الدخل\n"
            "    الإيرادات: المبيعات                          39,000\n"
            "    (-) المصروفات                               (22,000)\n"
            "                                                --------\n"
            "    صافي الربح                                   17,000\n"
            "                                                ========\n\n"
            "7-3 الفرق بين القائمتين\n"
            "قائمة الدخل تغطي فترة، وقائمة المركز المالي صورة في تاريخ محدد.\n")
    ps = split_passages(text, "t.txt")
    assert section_headings(ps) == ["7-2 قائمة الدخل", "7-3 الفرق بين القائمتين"]
    assert all(len(p.section) == 1 for p in ps)


def test_a_table_belongs_to_the_section_that_introduces_it() -> None:
    """A Word table's header row heads the table inside the open section: «6. مقارنة …» and its
    «يلخص الجدول التالي:» stay the table's section, so its comparison is one passage."""
    text = ("5. احتكار القلة\nسوق فيها عدد قليل من المنشآت الكبيرة يعتمد بعضها على بعض.\n\n"
            "6. مقارنة بين المنافسة الكاملة والاحتكار\nيلخص الجدول التالي أهم أوجه الاختلاف:\n\n"
            "وجه المقارنة | المنافسة الكاملة | الاحتكار\n"
            "- عدد البائعين: المنافسة الكاملة: عدد كبير | الاحتكار: بائع واحد\n"
            "- السيطرة على السعر: المنافسة الكاملة: متلقية للسعر | الاحتكار: صانع للسعر\n")
    ps = split_passages(text, "t.txt")
    table = next(p for p in ps if p.heading == "وجه المقارنة | المنافسة الكاملة | الاحتكار")
    assert table.section == ("6. مقارنة بين المنافسة الكاملة والاحتكار", table.heading)
    spans = [(p.first, p.last) for p in ps if p.heading == "6. مقارنة بين المنافسة الكاملة والاحتكار"]
    assert spans == [(4, 9), (4, 5)]


def test_rows_of_a_table_typed_with_ascii_rules_are_rows() -> None:
    """In a table typed in a plain editor, a row opening with a figure («18.5 - 24.9 | …») is no
    numbered heading, and a row under the «-----|-----» rule heads nothing: no row is lost."""
    text = ("مقدمة\nمؤشر كتلة الجسم مقياس بسيط يستخدم لتقدير ما إذا كان وزن الشخص مناسباً لطوله عند البالغين.\n\n"
            "تصنيف منظمة الصحة العالمية للبالغين:\n"
            " قيمة BMI         | التصنيف\n"
            "------------------|-------------------\n"
            " أقل من 18.5      | نقص الوزن (نحافة)\n"
            " 18.5 - 24.9      | وزن طبيعي\n"
            " 25 - 29.9        | زيادة في الوزن\n"
            " 30 فأكثر         | سمنة\n")
    ps = split_passages(text, "t.txt")
    assert [(p.heading, p.first, p.last) for p in ps if p.level == "section"] == [
        ("مقدمة", 1, 2), ("تصنيف منظمة الصحة العالمية للبالغين:", 4, 10)]
    assert any("وزن طبيعي" in p.text and p.level == "item" for p in ps)


def test_text_after_a_list_stays_under_its_markdown_heading() -> None:
    """A Markdown heading's section runs to the next heading: text after a bold label's list is a
    paragraph of it, and the next bold label stands under it too."""
    text = ("### ثالثاً: العمارة الرومانية\n\nأخذ الرومان كثيراً من الإغريق لكنهم كانوا مهندسين عمليين.\n\n"
            "**الخصائص:**\n- استخدام القوس نصف الدائري.\n- القبو والقبة.\n\n"
            "امتاز الرومان أيضاً بالهندسة المدنية فقد بنوا شبكة طرق مرصوفة.\n\n"
            "**أهم المباني:**\n- البانثيون في روما.\n- الكولوسيوم.\n")
    ps = split_passages(text, "t.md")
    top = "### ثالثاً: العمارة الرومانية"
    assert {p.section for p in ps} == {(top,), (top, "**الخصائص:**"), (top, "**أهم المباني:**")}
    assert any(p.level == "paragraph" and p.section == (top,) and "الهندسة المدنية" in p.text for p in ps)


def test_a_bullet_over_a_list_of_another_mark_heads_it() -> None:
    """Notes whose bullets are the topics and arrows (or other bullets) the points: «• X» after a
    blank line over «=> …» heads them; a list of one mark stays a list."""
    ps = split_passages("• مصادر المياه\n=> المياه السطحية: الانهار والبحيرات.\n=> المياه الجوفية: الابار.\n"
                        "يعني هون المهم: الجوفية بدها معالجة اقل.\n\n• الترويب والتلبيد (Coagulation)\n"
                        "=> الجسيمات الغروية صغيرة وعليها شحنة سالبة.\n=> المروب يعادل الشحنة.\n\n"
                        "- الشبة\n- كلوريد الحديديك\n", "t.txt")
    assert section_headings(ps) == ["• مصادر المياه", "• الترويب والتلبيد (Coagulation)"]
    assert not any(p.heading == "- الشبة" and p.level == "section" for p in ps)


def test_a_rule_under_a_block_of_lines_heads_nothing() -> None:
    """A summary's opening block closed by «=====» is no heading over the whole file (its last
    line would be every passage's title); a framed line («=====» above and below) is one."""
    text = ("ملخص علم الأوبئة - كورس EPI 301\nمسويته من محاضرات الدكتوره\n"
            "الملخص يغطي الميد والفاينل بس\n==============================\n\n"
            "مقدمة وتعريفات\nعلم الأوبئة هو دراسة توزيع ومحددات الحالات الصحية في مجموعات سكانية محددة وتطبيق هالدراسة.\n\n"
            "==========\nالباب الأول: في البيع\n==========\nالبيع مبادلة مال بمال على سبيل التمليك والتملك.\n")
    ps = split_passages(text, "t.txt")
    assert not any("الفاينل" in " ".join(p.section) for p in ps if "الفاينل" not in p.text)
    assert any(p.heading == "الباب الأول: في البيع" for p in ps)
    assert not any("=====" in p.text for p in ps)


@pytest.mark.parametrize("framed", ["[[ مثلث الوبائيات ]]", "【 مثلث الوبائيات 】", "== مثلث الوبائيات ==",
                                    "-- مثلث الوبائيات --", "*** مثلث الوبائيات ***", "<< مثلث الوبائيات >>"])
def test_a_line_framed_by_marks_is_a_heading(framed: str) -> None:
    """Notes typed without styles set a heading apart with marks on both sides; the section
    below it holds its text and its list, and its topic is the words inside the frame."""
    text = (f"{framed}\nالمرض يصير لما تتفاعل ثلاث عناصر مع بعض:\n* العامل المسبب (Agent)\n* المضيف (Host)\n\n"
            "[[ طرق انتقال العدوى ]]\nالانتقال المباشر باللمس او الرذاذ.\n")
    ps = split_passages(text, "t.txt")
    sections = [p for p in ps if p.level == "section"]
    assert sections[0].heading == framed and sections[0].first == 1 and "المضيف" in sections[0].text
    assert heading_topic(framed) == "مثلث الوبائيات"


@pytest.mark.parametrize("line", ["**الأصول = الخصوم + حقوق الملكية**", "[1] ابن قدامة، المغني", "=========="])
def test_emphasis_a_reference_or_a_rule_is_no_framed_heading(line: str) -> None:
    assert not any(p.heading == line and p.level == "section" for p in split_passages(f"{line}\nنص الفقرة هنا.\n", "t.txt"))


def test_words_bullets_pasted_as_plain_text_are_items() -> None:
    """Word's second-level bullet pasted into a text file is the letter «o» (its Courier glyph),
    before Arabic or a formula: the items stay under the bullet that introduces them."""
    text = ("القسم 1 : الطاقة والـ ATP\n"
            "• العضلة ما بتقدر تستخدم الأكل مباشرة، هي بتشتغل على مركب واحد بس اسمه ATP.\n"
            "• عشان هيك الجسم لازم يعيد بناء الـ ATP بشكل مستمر عن طريق تلات أنظمة للطاقة:\n"
            "   o نظام الفوسفاجين ATP-PC\n   o نظام التحلل السكري اللاهوائي (الجلايكولزي)\n"
            "   o النظام الهوائي (الأكسدة) Aerobic / Oxidative system\n"
            "• ملاحظة: الأنظمة التلاتة بتشتغل مع بعض دايماً.\n\n"
            "القسم 3 : الاستجابة القلبية\n• النتاج القلبي Q (Cardiac Output):\n   o Q = HR × SV\n"
            "   o بالراحة تقريباً 5 لتر/دقيقة\n")
    ps = split_passages(text, "t.txt")
    assert any(all(s in p.text for s in ("تلات أنظمة", "الفوسفاجين", "الجلايكولزي", "الأكسدة")) for p in ps)
    assert any(all(s in p.text for s in ("النتاج القلبي", "Q = HR × SV", "5 لتر")) for p in ps)
    assert not any(p.heading.strip().startswith("o ") and p.level == "section" for p in ps)


def test_chat_notes_star_headings_and_keycap_numbers() -> None:
    """Notes typed on a phone frame headings in «⭐ … ⭐» and number items with keycap digits."""
    text = ("⭐ عناصر المكافحة المتكاملة ⭐\n"
            "1️⃣ المكافحة الزراعية:\n✅ الدورة الزراعية.\n✅ الحرث العميق.\n"
            "2️⃣ المكافحة الحيوية:\n✅ المفترسات: مثل الدعسوقة.\n")
    ps = split_passages(text, "t.txt")
    assert [(p.level, p.first, p.last) for p in ps] == [("section", 1, 6), ("item", 2, 4), ("item", 5, 6)]
    assert strip_marker(ps[1].heading) == "المكافحة الزراعية:"


def test_dashes_under_a_numbered_item_are_its_points() -> None:
    """Notes typed without indents nest by the mark: «6) اختبار A/B:» over «- …» lines is one
    item of two points, then the next number starts the next item."""
    ps = split_passages("=== 4. التسويق بالبريد ===\n\n5) التقسيم Segmentation:\n- تقسيم القائمة لمجموعات حسب العمر.\n"
                        "- كل مجموعة توصلها رسالة تناسبها.\n\n6) اختبار A/B:\n- ترسل نسختين من الإيميل لعينة صغيرة.\n"
                        "- لازم تغير عنصر واحد بس كل مرة.\n7) أخطاء شائعة في الإيميل\n", "t.txt")
    ab = next(p for p in ps if p.heading == "6) اختبار A/B:")
    assert ab.level == "section" and "ترسل نسختين" in ab.text and "لازم تغير عنصر واحد" in ab.text
    assert "أخطاء شائعة" not in ab.text
    points = [p for p in ps if p.parent == ps.index(ab)]
    assert [p.text[:8] for p in points] == ["- ترسل ن", "- لازم ت"]


def test_plus_topics_with_double_dash_points_and_headings_without_a_space() -> None:
    """«##المضادات الحيوية» is a heading; «+ …» lines are its topics and «-- …» their points, a
    topic longer than a heading or without a colon included."""
    ps = split_passages("##المضادات الحيوية\n+ تصنيف المضادات حسب طريقة عملها:\n-- تثبيط بناء جدار الخلية.\n"
                        "-- تثبيط تصنيع البروتين.\n+ حساسية البنسلين Penicillin allergy\n-- لازم نسأل المريض قبل ما نصرف.\n"
                        "-- البديل الشائع azithromycin.\n##ادوية الضغط\n+ الضغط الطبيعي اقل من 120/80\n", "t.txt")
    assert ps[0].section == ("##المضادات الحيوية",)
    allergy = next(p for p in ps if p.heading == "+ حساسية البنسلين Penicillin allergy")
    assert allergy.level == "section" and "البديل الشائع" in allergy.text and "جدار الخلية" not in allergy.text
    assert any(p.section == ("##ادوية الضغط",) for p in ps)
    assert not any(p.heading.startswith("#") and p.level != "section" for p in ps)


def test_a_formula_set_apart_stays_with_the_text_introducing_it() -> None:
    """An indented formula line is no heading over the next paragraph; it stays with the
    paragraph that introduces it. A bold label ending in a colon heads its list."""
    text = ("## التجربة (2): الانكسار\n\n" + "الانكسار هو تغير اتجاه الضوء عند انتقاله بين وسطين شفافين. " * 40 + "\n\n"
            "وينص قانون سنل على أن حاصل ضرب معامل الانكسار في جيب الزاوية ثابت:\n\n    n1 sin θ1 = n2 sin θ2\n\n"
            "عندما ينتقل الضوء من وسط أقل كثافة الى وسط أكبر كثافة ينكسر مقتربا من العمود.\n\n"
            "**الأدوات:**\n\n- متوازي مستطيلات زجاجي\n- صندوق ضوئي بشق واحد\n")
    ps = split_passages(text, "t.md")
    assert not any("n1 sin" in p.heading for p in ps)
    snell = next(p for p in ps if "وينص قانون سنل" in p.text and p.level == "paragraph")
    assert snell.text.endswith("n1 sin θ1 = n2 sin θ2")
    assert "**الأدوات:**" in section_headings(ps)


def test_the_text_after_a_table_is_its_sections_again() -> None:
    text = ("# الفصل الثالث: الاختبارات\n3-4 أنواع الاختبارات: يوضح الجدول التالي أهم الأنواع.\n\n"
            "نوع الاختبار | المزايا\n- المقالية: المزايا: تقيس التفكير\n- الموضوعية: المزايا: سهلة التصحيح\n\n"
            "3-6 تحليل فقرات الاختبار: بعد تطبيق الاختبار يحسب المعلم معامل الصعوبة.\n")
    ps = split_passages(text, "t.txt")
    analysis = next(p for p in ps if p.text.startswith("3-6"))
    assert analysis.section == ("# الفصل الثالث: الاختبارات",)
