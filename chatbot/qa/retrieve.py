"""From a :class:`~chatbot.qa.query.Query` to ranked candidate passages and their evidence.

Ranking, each step measured on ARCD and the question sets (benchmarks/quality.py): the ``word``
and ``char`` fields are scored separately, a word by its best alternative, each field scaled by
its best score, and summed; the same sum over whole files is added, so the lecture about the
question's topic wins; the passage's cosine with the question is added when the index has
vectors, weighing more when the lectures lack the question's words (a paraphrase); the best
candidates then gain by the share of the question's words they hold (their items and headings
count), by the share their headings hold, by how fully the question names their title, by the
share of its neighbouring words they hold side by side and, for a definition asked, by a line
defining its topic. The shares were fit on the development
sets (benchmarks/fit_ranking.py; chatbot.qa.settings).

Retrieval also gathers, for every passage the decision may choose (the best ones, the best
sections, the item a section may narrow to, what explains a passage that only names its
subject), the evidence the decision weighs: so :mod:`chatbot.qa.decide` never searches again.
"""

from __future__ import annotations

import math
import re
from functools import lru_cache
from typing import Callable, NamedTuple, Sequence

import numpy as np

from chatbot.index.analysis import FILE_PREFIX, char_terms, indexed_stem, stem_choices
from chatbot.text.arabic import content_words, defining_words, light_stem, normalize, other_persons, word_set, words
from chatbot.index.bm25 import SparseBM25
from chatbot.index.passages import (
    MAX_ANSWER_CHARS, Level, Passage, is_formula, is_table_row, strip_marker, whole_span,
)
from chatbot.qa.answer_types import AnswerType, has_figure, names_counted
from chatbot.qa.query import Intent, Query, QueryTerm, TermOrigin
from chatbot.qa.settings import SETTINGS, Settings
from chatbot.text.spelling import Speller
from chatbot.index.store import StoredIndex

__all__ = ["Candidate", "Evidence", "RerankTerms", "Retrieval", "rerank_terms", "retrieve", "semantic_scores", "top_k"]

MAX_LABEL_WORDS = 6
_GLOSS_RE = re.compile(r"\(([^()]*)\)")
# Alternatives are looked for among the ``top`` + this many best passages (some are the answer's
# own items), suggestions among ``top`` × this many best sections (some hold no question word).
ALTERNATIVES_LOOKED_AT = 8
SECTIONS_PER_SHOWN = 3


class Evidence(NamedTuple):
    """What a decision to answer with a passage rests on (see chatbot.qa.decide.Abstention)."""

    coverage: float  # IDF-weighted share of the question's words its lecture holds (file_coverage)
    held: float  # share of the question's words the passage or its headings hold
    count: int  # how many of them
    answer_type: bool  # the passage can give the kind of answer asked (chatbot.qa.answer_types)
    semantic: float | None  # its cosine with the question above the corpus median; None: no vectors
    # The question asks for a person, date, number or place. A lecture explains more than it
    # dates or counts: such a question is out of scope far more often than another (48 dev sets:
    # 417 of 647 factoid questions against 366 of 5,358 others), and needs more evidence.
    factoid: bool = False
    # The question asks when and the passage shows a date: unlike a figure for «كم» (lectures
    # number their lists), a date shown is strong evidence (54 dev sets, words only: 35 such
    # answers right against 7 out of scope; ARCD: 161 of 200 right).
    dated: bool = False

    def features(self) -> list[float]:
        """In comparable ranges (the semantic gap is a few hundredths, so scaled by ten)."""
        return [self.coverage, self.held, min(self.count, 4) / 4, float(self.answer_type), 10 * (self.semantic or 0.0),
                float(self.factoid), float(self.dated)]


class Candidate(NamedTuple):
    """A passage the decision may choose, with what it needs to choose it."""

    score: float  # fused score
    title: float  # how fully the question names its title (title_match)
    evidence: Evidence
    best_child: int | None  # for a passage an answer starts from, its best-scoring item (None: none scores)
    thin: bool  # it only names its subject (few content words besides its title)
    explained_by: int | None  # for a passage that only names its subject, the passage explaining it
    whole: int | None = None  # for a section an answer starts from that lists nothing, its heading's whole span;
    # for a comparison asked of a section holding one side only, the section around it holding both


class Retrieval(NamedTuple):
    ranking: tuple[int, ...]  # the best passages by fused score, best first
    sections: tuple[int, ...]  # the best passages that are not items, best first
    scores: dict[int, float]  # the fused score of each passage of both
    held: dict[int, int]  # how many of the question's words each of the best sections holds
    candidates: dict[int, Candidate]  # the passages an answer may be: the best passage and the best
    # section, the item each may narrow to, and what explains either


Terms = tuple[QueryTerm, ...]
FieldQuery = tuple[list[str], list[float]]


