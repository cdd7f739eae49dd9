"""A question, read once: its terms with their alternatives, its intent, the answer it expects.

Everything later steps need to know about the question is decided here, so retrieval and the
decision never read the question's text again.

A question's content words are stemmed like the lecture. A stem the lecture does not know is
matched as the student probably meant it: split in two known words («الانترنت» → «الانتر نت»),
joined with its neighbour, found in the other script («الميتفورمين» → «metformin», a term
borrowed from English), mapped to a known stem one or two edits away (typos), or freed of a
function word typed onto it («ماهوالنموذج»). Synonyms from the synonym table are searched too,
with less weight, and «ما هي X» is searched as a definition of X.
"""

from __future__ import annotations

from enum import StrEnum
from functools import lru_cache
from typing import Callable, NamedTuple

from chatbot import messages as msg
from chatbot.index.analysis import indexed_stem
from chatbot.text.arabic import (
    content_words, cue_words, defining_words, dialect_verb_forms, drop_vocative, function_words, light_stem, normalize,
    question_words, word_set,
)
from chatbot.text.arabic import words as all_words
from chatbot.index.bm25 import SparseBM25
from chatbot.qa.answer_types import AnswerType, expected_answer_type
from chatbot.qa.settings import SETTINGS, Settings
from chatbot.qa.smalltalk import Smalltalk, smalltalk_kind, smalltalk_words
from chatbot.text.resources import dialect_glossary, english_glossary, synonym_groups
from chatbot.text.spelling import Speller, max_edits

__all__ = ["Intent", "Query", "QueryTerm", "TermOrigin", "Unaskable", "asks_definition", "defined_words", "read_query"]

MAX_QUESTION_CHARS = 1000
# A definition asked without a definition word: «ما هي X» is searched as «ما تعريف X».
DEFINITION_WORD = "تعريف"
RELATIVE_PRONOUNS = frozenset({"التي", "الذي", "الذين", "اللي", "الي"})


class TermOrigin(StrEnum):
    """How a query term came from the question's word."""

    EXACT = "exact"  # the word's own stem, known to the lecture
    SPLIT = "split"  # one half of a word the lecture writes as two, or freed of a glued function word
    JOIN = "join"  # the word joined with the next one
    DIALECT = "dialect"  # the lecture's form of a dialect word («بيتحسب» → «يتحسب», «اخد» → «اخذ»)
    FUZZY = "fuzzy"  # a known stem one or two edits away (a typo)
    TRANSLITERATED = "transliterated"  # the lecture's word in the other script («الميتفورمين» → «metformin»)
    VARIANT = "variant"  # the lecture's own rare misspelling of the word
    SYNONYM = "synonym"  # from the synonym table
    UNKNOWN = "unknown"  # none of these: searched as it is


class Intent(StrEnum):
    """What the question asks for, as far as the reply's shape goes."""

    SMALLTALK = "smalltalk"  # a greeting, thanks, how-are-you or goodbye
    LIST = "list"  # a whole list: «ما مراحل …», «اذكر أهداف …»
    COMPARISON = "comparison"  # «ما الفرق بين …»: the section holding both things
    DEFINITION = "definition"  # «ما هو X», «شو يعني X», a topic typed alone
    WHY = "why"  # «لماذا …»: its causes
    OTHER = "other"


class QueryTerm(NamedTuple):
    word: str  # the question's word (normalised) this term stands for; "" for question words
    stem: str  # searched in the word field
    form: str  # searched, as character n-grams, in the char field
    weight: float
    origin: TermOrigin


class Query(NamedTuple):
    """A question as every later step sees it."""

    text: str
    terms: tuple[QueryTerm, ...]
    intent: Intent
    answer_type: AnswerType | None  # the person, date, number or place a factoid question wants
    smalltalk: Smalltalk | None = None
    # The question's words a definition asks to define (see :func:`defined_words`); empty when
    # no definition is asked.
    defined: frozenset[str] = frozenset()

    def places(self, term: QueryTerm) -> bool:
        """Whether the term's word only places the term a definition asks for («أمن المعلومات»
        in «ما هي السرية في أمن المعلومات»)."""
        return bool(self.defined) and bool(term.word) and not set(term.word.split()) <= self.defined

    @property
    def stems(self) -> tuple[str, ...]:
        return tuple(dict.fromkeys(t.stem for t in self.terms))

    @property
    def wants_section(self) -> bool:
        """A list or a comparison is answered by a whole section, not one item."""
        return self.intent in (Intent.LIST, Intent.COMPARISON)


class Unaskable(NamedTuple):
    """A message that cannot be searched, and why (a bilingual message)."""

    text: str
    message: str


