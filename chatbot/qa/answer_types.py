"""The kind of answer a factoid question expects, and whether a passage can give it.

«من اخترع …», «متى ظهر …», «كم عدد …», «وين …» on a lecture's own topic find passages that share
most of their words, yet a lecture that names no inventor, date, figure or place for it does
not answer them. Such a question (its opening words in ``data/answer_types.txt``) is answered
only by a passage that holds every word of it and, for a date or a number, a figure the
question does not already hold (a number word counts; so does a list, for «كم نوعا»).
"""

from __future__ import annotations

import re
from enum import StrEnum
from functools import lru_cache

from chatbot.text.arabic import normalize, words
from chatbot.text.resources import data_lines

__all__ = ["AnswerType", "expected_answer_type", "has_figure"]


class AnswerType(StrEnum):
    PERSON = "person"
    DATE = "date"
    NUMBER = "number"
    PLACE = "place"


_DIGITS_RE = re.compile(r"\d+")
_YEAR_RE = re.compile(r"\d{3,4}")  # «7 طبقات» is no date; «1983» or «711» may be
# Number words (normalised): units, tens, hundreds and the large ones, fractions.
_NUMBER_WORDS = frozenset(normalize(w) for w in (
    "واحد واحدة اثنان اثنين اثنتان ثلاث ثلاثة اربع اربعة خمس خمسة ست ستة سبع سبعة ثمان ثمانية تسع تسعة "
    "عشر عشرة عشرون عشرين ثلاثون ثلاثين اربعون اربعين خمسون خمسين ستون ستين سبعون سبعين ثمانون ثمانين "
    "تسعون تسعين مئة مائة مئات مئتين مائتين الف الاف آلاف الفين مليون ملايين مليار مليارات نصف ربع ثلث "
    "ضعف اضعاف بالمئة بالمائة المئة"
).split())
# Words a date is given in: centuries, decades, months, «عام 711».
_DATE_WORDS = frozenset(normalize(w) for w in (
    "القرن قرن العام عام سنة الخمسينيات الستينيات السبعينيات الثمانينيات التسعينيات "
    "يناير فبراير مارس ابريل مايو يونيو يوليو اغسطس سبتمبر اكتوبر نوفمبر ديسمبر "
    "ميلادي ميلادية هجري هجرية الميلادي الهجري"
).split())


@lru_cache(maxsize=1)
def _cues() -> list[tuple[tuple[str, ...], AnswerType]]:
    """(opening words, kind), longest first."""
    cues = []
    for line in data_lines("answer_types.txt"):
        kind, phrase = line.split("\t", 1)
        cues.append((tuple(words(phrase)), AnswerType(kind)))
    return sorted(cues, key=lambda c: -len(c[0]))


def expected_answer_type(question: str) -> AnswerType | None:
    """The kind of thing a question asks for, from its opening words; None for any other
    question (what, why, how, list…)."""
    ws = tuple(words(question))
    return next((kind for cue, kind in _cues() if ws[: len(cue)] == cue), None)


def has_figure(text: str, question: str, kind: AnswerType = AnswerType.NUMBER) -> bool:
    """Whether ``text`` holds what a date (a year, a century, a month) or a number (digits, a
    number word) is given in, and the question does not already hold."""
    asked = set(words(question))
    if kind == AnswerType.DATE:
        return any((bool(_YEAR_RE.fullmatch(w)) or w in _DATE_WORDS) and w not in asked for w in words(text))
    return any((bool(_DIGITS_RE.fullmatch(w)) or w in _NUMBER_WORDS or w.startswith("ال") and w[2:] in _NUMBER_WORDS)
               and w not in asked for w in words(text))