def retrieve(
    query: Query, index: StoredIndex, speller: Speller, similarity: np.ndarray | None = None,
    depth: int = 10, top: int = 3, settings: Settings = SETTINGS,
) -> Retrieval:
    """The ``depth`` best passages, the best sections, and the evidence of the candidates a
    reply showing ``top`` passages may choose from; ``similarity`` is each passage's cosine with
    the question (None: BM25 alone)."""
    terms = query.terms
    files = file_coverage(terms, index, speller)
    scores = rank(query, index, files, similarity, settings)
    ranking = top_k(scores, max(depth, top + ALTERNATIVES_LOOKED_AT))
    sections = top_k(scores, SECTIONS_PER_SHOWN * top, index.sections)
    topic = _topic_stems(query, index, settings)
    starts = ranking[:1] + sections[:1]
    return Retrieval(
        tuple(ranking), tuple(sections), {i: float(scores[i]) for i in ranking + sections},
        {i: _held(_asked(query), index, i, topic, settings)[0] for i in sections},
        _candidates(query, index, scores, starts, files, similarity, topic, settings))


# --- Scoring -------------------------------------------------------------------------------


def rank(
    query: Query, index: StoredIndex, files: FileCoverage, similarity: np.ndarray | None = None,
    settings: Settings = SETTINGS,
) -> np.ndarray:
    """Fused score of every passage (see the module docstring)."""
    queries = _field_queries(query.terms)
    fused = _fuse(index.fields, "", queries, settings)
    several = len(index.params.get("files", ())) > 1
    if several:
        fused += settings.file_share * _fuse(index.fields, FILE_PREFIX, queries, settings)[index.file_of]
    if similarity is not None:
        # The fewer of the question's words its best lecture holds, the more its meaning leads.
        lack = 1.0 - float(files.ranking.max()) if len(files.ranking) else 0.0
        fused += settings.semantic_share * (1 + settings.semantic_lack_boost * lack) * semantic_scores(similarity)
    best = np.array(top_k(fused, settings.reranked), dtype=np.int64)
    if len(best):
        gains = rerank_terms(query, index, files, best, settings)
        fused[best] += settings.title_share * gains.title
        fused[best] += settings.phrase_share * gains.phrase
        fused[best] += settings.definition_share * gains.definition
        fused[best] += settings.file_coverage_share * gains.file_coverage
        fused[best] += settings.held_share * gains.held
        fused[best] += settings.headings_share * gains.headings
        fused[best] *= np.where(gains.summary, settings.summary_weight, 1.0)
        fused[best] *= np.where(gains.asks, settings.asking_weight, 1.0)
    return fused


class RerankTerms(NamedTuple):
    """What each of the best candidates gains beyond BM25, before its share (settings): one
    array over the candidates per term; benchmarks/fit_ranking.py fits the shares on them."""

    title: np.ndarray  # how fully the question names its title
    phrase: np.ndarray  # the share of the question's neighbouring words it holds side by side
    definition: np.ndarray  # 1 where a definition is asked and it defines the topic
    file_coverage: np.ndarray  # the share of the question's words its file holds (several files)
    held: np.ndarray  # the share of the question's words it, its items or its headings hold
    headings: np.ndarray  # the IDF-weighted share of the question's words its headings hold
    summary: np.ndarray  # it stands under a summary (a multiplier)
    asks: np.ndarray  # it asks questions (a multiplier)


def rerank_terms(
    query: Query, index: StoredIndex, files: FileCoverage, best: np.ndarray, settings: Settings = SETTINGS,
) -> RerankTerms:
    """The terms of :class:`RerankTerms` for the candidates ``best``."""
    terms, passages = query.terms, [index.passages[i] for i in best]
    none = np.zeros(len(best))
    pairs = asked_pairs(terms)
    topic = defined_topic(query) if query.intent == Intent.DEFINITION else None
    has = index.fields["word"].has
    several = len(index.params.get("files", ())) > 1
    return RerankTerms(
        np.array([title_match(p, terms, index) for p in passages]),
        np.array([phrase_match(p.text, pairs) for p in passages]) if pairs else none,
        np.array([float(defines(p.text, topic, has)) for p in passages]) if topic is not None else none,
        files.ranking[index.file_of[best]] if several else none,
        np.array([_held(_asked(query), index, int(i), {}, settings)[1] for i in best]),
        np.array([headings_named(p, terms, index, settings) for p in passages]),
        np.array([_in_summary(p) for p in passages], dtype=bool),
        np.array([_asks(p.text) for p in passages], dtype=bool),
    )


def _in_summary(passage: Passage) -> bool:
    """Whether a passage stands under a lecture's summary: a heading naming nothing but a
    summary and the lecture («خلاصة المحاضرة», «ملخص», «مراجعة سريعة»; data/summary.txt)."""
    return any(_names_summary(heading) for heading in passage.section)


