"""From a question to ranked passages: query terms, expansion, fused BM25, top-k.

A question's content words are stemmed like the lecture. A stem the lecture does not know is
matched as the student probably meant it: split in two known words («الانترنت» → «الانتر نت»),
joined with its neighbour, mapped to a known stem one or two edits away (typos), or freed of a
function word typed onto it («ماهوالنموذج»). Synonyms from the synonym table are searched too,
with less weight, and «ما هي X» is searched as a definition of X.

Ranking, each step measured on ARCD and the lecture question sets (benchmarks/quality.py):
the ``word`` and ``char`` fields are scored separately, a word by its best alternative, each
field scaled by its best score, and summed; the same sum over whole files is added, so the
lecture about the question's topic wins; the best candidates then gain by the share of the
question's words they hold and by how fully the question names their title.
"""

from __future__ import annotations

import math
from functools import lru_cache
from typing import Callable, NamedTuple

import numpy as np

from chatbot.analysis import FILE_PREFIX, char_terms, indexed_stem
from chatbot.arabic import content_words, function_words, light_stem, normalize
from chatbot.arabic import words as all_words
from chatbot.bm25 import SparseBM25
from chatbot.resources import synonym_groups, word_set
from chatbot.passages import Passage, strip_marker
from chatbot.spelling import Speller
from chatbot.store import StoredIndex

__all__ = ["QueryTerm", "coverage", "expand_query", "file_coverage", "held_words", "line_stems", "rank", "top_k"]

SYNONYM_WEIGHT = 0.5
FUZZY_WEIGHT = 0.8
MIN_FUZZY_SYNONYM = 5
# A misspelling is a one-off: a variant form counts as one when few passages use it.
RARE_VARIANT_DF = 2
VARIANT_WEIGHT = 0.3
MIN_VARIANT_LENGTH = 5
VERB_PREFIXES = "يتنا"
# Share of the fused score given to each field (see chatbot.analysis), to the file's own
# score, and to the coverage of the question's words among the best candidates.
FIELD_SHARES = {"word": 0.4, "char": 0.6}
FILE_SHARE = 0.5
COVERAGE_SHARE = 0.3
FILE_COVERAGE_SHARE = 0.3
TITLE_SHARE = 0.3
# The semantic signal (chatbot.semantic): a passage's cosine with the question, scaled from
# the corpus's median (0) to its best (1), times this share. Chosen before the dev sets were
# written; 0.5, 0.8 and 1.2 then measured alike on the blind and dev sets (536, 535 and 534
# right of 631 answerable, benchmarks/quality.py).
SEMANTIC_SHARE = 0.5
RERANKED = 30
MAX_GRAM_SHARE = 0.25


class QueryTerm(NamedTuple):
    word: str  # the question's word (normalised) this term stands for; "" for question words
    stem: str  # searched in the word field
    form: str  # searched, as character n-grams, in the char field
    weight: float
    how: str  # exact | split | join | fuzzy | variant | synonym | unknown


def nearest_stems(word: str, speller: Speller, vocab: SparseBM25) -> list[str]:
    """The (at most two) stems a misspelt word most likely stands for: closest, then
    commonest, then alphabetical (so the choice never depends on set order)."""
    found = {s: d for s, d in speller.suggest(word).items() if vocab.has(s)}
    if not found:
        return []
    best = min(found.values())
    return sorted((s for s, d in found.items() if d == best), key=lambda s: (-vocab.doc_freq(s), s))[:2]


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
    return {k: tuple(sorted(v)) for k, v in table.items()}


# A definition asked without a definition word: «ما هي X» is searched as «ما تعريف X».
DEFINITION_WORD = "تعريف"
MAX_DEFINED_WORDS = 3
MAX_BARE_TOPIC_WORDS = 2
RELATIVE_PRONOUNS = frozenset({"التي", "الذي", "الذين", "اللي", "الي"})


@lru_cache(maxsize=1)
def list_cue_stems() -> frozenset[str]:
    """Stems of the words that ask for a list or a comparison (data/list_cues.txt)."""
    return frozenset(light_stem(c) for c in word_set("list_cues"))


