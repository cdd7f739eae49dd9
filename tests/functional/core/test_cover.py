"""A lecture's cover (title slide, title page) says which lecture this is, never what it
teaches: a question about the lecture's subject gets the passage that explains it."""

from pathlib import Path

from chatbot.qa.engine import open_engine

LECTURE = """# الخلية: وحدة بناء الكائنات الحية
مقرر علم الاحياء العام - المحاضرة الثانية
د. احمد محمود

## تعريف الخلية
الخلية هي اصغر وحدة تركيبية ووظيفية في الكائن الحي قادرة على القيام بجميع العمليات الحيوية.

## انواع الخلايا
1/ الخلايا بدائية النواة: لا تحتوي على نواة حقيقية مثل البكتيريا.
2/ الخلايا حقيقية النواة: تحتوي على نواة محاطة بغشاء مثل خلايا الحيوان والنبات.
"""


def test_a_question_on_the_lectures_subject_gets_its_explanation_not_the_cover(tmp_path: Path) -> None:
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "cells.md").write_text(LECTURE, encoding="utf-8")
    engine = open_engine(corpus, tmp_path / "index")
    reply = engine.ask("ما هي الخلية")
    assert reply.answer is not None and reply.answer.passage.heading == "## تعريف الخلية"


def test_a_short_line_of_the_body_is_not_a_cover(tmp_path: Path) -> None:
    """«المادة» is matter in a chemistry lecture, not a course: its definition is an answer."""
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "chem.md").write_text(
        "# مقدمة في الكيمياء\nمقرر الكيمياء العامة - المحاضرة الأولى\n\n"
        "## المادة\nالمادة هي كل ما له كتلة ويشغل حيزا من الفراغ.\n\n"
        "## حالات المادة\n1/ الصلبة: لها شكل وحجم ثابتان.\n2/ السائلة: لها حجم ثابت وشكل متغير.\n",
        encoding="utf-8")
    reply = open_engine(corpus, tmp_path / "index").ask("ما هي المادة")
    assert reply.answer is not None and reply.answer.passage.heading == "## المادة"