@lru_cache(maxsize=4096)
def _names_summary(heading: str) -> bool:
    """«خلاصة المحاضرة», «ملخص»; a plan only beside the lecture («أهداف المحاضرة», not
    «الأهداف» alone: data/lecture_plan.txt)."""
    heading_words = set(content_words(strip_marker(heading)))
    named = heading_words - word_set("front_matter")
    plan = word_set("lecture_plan") if named != heading_words else frozenset()
    return bool(named) and named <= word_set("summary") | plan


# A line that asks: it ends in a question mark, the only one it holds, or opens with an exam
# instruction (data/exam_instructions.txt). A line asking several questions («يجيب كل عضو عن
# ثلاثة أسئلة: ماذا أنجزت أمس؟ …») tells what something is.
_ASKED_RE = re.compile(r"^[^?؟]*[?؟][\s.]*$")


def _asks_line(line: str) -> bool:
    line = strip_marker(line)
    first = words(line)[:1]
    return bool(_ASKED_RE.match(line)) or (bool(first) and first[0] in word_set("exam_instructions"))


@lru_cache(maxsize=4096)
def _asks(text: str) -> bool:
    """Whether a passage asks rather than answers: half or more of its lines, its heading left
    out, ask (a lecture's review questions, an exercise). It holds the words of the question it
    asks, never the answer."""
    lines = [line for line in text.splitlines() if line.strip()]
    body = lines[1:] if len(lines) > 1 else lines
    return 2 * sum(_asks_line(line) for line in body) >= len(body)


def _field_queries(terms: Terms) -> dict[str, list[list[FieldQuery]]]:
    """Per field, the question's words, each as its alternatives (its own term, synonyms, close
    spellings), each alternative a weighted query (a stem, or a form's n-grams). The two halves
    of a split word are two words: both are wanted."""
    words: dict[tuple[str, str], list[QueryTerm]] = {}
    for t in terms:
        words.setdefault((t.word, t.stem if t.origin == TermOrigin.SPLIT else ""), []).append(t)
    queries: dict[str, list[list[FieldQuery]]] = {"word": [], "char": []}
    for alternatives in words.values():
        queries["word"].append([([t.stem], [t.weight]) for t in alternatives])
        queries["char"].append([(list(g), [t.weight] * len(g)) for t in alternatives for g in [char_terms(t.form)]])
    return queries


def _common_grams_dropped(model: SparseBM25, grams: list[str], weights: list[float], share: float) -> FieldQuery:
    """The n-grams of a question less those found in over ``share`` of the documents («#ال»,
    «ات#»): they tell passages apart no better than a stopword does."""
    limit = share * len(model)
    kept = [(g, w) for g, w in zip(grams, weights) if model.doc_freq(g) <= limit]
    return [g for g, _ in kept], [w for _, w in kept]


def _fuse(fields: dict[str, SparseBM25], prefix: str, queries: dict[str, list[list[FieldQuery]]],
          settings: Settings) -> np.ndarray:
    """Each field's scores scaled by its best, weighted by its share and summed.

    A word scores as its best alternative, not their sum: a passage holding «المرحلي» and
    «مراحل» is not twice about «مرحلة»."""
    fused = np.zeros(len(fields[prefix + "word"]))
    for field, share in settings.field_shares.items():
        model = fields[prefix + field]
        single: FieldQuery = ([], [])
        scores = np.zeros(len(model))
        for alternatives in queries[field]:
            if field == "char":
                alternatives = [_common_grams_dropped(model, *q, settings.max_gram_share) for q in alternatives]
            alternatives = [q for q in alternatives if q[0]]
            if len(alternatives) == 1:
                single[0].extend(alternatives[0][0])
                single[1].extend(alternatives[0][1])
            elif alternatives:
                scores += np.max([_from_zero(model.scores(*q)) for q in alternatives], axis=0)
        if single[0]:
            scores += _from_zero(model.scores(*single))
        top = scores.max() if len(scores) else 0.0
        if top > 0:
            fused += share * scores / top
    return fused


def _from_zero(scores: np.ndarray) -> np.ndarray:
    """BM25Plus adds a constant per query term to every passage: taken off, so alternatives
    of different lengths compare."""
    return scores - scores.min() if len(scores) else scores


def semantic_scores(similarity: np.ndarray) -> np.ndarray:
    """Cosines scaled from the corpus's median (0) to its best (1): e5's cosines all sit in a
    narrow band (0.7–0.9), and only how far a passage stands above the rest says anything."""
    if not len(similarity):
        return similarity
    floor, top = float(np.median(similarity)), float(similarity.max())
    if top <= floor:
        return np.zeros(len(similarity))
    return np.clip((similarity - floor) / (top - floor), 0.0, 1.0)


