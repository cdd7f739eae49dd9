"""Arabic text analysis: the one path from raw text to index terms.

Every step is a tiny pure function over a precompiled regex (in the manner of
``camel_tools.utils``) so each can be tested on a sentence and its expected output.
:func:`analyze` composes them and is used for passages and questions alike, so a
question always meets the lecture in the same normal form.
"""

from __future__ import annotations

import re
from functools import lru_cache

import pyarabic.araby as araby
from camel_tools.tokenizers.word import simple_word_tokenize
from camel_tools.utils.dediac import dediac_ar
from camel_tools.utils.normalize import (
    normalize_alef_ar,
    normalize_alef_maksura_ar,
    normalize_teh_marbuta_ar,
    normalize_unicode,
)

from chatbot.text.resources import data_lines

__all__ = [
    "analyze",
    "bare_letters",
    "char_ngrams",
    "content_words",
    "dialect_verb_forms",
    "function_words",
    "light_stem",
    "normalize",
    "without_proclitic",
    "words",
]

# Controls, zero-width characters and bidi embeddings/overrides/isolates: invisible, and a
# question pasted from a web page or a PDF often carries some.
_INVISIBLE_RE = re.compile(
    "[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f"
    "\u00ad\u061c\u200b-\u200f\u202a-\u202e\u2060-\u2069\ufeff]"
)
_CONTROL_SPACE_RE = re.compile("[\t\r\n\u000b\u000c\u0085\u2028\u2029]")
_ARABIC_INDIC_DIGITS = str.maketrans("٠١٢٣٤٥٦٧٨٩۰۱۲۳۴۵۶۷۸۹", "01234567890123456789")
_HAMZA_CARRIER = str.maketrans({"ؤ": "و", "ئ": "ي"})
# An Arabic letter typed three or more times in a row is chat elongation ("شكراااا"); Arabic
# spelling never triples a letter. Digits and Latin letters do («1000», «BBB», «www»).
_ELONGATION_RE = re.compile(r"([\u0621-\u064a])\1{2,}")
# «اللا مركزي» is how many writers type the compound «اللامركزي»: the negating prefix
# «اللا» never stands alone, so it is joined to the word it negates.
_LA_PREFIX_RE = re.compile(r"(?<!\w)اللا\s+(?=\w)")
_WORD_RE = re.compile(r"\w", re.UNICODE)
# «يا دكتور», «يا باشمهندس», «يا جماعة»: the vocative «يا» and the one addressed.
_VOCATIVE_RE = re.compile(r"(?<!\w)يا\s+[^\s؟?!.,،]+")


def remove_invisible(text: str) -> str:
    """Drop control, zero-width and bidi-override characters; line breaks become spaces."""
    return _INVISIBLE_RE.sub("", _CONTROL_SPACE_RE.sub(" ", text))


def strip_tatweel(text: str) -> str:
    """«الحكومـــة» → «الحكومة»: tatweel only stretches a word on screen."""
    return araby.strip_tatweel(text)


def bare_letters(text: str) -> str:
    """«أوّلاً» → «اولا», «إدارة» → «ادارة»: hamza and madda alef forms become bare alef
    (camel-tools), tatweel and diacritics go. No character becomes two, so a position in the
    result maps back to one in ``text``; what a writer varies without changing the word goes,
    and every letter that spells it stays (teh marbuta, hamza on waw or yeh, alef maksura)."""
    return dediac_ar(normalize_alef_ar(strip_tatweel(text)))


def normalize_hamza_carriers(text: str) -> str:
    """«مسؤولية» → «مسوولية», «هيئة» → «هيية»: hamza on waw or yeh becomes its carrier, as
    students type it without hamza. Alef forms are left to :func:`normalize_alef_ar`."""
    return text.translate(_HAMZA_CARRIER)


def normalize_digits(text: str) -> str:
    """Arabic-Indic and Persian digits become ASCII digits: «٢٠٢٤» → «2024»."""
    return text.translate(_ARABIC_INDIC_DIGITS)


def collapse_elongation(text: str) -> str:
    """«شكراااا» → «شكرا»: a letter repeated three or more times is kept once."""
    return _ELONGATION_RE.sub(r"\1", text)