EMPTY = str(msg.EMPTY)
TOO_LONG = msg.QUESTION_TOO_LONG.both(limit=MAX_QUESTION_CHARS)
NO_WORDS = str(msg.NO_WORDS)


def read_query(
    question: str, vocab: SparseBM25, speller: Callable[[], Speller], extra_synonyms: str = "",
    settings: Settings = SETTINGS, named: frozenset[str] = frozenset(),
) -> Query | Unaskable:
    """The question as a :class:`Query`, or why it cannot be searched. ``speller`` gives the
    corpus's speller, asked for only when a word is unknown; ``named``: the function words its
    lectures name as their subject (:func:`chatbot.index.analysis.named_in`), searched as content
    words («ما عمل كان» in a grammar lecture)."""
    question = question if isinstance(question, str) else ""
    if not question.strip():
        return Unaskable(question, EMPTY)
    if len(question) > MAX_QUESTION_CHARS:
        return Unaskable(question, TOO_LONG)
    if talk := smalltalk_kind(question, lambda word: indexed_stem(word, vocab.has) is not None):
        return Query(question, (), Intent.SMALLTALK, None, talk)
    asked = drop_vocative(question)
    terms = tuple(t for t in expand_query(asked, vocab, speller, extra_synonyms, settings, named)
                  if not (t.origin == TermOrigin.UNKNOWN and t.word in smalltalk_words()))
    if not terms:
        return Unaskable(question, NO_WORDS)
    intent = _intent(asked, terms, settings, named)
    defined = defined_words(asked, named) if intent == Intent.DEFINITION else frozenset()
    query = Query(question, terms, intent, expected_answer_type(asked), defined=defined)
    # The words placing the term only say where it is asked about.
    return query._replace(terms=tuple(t._replace(weight=t.weight * settings.context_weight) if query.places(t) else t
                                      for t in terms))


def defined_words(question: str, named: frozenset[str] = frozenset()) -> frozenset[str]:
    """The words a definition question asks to define: those before a word that places the term
    («ما هي السرية في أمن المعلومات» defines «السرية», in «أمن المعلومات»: data/defining.txt,
    ``context``), else all its content words (``named``: the function words the lecture names,
    see :func:`read_query`)."""
    ws = all_words(question)
    marks = defining_words()
    for i, word in enumerate(ws):
        if word in marks["context"]:
            term, place = content_words(" ".join(ws[:i]), named), content_words(" ".join(ws[i + 1:]), named)
            if place and set(term) - marks["before"]:
                return frozenset(term)
    return frozenset(content_words(question, named))


@lru_cache(maxsize=1)
def _intent_cues() -> dict[str, Intent]:
    """Stem → the intent it cues (data/intents.txt): matched by stem, so «مراحلها» cues a list."""
    return {light_stem(word): Intent(kind) for word, kind in cue_words().items()}


def _intent(question: str, terms: tuple[QueryTerm, ...], settings: Settings, named: frozenset[str]) -> Intent:
    """A comparison or list cue among the question's words (or a typo-corrected term) wins; then
    a why word; then a definition asked (:func:`asks_definition`)."""
    cues = _intent_cues()
    ws = all_words(question)
    found = [cues.get(light_stem(w)) for w in ws]
    found += [cues.get(t.stem) for t in terms if t.origin not in (TermOrigin.SYNONYM, TermOrigin.VARIANT)]
    defining = defining_words()["before"]
    # «ما المقصود بـX», «عرف X»; a list word after it is part of the term defined («ما المقصود
    # بتقييم الوظائف»), one before it asks for the list («ما هي المراحل التي تسمى …»).
    defines = next((i for i, w in enumerate(ws) if w in defining), None)
    for intent in (Intent.COMPARISON, Intent.LIST, Intent.WHY):
        if intent in found:
            if intent == Intent.LIST and defines is not None and Intent.LIST not in found[:defines]:
                return Intent.DEFINITION
            return intent
    return Intent.DEFINITION if defines is not None or asks_definition(question, settings, named) else Intent.OTHER


def asks_definition(question: str, settings: Settings = SETTINGS, named: frozenset[str] = frozenset()) -> bool:
    """«ما هي الحكومة الالكترونية», «شو هي الخصخصة»: a what-is phrase (data/what_is.txt) then a
    short topic, or a topic of one or two words typed alone, with no relative clause («ما هي
    الدولة التي تحد سوريا») and no list or comparison cue («ما هي مراحل …»), which ask something
    else."""
    ws = all_words(question)
    text = " ".join(ws)
    topic = content_words(question, named)
    what_is = any(text == p or text.startswith(p + " ") for p in word_set("what_is"))
    bare = len(topic) == len(ws) <= settings.max_bare_topic_words  # «الحكومة الالكترونية» typed alone
    listing = {Intent.LIST, Intent.COMPARISON}
    return ((what_is or bare) and 0 < len(topic) <= settings.max_defined_words and not RELATIVE_PRONOUNS & set(ws)
            and not any(_intent_cues().get(light_stem(w)) in listing for w in topic))