def asks_definition(question: str) -> bool:
    """«ما هي الحكومة الالكترونية», «شو هي الخصخصة»: a what-is phrase (data/what_is.txt) then a
    short topic, or a topic of one or two words typed alone, with no relative clause («ما هي الدولة التي تحد سوريا») and no list cue («ما هي
    مراحل …»), which ask something else."""
    ws = all_words(question)
    text = " ".join(ws)
    topic = content_words(question)
    what_is = any(text == p or text.startswith(p + " ") for p in word_set("what_is"))
    bare = len(topic) == len(ws) <= MAX_BARE_TOPIC_WORDS  # «الحكومة الالكترونية» typed alone
    return ((what_is or bare) and 0 < len(topic) <= MAX_DEFINED_WORDS and not RELATIVE_PRONOUNS & set(ws)
            and not any(light_stem(w) in list_cue_stems() for w in topic))


def expand_query(
    question: str, vocab: SparseBM25, speller: Callable[[], Speller], extra_synonyms: str = ""
) -> list[QueryTerm]:
    """The weighted terms to search for a question (see module docstring).

    ``speller`` gives the corpus's speller, asked for only when a word is unknown.
    Question words that carry meaning («عرف», «يعني»: a definition is asked) add their
    synonyms too.
    """
    words = content_words(question)
    asking = [w for w in all_words(question) if w in word_set("question_words")]
    if asks_definition(question):
        asking.append(DEFINITION_WORD)
    synonyms = _synonyms(extra_synonyms)
    terms: list[QueryTerm] = []
    joined: set[int] = set()
    for i, word in enumerate(words):
        if i in joined:
            continue
        stem = light_stem(word)
        if found := indexed_stem(word, vocab.has):
            terms.append(QueryTerm(word, found, word if found == stem else word[1:], 1.0, "exact"))
        elif i + 1 < len(words) and vocab.has(light_stem(word + words[i + 1])):
            both = word + words[i + 1]
            terms.append(QueryTerm(word + " " + words[i + 1], light_stem(both), both, 1.0, "join"))
            joined.add(i + 1)
        elif parts := _split(word, speller()):
            terms.extend(QueryTerm(word, part_stem, part, 1.0, "split") for part, part_stem in parts)
        elif known := _known_synonyms(stem, synonyms, vocab, speller):
            weight = min(SYNONYM_WEIGHT, 1 / len(known))
            terms.extend(QueryTerm(word, s, form, weight, "synonym") for s, form in known)
        elif near := nearest_stems(word, speller(), vocab):
            terms.extend(QueryTerm(word, n, word, FUZZY_WEIGHT, "fuzzy") for n in near)
        elif glued := _after_function_word(word, speller()):
            terms.append(QueryTerm(word, glued[1], glued[0], 1.0, "split"))
        else:
            terms.append(QueryTerm(word, stem, word, 1.0, "unknown"))
    # The lecture's own misspellings of a word the question spells right («مفهموم» for
    # «مفهوم»): rare forms one or two edits away are searched too.
    for t in [t for t in terms if t.how == "exact" and len(t.word) >= MIN_VARIANT_LENGTH]:
        for stem, distance in sorted(speller().suggest(t.word).items()):
            if stem != t.stem and 0 < vocab.doc_freq(stem) <= RARE_VARIANT_DF:
                terms.append(QueryTerm(t.word, stem, t.form, VARIANT_WEIGHT, "variant"))
    # Synonyms of the words found as they are, and of the question words that carry meaning
    # («عرف», «يعني»: a definition is asked); a word's synonyms share one weight.
    present = {t.stem for t in terms}
    sources = [(t.word, t.stem) for t in terms if t.how == "exact"] + [("", light_stem(w)) for w in asking]
    for word, stem in sources:
        known = [(s, f) for s, f in _known_synonyms(stem, synonyms, vocab, speller) if s not in present]
        terms.extend(QueryTerm(word, s, f, min(SYNONYM_WEIGHT, 1 / len(known)), "synonym") for s, f in known)
        present.update(s for s, _ in known)
    return terms


def _known_synonyms(
    stem: str, synonyms: dict[str, tuple[tuple[str, str], ...]], vocab: SparseBM25, speller: Callable[[], Speller]
) -> list[tuple[str, str]]:
    """(stem, word) of the synonyms of a stem that the corpus uses; a synonym the lecture
    misspells is still found, as a question word would be (long words only: a short one is one
    edit away from unrelated words)."""
    found: dict[str, str] = {}
    for syn, form in synonyms.get(stem, ()):
        if vocab.has(syn):
            found.setdefault(syn, form)
        elif len(form) >= MIN_FUZZY_SYNONYM:
            for near in nearest_stems(form, speller(), vocab):
                found.setdefault(near, form)
    return list(found.items())