def drop_vocative(text: str) -> str:
    """A question without whom it addresses: «يعني إيه درجة العلاقة يا باشمهندس؟» → «يعني إيه
    درجة العلاقة ؟». The addressee is no word of the question's subject."""
    return _VOCATIVE_RE.sub("", text)


def join_la_prefix(text: str) -> str:
    """«النموذج اللا مركزي» → «النموذج اللامركزي»."""
    return _LA_PREFIX_RE.sub("اللا", text)


def normalize(text: str) -> str:
    """The orthographic normal form in which lecture and question meet.

    «الإلكترونيّة», «الالكترونيه» and «الإلكترونـــية» all become «الالكترونيه».
    ى stays distinct from ا (camel-tools' separate alef-maksura step), so «إلى» and
    «إلا» do not collide. Every step but the «اللا» join works within a word, so each
    distinct word is normalised once (a lecture repeats its words).
    """
    return join_la_prefix(" ".join(map(_normalize_word, remove_invisible(text).split())))


@lru_cache(maxsize=500_000)
def _normalize_word(word: str) -> str:
    word = normalize_alef_maksura_ar(bare_letters(normalize_unicode(word)))
    word = normalize_teh_marbuta_ar(normalize_hamza_carriers(word))
    return collapse_elongation(normalize_digits(word)).casefold()


def words(text: str) -> list[str]:
    """Normalised word tokens (camel-tools' ``simple_word_tokenize``), punctuation dropped."""
    return [t for w in normalize(text).split() for t in _tokens(w)]


@lru_cache(maxsize=500_000)
def _tokens(word: str) -> tuple[str, ...]:
    """``simple_word_tokenize`` splits on whitespace first, so a word can be tokenised alone."""
    return tuple(t for t in simple_word_tokenize(word) if _WORD_RE.search(t))


# Letters many writers interchange, in dialect and in haste: «الدي» for «الذي», «لمادا» for
# «لماذا». Function words are recognised in this loose form too.
_LOOSE = str.maketrans({"ذ": "د", "ث": "ت", "ظ": "ض"})


def loosen(word: str) -> str:
    """«الذي» → «الدي»: the form in which interchanged letters meet."""
    return word.translate(_LOOSE)


@lru_cache(maxsize=None)
def word_set(name: str) -> frozenset[str]:
    """The words of ``data/NAME.txt``, normalised like everything else."""
    return frozenset(normalize(w) for w in data_lines(f"{name}.txt"))


@lru_cache(maxsize=1)
def cue_words() -> dict[str, str]:
    """Normalised word → what it asks for (``list``, ``comparison``, ``why``: data/intents.txt)."""
    return {word: kind for kind, word in _kinded_words("intents.txt")}


def _kinded_words(name: str) -> list[tuple[str, str]]:
    """The (kind, normalised word) lines of a data file written «kind<TAB>word»."""
    return [(kind, normalize(word)) for kind, word in (line.split("\t", 1) for line in data_lines(name))]


# Cue kinds whose words say *that* something is asked, as question words do; a list cue
# («مراحل») names what is asked and stays a content word.
ASKING_CUES = ("comparison", "why")


@lru_cache(maxsize=1)
def defining_words() -> dict[str, frozenset[str]]:
    """``after``, ``before``, ``column`` and ``context``: the words that mark a sentence defining
    a term, the table columns that explain the row's term, and the words after a term asked
    about that place it (data/defining.txt)."""
    pairs = _kinded_words("defining.txt")
    return {kind: frozenset(w for k, w in pairs if k == kind) for kind in ("after", "before", "column", "context")}


@lru_cache(maxsize=1)
def question_words() -> frozenset[str]:
    """Words that say that something is asked: data/question_words.txt, and the comparison and
    why cues of data/intents.txt."""
    return word_set("question_words") | frozenset(w for w, kind in cue_words().items() if kind in ASKING_CUES)


