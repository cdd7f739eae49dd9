"""An English term typed into an Arabic question is searched as the Arabic words a lecture
writes for it (chatbot/text/data/english.txt), one way only."""

from pathlib import Path

from lecture_files import engine_over
from chatbot.qa.query import TermOrigin, read_query

SECURITY = """# أمن الشبكات
## أنواع الهجمات
الهجوم هو محاولة غير مصرح بها للوصول إلى النظام أو تعطيله، ومن أشهر الهجمات هجوم حجب الخدمة الذي يغرق الخادم بالطلبات.
## الجدار الناري
الجدار الناري نظام يراقب حركة البيانات ويمنع الاتصالات غير المسموح بها وفق قواعد يحددها المسؤول.
## التشفير
التشفير تحويل البيانات إلى صيغة لا يفهمها إلا من يملك المفتاح، ويحمي سرية البيانات أثناء نقلها.
"""


def _engine(tmp_path: Path):
    return engine_over(tmp_path, "security.md", SECURITY)


def test_an_english_term_finds_the_lectures_arabic_word(tmp_path: Path) -> None:
    engine = _engine(tmp_path)
    reply = engine.ask("ايش هو الـ attack")
    assert reply.answer is not None and reply.answer.passage.heading == "## أنواع الهجمات"
    reply = engine.ask("what are the attacks")  # the plural, as typed
    assert reply.answer is not None and reply.answer.passage.heading == "## أنواع الهجمات"


def test_the_arabic_words_of_one_english_word_are_no_synonyms_of_each_other(tmp_path: Path) -> None:
    # «attack» → «هجوم هجمات»: an Arabic question about «الهجوم» does not search «هجمات» for it.
    engine = _engine(tmp_path)
    query = read_query("ما هو الهجوم", engine.index.fields["word"], engine.speller, engine.extra_synonyms,
                       engine.settings, engine.named)
    assert {t.origin for t in query.terms if t.word == "الهجوم"} == {TermOrigin.EXACT}