def top_k(scores: np.ndarray, k: int, allowed: np.ndarray | None = None) -> list[int]:
    """Indices of the ``k`` best positive scores, best first (ties: reading order).

    Passages scoring 0 are never returned: rank-bm25's ``get_top_n`` would hand back arbitrary
    passages when nothing matched.
    """
    if allowed is not None:
        scores = np.where(allowed, scores, 0.0)
    positive = np.flatnonzero(scores > 0)
    if len(positive) > k:
        part = np.argpartition(-scores[positive], k - 1)[:k]
        positive = positive[part]
    order = sorted(positive.tolist(), key=lambda i: (-scores[i], i))
    return order[:k]


# --- Phrases ---------------------------------------------------------------------------------


def asked_pairs(terms: Terms) -> list[tuple[frozenset[str], frozenset[str]]]:
    """The question's neighbouring content words, each as the stems it may take: «شروط الدفاع
    الشرعي» asks for «الدفاع الشرعي» as one thing, not «الدفاع» here and «الشرعي» there."""
    stems: dict[str, set[str]] = {}
    for t in terms:
        if t.word:
            stems.setdefault(t.word, set()).add(t.stem)
    ordered = [frozenset(s) for s in stems.values()]
    return list(zip(ordered, ordered[1:]))


def phrase_match(text: str, pairs: list[tuple[frozenset[str], frozenset[str]]]) -> float:
    """The share of the question's neighbouring words that stand side by side, in the same
    order, among the passage's content words."""
    found = _stem_pairs(text)
    return sum(any((a, b) in found for a in first for b in second) for first, second in pairs) / len(pairs)


@lru_cache(maxsize=1024)
def _stem_pairs(text: str) -> frozenset[tuple[str, str]]:
    """Each two neighbouring content words of a line, as each stem the index may hold them
    under (:func:`chatbot.index.analysis.stem_choices`): cached, as a chat asks about the same
    passages again and again (a long passage holds some hundred pairs: 1,024 passages, the
    candidates of some thirty questions, stay within a few tens of megabytes)."""
    pairs: set[tuple[str, str]] = set()
    for line in text.splitlines():
        stems = [stem_choices(w) for w in content_words(line)]
        for first, second in zip(stems, stems[1:]):
            pairs.update((a, b) for a in first for b in second)
    return frozenset(pairs)


# --- Titles --------------------------------------------------------------------------------


def _label(heading: str) -> str:
    """What a title line names: «2. التحليل: دراسة النظام الحالي…» names «التحليل»; a line with
    no short label before a colon names all it says."""
    line = strip_marker(heading)
    label, colon, _ = line.partition(":")
    return label if colon and label.strip() and len(label.split()) <= MAX_LABEL_WORDS else line


def line_stems(line: str, index: StoredIndex) -> set[str]:
    """The ``word``-field stems of a heading or title line, as the index holds them (the function
    words its lectures name as their subject too: «كان وأخواتها»)."""
    vocab = index.fields["word"]
    named = tuple(index.params.get("named", ()))
    return {indexed_stem(w, vocab.has) or light_stem(w) for w in _heading_words(line, named)}


@lru_cache(maxsize=65536)
def _heading_words(line: str, named: tuple[str, ...]) -> tuple[str, ...]:
    """A heading's content words, read once: every candidate under it reads its headings (the
    words held and the headings term of the fused score, for each of the best candidates)."""
    return tuple(content_words(line, frozenset(named)))


def title_match(passage: Passage, terms: Terms, index: StoredIndex) -> float:
    """The IDF-weighted share of a passage's title (heading or item line, or the label before
    its colon) that the question names: «ما مفهوم الحكومة الالكترونية» fits the heading «مفهوم
    الحكومة الالكترونيه» fully and «مفهوم التجارة الالكترونية» only in part. A title and the
    gloss it gives in parentheses are two names of one thing, and the better named counts: «ما
    وظيفة طبقة الشبكة» names «طبقة الشبكة (Network Layer)» fully. Paragraphs have no title and
    get 0."""
    if not passage.heading:
        return 0.0
    asked = {t.stem for t in terms}
    word_stems = {t.stem for t in terms if t.word}
    return max(_named_share(line_stems(name, index), asked, word_stems, index)
               for name in title_names(_label(passage.heading)))


def headings_named(passage: Passage, terms: Terms, index: StoredIndex, settings: Settings = SETTINGS) -> float:
    """The IDF-weighted share of the question's words the passage's headings hold, its own and
    those above it: «ما عمل كان وأخواتها» is asked of «كان وأخواتها > عملها», not of «إن
    وأخواتها > عملها», though both texts name «كان». A word named only by a rare near form
    counts as much as that form weighs in the search."""
    named = set().union(*(line_stems(h, index) for h in passage.section))
    weights = _word_weights(terms, index)
    total = sum(weights.values())
    credit = dict.fromkeys(weights, 0.0)
    for t in terms:
        if t.word in credit and t.stem in named:
            credit[t.word] = max(credit[t.word], _credit(t, settings))
    return sum(w * credit[word] for word, w in weights.items()) / total if total else 0.0