@lru_cache(maxsize=1)
def function_words() -> frozenset[str]:
    """Stopwords and question words, also in their loose spelling (see :func:`loosen`)."""
    words_ = word_set("stopwords") | question_words()
    return words_ | frozenset(loosen(w) for w in words_)


def content_words(text: str, named: frozenset[str] = frozenset()) -> list[str]:
    """Normalised words less stopwords, question words (also as loosely spelt) and lone
    letters: what a question is *about*. Function words a lecture names as its subject
    (``named``, see :func:`named_function_words`) are content words too: a grammar lecture is
    about «كان» and «إن»."""
    kept = []
    for word in words(text):
        if _is_content(word):
            kept.append(word)
        elif named and (bare := word if word in named else _unprefixed(word)) in named:
            kept.append(bare)
    return kept


def _unprefixed(word: str) -> str:
    """The word less a conjunction «و» («وإن» → «ان»)."""
    return word[1:] if word.startswith("و") and len(word) > 2 else word


# A function word quoted alone («كانَ», "لعلّ"), or naming the line it opens before a colon
# («كان: فعل ماض ناقص…», «- ليت: تفيد التمني», «9- ما زال / ما برح: …»).
_QUOTED_RE = re.compile(r"[«\"“]\s*([^\s«»\"“”]{1,12})\s*[»\"”]")
_LABEL_RE = re.compile(r"^[ \t\-–*•·>\d٠-٩./)(]*([^:：\n]{1,40})[:：]", re.MULTILINE)
# A lecture about words names several («كان» and «إن» and «لكن»); one quoted word («لا» as a
# child says it) is a quotation. On the 41 dev sets' lectures only the two grammar lectures
# (h20, h26) name two or more; four others name one, which stays a function word.
MIN_NAMED_FUNCTION_WORDS = 2


def named_function_words(text: str) -> frozenset[str]:
    """The function words a lecture names as things to explain, not as words of its sentences:
    quoted alone, or as the label of a line before a colon (made of function words only), when
    it names at least MIN_NAMED_FUNCTION_WORDS of them. Question words are never named: «ما» of
    «ما زال» is in every question."""
    drop = function_words()
    found: set[str] = set()
    for label in _QUOTED_RE.findall(text) + _LABEL_RE.findall(text):
        for part in label.split("/"):  # «ما زال / ما برح»
            ws = words(part)
            if 0 < len(ws) <= 2 and all(w in drop for w in ws):
                found.update(_unprefixed(w) if _unprefixed(w) in drop else w for w in ws if w not in question_words())
    return frozenset(found) if len(found) >= MIN_NAMED_FUNCTION_WORDS else frozenset()


@lru_cache(maxsize=500_000)
def _is_content(word: str) -> bool:
    """Not a function word, also as loosely spelt or after the conjunction «و» («وشلون»,
    «ومتى»), and not a lone letter."""
    drop = function_words()
    return (word not in drop and loosen(word) not in drop and _unprefixed(word) not in drop
            and (len(word) > 1 or word.isdigit()))


# Light stemming in the manner of Larkey's light10, which measures well for Arabic retrieval:
# strip one article prefix (with its conjunction or preposition) and then suffixes, never
# leaving fewer than 3 letters (2 for the article alone). Longest affix first. A lone «و» is
# not stripped here, as light10 does, since it begins many words («وظائف», «وزارة»): the corpus
# decides (see without_proclitic and chatbot.index.analysis.corpus_stems).
_PREFIXES = ("وبال", "وكال", "فبال", "فال", "وال", "بال", "كال", "ولل", "لل", "ال")
_SUFFIXES = ("هما", "كما", "ها", "هم", "هن", "كم", "نا", "ان", "ات", "ون", "ين", "يه", "ه", "ي")
# Teh marbuta turns into ت before a pronoun («عاصمة» + «ها» → «عاصمتها»): such an ending
# gives back the word's teh marbuta (normalised ه), so both forms reach one stem.
_TEH_SUFFIXES = ("تهما", "تهم", "تها", "ته", "تنا", "تكم", "تك")


