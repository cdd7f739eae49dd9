"""A long passage is shown a part at a time: where each part ends."""

from chatbot.tui.widgets.answer_card import part_end, shown_lines


def test_a_part_ends_after_its_lines():
    text = "\n".join(["سطر"] * 10)
    end = part_end(text, 0, lines=3)
    assert text[:end] == "سطر\nسطر\nسطر\n"
    assert shown_lines(text, end) == 3
    assert part_end(text, end, lines=100) == len(text)


def test_one_huge_line_is_cut_between_words():
    text = "كلمة " * 10_000
    end = part_end(text, 0, chars=100)
    assert end <= 100 and text[end - 1] == " "
    assert shown_lines(text, end) == 1


def test_a_word_longer_than_a_part_is_cut_anyway():
    text = "ا" * 1000
    assert part_end(text, 0, chars=100) == 100


def test_only_terms_rare_in_the_lecture_are_marked():
    from chatbot.tui.widgets.answer_card import distinctive

    share = {"حكوم": 0.52, "الكتر": 0.39, "مراحل": 0.02}.get
    assert distinctive(("مراحل", "حكوم", "الكتر"), share) == ("مراحل",)
    assert distinctive(("حكوم", "الكتر"), share) == ("الكتر",)  # all common: the rarest
    assert distinctive((), share) == ()


def test_the_best_sentence_holds_the_most_matched_words():
    from chatbot.tui.widgets.answer_card import best_sentence

    text = "ب/ مرحلة التبادل\nتمهيد قصير عن هذا الموضوع المهم. في هذه المرحلة يتم تبادل المعلومات بين المستفيد والجهة. ثم ننتقل"
    wanted = {"تبادل", "المعلومات"}.__contains__
    assert best_sentence(text, wanted) == "في هذه المرحلة يتم تبادل المعلومات بين المستفيد والجهة."
    assert best_sentence("جملة واحدة طويلة فيها تبادل", wanted) == ""
    assert best_sentence("ا/ تبادل\nب/ تبادل المعلومات", wanted) == ""  # list labels are no answer
    assert best_sentence(text, lambda word: False) == ""
