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
    engine = open_engine(corpus, tmp_path / "index", semantic=False)
    reply = engine.ask("ما هي شروط الصلاة؟")
    assert reply.answer is not None
    passage = reply.answer.passage
    assert passage.heading == "## ثانيا: شروط الصلاة" and "ستر العورة" in passage.text
    # The conditions of validity alone are the list under «وشروط الصحة هي:».
    reply = engine.ask("ما هي شروط صحة الصلاة؟")
    assert reply.answer is not None
    passage = reply.answer.passage
    assert passage.heading == "وشروط الصحة هي:" and "ستر العورة" in passage.text



DEV = Path(__file__).resolve().parents[2] / "data" / "dev"


def test_a_comparison_asked_of_one_side_gets_the_section_holding_both(tmp_path: Path) -> None:
    """Sudanese notes (development set h58) list «o صعوبات نمائية: …» and «o صعوبات اكاديمية:
    …، وهي:» over its own list, under «• انواعها الاساسية:». The section of one side gives way
    to the section around it that names the other side too."""
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    notes = "SD_special_education.txt"
    (corpus / notes).write_bytes((DEV / "h58" / "corpus" / notes).read_bytes())
    reply = open_engine(corpus, tmp_path / "index", semantic=False).ask("الفرق بين الصعوبات النمائية والاكاديمية")
    assert reply.answer is not None
    text = reply.answer.passage.text
    assert "صعوبات نمائية" in text and "صعوبات اكاديمية" in text