@lru_cache(maxsize=65536)
def light_stem(word: str) -> str:
    """«والإجراءات» → «اجراء», «مراحلها» → «مراحل», «بالحكومة» → «حكوم», «عاصمتها» → «عاصم»
    (on normalised words)."""
    if not word.isalpha():
        return word
    stem = word
    for prefix in _PREFIXES:
        if stem.startswith(prefix) and len(stem) - len(prefix) >= 2:
            stem = stem[len(prefix):]
            break
    for suffix in _TEH_SUFFIXES:
        if stem.endswith(suffix) and len(stem) - len(suffix) >= 3:
            stem = stem[: -len(suffix)] + "ه"
            break
    changed = True
    while changed:
        changed = False
        for suffix in _SUFFIXES:
            if stem.endswith(suffix) and len(stem) - len(suffix) >= 3:
                stem = stem[: -len(suffix)]
                changed = True
                break
    return stem


PROCLITICS = "بلكوف"


def without_proclitic(word: str) -> str | None:
    """«بتاريخ» → «تاريخ», «لمصر» → «مصر»: the light stem of a word less a one-letter proclitic
    (ب ل ك و ف). :func:`light_stem` keeps such a letter because it is often part of the word
    («بيت», «كتاب»); callers strip it only where the corpus shows it is a prefix."""
    if len(word) > 3 and word[0] in PROCLITICS and word.isalpha():
        return light_stem(word[1:])
    return None


# The person prefixes of the imperfect verb: «يقع», «تقع», «نقع», «اقع».
VERB_PREFIXES = "يتنا"


def other_persons(verb: str) -> list[str]:
    """«يقع» → «تقع», «نقع», «اقع»: an imperfect verb with each other person prefix (a question
    says «أين يقع» where the lecture writes «تقع»); [] for a word that does not open with one."""
    if len(verb) >= 3 and verb[0] in VERB_PREFIXES:
        return [p + verb[1:] for p in VERB_PREFIXES if p != verb[0]]
    return []


def dialect_verb_forms(word: str) -> list[str]:
    """The MSA imperfect a dialect verb stands for, in each person, or [] for a word showing no
    dialect affix: the negating «ما…ش» («ماتقيسش», «مينفعش», «تتبدلش»), the relative «ال»
    («البنعمل»), the present «ب» of the Levant and Egypt («بيتحسب», «بنعمل») and «ك» of the
    Maghreb («كيحتاج», «كتعني»), the Levantine «م» of «we» («منحضر»), the Maghrebi plural «و»
    («نقيسو», «كيبانو», «بيقولوا»). Tried only on words the lecture does not know as they are."""
    core = word
    if len(core) >= 5 and core.endswith("ش"):
        core = core[:-1]
        if core.startswith("ما"):
            core = core[2:]
        elif core[0] == "م" and core[1] in VERB_PREFIXES:
            core = core[1:]
    if core.startswith("ال") and core[2:3] in ("ب", "ك"):
        core = core[2:]
    if len(core) >= 4 and (core[0] in "بك" and core[1] in VERB_PREFIXES or core.startswith("من")):
        core = core[1:]
    if core != word or core.startswith("ن"):
        core = core[:-2] if core.endswith("وا") else core[:-1] if core.endswith("و") else core
    # «يدق» is a verb; «تاب» (from «كتاب»), «نتج» (from «منتج») are more likely a noun misread.
    if core == word or core[:1] not in VERB_PREFIXES or len(core) < (3 if core[0] == "ي" else 4):
        return []
    return [core, *other_persons(core)]


def analyze(text: str) -> list[str]:
    """Index terms of a text: normalise, tokenise, drop function words, light-stem."""
    return [light_stem(w) for w in content_words(text)]


def char_ngrams(terms: list[str], sizes: tuple[int, ...] = (3, 4)) -> list[str]:
    """Character n-grams of each term with word boundaries marked, «#حكوم#» → «#حك», «حكو»…

    They let a misspelt or differently-inflected word still share most of its grams with the
    lecture's word.
    """
    grams: list[str] = []
    for term in terms:
        padded = f"#{term}#"
        for n in sizes:
            if len(padded) < n:
                continue
            grams.extend(padded[i : i + n] for i in range(len(padded) - n + 1))
    return grams