Query = tuple[list[str], list[float]]


def _field_queries(terms: list[QueryTerm]) -> dict[str, list[list[Query]]]:
    """Per field, the question's words, each as its alternatives (its own term, synonyms, close
    spellings), each alternative a weighted query (a stem, or a form's n-grams). The two halves
    of a split word are two words: both are wanted."""
    words: dict[tuple[str, str], list[QueryTerm]] = {}
    for t in terms:
        words.setdefault((t.word, t.stem if t.how == "split" else ""), []).append(t)
    queries: dict[str, list[list[Query]]] = {"word": [], "char": []}
    for alternatives in words.values():
        queries["word"].append([([t.stem], [t.weight]) for t in alternatives])
        queries["char"].append([(list(g), [t.weight] * len(g)) for t in alternatives for g in [char_terms(t.form)]])
    return queries


def _common_grams_dropped(model: SparseBM25, grams: list[str], weights: list[float]) -> tuple[list[str], list[float]]:
    """The n-grams of a question less those found in over MAX_GRAM_SHARE of the documents
    («#ال», «ات#»): they tell passages apart no better than a stopword does, and at 100,000
    passages their postings were most of a question's cost."""
    limit = MAX_GRAM_SHARE * len(model)
    kept = [(g, w) for g, w in zip(grams, weights) if model.doc_freq(g) <= limit]
    return [g for g, _ in kept], [w for _, w in kept]


def _fuse(fields: dict[str, SparseBM25], prefix: str, queries: dict[str, list[list[Query]]]) -> np.ndarray:
    """Each field's scores scaled by its best, weighted by FIELD_SHARES and summed.

    A word scores as its best alternative, not their sum: a passage holding «المرحلي» and
    «مراحل» is not twice about «مرحلة»."""
    fused = np.zeros(len(fields[prefix + "word"]))
    for field, share in FIELD_SHARES.items():
        model = fields[prefix + field]
        single: Query = ([], [])
        scores = np.zeros(len(model))
        for alternatives in queries[field]:
            if field == "char":
                alternatives = [_common_grams_dropped(model, *q) for q in alternatives]
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


def rank(
    terms: list[QueryTerm], index: StoredIndex, of_file: Callable[..., float], similarity: np.ndarray | None = None
) -> np.ndarray:
    """Fused score of every passage (see module docstring); ``of_file`` is the question's
    :func:`file_coverage`, ``similarity`` each passage's cosine with the question (None: BM25
    alone)."""
    queries = _field_queries(terms)
    fused = _fuse(index.fields, "", queries)
    if len(index.params.get("files", ())) > 1:
        fused += FILE_SHARE * _fuse(index.fields, FILE_PREFIX, queries)[index.file_of]
    if similarity is not None:
        fused += SEMANTIC_SHARE * semantic_scores(similarity)
    best = np.array(top_k(fused, RERANKED), dtype=np.int64)
    if len(best):
        fused[best] += COVERAGE_SHARE * coverage(terms, index, best)
        fused[best] += TITLE_SHARE * np.array([title_match(index.passages[i], terms, index) for i in best])
        if len(index.params.get("files", ())) > 1:
            fused[best] += FILE_COVERAGE_SHARE * np.array([of_file(int(f), 0.0) for f in index.file_of[best]])
    return fused


MAX_LABEL_WORDS = 6


def _label(heading: str) -> str:
    """What a title line names: «2. التحليل: دراسة النظام الحالي…» names «التحليل»; a line with
    no short label before a colon names all it says."""
    line = strip_marker(heading)
    label, colon, _ = line.partition(":")
    return label if colon and label.strip() and len(label.split()) <= MAX_LABEL_WORDS else line


def line_stems(line: str, vocab: SparseBM25) -> set[str]:
    """The ``word``-field stems of a heading or title line, as the index holds them."""
    return {indexed_stem(w, vocab.has) or light_stem(w) for w in content_words(line)}