def expand_query(
    question: str, vocab: SparseBM25, speller: Callable[[], Speller], extra_synonyms: str = "",
    settings: Settings = SETTINGS, named: frozenset[str] = frozenset(),
) -> list[QueryTerm]:
    """The weighted terms to search for a question (see the module docstring). Question words
    that carry meaning («عرف», «يعني»: a definition is asked) add their synonyms too; function
    words the lecture names (``named``) are searched as content words."""
    words = content_words(question, named)
    asking = [w for w in all_words(question) if w in question_words()]
    if asks_definition(question, settings, named):
        asking.append(DEFINITION_WORD)
    synonyms = _synonyms(extra_synonyms)
    terms: list[QueryTerm] = []
    joined: set[int] = set()
    for i, word in enumerate(words):
        if i in joined:
            continue
        stem = light_stem(word)
        if found := indexed_stem(word, vocab.has):
            terms.append(QueryTerm(word, found, word if found == stem else word[1:], 1.0, TermOrigin.EXACT))
        elif i + 1 < len(words) and vocab.has(light_stem(word + words[i + 1])):
            both = word + words[i + 1]
            terms.append(QueryTerm(word + " " + words[i + 1], light_stem(both), both, 1.0, TermOrigin.JOIN))
            joined.add(i + 1)
        elif found := _msa_verb(word, vocab):
            terms.append(QueryTerm(word, found[1], found[0], 1.0, TermOrigin.DIALECT))
        elif len(word) >= 3 and (found := speller().loose(word)):
            terms.append(QueryTerm(word, found, word, 1.0, TermOrigin.DIALECT))
        elif parts := _split(word, speller()):
            terms.extend(QueryTerm(word, part_stem, part, 1.0, TermOrigin.SPLIT) for part, part_stem in parts)
        elif known := _known_synonyms(stem, synonyms, vocab, speller, settings):
            weight = min(settings.synonym_weight, 1 / len(known))
            terms.extend(QueryTerm(word, s, form, weight, TermOrigin.SYNONYM) for s, form in known)
        elif spelled := speller().transliterated(word)[:2]:
            # The lecture often writes the term in both scripts («الجشطلت (Gestalt)»): a
            # misspelt Arabic form («الجشتلت») finds its Arabic spelling too.
            terms.extend(QueryTerm(word, s, s, 1.0, TermOrigin.TRANSLITERATED) for s in spelled)
            near = nearest_stems(word, speller(), vocab)
            terms.extend(QueryTerm(word, n, word, settings.fuzzy_weight, TermOrigin.FUZZY) for n in near)
        elif near := nearest_stems(word, speller(), vocab):
            terms.extend(QueryTerm(word, n, word, settings.fuzzy_weight, TermOrigin.FUZZY) for n in near)
        elif glued := _after_function_word(word, speller()):
            terms.append(QueryTerm(word, glued[1], glued[0], 1.0, TermOrigin.SPLIT))
        else:
            terms.append(QueryTerm(word, stem, word, 1.0, TermOrigin.UNKNOWN))
    # The lecture's own misspellings of a word the question spells right («مفهموم» for
    # «مفهوم»): rare forms one or two edits away are searched too.
    for t in [t for t in terms if t.origin == TermOrigin.EXACT and len(t.word) >= settings.min_variant_length]:
        for stem in sorted(speller().suggest(t.word)):
            if stem != t.stem and 0 < vocab.doc_freq(stem) <= settings.rare_variant_df:
                terms.append(QueryTerm(t.word, stem, t.form, settings.variant_weight, TermOrigin.VARIANT))
    # Synonyms of the words found as they are, and of the question words that carry meaning;
    # a word's synonyms share one weight.
    present = {t.stem for t in terms}
    found_as_is = (TermOrigin.EXACT, TermOrigin.DIALECT)
    sources = [(t.word, t.stem) for t in terms if t.origin in found_as_is] + [("", light_stem(w)) for w in asking]
    for word, stem in sources:
        known = [(s, f) for s, f in _known_synonyms(stem, synonyms, vocab, speller, settings) if s not in present]
        weight = min(settings.synonym_weight, 1 / len(known)) if known else 0.0
        terms.extend(QueryTerm(word, s, f, weight, TermOrigin.SYNONYM) for s, f in known)
        present.update(s for s, _ in known)
    return terms


