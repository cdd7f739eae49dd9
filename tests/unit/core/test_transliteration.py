"""Consonant skeletons meet a term borrowed from English in either script."""

import pytest

from chatbot.text.transliteration import arabic_skeleton, latin_skeleton, skeleton


@pytest.mark.parametrize(("arabic", "latin"), [
    ("الميتفورمين", "metformin"),
    ("الباراسيتامول", "paracetamol"),  # p written b, a soft c written s
    ("الكودين", "codeine"),  # a hard c written k
    ("بلوكر", "blocker"),  # ck one k
    ("ثيسن", "thiessen"),  # th written ث, ss one s
    ("اكسجين", "oxygen"),  # x written ks
    ("هيدروجين", "hydrogen"),
    ("فيروس", "virus"),  # v written f
])
def test_both_spellings_of_a_term_share_a_skeleton(arabic: str, latin: str) -> None:
    assert arabic_skeleton(arabic) == latin_skeleton(latin)
    assert skeleton(arabic) == skeleton(latin)


def test_the_article_and_vowel_letters_are_left_out() -> None:
    assert arabic_skeleton("بالانسولين") == "nsln"
    assert latin_skeleton("insulin") == "nsln"


def test_different_terms_differ() -> None:
    assert skeleton("برنامج") != skeleton("program")
    assert skeleton("2024") == ""
