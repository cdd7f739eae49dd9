"""From a question to ranked passages: query terms, expansion, fused BM25, top-k.

A question's content words are stemmed like the lecture. A stem the lecture does not know is
matched as the student probably meant it: split in two known words («الانترنت» → «الانتر نت»),
joined with its neighbour, or mapped to a known stem one or two edits away (typos). Synonyms
from the synonym table are searched too, with less weight. The ``word`` and ``char`` fields are
scored separately, each scaled by its best score, and summed.
"""

from __future__ import annotations

from functools import lru_cache
from typing import Callable, NamedTuple

import numpy as np

from chatbot.analysis import word_pairs
from chatbot.arabic import char_ngrams
from chatbot.arabic import content_words, light_stem, normalize
from chatbot.arabic import words as all_words
from chatbot.bm25 import SparseBM25
from chatbot.resources import synonym_groups, word_set
from chatbot.spelling import Speller

__all__ = ["QueryTerm", "Ranking", "expand_query", "rank", "top_k"]

SYNONYM_WEIGHT = 0.5
FUZZY_WEIGHT = 0.8
MIN_FUZZY_SYNONYM = 5
PROCLITICS = "بلكوف"
# Share of the fused score given to each field (see chatbot.analysis).
FIELD_SHARES = {"word": 0.4, "char": 0.4, "pair": 0.2}


class QueryTerm(NamedTuple):
    word: str  # the question's word (normalised) this term stands for
    stem: str
    weight: float
    how: str  # exact | split | join | fuzzy | synonym | unknown


class Ranking(NamedTuple):
    terms: list[QueryTerm]
    scores: np.ndarray  # fused score of every passage


def nearest_stems(word: str, speller: Speller, vocab: SparseBM25) -> list[str]:
    """The (at most two) stems a misspelt word most likely stands for: closest, then commonest."""
    found = {s: d for s, d in speller.suggest(word).items() if vocab.has(s)}
    if not found:
        return []
    best = min(found.values())
    return sorted((s for s, d in found.items() if d == best), key=lambda s: -vocab.doc_freq(s))[:2]


def _split(word: str, speller: Speller) -> list[str]:
    """«الانترنت» → stems of «الانتر» and «نت» when the corpus writes it as those two words."""
    known = speller.surface
    for i in range(2, len(word) - 1):
        if word[:i] in known and word[i:] in known:
            return [known[word[:i]], known[word[i:]]]
    return []


def _without_proclitic(word: str, vocab: SparseBM25) -> str | None:
    """«لمصر» → «مصر»: a one-letter proclitic (ب ل ك و ف) the light stemmer keeps, because
    stripping it blindly would break words such as «بيت», is stripped when that gives a stem
    the corpus knows."""
    if len(word) > 3 and word[0] in PROCLITICS:
        stem = light_stem(word[1:])
        if vocab.has(stem):
            return stem
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
    synonyms = _synonyms(extra_synonyms)
    terms: list[QueryTerm] = []
    joined: set[int] = set()
    for i, word in enumerate(words):
        if i in joined:
            continue
        stem = light_stem(word)
        if vocab.has(stem):
            terms.append(QueryTerm(word, stem, 1.0, "exact"))
        elif stripped := _without_proclitic(word, vocab):
            terms.append(QueryTerm(word, stripped, 1.0, "exact"))
        elif i + 1 < len(words) and vocab.has(light_stem(word + words[i + 1])):
            terms.append(QueryTerm(word + " " + words[i + 1], light_stem(word + words[i + 1]), 1.0, "join"))
            joined.add(i + 1)
        elif parts := _split(word, speller()):
            terms.extend(QueryTerm(word, part, 1.0, "split") for part in parts)
        elif known := _known_synonyms(stem, synonyms, vocab, speller):
            weight = min(SYNONYM_WEIGHT, 1 / len(known))
            terms.extend(QueryTerm(word, s, weight, "synonym") for s in known)
        elif near := nearest_stems(word, speller(), vocab):
            terms.extend(QueryTerm(word, n, FUZZY_WEIGHT, "fuzzy") for n in near)
        else:
            terms.append(QueryTerm(word, stem, 1.0, "unknown"))
    # Synonyms of the words found as they are, and of the question words that carry meaning
    # («عرف», «يعني»: a definition is asked); a word's synonyms share one weight.
    present = {t.stem for t in terms}
    sources = [(t.word, t.stem) for t in terms if t.how == "exact"] + [("", light_stem(w)) for w in asking]
    for word, stem in sources:
        known = [s for s in _known_synonyms(stem, synonyms, vocab, speller) if s not in present]
        terms.extend(QueryTerm(word, s, min(SYNONYM_WEIGHT, 1 / len(known)), "synonym") for s in known)
        present.update(known)
    return terms


def _known_synonyms(
    stem: str, synonyms: dict[str, tuple[tuple[str, str], ...]], vocab: SparseBM25, speller: Callable[[], Speller]
) -> list[str]:
    """The synonyms of a stem that the corpus uses; a synonym the lecture misspells is still
    found, as a question word would be (long words only: a short one is one edit away from
    unrelated words)."""
    found: list[str] = []
    for syn, form in synonyms.get(stem, ()):
        if vocab.has(syn):
            found.append(syn)
        elif len(form) >= MIN_FUZZY_SYNONYM:
            found.extend(nearest_stems(form, speller(), vocab))
    return list(dict.fromkeys(found))


def rank(terms: list[QueryTerm], fields: dict[str, SparseBM25]) -> np.ndarray:
    """Fused score of every passage: each field's BM25 scaled by its best, then weighted."""
    n = len(next(iter(fields.values())))
    fused = np.zeros(n)
    grams, gram_weights = [], []
    for t in terms:  # the n-grams of a term carry that term's weight
        g = char_ngrams([t.stem])
        grams.extend(g)
        gram_weights.extend([t.weight] * len(g))
    primary = [t.stem for t in terms if t.how != "synonym"]
    queries = {
        "word": ([t.stem for t in terms], [t.weight for t in terms]),
        "char": (grams, gram_weights),
        "pair": (word_pairs(primary), None),
    }
    for field, share in FIELD_SHARES.items():
        scores = fields[field].scores(*queries[field])
        scores = scores - scores.min() if n else scores  # BM25Plus adds a constant
        top = scores.max() if n else 0.0
        if top > 0:
            fused += share * scores / top
    return fused


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
