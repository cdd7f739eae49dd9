"""A definition question's asking word («المقصود», «معنى») is no word the answer must hold:
«- المناخ: متوسط حالة الجو …» defines «المناخ» without saying «المقصود»."""

from pathlib import Path

from chatbot.qa.engine import open_engine

CLIMATE = """# التغير المناخي: الأسباب والآثار
# مقدمة: ما هو التغير المناخي؟
- التغير المناخي (Climate Change): تغير طويل الأمد في أنماط المناخ
- يقاس على مدى عقود وليس أيام أو شهور
- الطقس (Weather): حالة الجو خلال فترة قصيرة
- المناخ: متوسط حالة الجو لمدة 30 سنة تقريبا
# مكونات الغلاف الجوي
- النيتروجين يشكل حوالي 78% من الهواء
- الأكسجين يشكل حوالي 21% من الهواء
- الغازات الدفيئة أقل من 1% لكنها شديدة التأثير
# ظاهرة الاحتباس الحراري
- أشعة الشمس قصيرة الموجة تخترق الغلاف الجوي
- سطح الأرض يمتص الأشعة ويعيد إشعاعها حرارة طويلة الموجة
- الغازات الدفيئة تحبس جزءا من هذه الحرارة فترتفع حرارة الأرض
# آثار التغير المناخي
- ارتفاع مستوى سطح البحر بسبب ذوبان الجليد
- زيادة موجات الجفاف والفيضانات
"""


def test_a_definition_is_answered_by_the_line_defining_the_term(tmp_path: Path) -> None:
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "climate.md").write_text(CLIMATE, encoding="utf-8")
    engine = open_engine(corpus, tmp_path / "index", semantic=False)
    for question, defined in (("ما المقصود بالمناخ؟", "المناخ: متوسط حالة الجو"),
                              ("ما معنى الطقس", "الطقس (Weather): حالة الجو")):
        reply = engine.ask(question)
        assert reply.answer is not None and defined in reply.answer.passage.text, question
