"""A term borrowed from English, typed in the other script than the lecture's, finds it
(chatbot/text/transliteration.py), and a rare word near a question word («الحاجة» for
«الحاجب») does not outweigh the word itself."""

from pathlib import Path

from lecture_files import engine_over
from chatbot.qa.query import TermOrigin, read_query
from chatbot.qa.retrieve import _held, headings_named

PHARMACY = """##ادوية السكري
+ Metformin هو الخط الاول للنوع الثاني
-- نوقفه اذا eGFR اقل من 30، ونوقفه مؤقتا قبل الاشعة بالصبغة
-- اعراضه الجانبية: اسهال وغثيان ومغص بالبداية
+ الانسولين Insulin
-- سريع المفعول rapid acting زي aspart
-- طويل المفعول long acting زي glargine
##الجرعات عند الاطفال
+ خافض الحرارة عند الاطفال:
-- paracetamol جرعته 10 الى 15 ملغ لكل كيلو كل 4 الى 6 ساعات
-- ممنوع الاسبرين تحت 16 سنة
"""

HISTORY = """# النظم الإدارية في العصر الأموي
نظام الحجابة: الحاجب موظف يقف على باب الخليفة وينظم دخول الناس عليه، واتخذه معاوية خوفاً على حياته.
نظام الدواوين: أنشأ الأمويون ديوان الرسائل وديوان الخاتم لضبط شؤون الدولة.
# التغذية عند الحاجة
- يمكن استخدام المكملات الغذائية السائلة بين الوجبات عند الحاجة.
"""


def _query(engine, question: str):
    """The question as the engine reads it, with its terms and where each came from."""
    return read_query(question, engine.index.fields["word"], engine.speller, engine.extra_synonyms,
                      engine.settings, engine.named)


def test_a_drug_name_typed_in_arabic_letters_finds_its_latin_name(tmp_path: Path) -> None:
    engine = engine_over(tmp_path, "pharmacy.txt", PHARMACY)
    reply = engine.ask("متى نوقف الميتفورمين")
    assert reply.answer is not None and "نوقفه اذا eGFR" in reply.answer.passage.text
    reply = engine.ask("شو جرعة الباراسيتامول للطفل")
    assert reply.answer is not None and "paracetamol جرعته" in reply.answer.passage.text


def test_a_rare_near_word_does_not_outweigh_the_word_asked(tmp_path: Path) -> None:
    engine = engine_over(tmp_path, "history.md", HISTORY)
    query = _query(engine, "من هو الحاجب")
    assert TermOrigin.VARIANT in {t.origin for t in query.terms}  # «الحاجة», one letter away and rare
    reply = engine.ask("من هو الحاجب")
    assert reply.answer is not None and "الحاجب موظف" in reply.answer.passage.text


def test_a_word_held_only_as_a_rare_near_form_counts_as_that_forms_weight(tmp_path: Path) -> None:
    engine = engine_over(tmp_path, "history.md", HISTORY)
    query = _query(engine, "من هو الحاجب")
    need = next(i for i, p in enumerate(engine.passages) if p.text.startswith("- يمكن استخدام"))
    title = next(i for i, p in enumerate(engine.passages) if "الحاجب موظف" in p.text)
    assert _held(query.terms, engine.index, title, {})[1] == 1.0
    assert _held(query.terms, engine.index, need, {})[1] == engine.settings.variant_weight  # under «الحاجة»
    assert headings_named(engine.passages[need], query.terms, engine.index) == engine.settings.variant_weight


PSYCHOLOGY = """س7- الجشطلت (Gestalt)؟
ج7- فيرتهايمر وكوفكا وكوهلر. مبدأهم: الكل أكبر من مجموع أجزائه.

س: مبادئ الجشطلت بالإدراك؟
ج: التقارب: الأشياء القريبة من بعض منشوفها مجموعة. التشابه: الأشياء المتشابهة منجمعها سوا.
"""


def test_a_misspelt_term_the_lecture_writes_in_both_scripts_finds_its_arabic_spelling(tmp_path: Path) -> None:
    """«الجشتلت» spells «Gestalt» and is one letter from «الجشطلت»: both are searched."""
    engine = engine_over(tmp_path, "psychology.txt", PSYCHOLOGY)
    query = _query(engine, "مبادئ الجشتلت بالإدراك")
    origins = {t.stem: t.origin for t in query.terms if t.word == "الجشتلت"}
    assert origins == {"gestalt": TermOrigin.TRANSLITERATED, "جشطلت": TermOrigin.FUZZY}