def nearest_stems(word: str, speller: Speller, vocab: SparseBM25) -> list[str]:
    """The (at most two) stems a misspelt word most likely stands for: closest, then
    commonest, then alphabetical (so the choice never depends on set order). A word nothing
    is near is tried again with the article the lecture writes it with, or without the one it
    has («علاقت» → «العلاقه», «المفررد» → «مفرد», «للموحدبن» → «الموحدين»): the speller
    counts the article's letters as edits."""
    found: dict[str, int] = {}
    for form in _article_forms(word):
        found = {s: d for s, d in speller.suggest(form).items() if vocab.has(s) and d <= max_edits(word)}
        if found:  # the word as typed first; the article adds no edits to forgive
            break
    if not found:
        return []
    best = min(found.values())
    return sorted((s for s, d in found.items() if d == best), key=lambda s: (-vocab.doc_freq(s), s))[:2]


def _article_forms(word: str) -> tuple[str, ...]:
    """A word, and the same with the article taken off or put on: «المفرد» → «مفرد»,
    «للموحدين» → «الموحدين», «بالعلاقه» → «العلاقه», «علاقه» → «العلاقه»."""
    if word.startswith("ال"):
        return word, word[2:]
    if word.startswith("لل"):
        return word, "ال" + word[2:]
    if word[:1] in "وبفك" and word[1:3] == "ال":
        return word, word[1:]
    return word, "ال" + word


def _msa_verb(word: str, vocab: SparseBM25) -> tuple[str, str] | None:
    """(form, stem) of the first MSA form of a dialect verb the lecture knows («كيحتاج» → «يحتاج»)."""
    for form in dialect_verb_forms(word):
        if found := indexed_stem(form, vocab.has):
            return form, found
    return None


def _split(word: str, speller: Speller) -> list[tuple[str, str]]:
    """«الانترنت» → («الانتر», stem), («نت», stem) when the corpus writes it as two words."""
    known = speller.surface
    for i in range(2, len(word) - 1):
        if word[:i] in known and word[i:] in known:
            return [(word[:i], known[word[:i]]), (word[i:], known[word[i:]])]
    return []


def _after_function_word(word: str, speller: Speller) -> tuple[str, str] | None:
    """«ماهوالنموذج» → («النموذج», stem): a function word typed onto a word the corpus knows.
    Tried after spelling correction, since «معوقت» is «معوقات» misspelt, not «مع» + «وقت»."""
    known = speller.surface
    for i in range(2, len(word) - 1):
        if word[:i] in function_words() and word[i:] in known:
            return word[i:], known[word[i:]]
    return None


@lru_cache(maxsize=8)
def _synonyms(extra: str) -> dict[str, tuple[tuple[str, str], ...]]:
    """stem → the (stem, normalised word) of each of its synonyms."""
    table: dict[str, set[tuple[str, str]]] = {}
    for group in synonym_groups(extra):
        entries = {(light_stem(normalize(w)), normalize(w)) for w in group}
        for stem, _ in entries:
            table.setdefault(stem, set()).update(e for e in entries if e[0] != stem)
    for english, arabic in english_glossary().items():  # one way: English → Arabic
        table.setdefault(english, set()).update((light_stem(normalize(w)), normalize(w)) for w in arabic)
    # One way: dialect → MSA; a dialect word that is also a question or function word («الما»
    # stems to «ما», «بدي» asks) or stems to two letters stays as it is.
    asking = question_words() | function_words()
    for dialect, msa in dialect_glossary().items():
        key = light_stem(normalize(dialect))
        if len(key) > 2 and normalize(dialect) not in asking and key not in asking:
            table.setdefault(key, set()).update((light_stem(normalize(w)), normalize(w)) for w in msa)
    return {k: tuple(sorted(v)) for k, v in table.items()}


def _known_synonyms(
    stem: str, synonyms: dict[str, tuple[tuple[str, str], ...]], vocab: SparseBM25, speller: Callable[[], Speller],
    settings: Settings,
) -> list[tuple[str, str]]:
    """(stem, word) of the synonyms of a stem that the corpus uses; a synonym the lecture
    misspells is still found, as a question word would be (long words only: a short one is one
    edit away from unrelated words)."""
    found: dict[str, str] = {}
    for syn, form in synonyms.get(stem, ()):
        if vocab.has(syn):
            found.setdefault(syn, form)
        elif len(form) >= settings.min_fuzzy_synonym:
            for near in nearest_stems(form, speller(), vocab):
                found.setdefault(near, form)
    return list(found.items())