def title_names(label: str) -> list[str]:
    """A short title's names: the title without its parenthesised glosses, and each gloss
    («طبقة الشبكة (Network Layer)» → «طبقة الشبكة», «Network Layer»). A longer line is a
    sentence, whose parentheses say more than a name («… باستخدام RR (time quantum = 2)»)."""
    glosses = [g for g in _GLOSS_RE.findall(label) if g.strip()]
    bare = _GLOSS_RE.sub(" ", label)
    if glosses and content_words(bare) and len(bare.split()) <= MAX_LABEL_WORDS:
        return [bare, *glosses]
    return [label]


def _named_share(title: set[str], asked: set[str], word_stems: set[str], index: StoredIndex) -> float:
    """The IDF-weighted share of ``title`` among the question's stems ``asked``; 0 when none of
    its ``word_stems`` is named, only asking words («مفهوم» for «ما هو»: «مفهوم الرقابة» names
    no «الدستور الجامد»)."""
    vocab = index.fields["word"]
    total = sum(vocab.idf_of(s) for s in title)
    named = title & asked
    if not named & word_stems:
        return 0.0
    return sum(vocab.idf_of(s) for s in named) / total if total else 0.0


# --- Definitions ------------------------------------------------------------------------------

_DEFINING_TOKEN_RE = re.compile(r"\w+|[:=()]")
# «الأصول = الخصوم + حقوق الملكية» is an equation, not a definition («السلوك = كل ما نلاحظه»).
_OPERATION_RE = re.compile(r"\s[-+×*/÷–−]\s")
_LATIN_RE = re.compile(r"[a-z0-9]+")
MAX_PARENTHESIS_TOKENS = 6


def defined_topic(query: Query) -> list[frozenset[str]]:
    """The words a definition question asks to define, in order, each as the stems it may take."""
    topic: dict[str, set[str]] = {}
    for t in query.terms:
        if t.word and not query.places(t) and t.origin != TermOrigin.SYNONYM and t.word not in defining_words()["before"]:
            topic.setdefault(t.word, set()).add(t.stem)
    return [frozenset(stems) for stems in topic.values()]


def defines(text: str, topic: list[frozenset[str]], has: Callable[[str], bool]) -> bool:
    """Whether a line of the passage defines the topic: its words in a row, then a defining word
    or a colon («قاعدة البيانات (Database) هي …», «التطبيع: …»), or after one («يقصد
    بالتطبيع …»); a parenthesis or an English term after the topic is skipped (data/defining.txt)."""
    if not topic:
        return False
    marks = defining_words()
    n = len(topic)
    for line in normalize(text).splitlines():
        if not any(stem in line for stem in topic[0]):  # stems are parts of their words: most lines go here
            continue
        tokens = _DEFINING_TOKEN_RE.findall(strip_marker(line))
        stems = [indexed_stem(tok, has) or light_stem(tok) for tok in tokens]
        for i in range(len(tokens) - n + 1):
            if not all(stems[i + k] in topic[k] for k in range(n)):
                continue
            if i and tokens[i - 1] in marks["before"]:
                return True
            j = _after_parenthesis(tokens, i + n)
            if j < len(tokens) and (tokens[j] in marks["after"] or tokens[j] in (":", "=") and (
                    _explaining_column(tokens[j + 1:], marks["column"]))) and not (
                    tokens[j] == "=" and _OPERATION_RE.search(line)):
                return True
    return False


def _explaining_column(rest: list[str], explaining: frozenset[str]) -> bool:
    """After «term:», a short label and a colon name a table's column («الأصول (Assets): طبيعته:
    مدينة | …», see chatbot.index.readers.base.table_lines): the row defines its term only
    under an explaining column («الشرح:»). Any other text after the colon defines it."""
    label = rest[: MAX_LABEL_WORDS + 1]
    if ":" not in label:
        return True
    return not explaining.isdisjoint(label[: label.index(":")])


def _after_parenthesis(tokens: list[str], j: int) -> int:
    """The first token from ``j`` past a short parenthesis and English words («(Database)»)."""
    if j < len(tokens) and tokens[j] == "(":
        close = next((k for k in range(j + 1, min(len(tokens), j + MAX_PARENTHESIS_TOKENS + 2)) if tokens[k] == ")"), None)
        if close is not None:
            j = close + 1
    while j < len(tokens) and _LATIN_RE.fullmatch(tokens[j]):
        j += 1
    return j


# --- The question's words in passages and files ----------------------------------------------