def title_match(passage: Passage, terms: list[QueryTerm], index: StoredIndex) -> float:
    """The IDF-weighted share of a passage's title (heading or item line, or the label before
    its colon) that the question names: «ما مفهوم الحكومة الالكترونية» fits the heading «مفهوم الحكومة الالكترونيه» fully and
    «مفهوم التجارة الالكترونية» only in part. Paragraphs have no title and get 0."""
    if not passage.heading:
        return 0.0
    vocab = index.fields["word"]
    title = line_stems(_label(passage.heading), vocab)
    total = sum(vocab.idf_of(s) for s in title)
    asked = {t.stem for t in terms}
    return sum(vocab.idf_of(s) for s in title & asked) / total if total else 0.0


def _word_weights(terms: list[QueryTerm], index: StoredIndex) -> dict[str, float]:
    """IDF of each question word; a word the corpus never uses counts as rarer than any, but
    an unknown word of one or two letters (a typo of a small word) not at all. A word is weighed
    by its own terms; by its synonyms only when it has no other («فوائد» for the lecture's
    «ايجابيات», «advantages»)."""
    vocab = index.fields["word"]
    unknown = math.log((len(vocab) + 1) / 0.5)
    own = {t.word for t in terms if t.how != "synonym"}
    weights: dict[str, float] = {}
    for t in terms:
        if t.word and (t.how != "synonym" or t.word not in own) and not (t.how == "unknown" and len(t.word) <= 2):
            idf = vocab.idf_of(t.stem) if vocab.has(t.stem) else unknown
            weights[t.word] = max(weights.get(t.word, 0.0), idf)
    return weights


def held_words(terms: list[QueryTerm], index: StoredIndex, docs: np.ndarray) -> dict[str, np.ndarray]:
    """For each word of the question that counts (see :func:`_word_weights`), which passages of
    ``docs`` hold it: a word is held when any of its terms, synonyms included, is."""
    held = {word: np.zeros(len(docs), dtype=bool) for word in _word_weights(terms, index)}
    for t in terms:
        if t.word in held:
            held[t.word] |= index.fields["word"].contains(t.stem, docs)
    return held


def coverage(terms: list[QueryTerm], index: StoredIndex, docs: np.ndarray) -> np.ndarray:
    """For each passage of ``docs``, the IDF-weighted share of the question's words it holds."""
    weights = _word_weights(terms, index)
    total = sum(weights.values())
    if not total:
        return np.zeros(len(docs))
    held = held_words(terms, index, docs)
    return sum(w * held[word] for word, w in weights.items()) / total


def _inflections(stem: str) -> list[str]:
    """The stem with each other imperfect-verb prefix: «يقع» → «تقع», «نقع», «اقع» (a question
    says «أين يقع» where the article writes «تقع»)."""
    if len(stem) >= 3 and stem[0] in VERB_PREFIXES:
        return [p + stem[1:] for p in VERB_PREFIXES if p != stem[0]]
    return []


def file_coverage(terms: list[QueryTerm], index: StoredIndex, speller: Speller) -> Callable[[int], float]:
    """For a question, a function giving the IDF-weighted share of its words that a file (a
    lecture) holds, with their synonyms, verb inflections or a spelling one or two edits away.

    A word the file lacks but other files of the corpus use counts ``elsewhere`` (half, to
    decide whether to abstain): it is a word of the corpus's language that this file happens to
    phrase otherwise, not a sign of another topic as a word unknown to the whole corpus is.
    To rank lectures against one another it counts nothing.
    """
    weights = _word_weights(terms, index)
    total = sum(weights.values())
    forms: dict[str, set[str]] = {word: set() for word in weights}
    for t in terms:
        if t.word in forms:
            forms[t.word].add(t.stem)
    for word, found in forms.items():
        stem = light_stem(word)
        found.update([stem, *_inflections(stem), *speller.suggest(word)])
    files = {word: _files_holding(found, index) for word, found in forms.items()}
    anywhere = {word: bool(held.any()) for word, held in files.items()}

    def share(file: int, elsewhere: float = 0.5) -> float:
        held = sum(w if files[word][file] else w * elsewhere if anywhere[word] else 0.0 for word, w in weights.items())
        return held / total if total else 0.0

    return share


def _files_holding(stems: set[str], index: StoredIndex) -> np.ndarray:
    """Which files (a boolean per file) hold any of the stems."""
    vocab = index.fields["word"]
    held = np.zeros(len(index.params["files"]), dtype=bool)
    for stem in stems:
        held[index.file_of[vocab.postings(stem)]] = True
    return held


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
