"""A definition asked «في» a place («ما معنى X في Y») asks to define X: Y only says where."""

from pathlib import Path

from chatbot.qa.engine import open_engine

SECURITY = """# امن المعلومات
## تعريف امن المعلومات
امن المعلومات هو حماية المعلومات وانظمة المعلومات من الوصول غير المصرح به، وحماية سرية المعلومات وسلامة المعلومات.
## مبادئ امن المعلومات
- السرية: عدم كشف البيانات الا للمخولين بالاطلاع عليها.
- السلامة: عدم تعديل البيانات دون اذن.
- التوافر: وصول المستخدمين الى البيانات عند الحاجة.
"""


def test_a_term_defined_within_the_lectures_topic(tmp_path: Path) -> None:
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "security.md").write_text(SECURITY, encoding="utf-8")
    reply = open_engine(corpus, tmp_path / "index", semantic=False).ask("ما هي السرية في امن المعلومات")
    assert reply.answer is not None and "عدم كشف البيانات" in reply.answer.passage.text


CHAPTER = """# الزلازل
## تعريف الزلزال
الزلزال اهتزاز مفاجئ لسطح الارض ينتج عن تحرر طاقة في باطنها.
## قياس الزلازل
تقاس الزلازل بمقياسين:
1- القوة
يقيسها مقياس ريختر اي مقدار الطاقة المتحررة من الزلزال.
2- الشدة
يقيسها مقياس ميركالي اعتمادا على الاضرار التي يحدثها الزلزال.
## البراكين
البركان فتحة في القشرة الارضية تخرج منها الصهارة والغازات.
## انواع البراكين
- البراكين النشطة: تثور باستمرار او على فترات متقاربة.
- البراكين الخامدة: لم تثر منذ زمن طويل لكنها قد تثور.
## الصفائح التكتونية
الغلاف الصخري مقسم الى صفائح تتحرك فوق طبقة لدنة من الوشاح.
## الحدود بين الصفائح
- الحدود المتباعدة: تبتعد فيها الصفيحتان.
- الحدود المتقاربة: تقترب فيها الصفيحتان.
"""


def test_a_section_holds_the_words_of_its_items(tmp_path: Path) -> None:
    """A section is indexed by its outline but shown whole: the words its items explain with
    are its own, so a comparison answered by it is not declined for lack of them."""
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "quakes.md").write_text(CHAPTER, encoding="utf-8")
    engine = open_engine(corpus, tmp_path / "index", semantic=False)
    reply = engine.ask("ما الفرق بين مقياس ريختر ومقياس ميركالي؟")
    assert reply.answer is not None and "الاضرار" in reply.answer.passage.text
    assert reply.evidence.held == 1.0