def _word_weights(terms: Terms, index: StoredIndex) -> dict[str, float]:
    """IDF of each question word; a word the corpus never uses counts as rarer than any, but
    an unknown word of one or two letters (a typo of a small word) not at all. A word is weighed
    by its own terms; by its synonyms only when it has no other («فوائد» for the lecture's
    «ايجابيات», «advantages»)."""
    vocab = index.fields["word"]
    unknown = math.log((len(vocab) + 1) / 0.5)
    own = {t.word for t in terms if t.origin != TermOrigin.SYNONYM}
    weights: dict[str, float] = {}
    for t in terms:
        synonym_only = t.origin == TermOrigin.SYNONYM and t.word in own
        if t.word and not synonym_only and not (t.origin == TermOrigin.UNKNOWN and len(t.word) <= 2):
            idf = vocab.idf_of(t.stem) if vocab.has(t.stem) else unknown
            weights[t.word] = max(weights.get(t.word, 0.0), idf)
    return weights


def held_words(
    terms: Terms, index: StoredIndex, docs: np.ndarray, context: frozenset[str] = frozenset(),
    settings: Settings = SETTINGS,
) -> dict[str, float]:
    """For each word of the question that counts (see :func:`_word_weights`), how fully the
    passages ``docs`` or the stems around them (``context``: their headings) hold it: 1 when any
    of its terms, synonyms included, is there; a rare near form of it, which may be the
    lecture's misspelling of it or another word («الحاجة» for «الحاجب»), as much as that form
    weighs in the search."""
    held = dict.fromkeys(_word_weights(terms, index), 0.0)
    for t in terms:
        if t.word in held and (t.stem in context or index.fields["word"].contains(t.stem, docs).any()):
            held[t.word] = max(held[t.word], _credit(t, settings))
    return held


def _credit(term: QueryTerm, settings: Settings) -> float:
    return settings.variant_weight if term.origin == TermOrigin.VARIANT else 1.0


class FileCoverage(NamedTuple):
    """Per file (a lecture), the IDF-weighted share of the question's words it holds, with
    their synonyms, verb inflections or a spelling one or two edits away.

    A word the file lacks but other files of the corpus use counts half in ``deciding`` (whether
    to abstain): it is a word of the corpus's language that this file happens to phrase
    otherwise, not a sign of another topic as a word unknown to the whole corpus is. To rank
    lectures against one another (``ranking``) it counts nothing."""

    ranking: np.ndarray
    deciding: np.ndarray


def file_coverage(terms: Terms, index: StoredIndex, speller: Speller) -> FileCoverage:
    weights = _word_weights(terms, index)
    total = sum(weights.values())
    n_files = len(index.params.get("files", ())) or 1
    if not total:
        return FileCoverage(np.zeros(n_files), np.zeros(n_files))
    forms: dict[str, set[str]] = {word: set() for word in weights}
    for t in terms:
        if t.word in forms:
            forms[t.word].add(t.stem)
    ranking, deciding = np.zeros(n_files), np.zeros(n_files)
    for word, found in forms.items():
        stem = light_stem(word)
        found.update([stem, *other_persons(stem), *speller.suggest(word)])
        held = _files_holding(found, index, n_files)
        ranking += weights[word] * held
        deciding += weights[word] * np.where(held, 1.0, 0.5 if held.any() else 0.0)
    return FileCoverage(ranking / total, deciding / total)


def _files_holding(stems: set[str], index: StoredIndex, n_files: int) -> np.ndarray:
    """Which files (a boolean per file) hold any of the stems."""
    vocab = index.fields["word"]
    held = np.zeros(n_files, dtype=bool)
    for stem in stems:
        held[index.file_of[vocab.postings(stem)]] = True
    return held


# --- Evidence for the decision ----------------------------------------------------------------


def _candidates(
    query: Query, index: StoredIndex, scores: np.ndarray, starts: list[int], files: FileCoverage,
    similarity: np.ndarray | None, topic: dict[str, np.ndarray], settings: Settings,
) -> dict[int, Candidate]:
    """A Candidate for each passage an answer may start from, the item it may narrow to, and
    what explains either when it only names its subject (a passage, else its section): the
    decision's every step (chatbot.qa.decide) stays within them."""
    passages = index.passages
    explaining = top_k(scores, settings.explaining_depth)
    median = None if similarity is None else float(np.median(similarity))
    found: dict[int, Candidate] = {}
    todo = [(i, True) for i in dict.fromkeys(starts)]
    while todo:
        i, start = todo.pop(0)
        if i in found:
            continue
        child = _best_child(i, scores, passages) if start else None
        count, held = _held(_asked(query), index, i, topic, settings)
        whole = _whole_span(i, passages) if start else None
        if start and whole is None and query.intent == Intent.COMPARISON and held < 1.0:
            whole = _holding_more(i, count, query, index, topic)
        thin = _is_thin(passages[i], settings)
        explained_by = _explaining(i, explaining, index, settings) if thin else None
        shown = _shows_answer_type(query, index, i)
        evidence = Evidence(
            float(files.deciding[index.file_of[i]]), held, count,
            shown or _held_enough(query, held, settings),
            None if median is None else float(similarity[i] - median), query.answer_type is not None,
            shown and query.answer_type == AnswerType.DATE)
        found[i] = Candidate(float(scores[i]), title_match(passages[i], query.terms, index), evidence, child,
                             thin, explained_by, whole)
        parent = passages[i].parent if thin and explained_by is None else -1
        todo += [(j, False) for j in (child, explained_by, parent, whole) if j is not None and j >= 0 and j not in found]
    return found


