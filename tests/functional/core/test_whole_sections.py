"""A heading over sub-sections is also one section of them all when short: a list or a
comparison asked of its introduction, which lists nothing, gets the whole."""

from pathlib import Path

from chatbot.qa.engine import open_engine

LECTURE = """# الصلاة
## اولا: تعريف الصلاة
الصلاة لغة الدعاء، وشرعا اقوال وافعال مخصوصة مفتتحة بالتكبير مختتمة بالتسليم.

## ثانيا: شروط الصلاة
الشرط ما يلزم من عدمه العدم، والفرق بين الشرط والركن ان الشرط خارج عن ماهية الصلاة.
وشروط الصلاة نوعان: شروط وجوب وشروط صحة.
وشروط الصحة هي:
1/ الطهارة من الحدثين الاصغر والاكبر.
2/ ستر العورة بما لا يصف البشرة.
3/ استقبال القبلة الا في حالة العجز.

## ثالثا: اركان الصلاة
القيام مع القدرة، وتكبيرة الاحرام، وقراءة الفاتحة، والركوع والسجود.
"""


def test_a_list_asked_of_an_introduction_gets_the_heading_whole(tmp_path: Path) -> None:
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "fiqh.md").write_text(LECTURE, encoding="utf-8")
    reply = open_engine(corpus, tmp_path / "index", semantic=False).ask("ما هي شروط صحة الصلاة؟")
    assert reply.answer is not None
    passage = reply.answer.passage
    assert passage.heading == "## ثانيا: شروط الصلاة" and "ستر العورة" in passage.text
