"""A grammar lecture is about words other lectures drop as function words: «كان», «إنّ», «لكنّ»."""

from pathlib import Path

from chatbot.qa.engine import open_engine

GRAMMAR = """# النواسخ
## كان وأخواتها
كان وأخواتها أفعال ناقصة تدخل على المبتدأ والخبر فترفع المبتدأ ويسمى اسمها وتنصب الخبر ويسمى خبرها.
6/ «كان» تفيد اتصاف الاسم بالخبر في الزمن الماضي.
7/ «صار» تفيد التحول من حال إلى حال.
## إن وأخواتها
إن وأخواتها حروف مشبهة بالفعل تنصب المبتدأ ويسمى اسمها وترفع الخبر ويسمى خبرها.
13/ «إنّ» تفيد التوكيد أي تقوية نسبة الخبر إلى المبتدأ.
15/ «لكنّ» تفيد الاستدراك وهو تعقيب الكلام بنفي ما يتوهم ثبوته.
16/ «ليت» تفيد التمني.
"""


def test_a_grammar_lecture_answers_questions_about_its_function_words(tmp_path: Path) -> None:
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "nahw.md").write_text(GRAMMAR, encoding="utf-8")
    engine = open_engine(corpus, tmp_path / "index", semantic=False)
    assert engine.index.params["named"] == ["ان", "كان", "لكن"]
    reply = engine.ask("ماذا تفيد لكن؟")
    assert reply.answer is not None and "الاستدراك" in reply.answer.passage.text
    reply = engine.ask("شو بتفيد إن")
    assert reply.answer is not None and "التوكيد" in reply.answer.passage.text


def test_other_lectures_name_no_function_word(tmp_path: Path) -> None:
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "t.md").write_text("# الشبكات\nقال الطفل «لا» ثم قال «لا» مرة أخرى.\n", encoding="utf-8")
    assert open_engine(corpus, tmp_path / "index", semantic=False).index.params["named"] == []