def _best_child(section: int, scores: np.ndarray, passages: list[Passage]) -> int | None:
    """The best-scoring passage within a section's span: one of its items, or for a heading's
    whole span («# الخلية» over «## تعريف الخلية» and «## انواع الخلايا») one of its sections
    (passages are in reading order, a section before those it holds). None when none scores."""
    best = None
    outer = passages[section]
    if outer.level != Level.SECTION:
        return None
    for i in range(section + 1, len(passages)):
        p = passages[i]
        if p.source != outer.source or p.first > outer.last:
            break
        if p.last <= outer.last and scores[i] > 0 and (best is None or scores[i] > scores[best]):
            best = i
    return best


def _whole_span(section: int, passages: list[Passage]) -> int | None:
    """For a section whose own text lists nothing («ثانياً: شروط الصلاة» and its introduction,
    over «وشروط الصحة هي:» and its list), its heading's whole span (None: none)."""
    lists = section + 1 < len(passages) and passages[section + 1].parent == section
    return None if lists else whole_span(passages, section)


def _holding_more(section: int, count: int, query: Query, index: StoredIndex, topic: dict[str, np.ndarray]) -> int | None:
    """For a comparison asked of a section holding one side only («صعوبات أكاديمية» for «الفرق
    بين الصعوبات النمائية والأكاديمية»), the narrowest section around it that holds more of the
    question's words and is short enough to show (None: none). Sections are in reading order, a
    section before those it holds; a span of more lines than an answer has characters is never
    short enough, which bounds the look back."""
    passages = index.passages
    inner = passages[section]
    for j in range(section - 1, -1, -1):
        outer = passages[j]
        if outer.source != inner.source or inner.first - outer.first > MAX_ANSWER_CHARS:
            return None
        if outer.level != Level.SECTION or not _holds(outer, inner):
            continue
        if len(outer.text) > MAX_ANSWER_CHARS:
            return None
        if _held(_asked(query), index, j, topic)[0] > count:
            return j
    return None



def _is_thin(p: Passage, settings: Settings) -> bool:
    """Whether a passage only names its subject: few content words besides its title and its
    cover lines (:func:`_is_cover`), and no formula («W = ½ × C × V²» under «الطاقة المخزنة في
    المكثف» is what a student asks for, however few its words)."""
    lines = p.text.splitlines()
    if any(is_formula(line) for line in lines[bool(p.heading):]):
        return False
    title = set(content_words(p.heading))
    body = [w for line in lines if not _is_cover_line(line) for w in content_words(line)]
    return sum(w not in title for w in body) < settings.min_body_words


# A cover line is short: «مقرر: شبكات الحاسوب 1», «المحاضرة الرابعة - د. أحمد».
MAX_COVER_LINE_WORDS = 12


def _is_cover_line(line: str) -> bool:
    """A short line naming the course, the lecture's number, the teacher or the institution
    (data/front_matter.txt)."""
    ws = words(line)
    return len(ws) <= MAX_COVER_LINE_WORDS and not word_set("front_matter").isdisjoint(ws)


def _is_cover(p: Passage) -> bool:
    """A lecture's cover (a title slide, a title page): every line after the heading is a cover
    line. It says which lecture this is, never what it teaches."""
    body = p.text.splitlines()[1:] if p.heading else p.text.splitlines()
    lines = [line for line in body if line.strip()]
    return bool(lines) and all(_is_cover_line(line) for line in lines)


def _explaining(thin: int, explaining: list[int], index: StoredIndex, settings: Settings) -> int | None:
    """The best-ranked passage that holds every word of a thin passage's title (or of its gloss:
    «حالة العملية (Process State)») and is not thin itself; for a lecture's cover, whose title
    names the whole lecture, the best-ranked passage that is not thin and does not span the
    cover (a short lecture's whole span is no explanation of it), nor, for a table's row, the
    table. None: none in the ranking's top."""
    p = index.passages[thin]
    vocab = index.fields["word"]
    others = np.array([i for i in explaining if i != thin], dtype=np.int64)
    if _is_cover(p):
        return next((int(i) for i in others if not _is_thin(index.passages[int(i)], settings)
                     and not _holds(index.passages[int(i)], p)), None)
    if is_table_row(p):
        others = np.array([i for i in others if not _holds(index.passages[int(i)], p)], dtype=np.int64)
    names = [stems for name in title_names(strip_marker(p.heading) or p.text) if (stems := line_stems(name, index))]
    if names and len(others):
        holds = np.any([np.all([vocab.contains(stem, others) for stem in stems], axis=0) for stems in names], axis=0)
        for i in others[holds]:
            if not _is_thin(index.passages[int(i)], settings):
                return int(i)
    return None


