"""Smalltalk is matched on the whole message, across dialects (chatbot/text/data/smalltalk.txt)."""

import pytest

from chatbot.qa.smalltalk import Smalltalk, smalltalk_kind, smalltalk_words


SMALLTALK = {
    Smalltalk.GREETING: ["السلام عليكم ورحمة الله وبركاته", "مساء الخير يا دكتور", "أهلين"],
    Smalltalk.WELLBEING: ["إزيك؟", "شلونك عيني، شخبارك", "كيف حالك اليوم", "كيفك؟ ان شاء الله منيح"],
    Smalltalk.THANKS: ["الله يعطيك الصحة", "تسلم إيدك", "ممنون", "شكراً جزيلاً على الشرح", "وشكرا", "thank you",
                       "تشكرات عيني", "كثر خيرك عالشرح", "عوافي استاذ", "ربنا يخليك فهمتها اخيرا", "شكراً، وفّيت وكفّيت",
                       "تسلم ياخ ما قصرت", "تسلم ايدك والله فدتني هواية"],
    Smalltalk.BYE: ["مع السلامة", "تمام كده، باي", "باي نشوفك بكرة ان شاء الله", "بالسلامة وربي يحفظك",
                    "مع السلامة، نلتقي بعدين"],
}


@pytest.mark.parametrize("message, kind", [(message, kind) for kind, messages in SMALLTALK.items() for message in messages])
def test_a_message_made_of_smalltalk_phrases_is_smalltalk(message, kind):
    assert smalltalk_kind(message) == kind


@pytest.mark.parametrize("message", [
    "السلام عليكم، ما هي مراحل الحكومة الالكترونية",  # a greeting, then a question
    "ما هو التسويق",
    "ما هو الشرح",
    "يا استاذ",  # filler alone
    "الله",
    "",
])
def test_a_question_or_filler_alone_is_not_smalltalk(message):
    assert smalltalk_kind(message) is None


def test_greeting_words_are_known_so_a_question_does_not_search_them():
    assert {"السلام", "عليكم", "شكرا"} <= smalltalk_words()
    assert "استاذ" not in smalltalk_words()  # filler is not a greeting word


LECTURE_WORDS = {"مرحله", "التكامل", "الحكومه"}


def _known(word: str) -> bool:
    return word in LECTURE_WORDS


@pytest.mark.parametrize("message", ["تسلم يا ريس", "يسلمو دياتك خيي", "لاباس عليك؟ بصحتك"])
def test_a_word_no_phrase_lists_may_stay_when_the_lecture_does_not_use_it(message):
    assert smalltalk_kind(message, _known) is not None
    assert smalltalk_kind(message) is None or message == "تسلم يا ريس"  # without the lecture's words: strict


@pytest.mark.parametrize("message", [
    "شكرا، وماذا عن مرحلة التكامل",  # a word of the lecture: a question
    "مرحبا كيف احسب subnet",  # a question word
    "مرحبا الحكومه",
])
def test_a_lecture_word_or_a_question_word_makes_it_a_question(message):
    assert smalltalk_kind(message, _known) is None
