"""The kind of answer a factoid question expects, and whether a passage can give it.

«من اخترع …», «متى ظهر …», «كم عدد …», «وين …» on a lecture's own topic find passages that share
most of their words, yet a lecture that names no inventor, date, figure or place for it does
not answer them. Such a question (its opening words in ``data/answer_types.txt``) is answered
only by a passage that holds every word of it or, for a date or a number, a figure the
question does not already hold (a number word counts; so does a list, for «كم نوعا») in a
sentence that names what the question asks about.
"""

from __future__ import annotations

import re
from enum import StrEnum
from functools import lru_cache

from chatbot.index.passages import strip_marker
from chatbot.text.arabic import content_words, light_stem, normalize, words
from chatbot.text.resources import data_lines

__all__ = ["AnswerType", "expected_answer_type", "has_figure", "names_counted"]


class AnswerType(StrEnum):
    PERSON = "person"
    DATE = "date"
    NUMBER = "number"
    PLACE = "place"


_DIGITS_RE = re.compile(r"\d+")
# «7 طبقات» is no date; «1983», «711», «132هـ» (normalised «132ه») or «1492م» may be.
_YEAR_RE = re.compile(r"\d{3,4}[مه]?")
# Where one statement ends: a line, or a full stop, question mark or semicolon before a space.
_SENTENCE_END_RE = re.compile(r"\n|[.!?؟؛](?=\s|$)")
MEASURE = "measure"
QUANTITY = "quantity"
DESCRIBING = "describing"
CONDITION = "condition"
# A sentence this short (a list item, a table row) speaks of its passage's heading:
# «· الشمسية: 15-25٪» under «معامل السعة» names both.
MAX_ITEM_WORDS = 8
MAX_FIGURE_WORDS = 2  # of the question's words a sentence giving its figure must name, at most
# Number words (normalised): units, tens, hundreds and the large ones, fractions.
_NUMBER_WORDS = frozenset(normalize(w) for w in (
    "واحد واحدة اثنان اثنين اثنتان ثلاث ثلاثة اربع اربعة خمس خمسة ست ستة سبع سبعة ثمان ثمانية تسع تسعة "
    "عشر عشرة عشرون عشرين ثلاثون ثلاثين اربعون اربعين خمسون خمسين ستون ستين سبعون سبعين ثمانون ثمانين "
    "تسعون تسعين مئة مائة مئات مئتين مائتين الف الاف آلاف الفين مليون ملايين مليار مليارات نصف ربع ثلث "
    "ضعف اضعاف بالمئة بالمائة المئة بضع بضعة"
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
    for kind, phrase in _entries():
        if kind not in (MEASURE, DESCRIBING, QUANTITY, CONDITION):
            cues.append((tuple(words(phrase)), AnswerType(kind)))
    return sorted(cues, key=lambda c: -len(c[0]))


@lru_cache(maxsize=1)
def _measures() -> frozenset[str]:
    """Stems of the words that name a quantity, not what is counted («عدد», «نسبة»)."""
    return frozenset(light_stem(w) for kind, phrase in _entries() if kind == MEASURE for w in words(phrase))


def _entries() -> list[tuple[str, str]]:
    return [tuple(line.split("\t", 1)) for line in data_lines("answer_types.txt")]


def expected_answer_type(question: str) -> AnswerType | None:
    """The kind of thing a question asks for, from its opening words; None for any other
    question (what, why, how, list…)."""
    ws = tuple(words(question))
    for cue, kind in _cues():
        if ws[: len(cue)] == cue:
            if kind == AnswerType.DATE and _asks_condition(ws[len(cue):]):
                return None
            if kind in (AnswerType.PERSON, AnswerType.PLACE) and _asks_description(ws[len(cue):]):
                return None
            return kind
    return AnswerType.NUMBER if not _quantity().isdisjoint(ws) else None


@lru_cache(maxsize=1)
def _quantity() -> frozenset[str]:
    """Words asking how many or how much wherever they stand («يتسع بكم سنتيمتر»)."""
    return frozenset(phrase for kind, phrase in _entries() if kind == QUANTITY)


@lru_cache(maxsize=1)
def _describing() -> frozenset[str]:
    return frozenset("و" + phrase for kind, phrase in _entries() if kind == DESCRIBING)


def _asks_description(rest: tuple[str, ...]) -> bool:
    """«… وشلون وصل», «… ولشو»: a second question asking how, why or what, joined by «و»."""
    return not _describing().isdisjoint(rest)


@lru_cache(maxsize=1)
def _conditional() -> frozenset[str]:
    """English words that, right after «when», ask in what case («when do we use …»)."""
    return frozenset(phrase for kind, phrase in _entries() if kind == CONDITION)


def _asks_condition(rest: tuple[str, ...]) -> bool:
    """«متى نستخدم …», «متى يحدث …», «امتى بيستخدم …», «when do we use …»: a present-tense
    verb after «when» asks in what case, not at what date. Told by its prefix: «ي», or «ن» /
    dialect «بي، بت، بن» on a longer word (the perfect «نشر», «نشأت», «بنيت» keeps its date);
    in English by the auxiliary after «when» (data/answer_types.txt: «do», «should», not «did»)."""
    verb = rest[0] if rest else ""
    if verb in _conditional():
        return True
    if verb.startswith("ي"):
        return len(verb) >= 3  # «يصل», «يحدث»
    if len(verb) < 4:
        return False
    we_do = verb.startswith("ن") and not verb.endswith("ت")  # «نستخدم», not «نشأت»
    # «بيستخدم», «بتحصل», «بنقول»; not the passive «بنيت»
    dialect = verb[0] == "ب" and verb[1] in "يتن" and not (verb[1] == "ن" and verb.endswith("يت"))
    return we_do or dialect


def has_figure(text: str, question: str, kind: AnswerType = AnswerType.NUMBER, heading: str = "") -> bool:
    """Whether ``text`` holds what a date (a year, a century, a month) or a number (digits, a
    number word) is given in, which the question does not already hold, in a sentence naming
    half of what the question asks about, or two of its words for a longer question (its
    content words, a measure word such as «عدد» aside): «كم عدد البراكين النشطة» is not
    answered by «4 طبقات» two lines below the volcanoes, nor «كم عدد أقمار كوكب زحل» by a figure
    beside «الكواكب» alone. Against one word: 20 dev sets, 3 more near-topic questions declined,
    no right answer lost; ARCD reply recall@1 0.714 → 0.708 (half of a long question: 0.701)."""
    asked = set(words(question))
    about = {light_stem(w) for w in content_words(question)} - _measures()
    need = min(MAX_FIGURE_WORDS, (len(about) + 1) // 2)
    figure = _is_date if kind == AnswerType.DATE else _is_number
    unnumbered = "\n".join(strip_marker(line) for line in text.splitlines())  # «5/ الأسباب…» gives no 5
    subject = about & {light_stem(w) for w in content_words(heading)}
    for sentence in _SENTENCE_END_RE.split(unnumbered):
        ws = words(sentence)
        named = about & {light_stem(w) for w in content_words(sentence)}
        if len(ws) <= MAX_ITEM_WORDS:
            named |= subject  # «· الشمسية: 15-25٪» under «معامل السعة»
        if any(figure(w) and w not in asked for w in ws) and len(named) >= need:
            return True
    return False


def names_counted(heading: str, question: str) -> bool:
    """Whether a heading over a list names what «كم …» counts, so its items are the count
    («كم عدد مراحل الحكومة» and «مراحل الحكومة الالكترونيه:»), not any list («كم عدد الابقار»
    over «علامات الشياع:»)."""
    about = {light_stem(w) for w in content_words(question)} - _measures()
    return not about.isdisjoint(light_stem(w) for w in content_words(heading))


def _is_date(word: str) -> bool:
    return bool(_YEAR_RE.fullmatch(word)) or word in _DATE_WORDS


def _is_number(word: str) -> bool:
    """Digits or a number word, with the article or «و» («الثلاثة», «واربعة»)."""
    bare = word[1:] if word.startswith("و") and word[1:] in _NUMBER_WORDS else word
    return bool(_DIGITS_RE.fullmatch(bare)) or bare in _NUMBER_WORDS or bare.startswith("ال") and bare[2:] in _NUMBER_WORDS