def _holds(outer: Passage, inner: Passage) -> bool:
    """Whether ``outer`` spans ``inner`` (the same passage, or a heading's whole span holding its
    own text)."""
    return outer.source == inner.source and outer.first <= inner.first and outer.last >= inner.last


def _topic_stems(query: Query, index: StoredIndex, settings: Settings) -> dict[str, np.ndarray]:
    """For each question stem the corpus uses, the files where it is a topic word: found in at
    least ``topic_share`` of the file's passages; a word placing the term a definition asks for
    («ما هي السرية في أمن المعلومات») in any file holding it."""
    vocab = index.fields["word"]
    n_files = len(index.params.get("files", ())) or 1
    per_file = np.bincount(index.file_of, minlength=n_files)
    topic: dict[str, np.ndarray] = {}
    for t in query.terms:
        if vocab.has(t.stem):
            holding = np.bincount(index.file_of[vocab.postings(t.stem)], minlength=n_files)
            found = holding > 0 if query.places(t) else holding >= settings.topic_share * np.maximum(per_file, 1)
            topic[t.stem] = topic.get(t.stem, False) | found
    return topic


def _asked(query: Query) -> Terms:
    """The terms of what a question asks about: for a definition, less the word asking for it
    («ما المقصود بالمناخ» asks about «المناخ»; «- المناخ: متوسط حالة الجو …» need not say
    «المقصود»), unless nothing else is left."""
    if query.intent != Intent.DEFINITION:
        return query.terms
    asking = defining_words()["before"]
    about = tuple(t for t in query.terms if t.word not in asking)
    return about or query.terms


def _held(
    terms: Terms, index: StoredIndex, passage: int, topic: dict[str, np.ndarray], settings: Settings = SETTINGS,
) -> tuple[int, float]:
    """How many of the question's words the passage holds, and what share of them (a rare near
    form counting its weight, :func:`held_words`). Its headings count («ماذا يحدث في مرحلة
    التحليل» → the item «التحليل» under «مراحل…»), and so do its lecture's topic words: «زرياب»
    in a lecture on al-Andalus need not say «الأندلس» to answer «كيف وصل زرياب الأندلس». A
    section holds what its items say: it is indexed by its outline, but shown whole («ما الفرق
    بين مقياس ريختر ومقياس ميركالي» → the chapter on earthquakes, whose item on measuring them
    names both)."""
    file = index.file_of[passage]
    context = set().union(*(line_stems(h, index) for h in index.passages[passage].section))
    context |= {stem for stem, files in topic.items() if files[file]}
    held = held_words(terms, index, np.array([passage, *_within(passage, index.passages)]), frozenset(context), settings)
    if not held:
        return 0, 0.0
    return sum(h > 0 for h in held.values()), sum(held.values()) / len(held)


def _within(passage: int, passages: Sequence[Passage]) -> list[int]:
    """The passages inside a passage's span (a section's items and sub-sections, which follow it:
    passages are in reading order)."""
    outer = passages[passage]
    inside = []
    for i in range(passage + 1, len(passages)):
        p = passages[i]
        if p.source != outer.source or p.first > outer.last:
            break
        if p.last <= outer.last:
            inside.append(i)
    return inside


def _shows_answer_type(query: Query, index: StoredIndex, passage: int) -> bool:
    """The question asks for a date or a number and the passage shows one (a figure, or a list
    under a heading naming what «كم …» counts)."""
    kind = query.answer_type
    if kind not in (AnswerType.DATE, AnswerType.NUMBER):
        return False
    p = index.passages[passage]
    following = index.passages[passage + 1] if passage + 1 < len(index.passages) else None
    listed = (kind == AnswerType.NUMBER and following is not None and following.parent == passage
              and names_counted(p.heading, query.text))
    return listed or has_figure(p.text, query.text, kind, p.heading)


def _held_enough(query: Query, held: float, settings: Settings) -> bool:
    """Whether a passage that shows no figure of the kind asked may still give the answer: any
    passage when the question is no factoid, else one holding at least ``settings.factoid_held``
    of the question's words (``held``, their share); a number must be shown."""
    kind = query.answer_type
    return kind is None or (kind in settings.factoid_held and held >= settings.factoid_held[kind])
