"""Each normalisation step on an Arabic sentence and its expected output, then `analyze`."""

import pytest

from chatbot.text import arabic


@pytest.mark.parametrize(
    "step, text, expected",
    [
        (arabic.remove_invisible, "ما\u200f مراحل\u202e الحكومة\u0007", "ما مراحل الحكومة"),
        (arabic.strip_tatweel, "الحكومـــة الالكترونيـة", "الحكومة الالكترونية"),
        (arabic.bare_letters, "أوّلاً: إدارة الحكومـــة ومسؤوليّتها", "اولا: ادارة الحكومة ومسؤوليتها"),
        (arabic.normalize_hamza_carriers, "مسؤولية هيئة", "مسوولية هيية"),
        (arabic.normalize_digits, "عام ٢٠٢٤ و۱۲", "عام 2024 و12"),
        (arabic.collapse_elongation, "شكراااا جزيلا", "شكرا جزيلا"),
        (arabic.collapse_elongation, "الحاجز الدموي (BBB) يمنع 1000 مادة", "الحاجز الدموي (BBB) يمنع 1000 مادة"),
        (arabic.join_la_prefix, "النموذج اللا مركزي", "النموذج اللامركزي"),
    ],
)
def test_step(step, text: str, expected: str) -> None:
    assert step(text) == expected


def test_normalize_makes_spellings_meet() -> None:
    forms = ["الحكومة الإلكترونيّة", "الحكومه الالكترونيه", "الحكومـــة الإلكترونية", "الحُكومَة الالِكترونية"]
    assert len({arabic.normalize(f) for f in forms}) == 1


def test_alef_maksura_does_not_collide_with_alef() -> None:
    assert arabic.normalize("إلى") != arabic.normalize("إلا")


@pytest.mark.parametrize(
    "word, stem",
    [("مراحلها", "مراحل"), ("بالحكومة", "حكوم"), ("والإجراءات", "اجراء"), ("الاهداف", "اهداف"),
     ("وظائف", "وظايف"), ("الوظائف", "وظايف")],  # a leading و is left to the corpus
)
def test_light_stem(word: str, stem: str) -> None:
    assert arabic.light_stem(arabic.normalize(word)) == stem


def test_a_function_word_after_the_conjunction_is_still_one() -> None:
    assert arabic.content_words("منو زرياب وشلون وصل الأندلس") == ["زرياب", "وصل", "الاندلس"]


def test_a_grammar_lecture_names_function_words_as_its_subject() -> None:
    """Quoted alone or labelling a line, «كان», «إنّ» and «لكنّ» are what a grammar lecture
    explains; «ما» of «ما زال» is a question word and never one; a single quoted word is a
    quotation («قال الطفل «لا»»)."""
    lecture = ("6/ «كانَ» تفيد اتصاف الاسم بالخبر في الزمن الماضي.\n- إنّ: حرف ينصب الاسم ويرفع الخبر\n"
               "15/ «لكنّ» تفيد الاستدراك.\n9- ما زال / ما برح: تفيد الاستمرار\n")
    named = arabic.named_function_words(lecture)
    assert named == {"كان", "ان", "لكن"}
    assert arabic.named_function_words("قال الطفل «لا» مرة بعد مرة، وردد «لا» كثيرا.") == frozenset()
    assert arabic.content_words("ما عمل كان وإن؟", named) == ["عمل", "كان", "ان"]
    assert arabic.content_words("ما عمل كان وإن؟") == ["عمل"]


def test_analyze_drops_function_and_dialect_question_words() -> None:
    assert arabic.analyze("وش هي أهداف الحكومة الإلكترونية؟") == arabic.analyze("أهداف الحكومة الإلكترونية")
    assert arabic.analyze("شو يعني ممكن ابغى اعرف") == []


def test_analyze_same_for_question_and_passage_forms() -> None:
    assert arabic.analyze("ماهي مراحل الحكومه") == arabic.analyze("ما هي مراحل الحكومة")


def test_char_ngrams_mark_word_boundaries() -> None:
    assert arabic.char_ngrams(["حكوم"], (3,)) == ["#حك", "حكو", "كوم", "وم#"]


def test_drop_vocative() -> None:
    assert arabic.drop_vocative("يعني إيه درجة العلاقة يا باشمهندس؟") == "يعني إيه درجة العلاقة ؟"
    assert arabic.drop_vocative("يا دكتور ما المقصود بمرحلة التنفيذ") == " ما المقصود بمرحلة التنفيذ"
    assert arabic.drop_vocative("ما هي الزوايا القائمة") == "ما هي الزوايا القائمة"  # «يا» inside a word stays


def test_a_students_asides_are_no_words_of_the_question() -> None:
    """Verbs that only say a thing is or happens, and «I never understood it» in any dialect."""
    assert arabic.content_words(arabic.normalize("لماذا يعتبر النسيان مفيد؟ ما فهمته ابد")) == ["النسيان", "مفيد"]
    assert arabic.content_words(arabic.normalize("واش هي اللقى الأثرية؟ بغيت نفهمها مزيان")) == ["اللقي", "الاثريه"]


@pytest.mark.parametrize("word, msa", [
    ("بيتحسب", "يتحسب"), ("كيحتاج", "يحتاج"), ("كتعني", "تعني"), ("ماتقيسش", "تقيس"), ("مينفعش", "ينفع"),
    ("تتبدلش", "تتبدل"), ("البنعمل", "نعمل"), ("منحضر", "نحضر"), ("نقيسو", "نقيس"), ("كيبانو", "يبان"),
    ("بيقولوا", "يقول"), ("بيدق", "يدق")])
def test_a_dialect_verb_and_its_msa_form(word: str, msa: str) -> None:
    forms = arabic.dialect_verb_forms(word)
    assert forms[0] == msa and set(forms) == {msa, *arabic.other_persons(msa)}


@pytest.mark.parametrize("word", ["كتاب", "منتج", "بيت", "بنك", "نحو", "ناقل", "كيف", "ماشي"])
def test_a_word_with_no_dialect_affix(word: str) -> None:
    assert arabic.dialect_verb_forms(word) == []
