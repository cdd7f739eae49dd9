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
