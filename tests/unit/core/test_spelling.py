"""The speller finds the lecture word a misspelt question word stands for."""

from chatbot.text.spelling import Speller, edit_distance, max_edits

SURFACE = {"المرحلي": "مرحل", "الحكومه": "حكوم", "التنفيذ": "تنفيذ", "بيت": "بيت"}


def test_a_swap_of_neighbouring_letters_is_one_edit() -> None:
    assert edit_distance("الرمحلي", "المرحلي", 2) == 1
    assert edit_distance("ابتث", "اتبث", 1) == 1
    assert edit_distance("ابتث", "اثتب", 1) == 2  # not neighbours: beyond the limit


def test_suggestions_for_swapped_missing_and_replaced_letters() -> None:
    speller = Speller(SURFACE)
    assert speller.suggest("الرمحلي") == {"مرحل": 1}
    assert speller.suggest("الحكومة"[:-1] + "ه") == {}  # the word itself is no correction
    assert speller.suggest("الحكمه") == {"حكوم": 1}
    assert speller.suggest("التنفيد") == {"تنفيذ": 1}


def test_short_words_are_not_corrected() -> None:
    assert max_edits("بيت") == 0
    assert Speller(SURFACE).suggest("بنت") == {}


def test_letters_dialects_say_otherwise_meet_their_lecture_word() -> None:
    speller = Speller({"اخذ": "اخذ", "الثلاجه": "ثلاج"})
    assert speller.loose("اخد") == "اخذ"  # short words too
    assert speller.loose("التلاجه") == "ثلاج"
    assert speller.loose("بنت") is None


def test_a_term_typed_in_the_other_script_meets_the_lecture_word() -> None:
    speller = Speller({"metformin": "metformin", "tetracyclines": "tetracyclines", "blocker": "blocker",
                       "سيبرو": "سيبرو", "كتاب": "كتاب"})
    assert speller.transliterated("الميتفورمين") == ["metformin"]
    assert speller.transliterated("التتراسيكلين") == ["tetracyclines"]  # the Latin plural
    assert speller.transliterated("بلوكر") == ["blocker"]
    assert speller.transliterated("cipro") == ["سيبرو"]
    assert speller.transliterated("كتب") == []  # too short to tell a borrowed term
    assert speller.transliterated("ktb") == []  # nor an abbreviation
